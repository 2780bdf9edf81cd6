//! Entering and leaving full-screen mode. Leaving is idempotent and also runs
//! from the panic hook, so no exit path leaves the terminal in raw mode.

use std::io::{Stdout, stdout};
use std::sync::Once;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::sync::mpsc;
use std::time::Duration;

use ratatui::crossterm::cursor::{MoveTo, Show, position};
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::style::Print;
use ratatui::crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

use crate::text::AmbiguousWidth;

pub type Tui = Terminal<CrosstermBackend<Stdout>>;

static ACTIVE: AtomicBool = AtomicBool::new(false);
static MOUSE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

pub fn enter(mouse: bool) -> std::io::Result<Tui> {
    install_panic_hook();
    // If any step fails, undo the ones before it.
    set_up(mouse).inspect_err(|_| leave())
}

fn set_up(mouse: bool) -> std::io::Result<Tui> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    MOUSE.store(mouse, Ordering::SeqCst);
    let mut out = stdout();
    // Clear here rather than with `Terminal::clear`, which asks the terminal
    // for the cursor position and fails on terminals that never answer.
    execute!(out, EnterAlternateScreen, Clear(ClearType::All), EnableBracketedPaste)?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
    terminal.hide_cursor()?;
    Ok(terminal)
}

/// Restores the terminal: mouse off, cursor shown, main screen, raw mode off.
pub fn leave() {
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

/// How long a terminal has to answer the cursor-position question.
const PROBE_TIMEOUT: Duration = Duration::from_millis(100);

/// Asks the terminal how wide it draws an ambiguous character: print “ at the
/// start of a line and read back the cursor column, as vim does. `None` when
/// the terminal does not answer in time.
pub fn detect_ambiguous_width() -> Option<AmbiguousWidth> {
    let mut out = stdout();
    execute!(out, MoveTo(0, 0), Print("\u{201c}")).ok()?;
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = sender.send(position());
    });
    let answer = receiver.recv_timeout(PROBE_TIMEOUT).ok().and_then(Result::ok);
    let _ = execute!(out, MoveTo(0, 0), Clear(ClearType::CurrentLine));
    match answer?.0 {
        1 => Some(AmbiguousWidth::Narrow),
        2 => Some(AmbiguousWidth::Wide),
        _ => None,
    }
}

fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Restore first, so the message lands on the normal screen.
            leave();
            previous(info);
        }));
    });
}
