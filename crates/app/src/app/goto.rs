//! Jumps as in less: a count typed before a command (`50%`, `120G`), a
//! percentage of the article and a line number. Both are jumps: the place
//! left is kept for `` ` `` and the landing is not reading until the reader
//! reads on.

use super::{App, Pane, Reader};
use crate::i18n::{Text, text, tr};
use crate::keymap::{Command, Key, KeyCode, Scope};
use crate::library::Body;

/// The longest count kept: more digits are ignored.
const MAX_COUNT: usize = 1_000_000_000;

impl App {
    /// Takes a digit typed in the reader (where no binding claims it) into
    /// the count; says on the status line what the count is for.
    pub(super) fn count_digit(&mut self, context: Scope, key: Key) -> bool {
        let KeyCode::Char(c) = key.code else {
            return false;
        };
        let Some(digit) = c.to_digit(10) else {
            return false;
        };
        if key.ctrl || key.alt || context != Scope::Reader || self.overlay.is_some() {
            return false;
        }
        let count = self.count.unwrap_or(0);
        self.count = Some(if count >= MAX_COUNT {
            count
        } else {
            count * 10 + digit as usize
        });
        let count = self.count.unwrap_or(0);
        let said = Text::build(|lang| {
            let percent = tr!(lang, en: "percent", hans: "百分比", hant: "百分比");
            let line = tr!(lang, en: "line", hans: "行", hant: "行");
            let hints = self.keymap.hints(
                Scope::Reader,
                &[(Command::JumpPercent, &percent), (Command::Bottom, &line)],
            );
            format!("{count}  {hints}")
        });
        self.say(said);
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
        self.jump_to(Target::Percent(percent.min(100)));
    }

    /// Puts line `number` (from 1, as the status line counts) on top.
    pub(super) fn jump_to_line(&mut self, number: usize) {
        self.jump_to(Target::Line(number));
    }

    /// Moves in the open article as a jump: the place left is saved and
    /// kept for `` ` ``. While only the first part of a large file is read,
    /// the jump waits for the whole article (`arrived`): a share or line
    /// of the first part is not that of the article.
    pub(super) fn jump_to(&mut self, target: Target) {
        if self.focus != Pane::Reader {
            return;
        }
        let Some(reader) = &self.reader else { return };
        if target.needs_whole() && self.library.awaits_whole(reader.article) {
            self.waiting = Some(Waiting::Jump(target));
            self.say(text!(
                en: "reading the whole text: the jump follows once it is read",
                hans: "正在读入全文，读完即跳到该处",
                hant: "正在讀入全文，讀完即跳到該處",
            ));
            return;
        }
        self.waiting = None;
        let back = Some((reader.article, reader.offset()));
        let before = reader.position();
        // Positions count the lines laid out: they compare while the same
        // first line is, not once the text far away is laid out anew.
        let first = reader.layout.offset_of_line(0);
        self.leave_article();
        let page = self.reader_page();
        let Some(reader) = &mut self.reader else { return };
        target.go(reader, &self.library[reader.article].body, page);
        // The end within the next page is reached as by paging: read on, not a jump.
        let same_lines = reader.layout.offset_of_line(0) == first;
        if target == Target::End && same_lines && reader.position() - before <= page as i128 {
            return;
        }
        self.jump_end(back);
    }

    /// After the whole article of a file shown from its first part took its
    /// place: the place asked for meanwhile (a saved position past the first
    /// part, or a jump) is shown now.
    pub(super) fn arrived(&mut self, article: crate::library::ArticleId) {
        let Some(waiting) = self.waiting.take() else { return };
        if self.reader.as_ref().is_none_or(|r| r.article != article) {
            return;
        }
        match waiting {
            Waiting::Place(offset) => {
                let page = self.reader_page();
                if let Some(reader) = &mut self.reader {
                    Target::Offset(offset).go(reader, &self.library[article].body, page);
                }
            }
            Waiting::Jump(target) => {
                let focus = std::mem::replace(&mut self.focus, Pane::Reader);
                self.jump_to(target);
                self.focus = focus;
            }
        }
    }
}

/// Where a jump in the open article goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// A share of the text, in percent.
    Percent(usize),
    /// A line number, from 1.
    Line(usize),
    /// The end of the text (`G`).
    End,
    /// A byte offset of the text (`g` is 0).
    Offset(usize),
}

impl Target {
    /// Whether the target is known only in the whole article: offsets of
    /// the first part of a large file are those of the whole.
    fn needs_whole(self) -> bool {
        matches!(self, Target::Percent(_) | Target::Line(_) | Target::End)
    }

    fn go(self, reader: &mut Reader, body: &Body, page: usize) {
        match self {
            Target::Percent(percent) => {
                let end = crate::present::text_end(body);
                // Rounded up, so that the status line then says `percent`.
                let offset = body.text.ceil_char_boundary((end * percent).div_ceil(100));
                reader.scroll_to_offset(body, offset, page);
            }
            Target::Line(number) => reader.scroll_to_line(body, number.saturating_sub(1), page),
            Target::End => reader.scroll_to_offset(body, body.text.len(), page),
            Target::Offset(offset) => reader.scroll_to_offset(body, offset.min(body.text.len()), page),
        }
    }
}

/// What the reader waits for the whole article to show, while only the
/// first part of a large file is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Waiting {
    /// The place it was opened at (a saved position), past the first part.
    Place(usize),
    /// A jump asked for.
    Jump(Target),
}

#[cfg(test)]
mod tests;
