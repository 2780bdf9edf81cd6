//! A one-line text input that edits by grapheme, so Backspace removes a whole
//! Chinese character (or emoji) and the cursor never lands inside one.

use unicode_segmentation::UnicodeSegmentation;

use crate::i18n::text;
use crate::keymap::{Key, KeyCode};
use crate::text::{AmbiguousWidth, sanitize_inline, str_width};

/// Inputs longer than this are cut, and the app says so (`App::say_if_cut`):
/// a query or a note, not a document.
pub const MAX_BYTES: usize = 16 * 1024;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextInput {
    text: String,
    /// Byte index of the cursor, always on a grapheme boundary.
    cursor: usize,
    /// The whole text is selected: typing or pasting replaces it, a cursor
    /// key keeps it.
    selected: bool,
    /// The last text typed or pasted did not fit whole.
    cut: bool,
}

impl TextInput {
    pub fn with_text(text: &str) -> TextInput {
        let mut input = TextInput::default();
        input.insert(text);
        input
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// Selects the whole text, so that what is typed next replaces it.
    pub fn select_all(&mut self) {
        self.selected = !self.text.is_empty();
        self.cursor = self.text.len();
    }

    pub fn is_selected(&self) -> bool {
        self.selected
    }

    /// Ends a selection: `replace` clears the selected text.
    fn unselect(&mut self, replace: bool) {
        if std::mem::take(&mut self.selected) && replace {
            self.clear();
        }
    }

    /// Inserts typed, composed or pasted text at the cursor. Line breaks become
    /// spaces and control characters are dropped.
    pub fn insert(&mut self, text: &str) {
        self.unselect(true);
        let clean = sanitize_inline(text);
        let room = MAX_BYTES.saturating_sub(self.text.len());
        let end = clean.floor_char_boundary(room);
        // `sanitize_inline` trims; keep a typed space.
        let piece = if text == " " && room > 0 { " " } else { &clean[..end] };
        self.cut = piece.len() < clean.len().max(text.len().min(1));
        self.text.insert_str(self.cursor, piece);
        self.cursor += piece.len();
    }

    /// Whether the last text typed or pasted was cut at the size limit
    /// (until text is deleted).
    pub fn was_cut(&self) -> bool {
        self.cut
    }

    pub fn backspace(&mut self) {
        self.cut = false;
        if let Some((start, _)) = self.text[..self.cursor].grapheme_indices(true).next_back() {
            self.text.replace_range(start..self.cursor, "");
            self.cursor = start;
        }
    }

    pub fn delete(&mut self) {
        self.cut = false;
        if let Some(g) = self.text[self.cursor..].graphemes(true).next() {
            let end = self.cursor + g.len();
            self.text.replace_range(self.cursor..end, "");
        }
    }

    pub fn left(&mut self) {
        if let Some((start, _)) = self.text[..self.cursor].grapheme_indices(true).next_back() {
            self.cursor = start;
        }
    }

    pub fn right(&mut self) {
        if let Some(g) = self.text[self.cursor..].graphemes(true).next() {
            self.cursor += g.len();
        }
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.len();
    }

    pub fn clear(&mut self) {
        self.cut = false;
        self.text.clear();
        self.cursor = 0;
    }

    /// Whether `key` is one of the box's own editing keys (a character,
    /// Backspace, Delete, the arrows across the text, Home, End and their
    /// emacs-style Ctrl keys), which no command takes from it.
    pub fn edits(key: &Key) -> bool {
        key.types_text()
            || matches!(
                (key.code, key.ctrl),
                (
                    KeyCode::Backspace
                        | KeyCode::Delete
                        | KeyCode::Left
                        | KeyCode::Right
                        | KeyCode::Home
                        | KeyCode::End,
                    _
                ) | (KeyCode::Char('h' | 'd' | 'b' | 'f' | 'a' | 'e' | 'u'), true)
            )
    }

    /// Applies an editing key (emacs-style control keys included); returns
    /// whether the text may have changed.
    pub fn edit(&mut self, key: Key) -> bool {
        let before = self.text.len();
        // Typed over, a selected text can change without changing its length.
        let replaced = self.selected.then(|| self.text.clone());
        let deleting = matches!(
            (key.code, key.ctrl),
            (KeyCode::Backspace | KeyCode::Delete, _) | (KeyCode::Char('h' | 'd' | 'u'), true)
        );
        if deleting && self.selected {
            self.unselect(true);
            return before != 0;
        }
        if !matches!(key.code, KeyCode::Char(_)) || key.ctrl || key.alt {
            self.unselect(false);
        }
        match (key.code, key.ctrl) {
            (KeyCode::Backspace, _) | (KeyCode::Char('h'), true) => self.backspace(),
            (KeyCode::Delete, _) | (KeyCode::Char('d'), true) => self.delete(),
            (KeyCode::Left, _) | (KeyCode::Char('b'), true) => self.left(),
            (KeyCode::Right, _) | (KeyCode::Char('f'), true) => self.right(),
            (KeyCode::Home, _) | (KeyCode::Char('a'), true) => self.home(),
            (KeyCode::End, _) | (KeyCode::Char('e'), true) => self.end(),
            (KeyCode::Char('u'), true) => self.clear(),
            (KeyCode::Char(c), false) if !key.alt => self.insert(c.encode_utf8(&mut [0; 4])),
            _ => return false,
        }
        self.text.len() != before || replaced.is_some_and(|old| old != self.text)
    }

    /// Columns before the cursor, for placing the terminal cursor (and so the
    /// input method's composition window).
    pub fn cursor_column(&self, ambiguous: AmbiguousWidth) -> usize {
        str_width(&self.text[..self.cursor], ambiguous)
    }
}

impl super::App {
    /// Says so when the input in use (the search box, the find or note
    /// prompt, the contents filter) could not take all that was typed or
    /// pasted, instead of dropping it silently.
    pub(super) fn say_if_cut(&mut self) {
        let input = match (&self.prompt, &self.overlay) {
            (Some(prompt), _) => Some(&prompt.input),
            (None, Some(super::Overlay::Search(search))) => Some(&search.input),
            (None, Some(super::Overlay::Contents(contents))) => Some(&contents.input),
            _ => None,
        };
        if input.is_some_and(TextInput::was_cut) {
            let size = crate::files::size(MAX_BYTES as u64);
            self.say(text!(
                en: "the box is full (at most {size}): what did not fit was not typed",
                hans: "输入已满（最多 {size}），多出的文字没有输入",
                hant: "輸入已滿（最多 {size}），多出的文字沒有輸入",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edits_by_grapheme() {
        let mut input = TextInput::with_text("客户👍🏽x");
        input.backspace();
        input.backspace();
        assert_eq!(input.text(), "客户");
        input.left();
        input.insert("的");
        assert_eq!(input.text(), "客的户");
        assert_eq!(input.cursor_column(AmbiguousWidth::Narrow), 4);
        input.home();
        input.delete();
        assert_eq!(input.text(), "的户");
        input.end();
        input.insert(" ");
        input.insert("关系");
        assert_eq!(input.text(), "的户 关系");
    }

    #[test]
    fn typing_over_a_selected_text_of_the_same_length_is_a_change() {
        let mut input = TextInput::with_text("明");
        input.select_all();
        assert!(input.edit(Key::char('月')), "明 replaced by 月 is searched again");
        assert_eq!(input.text(), "月");
        input.select_all();
        assert!(!input.edit(Key::char('月')), "the same text typed over it is no change");
    }

    #[test]
    fn a_selected_text_is_replaced_by_typing_and_kept_by_cursor_keys() {
        let key = |name: &str| Key::parse(name).expect("key");
        let mut input = TextInput::with_text("明月");
        input.select_all();
        assert!(input.edit(key("x")));
        assert_eq!(input.text(), "x");
        input.select_all();
        input.edit(key("left"));
        input.edit(key("y"));
        assert_eq!(input.text(), "yx", "Left kept the text and moved the cursor");
        let mut input = TextInput::with_text("明月");
        input.select_all();
        assert!(input.edit(key("backspace")));
        assert_eq!(input.text(), "");
    }

    #[test]
    fn pasted_text_is_one_clean_line_and_bounded() {
        let mut input = TextInput::default();
        input.insert("第一行\n第二行\x1b[31m");
        assert_eq!(input.text(), "第一行 第二行");
        let mut selected = TextInput::with_text("旧的");
        selected.select_all();
        selected.insert("新");
        assert_eq!((selected.text(), selected.is_selected()), ("新", false));
        let mut long = TextInput::default();
        long.insert(&"字".repeat(10_000));
        assert!(long.text().len() <= MAX_BYTES);
        assert!(long.text().chars().all(|c| c == '字'));
        assert!(long.was_cut());
        long.backspace();
        assert!(!long.was_cut());
        long.insert("字");
        assert!(!long.was_cut(), "it fits again");
        long.insert("a");
        assert_eq!(long.text().len(), MAX_BYTES);
        for text in ["字", " ", "a"] {
            long.insert(text);
            assert!(long.was_cut(), "{text:?} past the limit");
        }
    }
}
