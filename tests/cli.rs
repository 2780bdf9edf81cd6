//! The non-interactive subcommands through the real binary.

use assert_cmd::Command;
use predicates::prelude::*;
use unicode_width::UnicodeWidthStr;

fn yuedu() -> Command {
    let mut cmd = Command::cargo_bin("yuedu").expect("binary");
    // Keep tests away from the user's real config and data.
    cmd.env("XDG_CONFIG_HOME", "/nonexistent-yuedu-test")
        .env("XDG_DATA_HOME", "/nonexistent-yuedu-test")
        .env("XDG_CACHE_HOME", std::env::temp_dir().join("yuedu-test-cache"));
    cmd
}

mod support;

use support::yuedu as yuedu_at;

#[test]
fn list_prints_the_three_bundled_articles() {
    yuedu().arg("list").assert().success().stdout(
        "jiaoyu/xuesheng-guanli\t教育管理\t如何做好学生管理工作\n\
         yingxiao/kehu-guanxi-guanli\t营销管理\t如何做好客户关系管理\n\
         yiyuan/tongji-xinxi\t医院管理\t如何做好医院统计信息工作\n",
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
        .stdout(predicate::str::starts_with("# 书签\n\n## 如何做好客户关系管理"));
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
    let read = |i: usize| {
        (
            list[i]["read"].as_str().unwrap_or(""),
            list[i]["progress"].as_u64().unwrap_or(999),
        )
    };
    assert_eq!(
        [read(0), read(1), read(2)],
        [("finished", 100), ("reading", 40), ("unread", 0)]
    );
    yuedu_at(home.path())
        .arg("bookmarks")
        .assert()
        .success()
        .stdout(predicate::str::ends_with("\t所谓客户关系管理\t0%\n"));
    yuedu_at(home.path())
        .args(["bookmarks", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"progress\": 0,"));
    // Listing leaves the state file as it was.
    assert_eq!(std::fs::read_to_string(data.join("state.json")).expect("read"), state);
}

#[test]
fn search_prints_results_and_exits_one_when_nothing_matches() {
    yuedu()
        .args(["search", "關係", "--limit", "1"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "yingxiao/kehu-guanxi-guanli\t如何做好客户关系管理\t",
        ));
    yuedu()
        .args(["search", "khgx"])
        .assert()
        .success()
        .stdout(predicate::str::contains("如何做好客户关系管理"));
    yuedu().args(["search", "=khgx"]).assert().code(1).stdout("");
    yuedu()
        .args(["search", "统计", "--json"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\"id\": \"yiyuan/tongji-xinxi\"").and(predicate::str::contains("\"hits\"")));
    yuedu().args(["search", ".*(["]).assert().code(1);
}

#[test]
fn a_search_over_a_folder_finds_traditional_text_and_matches_across_markup() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("繁體.md"),
        "+++\ntitle = \"繁體\"\n+++\n客戶關係很重要。",
    )
    .expect("write");
    // Emphasis, a line break and an entity inside the words: the parsed text still holds them.
    std::fs::write(
        dir.path().join("标记.md"),
        "+++\ntitle = \"标记\"\n+++\n客户**关系**，客户\n关系，客&#x6237;关系。",
    )
    .expect("write");
    std::fs::write(dir.path().join("其他.md"), "+++\ntitle = \"其他\"\n+++\n没有那个词。").expect("write");
    std::fs::write(dir.path().join("坏.md"), "+++\ntitle = [\n+++\n无关").expect("write");
    yuedu()
        .arg("--dir")
        .arg(dir.path())
        .args(["search", "客户关系"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with(
            "标记\t标记\t3\t客户关系，客户关系，客户关系。\n繁體\t繁體\t1\t客戶關係很重要。\n",
        ))
        .stderr(predicate::str::contains("坏.md"));
}

