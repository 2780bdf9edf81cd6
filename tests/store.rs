//! The state file shared by two yuedu processes at once.

use std::process::Command;

use jiff::Timestamp;
use yuedu::store::{Bookmark, Change, Store};

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
                .args(["--exact", "writer_process", "--test-threads=1"])
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
