//! The one-line prompt at the bottom of the screen (a bookmark's note, find
//! in the article) and the keys of every text box (the prompt, the search
//! and contents overlays): keys that type text type it; the box's commands
//! (open, back, up and down, page up and down) come from the keymap in
//! force, and so do the hints that name them.

use super::App;
use super::input::TextInput;
use super::overlay::{OverlayInput, readline_command};
use crate::keymap::{Command, Key};
use crate::store::Bookmark;

/// A one-line input at the bottom of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: TextInput,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromptKind {
    /// A new bookmark waiting for its note: Enter saves it (with or without
    /// a note), Esc cancels it.
    NewBookmarkNote(Bookmark),
    /// Editing the note of an existing bookmark: Esc leaves it unchanged.
    EditNote { id: i128 },
    /// Find in the open article.
    Find,
}

/// The commands a text box takes.
const TEXT_BOX: [Command; 6] = [
    Command::Back,
    Command::Open,
    Command::LineDown,
    Command::LineUp,
    Command::PageDown,
    Command::PageUp,
];

impl App {
    /// The command `key` runs in a text box, if it is one of the box's.
    pub(super) fn text_box_command(&self, key: Key) -> Option<Command> {
        let context = self.help_context();
        TEXT_BOX
            .into_iter()
            .find(|&command| self.text_box_keys(context, command).contains(&key))
    }

    fn text_box_keys(&self, context: crate::keymap::Context, command: Command) -> Vec<Key> {
        self.keymap.text_box_keys(context, command, TextInput::edits)
    }

    /// Hints for a text box, from the keymap in force: each command named by
    /// its first key there.
    pub fn text_box_hints(&self, items: &[(Command, &str)]) -> String {
        let context = self.help_context();
        items
            .iter()
            .filter_map(|(command, label)| {
                let key = self.text_box_keys(context, *command).into_iter().next()?;
                Some(format!("{key} {label}"))
            })
            .collect::<Vec<_>>()
            .join("  ")
    }

    /// "Up/Down `label`": the first keys of up and down in a text box.
    pub fn up_down_hint(&self, label: &str) -> String {
        let context = self.help_context();
        let first = |command| self.text_box_keys(context, command).into_iter().next();
        match (first(Command::LineUp), first(Command::LineDown)) {
            (Some(up), Some(down)) => format!("{up}/{down} {label}"),
            _ => String::new(),
        }
    }

    /// The prompt's label, with the keys that finish it.
    pub fn prompt_label(&self, kind: &PromptKind) -> String {
        let finish = |what: &str| {
            let hints = self.text_box_hints(&[(Command::Open, "保存"), (Command::Back, "取消")]);
            format!("{what}（{hints}）：")
        };
        match kind {
            PromptKind::NewBookmarkNote(_) => finish("书签备注"),
            PromptKind::EditNote { .. } => finish("修改备注"),
            PromptKind::Find => "查找：".to_string(),
        }
    }

    /// What `key` is in a text box: a command of the keymap in force or
    /// of the readline keys every box takes, else an edit of its text.
    pub(super) fn text_box_input(&self, key: Key) -> OverlayInput {
        match self.text_box_command(key).or_else(|| readline_command(key)) {
            Some(command) => OverlayInput::Command(command, key.ctrl),
            None => OverlayInput::Edit(key),
        }
    }

    /// Keys while a prompt is open: editing keys edit; open and back finish.
    pub(super) fn prompt_key(&mut self, key: Key) {
        let input = self.text_box_input(key);
        match input {
            OverlayInput::Command(Command::Open, _) => self.finish_prompt(true),
            OverlayInput::Command(Command::Back, _) => self.finish_prompt(false),
            _ if self.prompt.as_ref().is_some_and(|p| p.kind == PromptKind::Find) => self.find_input(input),
            OverlayInput::Edit(key) => {
                if let Some(prompt) = &mut self.prompt {
                    prompt.input.edit(key);
                }
            }
            OverlayInput::Command(..) => {}
        }
    }
}
