//! The open article: its layout for the current column width, the line at
//! the top of the screen and the anchor, the reader's place.
//!
//! The anchor is the place read: a byte offset in the text, with the blank
//! rows and head rows shown above it. It is what the status line's share,
//! bookmarks and saved positions measure, and only the reader's moves set
//! it: scrolling, paging and jumps move `top` and set the anchor to the
//! text then at the top. Everything else only shows it (`fit`): a new width
//! or height, the whole text of a file shown from its first part, or a saved
//! place being opened lays the text out around the anchor and puts its line
//! on top, then clamps the page for display (an article that fits shows
//! whole, the last page of a book stays full), and that clamping never
//! moves the anchor. So any number of resizes never drifts, and the place
//! comes back exactly when the window does. Views that show the text
//! differently (another layout of the same body) share this anchor: a byte
//! offset, valid for any layout.
//!
//! A long article is laid out around the anchor only (`Layout::around`), so
//! opening and resizing cost the same whatever its length; scrolling lays out
//! the blocks it moves into on the spot, and a jump far away lays out around
//! the new place instead. `top` indexes the lines laid out, which are line
//! numbers once the layout is complete.
//!
//! The article's head (title, metadata, a blank row) stands above its first
//! line and the end mark with the next article's title below its last, and
//! both scroll with the text: the rows on screen are `rows`, counted from
//! `position`, which is negative while head rows show.
//!
//! `scroll` moves the top: by rows, to a line, to an offset, to a hit.

use std::ops::Range;

use crate::layout::{Layout, LayoutSettings, LineKind, Mark};
use crate::library::Body;

mod scroll;

/// Articles shorter than this are laid out whole (a millisecond or two);
/// longer ones around the place shown, and the rest while no key waits
/// (`App::lay_out_idle`).
const WHOLE_BELOW_BYTES: usize = 64 * 1024;

/// Text laid out on each side of the place shown when an article is laid
/// out anew (resized, read whole): more than a page of a wide window (35
/// rows of 40 汉字 are 4 KB), so a frame waits for little more than what
/// it shows; a taller page lays out more as it shows it. Opening lays out
/// only what the page shows.
const AROUND_BYTES: usize = 8 * 1024;

/// Text laid out in one slice of idle time: a few milliseconds of work, so
/// a key pressed meanwhile waits no longer than that.
const IDLE_SLICE_BYTES: usize = 128 * 1024;

/// Rows above the article's first line: its title, its metadata, a blank row.
pub const HEAD_ROWS: usize = 3;
/// Rows after its last line: a blank row, the end mark, the next article.
pub const TAIL_ROWS: usize = 3;

/// What one row of the reader shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Row {
    Title,
    Meta,
    Blank,
    /// Line `index` of the layout.
    Line(usize),
    /// The end mark after the last line.
    End,
    /// The next article's title, or that there is none.
    Next,
}

#[derive(Clone, Debug)]
pub struct Reader {
    /// Index of the article in the library.
    pub article: crate::library::ArticleId,
    pub layout: Layout,
    /// Index of the first line of text shown, in `layout`.
    pub top: usize,
    /// Head rows shown above line `top` (only above the first line).
    head: usize,
    /// The reader's place (see the module's documentation).
    anchor: Anchor,
    /// Where the article's text ends, for percentages.
    end: usize,
    /// Search hits in the body (byte ranges, in order) and the one the reader is on.
    pub hits: Vec<Range<usize>>,
    pub current_hit: Option<usize>,
    /// Only the first part of the text is here, the whole still to come:
    /// laid out around the place only, however short (`open_part`).
    part: bool,
}

/// The reader's place: set by the reader's moves only, kept through any
/// change of layout or page, and shown by `Reader::fit`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Anchor {
    /// A byte offset of the text, on a character boundary: the reading
    /// position, the same in every layout of the text.
    offset: usize,
    /// Blank rows (the gap before a paragraph) on top above its line.
    blank: usize,
    /// Head rows (title, metadata) shown above the article's first line.
    head: usize,
}

impl Anchor {
    fn at(offset: usize) -> Anchor {
        Anchor {
            offset,
            blank: 0,
            head: 0,
        }
    }
}

/// The whole article if it is short and all there, else the blocks around
/// `offset`, with about `around` bytes of text on each side of it.
fn lay_out(body: &Body, settings: LayoutSettings, offset: usize, part: bool, around: usize) -> Layout {
    if !part && body.text.len() < WHOLE_BELOW_BYTES {
        Layout::new(body, settings)
    } else {
        Layout::around(body, settings, offset, around)
    }
}

impl Reader {
    /// Opens an article with `offset` (a byte offset in its body; one past
    /// its text is taken as its end) as the place read. Call `fit` once the
    /// page height is known.
    pub fn open(article: crate::library::ArticleId, body: &Body, settings: LayoutSettings, offset: usize) -> Reader {
        Reader::open_with(article, body, settings, offset, false)
    }

