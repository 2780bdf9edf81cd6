//! Inputs that are not what they claim to be: a FIFO or `/dev/zero` where a
//! file is expected, a symlink out of the collection, very deep folders.
//! Each is refused or walked quickly, with a one-sentence message.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use assert_cmd::Command;

fn yuedu(home: &Path) -> Command {
    let mut cmd = Command::cargo_bin("yuedu").expect("binary");
    cmd.env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("HOME", home);
    // A hang is a failure, not a stuck test run.
    cmd.timeout(Duration::from_secs(20));
    cmd
}

fn collection() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    fs::write(dir.path().join("good.md"), "+++\ntitle = \"好\"\n+++\n正文。").expect("write");
    dir
}

fn mkfifo(path: &Path) -> bool {
    std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs and checks it ended by itself, quickly.
fn run(cmd: &mut Command) -> Output {
    let started = Instant::now();
    let output = cmd.output().expect("runs");
    assert!(output.status.code().is_some(), "killed: {output:?}");
    assert!(
        started.elapsed() < Duration::from_secs(15),
        "took {:?}",
        started.elapsed()
    );
    output
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn a_config_that_is_a_fifo_or_dev_zero_is_refused_in_one_sentence() {
    let home = tempfile::tempdir().expect("home");
    let fifo = home.path().join("config.toml");
    let mut configs = vec![Path::new("/dev/zero").to_path_buf(), home.path().to_path_buf()];
    if mkfifo(&fifo) {
        configs.push(fifo);
    }
    for config in configs {
        let output = run(yuedu(home.path()).arg("--config").arg(&config).arg("list"));
        assert_eq!(output.status.code(), Some(2), "{config:?}");
        let message = stderr(&output);
        assert!(message.contains("not a regular file"), "{message}");
        assert_eq!(message.lines().count(), 1, "{message}");
    }
}

#[test]
fn a_huge_config_is_refused() {
    let home = tempfile::tempdir().expect("home");
    let config = home.path().join("big.toml");
    fs::write(&config, "#".repeat(2 << 20)).expect("write");
    let output = run(yuedu(home.path()).arg("--config").arg(&config).arg("list"));
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("larger than 1 MB"), "{}", stderr(&output));
}

#[test]
fn a_state_file_that_is_a_fifo_or_dev_zero_does_not_block() {
    for kind in ["fifo", "zero"] {
        let home = tempfile::tempdir().expect("home");
        let data = home.path().join("data/yuedu");
        fs::create_dir_all(&data).expect("data folder");
        let state = data.join("state.json");
        match kind {
            "fifo" if !mkfifo(&state) => continue,
            "fifo" => {}
            _ => symlink("/dev/zero", &state).expect("symlink"),
        }
        let output = run(yuedu(home.path()).arg("bookmarks"));
        assert_eq!(output.status.code(), Some(0), "{kind}: {}", stderr(&output));
        assert!(
            stderr(&output).contains("not a regular file"),
            "{kind}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn a_collection_toml_that_is_a_fifo_or_dev_zero_is_skipped() {
    for kind in ["fifo", "zero"] {
        let home = tempfile::tempdir().expect("home");
        let dir = collection();
        let file = dir.path().join("collection.toml");
        match kind {
            "fifo" if !mkfifo(&file) => continue,
            "fifo" => {}
            _ => symlink("/dev/zero", &file).expect("symlink"),
        }
        let output = run(yuedu(home.path()).arg("--dir").arg(dir.path()).arg("list"));
        assert_eq!(output.status.code(), Some(0), "{kind}: {}", stderr(&output));
        assert!(String::from_utf8_lossy(&output.stdout).contains("good\t"));
        assert!(
            stderr(&output).contains("not a regular file"),
            "{kind}: {}",
            stderr(&output)
        );
    }
}

#[test]
fn a_cache_file_that_is_a_fifo_is_ignored() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection();
    // The first run writes the cache; its name is the one the next run opens.
    let output = run(yuedu(home.path()).arg("--dir").arg(dir.path()).arg("list"));
    assert!(output.status.success());
    let cache_dir = home.path().join("cache/yuedu");
    let caches: Vec<_> = fs::read_dir(&cache_dir)
        .expect("cache folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    assert_eq!(caches.len(), 1, "{caches:?}");
    fs::remove_file(&caches[0]).expect("remove");
    if !mkfifo(&caches[0]) {
        return;
    }
    for args in [&["list"][..], &["search", "正文"]] {
        let output = run(yuedu(home.path()).arg("--dir").arg(dir.path()).args(args));
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn a_symlink_to_the_root_folder_is_not_walked() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection();
    symlink("/", dir.path().join("everything")).expect("symlink");
    symlink("/dev/zero", dir.path().join("zero.md")).expect("symlink");
    fs::create_dir(dir.path().join("inner")).expect("folder");
    fs::write(dir.path().join("inner/in.md"), "里面。").expect("write");
    // A link within the collection is followed.
    symlink(dir.path().join("inner"), dir.path().join("linked")).expect("symlink");
    let output = run(yuedu(home.path()).arg("--dir").arg(dir.path()).arg("list"));
    assert!(output.status.success(), "{}", stderr(&output));
    let ids: Vec<String> = String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter_map(|l| l.split('\t').next().map(str::to_string))
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    let message = stderr(&output);
    assert!(
        message.contains("everything: a link out of the collection"),
        "{message}"
    );
    assert!(message.contains("zero.md: a link out of the collection"), "{message}");
    if mkfifo(&dir.path().join("inner/pipe")) {
        symlink(dir.path().join("inner/pipe"), dir.path().join("pipe.md")).expect("symlink");
        let output = run(yuedu(home.path()).arg("--dir").arg(dir.path()).arg("list"));
        assert!(
            stderr(&output).contains("pipe.md: not a regular file"),
            "{}",
            stderr(&output)
        );
    }
}

/// `depth` nested folders with an article at the bottom.
fn deep(depth: usize) -> tempfile::TempDir {
    let dir = collection();
    let mut path = dir.path().to_path_buf();
    for _ in 0..depth {
        path.push("d");
    }
    fs::create_dir_all(&path).expect("nested folders");
    fs::write(path.join("bottom.md"), "最深处。").expect("write");
    dir
}

#[test]
fn deep_folders_of_1000_and_2000_levels_are_walked_in_seconds() {
    let home = tempfile::tempdir().expect("home");
    let mut times = Vec::new();
    for depth in [1000, 2000] {
        let dir = deep(depth);
        let started = Instant::now();
        let output = run(yuedu(home.path()).arg("--dir").arg(dir.path()).arg("list"));
        times.push(started.elapsed());
        assert!(output.status.success(), "{}", stderr(&output));
        let text = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(text.contains("/bottom\t"), "{depth}: {text:.200}");
    }
    eprintln!("walk times for 1000 and 2000 levels: {times:?}");
}

#[test]
fn binary_files_without_nul_bytes_are_skipped_not_shown() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection();
    // Bytes 1–255 in a fixed pseudo-random order: no NUL anywhere.
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let noise: Vec<u8> = (0..20_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 255) as u8 + 1
        })
        .collect();
    fs::write(dir.path().join("noise.txt"), &noise).expect("write");
    let output = run(yuedu(home.path()).arg("--dir").arg(dir.path()).arg("list"));
    assert!(output.status.success());
    let listed = String::from_utf8_lossy(&output.stdout).into_owned();
    assert_eq!(listed.lines().count(), 1, "{listed}");
    let message = stderr(&output);
    assert!(message.contains("noise.txt: binary file"), "{message}");
}

#[test]
fn long_queries_are_refused_not_cut_and_empty_ones_explained() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection();
    fs::write(dir.path().join("long.md"), format!("{}尾巴。", "字".repeat(2000))).expect("write");
    // Longer than 1,024 bytes and held by no text: found nowhere.
    let long = format!("{}不在", "字".repeat(400));
    let output = run(yuedu(home.path()).arg("--dir").arg(dir.path()).args(["search", &long]));
    assert_eq!(
        output.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&output.stdout)
    );
    // One the text holds is found.
    let held = format!("{}尾巴", "字".repeat(400));
    let output = run(yuedu(home.path()).arg("--dir").arg(dir.path()).args(["search", &held]));
    assert_eq!(output.status.code(), Some(0));
    let huge = "字".repeat(6000);
    let output = run(yuedu(home.path()).arg("--dir").arg(dir.path()).args(["search", &huge]));
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("queries are at most 16384 bytes"),
        "{}",
        stderr(&output)
    );
    for empty in ["", "  "] {
        let output = run(yuedu(home.path()).arg("--dir").arg(dir.path()).args(["search", empty]));
        assert_eq!(output.status.code(), Some(2));
        assert_eq!(stderr(&output).lines().count(), 1, "{}", stderr(&output));
        assert!(stderr(&output).contains("the query is empty"), "{}", stderr(&output));
    }
}
