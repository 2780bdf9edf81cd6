//! What an article is once loaded: metadata and a sanitised plain-text body
//! cut into blocks. Byte offsets into `Body::text` are the currency of layout,
//! search, bookmarks and reading positions.

use std::ops::Range;

use compact_str::CompactString;

/// Category of articles that name none and sit directly in a collection root.
pub const UNCATEGORISED: &str = "未分类";

mod builder;
pub(crate) use builder::BodyBuilder;
mod origin;
pub use origin::{FilePath, Origin};
mod shared;
pub use shared::SharedName;
mod block;
pub use block::{Block, BlockKind, InlineSpan, InlineStyle, Marker, Spans};

/// One article of the collection.
#[derive(Clone, Debug)]
pub struct Article {
    /// Stable ID: the path below the collection root, without extension, `/`-separated.
    /// Short strings (up to 24 bytes, most IDs, titles, authors and
    /// categories) are held inline, without an allocation of their own.
    pub id: CompactString,
    pub meta: Meta,
    pub body: Body,
    pub origin: Origin,
}

/// Front matter fields; all text already sanitised to a single line. What
/// every list shows is inline; what few articles have is boxed in `more`,
/// which most articles leave empty (`None`): for a collection of many short
/// poems the size of `Meta` is much of the memory it takes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub title: CompactString,
    /// Held once for the articles of a category (`SharedName`).
    pub category: SharedName,
    pub author: Option<CompactString>,
    pub order: Order,
    pub more: Option<Box<MoreMeta>>,
}

/// Where the front matter places an article in its category (`order = 3`),
/// in 8 bytes: the lowest number stands for none (an order that low is
/// taken as the one above it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Order(i64);

impl Order {
    pub fn new(order: Option<i64>) -> Order {
        Order(order.map_or(i64::MIN, |o| o.max(i64::MIN + 1)))
    }

    pub fn get(self) -> Option<i64> {
        (self.0 != i64::MIN).then_some(self.0)
    }
}

impl Default for Order {
    fn default() -> Order {
        Order::new(None)
    }
}

/// The fields of `Meta` that few articles have.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MoreMeta {
    /// The language the article says it is in (an EPUB's package does).
    pub language: Option<String>,
    pub source: Option<String>,
    pub date: Option<String>,
    pub tags: Vec<String>,
    pub summary: Option<String>,
    /// How often the article was read at its source, where the source says.
    pub reads: Option<u64>,
    /// Places in the file that did not decode, each shown as U+FFFD.
    pub undecoded: u32,
}

impl MoreMeta {
    /// Boxed, or `None` when it holds nothing.
    pub fn boxed(self) -> Option<Box<MoreMeta>> {
        (self != MoreMeta::default()).then(|| Box::new(self))
    }
}

impl Meta {
    /// Where the front matter places it in its category, if it does.
    pub fn order(&self) -> Option<i64> {
        self.order.get()
    }
    pub fn language(&self) -> Option<&str> {
        self.more.as_ref()?.language.as_deref()
    }
    pub fn source(&self) -> Option<&str> {
        self.more.as_ref()?.source.as_deref()
    }
    pub fn date(&self) -> Option<&str> {
        self.more.as_ref()?.date.as_deref()
    }
    pub fn tags(&self) -> &[String] {
        self.more.as_ref().map_or(&[], |m| &m.tags)
    }
    pub fn summary(&self) -> Option<&str> {
        self.more.as_ref()?.summary.as_deref()
    }
    pub fn reads(&self) -> Option<u64> {
        self.more.as_ref()?.reads
    }
    /// How many places of the file did not decode (each shown as U+FFFD).
    pub fn undecoded(&self) -> u32 {
        self.more.as_ref().map_or(0, |m| m.undecoded)
    }
}

/// The body as plain text plus the blocks that structure it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Body {
    /// Block texts joined by `\n`; sanitised, so it holds no control characters but `\n`.
    /// Boxed, as neither grows once built: no room to spare, and 16 bytes
    /// each instead of 24 in every article.
    pub text: Box<str>,
    pub blocks: Box<[Block]>,
    /// Emphasis and similar spans of every block, block after block (each
    /// inside its block's range): `Body::inline` gives a block's.
    spans: Spans,
    /// 字数, counted once when the body is built: lists and headers show it
    /// every frame (32 bits: a text is at most 64 MiB).
    chars: u32,
}

/// A small body's text and blocks are copied into allocations of their
/// size rather than shrunk in place: shrinking leaves the rest of each
/// grown buffer free between the allocations kept, and for many short
/// articles those gaps add up (the allocator maps larger ones on their own,
/// and gives them back whole).
const COPIED_BELOW: usize = 64 * 1024;

