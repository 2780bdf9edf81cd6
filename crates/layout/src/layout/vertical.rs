//! 竖排: vertical text, set by the Chinese rules as far as a terminal can
//! show them. Columns run top to bottom and are read right to left; each
//! is two cells wide and its rows hold one character each, upright
//! (`units`: a run of one or two half-width characters shares a row,
//! 縱中橫), with punctuation in its vertical form (`forms`, GB/T 15834
//! §5.2). A column is a line of the `Layout` whose measure is the column's
//! length in rows, wrapped by the same first-fit wrapper and the same
//! line-breaking rules (`breaks`, clreq) as horizontal text: no column
//! starts with a closing or pause mark or ends with an opening one, and
//! —— and …… never split. A paragraph's first column is indented two rows;
//! a heading has columns of its own; paragraph spacing is an empty column.
//! `page` sets columns on a page of text, as `yuedu show --vertical` prints.

mod forms;
mod page;
mod units;

use std::ops::Range;

pub use forms::{vertical_form, vertical_grapheme};
pub use page::{column_x, columns_per_page, page_lines};
pub(crate) use units::units;
pub use units::{COLUMN_CELLS, rows_of, vertical_width};

use super::blocks::{Prefix, PrefixKind};
use super::spans::{Mark, Piece, Role, push_text, role_of};
use super::wrap::{Columns, wrap_units};
use super::{LayoutSettings, Line, LineKind, MIN_WIDTH};
use crate::library::{Block, BlockKind, Body};
use crate::text::AmbiguousWidth;

/// Rows the first column of a paragraph is indented by (two characters).
const INDENT_ROWS: usize = 2;
/// Rows the rest of a wrapped line of verse hangs by (one character).
const HANG_ROWS: usize = 1;
/// Below this column length the indent would eat the column; it is left out.
const MIN_ROWS_FOR_INDENT: usize = 6;

/// A piece of what one row of a column shows. The pieces of a row follow
/// each other from the column's left cell and never take more than its two
/// cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowPiece<'a> {
    /// The row, from the top of the column.
    pub row: usize,
    pub piece: Piece<'a>,
}

/// The columns of one block's text, as byte ranges of `text`.
pub(super) fn wrap_column(text: &str, rows: Columns, ambiguous: AmbiguousWidth) -> Vec<Range<usize>> {
    wrap_units(text, rows, units(text, 0..text.len(), ambiguous).into_iter())
}

/// What stands above the text of a block's columns, in rows: the indent of
/// a paragraph's first column, a list marker with the rows under it kept
/// free in later columns, the lowering of a quotation (引文低两格), the
/// hang of a wrapped line of verse.
pub(super) fn prefix(block: &Block, settings: LayoutSettings) -> Prefix {
    let depth = usize::from(block.depth());
    let (kind, first, rest) = match &block.kind {
        BlockKind::Paragraph if settings.indent && settings.width >= MIN_ROWS_FOR_INDENT => {
            (PrefixKind::Indent, INDENT_ROWS, 0)
        }
        BlockKind::ListItem { marker: Some(marker) } => {
            let marker = marker.to_string();
            let hanging = depth + rows_of(&marker, settings.ambiguous).len() + 1;
            (PrefixKind::ListMarker(marker), hanging, hanging)
        }
        BlockKind::ListItem { marker: None } => (PrefixKind::Hanging, depth + 2, depth + 2),
        BlockKind::Quote => (PrefixKind::Quote, depth + 2, depth + 2),
        // A line of verse that wraps hangs its rest one row in.
        BlockKind::Verse => (PrefixKind::Verse, depth, depth + HANG_ROWS),
        _ => (PrefixKind::None, 0, 0),
    };
    // A prefix that leaves a column less than two rows of text is dropped.
    if first.max(rest) + MIN_WIDTH > settings.width {
        return Prefix::NONE;
    }
    Prefix {
        kind,
        depth,
        first_width: first,
        rest_width: rest,
    }
}

/// The rows of column `line`: its prefix, then its text a row per unit,
/// marks in their vertical forms, cut at inline-style and search-hit edges.
pub(crate) fn column<'a>(
    body: &'a Body,
    line: &Line,
    settings: LayoutSettings,
    prefix: Prefix,
    marks: &[(Range<usize>, Mark)],
) -> Vec<RowPiece<'a>> {
    let block = &body.blocks[line.block];
    if line.kind == LineKind::Blank {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(settings.width);
    let Some(role) = role_of(&block.kind) else {
        // A thematic break: three marks down the column, or one in a short one.
        let marks = if settings.width >= 5 { 3 } else { 1 };
        return (0..marks)
            .map(|i| RowPiece {
                row: 2 * i,
                piece: Piece::new("*", Role::Rule),
            })
            .collect();
    };
    let first = line.kind == LineKind::First;
    if first && let PrefixKind::ListMarker(marker) = &prefix.kind {
        for (i, text) in rows_of(marker, settings.ambiguous).into_iter().enumerate() {
            out.push(RowPiece {
                row: prefix.depth + i,
                piece: Piece::new(text.to_string(), Role::ListMarker),
            });
        }
    }
    let mut row = if first { prefix.first_width } else { prefix.rest_width };
    let mut pieces = Vec::new();
    push_text(&mut pieces, body, line, role, marks);
    let base = block.range().start;
    let rows = units(
        body.block_text(block),
        line.range.start - base..line.range.end - base,
        settings.ambiguous,
    );
    // The pieces cover the line's range in order: walk both together.
    let mut at_piece = 0;
    let mut piece_start = line.range.start;
    for unit in rows {
        if unit.size == 0 {
            continue;
        }
        let (start, end) = (base + unit.at, base + unit.end);
        while let Some(piece) = pieces.get(at_piece)
            && piece_start + piece.text.len() <= start
        {
            piece_start += piece.text.len();
            at_piece += 1;
        }
        let form = vertical_grapheme(&body.text[start..end]);
        let (mut index, mut from) = (at_piece, piece_start);
        while let Some(piece) = pieces.get(index)
            && from < end
        {
            let to = from + piece.text.len();
            let text = match form {
                Some(form) => form,
                None => &body.text[from.max(start)..to.min(end)],
            };
            out.push(RowPiece {
                row,
                piece: Piece {
                    text: text.into(),
                    ..piece.clone()
                },
            });
            if form.is_some() {
                break;
            }
            index += 1;
            from = to;
        }
        row += unit.size;
    }
    out
}

#[cfg(test)]
mod tests;
