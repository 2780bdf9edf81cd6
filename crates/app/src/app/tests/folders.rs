//! Saved state keyed by file: two folders, moved files, replaced texts and old state formats.

use super::*;

pub(super) fn long_text(title: &str) -> String {
    let mut text = format!("+++\ntitle = \"{title}\"\n+++\n");
    for n in 0..200 {
        text.push_str(&format!("{title}第{n}段，文字足够长，翻过几页也读不完。\n\n"));
    }
    text
}

/// Reads the only article a page down and quits; the state it saved.
pub(super) fn read_a_page(mut app: App) -> State {
    press(&mut app, "l l space space");
    assert!(app.reader.is_some());
    press(&mut app, "q");
    app.saved
}

#[test]
fn two_folders_with_the_same_file_names_never_share_state() {
    let root = tempfile::tempdir().expect("tempdir");
    let (c1, c2) = (root.path().join("c1"), root.path().join("c2"));
    for (dir, title) in [(&c1, "治安策"), (&c2, "過秦論")] {
        std::fs::create_dir_all(dir).expect("mkdir");
        std::fs::write(dir.join("a.md"), long_text(title)).expect("write");
    }
    let saved = read_a_page(app_over(&[&c1]));
    let mut other = app_over(&[&c2]);
    other.load_saved(saved.clone());
    assert_eq!(other.read_status(nth(&other, 0)), marks::ReadStatus::Unread);
    assert_eq!(
        other.continue_target(),
        None,
        "c does not offer 治安策's place in 過秦論"
    );
    let mut same = app_over(&[&c1]);
    same.load_saved(saved);
    assert!(matches!(
        same.read_status(nth(&same, 0)),
        marks::ReadStatus::InProgress(_)
    ));
    assert_eq!(same.continue_target().map(|(i, _)| i), Some(nth(&same, 0)));
}

#[test]
fn a_moved_file_finds_its_state_and_a_replaced_text_does_not_inherit() {
    let root = tempfile::tempdir().expect("tempdir");
    let (before, after) = (root.path().join("before"), root.path().join("after"));
    std::fs::create_dir_all(&before).expect("mkdir");
    std::fs::write(before.join("a.md"), long_text("治安策")).expect("write");
    let saved = read_a_page(app_over(&[&before]));
    let offset = saved.positions.values().next().map(|p| p.offset);
    std::fs::rename(&before, &after).expect("move the folder");
    std::fs::rename(after.join("a.md"), after.join("renamed.md")).expect("rename the file");
    let mut moved = app_over(&[&after]);
    let effects = {
        moved.load_saved(saved.clone());
        moved.handle(Input::Resize { width: 120, height: 35 })
    };
    // The state machine does not look for the file itself: it asks a job.
    assert!(
        effects
            .iter()
            .all(|e| matches!(e, Effect::Work(job) if matches!(job.kind(), JobKind::Files | JobKind::Folders))),
        "{effects:?}"
    );
    assert_eq!(
        moved.saved_position(nth(&moved, 0)),
        None,
        "not attached before the job answers"
    );
    let effects = moved.work_here(effects);
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Save(Change::Attach { .. }))),
        "the attachment is saved: {effects:?}"
    );
    assert_eq!(moved.saved_position(nth(&moved, 0)).map(|p| p.offset), offset);
    assert_eq!(moved.continue_target().map(|(i, _)| i), Some(nth(&moved, 0)));

    // The same path with another text: nothing inherited.
    std::fs::write(after.join("renamed.md"), long_text("過秦論")).expect("replace");
    let mut replaced = app_over(&[&after]);
    replaced.load_saved(moved.saved.clone());
    assert_eq!(replaced.read_status(nth(&replaced, 0)), marks::ReadStatus::Unread);
    press(&mut replaced, "l l");
    assert_eq!(
        replaced.reader.as_ref().map(Reader::offset),
        Some(0),
        "opens at the start"
    );
}

#[test]
fn format_1_entries_attach_to_the_folder_article_with_their_id_or_stay_listed() {
    let root = tempfile::tempdir().expect("tempdir");
    std::fs::write(root.path().join("a.md"), long_text("治安策")).expect("write");
    let old = format_1_state(&[("a", 40), ("elsewhere/b", 7)]);
    let mut app = app_over(&[root.path()]);
    app.load_saved(old);
    assert_eq!(
        app.saved_position(nth(&app, 0)),
        None,
        "held back until the folder's real path is known"
    );
    let effects = app.handle(Input::Resize { width: 120, height: 35 });
    app.work_here(effects);
    assert_eq!(
        app.saved_position(nth(&app, 0)).map(|p| p.offset),
        Some(40),
        "attached by ID"
    );
    assert!(app.saved.positions.contains_key(app.state_key(nth(&app, 0)).as_ref()));
    assert!(!app.saved.positions.contains_key("a"));
    assert_eq!(app.saved.positions["elsewhere/b"].offset, 7, "kept, unattached");
}

