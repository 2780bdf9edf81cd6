//! What the lists, the status line and `c` say of an article agrees with
//! what was read: a short article seen whole is read (读完), never offered
//! to continue at 0%.

use super::*;
use crate::present::ReadStatus;

fn folder_of(texts: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("诗")).expect("folder");
    for (name, text) in texts {
        std::fs::write(dir.path().join("诗").join(name), text).expect("write");
    }
    dir
}

#[test]
fn a_short_article_seen_whole_is_read_and_not_offered_to_continue() {
    let long = format!(
        "+++\ntitle = \"长文\"\n+++\n{}",
        "一段很长的文字，写了又写。\n\n".repeat(200)
    );
    let dir = folder_of(&[
        ("1.md", "+++\ntitle = \"静夜思\"\n+++\n床前明月光，疑是地上霜。\n"),
        ("2.md", &long),
    ]);
    let mut app = app_over(&[dir.path()]);
    press(&mut app, "l enter");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(nth(&app, 0)));
    press(&mut app, "esc");
    assert_eq!(
        app.read_status(nth(&app, 0)),
        ReadStatus::Finished,
        "seen whole once opened"
    );
    assert_eq!(app.continue_target(), None, "nothing left to continue");
    // A long article left partway is offered, at its share.
    press(&mut app, "j enter space esc");
    assert!(matches!(app.read_status(nth(&app, 1)), ReadStatus::InProgress(p) if p > 0));
    assert!(matches!(app.continue_target(), Some((id, p)) if id == nth(&app, 1) && p > 0));
    // Read to its end, it is read, and no longer offered either.
    press(&mut app, "enter");
    read_to_end(&mut app);
    press(&mut app, "esc");
    assert_eq!(app.read_status(nth(&app, 1)), ReadStatus::Finished);
    assert_eq!(app.continue_target(), None);
}

#[test]
fn a_short_article_opened_from_search_is_read_and_ranks_by_it() {
    let long = format!(
        "+++\ntitle = \"静夜长文\"\n+++\n{}",
        "一段很长的文字，写了又写。\n\n".repeat(200)
    );
    let dir = folder_of(&[
        ("1.md", &long),
        ("2.md", "+++\ntitle = \"静夜思\"\n+++\n床前明月光，疑是地上霜。\n"),
    ]);
    let mut app = app_over(&[dir.path()]);
    press(&mut app, "s");
    paste(&mut app, "静夜".into());
    press(&mut app, "down enter");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(nth(&app, 1)));
    // The runtime's checkpoint, a moment after the last key.
    app.checkpoint();
    press(&mut app, "esc esc");
    assert_eq!(
        app.read_status(nth(&app, 1)),
        ReadStatus::Finished,
        "seen whole where the search put it"
    );
    assert_eq!(app.read_status(nth(&app, 0)), ReadStatus::Unread);
    // Opened from search in a long article, the landing is still not reading.
    // Read now, 静夜思 comes first of the two titles 静夜 begins alike.
    press(&mut app, "s");
    let first = match &app.overlay {
        Some(crate::app::Overlay::Search(search)) => search.results.hits.first().map(|h| h.article),
        _ => None,
    };
    assert_eq!(first, Some(nth(&app, 1)));
    press(&mut app, "esc s");
    paste(&mut app, "静夜".into());
    press(&mut app, "down enter");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(nth(&app, 0)));
    app.checkpoint();
    press(&mut app, "esc esc");
    assert_eq!(app.read_status(nth(&app, 0)), ReadStatus::Unread);
}
