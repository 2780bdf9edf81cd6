//! The one-line prompt at the bottom of the screen, over the panes or over
//! an overlay (a bookmark's note, find in the article) as a component: it
//! owns its text, its walk through the find history, the keys it takes
//! (`Prompt::handle`), the hints it shows (named by the keymap in force)
//! and what finishing it asks for (`PromptAct`), which
//! `App::overlay_input` carries out (`App::prompt_act`).

use super::App;
use super::history::HistoryWalk;
use super::input::TextInput;
use super::overlay::{Outcome, OverlayInput};
use super::text_box::TextBoxKeys;
use crate::i18n::{Lang, text, tr};
use crate::keymap::Command;
use crate::store::{Bookmark, Change, QueryKind};

/// A one-line input at the bottom of the screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Prompt {
    pub kind: PromptKind,
    pub input: TextInput,
    /// The find history entry shown, while Up/Down walk it.
    walk: HistoryWalk,
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

/// What the prompt asks of the app (`Outcome::Act`). All but `Preview`
/// close it; Esc on a note being edited is a plain `Outcome::Close`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PromptAct {
    /// Enter on a new bookmark: save it with the note typed.
    AddBookmark(Bookmark),
    /// Esc on a new bookmark: it is not added.
    DiscardBookmark,
    /// Enter on a bookmark's note: save the note.
    EditNote { id: i128, note: String },
    /// The find's query changed (typed, pasted or taken from the history):
    /// mark the hits of the query as it stands.
    Preview(String),
    /// Enter in find: mark the hits of the query and keep it in the history.
    Find(String),
    /// Esc in find: no marks, and back where the find started.
    CancelFind,
}

impl Prompt {
    fn with(kind: PromptKind, text: &str) -> Prompt {
        Prompt {
            kind,
            input: TextInput::with_text(text),
            walk: HistoryWalk::default(),
        }
    }

    /// The note of a new bookmark, empty.
    pub fn new_note(bookmark: Bookmark) -> Prompt {
        Prompt::with(PromptKind::NewBookmarkNote(bookmark), "")
    }

    /// The note of bookmark `id`, as it is now.
    pub fn edit_note(id: i128, note: &str) -> Prompt {
        Prompt::with(PromptKind::EditNote { id }, note)
    }

    /// Find in the open article, empty.
    pub fn find() -> Prompt {
        Prompt::with(PromptKind::Find, "")
    }

    /// The history Up/Down walk in this prompt, if it has one.
    pub fn history_kind(&self) -> Option<QueryKind> {
        (self.kind == PromptKind::Find).then_some(QueryKind::Find)
    }

    /// Whether the prompt is a bookmark's note.
    pub fn is_note(&self) -> bool {
        self.kind != PromptKind::Find
    }

    /// One input, with the history of the prompt's kind (oldest first):
    /// open finishes, back cancels, an edit edits; in find, Up/Down walk
    /// the history and every change of the query asks for its hits.
    pub fn handle(&mut self, input: OverlayInput, history: &[String]) -> Outcome<PromptAct> {
        let find = self.kind == PromptKind::Find;
        if find && self.walk.step(input, &mut self.input, history) {
            return self.preview();
        }
        match input {
            OverlayInput::Command(Command::Open, _) => Outcome::Act(self.finished()),
            OverlayInput::Command(Command::Back, _) => match self.kind {
                PromptKind::NewBookmarkNote(_) => Outcome::Act(PromptAct::DiscardBookmark),
                PromptKind::EditNote { .. } => Outcome::Close,
                PromptKind::Find => Outcome::Act(PromptAct::CancelFind),
            },
            OverlayInput::Command(..) => Outcome::Stay,
            OverlayInput::Edit(key) => {
                let changed = self.input.edit(key);
                if changed && find { self.preview() } else { Outcome::Stay }
            }
        }
    }

    /// Pasted or composed text goes in at the cursor.
    pub fn paste(&mut self, text: &str) -> Outcome<PromptAct> {
        self.input.insert(text);
        match self.kind {
            PromptKind::Find => self.preview(),
            _ => Outcome::Stay,
        }
    }

    fn preview(&self) -> Outcome<PromptAct> {
        Outcome::Act(PromptAct::Preview(self.input.text().to_string()))
    }

    /// What Enter asks for: a note is kept trimmed, a query as typed.
    fn finished(&self) -> PromptAct {
        let note = self.input.text().trim().to_string();
        match &self.kind {
            PromptKind::NewBookmarkNote(bookmark) => PromptAct::AddBookmark(Bookmark {
                note,
                ..bookmark.clone()
            }),
            PromptKind::EditNote { id } => PromptAct::EditNote { id: *id, note },
            PromptKind::Find => PromptAct::Find(self.input.text().to_string()),
        }
    }

    /// The commands the prompt names in its label, with what they do.
    pub fn hints(&self, lang: Lang) -> Vec<(Command, String)> {
        match self.kind {
            PromptKind::Find => Vec::new(),
            _ => vec![
                (Command::Open, tr!(lang, en: "save", hans: "保存", hant: "儲存")),
                (Command::Back, tr!(lang, en: "cancel", hans: "取消", hant: "取消")),
            ],
        }
    }

    /// The prompt's label, with the keys that finish it in `keys`.
    pub fn label(&self, keys: &TextBoxKeys<'_>, lang: Lang) -> String {
        let hints = self.hints(lang);
        let hints: Vec<(Command, &str)> = hints.iter().map(|(c, l)| (*c, l.as_str())).collect();
        let hints = keys.hints(&hints);
        match self.kind {
            PromptKind::NewBookmarkNote(_) => tr!(
                lang,
                en: "Bookmark note ({hints}): ",
                hans: "书签备注（{hints}）：",
                hant: "書籤備註（{hints}）：",
            ),
            PromptKind::EditNote { .. } => tr!(
                lang,
                en: "Edit note ({hints}): ",
                hans: "修改备注（{hints}）：",
                hant: "修改備註（{hints}）：",
            ),
            PromptKind::Find => tr!(lang, en: "Find: ", hans: "查找：", hant: "尋找："),
        }
    }
}

impl App {
    /// Carries out what the prompt asked for; all but a preview close it.
    pub(super) fn prompt_act(&mut self, act: PromptAct) {
        if !matches!(act, PromptAct::Preview(_)) {
            self.prompt = None;
        }
        match act {
            PromptAct::AddBookmark(bookmark) => {
                self.save(Change::AddBookmark(bookmark));
                self.say(text!(en: "bookmark added", hans: "已加书签", hant: "已加書籤"));
            }
            PromptAct::DiscardBookmark => self.say(text!(en: "no bookmark added", hans: "未加书签", hant: "未加書籤")),
            PromptAct::EditNote { id, note } => {
                self.save(Change::EditNote { id, note });
                self.say(text!(en: "note changed", hans: "已改书签备注", hant: "已改書籤備註"));
            }
            PromptAct::Preview(query) => self.preview_find(&query),
            PromptAct::Find(query) => self.finish_find(&query),
            PromptAct::CancelFind => self.cancel_find(),
        }
    }

    /// Pasted or composed text, in the prompt.
    pub(super) fn prompt_paste(&mut self, text: &str) {
        if let Some(prompt) = &mut self.prompt {
            let outcome = prompt.paste(text);
            self.carry_out(outcome.map(super::overlay::Act::Prompt));
        }
    }
}

#[cfg(test)]
mod tests;
