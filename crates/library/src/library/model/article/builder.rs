//! `BodyBuilder`: a body made block by block by the readers of each format
//! (Markdown, plain text, web pages), its ranges kept consistent.

use super::{Block, BlockKind, Body, InlineSpan, InlineStyle, count_visible, is_cjk};

/// Builds a `Body` block by block, keeping ranges consistent.
#[derive(Default)]
pub(crate) struct BodyBuilder {
    text: String,
    blocks: Vec<Block>,
    open: Option<(BlockKind, u8, usize, u32)>,
    inline_starts: Vec<(InlineStyle, usize)>,
    pending_inline: Vec<InlineSpan>,
    /// The spans of the blocks closed, block after block.
    spans: Vec<InlineSpan>,
    soft_break: bool,
    /// The tag given to blocks opened from now on (`set_tag`).
    tag: u32,
    /// Each block's tag, in order, when asked for (`record_tags`).
    tags: Option<Vec<u32>>,
}

impl BodyBuilder {
    pub fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// The bytes of text so far.
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Whether no block is open or the open one has no text yet.
    pub fn is_empty_block(&self) -> bool {
        self.open.as_ref().is_none_or(|open| open.2 == self.text.len())
    }

    /// Starts a block unless one is open; text is appended to the open block.
    pub fn open(&mut self, kind: BlockKind, depth: u8) {
        if self.open.is_some() {
            return;
        }
        if !self.blocks.is_empty() {
            self.text.push('\n');
        }
        self.open = Some((kind, depth, self.text.len(), self.tag));
    }

    /// Appends text to the open block, sanitised; newlines inside it are soft
    /// breaks. The file was sanitised already, but Markdown entities such as
    /// `&#x1b;` only become characters here.
    pub fn push_text(&mut self, text: &str) {
        // Most text is clean already: then it is not copied.
        let clean = crate::text::sanitize_cow(std::borrow::Cow::Borrowed(text));
        for (i, line) in clean.split('\n').enumerate() {
            if i > 0 {
                self.push_soft_break();
            }
            self.resolve_soft_break(line.chars().next());
            self.text.push_str(line);
        }
    }

    /// A soft line break from the source, resolved when the next text arrives.
    pub fn push_soft_break(&mut self) {
        self.soft_break = true;
    }

    /// A soft break joins two CJK characters with nothing, as a Chinese reader
    /// expects, and anything else with a space.
    fn resolve_soft_break(&mut self, next: Option<char>) {
        if !std::mem::take(&mut self.soft_break) {
            return;
        }
        let start = self.open.as_ref().map_or(0, |o| o.2);
        let before = self.text[start..].chars().next_back();
        let (Some(before), Some(next)) = (before, next) else {
            return;
        };
        if !(is_cjk(before) || is_cjk(next) || before.is_whitespace() || next.is_whitespace()) {
            self.text.push(' ');
        }
    }

    /// A hard line break inside a block.
    pub fn push_hard_break(&mut self) {
        self.soft_break = false;
        self.text.push('\n');
    }

    pub fn start_inline(&mut self, style: InlineStyle) {
        self.inline_starts.push((style, self.text.len()));
    }

    pub fn end_inline(&mut self) {
        if let Some((style, start)) = self.inline_starts.pop() {
            let end = self.text.len();
            if end > start {
                self.pending_inline.push(InlineSpan::new(start..end, style));
            }
        }
    }

    /// Closes the open block; a block that holds only whitespace is dropped.
    pub fn close(&mut self) {
        self.soft_break = false;
        let Some((kind, depth, start, tag)) = self.open.take() else {
            return;
        };
        // A soft break before a CJK character left nothing, but one before Latin text left a
        // space; drop trailing whitespace and a trailing hard break.
        let trimmed_len = self.text[start..].trim_end().len();
        self.text.truncate(start + trimmed_len);
        let end = self.text.len();
        let text = &self.text[start..end];
        let leading = text.len() - text.trim_start().len();
        let start = start + leading;
        let is_rule = kind == BlockKind::Rule;
        if start >= end && !is_rule {
            // Empty block: remove the separator pushed in `open`.
            if self.text.ends_with('\n') && !self.blocks.is_empty() {
                self.text.pop();
            }
            self.pending_inline.clear();
            return;
        }
        self.spans.extend(self.pending_inline.drain(..).filter_map(|span| {
            let range = span.range().start.max(start)..span.range().end.min(end);
            (range.start < range.end).then_some(InlineSpan::new(range, span.style))
        }));
        self.blocks.push(Block::new(kind, depth, start..end));
        if let Some(tags) = &mut self.tags {
            tags.push(tag);
        }
    }

    /// Keeps a tag for each block from now on (`finish_tagged` gives them).
    pub fn record_tags(&mut self) {
        self.tags.get_or_insert_with(Vec::new);
    }

    /// The tag of the blocks opened from now on: what the reader wants to
    /// know of each block later (the web page reader: its element).
    pub fn set_tag(&mut self, tag: u32) {
        self.tag = tag;
    }

    /// The body and each of its blocks' tags (none unless `record_tags`).
    pub fn finish_tagged(mut self) -> (Body, Vec<u32>) {
        let tags = self.tags.take().unwrap_or_default();
        (self.finish(), tags)
    }

    pub fn finish(mut self) -> Body {
        self.close();
        let chars = count_visible(&self.text);
        // The body is kept as long as the library: no room to grow, which
        // would otherwise be a third of the text on average.
        Body::from_parts(self.text, self.blocks, self.spans, chars)
    }
}