#[test]
fn the_article_cache_follows_edits_and_survives_damage() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("articles");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let article = dir.join("文章.md");
    std::fs::write(&article, "+++\ntitle = \"文章\"\n+++\n旧的内容。").expect("write");
    let search = |query: &str| {
        let mut cmd = yuedu_at(home.path());
        cmd.arg("--dir").arg(&dir).args(["search", query]);
        cmd.assert()
    };
    let cache_files = || -> Vec<std::path::PathBuf> {
        std::fs::read_dir(home.path().join("cache").join("yuedu"))
            .map(|entries| entries.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default()
    };
    search("旧的").success();
    let files = cache_files();
    assert_eq!(files.len(), 1, "one cache file for the folder: {files:?}");
    assert!(
        std::fs::read(&files[0])
            .expect("read")
            .starts_with(b"yuedu article cache\n")
    );
    search("旧的").success();

    // An edited file is read again.
    std::fs::write(&article, "+++\ntitle = \"文章\"\n+++\n新写的内容，长一些。").expect("write");
    search("旧的").code(1);
    search("新写").success().stdout(predicate::str::contains("新写的内容"));

    // A damaged cache is ignored and written anew.
    std::fs::write(&files[0], b"yuedu article cache\n\xff\xff garbage").expect("damage");
    search("新写").success().stdout(predicate::str::contains("新写的内容"));
    assert!(std::fs::read(&files[0]).expect("read").len() > 40, "rewritten");

    // Text in the cache that the parser could not have produced (an escape
    // sequence written into it) is never printed: the file is read again.
    let mut bytes = std::fs::read(&files[0]).expect("read");
    let at = bytes
        .windows("新写".len())
        .position(|w| w == "新写".as_bytes())
        .expect("the text is in the cache");
    bytes[at..at + 3].copy_from_slice(b"\x1b[m");
    std::fs::write(&files[0], bytes).expect("tamper");
    let out = search("的内容").success().get_output().stdout.clone();
    let out = String::from_utf8(out).expect("utf-8");
    assert!(out.contains("新写的内容") && !out.contains('\x1b'), "{out:?}");

    // A cache folder that cannot be made costs nothing but speed.
    let blocked = home.path().join("not-a-folder");
    std::fs::write(&blocked, "a file").expect("write");
    yuedu_at(home.path())
        .env("XDG_CACHE_HOME", &blocked)
        .arg("--dir")
        .arg(&dir)
        .args(["search", "新写"])
        .assert()
        .success()
        .stderr("");

    // library.cache = false keeps nothing.
    std::fs::remove_file(&files[0]).expect("remove");
    let config = home.path().join("config.toml");
    std::fs::write(&config, "[library]\ncache = false\n").expect("write");
    yuedu_at(home.path())
        .arg("--config")
        .arg(&config)
        .arg("--dir")
        .arg(&dir)
        .args(["search", "新写"])
        .assert()
        .success();
    assert!(cache_files().is_empty());
}

/// A folder of short poems with authors, searched twice: parsed, then read
/// in place from the article cache.
#[test]
fn search_finds_poems_by_author_pinyin_and_variant_characters() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("唐詩");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let poems = [
        ("a", "贈李白", "杜甫", "李白一斗詩百篇。"),
        ("b", "靜夜思", "李白", "床前明月光，疑是地上霜。"),
        ("c", "七絕一首", "無名", "山峯與羣山。"),
        ("d", "望廬山", "李白", "日照香爐生紫煙。"),
    ];
    for (file, title, author, text) in poems {
        std::fs::write(
            dir.join(format!("{file}.md")),
            format!("+++\ntitle = \"{title}\"\nauthor = \"{author}\"\n+++\n{text}\n"),
        )
        .expect("write");
    }
    let search = |args: &[&str]| {
        let mut cmd = yuedu_at(home.path());
        cmd.arg("--dir").arg(&dir).arg("search").args(args);
        String::from_utf8(cmd.assert().get_output().stdout.clone()).expect("utf-8")
    };
    for _ in 0..2 {
        let json = search(&["author:李白", "--json"]);
        assert_eq!(json.matches("\"field\": \"author\"").count(), 2, "{json}");
        assert!(!json.contains("贈李白"), "{json}");
        let ids: Vec<String> = search(&["李白"]).lines().map(|l| l[..1].to_string()).collect();
        assert_eq!(ids[0], "a", "the title first");
        assert_eq!(ids.len(), 3);
        for query in ["jys", "jingyesi"] {
            assert!(search(&[query]).starts_with("b\t靜夜思\t"), "{query}");
        }
        assert!(search(&["峰"]).starts_with("c\t"));
        assert!(search(&["群"]).starts_with("c\t"));
        assert_eq!(search(&["李白 -月"]).lines().count(), 2);
        assert_eq!(search(&["--", "-月", "李白"]).lines().count(), 2);
    }
}

