//! Writing one row of a frame: from its first changed glyph to its last,
//! in one run where widths are certain, unchanged glyphs written again
//! where that is shorter than a move, trailing blanks erased at once. The
//! columns of a glyph of uncertain width (an emoji) are erased before it is
//! drawn, so a terminal that draws it narrower shows blanks after it, not
//! what was there before.

use std::io::Write;

use ratatui::buffer::{Cell, CellDiffOption};
use ratatui::style::{Color, Modifier};

use super::certain::advance_is_certain;
use super::codes::{Cursor, Pen, move_to, set_pen};
use super::{ERASE_ROW, Screen};
use crate::text::{AmbiguousWidth, grapheme_width};

/// Modifiers that show on a blank cell: such a cell is written, not erased.
const SHOWN_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::CROSSED_OUT)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK);

impl<W: Write> Screen<W> {
    /// Writes the changed cells of row `y`: from its first changed glyph to
    /// its last, in one run where the widths are certain.
    pub(super) fn write_row(&mut self, y: u16) {
        let width = self.next.area.width;
        let start = usize::from(y) * usize::from(width);
        let mut glyphs = std::mem::take(&mut self.glyphs);
        glyphs.clear();
        let mut x = 0;
        while x < width {
            let cell = &self.next.content[start + usize::from(x)];
            let glyph_width = glyph_width(cell).clamp(1, width - x);
            glyphs.push((x, glyph_width));
            x += glyph_width;
        }
        // Where the row's trailing blanks begin.
        let blank_from = glyphs
            .iter()
            .rposition(|&(x, _)| !erasable(&self.next.content[start + usize::from(x)]))
            .map_or(0, |i| i + 1);
        let mut i = (0..glyphs.len())
            .find(|&i| self.is_changed(start, glyphs[i]))
            .unwrap_or(glyphs.len());
        if i < glyphs.len() && self.start_at_margin(&glyphs[..i], y, glyphs[i].0) {
            i = 0;
        }
        let mut force = false;
        while i < glyphs.len() {
            let (x, w) = glyphs[i];
            if !(force || self.is_changed(start, glyphs[i])) {
                let Some(next) = (i + 1..glyphs.len()).find(|&j| self.is_changed(start, glyphs[j])) else {
                    break;
                };
                if self.cursor == (Cursor::At { x, y }) && self.gap_is_shorter(&glyphs[i..next], y, glyphs[next].0) {
                    for &glyph in &glyphs[i..next] {
                        self.write_glyph(glyph, y);
                    }
                }
                i = next;
                continue;
            }
            if i >= blank_from
                && self.erasing_is_shorter(glyphs[i..].iter().filter(|&&g| self.is_changed(start, g)).count(), x, y)
            {
                let pen = Pen::of(&self.next.content[start + usize::from(x)]);
                move_to(&mut self.pending, self.cursor, x, y);
                set_pen(&mut self.pending, self.pen, pen);
                self.pending.extend_from_slice(ERASE_ROW);
                (self.cursor, self.pen) = (Cursor::At { x, y }, Some(pen));
                self.spans[start + usize::from(x)..start + usize::from(width)].fill(1);
                break;
            }
            force = !self.write_glyph((x, w), y);
            i += 1;
        }
        self.glyphs = glyphs;
    }

    /// Whether a glyph of row `start` (the row's first cell) is to be written.
    fn is_changed(&self, start: usize, (x, w): (u16, u16)) -> bool {
        let from = start + usize::from(x);
        self.changed[from..from + usize::from(w)].contains(&true)
    }

    /// Whether writing the unchanged glyphs `gap` (from the cursor) takes
    /// fewer bytes than moving over them to column `to`.
    fn gap_is_shorter(&self, gap: &[(u16, u16)], y: u16, to: u16) -> bool {
        let mut moved = Vec::new();
        move_to(&mut moved, self.cursor, to, y);
        self.gap_bytes(gap, y, moved.len())
            .is_some_and(|bytes| bytes <= moved.len())
    }

    /// The bytes writing the glyphs `gap` of row `y` takes, when no more
    /// than `limit`; `None` past it or across a glyph of uncertain width.
    fn gap_bytes(&self, gap: &[(u16, u16)], y: u16, limit: usize) -> Option<usize> {
        let start = usize::from(y) * usize::from(self.next.area.width);
        let mut bytes = Vec::new();
        let mut pen = self.pen;
        for &(x, w) in gap {
            let cell = &self.next.content[start + usize::from(x)];
            if !advance_is_certain(cell.symbol(), w, self.ambiguous) || is_skipped(cell) || bytes.len() > limit {
                return None;
            }
            set_pen(&mut bytes, pen, Pen::of(cell));
            pen = Some(Pen::of(cell));
            bytes.extend_from_slice(cell.symbol().as_bytes());
        }
        (bytes.len() <= limit).then_some(bytes.len())
    }

