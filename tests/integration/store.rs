//! The state file shared by two yuedu processes at once.

use std::process::Command;

use jiff::Timestamp;
use yuedu::store::{Bookmark, Change, Store};

use crate::support;

const DIR_VAR: &str = "YUEDU_STORE_WRITER_DIR";
const TAG_VAR: &str = "YUEDU_STORE_WRITER_TAG";
const PER_PROCESS: i128 = 40;

fn bookmark(id: i128) -> Change {
    Change::AddBookmark(Bookmark {
        id,
        article: "yingxiao/kehu-guanxi-guanli".into(),
        offset: id as usize,
        snippet: "所谓客户关系管理".into(),
        created: Timestamp::now(),
        note: format!("第{id}个"),
        unknown: Default::default(),
    })
}

/// Not a test on its own: the body of each writer process below.
#[test]
fn writer_process() {
    let (Some(dir), Some(tag)) = (std::env::var_os(DIR_VAR), std::env::var(TAG_VAR).ok()) else {
        return;
    };
    let tag: i128 = tag.parse().expect("tag");
    let (store, _, _) = Store::open(std::path::Path::new(&dir));
    for i in 0..PER_PROCESS {
        store.save(&[bookmark(tag * 1000 + i)]).expect("save");
    }
}

#[test]
fn two_processes_writing_at_once_lose_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let exe = std::env::current_exe().expect("test binary");
    let children: Vec<_> = (1..=2)
        .map(|tag| {
            Command::new(&exe)
                .args(["--exact", "store::writer_process", "--test-threads=1"])
                .env(DIR_VAR, dir.path())
                .env(TAG_VAR, tag.to_string())
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn writer")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let (_, state, notices) = Store::open(dir.path());
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(state.bookmarks.len(), 2 * PER_PROCESS as usize);
}

#[test]
fn listing_bookmarks_leaves_a_damaged_state_file_where_it_is() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data/yuedu");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::write(data.join("state.json"), "{ damaged").expect("write");
    for args in [&["bookmarks"][..], &["bookmarks", "--json"], &["bookmarks", "export"]] {
        let output = support::yuedu_in(home.path(), support::CHINESE)
            .args(args)
            .output()
            .expect("run yuedu");
        assert!(output.status.success(), "{args:?}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("原样保留未改动"), "{args:?}: {stderr}");
        let output = support::yuedu(home.path()).args(args).output().expect("run yuedu");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("it was left unchanged"),
            "in English too: {args:?}: {stderr}"
        );
    }
    let names: Vec<String> = std::fs::read_dir(&data)
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["state.json"], "nothing renamed or created");
    assert_eq!(
        std::fs::read_to_string(data.join("state.json")).expect("kept"),
        "{ damaged"
    );
}
