//! The language of everything yuedu says, chosen from the locale (`LC_ALL`,
//! `LC_MESSAGES`, `LANG`) or `interface.language`: the reader in a
//! pseudo-terminal and the command line alike, in English and in Chinese.

use crate::support;

use predicates::prelude::*;
use support::{CHINESE, ENGLISH, Session, yuedu, yuedu_in};

/// A folder of one article and one empty file, which is skipped.
fn folder_with_a_skipped_file(home: &std::path::Path) -> String {
    let dir = home.join("文集");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("甲.md"), "# 甲篇\n\n正文。").expect("write");
    std::fs::write(dir.join("空.md"), "").expect("write");
    dir.to_string_lossy().into_owned()
}

#[test]
fn the_reader_speaks_english_in_an_english_locale_and_chinese_in_a_chinese_one() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = folder_with_a_skipped_file(home.path());
    let english = [("LANG", "C.UTF-8")];
    let mut session = Session::open_with(&[&dir], 80, 24, home.path(), &english, "1 file could not be read");
    session.wait_for("? help  q quit");
    session.send("!");
    session.wait_for("空.md: empty file");
    session.send("q");
    session.send("l");
    session.wait_for("unread");
    session.quit();
    session.wait_for("yuedu: skipped");

    let mut session = Session::open(&[&dir], 80, 24, home.path(), "有 1 个文件无法读取，已跳过");
    session.wait_for("? 帮助  q 退出");
    session.send("l");
    session.wait_for("未读");
    session.quit();
    session.wait_for("yuedu: 已跳过");
}

#[test]
fn lc_all_comes_before_lc_messages_and_lang() {
    let home = tempfile::tempdir().expect("tempdir");
    let ask = |vars: &[(&str, &str)]| {
        let mut cmd = yuedu(home.path());
        for (name, value) in vars {
            cmd.env(name, value);
        }
        let output = cmd.args(["show", "无此文"]).output().expect("runs");
        String::from_utf8_lossy(&output.stderr).into_owned()
    };
    assert!(ask(&[("LANG", "zh_CN.UTF-8")]).contains("没有 ID 为"));
    assert!(ask(&[("LANG", "zh_TW.UTF-8")]).contains("沒有 ID 為"));
    assert!(ask(&[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_US.UTF-8")]).contains("no article with ID"));
    let all = [
        ("LANG", "en_US.UTF-8"),
        ("LC_MESSAGES", "en_US.UTF-8"),
        ("LC_ALL", "zh_CN.UTF-8"),
    ];
    assert!(ask(&all).contains("没有 ID 为"));
}

#[test]
fn the_command_line_says_errors_and_skipped_files_in_the_locales_language() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = folder_with_a_skipped_file(home.path());
    yuedu_in(home.path(), CHINESE)
        .args([&dir, "list"])
        .assert()
        .success()
        .stderr(predicate::str::contains("yuedu: 已跳过").and(predicate::str::contains("空.md：空文件")));
    yuedu_in(home.path(), ENGLISH)
        .args([&dir, "list"])
        .assert()
        .success()
        .stderr(predicate::str::contains("yuedu: skipped").and(predicate::str::contains("空.md: empty file")));
    let missing = home.path().join("无此处");
    let missing = missing.to_string_lossy();
    yuedu_in(home.path(), CHINESE)
        .args(["--dir", &missing, "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("不存在"));
    yuedu_in(home.path(), CHINESE)
        .args(["search", ""])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("查询是空的"));
}

#[test]
fn interface_language_overrides_the_locale() {
    let home = tempfile::tempdir().expect("tempdir");
    let config = home.path().join("config/yuedu");
    std::fs::create_dir_all(&config).expect("mkdir");
    std::fs::write(config.join("config.toml"), "[interface]\nlanguage = \"zh-Hant\"\n").expect("write");
    yuedu_in(home.path(), ENGLISH)
        .args(["show", "无此文"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("沒有 ID 為"));
    let english = [("LANG", ENGLISH)];
    let mut session = Session::open_with(&[], 80, 24, home.path(), &english, "分類");
    session.wait_for("? 說明  q 退出");
    session.quit();
    std::fs::write(config.join("config.toml"), "[interface]\nlanguage = \"en\"\n").expect("write");
    yuedu_in(home.path(), CHINESE)
        .args(["show", "无此文"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no article with ID"));
}
