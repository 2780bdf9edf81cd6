//! End-to-end: emoji joined into one picture (👩‍👩‍👧‍👦, 🏳️‍🌈) are laid out,
//! drawn and printed as their separate emoji, which every terminal draws in
//! the columns the layout counted.

#![cfg(unix)]

use crate::support;

use std::fs;

use support::Session;

const TEXT: &str = "+++\ntitle = \"表情\"\n+++\n甲👩\u{200d}👩\u{200d}👧\u{200d}👦尾，乙🏳\u{fe0f}\u{200d}🌈完。\n";

#[test]
fn joined_emoji_are_shown_and_printed_as_their_parts() {
    let home = tempfile::tempdir().expect("home");
    let file = home.path().join("表情.md");
    fs::write(&file, TEXT).expect("write");
    let path = file.to_string_lossy().into_owned();

    let mut session = Session::open(&[&path], 60, 12, home.path(), "尾");
    let screen = session.screen();
    let row = screen.lines().position(|line| line.contains('尾')).expect("the line") as u16;
    let start = (0..60).find(|&col| session.cell(row, col) == "甲").expect("甲");
    // Each emoji in a cell of its own, two columns each, and the text after
    // them where the layout put it.
    let cells: Vec<String> = (0..6).map(|n| session.cell(row, start + 2 * n)).collect();
    assert_eq!(cells, ["甲", "👩", "👩", "👧", "👦", "尾"], "{screen}");
    let output = session.output();
    assert!(
        !String::from_utf8_lossy(&output).contains('\u{200d}'),
        "a joiner reached the terminal"
    );
    session.quit();

    // `show` prints the same text.
    let shown = support::yuedu(home.path())
        .args(["show", &path])
        .output()
        .expect("runs");
    let shown = String::from_utf8_lossy(&shown.stdout).into_owned();
    assert!(shown.contains("甲👩👩👧👦尾，乙🏳\u{fe0f}🌈完。"), "{shown}");
}
