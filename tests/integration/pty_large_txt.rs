//! End-to-end: a large `.txt` novel opens from its first part; the place
//! read far past that part is kept and shown again, opened on its own or
//! through its folder, and opening it without reading never overwrites it.

use crate::support;

use support::Session;

/// About 1.3 MB: 600 chapters, each paragraph marked with its chapter
/// (`【章0540】`), so the screen says which chapter is shown.
fn novel() -> String {
    let mut text = String::from("长夜\n\n");
    for c in 1..=600 {
        text.push_str(&format!("第{c}章 风起\n\n"));
        for _ in 0..8 {
            text.push_str(&format!(
                "　　【章{c:04}】夜色深沉，风从北方吹来，城里的灯一盏一盏地灭了。\n\n"
            ));
        }
    }
    text
}

/// The chapter marked first on the screen.
fn chapter_on_screen(screen: &str) -> Option<String> {
    let at = screen.find("【章")?;
    screen.get(at..at + "【章0000】".len()).map(str::to_string)
}

#[test]
fn a_large_text_reopens_at_the_chapter_read_alone_or_through_its_folder() {
    let home = tempfile::tempdir().expect("tempdir");
    let folder = home.path().join("n2");
    std::fs::create_dir(&folder).expect("mkdir");
    let file = folder.join("长夜.txt");
    std::fs::write(&file, novel()).expect("write the novel");
    let (file, folder) = (file.to_str().expect("UTF-8"), folder.to_str().expect("UTF-8"));
    // 90% typed at once, before the whole text is read, is 90% of the whole.
    let mut session = Session::open(&[file], 80, 24, home.path(), "【章0001】");
    session.send("90%");
    session.wait_for("【章054");
    session.send("j");
    let chapter = chapter_on_screen(&session.screen()).expect("a chapter on screen");
    session.quit();
    // Through the folder, opened and left without reading.
    let mut session = Session::open(&[folder], 100, 30, home.path(), "长夜");
    session.send("l\r");
    session.wait_for(&chapter);
    session.quit();
    // On its own again: the same chapter.
    let mut session = Session::open(&[file], 80, 24, home.path(), &chapter);
    assert!(!session.screen().contains("【章0001】"), "{}", session.screen());
    session.quit();
}

/// A web page of about 360 KB, each paragraph numbered.
fn large_page() -> String {
    let paragraphs: String = (0..6000)
        .map(|n| format!("<p>第{n:04}段，船过江心，灯火渐远。</p>\n"))
        .collect();
    format!("<html><head><title>大页</title></head><body>{paragraphs}</body></html>")
}

#[test]
fn a_large_page_is_parsed_while_the_reader_answers_keys_and_opens_when_it_is_in() {
    if !cfg!(debug_assertions) {
        return; // The switch that makes the parse slow exists only in debug builds.
    }
    let home = tempfile::tempdir().expect("tempdir");
    let page = home.path().join("页.html");
    std::fs::write(&page, large_page()).expect("write the page");
    let page = page.to_str().expect("UTF-8");
    let go = home.path().join("go");
    let at = format!("parse:{page}");
    let stall = [
        ("YUEDU_TEST_STALL", at.as_str()),
        ("YUEDU_TEST_STALL_UNTIL", go.to_str().expect("UTF-8")),
    ];
    // The parse holds: the reader shows, says it is loading, and quits on `q`.
    let mut session = Session::open_with(&[page], 80, 24, home.path(), &stall, "加载中 0/1 个文件");
    session.quit();
    // Let go of the parse: the page opens straight in the reader.
    let mut session = Session::open_with(&[page], 80, 24, home.path(), &stall, "加载中 0/1 个文件");
    std::fs::write(&go, "").expect("let the parse go");
    session.wait_for("第0000段");
    session.quit();
}

#[test]
fn a_large_file_that_cannot_be_read_ends_the_reader_and_says_why() {
    let home = tempfile::tempdir().expect("tempdir");
    let book = home.path().join("坏书.epub");
    let mut bytes = b"PK\x03\x04".to_vec();
    bytes.resize(300 * 1024, b'x');
    std::fs::write(&book, bytes).expect("write");
    let mut session = Session::start(&[book.to_str().expect("UTF-8")], 80, 24, home.path(), &[]);
    assert_eq!(session.wait_exit(), 2, "{}", session.screen());
    session.assert_restored();
    let output = String::from_utf8_lossy(&session.output()).to_string();
    assert!(output.contains("坏书.epub"), "{output}");
}
