//! The reader in a pseudo-terminal: `Session` starts the binary, feeds its
//! output to a vt100 emulator on a thread of its own, types keys and waits
//! for what the program shows. Waits wake on each piece of output (`News`).

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

use super::news::News;
use super::{CHINESE, LOCALE_VARIABLES, TIMEOUT};

mod waits;

/// The longest a wait goes without looking again, for conditions that do
/// not come with output (a file written, the program gone).
const BACKSTOP: Duration = Duration::from_millis(25);

/// What the emulator noticed besides the screen: escape sequences that would
/// have acted on the user's terminal.
#[derive(Default)]
pub struct Effects {
    pub titles: Vec<Vec<u8>>,
    pub clipboard: Vec<Vec<u8>>,
}

pub struct Recorder(pub Arc<Mutex<Effects>>);

impl vt100::Callbacks for Recorder {
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        if let Ok(mut e) = self.0.lock() {
            e.titles.push(title.to_vec());
        }
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _ty: &[u8], data: &[u8]) {
        if let Ok(mut e) = self.0.lock() {
            e.clipboard.push(data.to_vec());
        }
    }
}

pub struct Session {
    parser: Arc<Mutex<vt100::Parser<Recorder>>>,
    pub effects: Arc<Mutex<Effects>>,
    output: Arc<Mutex<Vec<u8>>>,
    /// Set when the terminal's other end is closed and all output is read.
    closed: Arc<AtomicBool>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    child: Box<dyn Child + Send + Sync>,
    /// Kept open for the session's lifetime.
    master: Box<dyn MasterPty + Send>,
    /// When the screen first showed the text watched for (`start_shell_watching`).
    watch: Arc<Mutex<Watch>>,
    /// Counts the pieces of output as they arrive.
    news: Arc<News>,
}

/// Text looked for on the screen after each piece of output, and when it was first there.
#[derive(Default)]
struct Watch {
    text: Option<String>,
    seen: Option<Instant>,
}

impl Session {
    /// Starts `yuedu ARGS` in a `cols`×`rows` terminal with its config and
    /// data in `home`, in the Chinese locale unless `env` sets `LANG`.
    pub fn start(args: &[&str], cols: u16, rows: u16, home: &Path, env: &[(&str, &str)]) -> Session {
        Session::start_program(env!("CARGO_BIN_EXE_yuedu"), args, cols, rows, home, env, None)
    }

    /// Starts `yuedu ARGS` in a `cols`×`rows` terminal with its folders below
    /// `home` and waits for its first screen, known by `first` (text it shows).
    pub fn open(args: &[&str], cols: u16, rows: u16, home: &Path, first: &str) -> Session {
        Session::open_with(args, cols, rows, home, &[], first)
    }

    /// `open`, with `env` added to the program's environment.
    pub fn open_with(args: &[&str], cols: u16, rows: u16, home: &Path, env: &[(&str, &str)], first: &str) -> Session {
        let session = Session::start(args, cols, rows, home, env);
        session.wait_for(first);
        session
    }

    /// Quits with `q` and checks that the program exits with 0 and leaves
    /// the terminal as it found it.
    pub fn quit(&mut self) {
        self.send("q");
        assert_eq!(self.wait_exit(), 0, "quitting exits with 0");
        #[cfg(unix)]
        self.assert_restored();
        #[cfg(not(unix))]
        assert!(!self.alternate_screen() && !self.cursor_hidden(), "terminal restored");
    }

    /// Starts `sh -c SCRIPT` (with the binary's path as `$0`), for pipes into yuedu.
    pub fn start_shell(script: &str, cols: u16, rows: u16, home: &Path) -> Session {
        let args = ["-c", script, env!("CARGO_BIN_EXE_yuedu")];
        Session::start_program("sh", &args, cols, rows, home, &[], None)
    }

    /// `start_shell`, noting when the screen first shows `text` as the
    /// output arrives (`shown_at`), with no polling in between.
    pub fn start_shell_watching(script: &str, cols: u16, rows: u16, home: &Path, text: &str) -> Session {
        let args = ["-c", script, env!("CARGO_BIN_EXE_yuedu")];
        Session::start_program("sh", &args, cols, rows, home, &[], Some(text))
    }

    /// When the screen first showed the text watched for; `None` if it
    /// did not within `timeout`.
    pub fn shown_at(&self, timeout: Duration) -> Option<Instant> {
        let watched = |s: &Session| s.watch.lock().ok().and_then(|w| w.seen).is_some();
        self.wait_on(Instant::now() + timeout, watched);
        self.watch.lock().ok().and_then(|w| w.seen)
    }

