//! End-to-end: what is saved when the disk fails and when the terminal goes
//! away, with the real binary in a pseudo-terminal.

#![cfg(unix)]

mod support;

use std::path::Path;

use support::Session;

fn state(home: &Path) -> String {
    std::fs::read_to_string(home.join("data/yuedu/state.json")).unwrap_or_default()
}

/// Starts the reader at 120×35 and opens 如何做好客户关系管理 a page in.
fn open_an_article(home: &Path) -> Session {
    let mut session = Session::open(&[], 120, 35, home, "分类");
    for key in ["j", "l", "l", " "] {
        session.send(key);
    }
    session.wait_for("营销管理 › 如何做好客户关系管理");
    session
}

#[test]
fn bookmarks_made_while_saving_fails_are_saved_once_it_can_and_the_notice_goes() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = open_an_article(home.path());
    // The data folder gives way to a file: nothing can be saved below it.
    let data = home.path().join("data");
    let away = home.path().join("data.away");
    std::fs::rename(&data, &away).expect("move the data folder");
    std::fs::write(&data, "").expect("a file in its place");
    session.send("m");
    session.wait_for("书签备注");
    session.send("存不下的备注");
    session.send("\r");
    session.wait_for("未保存");
    session.send(" ");
    session.send("m");
    session.wait_for("书签备注");
    session.send("\r");
    // Space again, and no key pressed: the writer tries again by itself.
    std::fs::remove_file(&data).expect("remove the file");
    std::fs::rename(&away, &data).expect("the data folder back");
    session.wait_until("the bookmarks saved", |_| state(home.path()).contains("存不下的备注"));
    session.wait_until("the notice gone", |s| !s.screen().contains("未保存"));
    session.send("B");
    session.wait_for("存不下的备注");
    session.send("q");
    session.quit();
    let saved: serde_json::Value = serde_json::from_str(&state(home.path())).expect("json");
    assert_eq!(saved["bookmarks"].as_array().map(Vec::len), Some(2), "{saved}");
}
