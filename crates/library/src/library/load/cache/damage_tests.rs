//! A cache that is damaged, stale or cut short while in use never changes
//! what is shown: single bytes flipped or replaced anywhere, files rewritten
//! within the cache's clock tick, a cache truncated by someone else.

use std::path::Path;
use std::time::{Duration, SystemTime};

use super::tests::written_later;
use super::*;
use crate::library::{Library, LoadProblem, Plan};

type Summary = (Vec<(String, String, String)>, Vec<LoadProblem>);

/// A small collection with every kind of entry: Markdown with metadata,
/// plain text, a nested folder, and a file that is only a problem.
fn collection() -> tempfile::TempDir {
    let root = tempfile::tempdir().expect("tempdir");
    let write = |name: &str, text: &str| {
        let path = root.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        std::fs::write(path, text).expect("write");
    };
    write(
        "甲.md",
        "+++\ntitle = \"甲篇\"\nauthor = \"某人\"\n+++\n甲的内容，**强调**。\n\n第二段。",
    );
    write("乙.txt", "乙的内容\n\n另一段qqq。");
    write("丙/丁.md", "# 丁\n\n丁的内容。");
    write("坏.md", "+++\ntitle = [\n+++\n");
    root
}

fn of_library(library: &Library) -> Summary {
    let articles = library
        .articles()
        .iter()
        .map(|a| (a.id.to_string(), a.meta.title.to_string(), a.body.text.to_string()))
        .collect();
    (articles, library.problems().to_vec())
}

/// Loads through the cache, saves it; the summary, entries reused, and
/// whether the cache was written.
fn load(root: &Path, cache_dir: &Path) -> (Summary, usize, bool) {
    let plan = Plan::dirs(&[root.to_path_buf()]).expect("plan");
    let mut cache = plan.open_cache(cache_dir).expect("cache");
    let library = plan.load_cached(Some(&mut cache));
    let reused = cache.reused();
    let written = cache.save().expect("save");
    written_later(cache_dir);
    (of_library(&library), reused, written)
}

fn cache_file(cache_dir: &Path) -> std::path::PathBuf {
    let files: Vec<_> = std::fs::read_dir(cache_dir)
        .expect("cache folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

/// A small deterministic generator (xorshift), so a failure names its case.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn single_bytes_flipped_or_replaced_anywhere_never_change_what_is_shown() {
    let root = collection();
    let cache_dir = tempfile::tempdir().expect("cache");
    let expected = of_library(&Plan::dirs(&[root.path().to_path_buf()]).expect("plan").load());
    let (first, _, _) = load(root.path(), cache_dir.path());
    assert_eq!(first, expected);
    let file = cache_file(cache_dir.path());
    let good = std::fs::read(&file).expect("cache");
    let mut random = Random(0x9e37_79b9_7f4a_7c15);
    let mut wrong = Vec::new();
    let mut tried = 0;
    // Every byte once (flipped or replaced), then more at random positions.
    let positions: Vec<usize> = (0..good.len())
        .chain((0..200).map(|_| random.next() as usize % good.len()))
        .collect();
    for (case, at) in positions.into_iter().enumerate() {
        let mut bytes = good.clone();
        bytes[at] = if case % 2 == 0 {
            bytes[at] ^ (1 << (random.next() % 8))
        } else {
            bytes[at].wrapping_add(1 + (random.next() % 255) as u8)
        };
        std::fs::write(&file, &bytes).expect("damage the cache");
        tried += 1;
        let (loaded, _, rewritten) = load(root.path(), cache_dir.path());
        if loaded != expected || !rewritten {
            wrong.push((at, bytes[at], good[at], rewritten));
        }
        // The rewritten cache is whole again.
        let (_, reused, _) = load(root.path(), cache_dir.path());
        if reused != expected.0.len() + expected.1.len() {
            wrong.push((at, bytes[at], good[at], false));
        }
    }
    eprintln!("cache damage: {tried} cases tried, {} misled", wrong.len());
    assert!(tried > 500, "{tried} cases");
    assert!(
        wrong.is_empty(),
        "{} of {tried} damaged caches misled: {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(10)]
    );
}

fn set_modified(path: &Path, ns: i128) {
    let time = SystemTime::UNIX_EPOCH + Duration::from_nanos(u64::try_from(ns).expect("after 1970"));
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(time))
        .expect("set the time");
}

