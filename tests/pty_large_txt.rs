//! End-to-end: a large `.txt` novel opens from its first part; the place
//! read far past that part is kept and shown again, opened on its own or
//! through its folder, and opening it without reading never overwrites it.

mod support;

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
