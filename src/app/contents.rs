//! The table of contents of the open article (`t`): its headings, Markdown
//! headings, a novel's chapters or an EPUB's own contents, with the chapter
//! being read marked; typing filters, `Up`/`Down` choose, `Enter` jumps,
//! `Esc` closes. Also the next / previous chapter commands.

use super::{App, Overlay, Pane};
use crate::app::input::TextInput;
use crate::keymap::{Command, Key, KeyCode};
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
}

impl Contents {
    /// Indices of the entries whose title holds the typed text (ASCII case ignored).
    pub fn shown(&self) -> Vec<usize> {
        let filter = self.input.text().trim().to_lowercase();
        (0..self.entries.len())
            .filter(|&i| filter.is_empty() || self.entries[i].title.to_lowercase().contains(&filter))
            .collect()
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
    fn reading(&self) -> Option<(usize, usize)> {
        match (&self.reader, self.focus) {
            (Some(reader), Pane::Reader) => Some((reader.article, reader.offset())),
            _ => None,
        }
    }

    pub(super) fn open_contents(&mut self) {
        let Some((article, offset)) = self.reading() else {
            return;
        };
        let entries = table_of_contents(&self.library.articles()[article].body);
        if entries.is_empty() {
            self.message = Some("这篇文章没有目录（没有标题或章节）".into());
            return;
        }
        let current = current_entry(&entries, offset);
        let mut contents = Contents {
            entries,
            current,
            cursor: current.unwrap_or(0),
            ..Contents::default()
        };
        // The current chapter in the middle of the list.
        let rows = contents_rows(self.height);
        contents.offset = contents.cursor.saturating_sub(rows / 2);
        contents.settle(rows);
        self.overlay = Some(Overlay::Contents(contents));
    }

    /// Keys while the contents are open: they edit the filter, but for moving and choosing.
    pub(super) fn contents_key(&mut self, key: Key) {
        let rows = contents_rows(self.height);
        let command = self.text_box_command(key);
        let Some(Overlay::Contents(contents)) = &mut self.overlay else {
            return;
        };
        match (command, key.code, key.ctrl) {
            (Some(Command::Back), ..) | (_, KeyCode::Char('c'), true) => self.overlay = None,
            (Some(Command::Open), ..) => {
                let target = contents
                    .shown()
                    .get(contents.cursor)
                    .map(|&i| contents.entries[i].offset);
                self.overlay = None;
                if let Some(offset) = target {
                    // A jump from the contents is not reading, as from search
                    // or a bookmark: the place read is saved, the landing is not.
                    self.jump_to(super::goto::Target::Offset(offset));
                }
            }
            (Some(Command::LineDown), ..) | (_, KeyCode::Char('n'), true) => contents.cursor += 1,
            (Some(Command::LineUp), ..) | (_, KeyCode::Char('p'), true) => {
                contents.cursor = contents.cursor.saturating_sub(1)
            }
            (Some(Command::PageDown), ..) => contents.cursor += rows,
            (Some(Command::PageUp), ..) => contents.cursor = contents.cursor.saturating_sub(rows),
            _ => {
                if contents.input.edit(key) {
                    contents.cursor = 0;
                    contents.offset = 0;
                }
            }
        }
        if let Some(Overlay::Contents(contents)) = &mut self.overlay {
            contents.settle(rows);
        }
    }

    /// The next chapter (`forward`), or the start of this one or the one before.
    pub(super) fn step_chapter(&mut self, forward: bool) {
        let Some((article, offset)) = self.reading() else {
            return;
        };
        let entries = table_of_contents(&self.library.articles()[article].body);
        let target = if forward {
            next_entry(&entries, offset)
        } else {
            previous_entry(&entries, offset)
        };
        match target {
            Some(target) => self.go_to_offset(target),
            None if entries.is_empty() => self.message = Some("这篇文章没有章节".into()),
            None if forward => self.message = Some("已是最后一章".into()),
            None => self.message = Some("已是第一章".into()),
        }
    }

    /// Puts byte `offset` of the open article at the top of the reader.
    fn go_to_offset(&mut self, offset: usize) {
        let page = self.reader_page();
        if let Some(reader) = &mut self.reader {
            let body = &self.library.articles()[reader.article].body;
            reader.scroll_to_offset(body, offset, page);
        }
    }
}