/// A byte offset of a body as stored; no body reaches 4 GiB (files are read
/// up to 64 MiB).
fn offset(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl Body {
    /// The text of one block.
    pub fn block_text(&self, block: &Block) -> &str {
        &self.text[block.range()]
    }

    /// Length in characters as Chinese readers count it (字数): everything but whitespace.
    pub fn char_count(&self) -> usize {
        self.chars as usize
    }

    /// The inline spans of `block` (one of this body's): those of the
    /// body's that start within its range (blocks are apart, `\n` between).
    pub fn inline(&self, block: &Block) -> &[InlineSpan] {
        let range = block.range();
        let first = self.spans.partition_point(|s| s.range().start < range.start);
        let end = self.spans.partition_point(|s| s.range().start <= range.end);
        self.spans.get(first..end.max(first)).unwrap_or_default()
    }

    /// Every inline span, block after block.
    pub fn spans(&self) -> &[InlineSpan] {
        &self.spans
    }

    /// A body from its parts as `blocks`, `spans` and `char_count` gave
    /// them (the article cache).
    pub(crate) fn from_parts(text: String, blocks: Vec<Block>, spans: Vec<InlineSpan>, chars: usize) -> Body {
        Body {
            spans: Spans::from(spans),
            text: if text.len() < text.capacity() && text.len() < COPIED_BELOW {
                Box::from(text.as_str())
            } else {
                text.into_boxed_str()
            },
            blocks: if blocks.len() < blocks.capacity() && blocks.len() * size_of::<Block>() < COPIED_BELOW {
                Box::from(blocks.as_slice())
            } else {
                blocks.into_boxed_slice()
            },
            chars: offset(chars),
        }
    }

    /// The body with only the blocks `keep` says yes to (`keep[i]` for the
    /// i-th block; blocks past its end are kept), their text moved down in
    /// place: no second copy of the text is made.
    pub(crate) fn retain_blocks(self, keep: &[bool]) -> Body {
        if keep.iter().all(|k| *k) {
            return self;
        }
        let mut spans = Vec::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if keep.get(i).copied().unwrap_or(true) {
                spans.push(self.inline(block).to_vec());
            }
        }
        let mut spans = spans.into_iter();
        let mut kept_spans = Vec::new();
        let mut bytes = self.text.into_string().into_bytes();
        let mut blocks = Vec::with_capacity(self.blocks.len());
        let mut write = 0;
        for (i, block) in self.blocks.into_vec().into_iter().enumerate() {
            if !keep.get(i).copied().unwrap_or(true) {
                continue;
            }
            if !blocks.is_empty() {
                bytes[write] = b'\n';
                write += 1;
            }
            let range = block.range();
            bytes.copy_within(range.clone(), write);
            // `range.start >= write`: offsets only move down.
            let shift = range.start - write;
            let inline = spans.next().unwrap_or_default();
            kept_spans.extend(
                (inline.iter())
                    .map(|span| InlineSpan::new(span.range().start - shift..span.range().end - shift, span.style)),
            );
            let depth = block.depth();
            blocks.push(Block::new(block.kind, depth, write..write + range.len()));
            write += range.len();
        }
        bytes.truncate(write);
        // Whole blocks, each valid UTF-8, joined by `\n`: always valid.
        let text = String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        let chars = count_visible(&text);
        Body::from_parts(text, blocks, kept_spans, chars)
    }

    /// Whether every range falls on character boundaries inside the text and
    /// the text holds no control character but `\n`: true of every body
    /// built here, checked on bodies read back from the article cache.
    pub fn is_sound(&self) -> bool {
        let within = |r: Range<usize>| {
            r.start <= r.end && self.text.is_char_boundary(r.start) && self.text.is_char_boundary(r.end)
        };
        crate::text::is_clean(&self.text)
            && self.blocks.iter().all(|b| within(b.range()))
            && self.spans.iter().all(|i| within(i.range()))
    }
}

impl Article {
    /// The ID, as lists and search show it.
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn title(&self) -> &str {
        &self.meta.title
    }
    pub fn category(&self) -> &str {
        &self.meta.category
    }
    /// The body's plain text.
    pub fn text(&self) -> &str {
        &self.body.text
    }
    /// The author, where known (searched, ranked below the title).
    pub fn author(&self) -> Option<&str> {
        self.meta.author.as_deref()
    }
    /// The tag at position `i`, if there is one.
    pub fn tag(&self, i: usize) -> Option<&str> {
        self.meta.tags().get(i).map(String::as_str)
    }
    pub fn summary(&self) -> Option<&str> {
        self.meta.summary()
    }
}

impl Article {
    /// Estimated reading time in whole minutes, at about 400 字 a minute.
    pub fn reading_minutes(&self) -> usize {
        self.body.char_count().div_ceil(400).max(1)
    }
}

/// Characters but whitespace (字数), counting Han characters by their first
/// byte: a 20 MB article is counted once, when it is built.
fn count_visible(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut count = 0;
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if lead < 0x80 {
            count += usize::from(!char::from(lead).is_whitespace());
            i += 1;
        } else if (0xe4..=0xe9).contains(&lead) {
            // U+4000–9FFF: never whitespace.
            count += 1;
            i += 3;
        } else {
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            count += usize::from(!c.is_whitespace());
            i += c.len_utf8();
        }
    }
    count
}

/// Han characters, kana, CJK punctuation and full-width forms.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{fe30}'..='\u{fe4f}'
        | '\u{ff00}'..='\u{ffef}' | '\u{20000}'..='\u{3ffff}' | '“' | '”' | '‘' | '’' | '…' | '—')
}

#[cfg(test)]
mod tests;
