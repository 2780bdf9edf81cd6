use super::*;
use crate::store::state::{Bookmark, Position};

fn position(offset: usize) -> Change {
    Change::SetPosition {
        article: "yingxiao/kehu-guanxi-guanli".into(),
        position: Position {
            fingerprint: None,
            offset,
            percent: 12,
            finished: false,
            updated: Timestamp::now(),
            unknown: Default::default(),
        },
    }
}

fn bookmark(id: i128) -> Change {
    Change::AddBookmark(Bookmark {
        id,
        article: "a".into(),
        offset: 0,
        snippet: "所谓客户关系管理".into(),
        created: Timestamp::now(),
        note: "笔记".into(),
        unknown: Default::default(),
    })
}

#[test]
fn round_trip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, state, notices) = Store::open(&dir.path().join("new/folder"));
    assert!(notices.is_empty());
    assert_eq!(state, State::default());
    let (saved, _) = store.save(&[position(42), bookmark(1)]).expect("save");
    let (_, loaded, notices) = Store::open(&dir.path().join("new/folder"));
    assert!(notices.is_empty());
    assert_eq!(loaded, saved);
    assert_eq!(loaded.positions["yingxiao/kehu-guanxi-guanli"].offset, 42);
    assert_eq!(loaded.bookmarks[0].note, "笔记");
}

#[test]
fn a_crash_between_writing_and_renaming_leaves_the_old_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _, _) = Store::open(dir.path());
    store.save(&[position(1)]).expect("save");
    // Crash: the new file is written but never renamed.
    let temp = dir.path().join(format!("{TEMP_PREFIX}4294967295"));
    store.write_temp(&temp, b"{ half a file").expect("temp");
    let (_, loaded, notices) = Store::open(dir.path());
    assert!(notices.is_empty());
    assert_eq!(loaded.positions["yingxiao/kehu-guanxi-guanli"].offset, 1);
    assert!(
        !temp.exists(),
        "the killed writer's temp file is cleaned on the next start"
    );
}

#[test]
fn a_failed_save_leaves_no_temp_file_and_the_old_state() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _, _) = Store::open(dir.path());
    // The rename fails, for root too: the target is a folder with something in it.
    fs::create_dir_all(store.path().join("inside")).expect("mkdir");
    assert!(store.replace(b"{}").is_err());
    let names: Vec<String> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.starts_with(TEMP_PREFIX)), "{names:?}");
    assert!(store.path().join("inside").is_dir());
}

#[test]
fn a_format_1_file_reads_and_is_kept_as_a_backup_before_it_is_rewritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let old = r#"{"version": 1, "positions": {"a": {"offset": 5, "percent": 10, "finished": false,
        "updated": "2026-01-01T00:00:00Z"}}, "bookmarks": [], "last_read": "a"}"#;
    fs::write(dir.path().join(FILE_NAME), old).expect("write");
    let (store, state, notices) = Store::open(dir.path());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(state.positions["a"].offset, 5);
    assert_eq!(
        fs::read_to_string(dir.path().join("state.json.v1")).expect("backup"),
        old
    );
    let (saved, _) = store.save(&[position(1)]).expect("save");
    assert_eq!(saved.version, VERSION);
    assert_eq!(saved.positions["a"].offset, 5, "nothing lost");
    assert_eq!(
        fs::read_to_string(dir.path().join("state.json.v1")).expect("backup"),
        old
    );
}

#[test]
fn a_state_file_with_a_byte_order_mark_reads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, _, _) = Store::open(dir.path());
    store.save(&[position(7)]).expect("save");
    let mut bytes = BOM.to_vec();
    bytes.extend(fs::read(store.path()).expect("read"));
    fs::write(store.path(), bytes).expect("write");
    let (_, state, notices) = Store::open(dir.path());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(state.positions["yingxiao/kehu-guanxi-guanli"].offset, 7);
    assert!(Store::read_only(dir.path()).1.is_empty());
}

