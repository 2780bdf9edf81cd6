//! State-machine tests: inputs in, state and effects out, no terminal.
//!
//! The helpers shared by the feature modules below; each module tests one
//! feature.

use super::*;
use crate::config::Config;
use crate::store::Change;

mod bookmarks;
mod folders;
mod jobs;
#[cfg(unix)]
mod linked;
mod loading;
mod navigation;
mod positions;
mod resizes;
mod search;
mod states;
mod text;
mod vertical;

pub(super) fn app(width: u16, height: u16) -> App {
    let config = Config::default_config().expect("default config");
    let keymap = config.keymap.clone();
    App::new(Library::management(), keymap, ReadingSettings::default(), width, height)
}

/// The article at `position` in collection order.
pub(super) fn nth(app: &App, position: usize) -> crate::library::ArticleId {
    app.library.at(position).expect("an article at that position")
}

pub(super) fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for name in keys.split_whitespace() {
        let key = Key::parse(name).expect("key name");
        let done = app.handle(Input::Key(key));
        effects.extend(app.work_here(done));
    }
    effects
}

/// Text pasted, its search or find done as the reader's worker would.
pub(super) fn paste(app: &mut App, text: String) -> Vec<Effect> {
    let effects = app.handle(Input::Paste(text));
    app.work_here(effects)
}

/// Pages the open article to its end, as a reader reads it.
pub(super) fn read_to_end(app: &mut App) {
    for _ in 0..10_000 {
        let page = app.reader_page();
        if app.reader.as_ref().is_none_or(|r| r.at_end(page)) {
            return;
        }
        press(app, "space");
    }
}

pub(super) fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        let effects = app.handle(Input::Key(Key::char(c)));
        app.work_here(effects);
    }
}

/// An app over the folders `dirs`.
pub(super) fn app_over(dirs: &[&std::path::Path]) -> App {
    let config = Config::default_config().expect("default config");
    let keymap = config.keymap.clone();
    let dirs: Vec<std::path::PathBuf> = dirs.iter().map(|d| d.to_path_buf()).collect();
    let library = Library::from_dirs(&dirs).expect("library");
    App::new(library, keymap, ReadingSettings::default(), 120, 35)
}
