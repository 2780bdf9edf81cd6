//! The blocks a body is cut into and the inline spans inside them, as
//! stored: offsets packed into 32 bits.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use super::offset;

/// One block of a body, in 16 bytes: a novel has a block per paragraph, a
/// poem one per stanza, so for many short poems blocks are a third of the
/// memory. Offsets are 28 bits (a text is at most 256 MiB, the most an
/// EPUB unpacks; a file is read up to 64 MiB), the nesting depth in the 4
/// bits above the start, the kind 8 bytes (a list marker is a number, not
/// text); its inline spans are the body's (`Body::inline`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    /// Byte range of the block's text in `Body::text`; the depth in the
    /// start's top bits.
    start: u32,
    end: u32,
}

/// Inline spans, read as a slice: one pointer, none allocated when there
/// are no spans (most bodies).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spans(Option<Box<SpanList>>);

#[derive(Clone, Debug, PartialEq, Eq)]
struct SpanList(Box<[InlineSpan]>);

impl From<Box<[InlineSpan]>> for Spans {
    fn from(spans: Box<[InlineSpan]>) -> Spans {
        Spans((!spans.is_empty()).then(|| Box::new(SpanList(spans))))
    }
}

impl From<Vec<InlineSpan>> for Spans {
    fn from(spans: Vec<InlineSpan>) -> Spans {
        Spans::from(spans.into_boxed_slice())
    }
}

impl std::ops::Deref for Spans {
    type Target = [InlineSpan];

    fn deref(&self) -> &[InlineSpan] {
        self.0.as_ref().map_or(&[], |list| &list.0)
    }
}

impl<'a> IntoIterator for &'a Spans {
    type Item = &'a InlineSpan;
    type IntoIter = std::slice::Iter<'a, InlineSpan>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Serialize for Spans {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for Spans {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Spans, D::Error> {
        Vec::<InlineSpan>::deserialize(deserializer).map(Spans::from)
    }
}

impl Block {
    /// A block of `kind` at nesting `depth` (at most 15 is kept: lists
    /// and quotes deeper than `containers::MAX_DEPTH` are shown flat).
    pub fn new(kind: BlockKind, depth: u8, range: Range<usize>) -> Block {
        let depth = u32::from(depth.min(MAX_BLOCK_DEPTH)) << OFFSET_BITS;
        Block {
            kind,
            start: block_offset(range.start) | depth,
            end: block_offset(range.end),
        }
    }

    /// Byte range of the block's text in `Body::text`.
    pub fn range(&self) -> Range<usize> {
        (self.start & OFFSET_MASK) as usize..self.end as usize
    }

    /// Nesting depth of lists and quotes (0 at the top level).
    pub fn depth(&self) -> u8 {
        (self.start >> OFFSET_BITS) as u8
    }
}

/// Bits of a block's offsets; the depth takes the 4 above the start.
const OFFSET_BITS: u32 = 28;
const OFFSET_MASK: u32 = (1 << OFFSET_BITS) - 1;
const MAX_BLOCK_DEPTH: u8 = 15;

/// A byte offset of a block as stored (no text reaches 256 MiB).
fn block_offset(at: usize) -> u32 {
    offset(at).min(OFFSET_MASK)
}
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum BlockKind {
    Paragraph,
    /// Heading level 1–6.
    Heading(u8),
    /// A list item; `marker` is "1." or "•" on its first block, `None` on further paragraphs.
    ListItem {
        marker: Option<Marker>,
    },
    Quote,
    Code,
    /// A thematic break.
    Rule,
    /// A stanza of verse: its lines kept (`\n` between them), no indent.
    Verse,
}

/// A list item's marker: "•", or "3." in a numbered list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Marker {
    Bullet,
    /// The item's number (one past `u32::MAX` reads as that).
    Number(u32),
}

impl Marker {
    /// The number `n`, as a marker.
    pub fn number(n: u64) -> Marker {
        Marker::Number(u32::try_from(n).unwrap_or(u32::MAX))
    }
}

impl std::fmt::Display for Marker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Marker::Bullet => f.write_str("•"),
            Marker::Number(n) => write!(f, "{n}."),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct InlineSpan {
    start: u32,
    end: u32,
    pub style: InlineStyle,
}

impl InlineSpan {
    pub fn new(range: Range<usize>, style: InlineStyle) -> InlineSpan {
        InlineSpan {
            start: offset(range.start),
            end: offset(range.end),
            style,
        }
    }

    /// Byte range of the span in `Body::text`.
    pub fn range(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum InlineStyle {
    Emphasis,
    Strong,
    Code,
    Link,
}
