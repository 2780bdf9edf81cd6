//! CJK-aware layout: an article's blocks become lines of a given width, once
//! per (article, settings), all at once or the blocks around a place first
//! and more on demand. Each line knows the byte range of the body text it
//! shows, so search hits and reading positions map to lines and back.
//! Pure: no terminal here; `blocks` lays out a run of blocks, `spans` says
//! how to draw a line. Vertical text (`vertical`, 竖排) is laid out by the
//! same machinery: its "lines" are columns, read right to left, and its
//! measure is the column's length in rows.
//!
//! # Design
//!
//! CJK line breaking (`breaks`: UAX #14 plus clreq rules), first-fit wrapping per block (`wrap`,
//! over graphemes or any units of a size), a run of blocks laid out with each block's prefix
//! (indent, list marker, quote, the hang of a wrapped line of verse) and the blank lines between
//! blocks (`blocks`), `settings`: `ReadingSettings` (the one settings type from `[reading]` to
//! layout; its defaults only in `config/default.toml`) and the `LayoutSettings` of one layout
//! (measure, `Direction`), the `Layout` of an article for one set of settings (whole, or a run of
//! blocks around a byte offset that grows at either end on demand; lines kept as 16-byte offsets),
//! the styled pieces of a line (`spans`), and `vertical` (竖排: the same `Layout` whose lines are
//! columns and whose measure is rows; `units`, a row per character, one or two half-width
//! characters side by side; `forms`, punctuation in its vertical forms; the rows of a column as
//! `RowPiece`s; `page`, columns set right to left on a page of text). The reader keeps one `Reader`
//! for both directions: in vertical text its rows are columns (`App::reader_page` counts the
//! columns that fit, `App::layout_settings` makes the column as long as the block of columns is
//! high, `geometry::vertical_block`), so every move, jump, hit and the anchor work unchanged, and
//! `ui::vertical` draws them

mod blocks;
mod breaks;
mod configured;
mod settings;
mod spans;
pub mod vertical;
mod wrap;

use std::collections::VecDeque;
use std::ops::Range;

use crate::library::Body;
use blocks::{Prefix, lay_out_blocks};
pub use configured::reading_settings;
pub use settings::{Direction, LayoutSettings, ReadingSettings, column_width};
pub use spans::{Mark, Piece, Role};
pub use vertical::RowPiece;

/// The first-line indent: two ideographic spaces, four columns.
pub const INDENT: &str = "\u{3000}\u{3000}";
/// The narrowest layout; a wide character needs two columns.
pub const MIN_WIDTH: usize = 2;
/// Articles from this size on are laid out on all cores.
const PARALLEL_FROM_BYTES: usize = 1 << 20;

/// What a line of the layout is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineKind {
    /// The first line of a block (takes the indent or list marker).
    First,
    /// A later line of a block.
    Continuation,
    /// The blank line between two blocks.
    Blank,
}

/// One laid-out line: a byte range of the body text and its block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    pub range: Range<usize>,
    pub block: usize,
    pub kind: LineKind,
}

/// A line as the layout keeps it: offsets only, 16 bytes, no allocation.
/// Bodies are read from files of at most 64 MiB, so `u32` offsets suffice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Packed {
    start: u32,
    end: u32,
    block: u32,
    kind: LineKind,
}

impl Packed {
    fn of(range: Range<usize>, block: usize, kind: LineKind) -> Packed {
        let narrow = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Packed {
            start: narrow(range.start),
            end: narrow(range.end),
            block: narrow(block),
            kind,
        }
    }

    fn start(self) -> usize {
        self.start as usize
    }

    fn unpack(self) -> Line {
        Line {
            range: self.start as usize..self.end as usize,
            block: self.block as usize,
            kind: self.kind,
        }
    }
}

/// An article laid out for one set of settings: all of it (`new`), or a run
/// of whole blocks around a place (`around`) that grows at either end on
/// demand (`extend_down`, `extend_up`). Blocks lay out independently, so the
/// lines of a run are exactly the lines a full layout has for those blocks;
/// line indices count from the first block of the run.
#[derive(Clone, Debug)]
pub struct Layout {
    settings: LayoutSettings,
    /// The blocks laid out, a contiguous run.
    blocks: Range<usize>,
    /// How many blocks the body has.
    body_blocks: usize,
    lines: VecDeque<Packed>,
}

/// How much text a far jump lays out on each side of its target, and each
/// extension for one adds: about a screen of 40 汉字 lines 130 times over,
/// under a millisecond of work. A page being shown is filled in smaller
/// steps (the reader's `fill_bytes`).
pub const EXTEND_BYTES: usize = 16 * 1024;

impl Layout {
    /// The whole article.
    pub fn new(body: &Body, settings: LayoutSettings) -> Layout {
        let settings = clamp_width(settings);
        let blocks = body.blocks.len();
        // Blocks lay out independently: a book-length article uses every core.
        let lines = if body.text.len() < PARALLEL_FROM_BYTES || crate::parallel::threads() < 2 || blocks < 2 {
            lay_out_blocks(body, settings, 0..blocks)
        } else {
            let parts = crate::parallel::map_chunks(&body.blocks, 1, |start, part| {
                lay_out_blocks(body, settings, start..start + part.len())
            });
            if parts.iter().all(Option::is_some) {
                parts.into_iter().flatten().flatten().collect()
            } else {
                // A piece failed: lay it all out here, as a short article
                // would be, so no line ever goes missing.
                lay_out_blocks(body, settings, 0..blocks)
            }
        };
        Layout {
            settings,
            blocks: 0..blocks,
            body_blocks: blocks,
            lines: lines.into(),
        }
    }

