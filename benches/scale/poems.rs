//! The scale bench's many small articles: generated poems (about 280 bytes
//! each), or a real folder of them (`YUEDU_TANG`), read by the real binary,
//! `list` and `search` cold and warm through the article cache, and the
//! reader in a pseudo-terminal; peak resident memory per corpus byte and
//! time per `rg` time.

use std::process::Command;
use std::time::{Duration, Instant};

use criterion::Criterion;

use crate::support::{self, peak_of, walk_bytes};

/// Many small articles (issue 12's shape): `YUEDU_POEMS` poems (default
/// 5,000; 57,603 is the size of the Tang poems), one small `.md` each in
/// author folders. Peak resident memory of the real binary per corpus byte,
/// with no article cache (cold) and from it (warm), and time per `rg` time.
/// `YUEDU_TANG=/path/to/folder` reads that folder instead (the 57,603 Tang
/// poems, one `.md` each), and the reader's peak is put against the target
/// of 3 times the corpus bytes. With either set, only this part runs.
pub(crate) fn poems(_: &mut Criterion) {
    let count = std::env::var("YUEDU_POEMS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(5_000);
    let generated = tempfile::tempdir().expect("tempdir");
    let tang = std::env::var_os("YUEDU_TANG").map(std::path::PathBuf::from);
    let dir = match &tang {
        Some(dir) => dir.clone(),
        None => {
            support::write_poems(generated.path(), count);
            generated.path().to_path_buf()
        }
    };
    let count = tang.as_ref().map_or(count, |dir| files_in(dir));
    let dir = dir.as_path();
    let bytes = walk_bytes(dir) as f64;
    let home = tempfile::tempdir().expect("article cache folder");
    let one = tempfile::tempdir().expect("tempdir");
    support::write_poems(one.path(), 1);
    let yuedu = |folder: &std::path::Path, args: &[&str]| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_yuedu"));
        c.env("XDG_CACHE_HOME", home.path())
            .env("XDG_CONFIG_HOME", home.path())
            .env("XDG_DATA_HOME", home.path())
            .arg("--dir")
            .arg(folder)
            .args(args);
        c
    };
    let (_, empty) = peak_of(yuedu(one.path(), &["list"]));
    let rg = || {
        let mut c = Command::new("rg");
        c.args(["-c", "-F", "明月"]).arg(dir);
        c
    };
    let _ = peak_of(rg());
    let (rg_time, _) = peak_of(rg());
    println!(
        "poems: {count} files, {:.2} MB; rg -c {rg_time:.2?}; peak resident listing one poem: {:.1} MB",
        bytes / 1e6,
        empty as f64 / 1e6
    );
    for args in [&["list"][..], &["search", "明月"][..]] {
        for warm in [false, true] {
            if !warm {
                let _ = std::fs::remove_dir_all(home.path().join("yuedu"));
            }
            let (time, peak) = peak_of(yuedu(dir, args));
            println!(
                "poems: yuedu {} {}: peak resident {:.1} MB = {:.2}x the corpus bytes ({:.2}x above listing one poem), time {:.2}x rg",
                args[0],
                if warm { "warm" } else { "cold" },
                peak as f64 / 1e6,
                peak as f64 / bytes,
                peak.saturating_sub(empty) as f64 / bytes,
                time.as_secs_f64() / rg_time.as_secs_f64()
            );
        }
    }
    // The floor: the same reader on one poem.
    let alone = reader_peak(one.path(), home.path()).map_or(0, |(_, peak)| peak);
    for warm in [false, true] {
        if !warm {
            let _ = std::fs::remove_dir_all(home.path().join("yuedu"));
        }
        match reader_peak(dir, home.path()) {
            Some((first, peak)) => println!(
                "poems: the reader {}: first frame {first:.2?} = {:.2}x rg; peak resident once loaded {:.1} MB = {:.2}x the corpus bytes{} ({:.2}x above the reader on one poem, {:.1} MB)",
                if warm { "warm" } else { "cold" },
                first.as_secs_f64() / rg_time.as_secs_f64(),
                peak as f64 / 1e6,
                peak as f64 / bytes,
                if tang.is_some() { ", target 3x" } else { "" },
                peak.saturating_sub(alone) as f64 / bytes,
                alone as f64 / 1e6
            ),
            None => println!("poems: the reader's memory is read from /proc, which this system lacks"),
        }
    }
}

/// How many files `dir` holds, in all its folders.
fn files_in(dir: &std::path::Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .map(|entry| match entry.file_type() {
            Ok(kind) if kind.is_dir() => files_in(&entry.path()),
            Ok(_) => 1,
            Err(_) => 0,
        })
        .sum()
}

/// The reader on `folder` in a 100×30 pseudo-terminal, its folders in
/// `home`: the time to its first frame (the list heading's article count
/// shown) and its peak resident memory once loading has finished (no output
/// for a second), read from `/proc` (Linux; `None` elsewhere).
fn reader_peak(folder: &std::path::Path, home: &std::path::Path) -> Option<(Duration, usize)> {
    use portable_pty::{CommandBuilder, PtySize, native_pty_system};
    use std::io::{Read, Write};
    let size = PtySize {
        rows: 30,
        cols: 100,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pty = native_pty_system().openpty(size).ok()?;
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_yuedu"));
    command.arg("--dir");
    command.arg(folder);
    command.env("TERM", "xterm-256color");
    // The count it waits for (篇) is the Chinese interface's.
    command.env("LANG", "zh_CN.UTF-8");
    command.env_remove("LC_ALL");
    command.env_remove("LC_MESSAGES");
    for name in ["XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"] {
        command.env(name, home);
    }
    let started = Instant::now();
    let mut child = pty.slave.spawn_command(command).ok()?;
    drop(pty.slave);
    let pid = child.process_id()?;
    let mut reader = pty.master.try_clone_reader().ok()?;
    let (send, output) = std::sync::mpsc::channel::<Vec<u8>>();
    std::thread::spawn(move || {
        let mut chunk = [0u8; 8192];
        while let Ok(n @ 1..) = reader.read(&mut chunk) {
            if send.send(chunk[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut seen = Vec::new();
    let mut first = None;
    let wanted = "篇".as_bytes();
    loop {
        let wait = Duration::from_secs(if first.is_some() { 1 } else { 60 });
        let Ok(chunk) = output.recv_timeout(wait) else { break };
        seen.extend_from_slice(&chunk);
        if first.is_none() && seen.windows(wanted.len()).any(|w| w == wanted) {
            first = Some(started.elapsed());
        }
    }
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok();
    let peak = status.as_deref().and_then(|s| {
        let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
        line.split_whitespace().nth(1)?.parse::<usize>().ok()
    });
    let mut writer = pty.master.take_writer().ok()?;
    let _ = writer.write_all(b"q");
    let _ = child.wait();
    Some((first?, peak? * 1024))
}