    /// `open`, for the first part of an article whose whole text is still
    /// to come (`Library::awaits_whole`): laid out around the place only,
    /// however short (its line count is not the article's), so the first
    /// frame waits for little more than it shows; `reload` brings the whole.
    pub fn open_part(
        article: crate::library::ArticleId,
        body: &Body,
        settings: LayoutSettings,
        offset: usize,
    ) -> Reader {
        Reader::open_with(article, body, settings, offset, true)
    }

    fn open_with(
        article: crate::library::ArticleId,
        body: &Body,
        settings: LayoutSettings,
        offset: usize,
        part: bool,
    ) -> Reader {
        let offset = body.text.floor_char_boundary(offset);
        // Only the block at the place: `fit` lays out what the page then
        // shows, so the first frame of a long article waits for no more.
        let layout = lay_out(body, settings, offset, part, 0);
        let top = layout.line_at_offset(offset);
        let head = if layout.at_start() && top == 0 && offset <= layout.offset_of_line(0) {
            HEAD_ROWS
        } else {
            0
        };
        Reader {
            article,
            layout,
            top,
            head,
            anchor: Anchor {
                head,
                ..Anchor::at(offset)
            },
            end: crate::present::text_end(body),
            hits: Vec::new(),
            current_hit: None,
            part,
        }
    }

    /// The reading position: the anchor's byte offset, the same across
    /// re-layouts, new page heights and clamping until the reader moves.
    pub fn offset(&self) -> usize {
        self.anchor.offset
    }

    fn is_blank(&self, index: usize) -> bool {
        self.layout.line(index).is_some_and(|l| l.kind == LineKind::Blank)
    }

    /// Sets the anchor to the text at the top of the page, after a move. A
    /// blank line on top has no text of its own: the line after it counts,
    /// and the blank rows above it are kept with the anchor.
    fn anchor_on_top(&mut self) {
        let first_text = (self.top..self.layout.len())
            .find(|&i| !self.is_blank(i))
            .unwrap_or(self.top);
        self.anchor = Anchor {
            offset: self.layout.offset_of_line(first_text),
            blank: first_text - self.top,
            head: self.head,
        };
    }

    /// Shows the anchor on a page `page` rows high with `settings` (the
    /// text laid out again if they changed): see `fit`.
    pub fn relayout(&mut self, body: &Body, settings: LayoutSettings, page: usize) {
        if self.layout.settings() != settings {
            self.layout = lay_out(body, settings, self.anchor.offset, self.part, AROUND_BYTES);
        }
        self.fit(body, page);
    }

    /// Shows the anchor: its line on top (with the blank and head rows it
    /// had above it), the page then clamped between the article's head and
    /// tail for display. The anchor itself never moves here, however far
    /// the clamping takes the page from it: only the reader's moves set it.
    pub fn fit(&mut self, body: &Body, page: usize) {
        self.lay_out_at(body, self.anchor.offset);
        let mut top = self.layout.line_at_offset(self.anchor.offset);
        for _ in 0..self.anchor.blank {
            if top == 0 || !self.is_blank(top - 1) {
                break;
            }
            top -= 1;
        }
        self.top = top;
        self.head = if top == 0 && self.layout.at_start() {
            self.anchor.head
        } else {
            0
        };
        self.show(body, self.position(), page);
    }

    /// Lays out about `bytes` more of the article, after what is laid out,
    /// else before it, keeping the same line on top: true while some of it
    /// is not laid out. The lines are those of a full layout, so once it is
    /// complete the line count and line numbers are known.
    pub fn lay_out_more(&mut self, body: &Body, bytes: usize) -> bool {
        if !self.layout.extend_down(body, bytes) {
            self.top += self.layout.extend_up(body, bytes);
        }
        !self.layout.is_complete()
    }

    /// Lays out `body`, the whole text of an article that was shown from a
    /// prefix of it (`library::parse_prefix`), with the line holding the
    /// anchor on top. The prefix is the start of the whole text, so the
    /// anchor (and any saved position past the prefix) means the same place;
    /// if the whole text turned out not to hold the prefix unchanged, the
    /// anchor is kept as far as it falls on a character.
    pub fn reload(&mut self, body: &Body, page: usize) {
        self.anchor.offset = body.text.floor_char_boundary(self.anchor.offset);
        self.end = crate::present::text_end(body);
        self.part = false;
        self.layout = lay_out(body, self.layout.settings(), self.anchor.offset, false, AROUND_BYTES);
        self.fit(body, page);
    }

    /// The row on top, counted from the first line laid out: negative while
    /// head rows show.
    pub fn position(&self) -> i128 {
        self.top as i128 - self.head as i128
    }

    /// The first possible `position`: the head's first row at the start of
    /// the article, else the first line laid out.
    fn min_position(&self) -> i128 {
        if self.layout.at_start() {
            -(HEAD_ROWS as i128)
        } else {
            0
        }
    }

    /// The last useful `position` of what is laid out: at the end of the
    /// article its tail sits at the bottom of the page, and a line of text
    /// stays on top.
    fn max_position(&self, page: usize) -> i128 {
        let len = self.layout.len() as i128;
        let tail = if self.layout.at_end() { TAIL_ROWS as i128 } else { 0 };
        (len + tail - page.max(1) as i128).min(len - 1)
    }

