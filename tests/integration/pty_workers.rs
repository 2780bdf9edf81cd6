//! End-to-end: searching runs on the reader's worker thread, so keys are
//! answered while a search is held (`YUEDU_TEST_STALL=search:WORDS`, debug
//! builds only) or while a large collection still loads; the results shown
//! are the latest query's, and a search that fails is told, not retried.

use crate::support;

use std::path::Path;

use support::Session;

/// Poems in `dir`: `0000.md`, `0001.md`, …; every third holds 明月, the
/// others 明 alone.
fn poems(dir: &Path, count: usize) {
    for i in 0..count {
        let line = if i % 3 == 0 {
            "床前明月光"
        } else {
            "天明山色远"
        };
        let text = format!("+++\ntitle = \"诗{i:04}\"\n+++\n{line}，第{i}首。\n");
        std::fs::write(dir.join(format!("{i:04}.md")), text).expect("write a poem");
    }
}

#[test]
fn keys_are_answered_while_a_search_is_held_and_the_latest_query_is_shown() {
    if !cfg!(debug_assertions) {
        return; // The switch that holds a search exists only in debug builds.
    }
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("诗");
    std::fs::create_dir(&dir).expect("mkdir");
    poems(&dir, 9);
    let go = home.path().join("go");
    let stall = [
        ("YUEDU_TEST_STALL", "search:明"),
        ("YUEDU_TEST_STALL_UNTIL", go.to_str().expect("UTF-8")),
    ];
    let mut session = Session::open_with(&[dir.to_str().expect("UTF-8")], 100, 30, home.path(), &stall, "诗0000");
    session.send("s");
    session.send("明");
    session.wait_for("搜索中");
    // The search for 明 is held: the box still takes keys.
    session.send("月");
    session.wait_for("明月");
    // Left and Right move the cursor in the box.
    session.send("\x1b[D");
    session.send("\x1b[C");
    let screen = session.screen();
    assert!(screen.contains("搜索中"), "{screen}");
    assert!(
        !screen.contains("篇  Up/Down"),
        "no results before the search is done: {screen}"
    );
    std::fs::write(&go, "").expect("let the search go");
    // 明 finds all nine, 明月 three: the latest query's results stay.
    session.wait_for("3 篇");
    session.settle();
    assert!(session.screen().contains("3 篇"), "{}", session.screen());
    session.send("\r");
    session.wait_for("床前明月光");
    session.quit();
}

#[test]
fn a_search_that_fails_is_told_and_the_next_key_searches_again() {
    if !cfg!(debug_assertions) {
        return; // The switch that fails a search exists only in debug builds.
    }
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("诗");
    std::fs::create_dir(&dir).expect("mkdir");
    poems(&dir, 9);
    let fail = [("YUEDU_TEST_PANIC", "search:明")];
    let mut session = Session::open_with(&[dir.to_str().expect("UTF-8")], 100, 30, home.path(), &fail, "诗0000");
    session.send("s");
    session.send("明");
    // The search failed: it is no longer awaited, and the notice says so.
    session.wait_for("0 篇");
    session.send("\x1b");
    session.wait_for("搜索失败");
    // The next search is done as any other.
    session.send("s");
    session.send("月");
    session.wait_for("3 篇");
    session.send("\x1b");
    session.quit();
}

#[test]
fn keys_are_answered_while_a_large_collection_loads_and_a_batch_waits_for_a_held_search() {
    if !cfg!(debug_assertions) {
        return; // The switches that hold a parse and a search exist only in debug builds.
    }
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("诗");
    std::fs::create_dir(&dir).expect("mkdir");
    // Read in two batches of at most 2,000 files; the second is held at its last file.
    poems(&dir, 2_100);
    let (parse, search) = (home.path().join("go-parse"), home.path().join("go-search"));
    let held_file = format!("parse:{}", dir.join("2099.md").to_str().expect("UTF-8"));
    let places = format!("{held_file}|search:明月");
    let until = format!("{}|{}", parse.to_str().expect("UTF-8"), search.to_str().expect("UTF-8"));
    let stall = [
        ("YUEDU_TEST_STALL", places.as_str()),
        ("YUEDU_TEST_STALL_UNTIL", until.as_str()),
    ];
    let mut session = Session::open_with(
        &[dir.to_str().expect("UTF-8")],
        100,
        30,
        home.path(),
        &stall,
        "2000/2100",
    );
    // The list moves and the first batch is searched while the rest loads.
    session.send("l");
    session.send("j");
    session.send("s");
    session.send("明");
    session.wait_for("2000 篇");
    // The search for 明月 is held; the held batch is let go meanwhile and
    // read: the loader writes the article cache once it has sent the last.
    session.send("月");
    session.wait_for("搜索中");
    std::fs::write(&parse, "").expect("let the parse go");
    let cache = home.path().join("cache/yuedu");
    session.wait_until("the article cache written", |_| {
        std::fs::read_dir(&cache)
            .map(|files| {
                files
                    .flatten()
                    .any(|f| f.path().extension().is_some_and(|e| e == "cache"))
            })
            .unwrap_or(false)
    });
    // Keys are still answered; the batch waits until the search lets go of
    // the collection.
    session.send("\x1b[D");
    let screen = session.screen();
    assert!(screen.contains("2000/2100") && screen.contains("搜索中"), "{screen}");
    std::fs::write(&search, "").expect("let the search go");
    // Every third poem of all 2,100 holds 明月.
    session.wait_for("700 篇");
    session.wait_until("loading done", |s| !s.screen().contains("2000/2100"));
    session.send("\x1b");
    session.quit();
}
