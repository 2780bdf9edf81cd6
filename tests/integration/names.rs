//! Hostile file and folder names, bookmark notes and config keys through every
//! subcommand: no escape sequence, C1 control or bidi control reaches stdout,
//! stderr or the screen, and no name splits a tab-separated record.

use crate::support;

use std::fs;
use std::path::Path;
use std::process::Output;

use support::yuedu;

/// Names that set the title, write the clipboard, clear the screen, reorder
/// the line or split records.
const NAMES: [&str; 7] = [
    "\x1b]0;PWNED\x07",
    "\x1b]52;c;cHduZWQ=\x07",
    "clear\x1b[2J\x1b[H",
    "tab\there",
    "new\nline",
    "rtl\u{202e}dm.exe",
    "c1\u{9b}2J\u{85}next",
];

/// A collection whose every file and folder has a hostile name; every article
/// holds 共同词. Files that are skipped (empty) have hostile names too.
fn collection() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    for name in NAMES {
        fs::write(dir.path().join(format!("{name}.md")), "正文里有共同词。").expect("write");
        fs::write(dir.path().join(format!("{name}-empty.md")), "").expect("write");
    }
    let folder = dir.path().join(NAMES[0]);
    fs::create_dir(&folder).expect("folder");
    fs::write(folder.join(format!("{}.txt", NAMES[1])), "文件夹里的共同词。").expect("write");
    dir
}

/// Bytes that would act on a terminal: ESC, BEL and other C0 controls but
/// tab and newline, DEL, C1 controls (as UTF-8), bidi controls.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}')
        })
        .collect();
    assert!(bad.is_empty(), "{what}: {bad:?} reached the terminal:\n{text}");
}

fn run(home: &Path, dir: &Path, args: &[&str]) -> Output {
    let output = yuedu(home).arg("--dir").arg(dir).args(args).output().expect("runs");
    let what = args.join(" ");
    assert_inert(&format!("stdout of {what}"), &output.stdout);
    assert_inert(&format!("stderr of {what}"), &output.stderr);
    output
}

fn lines(bytes: &[u8]) -> Vec<String> {
    String::from_utf8(bytes.to_vec())
        .expect("utf-8")
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn list_keeps_one_record_per_article_and_reports_every_skipped_file() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection();
    let output = run(home.path(), dir.path(), &["list"]);
    assert!(output.status.success());
    let records = lines(&output.stdout);
    assert_eq!(records.len(), NAMES.len() + 1, "{records:#?}");
    assert!(records.iter().all(|r| r.matches('\t').count() == 2), "{records:#?}");
    assert!(records.iter().any(|r| r.starts_with("tab\\there\t")), "{records:#?}");
    assert!(records.iter().any(|r| r.starts_with("new\\nline\t")), "{records:#?}");
    let skipped = lines(&output.stderr);
    assert_eq!(skipped.len(), NAMES.len(), "{skipped:#?}");
    assert!(
        skipped
            .iter()
            .all(|l| l.starts_with("yuedu: skipped ") && l.ends_with("empty file"))
    );
}

#[test]
fn json_lists_escape_every_control_and_read_back_the_real_names() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection();
    for args in [&["list", "--json"][..], &["search", "共同词", "--json"]] {
        let output = run(home.path(), dir.path(), args);
        assert!(output.status.success(), "{args:?}");
        let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let ids: Vec<&str> = value
            .as_array()
            .expect("array")
            .iter()
            .filter_map(|e| e["id"].as_str())
            .collect();
        for name in NAMES {
            assert!(ids.contains(&name), "{args:?}: {name:?} not in {ids:?}");
        }
    }
}

#[test]
fn search_records_stay_whole_through_the_cache_and_without_it() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection();
    // The first run parses and writes the cache; the second reads it.
    for _ in 0..2 {
        let output = run(home.path(), dir.path(), &["search", "共同词"]);
        assert!(output.status.success());
        let records = lines(&output.stdout);
        assert_eq!(records.len(), NAMES.len() + 1, "{records:#?}");
        assert!(records.iter().all(|r| r.matches('\t').count() == 3), "{records:#?}");
    }
}

#[test]
fn did_you_mean_and_show_errors_are_escaped() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection();
    let output = run(home.path(), dir.path(), &["show", "\x1b]0;PWNE"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("did you mean \\u{1b}]0;PWNED\\u{7}"), "{stderr}");
    let output = run(home.path(), dir.path(), &["list", "--category", "\x1b]0;x\x07"]);
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn bookmarks_with_hostile_ids_and_notes_print_inert_in_every_format() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection();
    let data = home.path().join("data/yuedu");
    fs::create_dir_all(&data).expect("data folder");
    let bookmarks: Vec<serde_json::Value> = NAMES
        .iter()
        .enumerate()
        .map(|(i, name)| {
            serde_json::json!({
                "id": i, "article": name, "offset": 0,
                "snippet": format!("片段{name}"), "created": "2026-01-01T00:00:00Z",
                "note": format!("注{name}\u{9b}31m"),
            })
        })
        .collect();
    let state = serde_json::json!({"version": 1, "bookmarks": bookmarks, "last_read": NAMES[0]});
    fs::write(data.join("state.json"), state.to_string()).expect("state");
    let output = run(home.path(), dir.path(), &["bookmarks"]);
    assert!(output.status.success());
    let records = lines(&output.stdout);
    assert_eq!(records.len(), NAMES.len(), "{records:#?}");
    assert!(records.iter().all(|r| r.matches('\t').count() == 6), "{records:#?}");
    let output = run(home.path(), dir.path(), &["bookmarks", "export"]);
    assert!(output.status.success());
    let output = run(home.path(), dir.path(), &["bookmarks", "--json"]);
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(value.as_array().map(Vec::len), Some(NAMES.len()));
}

#[test]
fn config_paths_and_config_keys_are_escaped() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection();
    let output = run(home.path(), dir.path(), &["config"]);
    assert!(output.status.success());
    let config = home.path().join("bad.toml");
    fs::write(&config, "[reading]\n\"\x1b]0;KEY\x07\" = 1\n\"\u{9b}2J\" = 2\n").expect("config");
    let output = yuedu(home.path())
        .arg("--config")
        .arg(&config)
        .arg("list")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert_inert("a config error", &output.stderr);
}

#[cfg(unix)]
#[test]
fn the_reader_lets_nothing_through_before_or_on_the_screen() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection();
    let path = dir.path().to_str().expect("utf-8 temp path");
    let mut session = support::Session::open(&["--dir", path], 100, 30, home.path(), "8 篇");
    session.send("j");
    session.send("l");
    session.send("l");
    session.wait_for("共同词");
    session.quit();
    let effects = session.effects.lock().expect("effects");
    assert!(effects.titles.is_empty(), "the title was set: {:?}", effects.titles);
    assert!(effects.clipboard.is_empty(), "the clipboard was written");
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(
        !output.contains("\x1b]0;PWNED") && !output.contains("\x1b]52"),
        "{output:?}"
    );
    assert!(!output.contains('\u{9b}') && !output.contains('\u{202e}'), "{output:?}");
}