#[test]
fn reading_only_never_moves_a_damaged_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join(FILE_NAME), "{ not json").expect("write");
    let (state, notices) = Store::read_only(dir.path());
    assert_eq!(state, State::default());
    assert!(matches!(notices.as_slice(), [Notice::LeftAsIs { .. }]), "{notices:?}");
    assert!(
        notices[0]
            .text()
            .get(crate::i18n::Lang::Simplified)
            .contains("原样保留未改动")
    );
    assert_eq!(
        fs::read_to_string(dir.path().join(FILE_NAME)).expect("kept"),
        "{ not json"
    );
    assert_eq!(
        fs::read_dir(dir.path()).expect("list").count(),
        1,
        "nothing created or moved"
    );
    // A missing folder is not created either.
    let missing = dir.path().join("missing");
    assert_eq!(Store::read_only(&missing).0, State::default());
    assert!(!missing.exists());
}

#[test]
fn a_corrupt_file_is_set_aside_and_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join(FILE_NAME), "{ not json").expect("write");
    let (store, state, notices) = Store::open(dir.path());
    assert_eq!(state, State::default());
    let [Notice::SetAside { moved_to, .. }] = notices.as_slice() else {
        panic!("expected one set-aside notice, got {notices:?}");
    };
    assert!(
        moved_to
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("state.json.corrupt-"))
    );
    assert_eq!(fs::read_to_string(moved_to).expect("kept"), "{ not json");
    assert!(
        notices[0]
            .text()
            .get(crate::i18n::Lang::Simplified)
            .contains("原文件已原样保留为")
    );
    store.save(&[position(5)]).expect("save after");
}

#[test]
fn a_newer_version_is_set_aside_not_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join(FILE_NAME), r#"{"version": 99, "future": true}"#).expect("write");
    let (_, _, notices) = Store::open(dir.path());
    assert!(
        notices[0]
            .text()
            .get(crate::i18n::Lang::Simplified)
            .contains("较新的 yuedu"),
        "{}",
        notices[0]
    );
}

