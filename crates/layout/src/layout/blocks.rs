//! A run of blocks laid out: each block's prefix (first-line indent, list
//! marker, hanging indent, quote), the columns left for its text, its lines
//! wrapped, and the blank line before a block that wants one.

use std::ops::Range;

use super::wrap::{Columns, wrap};
use super::{Direction, INDENT, LayoutSettings, LineKind, MIN_WIDTH, Packed};
use crate::library::{Block, BlockKind, Body};
use crate::text::str_width;

/// Below this width the first-line indent would eat the line; it is left out.
const MIN_WIDTH_FOR_INDENT: usize = 12;
/// What a line of verse that must wrap hangs its wrapped part by, so it
/// never looks like a line of its own: one ideographic space.
pub(super) const HANG: &str = "\u{3000}";

/// Lines of blocks `range` (with the blank line before each block that wants one).
pub(super) fn lay_out_blocks(body: &Body, settings: LayoutSettings, range: Range<usize>) -> Vec<Packed> {
    let bytes = body
        .blocks
        .get(range.clone())
        .map_or(0, |b| b.iter().map(|b| b.range().len()).sum::<usize>());
    let mut lines = Vec::with_capacity(bytes / (settings.width * 2).max(1) + range.len() * 2);
    for index in range {
        let block = &body.blocks[index];
        if let Some(prev) = index.checked_sub(1).map(|i| &body.blocks[i])
            && wants_blank_line(prev, block, settings)
        {
            lines.push(Packed::of(
                prev.range().end..prev.range().end,
                index - 1,
                LineKind::Blank,
            ));
        }
        let prefix = Prefix::of(block, settings);
        let verse = block.kind == BlockKind::Verse;
        let columns = Columns {
            first: settings.width.saturating_sub(prefix.first_width).max(MIN_WIDTH),
            rest: settings.width.saturating_sub(prefix.rest_width).max(MIN_WIDTH),
            first_after_newline: verse,
        };
        let text = body.block_text(block);
        let ranges = match settings.direction {
            Direction::Horizontal => wrap(text, columns, settings.ambiguous),
            Direction::Vertical => super::vertical::wrap_column(text, columns, settings.ambiguous),
        };
        for (i, range) in ranges.into_iter().enumerate() {
            // Each line of verse starts as a block does.
            let first = i == 0 || (verse && text[..range.start].ends_with('\n'));
            let range = block.range().start + range.start..block.range().start + range.end;
            let kind = if first { LineKind::First } else { LineKind::Continuation };
            lines.push(Packed::of(range, index, kind));
        }
    }
    lines
}

fn wants_blank_line(previous: &Block, block: &Block, settings: LayoutSettings) -> bool {
    let both_list_items =
        matches!(previous.kind, BlockKind::ListItem { .. }) && matches!(block.kind, BlockKind::ListItem { .. });
    let heading_involved =
        matches!(block.kind, BlockKind::Heading(_)) || matches!(previous.kind, BlockKind::Heading(_));
    if both_list_items
        && block.depth() == previous.depth()
        && !matches!(block.kind, BlockKind::ListItem { marker: None })
    {
        return false;
    }
    settings.paragraph_spacing || heading_involved
}

/// What stands before the text of a block's lines.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Prefix {
    pub kind: PrefixKind,
    /// Nesting: two columns per level.
    pub depth: usize,
    pub first_width: usize,
    pub rest_width: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum PrefixKind {
    None,
    Indent,
    ListMarker(String),
    Hanging,
    /// A line of verse: none on its first line, `HANG` on the lines it wraps to.
    Verse,
    Quote,
}

impl Prefix {
    /// No prefix.
    pub(super) const NONE: Prefix = Prefix {
        kind: PrefixKind::None,
        depth: 0,
        first_width: 0,
        rest_width: 0,
    };

    /// The prefix of `block`'s lines (in vertical text, rows above its columns).
    pub(super) fn of(block: &Block, settings: LayoutSettings) -> Prefix {
        if settings.direction == Direction::Vertical {
            return super::vertical::prefix(block, settings);
        }
        let depth = usize::from(block.depth());
        let nest = 2 * depth;
        let ambiguous = settings.ambiguous;
        let (kind, first, rest) = match &block.kind {
            BlockKind::Paragraph if settings.indent && settings.width >= MIN_WIDTH_FOR_INDENT => {
                (PrefixKind::Indent, str_width(INDENT, ambiguous), 0)
            }
            BlockKind::ListItem { marker: Some(marker) } => {
                let marker = marker.to_string();
                let hanging = nest + str_width(&marker, ambiguous) + 1;
                (PrefixKind::ListMarker(marker), hanging, hanging)
            }
            BlockKind::ListItem { marker: None } => (PrefixKind::Hanging, nest + 3, nest + 3),
            BlockKind::Quote => (PrefixKind::Quote, nest + 2, nest + 2),
            BlockKind::Verse => (PrefixKind::Verse, nest, nest + str_width(HANG, ambiguous)),
            _ => (PrefixKind::None, 0, 0),
        };
        // A prefix that leaves less than one wide character of text is dropped.
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
}
