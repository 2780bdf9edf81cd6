//! The terminal front end: set-up and restore, the input threads and the
//! event loop. Thin by design: translate terminal events into `Input`, let
//! `App` decide, draw, repeat.

mod input;
mod terminal;

use std::sync::mpsc;

use anyhow::Result;

use crate::app::{App, Effect};
use crate::ui::theme::Theme;
use input::Message;

/// Hidden switch for end-to-end tests: panic after the first frame, to prove
/// the terminal is restored on a panic.
const TEST_PANIC_VAR: &str = "YUEDU_TEST_PANIC";

/// How to set the terminal up.
#[derive(Clone, Copy, Debug)]
pub struct Options {
    pub mouse: bool,
    /// Ask the terminal how wide it draws ambiguous characters.
    pub detect_ambiguous_width: bool,
}

/// Runs the full-screen reader until the user quits.
pub fn run(mut app: App, theme: &Theme, options: Options) -> Result<()> {
    let mut terminal = terminal::enter(options.mouse)?;
    if options.detect_ambiguous_width {
        let detected =
            terminal::detect_ambiguous_width().unwrap_or(crate::text::AmbiguousWidth::Narrow);
        app.settings.ambiguous = detected;
    }
    let result = event_loop(&mut terminal, &mut app, theme);
    terminal::leave();
    result
}

fn event_loop(terminal: &mut terminal::Tui, app: &mut App, theme: &Theme) -> Result<()> {
    let (sender, receiver) = mpsc::channel();
    input::spawn_terminal_reader(sender.clone());
    input::spawn_signal_listener(sender)?;
    let size = terminal.size()?;
    app.handle(crate::app::Input::Resize {
        width: size.width,
        height: size.height,
    });
    let panic_for_test = std::env::var_os(TEST_PANIC_VAR).is_some();
    loop {
        terminal.draw(|frame| crate::ui::render(app, theme, frame.buffer_mut()))?;
        if panic_for_test {
            panic!("test panic requested by {TEST_PANIC_VAR}");
        }
        // Block until something happens: no polling, no redraw while idle.
        let Ok(message) = receiver.recv() else {
            return Ok(());
        };
        let effects = match message {
            Message::Input(input) => app.handle(input),
            Message::Ignored => continue,
            Message::Signal => vec![Effect::Quit],
            Message::Failed(err) => return Err(err.into()),
        };
        if effects.contains(&Effect::Quit) {
            return Ok(());
        }
    }
}
