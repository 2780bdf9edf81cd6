//! The terminal front end: set-up and restore, the input threads and the
//! event loop. Thin by design: translate terminal events into `Input`, let
//! `App` decide, carry out its effects, draw, repeat.

mod input;
mod terminal;

use std::sync::mpsc;

use anyhow::Result;

use crate::app::{App, Effect, Input};
use crate::keymap::Command;
use crate::library::{ArticleCache, Candidate, read_batch_cached};
use crate::store::{Change, Store};
use crate::text::AmbiguousWidth;
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

/// Article files still to read when the reader starts: a thread reads them
/// while the reader already runs, through the article cache if there is one.
pub struct Loading {
    pub batches: Vec<Vec<Candidate>>,
    pub cache: Option<ArticleCache>,
}

/// Runs the full-screen reader until the user quits. Changes to bookmarks and
/// positions go to `store` as they happen.
pub fn run(mut app: App, theme: &Theme, options: Options, store: Option<Store>, loading: Loading) -> Result<()> {
    let mut terminal = terminal::enter(options.mouse)?;
    if options.detect_ambiguous_width {
        let detected = terminal::detect_ambiguous_width().unwrap_or(AmbiguousWidth::Narrow);
        app.set_ambiguous_width(detected);
    }
    let mut saver = Saver { store, failed: false };
    let result = event_loop(&mut terminal, &mut app, theme, &mut saver, loading);
    terminal::leave();
    result
}

/// Writes changes to the store; the first failure is shown once, and reading goes on.
struct Saver {
    store: Option<Store>,
    failed: bool,
}

impl Saver {
    fn save(&mut self, app: &mut App, change: Change) {
        let Some(store) = &self.store else { return };
        match store.save(&[change]) {
            Ok((merged, notices)) => {
                // What another yuedu saved meanwhile shows up too.
                app.load_saved(merged);
                if let Some(notice) = notices.first() {
                    app.message = Some(notice.to_string());
                }
            }
            Err(err) if !self.failed => {
                self.failed = true;
                app.message = Some(format!("无法保存书签和阅读位置：{err}"));
            }
            Err(_) => {}
        }
    }
}

fn event_loop(
    terminal: &mut terminal::Tui,
    app: &mut App,
    theme: &Theme,
    saver: &mut Saver,
    loading: Loading,
) -> Result<()> {
    let (sender, receiver) = mpsc::channel();
    if !loading.batches.is_empty() {
        let loader = sender.clone();
        std::thread::spawn(move || {
            let Loading { batches, mut cache } = loading;
            for batch in batches {
                let batch = read_batch_cached(batch, cache.as_mut());
                if loader.send(Message::Input(Input::Loaded(batch))).is_err() {
                    return;
                }
            }
            // Only a complete load is written: a cache missing files would be read in vain.
            if let Some(cache) = cache {
                let _ = cache.save();
            }
        });
    }
    input::spawn_terminal_reader(sender.clone());
    input::spawn_signal_listener(sender)?;
    let size = terminal.size()?;
    app.handle(Input::Resize {
        width: size.width,
        height: size.height,
    });
    let panic_for_test = std::env::var_os(TEST_PANIC_VAR).is_some();
    loop {
        terminal.draw(|frame| {
            if let Some(cursor) = crate::ui::render(app, theme, frame.buffer_mut()) {
                frame.set_cursor_position(cursor);
            }
        })?;
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
            // Quit as if the user asked, so the reading position is saved.
            Message::Signal => app.command(Command::Quit),
            Message::Failed(err) => return Err(err.into()),
        };
        let mut quit = false;
        for effect in effects {
            match effect {
                Effect::Save(change) => saver.save(app, change),
                Effect::Quit => quit = true,
            }
        }
        if quit {
            return Ok(());
        }
    }
}
