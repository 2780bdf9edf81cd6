//! Columns of vertical text set on a page of text: the first column at the
//! right edge, the next to its left, `gap` cells between them. What
//! `yuedu show --vertical` prints; the reader draws the same geometry.

use super::{COLUMN_CELLS, RowPiece};
use crate::text::{AmbiguousWidth, str_width};

/// How many columns a page `width` cells wide holds with `gap` cells
/// between them (at least one).
pub fn columns_per_page(width: usize, gap: usize) -> usize {
    ((width + gap) / (COLUMN_CELLS + gap)).max(1)
}

/// The cell where column `index` of a page `width` cells wide starts,
/// counting columns from the right edge; none when it does not fit.
pub fn column_x(width: usize, gap: usize, index: usize) -> Option<usize> {
    width.checked_sub(COLUMN_CELLS + index * (COLUMN_CELLS + gap))
}

/// A page of `columns` (the first at the right) as `height` lines of
/// text `width` cells wide at most, spaces at their ends left out.
pub fn page_lines(
    columns: &[Vec<RowPiece<'_>>],
    width: usize,
    height: usize,
    gap: usize,
    ambiguous: AmbiguousWidth,
) -> Vec<String> {
    // Each column's pieces are in row order: one cursor per column.
    let mut next = vec![0; columns.len()];
    let mut lines = Vec::with_capacity(height);
    for row in 0..height {
        let mut line = String::new();
        let mut x = 0;
        for (index, column) in columns.iter().enumerate().rev() {
            let Some(start) = column_x(width, gap, index) else {
                continue;
            };
            while let Some(cell) = column.get(next[index]).filter(|cell| cell.row == row) {
                if x < start {
                    line.extend(std::iter::repeat_n(' ', start - x));
                    x = start;
                }
                line.push_str(&cell.piece.text);
                x += str_width(&cell.piece.text, ambiguous);
                next[index] += 1;
            }
        }
        line.truncate(line.trim_end().len());
        lines.push(line);
    }
    lines
}
