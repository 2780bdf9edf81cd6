//! What every overlay shares (help, notices, bookmarks, search, contents,
//! and the prompt at the bottom):
//! it takes commands resolved through the keymap in force — a text box also
//! takes the keys that edit its text — and answers with one `Outcome`, which
//! `App::overlay_input` carries out. No overlay reads raw keys for anything
//! but editing its text.

use crate::keymap::{Command, Key, KeyCode};

/// One key typed while an overlay is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverlayInput {
    /// A command of the keymap in force (with Ctrl or not).
    Command(Command, bool),
    /// A key that edits a text box's text.
    Edit(Key),
}

/// What an overlay asks for after an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome<A = ()> {
    /// Handled; the overlay stays open.
    Stay,
    /// The overlay closes.
    Close,
    /// Not the overlay's: the key quits the reader.
    Quit,
    /// The overlay's own request (open a result, jump to a chapter, …).
    Act(A),
}

/// The control keys every text box takes as readline does, besides the
/// keymap's: Ctrl-c goes back, Ctrl-n/Ctrl-j and Ctrl-p/Ctrl-k move down and up.
pub fn readline_command(key: Key) -> Option<Command> {
    match (key.code, key.ctrl) {
        (KeyCode::Char('c'), true) => Some(Command::Back),
        (KeyCode::Char('n' | 'j'), true) => Some(Command::LineDown),
        (KeyCode::Char('p' | 'k'), true) => Some(Command::LineUp),
        _ => None,
    }
}
