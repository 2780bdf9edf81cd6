//! Folders reached through a symbolic link: keyed by their names until a
//! job finds their real paths, and what was saved under either kept.

use super::folders::{format_1_state, long_text, read_a_page};
use super::*;

#[test]
fn positions_saved_before_load_in_a_folder_reached_through_a_link_once_a_job_finds_its_real_path() {
    let root = tempfile::tempdir().expect("tempdir");
    let (link, key) = linked_folder(root.path());
    let real = root.path().join("real");
    // Keyed as before, by the real path the file system gives.
    let library = Library::from_dirs(std::slice::from_ref(&link)).expect("library");
    let keys = crate::store::identity::ArticleKeys::new(&library);
    assert_eq!(keys.key(&library[library.at(0).expect("an article")]), key);
    assert!(key.contains("/real/"), "{key}");
    let (saved, offset) = place_read_through(&link, &key);

    let mut app = app_over(&[&link]);
    app.load_saved(saved);
    let at = nth(&app, 0);
    app.open_article(at, None);
    assert_eq!(app.saved_position(at), None, "keyed by name until the job answers");
    assert_eq!(app.reader.as_ref().map(|r| r.offset()), Some(0));
    let effects = app.handle(Input::Resize { width: 120, height: 35 });
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Work(job) if job.kind() == JobKind::Folders)),
        "{effects:?}"
    );
    app.work_here(effects);
    assert_eq!(app.state_key(at), key);
    assert_eq!(app.saved_position(at).map(|p| p.offset), offset);
    assert_eq!(app.article_of_key(&key), Some(at));
    let mut same = app_over(&[&real]);
    let there = nth(&same, 0);
    same.open_article(there, None);
    same.load_saved(app.saved.clone());
    same.open_article(there, None);
    assert_eq!(
        app.reader.as_ref().map(|r| r.offset()),
        same.reader.as_ref().map(|r| r.offset()),
        "the article open is reopened at its saved place"
    );
    assert_ne!(app.reader.as_ref().map(|r| r.offset()), Some(0));
}

/// The state after a page of the linked folder's article was read, once
/// its real path was known, and the place saved under `key`, its real key.
fn place_read_through(link: &std::path::Path, key: &str) -> (State, Option<usize>) {
    let mut before = app_over(&[link]);
    let effects = before.handle(Input::Resize { width: 120, height: 35 });
    before.work_here(effects);
    let saved = read_a_page(before);
    let offset = saved.positions.get(key).map(|p| p.offset);
    assert!(
        offset.is_some_and(|o| o > 0),
        "saved under the real path: {:?}",
        saved.positions.keys()
    );
    (saved, offset)
}

/// The app over the linked folder `link`, started over `saved`, and its
/// first frame's effects: the job that finds the folder's real path among
/// them, not yet run.
fn started_over(link: &std::path::Path, saved: State) -> (App, Vec<Effect>) {
    let mut app = app_over(&[link]);
    app.load_saved(saved);
    let effects = app.handle(Input::Resize { width: 120, height: 35 });
    (app, effects)
}

/// A folder reached through a link, its real folder and the key its one
/// file is saved under.
fn linked_folder(root: &std::path::Path) -> (std::path::PathBuf, String) {
    let (real, link) = (root.join("real"), root.join("link"));
    std::fs::create_dir_all(&real).expect("mkdir");
    std::fs::write(real.join("a.md"), long_text("治安策")).expect("write");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let real = std::fs::canonicalize(&real).expect("real path");
    (link, real.join("a.md").to_string_lossy().into_owned())
}

#[test]
fn a_format_1_entry_in_a_folder_reached_through_a_link_attaches_to_the_real_key() {
    let root = tempfile::tempdir().expect("tempdir");
    let (link, key) = linked_folder(root.path());
    let old = format_1_state(&[("a", 40)]);
    let (mut app, effects) = started_over(&link, old);
    app.work_here(effects);
    let at = nth(&app, 0);
    assert_eq!(app.state_key(at), key);
    assert_eq!(app.saved_position(at).map(|p| p.offset), Some(40));
    assert_eq!(app.saved.positions.keys().collect::<Vec<_>>(), [&key]);
}

