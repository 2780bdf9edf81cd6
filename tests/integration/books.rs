//! Books and files through the real binary: the user's chapter pattern and
//! the article cache, titles of standard input and plain Markdown, and paths
//! written before a subcommand.

use std::fs;
use std::path::Path;

use predicates::prelude::*;

use crate::support;

use support::yuedu;

/// Sets the chapter pattern of the platform config file (`None`: no file).
fn set_pattern(home: &Path, pattern: Option<&str>) {
    let file = home.join("config/yuedu/config.toml");
    fs::create_dir_all(file.parent().expect("folder")).expect("config folder");
    match pattern {
        Some(pattern) => fs::write(&file, format!("[library]\nchapter_pattern = '{pattern}'\n")).expect("write"),
        None => fs::remove_file(&file).expect("remove"),
    }
}

#[test]
fn a_chapter_pattern_splits_a_play_and_a_changed_pattern_parses_the_cached_folder_again() {
    let home = tempfile::tempdir().expect("home");
    let folder = tempfile::tempdir().expect("folder");
    let play = "窦娥冤\n\n【楔子】\n卜儿上。\n\n【第一折】\n正末上。\n\n【第二折】\n净上。\n\n【第三折】\n外上。\n";
    fs::write(folder.path().join("窦娥冤.txt"), play).expect("write");
    fs::write(folder.path().join("序.md"), "# 序\n\n正文。\n").expect("write");
    let toc = |home: &Path| {
        let output = yuedu(home)
            .arg("--dir")
            .arg(folder.path())
            .args(["toc", "窦娥冤"])
            .output()
            .expect("runs");
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).expect("utf-8")
    };
    // The built-in rule sees no chapters in the play, and caches it so.
    assert_eq!(toc(home.path()), "");
    support::written_later(&home.path().join("cache/yuedu"));
    assert!(home.path().join("cache/yuedu").read_dir().expect("cache").count() > 0);
    set_pattern(home.path(), Some(r"^【(第.+折|楔子)】$"));
    let chapters = toc(home.path());
    support::written_later(&home.path().join("cache/yuedu"));
    let titles: Vec<&str> = chapters.lines().filter_map(|l| l.rsplit('\t').next()).collect();
    assert_eq!(titles, ["【楔子】", "【第一折】", "【第二折】", "【第三折】"]);
    assert_eq!(toc(home.path()), chapters, "the same pattern reads the cache");
    set_pattern(home.path(), None);
    assert_eq!(
        toc(home.path()),
        "",
        "without the pattern the play has no chapters again"
    );
    // A file named on its own, and standard input, take the pattern too.
    set_pattern(home.path(), Some("^【第.+折】$"));
    yuedu(home.path())
        .arg("toc")
        .arg(folder.path().join("窦娥冤.txt"))
        .assert()
        .success()
        .stdout(predicate::str::contains("【第三折】").and(predicate::str::contains("楔子").not()));
    yuedu(home.path())
        .args(["toc", "-"])
        .write_stdin(play)
        .assert()
        .success()
        .stdout(predicate::str::contains("【第一折】"));
}

#[test]
fn a_bad_chapter_pattern_is_one_sentence_with_its_place() {
    let home = tempfile::tempdir().expect("home");
    set_pattern(home.path(), Some("第(章"));
    let file = home.path().join("config/yuedu/config.toml");
    yuedu(home.path()).arg("list").assert().code(2).stdout("").stderr(format!(
        "yuedu: {}, line 2, column 19: library.chapter_pattern is not a valid regular expression (found open group without closing ')')\n",
        file.display()
    ));
}

#[test]
fn paths_before_a_subcommand_are_its_paths_and_untitled_texts_take_their_titles_from_the_text() {
    let home = tempfile::tempdir().expect("home");
    let base = tempfile::tempdir().expect("base");
    for (folder, file, text) in [
        ("c1", "a.md", "+++\ntitle = \"甲\"\n+++\n秦王。\n"),
        ("c2", "b.md", "引言。\n\n# 乙  篇\n\n秦国。\n"),
        ("c2", "c.md", "## 小节\n\n没有一级标题。\n"),
    ] {
        fs::create_dir_all(base.path().join(folder)).expect("folder");
        fs::write(base.path().join(folder).join(file), text).expect("write");
    }
    let run = |args: &[&str]| yuedu(home.path()).current_dir(base.path()).args(args).assert();
    let piped = |text: &str| {
        yuedu(home.path())
            .current_dir(base.path())
            .args(["list", "-"])
            .write_stdin(text)
            .assert()
    };
    run(&["c1", "c2", "search", "秦"])
        .success()
        .stdout(predicate::str::contains("a\t甲").and(predicate::str::contains("b\t乙 篇")));
    run(&["c1", "c2", "list"])
        .success()
        .stdout("a\t未分类\t甲\nb\t未分类\t乙 篇\nc\t未分类\tc\n");
    run(&["c2", "toc", "b"])
        .success()
        .stdout(predicate::str::ends_with("\t乙  篇\n"));
    // Standard input is titled by its first heading, or its first line.
    piped("\n  静夜思  \n床前明月光，\n疑是地上霜。\n")
        .success()
        .stdout("stdin\t未分类\t静夜思\n");
    piped("正文在前。\n\n## 春晓\n\n春眠不觉晓。\n")
        .success()
        .stdout("stdin\t未分类\t春晓\n");
}
