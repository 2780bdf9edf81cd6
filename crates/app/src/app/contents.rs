//! The table of contents of the open article (`t`): its headings, Markdown
//! headings, a novel's chapters or an EPUB's own contents, with the chapter
//! being read marked; typing filters, `Up`/`Down` choose, `Enter` jumps,
//! `Esc` closes. Also the next / previous chapter commands.

use super::overlay::{Outcome, OverlayInput};
use super::{App, Overlay, Pane};
use crate::app::input::TextInput;
use crate::i18n::text;
use crate::keymap::Command;
use crate::library::{TocEntry, current_entry, next_entry, previous_entry, table_of_contents};

/// The contents overlay's state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Contents {
    pub entries: Vec<TocEntry>,
    /// The entry the reader was in when the overlay opened.
    pub current: Option<usize>,
    pub input: TextInput,
    /// Index into `shown()`.
    pub cursor: usize,
    /// First row shown.
    pub offset: usize,
    /// Only the first part of the article is read yet: the entries are
    /// those of that part, and more come when the whole arrives.
    pub partial: bool,
}

impl Contents {
    /// Indices of the entries whose title holds the typed text, folded as
    /// the search folds it (Simplified and Traditional characters, variants,
    /// case and full-width letters alike: 后赤壁 finds 後赤壁賦), or a number
    /// typed alone (192, 一百九十二) among its numbers (第一百九十二章).
    pub fn shown(&self) -> Vec<usize> {
        let filter = crate::search::fold(self.input.text().trim());
        if filter.is_empty() {
            return (0..self.entries.len()).collect();
        }
        let number = crate::library::number_value(&filter);
        (0..self.entries.len())
            .filter(|&i| {
                let title = &self.entries[i].title;
                crate::search::fold(title).contains(&filter)
                    || number.is_some_and(|n| crate::library::numbers_in(title).any(|m| m == n))
            })
            .collect()
    }

    /// One input, in a list that shows `rows` entries at once: the offset
    /// of the chapter chosen comes back as `Outcome::Act`.
    pub fn handle(&mut self, input: OverlayInput, rows: usize) -> Outcome<usize> {
        match input {
            OverlayInput::Command(Command::Back, _) => return Outcome::Close,
            OverlayInput::Command(Command::Open, _) => {
                let target = self.shown().get(self.cursor).map(|&i| self.entries[i].offset);
                return target.map_or(Outcome::Close, Outcome::Act);
            }
            OverlayInput::Command(Command::LineDown, _) => self.cursor += 1,
            OverlayInput::Command(Command::LineUp, _) => self.cursor = self.cursor.saturating_sub(1),
            OverlayInput::Command(Command::PageDown, _) => self.cursor += rows,
            OverlayInput::Command(Command::PageUp, _) => self.cursor = self.cursor.saturating_sub(rows),
            OverlayInput::Command(..) => {}
            OverlayInput::Edit(key) => {
                if self.input.edit(key) {
                    self.cursor = 0;
                    self.offset = 0;
                }
            }
        }
        self.settle(rows);
        Outcome::Stay
    }

    /// Keeps the cursor in the list and on screen in `rows` rows.
    pub fn settle(&mut self, rows: usize) {
        let count = self.shown().len();
        self.cursor = self.cursor.min(count.saturating_sub(1));
        let rows = rows.max(1);
        if self.cursor < self.offset {
            self.offset = self.cursor;
        } else if self.cursor >= self.offset + rows {
            self.offset = self.cursor + 1 - rows;
        }
    }
}

/// Rows the overlay lists: the screen less the filter, the hint and the status line.
pub fn contents_rows(height: u16) -> usize {
    usize::from(crate::app::geometry::overlay_body(1, height).height).max(1)
}

impl App {
    /// The reader's article and its position, when the reader has the focus.
    fn reading(&self) -> Option<(crate::library::ArticleId, usize)> {
        match (&self.reader, self.focus) {
            (Some(reader), Pane::Reader) => Some((reader.article, reader.offset())),
            _ => None,
        }
    }

    pub(super) fn open_contents(&mut self) {
        let Some((article, offset)) = self.reading() else {
            return;
        };
        let entries = table_of_contents(&self.library[article].body);
        if entries.is_empty() {
            self.say(text!(
                en: "this article has no contents (no headings or chapters)",
                hans: "这篇文章没有目录（没有标题或章节）",
                hant: "這篇文章沒有目錄（沒有標題或章節）",
            ));
            return;
        }
        let current = current_entry(&entries, offset);
        let mut contents = Contents {
            entries,
            current,
            cursor: current.unwrap_or(0),
            partial: self.library.awaits_whole(article),
            ..Contents::default()
        };
        // The current chapter in the middle of the list.
        let rows = contents_rows(self.height);
        contents.offset = contents.cursor.saturating_sub(rows / 2);
        contents.settle(rows);
        self.overlay = Some(Overlay::Contents(contents));
    }

    /// The whole article arrived (or will not): contents open on it are
    /// made again from the whole text, the filter and the entry chosen kept.
    pub(super) fn refresh_contents(&mut self) {
        let Some((article, _)) = self.reading() else { return };
        let Some(Overlay::Contents(contents)) = &mut self.overlay else {
            return;
        };
        if !contents.partial {
            return;
        }
        let chosen = contents
            .shown()
            .get(contents.cursor)
            .map(|&i| contents.entries[i].offset);
        let current = contents.current.map(|i| contents.entries[i].offset);
        contents.entries = table_of_contents(&self.library[article].body);
        contents.partial = self.library.awaits_whole(article);
        let at = |offset: Option<usize>, entries: &[TocEntry]| {
            offset.and_then(|o| entries.iter().position(|e| e.offset == o))
        };
        contents.current = at(current, &contents.entries);
        let shown = contents.shown();
        contents.cursor = at(chosen, &contents.entries)
            .and_then(|i| shown.iter().position(|&s| s == i))
            .unwrap_or(0);
        contents.settle(contents_rows(self.height));
    }

