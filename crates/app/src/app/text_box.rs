//! The keys of every text box (the prompt, the search and contents
//! overlays): keys that edit type or edit the text; the box's commands
//! (open, back, up and down, page up and down) come from the keymap in
//! force, and so do the hints that name them.

use super::input::TextInput;
use super::overlay::{OverlayInput, readline_command};
use crate::keymap::{Command, Key, Keymap, Scope};

/// The commands a text box takes.
const TEXT_BOX: [Command; 6] = [
    Command::Back,
    Command::Open,
    Command::LineDown,
    Command::LineUp,
    Command::PageDown,
    Command::PageUp,
];

/// The keys of the text boxes in one context of the keymap in force.
#[derive(Clone, Copy)]
pub struct TextBoxKeys<'a> {
    keymap: &'a Keymap,
    context: Scope,
}

impl<'a> TextBoxKeys<'a> {
    pub fn new(keymap: &'a Keymap, context: Scope) -> TextBoxKeys<'a> {
        TextBoxKeys { keymap, context }
    }

    fn keys(&self, command: Command) -> Vec<Key> {
        self.keymap.text_box_keys(self.context, command, TextInput::edits)
    }

    /// The command `key` runs in a text box, if it is one of the box's.
    pub fn command(&self, key: Key) -> Option<Command> {
        TEXT_BOX.into_iter().find(|&command| self.keys(command).contains(&key))
    }

    /// What `key` is in a text box: a command of the keymap in force or
    /// of the readline keys every box takes, else an edit of its text.
    pub fn input(&self, key: Key) -> OverlayInput {
        match self.command(key).or_else(|| readline_command(key)) {
            Some(command) => OverlayInput::Command(command, key.ctrl),
            None => OverlayInput::Edit(key),
        }
    }

    /// Hints for a text box: each command named by its first key.
    pub fn hints(&self, items: &[(Command, &str)]) -> String {
        items
            .iter()
            .filter_map(|(command, label)| {
                let key = self.keys(*command).into_iter().next()?;
                Some(format!("{key} {label}"))
            })
            .collect::<Vec<_>>()
            .join("  ")
    }

    /// "Up/Down `label`": the first keys of up and down in a text box.
    pub fn up_down(&self, label: &str) -> String {
        let first = |command| self.keys(command).into_iter().next();
        match (first(Command::LineUp), first(Command::LineDown)) {
            (Some(up), Some(down)) => format!("{up}/{down} {label}"),
            _ => String::new(),
        }
    }
}

impl super::App {
    /// The keys of a text box open now (those of the pane in focus).
    pub fn text_box(&self) -> TextBoxKeys<'_> {
        TextBoxKeys::new(&self.keymap, self.help_context())
    }
}