    /// What row `index` of the page shows; none past the end.
    fn row(&self, index: i128) -> Option<Row> {
        let len = self.layout.len() as i128;
        match index {
            ..0 => Some(match index + HEAD_ROWS as i128 {
                0 => Row::Title,
                1 => Row::Meta,
                _ => Row::Blank,
            }),
            i if i < len => usize::try_from(i).ok().map(Row::Line),
            _ if !self.layout.at_end() => None,
            i => match i - len {
                0 => Some(Row::Blank),
                1 => Some(Row::End),
                2 => Some(Row::Next),
                _ => None,
            },
        }
    }

    /// The rows of a page `page` rows high, top to bottom.
    pub fn rows(&self, page: usize) -> impl Iterator<Item = Row> + '_ {
        let start = self.position();
        (0..page as i128).map_while(move |r| self.row(start + r))
    }

    /// Whether the page shows the very end: the end mark and what follows.
    pub fn at_bottom(&self, page: usize) -> bool {
        self.layout.at_end() && self.position() >= self.max_position(page)
    }

    /// Hits that touch lines `first..first + count`, marked for drawing.
    pub fn visible_marks(&self, first: usize, count: usize) -> Vec<(Range<usize>, Mark)> {
        let Some(start) = self.layout.line(first).map(|l| l.range.start) else {
            return Vec::new();
        };
        let last = (first + count).min(self.layout.len()).saturating_sub(1);
        let end = self.layout.line(last).map_or(start, |l| l.range.end);
        let from = self.hits.partition_point(|h| h.end <= start);
        self.hits[from..]
            .iter()
            .enumerate()
            .take_while(|(_, h)| h.start < end)
            .map(|(i, h)| {
                let mark = if self.current_hit == Some(from + i) {
                    Mark::Current
                } else {
                    Mark::Hit
                };
                (h.clone(), mark)
            })
            .collect()
    }

    /// How far through the article the reader is, 0–100: the share of the
    /// text before the reading position, whatever the window size.
    pub fn percent(&self) -> usize {
        crate::present::share_before(self.anchor.offset, self.end).into()
    }

    /// Whether the last line is on screen.
    pub fn at_end(&self, page: usize) -> bool {
        self.layout.at_end() && self.position() + page.max(1) as i128 >= self.layout.len() as i128
    }

    /// The number of the line at the top of the screen (counted from 1, the
    /// first line of text while the title is on top) and the article's line
    /// count, once every line is laid out: `120G` puts line 120 on top and
    /// the status line then says 120.
    pub fn line_numbers(&self) -> Option<(usize, usize)> {
        let len = self.layout.len();
        self.layout.is_complete().then_some((self.top_line().min(len), len))
    }

    /// The number of the line at the top of the screen, from 1.
    pub fn top_line(&self) -> usize {
        usize::try_from(self.position().max(0) + 1).unwrap_or(1)
    }

    /// The rows of the thumb on a scrollbar `height` rows high, or `None`
    /// when the article fits on the page. Before the article is laid out
    /// whole, its line count is estimated from the lines laid out so far.
    pub fn scrollbar(&self, height: usize, page: usize) -> Option<Range<usize>> {
        let len = self.layout.len();
        if height == 0 || len == 0 {
            return None;
        }
        let (total, position, span) = if self.layout.is_complete() {
            let rows = |position: i128| usize::try_from(position + HEAD_ROWS as i128).unwrap_or(0);
            (
                len + HEAD_ROWS + TAIL_ROWS,
                rows(self.position()),
                rows(self.max_position(page)).max(1),
            )
        } else {
            let first = self.layout.offset_of_line(0);
            let last = self.layout.line(len - 1).map_or(first, |l| l.range.end);
            let bytes_per_line = (last.saturating_sub(first) / len).max(1);
            (self.end / bytes_per_line, self.anchor.offset, self.end.max(1))
        };
        if total <= page {
            return None;
        }
        let thumb = (height * page / total).clamp(1, height);
        let start = (height - thumb) * position.min(span) / span;
        Some(start..start + thumb)
    }
}

impl super::App {
    /// Whether the open article is not laid out whole yet: the event loop
    /// lays out more of it (`lay_out_idle`) while no input waits, and never
    /// once it is.
    pub fn has_idle_work(&self) -> bool {
        self.reader.as_ref().is_some_and(|r| !r.layout.is_complete())
    }

    /// Lays out one slice more of the open article (a resize or a far jump
    /// starts again from the new layout): true while some remains.
    pub fn lay_out_idle(&mut self) -> bool {
        let Some(reader) = self.reader.as_mut() else {
            return false;
        };
        let Some(article) = self.library.articles().get(reader.article) else {
            return false;
        };
        reader.lay_out_more(&article.body, IDLE_SLICE_BYTES)
    }
}

#[cfg(test)]
mod tests;
