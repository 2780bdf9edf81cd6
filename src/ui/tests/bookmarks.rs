//! The bookmark list in both orders.

use super::*;

/// Bookmarks in two articles, alternating, newest last.
fn with_bookmarks(app: &mut App, count: usize) {
    let mut state = crate::store::State::default();
    for i in 0..count {
        let article = ["jiaoyu/xuesheng-guanli", "yingxiao/kehu-guanxi-guanli"][i % 2];
        state.bookmarks.push(crate::store::Bookmark {
            id: i as i128,
            article: article.into(),
            offset: i * 10,
            snippet: format!("摘录{i}"),
            created: jiff::Timestamp::from_second(1_800_000_000 + i as i64).expect("time"),
            note: String::new(),
            unknown: Default::default(),
        });
    }
    app.load_saved(state);
}

#[test]
fn the_grouped_bookmark_list_heads_each_article_with_its_title() {
    let mut app = app(120, 35, "");
    with_bookmarks(&mut app, 4);
    app.handle(Input::Key(Key::parse("B").expect("key")));
    let rows = |app: &App| screen(app).lines().map(str::to_string).collect::<Vec<_>>();
    let at = |rows: &[String], text: &str| rows.iter().position(|r| r.contains(text));
    let newest = rows(&app);
    assert!(at(&newest, "摘录3") < at(&newest, "摘录0"), "newest first");
    assert!(at(&newest, "摘录2").is_some_and(|row| newest[row - 1].contains("如何做好学生管理工作")));
    app.handle(Input::Key(Key::parse("o").expect("key")));
    let grouped = rows(&app);
    let heading = at(&grouped, "如何做好学生管理工作").expect("a heading");
    assert_eq!(
        grouped.iter().filter(|r| r.contains("如何做好学生管理工作")).count(),
        1,
        "once"
    );
    assert!(
        at(&grouped, "摘录0").is_some_and(|row| row == heading + 2),
        "{grouped:#?}"
    );
    assert!(at(&grouped, "摘录2").is_some_and(|row| row == heading + 4));
    let second = at(&grouped, "如何做好客户关系管理").expect("a second heading");
    assert_eq!(second, heading + 5, "right after the first group");
}

#[test]
fn the_selected_bookmark_stays_on_screen_under_its_heading() {
    let mut app = app(60, 20, "");
    with_bookmarks(&mut app, 40);
    for key in ["B", "o", "G"] {
        app.handle(Input::Key(Key::parse(key).expect("key")));
    }
    let shown = screen(&app);
    assert!(shown.contains("摘录39"), "the last bookmark shown:\n{shown}");
    for _ in 0..25 {
        app.handle(Input::Key(Key::parse("k").expect("key")));
        let Some(crate::app::Overlay::Bookmarks(list)) = &app.overlay else {
            panic!("the list closed");
        };
        let snippet = {
            let saved = &app.saved;
            list.ordered(saved, app.keys(), &app.library)[list.cursor]
                .snippet
                .clone()
        };
        let shown = screen(&app);
        assert!(shown.contains(&format!("{snippet} ")), "{snippet} on screen:\n{shown}");
        assert!(shown.contains("如何做好"), "a heading above it");
    }
}

#[test]
fn each_bookmark_names_its_chapter_in_both_orders() {
    let mut app = app(100, 30, "");
    app.load_saved(super::sizes::bookmarks());
    app.handle(Input::Key(Key::parse("B").expect("key")));
    let newest = screen(&app);
    assert!(newest.contains("如何做好客户关系管理 › 什么是客户关系管理"), "{newest}");
    app.handle(Input::Key(Key::parse("o").expect("key")));
    let grouped = screen(&app);
    assert!(
        grouped.lines().any(|l| l.starts_with("\"   什么是客户关系管理")),
        "{grouped}"
    );
}
