//! The non-interactive subcommands through the real binary.

use assert_cmd::Command;
use predicates::prelude::*;
use unicode_width::UnicodeWidthStr;

fn yuedu() -> Command {
    let mut cmd = Command::cargo_bin("yuedu").expect("binary");
    // Keep tests away from the user's real config and data.
    cmd.env("XDG_CONFIG_HOME", "/nonexistent-yuedu-test")
        .env("XDG_DATA_HOME", "/nonexistent-yuedu-test")
        .env("XDG_CACHE_HOME", std::env::temp_dir().join("yuedu-test-cache"))
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", support::ENGLISH);
    cmd
}

use crate::support;

mod damaged;
mod files;
mod search;
mod text;
mod vertical;

use support::yuedu as yuedu_at;

#[test]
fn list_prints_the_bundled_essays_poems_and_management_articles() {
    let assert = yuedu().arg("list").assert().success();
    let out = String::from_utf8_lossy(&assert.get_output().stdout).into_owned();
    assert!(out.starts_with("guwen/lou-shi-ming\t古文觀止\t陋室銘\n"), "{out}");
    assert!(out.contains("tangshi/jing-ye-si\t唐詩\t靜夜思\n"), "{out}");
    assert!(
        out.ends_with(
            "jiaoyu/xuesheng-guanli\t教育管理\t如何做好学生管理工作\n\
             yingxiao/kehu-guanxi-guanli\t营销管理\t如何做好客户关系管理\n\
             yiyuan/tongji-xinxi\t医院管理\t如何做好医院统计信息工作\n"
        ),
        "{out}"
    );
}