#[test]
fn concurrent_saves_from_threads_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let threads: Vec<_> = (0..8)
        .map(|t| {
            let path = dir.path().to_path_buf();
            std::thread::spawn(move || {
                let (store, _, _) = Store::open(&path);
                for i in 0..10 {
                    store.save(&[bookmark(t * 100 + i)]).expect("save");
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("thread");
    }
    let (_, state, _) = Store::open(dir.path());
    assert_eq!(state.bookmarks.len(), 80);
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_that_cannot_be_created_still_reads_and_says_why() {
    // Not even root can create folders in /proc.
    let (store, state, notices) = Store::open(Path::new("/proc/yuedu-cannot-exist"));
    assert_eq!(state, State::default());
    assert!(matches!(notices.as_slice(), [Notice::CannotSave { .. }]), "{notices:?}");
    assert!(store.save(&[position(1)]).is_err());
}

#[test]
fn a_data_folder_that_cannot_exist_reads_and_reports_it_cannot_save() {
    // A folder below a regular file can be created by no one, root included.
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("a-file");
    fs::write(&file, "").expect("write");
    let (store, state, notices) = Store::open(&file.join("yuedu"));
    assert_eq!(state, State::default());
    assert!(matches!(notices.as_slice(), [Notice::CannotSave { .. }]), "{notices:?}");
    assert!(
        notices[0].text().get(crate::i18n::Lang::Simplified).contains("无法在"),
        "{}",
        notices[0]
    );
    let err = store.save(&[position(10)]).expect_err("nowhere to save");
    assert!(err.to_string().contains("cannot save in"), "{err}");
    assert_eq!(fs::read(&file).expect("file"), b"", "the file is untouched");
}

#[test]
fn a_truncated_file_is_reported_in_chinese_with_where_the_old_file_is_kept() {
    let dir = tempfile::tempdir().expect("tempdir");
    let whole = r#"{"version": 2, "positions": {"a": {"offset": 5}}, "bookmarks": []}"#;
    fs::write(dir.path().join(FILE_NAME), &whole[..30]).expect("write");
    let (_store, _state, notices) = Store::open(dir.path());
    let [Notice::SetAside { moved_to, .. }] = notices.as_slice() else {
        panic!("expected one set-aside notice, got {notices:?}");
    };
    let text = notices[0].text().get(crate::i18n::Lang::Simplified).to_string();
    assert!(text.contains("不完整，在第 1 行"), "{text}");
    assert!(text.contains(&moved_to.display().to_string()), "{text}");
    assert!(!text.is_ascii() && !text.contains("cannot"), "{text}");
}

/// A version-2 file from a newer yuedu, with fields this build does not know
/// at every level: the file, a position, a bookmark and the history.
const NEWER_FIELDS: &str = r#"{
  "version": 2,
  "theme_of_the_day": {"name": "墨", "since": 3},
  "positions": {
    "yingxiao/kehu-guanxi-guanli": {
      "offset": 7, "percent": 1, "finished": false,
      "updated": "2026-01-01T00:00:00Z", "column": 2, "marks": [1, 2]
    }
  },
  "bookmarks": [
    {"id": 1796509079708633423, "article": "a", "offset": 0, "snippet": "甲",
     "created": "2026-01-01T00:00:00Z", "note": "", "colour": "red"}
  ],
  "history": {"search": ["赤壁"], "find": [], "pinned": ["前赤壁赋"]}
}"#;

#[test]
fn fields_of_a_newer_yuedu_are_kept_through_every_save() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join(FILE_NAME), NEWER_FIELDS).expect("write");
    let (store, state, notices) = Store::open(dir.path());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(state.bookmarks[0].id, 1796509079708633423);
    // This session moves the very position, edits the bookmark, adds one.
    let edit = Change::EditNote {
        id: 1796509079708633423,
        note: "新的".into(),
    };
    store.save(&[position(42), edit, bookmark(5)]).expect("save");
    store.save(&[position(43)]).expect("save again");
    let text = std::fs::read_to_string(dir.path().join(FILE_NAME)).expect("read");
    let saved: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(saved["theme_of_the_day"]["name"], "墨", "{text}");
    let position = &saved["positions"]["yingxiao/kehu-guanxi-guanli"];
    assert_eq!(position["offset"], 43);
    assert_eq!(
        (&position["column"], &position["marks"][1]),
        (&2.into(), &2.into()),
        "{text}"
    );
    assert_eq!(saved["bookmarks"][0]["colour"], "red", "{text}");
    assert_eq!(saved["bookmarks"][0]["note"], "新的");
    assert_eq!(saved["history"]["pinned"][0], "前赤壁赋", "{text}");
}

#[cfg(unix)]
#[test]
fn a_state_file_that_is_a_link_is_saved_through_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (data, dotfiles) = (dir.path().join("data"), dir.path().join("dotfiles"));
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::create_dir_all(&dotfiles).expect("mkdir");
    let target = dotfiles.join("yuedu-state.json");
    for relative in [false, true] {
        let _ = std::fs::remove_file(data.join(FILE_NAME));
        std::fs::write(&target, r#"{"version": 2}"#).expect("write");
        let link_to = if relative {
            Path::new("../dotfiles/yuedu-state.json")
        } else {
            target.as_path()
        };
        std::os::unix::fs::symlink(link_to, data.join(FILE_NAME)).expect("symlink");
        let (store, _, _) = Store::open(&data);
        store.save(&[position(42)]).expect("save");
        let link = std::fs::symlink_metadata(data.join(FILE_NAME)).expect("stat");
        assert!(link.file_type().is_symlink(), "still a link");
        let (_, state, _) = Store::open(&data);
        assert_eq!(state.positions["yingxiao/kehu-guanxi-guanli"].offset, 42);
        assert!(
            std::fs::read_to_string(&target).expect("read").contains("42"),
            "written where it points"
        );
    }
}
