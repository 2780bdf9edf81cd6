//! Bookmarks: adding with a note, editing, the bookmark list and its order.

use super::*;

#[test]
fn a_bookmark_takes_a_note_or_none() {
    let mut app = app(120, 35);
    press(&mut app, "j l l j j j j m");
    assert!(app.prompt.is_some());
    paste(&mut app, "客户".into());
    press(&mut app, "x backspace");
    let effects = press(&mut app, "enter");
    let [Effect::Save(Change::AddBookmark(bookmark))] = effects.as_slice() else {
        panic!("expected one saved bookmark, got {effects:?}");
    };
    assert_eq!(bookmark.note, "客户");
    assert_eq!(bookmark.article, "yingxiao/kehu-guanxi-guanli");
    assert_eq!(Some(bookmark.offset), app.reader.as_ref().map(|r| r.offset()));
    assert!(!bookmark.snippet.is_empty());
    press(&mut app, "j m enter");
    assert_eq!(app.saved.bookmarks.len(), 2);
    assert_eq!(app.saved.bookmarks[1].note, "", "Enter with no note saves");
}

#[test]
fn esc_cancels_a_bookmark_and_a_second_one_on_the_line_edits_the_first() {
    let mut app = app(120, 35);
    let effects = press(&mut app, "j l l j j j j m a b c esc");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(app.saved.bookmarks.is_empty(), "Esc cancels");
    assert_eq!(app.said(), Some("未加书签"));
    press(&mut app, "m");
    paste(&mut app, "第一".into());
    press(&mut app, "enter");
    assert_eq!(app.said(), Some("已加书签"));
    press(&mut app, "m");
    let Some(Prompt {
        kind: PromptKind::EditNote { .. },
        input,
        ..
    }) = &app.prompt
    else {
        panic!("expected the note of the bookmark on this line, got {:?}", app.prompt);
    };
    assert_eq!(input.text(), "第一");
    press(&mut app, "backspace backspace");
    paste(&mut app, "改过".into());
    press(&mut app, "enter");
    assert_eq!(app.saved.bookmarks.len(), 1, "edited, not added");
    assert_eq!(app.saved.bookmarks[0].note, "改过");
    press(&mut app, "m esc");
    assert_eq!(app.saved.bookmarks[0].note, "改过", "Esc leaves the note as it was");
    press(&mut app, "j m enter");
    assert_eq!(app.saved.bookmarks.len(), 2, "another line, another bookmark");
}

#[test]
fn the_bookmark_list_jumps_deletes_undoes_and_edits() {
    let mut app = app(120, 35);
    press(&mut app, "j l l space m enter");
    let spot = app.reader.as_ref().map(|r| r.offset());
    press(&mut app, "g B");
    assert!(matches!(app.overlay, Some(Overlay::Bookmarks(_))));
    press(&mut app, "enter");
    assert_eq!(app.overlay, None);
    assert_eq!(app.reader.as_ref().map(|r| r.offset()), spot);
    press(&mut app, "B d");
    assert!(app.saved.bookmarks.is_empty());
    press(&mut app, "u");
    assert_eq!(app.saved.bookmarks.len(), 1);
    press(&mut app, "e");
    paste(&mut app, "新备注".into());
    press(&mut app, "enter");
    assert_eq!(app.saved.bookmarks[0].note, "新备注");
    press(&mut app, "o");
    assert!(matches!(&app.overlay, Some(Overlay::Bookmarks(list)) if list.grouped));
    press(&mut app, "esc");
    assert_eq!(app.overlay, None);
}

#[test]
fn the_bookmark_order_chosen_is_remembered_across_restarts() {
    let mut app = app(120, 35);
    press(&mut app, "B");
    assert!(matches!(&app.overlay, Some(Overlay::Bookmarks(list)) if !list.grouped));
    let effects = press(&mut app, "o");
    assert!(
        effects.contains(&Effect::Save(Change::SetBookmarksGrouped(true))),
        "{effects:?}"
    );
    // A new session with what was saved opens the list grouped.
    let mut restarted = self::app(120, 35);
    restarted.load_saved(app.saved.clone());
    press(&mut restarted, "B");
    assert!(matches!(&restarted.overlay, Some(Overlay::Bookmarks(list)) if list.grouped));
    press(&mut restarted, "o");
    assert!(!restarted.saved.bookmarks_grouped, "and back to newest first");
}

#[test]
fn a_bookmark_of_a_missing_article_stays_and_says_so() {
    let mut app = app(120, 35);
    let mut state = crate::store::State::default();
    state.apply(&Change::AddBookmark(crate::store::Bookmark {
        id: 7,
        article: "gone/away".into(),
        offset: 0,
        snippet: "不在了".into(),
        created: jiff::Timestamp::now(),
        note: String::new(),
        unknown: Default::default(),
    }));
    app.load_saved(state);
    press(&mut app, "B enter");
    assert!(app.said().is_some_and(|m| m.contains("gone/away")));
    assert_eq!(app.saved.bookmarks.len(), 1);
}

#[test]
fn ending_with_a_note_half_typed_keeps_the_bookmark_and_the_note() {
    let mut app = app(120, 35);
    press(&mut app, "j l l space m");
    paste(&mut app, "重点".into());
    let effects = app.terminate();
    let saved: Vec<&Change> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(change) => Some(change),
            Effect::Quit | Effect::Work(_) => None,
        })
        .collect();
    assert!(
        matches!(saved.first(), Some(Change::AddBookmark(b)) if b.note == "重点"),
        "{saved:?}"
    );
    assert!(matches!(saved.get(1), Some(Change::SetPosition { .. })), "{saved:?}");
    assert_eq!(effects.last(), Some(&Effect::Quit));
}

/// The prompt takes the same inputs as every text box and answers with an
/// outcome: the keys that finish it are the keymap's (here rebound), and
/// Ctrl-c cancels as readline does.
#[test]
fn the_note_prompt_finishes_with_the_keys_of_the_keymap_in_force() {
    let config = crate::config::Config::from_user_text("user.toml", "[keys]\nopen = [\"f5\"]\nback = [\"f4\"]\n")
        .expect("valid config");
    let mut app = App::new(
        Library::management(),
        config.keymap.clone(),
        ReadingSettings::default(),
        120,
        35,
    );
    press(&mut app, "j l l m a b backspace c");
    assert_eq!(app.prompt.as_ref().map(|p| p.input.text()), Some("ac"));
    let effects = press(&mut app, "f5");
    let [Effect::Save(Change::AddBookmark(bookmark))] = effects.as_slice() else {
        panic!("F5 saves the bookmark: {effects:?}");
    };
    assert_eq!(bookmark.note, "ac");
    for cancel in ["f4", "ctrl-c"] {
        press(&mut app, "space m x");
        assert!(matches!(
            app.prompt.as_ref().map(|p| &p.kind),
            Some(PromptKind::NewBookmarkNote(_))
        ));
        let effects = press(&mut app, cancel);
        assert!(effects.is_empty() && app.prompt.is_none(), "{cancel}: {effects:?}");
        assert_eq!(app.said(), Some("未加书签"), "{cancel}");
    }
    assert_eq!(app.saved.bookmarks.len(), 1);
}
