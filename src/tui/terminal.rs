//! Entering and leaving full-screen mode, and suspending. Leaving is
//! idempotent and runs on every way out of `tui::run`, a panic of the UI
//! thread included, so no exit path leaves the terminal in raw mode. A panic
//! on another thread (a loading worker) belongs to its task: it neither
//! leaves the screen nor prints on it.

use std::io::{Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once, OnceLock, PoisonError};
use std::thread::ThreadId;

use ratatui::crossterm::cursor::{Hide, Show, position};
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{execute, queue};

use super::screen::Screen;
use crate::text::AmbiguousWidth;

pub type Tui = Screen<Output>;

/// Where the screen writes: on Unix its own handle on standard output.
/// `Stdout` is line-buffered and writes a frame in two pieces (up to its
/// last line feed, then the rest); a `File` writes it in one.
#[cfg(unix)]
pub type Output = std::fs::File;
#[cfg(not(unix))]
pub type Output = std::io::Stdout;

static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();
/// The thread that owns the terminal.
static UI_THREAD: OnceLock<ThreadId> = OnceLock::new();
/// The message of a panic on the UI thread, printed once the terminal is restored.
static UI_PANIC: Mutex<Option<String>> = Mutex::new(None);
/// Held by `leave` and while the answer about ambiguous characters is read
/// (on the input thread): crossterm's `position` turns raw mode on by itself
/// when it finds it off, and off again once answered, so read after `leave`
/// it could end the process with the terminal raw.
static MODE: Mutex<()> = Mutex::new(());

pub fn enter(mouse: bool) -> std::io::Result<Tui> {
    let _ = UI_THREAD.set(std::thread::current().id());
    install_panic_hook();
    // If any step fails, undo the ones before it.
    set_up(mouse).inspect_err(|_| leave())?;
    output().and_then(Screen::new).inspect_err(|_| leave())
}

/// Takes the terminal back after a suspension or anything else that used it:
/// full-screen mode again and a terminal object with no memory of what was
/// on the screen, so the next frame draws everything. What the terminal said
/// about ambiguous characters still holds.
pub fn resume(ambiguous: Option<AmbiguousWidth>) -> std::io::Result<Tui> {
    set_up(MOUSE.load(Ordering::SeqCst)).inspect_err(|_| leave())?;
    let mut screen = output().and_then(Screen::new).inspect_err(|_| leave())?;
    screen.set_ambiguous(ambiguous);
    Ok(screen)
}

/// Standard output without `Stdout`'s buffer, for the screen: what was
/// written through `Stdout` before is flushed already (`execute!` flushes).
#[cfg(unix)]
fn output() -> std::io::Result<Output> {
    use std::os::fd::AsFd;
    let fd = stdout().as_fd().try_clone_to_owned()?;
    Ok(Output::from(fd))
}

#[cfg(not(unix))]
fn output() -> std::io::Result<Output> {
    Ok(stdout())
}

/// Restores the terminal and stops the process as SIGTSTP would; returns
/// once it is continued.
pub fn suspend() {
    leave();
    let _ = signal_hook::low_level::emulate_default_handler(signal_hook::consts::SIGTSTP);
}

fn set_up(mouse: bool) -> std::io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    MOUSE.store(mouse, Ordering::SeqCst);
    let mut out = stdout().lock();
    // Clear here rather than with `Terminal::clear`, which asks the terminal
    // for the cursor position and fails on terminals that never answer.
    // Queued and flushed once: one write.
    queue!(out, EnterAlternateScreen, Clear(ClearType::All), EnableBracketedPaste)?;
    if mouse {
        queue!(out, EnableMouseCapture)?;
    }
    queue!(out, Hide)?;
    out.flush()
}

/// Restores the terminal: mouse off, cursor shown, main screen, raw mode off.
pub fn leave() {
    let _mode = MODE.lock().unwrap_or_else(PoisonError::into_inner);
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = stdout();
    if MOUSE.load(Ordering::SeqCst) {
        let _ = execute!(out, DisableMouseCapture);
    }
    let _ = execute!(out, DisableBracketedPaste, Show, LeaveAlternateScreen);
    let _ = disable_raw_mode();
}

/// Reads the terminal's answer to `Screen::ask_ambiguous_width`: the column
/// after “ printed at the start of a line, as vim does. `None` when the
/// terminal does not answer (crossterm waits two seconds) or answers oddly,
/// and when the reader has left full-screen mode already.
pub fn ambiguous_width_answer() -> Option<AmbiguousWidth> {
    let _mode = MODE.lock().unwrap_or_else(PoisonError::into_inner);
    if !ACTIVE.load(Ordering::SeqCst) {
        return None;
    }
    match position().ok()?.0 {
        1 => Some(AmbiguousWidth::Narrow),
        2 => Some(AmbiguousWidth::Wide),
        _ => None,
    }
}

fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !ACTIVE.load(Ordering::SeqCst) {
                previous(info);
                return;
            }
            // Nothing is printed on the reader's screen. The UI thread's
            // panic unwinds out of `tui::run`, which restores the terminal
            // and prints this; another thread's is its task's to report.
            if UI_THREAD.get() == Some(&std::thread::current().id())
                && let Ok(mut kept) = UI_PANIC.lock()
            {
                *kept = Some(info.to_string());
            }
        }));
    });
}

/// The message of the UI thread's panic, once the terminal is restored.
pub fn take_panic_message() -> Option<String> {
    UI_PANIC.lock().ok().and_then(|mut kept| kept.take())
}