    /// Moves to the start of row `y` when that and writing the unchanged
    /// glyphs `before` its first change is shorter than moving to the
    /// change: a line feed and a carriage return, then the margin's blanks.
    fn start_at_margin(&mut self, before: &[(u16, u16)], y: u16, to: u16) -> bool {
        const FEED: &[u8] = b"\n\r";
        let below = matches!(self.cursor, Cursor::At { y: row, .. } | Cursor::OnRow(row) if row + 1 == y);
        if !below || before.is_empty() {
            return false;
        }
        let mut moved = Vec::new();
        move_to(&mut moved, self.cursor, to, y);
        let limit = moved.len().saturating_sub(FEED.len() + 1);
        if self.gap_bytes(before, y, limit).is_none() {
            return false;
        }
        self.pending.extend_from_slice(FEED);
        self.cursor = Cursor::At { x: 0, y };
        true
    }

    /// Whether erasing the rest of row `y` from column `x` is shorter than
    /// writing its `dirty` changed blanks.
    fn erasing_is_shorter(&self, dirty: usize, x: u16, y: u16) -> bool {
        let cell = &self.next.content[usize::from(y) * usize::from(self.next.area.width) + usize::from(x)];
        let mut pen = Vec::new();
        set_pen(&mut pen, self.pen, Pen::of(cell));
        dirty > ERASE_ROW.len() + pen.len()
    }

    /// Writes the frame's glyph at (`x`, `y`); returns whether the
    /// terminal's cursor is now known to be right after it.
    fn write_glyph(&mut self, (x, w): (u16, u16), y: u16) -> bool {
        let width = self.next.area.width;
        let cell = &self.next.content[usize::from(y) * usize::from(width) + usize::from(x)];
        if is_skipped(cell) {
            return true;
        }
        let pen = Pen::of(cell);
        let symbol = cell.symbol();
        // A glyph cut by the right edge, or one of no width, is a blank.
        let natural = glyph_width(cell);
        let (symbol, w) = if symbol.is_empty() || natural == 0 || natural > w {
            (" ", 1)
        } else {
            (symbol, w)
        };
        let certain = advance_is_certain(symbol, w, self.ambiguous);
        move_to(&mut self.pending, self.cursor, x, y);
        set_pen(&mut self.pending, self.pen, pen);
        self.pen = Some(pen);
        if !certain && w > 1 {
            // Blank the glyph's columns first: a terminal that draws it
            // narrower leaves blanks, not what was there before.
            let _ = write!(self.pending, "\x1b[{w}X");
        }
        self.pending.extend_from_slice(symbol.as_bytes());
        self.note_written(x, w, y);
        let end = x + w;
        self.cursor = if certain && end < width {
            Cursor::At { x: end, y }
        } else if end.saturating_add(2) < width {
            Cursor::OnRow(y)
        } else {
            // At the right edge, terminals differ on where the cursor waits.
            Cursor::Unknown
        };
        certain
    }

    /// Records a glyph written at (`x`, `y`), `w` wide. A wide glyph it
    /// overwrote in part leaves the rest of its columns blank in the
    /// terminal, in whatever style it likes: those are written again.
    fn note_written(&mut self, x: u16, w: u16, y: u16) {
        let width = self.next.area.width;
        let start = usize::from(y) * usize::from(width);
        let mut end = x + w;
        for column in x..x + w {
            let old = self.spans[start + usize::from(column)];
            end = end.max((column + old).min(width));
        }
        let at = start + usize::from(x);
        self.spans[at] = w;
        self.spans[at + 1..at + usize::from(w)].fill(0);
        let orphaned = start + usize::from(x + w)..start + usize::from(end);
        self.spans[orphaned.clone()].fill(1);
        self.changed[orphaned].fill(true);
    }
}

/// The width ratatui's buffer gives `cell` (`CellWidth`), measured as the
/// drawing measured it (`grapheme_width`: the characters most Chinese text
/// is made of without a table lookup): a whole screen of cells is measured
/// for each frame written whole.
fn glyph_width(cell: &Cell) -> u16 {
    match cell.diff_option {
        CellDiffOption::ForcedWidth(width) => width.get(),
        _ => grapheme_width(cell.symbol(), AmbiguousWidth::Narrow) as u16,
    }
}

/// A blank that erasing the row leaves as it is meant to look.
fn erasable(cell: &Cell) -> bool {
    cell.symbol() == " " && cell.bg == Color::Reset && !cell.modifier.intersects(SHOWN_ON_BLANK) && !is_skipped(cell)
}

#[allow(deprecated)]
fn is_skipped(cell: &Cell) -> bool {
    cell.diff_option == CellDiffOption::Skip || (cell.skip && cell.diff_option == CellDiffOption::None)
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::{Cell, CellWidth};

    use super::glyph_width;

    /// A cell's width told without measuring is the width ratatui measures.
    #[test]
    fn glyph_widths_are_ratatuis() {
        for c in (0..=0x3FFFF).filter_map(char::from_u32).filter(|c| !c.is_control()) {
            let mut cell = Cell::EMPTY;
            cell.set_char(c);
            assert_eq!(glyph_width(&cell), cell.cell_width(), "{c:?}");
        }
        let mut forced = Cell::new("好");
        forced.diff_option = ratatui::buffer::CellDiffOption::ForcedWidth(std::num::NonZeroU16::MIN);
        assert_eq!(glyph_width(&forced), 1);
    }
}