/// Files whose names are not UTF-8: GBK-named chapters and two names of one
/// invalid byte each. Each keeps its own place and bookmarks.
#[cfg(unix)]
#[test]
fn files_named_in_bytes_that_are_not_utf8_each_keep_their_own_state() {
    use std::os::unix::ffi::OsStrExt;
    let root = tempfile::tempdir().expect("tempdir");
    let names: [&[u8]; 4] = [
        b"\xb5\xda\xc8\xfd\xd5\xc2.txt", // 第三章.txt in GBK
        b"\xb5\xda\xcb\xc4\xd5\xc2.txt", // 第四章.txt in GBK
        b"\xff.md",
        b"\xfe.md",
    ];
    for (n, name) in names.iter().enumerate() {
        let path = root.path().join(std::ffi::OsStr::from_bytes(name));
        std::fs::write(path, long_text(&format!("第{n}篇"))).expect("write");
    }
    let mut app = app_over(&[root.path()]);
    let count = app.library.articles().len();
    assert_eq!(count, 4);
    let keys: std::collections::HashSet<String> = (0..count).map(|i| app.state_key(nth(&app, i)).to_string()).collect();
    assert_eq!(keys.len(), 4, "one key per file: {keys:?}");
    for i in 0..count {
        assert_eq!(app.article_of_key(&app.state_key(nth(&app, i))), Some(nth(&app, i)));
    }
    // Read each a different number of pages and bookmark it.
    for i in 0..count {
        app.open_article(nth(&app, i), Some(0));
        press(&mut app, &"space ".repeat(i + 1));
        press(&mut app, "m enter esc");
    }
    let saved = app.saved.clone();
    assert_eq!(saved.positions.len(), 4);
    assert_eq!(saved.bookmarks.len(), 4);
    // Read again from the state as saved: each file its own place.
    let mut again = app_over(&[root.path()]);
    let json = serde_json::to_string(&saved).expect("json");
    again.load_saved(serde_json::from_str(&json).expect("read back"));
    for i in 0..count {
        let key = again.state_key(nth(&again, i)).to_string();
        let position = again.saved_position(nth(&again, i)).map(|p| p.offset);
        assert_eq!(position, app.saved_position(nth(&app, i)).map(|p| p.offset), "{key}");
        assert_eq!(
            again.saved.bookmarks.iter().filter(|b| b.article == key).count(),
            1,
            "{key}"
        );
    }
}

#[test]
fn a_batch_brings_the_keys_made_where_it_was_read_and_the_app_makes_none_itself() {
    // A file in a folder that does not exist here: the key is the real
    // path the batch was given, which only the file system could have told.
    let origin = crate::library::Origin::File(std::path::Path::new("/nowhere/诗/a.md").into());
    let article =
        crate::library::parse_article("诗/a", "诗/a.md", "# 甲\n\n正文。".as_bytes(), origin).expect("parses");
    let batch = crate::library::Batch {
        articles: vec![article],
        problems: Vec::new(),
        files: 1,
    };
    let real = std::collections::HashMap::from([(
        std::path::PathBuf::from("/nowhere/诗"),
        std::path::PathBuf::from("/real/诗"),
    )]);
    let keys = crate::store::identity::KeyBatch::prepare(&batch.articles, std::path::Path::new("/"), &real);
    let mut app = app(120, 35);
    app.start_loading(1);
    let effects = app.handle(Input::Loaded(batch, crate::search::SearchIndex::default(), keys, None));
    assert!(effects.iter().all(|e| matches!(e, Effect::Work(_))), "{effects:?}");
    let at = app.library.find("诗/a").expect("added");
    assert_eq!(app.state_key(at), "/real/诗/a.md");
    assert_eq!(app.article_of_key("/real/诗/a.md"), Some(at));
}

/// State saved in format 1 (keyed by article ID), with a position at each
/// (key, offset).
pub(super) fn format_1_state(positions: &[(&str, usize)]) -> State {
    let mut old = State {
        version: 1,
        ..State::default()
    };
    for &(key, offset) in positions {
        old.apply(&Change::SetPosition {
            article: key.into(),
            position: crate::store::Position {
                offset,
                percent: 3,
                finished: false,
                updated: jiff::Timestamp::now(),
                fingerprint: None,
                unknown: Default::default(),
            },
        });
    }
    old
}
