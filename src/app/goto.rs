//! Jumps as in less: a count typed before a command (`50%`, `120G`), a
//! percentage of the article and a line number. Both are jumps: the place
//! left is kept for `` ` `` and the landing is not reading until the reader
//! reads on.

use super::{App, Pane, Reader};
use crate::keymap::{Command, Context, Key, KeyCode};
use crate::library::Body;

/// The longest count kept: more digits are ignored.
const MAX_COUNT: usize = 1_000_000_000;

impl App {
    /// Takes a digit typed in the reader (where no binding claims it) into
    /// the count; says on the status line what the count is for.
    pub(super) fn count_digit(&mut self, context: Context, key: Key) -> bool {
        let KeyCode::Char(c) = key.code else {
            return false;
        };
        let Some(digit) = c.to_digit(10) else {
            return false;
        };
        if key.ctrl || key.alt || context != Context::Reader || self.overlay.is_some() {
            return false;
        }
        let count = self.count.unwrap_or(0);
        self.count = Some(if count >= MAX_COUNT {
            count
        } else {
            count * 10 + digit as usize
        });
        let hints = self.keymap.hints(
            Context::Reader,
            &[(Command::JumpPercent, "百分比"), (Command::Bottom, "行")],
        );
        self.message = Some(format!("{}  {hints}", self.count.unwrap_or(0)));
        true
    }

    /// Runs a command that takes a count; false for one that does not (or
    /// no count), which then runs as usual.
    pub(super) fn run_counted(&mut self, command: Command, count: Option<usize>) -> bool {
        let Some(count) = count else {
            return false;
        };
        match command {
            Command::JumpPercent => self.jump_to_percent(count),
            Command::Top | Command::Bottom => self.jump_to_line(count),
            Command::LineDown => self.move_by(count.min(isize::MAX as usize) as isize),
            Command::LineUp => self.move_by(-(count.min(isize::MAX as usize) as isize)),
            _ => return false,
        }
        true
    }

    /// Puts the place `percent` of the way through the text (by bytes, as
    /// the status line measures) on top.
    pub(super) fn jump_to_percent(&mut self, percent: usize) {
        let percent = percent.min(100);
        self.jump_in_article(|reader, body, page| {
            let end = crate::present::text_end(body);
            // Rounded up, so that the status line then says `percent`.
            let offset = (end * percent).div_ceil(100).min(body.text.len());
            let offset = (offset..=body.text.len())
                .find(|&i| body.text.is_char_boundary(i))
                .unwrap_or(body.text.len());
            reader.scroll_to_offset(body, offset, page);
        });
    }

    /// Puts line `number` (from 1, as the status line counts) on top.
    pub(super) fn jump_to_line(&mut self, number: usize) {
        self.jump_in_article(|reader, body, page| reader.scroll_to_line(body, number.saturating_sub(1), page));
    }

    /// Moves in the open article as a jump: the place left is saved and
    /// kept for `` ` ``.
    pub(super) fn jump_in_article(&mut self, go: impl FnOnce(&mut Reader, &Body, usize)) {
        if self.focus != Pane::Reader {
            return;
        }
        let Some(reader) = &self.reader else { return };
        let back = Some((self.state_key(reader.article).to_string(), reader.offset()));
        self.leave_article();
        let page = self.reader_page();
        if let Some(reader) = &mut self.reader {
            go(reader, &self.library.articles()[reader.article].body, page);
        }
        self.jump_end(back);
    }
}

#[cfg(test)]
mod tests;
