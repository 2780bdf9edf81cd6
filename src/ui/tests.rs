//! Snapshot tests of whole screens drawn from the state: the shared set-up
//! here, one module per part of the screen below.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::app::{Input, ReadingSettings};
use crate::config::Config;
use crate::keymap::Key;
use crate::library::Library;
use crate::text::AmbiguousWidth;

mod bookmarks;
mod help;
mod keys;
mod languages;
mod loading;
mod notices;
mod screens;
mod script;
mod search;
mod sizes;
mod vertical;

fn app(width: u16, height: u16, keys: &str) -> App {
    app_with("", width, height, keys)
}

/// The app with a user's configuration file, after `keys`.
fn app_with(config_text: &str, width: u16, height: u16, keys: &str) -> App {
    let config = Config::from_user_text("user.toml", config_text).expect("valid config");
    let mut app = App::new(
        Library::management(),
        config.keymap.clone(),
        ReadingSettings::default(),
        width,
        height,
    );
    press(&mut app, keys);
    app
}

/// Presses `keys`, named as in the keymap and separated by spaces.
fn press(app: &mut App, keys: &str) {
    for name in keys.split_whitespace() {
        let effects = app.handle(Input::Key(Key::parse(name).expect("key")));
        app.work_here(effects);
    }
}

/// Text pasted, its search or find done as the reader's worker would.
fn paste(app: &mut App, text: String) {
    let effects = app.handle(Input::Paste(text));
    app.work_here(effects);
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).expect("terminal");
    terminal
        .draw(|frame| {
            render(app, &Theme::dark(), frame.buffer_mut());
        })
        .expect("draw");
    terminal.backend().to_string()
}
