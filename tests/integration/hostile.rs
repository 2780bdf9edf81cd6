//! Broken and hostile input: none of it crashes, hangs or reaches the
//! terminal; every skipped file is reported.

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use predicates::prelude::*;
use support::yuedu;
use yuedu::layout::{Layout, LayoutSettings};
use yuedu::library::Library;

use crate::support;

/// A folder with one good article, so the collection is never empty.
fn collection() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("good.md"), "+++\ntitle = \"好\"\n+++\n正文。").expect("write");
    dir
}

fn load(dir: &Path) -> Library {
    Library::from_dirs(&[dir.to_path_buf()]).expect("the good article loads")
}

fn problem_for<'a>(library: &'a Library, name: &str) -> Option<&'a str> {
    library
        .problems()
        .iter()
        .find(|p| p.path.ends_with(name))
        .map(|p| p.message.en())
}

#[test]
fn invalid_utf8_in_markdown_is_decoded_not_fatal() {
    let dir = collection();
    let mut bytes = b"+++\ntitle = \"t\"\n+++\n".to_vec();
    bytes.extend_from_slice(&[0xff, 0xfe, 0x80, b'x', 0xc3]);
    fs::write(dir.path().join("bad-utf8.md"), &bytes).expect("write");
    let library = load(dir.path());
    assert_eq!(library.articles().len(), 2, "{:?}", library.problems());
}

#[test]
fn binary_and_empty_files_are_skipped_and_reported() {
    let dir = collection();
    fs::write(dir.path().join("image.md"), [0x89, b'P', b'N', b'G', 0, 0, 0, 13]).expect("write");
    fs::write(dir.path().join("empty.txt"), "").expect("write");
    fs::write(dir.path().join("blank.md"), "\n  \n").expect("write");
    let library = load(dir.path());
    assert!(problem_for(&library, "image.md").is_some_and(|m| m.contains("binary")));
    assert_eq!(problem_for(&library, "empty.txt"), Some("empty file"));
    assert_eq!(problem_for(&library, "blank.md"), Some("empty file"));
    let home = tempfile::tempdir().expect("home");
    yuedu(home.path())
        .arg("--dir")
        .arg(dir.path())
        .arg("list")
        .assert()
        .success()
        .stderr(predicate::str::contains("image.md: binary file"));
}

#[test]
fn empty_unterminated_and_huge_front_matter() {
    let dir = collection();
    fs::write(dir.path().join("empty-fm.md"), "+++\n+++\n正文").expect("write");
    fs::write(dir.path().join("open-fm.md"), "+++\ntitle = \"x\"\n正文没有结束").expect("write");
    let huge_value = format!("+++\ntitle = \"大\"\nsummary = \"{}\"\n+++\n正文", "长".repeat(350_000));
    fs::write(dir.path().join("huge-fm.md"), huge_value).expect("write");
    let huge_garbage = format!("+++\n{}+++\n正文", "= = =\n".repeat(170_000));
    fs::write(dir.path().join("garbage-fm.md"), huge_garbage).expect("write");
    let started = Instant::now();
    let library = load(dir.path());
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    let titles: Vec<&str> = library.articles().iter().map(|a| a.meta.title.as_str()).collect();
    assert!(titles.contains(&"empty-fm"), "{titles:?}");
    assert!(titles.contains(&"大"));
    assert!(problem_for(&library, "open-fm.md").is_some_and(|m| m.contains("never closed")));
    assert!(problem_for(&library, "garbage-fm.md").is_some_and(|m| m.contains("line 2")));
}

#[test]
fn a_ten_megabyte_line_lays_out() {
    let dir = collection();
    let line = "客户关系管理是一门学问".repeat(10 * 1024 * 1024 / 33);
    fs::write(dir.path().join("long-line.txt"), &line).expect("write");
    let library = load(dir.path());
    let article = &library[library.find("long-line").expect("loaded")];
    let layout = Layout::new(&article.body, LayoutSettings::with_width(40));
    // 3.5 million characters, 20 to a line.
    assert!(layout.len() > 150_000, "{} lines", layout.len());
    assert!(layout.plain_line(&article.body, layout.len() - 1).chars().count() <= 20);
}