    /// The blocks holding `offset` and about `bytes` of text on each side of it.
    pub fn around(body: &Body, settings: LayoutSettings, offset: usize, bytes: usize) -> Layout {
        let settings = clamp_width(settings);
        let block = block_at(body, offset);
        let end = (block + 1).min(body.blocks.len());
        let mut layout = Layout {
            settings,
            blocks: block..end,
            body_blocks: body.blocks.len(),
            lines: lay_out_blocks(body, settings, block..end).into(),
        };
        let before = offset.saturating_sub(body.blocks.get(block).map_or(0, |b| b.range().start));
        let after = body
            .blocks
            .get(block)
            .map_or(0, |b| b.range().end.saturating_sub(offset));
        if after < bytes {
            layout.extend_down(body, bytes - after);
        }
        if before < bytes {
            layout.extend_up(body, bytes - before);
        }
        layout
    }

    /// Lays out the next blocks, about `bytes` of text (at least one block).
    /// Returns false at the end of the article.
    pub fn extend_down(&mut self, body: &Body, bytes: usize) -> bool {
        let start = self.blocks.end;
        if start >= self.body_blocks {
            return false;
        }
        let mut end = start;
        let mut taken = 0;
        while end < self.body_blocks && (end == start || taken < bytes) {
            taken += body.blocks[end].range().len();
            end += 1;
        }
        self.lines.extend(lay_out_blocks(body, self.settings, start..end));
        self.blocks.end = end;
        true
    }

    /// Lays out the blocks before the run, about `bytes` of text (at least
    /// one block). Returns how many lines came before the old first line (0
    /// at the start of the article): every line index moves on by that much.
    pub fn extend_up(&mut self, body: &Body, bytes: usize) -> usize {
        let end = self.blocks.start;
        if end == 0 {
            return 0;
        }
        let mut start = end;
        let mut taken = 0;
        while start > 0 && (start == end || taken < bytes) {
            start -= 1;
            taken += body.blocks[start].range().len();
        }
        let lines = lay_out_blocks(body, self.settings, start..end);
        let added = lines.len();
        for line in lines.into_iter().rev() {
            self.lines.push_front(line);
        }
        self.blocks.start = start;
        added
    }

    pub fn settings(&self) -> LayoutSettings {
        self.settings
    }

    /// Whether the first line is the article's first line.
    pub fn at_start(&self) -> bool {
        self.blocks.start == 0
    }

    /// Whether the last line is the article's last line.
    pub fn at_end(&self) -> bool {
        self.blocks.end >= self.body_blocks
    }

    /// Whether every line of the article is laid out, so that line indices
    /// are line numbers and `len` is the article's line count.
    pub fn is_complete(&self) -> bool {
        self.at_start() && self.at_end()
    }

    /// Whether byte `offset` of the body falls in the laid-out blocks (or in
    /// the separator after the last of them, short of the next block).
    pub fn covers(&self, body: &Body, offset: usize) -> bool {
        let from = if self.at_start() {
            0
        } else {
            body.blocks
                .get(self.blocks.start)
                .map_or(usize::MAX, |b| b.range().start)
        };
        let to = body.blocks.get(self.blocks.end).map_or(usize::MAX, |b| b.range().start);
        from <= offset && offset < to
    }

    /// The line at `index`, if it is laid out.
    pub fn line(&self, index: usize) -> Option<Line> {
        self.lines.get(index).map(|line| line.unpack())
    }

    /// The laid-out lines, in order.
    pub fn lines(&self) -> impl ExactSizeIterator<Item = Line> + '_ {
        self.lines.iter().map(|line| line.unpack())
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The line showing byte `offset` of the body (the last line starting at
    /// or before it; the first or last line for an offset outside the run).
    pub fn line_at_offset(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|line| line.start() <= offset)
            .saturating_sub(1)
    }

    /// The byte offset where line `index` starts (clamped to the last line).
    pub fn offset_of_line(&self, index: usize) -> usize {
        self.lines
            .get(index.min(self.lines.len().saturating_sub(1)))
            .map_or(0, |line| line.start())
    }

    /// What to draw for line `index`, with search hits marked.
    pub fn pieces<'a>(&self, body: &'a Body, index: usize, marks: &[(Range<usize>, Mark)]) -> Vec<Piece<'a>> {
        match self.line(index) {
            Some(line) => spans::pieces(
                body,
                &line,
                self.settings.width,
                Prefix::of(&body.blocks[line.block], self.settings),
                marks,
            ),
            None => Vec::new(),
        }
    }

    /// Line `index` as plain text, prefixes included.
    pub fn plain_line(&self, body: &Body, index: usize) -> String {
        self.pieces(body, index, &[]).iter().map(|p| p.text.as_ref()).collect()
    }

    /// What to draw for column `index` of vertical text, row by row, with
    /// search hits marked (`pieces` for horizontal text).
    pub fn column<'a>(&self, body: &'a Body, index: usize, marks: &[(Range<usize>, Mark)]) -> Vec<RowPiece<'a>> {
        match self.line(index) {
            Some(line) => vertical::column(
                body,
                &line,
                self.settings,
                Prefix::of(&body.blocks[line.block], self.settings),
                marks,
            ),
            None => Vec::new(),
        }
    }
}

fn clamp_width(settings: LayoutSettings) -> LayoutSettings {
    LayoutSettings {
        width: settings.width.max(MIN_WIDTH),
        ..settings
    }
}

/// The block holding byte `offset` (the last one starting at or before it).
fn block_at(body: &Body, offset: usize) -> usize {
    body.blocks
        .partition_point(|b| b.range().start <= offset)
        .saturating_sub(1)
}

#[cfg(test)]
mod tests;
