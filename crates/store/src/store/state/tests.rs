//! How changes apply to the stored state and how old files read.

use super::*;

#[test]
fn query_history_keeps_each_query_once_and_the_last_hundred() {
    let mut state = State::default();
    let remember = |state: &mut State, kind, query: &str| {
        state.apply(&Change::RememberQuery {
            kind,
            query: query.into(),
        })
    };
    for n in 0..150 {
        remember(&mut state, QueryKind::Search, &format!("q{n}"));
    }
    remember(&mut state, QueryKind::Search, "q120");
    remember(&mut state, QueryKind::Search, "  ");
    remember(&mut state, QueryKind::Find, "好");
    let search = state.history.of(QueryKind::Search);
    assert_eq!(search.len(), HISTORY_LEN);
    assert_eq!(search.first().map(String::as_str), Some("q50"));
    assert_eq!(search.last().map(String::as_str), Some("q120"));
    assert_eq!(search.iter().filter(|q| *q == "q120").count(), 1);
    assert_eq!(state.history.of(QueryKind::Find), ["好"]);
    remember(&mut state, QueryKind::Find, &"字".repeat(1000));
    assert!(state.history.find[1].len() <= 1024);
    let json = serde_json::to_string(&state).expect("serialises");
    let back: State = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, state);
    let old: State = serde_json::from_str(r#"{"version":1}"#).expect("a file without history");
    assert!(old.history.search.is_empty());
}

#[test]
fn an_article_marked_read_is_finished_and_marked_unread_is_forgotten() {
    let mut state = State::default();
    let mark = |state: &mut State, article: &str, read| {
        state.apply(&Change::MarkRead {
            article: article.into(),
            read,
            fingerprint: Some(7),
            updated: at(5),
        })
    };
    mark(&mut state, "new", true);
    let position = &state.positions["new"];
    assert!(position.finished && position.offset == 0 && position.fingerprint == Some(7));
    state.apply(&Change::SetPosition {
        article: "half".into(),
        position: Position {
            offset: 40,
            percent: 50,
            finished: false,
            updated: at(3),
            fingerprint: None,
            unknown: Default::default(),
        },
    });
    mark(&mut state, "half", true);
    assert_eq!(
        (state.positions["half"].offset, state.positions["half"].finished),
        (40, true)
    );
    mark(&mut state, "half", false);
    assert!(!state.positions.contains_key("half"));
    mark(&mut state, "never", false);
    assert!(!state.positions.contains_key("never"));
}

#[test]
fn the_reading_width_is_kept_and_old_files_have_none() {
    let mut state = State::default();
    state.apply(&Change::SetReadingWidth(64));
    let json = serde_json::to_string(&state).expect("serialises");
    let back: State = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back.reading_width, Some(64));
    let old: State = serde_json::from_str(r#"{"version":2}"#).expect("a file without a width");
    assert_eq!(old.reading_width, None);
    assert!(
        !serde_json::to_string(&State::default())
            .expect("serialises")
            .contains("reading_width")
    );
}

#[test]
fn the_script_is_kept_and_old_files_have_none() {
    let mut state = State::default();
    state.apply(&Change::SetScript("simplified".into()));
    let json = serde_json::to_string(&state).expect("serialises");
    let back: State = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back.script.as_deref(), Some("simplified"));
    let old: State = serde_json::from_str(r#"{"version":2}"#).expect("a file without a script");
    assert_eq!(old.script, None);
    let json = serde_json::to_string(&State::default()).expect("serialises");
    assert!(!json.contains("script"), "{json}");
}

#[test]
fn the_article_order_is_kept_and_old_files_have_the_folders() {
    let mut state = State::default();
    state.apply(&Change::SetArticleOrder(ArticleOrder::Recent));
    let json = serde_json::to_string(&state).expect("serialises");
    assert!(json.contains(r#""article_order":"recent""#), "{json}");
    let back: State = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back.article_order, ArticleOrder::Recent);
    let old: State = serde_json::from_str(r#"{"version":2}"#).expect("a file without an order");
    assert_eq!(old.article_order, ArticleOrder::Folder);
    assert!(
        !serde_json::to_string(&old)
            .expect("serialises")
            .contains("article_order")
    );
}

#[test]
fn the_bookmark_order_is_kept_and_old_files_have_newest_first() {
    let mut state = State::default();
    state.apply(&Change::SetBookmarksGrouped(true));
    let json = serde_json::to_string(&state).expect("serialises");
    let back: State = serde_json::from_str(&json).expect("reads back");
    assert!(back.bookmarks_grouped);
    let old: State = serde_json::from_str(r#"{"version":2}"#).expect("a file without an order");
    assert!(!old.bookmarks_grouped);
    state.apply(&Change::SetBookmarksGrouped(false));
    assert!(
        !serde_json::to_string(&state)
            .expect("serialises")
            .contains("bookmarks_grouped")
    );
}

fn at(seconds: i64) -> Timestamp {
    Timestamp::from_second(seconds).expect("valid")
}

fn bookmark(id: i128, seconds: i64) -> Bookmark {
    Bookmark {
        id,
        article: "a".into(),
        offset: 3,
        snippet: "片段".into(),
        created: at(seconds),
        note: String::new(),
        unknown: Default::default(),
    }
}

#[test]
fn the_newer_position_wins_and_finished_sticks() {
    let mut state = State::default();
    let position = |offset, seconds, finished| Position {
        fingerprint: None,
        offset,
        percent: 10,
        finished,
        updated: at(seconds),
        unknown: Default::default(),
    };
    state.apply(&Change::SetPosition {
        article: "a".into(),
        position: position(100, 20, true),
    });
    state.apply(&Change::SetPosition {
        article: "a".into(),
        position: position(50, 10, false),
    });
    assert_eq!(state.positions["a"].offset, 100, "an older write does not win");
    state.apply(&Change::SetPosition {
        article: "a".into(),
        position: position(7, 30, false),
    });
    assert_eq!(state.positions["a"].offset, 7);
    assert!(state.positions["a"].finished);
    assert_eq!(state.last_read.as_deref(), Some("a"));
}

#[test]
fn bookmarks_are_added_once_in_time_order_and_deleted_by_id() {
    let mut state = State::default();
    state.apply(&Change::AddBookmark(bookmark(2, 20)));
    state.apply(&Change::AddBookmark(bookmark(1, 10)));
    state.apply(&Change::AddBookmark(bookmark(2, 20)));
    assert_eq!(state.bookmarks.iter().map(|b| b.id).collect::<Vec<_>>(), [1, 2]);
    state.apply(&Change::EditNote {
        id: 1,
        note: "重要".into(),
    });
    assert_eq!(state.bookmarks[0].note, "重要");
    state.apply(&Change::DeleteBookmark { id: 1 });
    assert_eq!(state.bookmarks.len(), 1);
}
