//! End-to-end: the reader over a damaged article cache, in a pseudo-terminal.
//! A cache cut short or with a byte changed shows the text of the files, not
//! of the cache, and the terminal is restored when the reader quits.

#![cfg(unix)]

use crate::support;

use std::fs;
use std::path::{Path, PathBuf};

use support::Session;

/// A folder of eight small articles, each with its own number in its text.
fn collection(home: &Path) -> PathBuf {
    let dir = home.join("texts/分类");
    fs::create_dir_all(&dir).expect("folder");
    for i in 0..8 {
        let text = format!("+++\ntitle = \"第{i}篇\"\n+++\n正文编号{i}在此，别无他物。\n");
        fs::write(dir.join(format!("a{i}.md")), text).expect("write");
    }
    home.join("texts")
}

/// The one article cache file below `home`.
fn cache_file(home: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = fs::read_dir(home.join("cache/yuedu"))
        .expect("cache folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "cache"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.remove(0)
}

/// Searches for article 3's text in the reader, opens it, checks the screen
/// shows that text, quits and checks the terminal is restored.
fn read_article_3(home: &Path, dir: &Path) {
    let dir = dir.to_string_lossy().into_owned();
    let mut session = Session::open(&["--dir", &dir], 80, 20, home, "分类");
    session.send("s");
    session.wait_for("搜索");
    session.send("正文编号3");
    session.wait_for("第3篇");
    session.send("\r");
    session.wait_for("正文编号3在此");
    assert!(!session.screen().contains("正文编号2在此"), "{}", session.screen());
    session.quit();
}

#[test]
fn the_reader_shows_the_files_text_over_a_truncated_or_changed_cache() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection(home.path());
    // The first run writes the cache.
    read_article_3(home.path(), &dir);
    let file = cache_file(home.path());
    let good = fs::read(&file).expect("cache");

    // Cut short in the middle.
    fs::write(&file, &good[..good.len() / 2]).expect("truncate");
    read_article_3(home.path(), &dir);

    // Article 3's text changed in the cache to article 2's: trusted, the
    // search would find nothing and the screen would show 正文编号2.
    let mut changed = good.clone();
    let at = changed
        .windows("正文编号3".len())
        .position(|w| w == "正文编号3".as_bytes())
        .expect("article 3's text in the cache")
        + "正文编号".len();
    changed[at] = b'2';
    fs::write(&file, &changed).expect("change a byte");
    read_article_3(home.path(), &dir);
}
