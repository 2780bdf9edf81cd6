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
//!   program shows or writes, never by fixed sleeps.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// Generous: CI machines are small and shared.
const TIMEOUT: Duration = Duration::from_secs(20);

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
        let start = Instant::now();
        loop {
            if let Some(seen) = self.watch.lock().ok().and_then(|w| w.seen) {
                return Some(seen);
            }
            if start.elapsed() > timeout {
                return None;
            }
            std::thread::sleep(Duration::from_millis(1));
        }
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
        let (feed, raw, answer, eof, seen) = (
            parser.clone(),
            output.clone(),
            writer.clone(),
            closed.clone(),
            watch.clone(),
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
            }
            eof.store(true, Ordering::SeqCst);
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
        }
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

    /// Waits until the screen shows `text`; panics with the screen if it never does.
    pub fn wait_for(&self, text: &str) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if self.screen().contains(text) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("screen never showed {text:?}; it shows:\n{}", self.screen());
    }

    /// Waits until `done` holds for the session; panics with the screen if it never does.
    pub fn wait_until(&self, what: &str, done: impl Fn(&Session) -> bool) {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if done(self) {
                return;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("never saw {what}; the screen shows:\n{}", self.screen());
    }

    /// Waits until the program has drawn all it had to: its output has been
    /// quiet for a few frames' time. For checks that nothing more moves.
    pub fn settle(&self) {
        let quiet = Duration::from_millis(250);
        let start = Instant::now();
        let mut seen = self.output_len();
        let mut since = Instant::now();
        while start.elapsed() < TIMEOUT {
            std::thread::sleep(Duration::from_millis(30));
            let now = self.output_len();
            if now != seen {
                (seen, since) = (now, Instant::now());
            } else if since.elapsed() >= quiet {
                return;
            }
        }
        panic!("the output never settled; the screen shows:\n{}", self.screen());
    }

    fn output_len(&self) -> usize {
        self.output.lock().map(|o| o.len()).unwrap_or_default()
    }

    /// Types `keys` and waits for the program to answer: until its output,
    /// once it has changed, has been quiet for a few frames' time; for keys
    /// that change nothing on screen, at most `UNANSWERED`. Either way the
    /// next keys come as a separate press (a lone ESC is told from a
    /// sequence by time).
    pub fn send(&mut self, keys: &str) {
        const QUIET: Duration = Duration::from_millis(50);
        const UNANSWERED: Duration = Duration::from_millis(120);
        let before = self.output_len();
        let mut writer = self.writer.lock().expect("writer");
        writer.write_all(keys.as_bytes()).expect("write keys");
        writer.flush().expect("flush");
        drop(writer);
        let start = Instant::now();
        let (mut seen, mut since) = (before, start);
        // Output that never goes quiet is left to the caller's own waits.
        while start.elapsed() < TIMEOUT {
            std::thread::sleep(Duration::from_millis(10));
            let now = self.output_len();
            if now != seen {
                (seen, since) = (now, Instant::now());
            } else if (seen != before && since.elapsed() >= QUIET) || (seen == before && start.elapsed() >= UNANSWERED)
            {
                return;
            }
        }
    }

    /// Types `keys` and goes on at once, as a reader typing ahead does: the
    /// program may still be busy with what came before.
    pub fn type_ahead(&mut self, keys: &str) {
        let mut writer = self.writer.lock().expect("writer");
        writer.write_all(keys.as_bytes()).expect("write keys");
        writer.flush().expect("flush");
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Waits for the program to exit and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        while start.elapsed() < TIMEOUT {
            if let Ok(Some(status)) = self.child.try_wait() {
                // The last output is read once the terminal's other end closes.
                self.wait_until("the end of the output", |s| s.closed.load(Ordering::SeqCst));
                return status.exit_code();
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        let _ = self.child.kill();
        panic!("yuedu did not exit; screen:\n{}", self.screen());
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// Whether the emulator shows `frame` (a buffer the reader would draw):
/// every glyph where it belongs in its style, every blank blank with its
/// background; a glyph's columns together hold its text (a terminal may
/// draw the parts of a cluster, ｶﾞ, in columns of their own). The first
/// difference, said, when it does not.
pub fn shows(screen: &vt100::Screen, frame: &ratatui::buffer::Buffer) -> Result<(), String> {
    use ratatui::buffer::CellWidth;
    use ratatui::style::Modifier;
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    if (cols, rows) != (frame.area.width, frame.area.height) {
        return Err(format!("the screen is {cols}×{rows}, the frame {:?}", frame.area));
    }
    for y in 0..rows {
        let row: Vec<&vt100::Cell> = (0..cols).filter_map(|x| screen.cell(y, x)).collect();
        let mut x = 0;
        while x < cols {
            let cell = &frame[(x, y)];
            let width = cell.cell_width().clamp(1, cols - x);
            let shown = row[usize::from(x)];
            let text: String = row[usize::from(x)..usize::from(x + width)]
                .iter()
                .map(|c| c.contents())
                .collect();
            let symbol = cell.symbol();
            let blank = symbol.trim().is_empty();
            let has = |m: Modifier| cell.modifier.contains(m);
            let mut differences = Vec::new();
            if blank && !text.trim().is_empty() || !blank && text != symbol {
                differences.push(format!("{text:?} instead of {symbol:?}"));
            }
            if !blank
                && (shown.fgcolor() != vt_color(cell.fg)
                    || shown.bold() != has(Modifier::BOLD)
                    || shown.dim() != has(Modifier::DIM)
                    || shown.italic() != has(Modifier::ITALIC))
            {
                differences.push(format!("{symbol:?} in another colour or weight than {:?}", cell.fg));
            }
            if shown.bgcolor() != vt_color(cell.bg)
                || shown.inverse() != has(Modifier::REVERSED)
                || shown.underline() != has(Modifier::UNDERLINED)
            {
                differences.push(format!("{symbol:?} on another background than {:?}", cell.bg));
            }
            if !differences.is_empty() {
                return Err(format!("row {y} column {x}: {}", differences.join(", ")));
            }
            x += width;
        }
    }
    Ok(())
}

/// The colour vt100 reports for a ratatui colour as the reader writes it.
fn vt_color(color: ratatui::style::Color) -> vt100::Color {
    match (color, yuedu::tui::palette_index(color)) {
        (_, Some(index)) => vt100::Color::Idx(index),
        (ratatui::style::Color::Rgb(r, g, b), None) => vt100::Color::Rgb(r, g, b),
        _ => vt100::Color::Default,
    }
}

impl Session {
    /// Waits until the screen shows `frame` with the cursor at `cursor`
    /// (hidden when `None`); panics with the last difference if it never does.
    pub fn wait_for_frame(&self, frame: &ratatui::buffer::Buffer, cursor: Option<(u16, u16)>, what: &str) {
        let start = Instant::now();
        let mut last = String::new();
        while start.elapsed() < TIMEOUT {
            let verdict = self.parser.lock().map_err(|_| "poisoned".to_string()).and_then(|p| {
                let screen = p.screen();
                shows(screen, frame)?;
                let (row, col) = screen.cursor_position();
                match cursor {
                    Some((x, y)) if screen.hide_cursor() || (col, row) != (x, y) => Err(format!(
                        "the cursor at {col},{row} ({}), not at {x},{y}",
                        if screen.hide_cursor() { "hidden" } else { "shown" }
                    )),
                    None if !screen.hide_cursor() => Err("the cursor shown".into()),
                    _ => Ok(()),
                }
            });
            match verdict {
                Ok(()) => return,
                Err(difference) => last = difference,
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!(
            "{what}: the screen never showed the frame drawn: {last}\n{}",
            self.screen()
        );
    }
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

/// The state file the reader keeps in `home`'s data folder, or "".
pub fn state(home: &Path) -> String {
    std::fs::read_to_string(home.join("data/yuedu/state.json")).unwrap_or_default()
}
