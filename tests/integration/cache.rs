//! The article cache through the real binary: one folder spelt three ways
//! shares one cache without rewriting it, and a damaged cache changes no
//! search result or exit code.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;

use crate::support;

fn yuedu(home: &Path, cwd: &Path) -> Command {
    let mut cmd = support::yuedu(home);
    cmd.current_dir(cwd);
    cmd
}

fn collection(base: &Path) -> PathBuf {
    let dir = base.join("d");
    fs::create_dir_all(dir.join("分类")).expect("folder");
    for i in 0..8 {
        let extra = if i % 3 == 0 { "qqq" } else { "" };
        fs::write(
            dir.join(format!("分类/{i}.md")),
            format!("+++\ntitle = \"第{i}篇\"\n+++\n内容{extra}。"),
        )
        .expect("write");
    }
    dir
}

fn cache_file(home: &Path) -> PathBuf {
    let files: Vec<PathBuf> = fs::read_dir(home.join("cache/yuedu"))
        .expect("cache folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files[0].clone()
}

#[test]
fn one_folder_spelt_three_ways_reuses_one_cache_without_rewriting_it() {
    let home = tempfile::tempdir().expect("home");
    let base = tempfile::tempdir().expect("base");
    let dir = collection(base.path());
    let first = yuedu(home.path(), base.path())
        .args(["--dir", "d", "list"])
        .output()
        .expect("runs");
    assert!(first.status.success());
    support::written_later(&home.path().join("cache/yuedu"));
    let file = cache_file(home.path());
    let written = (
        fs::read(&file).expect("cache"),
        fs::metadata(&file).and_then(|m| m.modified()).expect("time"),
    );
    for spelling in [PathBuf::from("./d"), dir.clone(), base.path().join("d/分类/..")] {
        let output = yuedu(home.path(), base.path())
            .arg("--dir")
            .arg(&spelling)
            .arg("list")
            .output()
            .expect("runs");
        assert_eq!(output.stdout, first.stdout, "{spelling:?}");
        let now = (
            fs::read(&file).expect("cache"),
            fs::metadata(&file).and_then(|m| m.modified()).expect("time"),
        );
        assert!(now == written, "{spelling:?} rewrote the cache");
        assert_eq!(cache_file(home.path()), file);
    }
}

#[test]
fn a_damaged_cache_changes_no_search_result_or_exit_code() {
    let home = tempfile::tempdir().expect("home");
    let base = tempfile::tempdir().expect("base");
    let dir = collection(base.path());
    let search = |query: &str| -> Output {
        yuedu(home.path(), base.path())
            .arg("--dir")
            .arg(&dir)
            .args(["search", query])
            .output()
            .expect("runs")
    };
    let expected = [search("qqq"), search("不存在")];
    support::written_later(&home.path().join("cache/yuedu"));
    assert_eq!(expected[0].status.code(), Some(0));
    assert_eq!(expected[1].status.code(), Some(1));
    let file = cache_file(home.path());
    let good = fs::read(&file).expect("cache");
    let mut tried = 0;
    for i in 0..24 {
        let mut bytes = good.clone();
        let at = (i * 7919 + 31) % bytes.len();
        bytes[at] ^= 1 << (i % 8);
        fs::write(&file, &bytes).expect("damage");
        support::written_later(&home.path().join("cache/yuedu"));
        for (query, expected) in ["qqq", "不存在"].into_iter().zip(&expected) {
            let output = search(query);
            tried += 1;
            assert_eq!(output.status.code(), expected.status.code(), "byte {at}: {query}");
            assert_eq!(output.stdout, expected.stdout, "byte {at}: {query}");
        }
    }
    assert_eq!(tried, 48);
}