    /// A jump from the contents (`Act::Jump`) is not reading, as from
    /// search or a bookmark: the place read is saved, the landing is not.
    pub(super) fn contents_jump(&mut self, offset: usize) {
        self.overlay = None;
        self.jump_to(super::goto::Target::Offset(offset));
    }

    /// The next chapter (`forward`), or the start of this one or the one before.
    pub(super) fn step_chapter(&mut self, forward: bool) {
        let Some((article, offset)) = self.reading() else {
            return;
        };
        let body = &self.library[article].body;
        let target = if forward {
            next_entry(body, offset)
        } else {
            previous_entry(body, offset)
        };
        match target {
            Some(target) => self.go_to_offset(target),
            None if crate::library::heading_at(body, usize::MAX).is_none() => self.say(text!(
                en: "this article has no chapters",
                hans: "这篇文章没有章节",
                hant: "這篇文章沒有章節",
            )),
            None if forward => {
                self.say(text!(en: "this is the last chapter", hans: "已是最后一章", hant: "已是最後一章"))
            }
            None => self.say(text!(en: "this is the first chapter", hans: "已是第一章", hant: "已是第一章")),
        }
    }

    /// Puts byte `offset` of the open article at the top of the reader.
    fn go_to_offset(&mut self, offset: usize) {
        let page = self.reader_page();
        if let Some(reader) = &mut self.reader {
            let body = &self.library[reader.article].body;
            reader.scroll_to_offset(body, offset, page);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::{Key, KeyCode};

    fn contents() -> Contents {
        let entry = |title: &str, offset| TocEntry {
            level: 1,
            title: title.into(),
            offset,
        };
        Contents {
            entries: vec![entry("第一章", 0), entry("第二章", 10), entry("尾声", 20)],
            ..Contents::default()
        }
    }

    #[test]
    fn the_contents_take_commands_and_edits_and_say_where_to_jump() {
        let mut c = contents();
        let down = OverlayInput::Command(Command::LineDown, false);
        assert_eq!(c.handle(down, 10), Outcome::Stay);
        assert_eq!(c.handle(down, 10), Outcome::Stay);
        assert_eq!(c.handle(down, 10), Outcome::Stay, "the cursor stays on the last entry");
        assert_eq!(c.cursor, 2);
        assert_eq!(
            c.handle(OverlayInput::Command(Command::Open, false), 10),
            Outcome::Act(20)
        );
        let typed = OverlayInput::Edit(Key {
            code: KeyCode::Char('章'),
            ctrl: false,
            alt: false,
        });
        assert_eq!(c.handle(typed, 10), Outcome::Stay);
        assert_eq!(
            (c.shown(), c.cursor),
            (vec![0, 1], 0),
            "a filter starts from its first entry"
        );
        assert_eq!(
            c.handle(OverlayInput::Command(Command::Back, false), 10),
            Outcome::Close
        );
        assert_eq!(c.handle(OverlayInput::Command(Command::Help, false), 10), Outcome::Stay);
    }

    fn filtered(entries: &[&str], typed: &str) -> Vec<String> {
        let mut c = Contents {
            entries: entries
                .iter()
                .enumerate()
                .map(|(i, title)| TocEntry {
                    level: 1,
                    title: (*title).into(),
                    offset: i * 10,
                })
                .collect(),
            ..Contents::default()
        };
        for ch in typed.chars() {
            c.handle(OverlayInput::Edit(Key::char(ch)), 10);
        }
        c.shown().into_iter().map(|i| c.entries[i].title.clone()).collect()
    }

    #[test]
    fn the_filter_folds_scripts_and_variants_as_the_search_does() {
        let titles = [
            "前赤壁賦",
            "後赤壁賦",
            "後赤壁賦 二",
            "後赤壁賦 三",
            "後赤壁賦 四",
            "赤壁懷古",
        ];
        let traditional = filtered(&titles, "後赤壁");
        assert_eq!(traditional.len(), 4);
        assert_eq!(
            filtered(&titles, "后赤壁"),
            traditional,
            "Simplified finds the Traditional"
        );
        assert_eq!(
            filtered(&["峯迴路轉", "Chapter ONE"], "峰回"),
            ["峯迴路轉"],
            "a variant"
        );
        assert_eq!(filtered(&["峯迴路轉", "Chapter ONE"], "ｏｎｅ"), ["Chapter ONE"]);
    }

    #[test]
    fn a_number_finds_its_chapter_in_either_digits() {
        let titles = [
            "第一百九十一章 出城",
            "第一百九十二章 回家",
            "第1920章 尾声",
            "第192章 重出",
        ];
        let expected = ["第一百九十二章 回家", "第1920章 尾声", "第192章 重出"];
        assert_eq!(filtered(&titles, "192"), expected, "by value, and the digits as text");
        assert_eq!(filtered(&titles, "一百九十二"), ["第一百九十二章 回家", "第192章 重出"]);
        assert_eq!(filtered(&titles, "回家"), ["第一百九十二章 回家"]);
    }
}