#[test]
fn deeply_nested_markdown_loads() {
    let dir = collection();
    let quotes = format!("{}深\n", "> ".repeat(20_000));
    let lists: String = (0..5_000).map(|i| format!("{}- 第{i}层\n", "  ".repeat(i))).collect();
    let brackets = format!("{}文{}", "[".repeat(50_000), "]".repeat(50_000));
    fs::write(dir.path().join("quotes.md"), quotes).expect("write");
    fs::write(dir.path().join("lists.md"), lists).expect("write");
    fs::write(dir.path().join("brackets.md"), brackets).expect("write");
    let library = load(dir.path());
    assert_eq!(library.articles().len(), 4, "{:?}", library.problems());
    for article in library.articles() {
        Layout::new(&article.body, LayoutSettings::with_width(30));
    }
}

#[test]
fn controls_escapes_bidi_and_invisible_characters_never_reach_the_output() {
    let dir = collection();
    let hostile = "+++\ntitle = \"标题\\u001b]0;pwned\\u0007\"\n+++\n\
        清屏\x1b[2J标题\x1b]0;evil title\x07剪贴板\x1b]52;c;cGF5bG9hZA==\x1b\\颜色\x1b[31m红\x1b[0m。\
        C0\x01\x02\x7f C1\u{85}\u{9b}31m 反向\u{202e}文字\u{202c} 零宽\u{200b}\u{2060}字 \
        组合a\u{301}\u{302}\u{303}\u{304}\u{305}\u{306}\u{307}\u{308} 表情👨\u{200d}👩\u{200d}👧\u{fe0f}完。\n";
    fs::write(dir.path().join("hostile.md"), hostile).expect("write");
    let home = tempfile::tempdir().expect("home");
    let output = yuedu(home.path())
        .arg("--dir")
        .arg(dir.path())
        .args(["show", "hostile", "--width", "30"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("utf-8");
    for bad in [
        '\x1b', '\x07', '\x01', '\x7f', '\u{85}', '\u{9b}', '\u{202e}', '\u{200b}', '\u{2060}',
    ] {
        assert!(!text.contains(bad), "{bad:?} reached the output:\n{text:?}");
    }
    assert!(text.starts_with("标题\n"), "{text}");
    assert!(text.contains("清屏标题剪贴板颜色红。"));
    // Joined emoji as their parts, which every terminal draws alike.
    assert!(text.contains("👨👩👧\u{fe0f}"), "{text:?}");
}

#[test]
fn gb18030_with_invalid_sequences_is_decoded() {
    let dir = collection();
    let mut bytes = encoding_rs::GB18030
        .encode("这是一段用国标编码的中文文本，其中有坏字节。")
        .0
        .into_owned();
    bytes.extend_from_slice(&[0x81, 0x30, 0xff, 0x20]);
    bytes.extend_from_slice(&encoding_rs::GB18030.encode("后面还有正常的文字。").0);
    fs::write(dir.path().join("gb.txt"), &bytes).expect("write");
    let library = load(dir.path());
    let article = &library[library.find("gb").expect("loaded")];
    assert!(article.body.text.starts_with("这是一段用国标编码的中文文本"));
    assert!(article.body.text.contains("后面还有正常的文字"));
}

#[cfg(unix)]
#[test]
fn vanished_fifo_and_dangling_files_are_reported() {
    let dir = collection();
    std::os::unix::fs::symlink(dir.path().join("gone.md"), dir.path().join("dangling.md")).expect("symlink");
    let fifo = dir.path().join("pipe.md");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let started = Instant::now();
    let library = load(dir.path());
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "a FIFO must not block loading"
    );
    assert!(problem_for(&library, "dangling.md").is_some());
    if made {
        assert_eq!(problem_for(&library, "pipe.md"), Some("not a regular file"));
    }
}
