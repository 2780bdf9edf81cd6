//! End-to-end: what is saved when the disk fails and when the terminal goes
//! away, with the real binary in a pseudo-terminal.

#![cfg(unix)]

use crate::support;

use std::num::NonZeroU16;
use std::path::Path;

use support::{open_an_article, state};

#[test]
fn bookmarks_made_while_saving_fails_are_saved_once_it_can_and_the_notice_goes() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = open_an_article(home.path());
    // The data folder gives way to a file: nothing can be saved below it.
    let data = home.path().join("data");
    let away = home.path().join("data.away");
    std::fs::rename(&data, &away).expect("move the data folder");
    std::fs::write(&data, "").expect("a file in its place");
    session.send("m");
    session.wait_for("书签备注");
    session.send("存不下的备注");
    session.send("\r");
    session.wait_for("未保存");
    session.send(" ");
    session.send("m");
    session.wait_for("书签备注");
    session.send("\r");
    // Space again, and no key pressed: the writer tries again by itself.
    std::fs::remove_file(&data).expect("remove the file");
    std::fs::rename(&away, &data).expect("the data folder back");
    session.wait_until("the bookmarks saved", |_| state(home.path()).contains("存不下的备注"));
    session.wait_until("the notice gone", |s| !s.screen().contains("未保存"));
    session.send("B");
    session.wait_for("存不下的备注");
    session.send("q");
    session.quit();
    let saved: serde_json::Value = serde_json::from_str(&state(home.path())).expect("json");
    assert_eq!(saved["bookmarks"].as_array().map(Vec::len), Some(2), "{saved}");
}

/// A terminal that can go away: the reader in a pseudo-terminal whose
/// every master descriptor the test holds itself, read without a thread, so
/// dropping them hangs the terminal up as closing its window does.
struct Closable {
    master: Box<dyn portable_pty::MasterPty + Send>,
    reader: Box<dyn std::io::Read + Send>,
    writer: Box<dyn std::io::Write + Send>,
    child: Box<dyn portable_pty::Child + Send + Sync>,
    parser: vt100::Parser,
}

impl Closable {
    fn start(home: &Path) -> Closable {
        use portable_pty::{CommandBuilder, PtySize, native_pty_system};
        let size = PtySize {
            rows: 35,
            cols: 120,
            pixel_width: 0,
            pixel_height: 0,
        };
        let pty = native_pty_system().openpty(size).expect("open a pty");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_yuedu"));
        command.env("TERM", "xterm-256color");
        for (name, folder) in [
            ("XDG_CONFIG_HOME", "config"),
            ("XDG_DATA_HOME", "data"),
            ("XDG_CACHE_HOME", "cache"),
        ] {
            command.env(name, home.join(folder));
        }
        command.env("HOME", home);
        command.env("LC_ALL", support::CHINESE);
        let child = pty.slave.spawn_command(command).expect("spawn yuedu");
        drop(pty.slave);
        let reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        Closable {
            master: pty.master,
            reader,
            writer,
            child,
            parser: vt100::Parser::new(
                NonZeroU16::new(35).expect("rows"),
                NonZeroU16::new(120).expect("cols"),
                0,
            ),
        }
    }

    /// Reads what the program wrote until the screen shows `text`.
    fn wait_for(&mut self, text: &str) {
        let fd = self.master.as_raw_fd().expect("a descriptor");
        let start = std::time::Instant::now();
        while !self.parser.screen().contents().contains(text) {
            assert!(
                start.elapsed() < support::TIMEOUT,
                "never showed {text:?}:\n{}",
                self.parser.screen().contents()
            );
            let mut poll = libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            };
            // SAFETY: one valid pollfd for the length given.
            if unsafe { libc::poll(&mut poll, 1, 50) } > 0 {
                let mut chunk = [0u8; 16384];
                match self.reader.read(&mut chunk) {
                    Ok(n) if n > 0 => self.parser.process(&chunk[..n]),
                    _ => panic!("the program ended early:\n{}", self.parser.screen().contents()),
                }
            }
        }
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush");
    }

    /// Closes the terminal: every master descriptor goes, the program gets
    /// SIGHUP and its terminal fails; waits until it has exited.
    fn hang_up(self) {
        let Closable {
            master,
            reader,
            writer,
            mut child,
            ..
        } = self;
        drop((reader, writer, master));
        let pid = child.process_id().expect("pid");
        let mut killer = child.clone_killer();
        // The exit is no output, so wait for it on a thread of its own.
        let (done, exited) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = done.send(child.wait());
        });
        let Ok(status) = exited.recv_timeout(support::TIMEOUT) else {
            let threads = support::threads(pid);
            let _ = killer.kill();
            panic!("still running after the hang-up; its threads:\n{threads}");
        };
        status.expect("wait");
    }
}

use std::io::{Read as _, Write as _};

/// One run: a page read, a note half typed, the terminal closed at once.
fn close_while_typing_a_note(run: usize) -> Result<(), String> {
    let home = tempfile::tempdir().expect("tempdir");
    let mut terminal = Closable::start(home.path());
    terminal.wait_for("分类");
    terminal.send("jjjll");
    terminal.wait_for("营销管理 › 如何做好客户关系管理");
    terminal.send(" ");
    terminal.wait_for("% ");
    terminal.send("m");
    terminal.wait_for("书签备注");
    let note = format!("半句备注{run}");
    terminal.send(&note);
    terminal.wait_for(&note);
    // Some runs close the terminal while more keys are on their way.
    if run % 2 == 1 {
        terminal.send("，还有");
    }
    terminal.hang_up();
    let saved = state(home.path());
    let ok = saved.contains(&note) && saved.contains("yingxiao/kehu-guanxi-guanli");
    if ok {
        Ok(())
    } else {
        Err(format!("run {run}: {saved:?}"))
    }
}

#[test]
fn closing_the_terminal_saves_the_note_being_typed_and_the_place_every_time() {
    let runs: Vec<std::thread::JoinHandle<Vec<String>>> = (0..3)
        .map(|lane| {
            std::thread::spawn(move || {
                (0..5)
                    .filter_map(|i| close_while_typing_a_note(lane * 5 + i).err())
                    .collect()
            })
        })
        .collect();
    let failures: Vec<String> = runs.into_iter().flat_map(|r| r.join().expect("a lane")).collect();
    assert!(
        failures.is_empty(),
        "{} of 15 closes lost data: {failures:#?}",
        failures.len()
    );
}
