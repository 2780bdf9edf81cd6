//! Inputs that are not what they claim to be: a FIFO or `/dev/zero` where a
//! file is expected, a symlink out of the collection, very deep folders.
//! Each is refused or walked quickly, with a one-sentence message.
#![cfg(unix)]

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Output;
use std::time::{Duration, Instant};

use crate::support;

use assert_cmd::Command;
use support::yuedu;

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

/// `depth` nested folders named `d` with an article at the bottom, made
/// one folder at a time relative to the last (the whole path may be longer
/// than the system takes in one call).
fn deep(depth: usize) -> tempfile::TempDir {
    use rustix::fs::{CWD, Mode, OFlags, mkdirat, openat};
    let dir = collection();
    let flags = OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC;
    let mut folder = openat(CWD, dir.path(), flags, Mode::empty()).expect("open the collection");
    for _ in 0..depth {
        mkdirat(&folder, "d", Mode::from_raw_mode(0o755)).expect("mkdir");
        folder = openat(&folder, "d", flags, Mode::empty()).expect("open");
    }
    let file = openat(
        &folder,
        "bottom.md",
        OFlags::WRONLY | OFlags::CREATE,
        Mode::from_raw_mode(0o644),
    )
    .expect("create");
    rustix::io::write(&file, "最深处。".as_bytes()).expect("write");
    dir
}

/// Lists `dir` and checks the article at the bottom is there.
fn list_deep(home: &Path, dir: &Path, depth: usize) {
    let output = run(yuedu(home).arg("--dir").arg(dir).arg("list"));
    assert!(output.status.success(), "{depth}: {:.300}", stderr(&output));
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(text.contains("/bottom\t"), "{depth}: {text:.200}");
}

#[test]
fn folders_deeper_than_a_path_can_name_are_walked_and_read() {
    // 3,000 levels: the bottom file's path is over 6,000 bytes, more than
    // PATH_MAX, so no folder or file can be reached by its whole path.
    let home = tempfile::tempdir().expect("home");
    let dir = deep(3000);
    list_deep(home.path(), dir.path(), 3000);
    // Again from the article cache.
    list_deep(home.path(), dir.path(), 3000);
}

/// The bytes of path names `yuedu list` passes to the system in file calls
/// (`open`, `stat`, … as `strace` records them), or `None` without strace.
fn path_bytes_passed(home: &Path, dir: &Path) -> Option<usize> {
    let log = home.join("strace.log");
    let status = std::process::Command::new("strace")
        .args(["-f", "-qq", "-s", "100000", "-e", "trace=%file", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_yuedu"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("HOME", home)
        .arg("--dir")
        .arg(dir)
        .arg("list")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .ok()?;
    let log = fs::read_to_string(&log).ok().filter(|_| status.success())?;
    // Every quoted string of every call: the paths (and link targets).
    Some(
        log.lines()
            .map(|line| line.split('"').skip(1).step_by(2).map(str::len).sum::<usize>())
            .sum(),
    )
}

#[test]
fn the_walk_passes_the_system_path_names_linear_in_depth() {
    // Opening each folder by its whole path passes 1 + 2 + … + n names for n
    // levels: four times as much for twice the depth. Opening each relative
    // to its parent passes one name a level: twice as much.
    let home = tempfile::tempdir().expect("home");
    let (shallow, deeper) = (deep(1000), deep(2000));
    let (Some(a), Some(b)) = (
        path_bytes_passed(home.path(), shallow.path()),
        path_bytes_passed(home.path(), deeper.path()),
    ) else {
        eprintln!("strace is not available here: the count was not made");
        return;
    };
    eprintln!("path bytes passed for 1,000 and 2,000 levels: {a}, {b}");
    assert!(b < a * 5 / 2, "1,000 levels: {a} bytes, 2,000 levels: {b} bytes");
    assert!(b < 2000 * 40, "2,000 levels: {b} bytes");
}

#[test]
fn binary_files_without_nul_bytes_are_skipped_not_shown() {
    let home = tempfile::tempdir().expect("home");
    let dir = collection();
    // Bytes 1–255, and bytes 128–255 only, in fixed pseudo-random orders: no
    // NUL anywhere; the second decodes as GB18030 without one broken character.
    let noise = |len: usize, seed: u64, high: bool| -> Vec<u8> {
        let mut state = seed;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                if high {
                    0x80 | (state >> 32) as u8
                } else {
                    (state % 255) as u8 + 1
                }
            })
            .collect()
    };
    fs::write(
        dir.path().join("noise.txt"),
        noise(20_000, 0x2545_f491_4f6c_dd1d, false),
    )
    .expect("write");
    for (n, len) in [300, 5_000, 70_000].into_iter().enumerate() {
        fs::write(
            dir.path().join(format!("high{n}.txt")),
            noise(len, 0x9e37_79b9 + n as u64, true),
        )
        .expect("write");
    }
    // Real text in legacy encodings stays.
    let (gbk, _, _) = encoding_rs::GBK.encode(
        "第一回　甄士隐梦幻识通灵　贾雨村风尘怀闺秀\n\n列位看官：你道此书从何而来？说起根由虽近荒唐，细按则深有趣味。",
    );
    fs::write(dir.path().join("novel.txt"), &gbk).expect("write");
    let (big5, _, _) = encoding_rs::BIG5
        .encode("晉太元中，武陵人捕魚為業。緣溪行，忘路之遠近。忽逢桃花林，夾岸數百步，中無雜樹，芳草鮮美，落英繽紛。");
    fs::write(dir.path().join("classic.txt"), &big5).expect("write");
    let output = run(yuedu(home.path()).arg("--dir").arg(dir.path()).arg("list"));
    assert!(output.status.success());
    let listed = String::from_utf8_lossy(&output.stdout).into_owned();
    let ids: Vec<&str> = listed.lines().filter_map(|line| line.split('\t').next()).collect();
    assert_eq!(ids.len(), 3, "{listed}");
    for id in ["good", "novel", "classic"] {
        assert!(ids.contains(&id), "{id}: {listed}");
    }
    let message = stderr(&output);
    assert!(message.contains("noise.txt: binary file"), "{message}");
    for n in 0..3 {
        assert!(message.contains(&format!("high{n}.txt: binary file")), "{message}");
    }
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