#[test]
fn list_finds_a_category_by_prefix_and_folding() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("古文");
    std::fs::create_dir_all(&dir).expect("mkdir");
    for (file, category) in [("a", "卷一・周文"), ("b", "卷二・秦文"), ("c", "营销管理")] {
        std::fs::write(
            dir.join(format!("{file}.md")),
            format!("+++\ntitle = \"{file}\"\ncategory = \"{category}\"\n+++\n正文。\n"),
        )
        .expect("write");
    }
    let list = |category: &str| {
        let mut cmd = yuedu_at(home.path());
        cmd.arg("--dir").arg(&dir).args(["list", "--category", category]);
        cmd.assert()
    };
    for typed in ["卷一", "卷一·周文", "卷一・周文"] {
        list(typed).success().stdout("a\t卷一・周文\ta\n");
    }
    list("营銷管理").success().stdout("c\t营销管理\tc\n");
    list("卷")
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("several").and(predicate::str::contains("卷一・周文, 卷二・秦文")));
    list("体育").code(1).stderr(predicate::str::contains("营销管理"));
}

#[test]
fn two_folders_with_the_same_file_names_are_both_listed_and_searched() {
    let root = tempfile::tempdir().expect("tempdir");
    let (c1, c2) = (root.path().join("c1"), root.path().join("c2"));
    for (dir, text) in [(&c1, "治安策全文"), (&c2, "過秦論全文")] {
        std::fs::create_dir_all(dir).expect("mkdir");
        std::fs::write(dir.join("a.md"), text).expect("write");
    }
    let (c1, c2) = (c1.to_string_lossy().to_string(), c2.to_string_lossy().to_string());
    yuedu()
        .args(["--dir", &c1, "--dir", &c2, "list"])
        .assert()
        .success()
        .stdout(predicate::str::contains("a\t").and(predicate::str::contains("c2/a\t")))
        .stderr("");
    // Twice: the second search reads the article cache.
    for _ in 0..2 {
        yuedu()
            .args(["--dir", &c1, "--dir", &c2, "search", "過秦論"])
            .assert()
            .success()
            .stdout(predicate::str::contains("c2/a"));
    }
}

/// A folder with a novel, a web page and a damaged EPUB.
fn formats_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let novel = "第一章 风起\n正文一。\n第二章 云涌\n正文二。\n";
    std::fs::write(dir.path().join("小说.txt"), novel).expect("write");
    let page =
        "<html><head><title>春天</title><script>x()</script></head><body><nav>菜单</nav><p>盼望着。</p></body></html>";
    std::fs::write(dir.path().join("网页.html"), page).expect("write");
    std::fs::write(dir.path().join("坏书.epub"), b"PK\x03\x04 truncated").expect("write");
    dir
}

#[test]
fn files_and_folders_are_read_and_a_damaged_book_is_reported() {
    let dir = formats_folder();
    let novel = dir.path().join("小说.txt");
    yuedu()
        .arg("list")
        .arg(dir.path())
        .assert()
        .success()
        .stdout("小说\t未分类\t小说\n网页\t未分类\t春天\n")
        .stderr(predicate::str::contains(
            "坏书.epub: not a readable EPUB: the zip archive is damaged or truncated",
        ));
    yuedu()
        .arg("--dir")
        .arg(&novel)
        .arg("list")
        .assert()
        .success()
        .stdout("小说\t未分类\t小说\n");
    yuedu()
        .arg("show")
        .arg(dir.path().join("网页.html"))
        .assert()
        .success()
        .stdout(predicate::str::contains("盼望着").and(predicate::str::contains("菜单").not()));
}