#[test]
fn racy_entries_are_read_again() {
    let root = tempfile::tempdir().expect("tempdir");
    let cache_dir = tempfile::tempdir().expect("cache");
    let article = root.path().join("甲.txt");
    std::fs::write(&article, "新的内容").expect("write");
    let meta = std::fs::metadata(&article).expect("stat");
    let stamp = Stamp::of(&meta);
    // What a cache written in the same clock tick as the file's last change
    // holds on a file system with coarse times: the old text under the
    // stamp the new text has (same size, same times).
    let key = std::fs::canonicalize(root.path()).expect("real").join("甲.txt");
    let old = crate::library::parse_article("甲", "甲.txt", "旧的内容".as_bytes(), crate::library::Origin::Bundled)
        .expect("parses");
    let mut bytes = super::tests::header(PARSER);
    bytes.extend(entry_bytes(key.to_str().expect("utf-8"), "甲", stamp, Ok((&old.meta, &old.body))).expect("entry"));
    let plan = Plan::dirs(&[root.path().to_path_buf()]).expect("plan");
    let file = plan.open_cache(cache_dir.path()).expect("cache").file;
    let text = || {
        let plan = Plan::dirs(&[root.path().to_path_buf()]).expect("plan");
        let loaded = plan.load_cached(Some(&mut plan_cache(root.path(), cache_dir.path())));
        loaded.article_at(0).expect("article").body.text.to_string()
    };
    // Written in the file's own tick: the entry is not trusted.
    std::fs::write(&file, &bytes).expect("cache");
    set_modified(&file, stamp.newest_ns());
    assert_eq!(text(), "新的内容");
    // Written a tick later, the same entry is trusted: the rule above is what tells them apart.
    std::fs::write(&file, &bytes).expect("cache");
    set_modified(&file, stamp.newest_ns() + 1_000_000_000);
    assert_eq!(text(), "旧的内容");
}

fn plan_cache(root: &Path, cache_dir: &Path) -> ArticleCache {
    Plan::dirs(&[root.to_path_buf()])
        .expect("plan")
        .open_cache(cache_dir)
        .expect("cache")
}

#[cfg(unix)]
#[test]
fn a_cache_cut_short_or_written_over_while_in_use_crashes_nothing_and_misleads_nothing() {
    let root = collection();
    let cache_dir = tempfile::tempdir().expect("cache");
    let expected = of_library(&Plan::dirs(&[root.path().to_path_buf()]).expect("plan").load());
    load(root.path(), cache_dir.path());
    let file = cache_file(cache_dir.path());
    let good = std::fs::read(&file).expect("cache");
    let mut random = Random(7);
    for case in 0..40 {
        std::fs::write(&file, &good).expect("restore");
        let cut = random.next() % good.len() as u64;
        let load_plan = Plan::dirs(&[root.path().to_path_buf()]).expect("plan");
        let mut positioned = load_plan.open_cache(cache_dir.path()).expect("cache");
        // Cut the file under the open caches (or, every other time, write
        // over it where it lies), then use every entry.
        let under = std::fs::File::options().write(true).open(&file).expect("open");
        if case % 2 == 0 {
            under.set_len(cut).expect("truncate");
        } else {
            use std::os::unix::fs::FileExt;
            under.write_all_at(&[0x55; 64], cut).expect("write over");
        }
        let loaded = of_library(&load_plan.load_cached(Some(&mut positioned)));
        assert_eq!(loaded, expected, "read where it lies after the file changed under it");
        assert!(positioned.reused() < expected.0.len() + expected.1.len() || case % 2 == 1);
        drop(positioned);
        // And a cache opened after the cut is read as far as it is whole.
        let (loaded, _, _) = load(root.path(), cache_dir.path());
        assert_eq!(loaded, expected);
    }
}

#[test]
fn one_folder_spelt_three_ways_shares_its_entries() {
    let root = collection();
    let cache_dir = tempfile::tempdir().expect("cache");
    let real = std::fs::canonicalize(root.path()).expect("real");
    let (_, _, written) = load(&real, cache_dir.path());
    assert!(written);
    let dotted = real.join("丙").join("..");
    let (summary, reused, written) = load(&dotted, cache_dir.path());
    assert_eq!(reused, summary.0.len() + summary.1.len(), "every entry reused");
    assert!(!written, "and the cache left as it is");
}
