//! The settings of `config/default.toml` written out in code, so that
//! starting without a user file parses no TOML. `config/default.toml` stays
//! the source: the test `the_built_in_settings_are_default_toml` parses it
//! and fails on any difference, a setting or a key added to one and not to
//! the other.

use super::{
    AmbiguousSetting, Colors, DirectionSetting, Interface, LanguageSetting, LibrarySettings, Reading, ScriptSetting,
    Search, ThemeName, ThemeSettings,
};
use crate::keymap::{Binding, Bindings, Command, Keys};

/// Every table of the built-in configuration, complete.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct Defaults {
    pub library: LibrarySettings,
    pub reading: Reading,
    pub theme: ThemeSettings,
    pub interface: Interface,
    pub search: Search,
    pub keys: Keys,
}

/// The settings `config/default.toml` gives.
pub(super) fn defaults() -> Defaults {
    Defaults {
        library: LibrarySettings {
            paths: Vec::new(),
            cache: true,
            chapter_pattern: String::new(),
        },
        reading: Reading {
            max_width: 80,
            indent: true,
            paragraph_spacing: true,
            ambiguous_width: AmbiguousSetting::Auto,
            script: ScriptSetting::Original,
            ruby: crate::library::Ruby::Parentheses,
            direction: DirectionSetting::Horizontal,
            column_gap: 1,
        },
        theme: ThemeSettings {
            name: ThemeName::Dark,
            colors: Colors::new(),
        },
        interface: Interface {
            mouse: true,
            language: LanguageSetting::Auto,
        },
        search: Search { pinyin_initials: true },
        keys: Keys {
            global: bindings(GLOBAL),
            reader: bindings(READER),
            lists: bindings(LISTS),
        },
    }
}

/// A table of keys; every name is one `parse_chord` reads (the test would
/// see one left out).
fn bindings(table: &[(Command, &[&str])]) -> Bindings {
    table
        .iter()
        .map(|&(command, names)| {
            let keys = names
                .iter()
                .filter_map(|&name| Binding::try_from(name.to_string()).ok())
                .collect();
            (command, keys)
        })
        .collect()
}

/// `[keys]`.
const GLOBAL: &[(Command, &[&str])] = &[
    (Command::Quit, &["q", "ctrl-c"]),
    (Command::Help, &["?", "f1"]),
    (Command::Back, &["esc"]),
    (Command::Open, &["enter"]),
    (Command::FocusNext, &["tab"]),
    (Command::FocusPrevious, &["backtab"]),
    (Command::FocusLeft, &["h", "left"]),
    (Command::FocusRight, &["l", "right"]),
    (Command::ToggleFocusMode, &["f"]),
    (Command::LineDown, &["j", "down"]),
    (Command::LineUp, &["k", "up"]),
    (Command::PageDown, &["space", "pagedown", "ctrl-f"]),
    (Command::PageUp, &["b", "pageup", "ctrl-b"]),
    (Command::HalfPageDown, &["ctrl-d"]),
    (Command::HalfPageUp, &["ctrl-u"]),
    (Command::Top, &["g", "home"]),
    (Command::Bottom, &["G", "end"]),
    (Command::JumpPercent, &["p", "%"]),
    (Command::NextArticle, &["]"]),
    (Command::PreviousArticle, &["["]),
    (Command::Contents, &["t"]),
    (Command::NextChapter, &["}"]),
    (Command::PreviousChapter, &["{"]),
    (Command::Search, &["s"]),
    (Command::Find, &["/"]),
    (Command::NextHit, &["n"]),
    (Command::PreviousHit, &["N"]),
    (Command::ContinueReading, &["c"]),
    (Command::ToggleRead, &["r"]),
    (Command::NextUnread, &["U"]),
    (Command::JumpBack, &["`"]),
    (Command::AddBookmark, &["m"]),
    (Command::Bookmarks, &["B", "'"]),
    (Command::EditNote, &["e"]),
    (Command::DeleteBookmark, &["d"]),
    (Command::Undo, &["u"]),
    (Command::CycleOrder, &["o"]),
    (Command::CycleScript, &["T"]),
    (Command::ToggleDirection, &["V"]),
    (Command::Notices, &["!"]),
    (Command::Widen, &["+"]),
    (Command::Narrow, &["-"]),
];

/// `[keys.reader]`.
const READER: &[(Command, &[&str])] = &[
    (Command::Help, &["h"]),
    (Command::HalfPageDown, &["d"]),
    (Command::HalfPageUp, &["u"]),
];

/// `[keys.lists]`.
const LISTS: &[(Command, &[&str])] = &[];