#[test]
fn a_place_and_bookmark_saved_before_the_folders_are_resolved_end_under_the_real_key() {
    let root = tempfile::tempdir().expect("tempdir");
    let (link, key) = linked_folder(root.path());
    let (mut app, effects) = started_over(&link, State::default());
    let at = nth(&app, 0);
    app.open_article(at, Some(0));
    press(&mut app, "space space m enter esc");
    let offset = app.reader.as_ref().map(|r| r.offset());
    assert_ne!(offset, Some(0));
    app.checkpoint();
    assert_ne!(app.state_key(at), key, "keyed by name until the job answers");
    app.work_here(effects);
    assert_eq!(app.state_key(at), key);
    assert_eq!(app.saved.positions.keys().collect::<Vec<_>>(), [&key]);
    assert_eq!(app.saved_position(at).map(|p| p.offset), offset);
    assert_eq!(app.saved.last_read.as_ref(), Some(&key));
    assert_eq!(
        app.saved
            .bookmarks
            .iter()
            .map(|b| b.article.as_str())
            .collect::<Vec<_>>(),
        [key.as_str()]
    );
    assert_eq!(
        app.reader.as_ref().map(|r| r.offset()),
        offset,
        "the reader stays where it was"
    );
}

/// Opening an article of a linked folder before its real path is known
/// shows its start (its place is saved under the real key); leaving it at
/// once, or a checkpoint then, must not save that start over the place.
#[test]
fn leaving_an_article_opened_before_the_folders_are_resolved_keeps_its_saved_place() {
    let root = tempfile::tempdir().expect("tempdir");
    let (link, key) = linked_folder(root.path());
    let (saved, offset) = place_read_through(&link, &key);

    // Open and quit before the job answers; a checkpoint in between.
    let (mut app, effects) = started_over(&link, saved);
    let at = nth(&app, 0);
    app.open_article(at, None);
    assert_eq!(
        app.reader.as_ref().map(|r| r.offset()),
        Some(0),
        "its place is not known yet"
    );
    app.checkpoint();
    press(&mut app, "q");
    app.work_here(effects);
    assert_eq!(app.state_key(at), key);
    assert_eq!(app.saved_position(at).map(|p| p.offset), offset, "this session");

    // The next start, over the state that session saved.
    let (mut next, effects) = started_over(&link, app.saved.clone());
    next.work_here(effects);
    let at = nth(&next, 0);
    assert_eq!(next.saved_position(at).map(|p| p.offset), offset, "the next start");
    next.open_article(at, None);
    assert_eq!(next.reader.as_ref().map(|r| r.offset()), offset);

    // Reading on before the job answers is reading: that place is kept.
    let (mut reading, effects) = started_over(&link, next.saved.clone());
    let at = nth(&reading, 0);
    reading.open_article(at, None);
    press(&mut reading, "space");
    let read = reading.reader.as_ref().map(|r| r.offset());
    assert_ne!(read, Some(0));
    press(&mut reading, "q");
    reading.work_here(effects);
    assert_eq!(reading.saved_position(at).map(|p| p.offset), read);
}

/// A jump made before a linked folder's real path is known comes back
/// after it is: the way back names the article, not the key it had then.
#[test]
fn a_jump_made_before_the_folders_are_resolved_jumps_back_after() {
    let root = tempfile::tempdir().expect("tempdir");
    let (link, key) = linked_folder(root.path());
    let (mut app, effects) = started_over(&link, State::default());
    let at = nth(&app, 0);
    app.open_article(at, None);
    press(&mut app, "space");
    let before = app.reader.as_ref().map(|r| r.offset());
    press(&mut app, "G");
    assert_ne!(app.reader.as_ref().map(|r| r.offset()), before, "at the end");
    app.work_here(effects);
    assert_eq!(app.state_key(at), key);
    press(&mut app, "`");
    assert_eq!(
        app.reader.as_ref().map(|r| r.offset()),
        before,
        "back where it jumped from"
    );
}