#[test]
fn toc_prints_the_chapters_of_a_file_or_an_id() {
    let dir = formats_folder();
    let expected = "1\t0\t第一章 风起\n1\t30\t第二章 云涌\n";
    yuedu()
        .arg("toc")
        .arg(dir.path().join("小说.txt"))
        .assert()
        .success()
        .stdout(expected);
    for id in ["小说", "小说.txt"] {
        yuedu()
            .arg("--dir")
            .arg(dir.path())
            .args(["toc", id])
            .assert()
            .success()
            .stdout(expected);
    }
    yuedu()
        .args(["toc", "-", "--json"])
        .write_stdin("第一章 风起\n正文。\n第二章 云涌\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"title\": \"第二章 云涌\""));
}

#[test]
fn show_reads_standard_input_and_refuses_empty_or_binary_input() {
    yuedu()
        .args(["show", "-", "--width", "40"])
        .write_stdin("# 标题\n\n正文。\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("　　正文。"));
    yuedu()
        .args(["show", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input is empty"));
    yuedu()
        .args(["show", "-"])
        .write_stdin(&b"\x7fELF\0\0\0\x01"[..])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input is binary"));
}

#[test]
fn a_wrong_path_says_which_and_why() {
    yuedu()
        .arg("/nonexistent/书.epub")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/书.epub does not exist"));
    yuedu()
        .args(["show", "nope.epub"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.epub does not exist"));
    yuedu()
        .args(["show", "yingxiao/kehu-guanxi-guanli.md"])
        .assert()
        .success();
}

#[test]
fn bookmarks_without_paths_find_the_files_they_were_saved_for() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data/yuedu");
    std::fs::create_dir_all(&data).expect("mkdir");
    let file = home.path().join("岳阳楼记.md");
    std::fs::write(
        &file,
        "# 岳阳楼记\n\n庆历四年春，滕子京谪守巴陵郡。越明年，政通人和。\n",
    )
    .expect("write");
    let key = std::fs::canonicalize(&file).expect("real path");
    let gone = home.path().join("gone.md");
    let state = serde_json::json!({
        "version": 2,
        "positions": {},
        "bookmarks": [
            {"id": 1, "article": key, "offset": 0, "snippet": "庆历四年春", "created": "2026-11-27T02:30:00Z", "note": ""},
            {"id": 2, "article": gone, "offset": 0, "snippet": "不在了", "created": "2026-11-27T01:30:00Z", "note": ""}
        ]
    });
    std::fs::write(data.join("state.json"), state.to_string()).expect("write");
    let output = yuedu_at(home.path()).arg("bookmarks").output().expect("runs");
    assert!(output.status.success());
    let lines = String::from_utf8(output.stdout).expect("utf-8");
    let lines: Vec<&str> = lines.lines().collect();
    assert!(lines[0].contains("\t岳阳楼记\t\t庆历四年春\t0%"), "{lines:?}");
    assert!(lines[1].contains("\t(unattached)\t"), "{lines:?}");
    let output = yuedu_at(home.path())
        .args(["bookmarks", "--json"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json[0]["title"], "岳阳楼记");
    assert_eq!(json[0]["missing"], false);
}

#[test]
fn a_search_without_hits_says_so_and_how_to_search_a_folder_named_as_a_word() {
    let home = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(home.path().join("essays")).expect("mkdir");
    let run = |args: &[&str]| {
        let output = yuedu_at(home.path())
            .current_dir(home.path())
            .args(args)
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8(output.stderr).expect("utf-8")
    };
    let said = run(&["search", "岳阳楼"]);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("nothing matched “岳阳楼”"), "{said}");
    let said = run(&["search", "岳阳楼", "essays"]);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("`yuedu essays search 岳阳楼`"), "{said}");
}
