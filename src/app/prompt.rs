//! The one-line prompt at the bottom of the screen (a bookmark's note, find
//! in the article) and the keys of every text box (the prompt, the search
//! and contents overlays): keys that type text type it; the box's commands
//! (open, back, up and down, page up and down) come from the keymap in
//! force, and so do the hints that name them.

use super::App;
use super::input::TextInput;
use super::overlay::{Outcome, OverlayInput, readline_command};
use crate::keymap::{Command, Key};
use crate::store::{Bookmark, Change, QueryKind};

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

    /// The one way into the prompt: it takes the input and answers with an
    /// `Outcome`, carried out here. In the find prompt, up and down walk
    /// the history of finds, and the text is marked in the article as it
    /// changes.
    pub(super) fn prompt_input(&mut self, input: OverlayInput) {
        let Some(prompt) = &mut self.prompt else { return };
        let find = prompt.kind == PromptKind::Find;
        match prompt.handle(input) {
            Outcome::Act(PromptAct::Accept) => self.finish_prompt(true),
            Outcome::Close => self.finish_prompt(false),
            outcome if find => {
                // Any key but up and down ends a walk through the history.
                let walked = self.walk_history(QueryKind::Find, input);
                if walked || outcome == Outcome::Act(PromptAct::Edited) {
                    self.mark_find_hits();
                }
            }
            Outcome::Act(PromptAct::Edited) | Outcome::Stay | Outcome::Quit => {}
        }
    }

    /// Ends the prompt: `accept` (Enter, or the process ending while a note
    /// is typed) saves the bookmark or its note, or ends the find where it
    /// is; else nothing is saved and a find goes back where it started.
    pub(super) fn finish_prompt(&mut self, accept: bool) {
        let Some(prompt) = self.prompt.take() else { return };
        let note = prompt.input.text().trim().to_string();
        match prompt.kind {
            PromptKind::NewBookmarkNote(mut bookmark) if accept => {
                bookmark.note = note;
                self.save(Change::AddBookmark(bookmark));
                self.message = Some("已加书签".into());
            }
            PromptKind::NewBookmarkNote(_) => self.message = Some("未加书签".into()),
            PromptKind::EditNote { id } if accept => {
                self.save(Change::EditNote { id, note });
                self.message = Some("已改书签备注".into());
            }
            PromptKind::EditNote { .. } => {}
            PromptKind::Find if accept => self.finish_find(prompt.input.text()),
            PromptKind::Find => self.cancel_find(),
        }
    }
}

impl Prompt {
    /// Takes one input: Open finishes the prompt (its text taken), Back
    /// cancels it, an edit edits its text; other commands are the App's.
    pub fn handle(&mut self, input: OverlayInput) -> Outcome<PromptAct> {
        match input {
            OverlayInput::Command(Command::Open, _) => Outcome::Act(PromptAct::Accept),
            OverlayInput::Command(Command::Back, _) => Outcome::Close,
            OverlayInput::Edit(key) if self.input.edit(key) => Outcome::Act(PromptAct::Edited),
            _ => Outcome::Stay,
        }
    }
}

/// What the prompt asks for after an input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromptAct {
    /// Finish it, taking its text.
    Accept,
    /// Its text changed.
    Edited,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prompt_answers_each_input_with_an_outcome() {
        let mut prompt = Prompt {
            kind: PromptKind::Find,
            input: TextInput::default(),
        };
        let key = |name: &str| Key::parse(name).expect("key");
        assert_eq!(
            prompt.handle(OverlayInput::Edit(key("backspace"))),
            Outcome::Stay,
            "nothing to delete"
        );
        assert_eq!(
            prompt.handle(OverlayInput::Edit(key("a"))),
            Outcome::Act(PromptAct::Edited)
        );
        assert_eq!(prompt.input.text(), "a");
        let down = OverlayInput::Command(Command::LineDown, false);
        assert_eq!(prompt.handle(down), Outcome::Stay, "the App's to walk the history");
        let open = OverlayInput::Command(Command::Open, false);
        assert_eq!(prompt.handle(open), Outcome::Act(PromptAct::Accept));
        assert_eq!(
            prompt.handle(OverlayInput::Command(Command::Back, true)),
            Outcome::Close
        );
        assert_eq!(prompt.input.text(), "a", "finishing is the App's");
    }
}
