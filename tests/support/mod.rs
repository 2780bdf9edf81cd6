//! Runs the real binary in a pseudo-terminal and reads the screen back with a
//! terminal emulator (vt100), as a person would see it.
//!
//! # Tests
//!
//! - Unit tests sit beside the code they test (`mod tests` in the module, or `tests.rs` beside it).
//!   The state machine's tests, `app::tests`, hold the shared set-up (`app`, `app_over`, `press`,
//!   `type_text`, `read_to_end`) and one module per feature: `navigation` (lists, panes, help,
//!   quitting, resizing), `positions` (saving and restoring the place read, jumps), `bookmarks`,
//!   `search` (search and find), `folders` (state keyed by file across folders), `loading`
//!   (background batches, a large text shown from its first part) and `states` (what the lists, the
//!   status line and `c` say of an article agree with what was read). `ui::tests` is split the same
//!   way, by part of the screen (and `script`: `T` over every article word; `keys`: less's keys and
//!   the find count; `loading`: a large file while its whole text is read); `layout::tests` keeps
//!   its properties over random mixed text in `properties`.
//! - End-to-end tests of the binary share `tests/support`: `yuedu(home)` runs a subcommand with
//!   private XDG folders below `home`; `Session::open` starts the reader in a pseudo-terminal with
//!   those folders and waits for its first screen by its content, `Session::quit` quits with `q`
//!   and checks the exit code and that the terminal is restored; `send` types keys and waits until
//!   the output, once it has changed, is quiet for 50 ms (at most 120 ms for keys that change
//!   nothing); waits (`wait_for`, `wait_until`, `settle`, `wait_exit`) are driven by what the
//!   program shows or writes, never by fixed sleeps: the emulator's thread counts each piece of
//!   output and wakes them (`news`). The session lives in `session`, the frame check in `frame`.

#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::time::Duration;

mod frame;
mod news;
mod session;

pub use session::Session;

/// Generous: CI machines are small and shared.
pub(crate) const TIMEOUT: Duration = Duration::from_secs(20);

/// The locale of a test's program: English (the CLI's messages as tests
/// of it expect them) ...
pub const ENGLISH: &str = "en_US.UTF-8";
/// ... or Chinese (the reader's screens as pty tests expect them).
pub const CHINESE: &str = "zh_CN.UTF-8";
/// The variables that choose the language; a test sets `LANG` alone.
const LOCALE_VARIABLES: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// Marks the files in `dir` (an article cache folder) as written two
/// seconds from now, with `File::set_modified`: the cache trusts entries of
/// files changed before it was written, which files written a moment ago
/// might not be within the file system's clock tick. No sleep needed.
pub fn written_later(dir: &Path) {
    let later = std::time::SystemTime::now() + Duration::from_secs(2);
    for entry in std::fs::read_dir(dir).expect("folder").filter_map(Result::ok) {
        std::fs::File::options()
            .write(true)
            .open(entry.path())
            .and_then(|f| f.set_modified(later))
            .expect("set the time");
    }
}

/// The binary, with its config, data and cache folders and its home below
/// `home` (never the user's own), in the English locale, and a time limit:
/// a hang is a failure.
pub fn yuedu(home: &Path) -> assert_cmd::Command {
    yuedu_in(home, ENGLISH)
}

/// `yuedu`, in the locale `lang` (`LANG`, with `LC_ALL` and `LC_MESSAGES`
/// unset), whatever the machine's.
pub fn yuedu_in(home: &Path, lang: &str) -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("yuedu").expect("binary");
    cmd.env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("HOME", home);
    for name in LOCALE_VARIABLES {
        cmd.env_remove(name);
    }
    cmd.env("LANG", lang);
    cmd.timeout(Duration::from_secs(60));
    cmd
}

/// An EPUB titled `title` whose spine is `chapters`, each a whole XHTML
/// document (bytes, so a chapter may hold damaged UTF-8): `mimetype` first
/// and stored, as readers expect.
pub fn epub(title: &str, chapters: &[&[u8]]) -> Vec<u8> {
    let mut manifest = String::new();
    let mut spine = String::new();
    for i in 0..chapters.len() {
        manifest.push_str(&format!(
            r#"<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>"#
        ));
        spine.push_str(&format!(r#"<itemref idref="c{i}"/>"#));
    }
    let opf = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>{title}</dc:title><dc:language>zh</dc:language></metadata><manifest>{manifest}</manifest><spine>{spine}</spine></package>"#
    );
    let container = r#"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let head: [(String, &[u8]); 3] = [
        ("mimetype".into(), b"application/epub+zip"),
        ("META-INF/container.xml".into(), container.as_bytes()),
        ("content.opf".into(), opf.as_bytes()),
    ];
    let body = chapters.iter().enumerate().map(|(i, c)| (format!("c{i}.xhtml"), *c));
    for (name, bytes) in head.into_iter().chain(body) {
        zip.start_file(name, stored).expect("file");
        zip.write_all(bytes).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

/// Starts the reader at 120×35 on the bundled articles, opens
/// 如何做好客户关系管理 and pages once.
pub fn open_an_article(home: &Path) -> Session {
    let mut session = Session::open(&[], 120, 35, home, "分类");
    for key in ["j", "j", "j", "l", "l", " "] {
        session.send(key);
    }
    session.wait_for("营销管理 › 如何做好客户关系管理");
    session
}

/// Whether the process `pid` is stopped (SIGTSTP, SIGSTOP), as a
/// job-control shell learns it before `fg` sends SIGCONT: a SIGCONT sent
/// earlier, while the reader is still restoring the terminal, is spent
/// before the stop and would leave it stopped.
#[cfg(unix)]
pub fn stopped(pid: u32) -> bool {
    std::process::Command::new("ps")
        .args(["-o", "stat=", "-p", &pid.to_string()])
        .output()
        .is_ok_and(|out| out.stdout.trim_ascii_start().starts_with(b"T"))
}

/// The state file the reader keeps in `home`'s data folder, or "".
pub fn state(home: &Path) -> String {
    std::fs::read_to_string(home.join("data/yuedu/state.json")).unwrap_or_default()
}

/// What each thread of the process `pid` is doing, as the kernel says: its
/// name, its state (S asleep in the program, D waiting in the kernel on a
/// disk or a lock, Z gone) and where in the kernel it waits. Said when the
/// program does not exit, to tell a thread the program waits for from an
/// exit the kernel holds up.
#[cfg(target_os = "linux")]
pub fn threads(pid: u32) -> String {
    let Ok(tasks) = std::fs::read_dir(format!("/proc/{pid}/task")) else {
        return "(no threads left)\n".to_string();
    };
    let mut said = String::new();
    for task in tasks.flatten() {
        let read = |name: &str| std::fs::read_to_string(task.path().join(name)).unwrap_or_default();
        let stat = read("stat");
        // The state follows the name, which is in parentheses.
        let state = stat
            .rsplit_once(") ")
            .and_then(|(_, rest)| rest.get(..1))
            .unwrap_or("?");
        let id = task.file_name().to_string_lossy().to_string();
        // The system call it is in, by number (202: futex, a lock or a condition variable).
        let call = read("syscall").split(' ').next().unwrap_or("").trim().to_string();
        said += &format!(
            "{id} {} {state} in {} (syscall {call})\n",
            read("comm").trim(),
            read("wchan")
        );
    }
    said
}

#[cfg(not(target_os = "linux"))]
pub fn threads(_pid: u32) -> String {
    String::new()
}
