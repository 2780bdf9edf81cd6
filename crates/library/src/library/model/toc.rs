//! The table of contents of an article: its headings (Markdown headings,
//! chapters found in a `.txt` novel, an EPUB's own table of contents), each
//! with its level, title and byte offset in the body's text.

use serde::Serialize;

use crate::library::model::article::{Block, BlockKind, Body};

/// One entry of a table of contents.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    /// 1 for the top level.
    pub level: u8,
    pub title: String,
    /// Byte offset of the heading in `Body::text`.
    pub offset: usize,
}

/// The headings of `body`, in order, their lines joined by spaces.
pub fn table_of_contents(body: &Body) -> Vec<TocEntry> {
    body.blocks
        .iter()
        .filter_map(|block| match block.kind {
            BlockKind::Heading(level) => Some(TocEntry {
                level,
                title: body.block_text(block).split('\n').collect::<Vec<_>>().join(" "),
                offset: block.range().start,
            }),
            _ => None,
        })
        .collect()
}

/// Index of the entry a reader at byte `offset` is in: the last one at or
/// before it (none before the first heading).
pub fn current_entry(toc: &[TocEntry], offset: usize) -> Option<usize> {
    toc.partition_point(|e| e.offset <= offset).checked_sub(1)
}

/// The offsets of `body`'s headings, in order, read from its blocks as
/// they stand (no title is copied).
fn heading_offsets(blocks: &[Block]) -> impl DoubleEndedIterator<Item = usize> + '_ {
    (blocks.iter())
        .filter(|b| matches!(b.kind, BlockKind::Heading(_)))
        .map(|b| b.range().start)
}

/// Offset of the next heading after `offset` (the next chapter), found
/// without building the table: a key press asks.
pub fn next_entry(body: &Body, offset: usize) -> Option<usize> {
    let after = body.blocks.partition_point(|b| b.range().start <= offset);
    heading_offsets(&body.blocks[after..]).next()
}

/// Offset of the heading before the current one, or the start of the
/// current one when the reader is past it (like "previous track").
pub fn previous_entry(body: &Body, offset: usize) -> Option<usize> {
    let upto = body.blocks.partition_point(|b| b.range().start <= offset);
    let mut before = heading_offsets(&body.blocks[..upto]).rev();
    let current = before.next()?;
    if current < offset {
        return Some(current);
    }
    before.next()
}

/// The heading whose section holds byte `offset` (the last heading block
/// starting at or before it), found without building the whole table: the
/// status line asks every frame.
pub fn heading_at(body: &Body, offset: usize) -> Option<&str> {
    let after = body.blocks.partition_point(|b| b.range().start <= offset);
    body.blocks[..after]
        .iter()
        .rev()
        .find(|b| matches!(b.kind, BlockKind::Heading(_)))
        .map(|b| body.block_text(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::formats::markdown::parse_markdown;

    #[test]
    fn headings_become_entries_and_the_current_one_is_found() {
        let body = parse_markdown("# 第一章\n\n正文一。\n\n## 第一节\n\n正文二。\n\n# 第二章\n\n正文三。\n");
        let toc = table_of_contents(&body);
        let titles: Vec<(u8, &str)> = toc.iter().map(|e| (e.level, e.title.as_str())).collect();
        assert_eq!(titles, [(1, "第一章"), (2, "第一节"), (1, "第二章")]);
        assert!(body.text[toc[2].offset..].starts_with("第二章"));
        let in_second_section = body.text.find("正文二").expect("present");
        assert_eq!(current_entry(&toc, in_second_section), Some(1));
        assert_eq!(current_entry(&toc, 0), Some(0));
        assert_eq!(next_entry(&body, in_second_section), Some(toc[2].offset));
        assert_eq!(previous_entry(&body, in_second_section), Some(toc[1].offset));
        assert_eq!(previous_entry(&body, toc[1].offset), Some(toc[0].offset));
        assert_eq!(next_entry(&body, toc[2].offset), None);
        assert_eq!(heading_at(&body, in_second_section), Some("第一节"));
        assert_eq!(heading_at(&body, body.text.len()), Some("第二章"));
    }

    #[test]
    fn text_before_the_first_heading_has_no_current_entry() {
        let body = parse_markdown("前言。\n\n# 第一章\n\n正文。\n");
        let toc = table_of_contents(&body);
        assert_eq!(current_entry(&toc, 0), None);
        assert_eq!(previous_entry(&body, 0), None);
        assert_eq!(next_entry(&body, 0), Some(toc[0].offset));
    }
}
