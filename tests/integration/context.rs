//! The one context behind every front end: `show` lays text out with the
//! configuration's reading settings, and a `--dir` without articles is the
//! same error for the reader as for `list`.

use crate::support;

use support::Session;
use unicode_width::UnicodeWidthStr;

use support::yuedu as yuedu_at;

/// Columns of a line as a terminal that draws ambiguous characters wide shows it.
fn wide_width(line: &str) -> usize {
    line.width_cjk()
}

#[test]
fn show_honours_the_reading_settings_of_the_config() {
    let home = tempfile::tempdir().expect("tempdir");
    let config = home.path().join("yuedu.toml");
    std::fs::write(
        &config,
        "[reading]\nmax_width = 30\nindent = false\nparagraph_spacing = false\nambiguous_width = \"wide\"\n",
    )
    .expect("write config");
    let config = config.to_str().expect("utf-8 path");
    let out = yuedu_at(home.path())
        .args(["--config", config, "show", "yingxiao/kehu-guanxi-guanli"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.iter().all(|l| wide_width(l) <= 30), "max_width = 30:\n{text}");
    assert!(!text.contains('\u{3000}'), "indent = false");
    let body: Vec<&str> = lines.iter().skip_while(|l| !l.is_empty()).skip(1).copied().collect();
    let blank = body
        .iter()
        .position(|l| l.is_empty())
        .expect("a heading keeps its blank line");
    assert!(blank > 3, "no blank lines between paragraphs: {body:?}");

    // With --width the column is as asked, and “ ” count as wide.
    let out = yuedu_at(home.path())
        .args([
            "--config",
            config,
            "show",
            "yingxiao/kehu-guanxi-guanli",
            "--width",
            "40",
        ])
        .output()
        .expect("runs");
    let text = String::from_utf8(out.stdout).expect("utf-8");
    assert!(text.contains('“'), "the article quotes");
    assert!(text.lines().all(|l| wide_width(l) <= 40), "{text}");
    assert!(text.lines().any(|l| wide_width(l) > 30));
}

/// With `ambiguous_width = "wide"`, pinyin's tone-marked letters and the
/// bopomofo tone marks are two columns in `show`'s lines, as in the reader.
#[test]
fn show_counts_pinyin_and_bopomofo_tone_marks_as_wide_in_wide_mode() {
    let home = tempfile::tempdir().expect("tempdir");
    let config = home.path().join("yuedu.toml");
    std::fs::write(&config, "[reading]\nindent = false\nambiguous_width = \"wide\"\n").expect("write config");
    let text = home.path().join("拼音.txt");
    // Tone-marked letters and tone marks only: two columns each.
    std::fs::write(&text, "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêˉˇˊˋ˙".repeat(6)).expect("write");
    for width in ["20", "41", "80"] {
        let out = yuedu_at(home.path())
            .arg("--config")
            .arg(&config)
            .arg("show")
            .arg(&text)
            .args(["--width", width])
            .output()
            .expect("runs");
        assert!(out.status.success());
        let shown = String::from_utf8(out.stdout).expect("utf-8");
        let width: usize = width.parse().expect("a number");
        let body: Vec<&str> = shown.lines().skip_while(|l| !l.is_empty()).skip(1).collect();
        assert!(!body.is_empty(), "{shown}");
        for line in body {
            assert!(line.chars().count() <= width / 2, "{width}: {line}");
        }
    }
}

#[test]
fn the_reader_refuses_a_folder_without_articles_as_list_does() {
    let home = tempfile::tempdir().expect("tempdir");
    let folder = home.path().join("文章");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("空.md"), "  \n").expect("write");
    let folder = folder.to_str().expect("utf-8 path");
    let list = yuedu_at(home.path())
        .args(["--dir", folder, "list"])
        .output()
        .expect("runs");
    assert_eq!(list.status.code(), Some(2));
    let sentence = String::from_utf8(list.stderr).expect("utf-8");
    let sentence = sentence.lines().last().expect("a message").to_string();
    assert!(sentence.contains("none of the article files"), "{sentence}");

    let english = [("LANG", support::ENGLISH)];
    let mut session = Session::start(&["--dir", folder], 80, 24, home.path(), &english);
    assert_eq!(session.wait_exit(), 2);
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    assert!(output.contains(&sentence), "{output}");
    assert!(!session.alternate_screen());
}

#[test]
fn config_says_how_much_the_article_cache_holds() {
    let home = tempfile::tempdir().expect("tempdir");
    let folder = home.path().join("文章");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("一.md"), "第一篇。").expect("write");
    let folder = folder.to_str().expect("utf-8 path");
    let before = yuedu_at(home.path()).arg("config").output().expect("runs");
    let before = String::from_utf8(before.stdout).expect("utf-8");
    assert!(before.contains("(0 files, 0 KB;"), "{before}");
    yuedu_at(home.path()).args(["--dir", folder, "list"]).assert().success();
    let after = yuedu_at(home.path()).arg("config").output().expect("runs");
    let after = String::from_utf8(after.stdout).expect("utf-8");
    assert!(after.contains("(1 file, 1 KB;"), "{after}");
}

#[test]
fn a_file_named_twice_or_inside_a_named_folder_loads_once_at_its_first_place() {
    let home = tempfile::tempdir().expect("tempdir");
    let root = home.path().join("诗");
    std::fs::create_dir_all(root.join("李白")).expect("mkdir");
    std::fs::write(root.join("李白").join("静夜思.md"), "床前明月光。").expect("write");
    std::fs::write(root.join("春晓.md"), "春眠不觉晓，明月。").expect("write");
    let run = |args: &[&str]| {
        let output = yuedu_at(home.path())
            .current_dir(home.path())
            .args(args)
            .output()
            .expect("runs");
        assert!(output.status.success(), "{args:?}: {output:?}");
        let stdout = String::from_utf8(output.stdout).expect("utf-8");
        let mut ids: Vec<String> = stdout
            .lines()
            .map(|l| l.split('\t').next().unwrap_or("").to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(run(&["诗", "诗", "list"]), ["春晓", "李白/静夜思"]);
    assert_eq!(run(&["诗", "./诗/", "list"]), ["春晓", "李白/静夜思"]);
    // The nested folder comes first, so its file keeps the ID it has there.
    assert_eq!(run(&["诗/李白", "诗", "list"]), ["春晓", "静夜思"]);
    assert_eq!(run(&["诗", "诗/李白", "list"]), ["春晓", "李白/静夜思"]);
    assert_eq!(run(&["诗/春晓.md", "诗/春晓.md", "list"]), ["春晓"]);
    assert_eq!(run(&["诗/春晓.md", "诗", "list"]), ["春晓", "李白/静夜思"]);
    let hits = run(&["诗", "诗/李白", "search", "明月"]);
    assert_eq!(hits.iter().filter(|l| l.contains("静夜思")).count(), 1, "{hits:?}");
    assert_eq!(hits.iter().filter(|l| l.contains("春晓")).count(), 1, "{hits:?}");
    // A file named twice is still one file: the reader's `show` finds it.
    yuedu_at(home.path())
        .current_dir(home.path())
        .args(["诗/春晓.md", "诗/春晓.md", "show", "春晓"])
        .assert()
        .success();
}
