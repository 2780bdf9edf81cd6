//! `search` and `list` over folders, through the article cache.

use predicates::prelude::*;

use super::{yuedu, yuedu_at};

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
/// from the article cache.
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
    let said = run(&["search", "滕王阁"]);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("nothing matched “滕王阁”"), "{said}");
    let said = run(&["search", "滕王阁", "essays"]);
    assert_eq!(said.lines().count(), 1, "{said}");
    assert!(said.contains("`yuedu essays search 滕王阁`"), "{said}");
}

/// A search through the article cache reads and searches the collection a
/// part of 1,024 files at a time, keeping only the best hits: over 2,600
/// files, with hits in every part, in titles and in texts, in three
/// categories, it prints what the search over the whole loaded collection
/// (no cache) prints, cold and warm, for a few limits.
#[test]
fn a_search_read_part_by_part_ranks_as_the_whole_collection_does() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("诗集");
    for category in ["卷一", "卷二", "卷十"] {
        std::fs::create_dir_all(dir.join(category)).expect("mkdir");
    }
    for i in 0..2_600 {
        let category = ["卷一", "卷二", "卷十"][i % 3];
        let title = if i % 97 == 0 { "明月" } else { "无题" };
        let moons = "明月，".repeat(i % 4);
        let text = format!("+++\ntitle = \"{title}{i}\"\n+++\n\n第{i}首，{moons}清风。\n");
        std::fs::write(dir.join(category).join(format!("{i}.md")), text).expect("write");
    }
    let no_cache = home.path().join("no-cache.toml");
    std::fs::write(&no_cache, "[library]\ncache = false\n").expect("write");
    let search = |limit: &str, cached: bool| {
        let mut cmd = yuedu_at(home.path());
        if !cached {
            cmd.arg("--config").arg(&no_cache);
        }
        let output = cmd
            .arg("--dir")
            .arg(&dir)
            .args(["search", "明月", "--json", "--limit", limit])
            .output()
            .expect("runs");
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).expect("utf-8")
    };
    for limit in ["5", "30", "5000"] {
        let whole = search(limit, false);
        assert!(
            whole.contains("\"field\": \"title\"") && whole.matches("\"id\"").count() > 1,
            "{whole}"
        );
        assert_eq!(search(limit, true), whole, "limit {limit}, cold or warm");
        assert_eq!(search(limit, true), whole, "limit {limit}, warm");
    }
}
