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