#[test]
fn list_filters_by_category_and_prints_json() {
    yuedu()
        .args(["list", "--category", "医院管理", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"id\": \"yiyuan/tongji-xinxi\"").and(predicate::str::contains("\"chars\"")));
    yuedu()
        .args(["list", "--category", "体育"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("教育管理"));
}

#[test]
fn show_lays_out_within_the_width() {
    let output = yuedu()
        .args(["show", "yingxiao/kehu-guanxi-guanli", "--width", "40"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).expect("utf-8");
    assert!(text.starts_with("如何做好客户关系管理\n"));
    for line in text.lines() {
        assert!(line.width() <= 40, "too wide: {line:?}");
        let body = line.trim_start_matches('\u{3000}');
        assert!(
            !body.starts_with(['，', '。', '、', '：', '；', '？', '！', '）', '》', '”']),
            "bad start: {line:?}"
        );
    }
    assert!(text.contains("\n\u{3000}\u{3000}一个公司营销目标"));
}

#[test]
fn unknown_ids_suggest_close_ones() {
    yuedu()
        .args(["show", "yingxiao/kehu"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean yingxiao/kehu-guanxi-guanli"));
}

#[test]
fn usage_errors_exit_with_status_two() {
    yuedu().args(["show"]).assert().code(2);
    yuedu().args(["show", "x", "--width", "0"]).assert().code(2);
    yuedu()
        .args(["--dir", "/nonexistent/yuedu", "list"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("does not exist"));
}

#[test]
fn dir_reads_user_folders_and_reports_bad_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("随笔")).expect("mkdir");
    std::fs::write(
        dir.path().join("随笔/春.md"),
        "+++\ntitle = \"春\"\n+++\n盼望着，盼望着。",
    )
    .expect("write");
    std::fs::write(dir.path().join("随笔/坏.md"), "+++\ntitle = \"坏\n+++\n").expect("write");
    let (gbk, _, _) = encoding_rs::GBK.encode("这是一个用GBK编码的文本文件，里面有中文。");
    std::fs::write(dir.path().join("旧文.txt"), &gbk).expect("write");
    yuedu()
        .args(["--dir"])
        .arg(dir.path())
        .arg("list")
        .assert()
        .success()
        .stdout("随笔/春\t随笔\t春\n旧文\t未分类\t旧文\n")
        .stderr(predicate::str::contains("坏.md: front matter line 2"));
    yuedu()
        .arg("--dir")
        .arg(dir.path())
        .args(["show", "旧文", "--width", "30"])
        .assert()
        .success()
        .stdout(predicate::str::contains("这是一个用GBK编码的文本文\n件，里面有中文。"));
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    // `yuedu list | head -0`: stdout closes early; yuedu must exit quietly.
    let output = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!(
            "{} show yingxiao/kehu-guanxi-guanli --width 20 | head -c 1 >/dev/null",
            env!("CARGO_BIN_EXE_yuedu")
        ))
        .output()
        .expect("sh");
    assert!(output.status.success());
    assert!(!String::from_utf8_lossy(&output.stderr).contains("panicked"));
}

#[test]
fn bookmarks_list_as_text_json_and_markdown() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data/yuedu");
    std::fs::create_dir_all(&data).expect("mkdir");
    let state = r#"{
      "version": 1,
      "positions": {},
      "bookmarks": [
        {"id": 1, "article": "yingxiao/kehu-guanxi-guanli", "offset": 10, "snippet": "所谓客户关系管理",
         "created": "2026-11-27T02:30:00Z", "note": "重点"},
        {"id": 2, "article": "gone/article", "offset": 0, "snippet": "不在了", "created": "2026-11-27T03:00:00Z", "note": ""}
      ]
    }"#;
    std::fs::write(data.join("state.json"), state).expect("write");
    let run = |args: &[&str]| yuedu_at(home.path()).args(args).assert();
    run(&["bookmarks"])
        .success()
        .stdout(predicate::str::contains("gone/article\t(unattached)"))
        .stdout(predicate::str::contains(
            "yingxiao/kehu-guanxi-guanli\t如何做好客户关系管理\t重点\t所谓客户关系管理",
        ));
    run(&["bookmarks", "--json"])
        .success()
        .stdout(predicate::str::contains("\"missing\": true"));
    run(&["bookmarks", "export"])
        .success()
        .stdout(predicate::str::starts_with("# Bookmarks\n\n## 如何做好客户关系管理"));
    support::yuedu_in(home.path(), support::CHINESE)
        .args(["bookmarks", "export"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# 书签\n\n## 如何做好客户关系管理"))
        .stdout(predicate::str::contains("## gone/article（未关联）"));
}

#[test]
fn list_json_and_bookmarks_say_how_far_each_was_read() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data/yuedu");
    std::fs::create_dir_all(&data).expect("mkdir");
    let state = r#"{
      "version": 1,
      "positions": {
        "yingxiao/kehu-guanxi-guanli": {"offset": 900, "percent": 40, "finished": false, "updated": "2026-11-27T02:30:00Z"},
        "jiaoyu/xuesheng-guanli": {"offset": 10, "percent": 1, "finished": true, "updated": "2026-11-27T02:30:00Z"}
      },
      "bookmarks": [
        {"id": 1, "article": "yingxiao/kehu-guanxi-guanli", "offset": 0, "snippet": "所谓客户关系管理",
         "created": "2026-11-27T02:30:00Z", "note": ""}
      ]
    }"#;
    std::fs::write(data.join("state.json"), state).expect("write");
    let output = yuedu_at(home.path()).args(["list", "--json"]).output().expect("run");
    assert!(output.status.success());
    let list: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let read = |id: &str| {
        let entries = list.as_array().expect("a list");
        let entry = entries.iter().find(|e| e["id"] == id).expect("listed");
        (
            entry["read"].as_str().unwrap_or("").to_string(),
            entry["progress"].as_u64().unwrap_or(999),
        )
    };
    assert_eq!(
        [
            read("jiaoyu/xuesheng-guanli"),
            read("yingxiao/kehu-guanxi-guanli"),
            read("yiyuan/tongji-xinxi")
        ],
        [
            ("finished".to_string(), 100),
            ("reading".to_string(), 40),
            ("unread".to_string(), 0)
        ]
    );
    yuedu_at(home.path())
        .arg("bookmarks")
        .assert()
        .success()
        // Before the first heading: no chapter.
        .stdout(predicate::str::ends_with("\t所谓客户关系管理\t0%\t\n"));
    yuedu_at(home.path())
        .args(["bookmarks", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"progress\": 0,").and(predicate::str::contains("\"chapter\": null,")));
    // Listing leaves the state file as it was.
    assert_eq!(std::fs::read_to_string(data.join("state.json")).expect("read"), state);
}