    fn start_program(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        home: &Path,
        env: &[(&str, &str)],
        watched: Option<&str>,
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut command = CommandBuilder::new(program);
        command.args(args);
        command.env("TERM", "xterm-256color");
        command.env("XDG_CONFIG_HOME", home.join("config"));
        command.env("XDG_DATA_HOME", home.join("data"));
        command.env("XDG_CACHE_HOME", home.join("cache"));
        command.env("HOME", home);
        for name in LOCALE_VARIABLES {
            command.env_remove(name);
        }
        command.env("LANG", CHINESE);
        for (key, value) in env {
            command.env(key, value);
        }
        let child = pty.slave.spawn_command(command).expect("spawn yuedu");
        drop(pty.slave);
        let effects = Arc::new(Mutex::new(Effects::default()));
        let rows = NonZeroU16::new(rows).expect("rows");
        let cols = NonZeroU16::new(cols).expect("cols");
        let parser = Arc::new(Mutex::new(vt100::Parser::new_with_callbacks(
            rows,
            cols,
            0,
            Recorder(effects.clone()),
        )));
        let output = Arc::new(Mutex::new(Vec::new()));
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = Arc::new(Mutex::new(pty.master.take_writer().expect("writer")));
        let closed = Arc::new(AtomicBool::new(false));
        let watch = Arc::new(Mutex::new(Watch {
            text: watched.map(str::to_string),
            seen: None,
        }));
        let news = Arc::new(News::default());
        let (feed, raw, answer, eof, seen, told) = (
            parser.clone(),
            output.clone(),
            writer.clone(),
            closed.clone(),
            watch.clone(),
            news.clone(),
        );
        std::thread::spawn(move || {
            let mut chunk = [0u8; 8192];
            while let Ok(n) = reader.read(&mut chunk) {
                if n == 0 {
                    break;
                }
                if let Ok(mut p) = feed.lock() {
                    // Answer cursor-position queries as a real terminal
                    // does: with where the cursor is when the query comes,
                    // before what follows it is drawn.
                    let mut rest = &chunk[..n];
                    while let Some(at) = rest.windows(4).position(|w| w == b"\x1b[6n") {
                        p.process(&rest[..at + 4]);
                        rest = &rest[at + 4..];
                        let (row, col) = p.screen().cursor_position();
                        if let Ok(mut w) = answer.lock() {
                            let _ = write!(w, "\x1b[{};{}R", row + 1, col + 1);
                            let _ = w.flush();
                        }
                    }
                    p.process(rest);
                    if let Ok(mut w) = seen.lock()
                        && w.seen.is_none()
                        && w.text.as_deref().is_some_and(|t| p.screen().contents().contains(t))
                    {
                        w.seen = Some(Instant::now());
                    }
                }
                if let Ok(mut r) = raw.lock() {
                    r.extend_from_slice(&chunk[..n]);
                }
                told.arrived();
            }
            eof.store(true, Ordering::SeqCst);
            told.arrived();
        });
        Session {
            parser,
            effects,
            output,
            closed,
            writer,
            child,
            master: pty.master,
            watch,
            news,
        }
    }

    /// `look` at the emulator's screen as it is now (`None` if the
    /// emulator's thread died).
    pub fn with_screen<T>(&self, look: impl FnOnce(&vt100::Screen) -> T) -> Option<T> {
        self.parser.lock().ok().map(|p| look(p.screen()))
    }

    pub fn screen(&self) -> String {
        self.parser.lock().map(|p| p.screen().contents()).unwrap_or_default()
    }

    /// What the cell at `row`, `col` holds ("" for the second column of a wide character).
    pub fn cell(&self, row: u16, col: u16) -> String {
        self.parser
            .lock()
            .ok()
            .and_then(|p| p.screen().cell(row, col).map(|cell| cell.contents().to_string()))
            .unwrap_or_default()
    }

    /// Checks the terminal is as the reader found it: main screen, cursor
    /// shown, no mouse reporting, line editing and echo on.
    #[cfg(unix)]
    pub fn assert_restored(&self) {
        assert!(!self.alternate_screen(), "alternate screen left");
        assert!(!self.cursor_hidden(), "cursor shown again");
        assert!(!self.mouse_reporting(), "mouse reporting off");
        assert!(!self.raw_mode(), "raw mode off");
    }

    pub fn alternate_screen(&self) -> bool {
        self.parser
            .lock()
            .map(|p| p.screen().alternate_screen())
            .unwrap_or(true)
    }

    pub fn cursor_hidden(&self) -> bool {
        self.parser.lock().map(|p| p.screen().hide_cursor()).unwrap_or(true)
    }

    /// Whether the terminal is in raw mode (no line editing, no echo).
    #[cfg(unix)]
    pub fn raw_mode(&self) -> bool {
        let termios = self.master.get_termios().expect("termios");
        !format!("{:?}", termios.local_flags).contains("ICANON")
    }

    /// Resizes the terminal, as dragging the window's edge does.
    pub fn resize(&self, cols: u16, rows: u16) {
        if let Ok(mut p) = self.parser.lock() {
            p.screen_mut().set_size(
                NonZeroU16::new(rows).expect("rows"),
                NonZeroU16::new(cols).expect("cols"),
            );
        }
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize");
    }

    /// Whether the program asked for mouse reports.
    pub fn mouse_reporting(&self) -> bool {
        self.parser
            .lock()
            .map(|p| p.screen().mouse_protocol_mode() != vt100::MouseProtocolMode::None)
            .unwrap_or(true)
    }

    /// Sends `signal` (a `kill` name such as `TERM`) to the program.
    pub fn signal(&self, signal: &str) {
        let status = std::process::Command::new("kill")
            .args([&format!("-{signal}"), &self.pid().to_string()])
            .status()
            .expect("kill");
        assert!(status.success(), "kill -{signal}");
    }

    /// Everything the program wrote, raw.
    pub fn output(&self) -> Vec<u8> {
        self.output.lock().map(|o| o.clone()).unwrap_or_default()
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Waits for the program to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let deadline = Instant::now() + TIMEOUT;
        while Instant::now() < deadline {
            let seen = self.news.count();
            if let Ok(Some(status)) = self.child.try_wait() {
                // The last output is read once the terminal's other end closes.
                self.wait_until("the end of the output", |s| s.closed.load(Ordering::SeqCst));
                return status.exit_code();
            }
            self.news.wait_past_for(seen, BACKSTOP);
        }
        let threads = super::threads(self.pid());
        let _ = self.child.kill();
        panic!("yuedu did not exit; its threads:\n{threads}screen:\n{}", self.screen());
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}
