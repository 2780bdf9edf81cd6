//! The open article: its layout for the current column width, the line at
//! the top of the screen and the anchor, the byte offset being read.
//! Scrolling moves `top` and sets the anchor to the text at the top; a new
//! width re-lays out the text and puts the line holding the anchor on top,
//! keeping the anchor itself, so any number of resizes never drifts.

use std::ops::Range;

use crate::layout::{Layout, LayoutSettings, Mark};
use crate::library::Body;

#[derive(Clone, Debug)]
pub struct Reader {
    /// Index of the article in the library.
    pub article: usize,
    pub layout: Layout,
    /// Index of the first line shown.
    pub top: usize,
    /// The reading position: a byte offset in the line at `top`.
    anchor: usize,
    /// Search hits in the body (byte ranges, in order) and the one the reader is on.
    pub hits: Vec<Range<usize>>,
    pub current_hit: Option<usize>,
}

impl Reader {
    /// Opens an article with `offset` (a byte offset in its body) at the top.
    pub fn open(article: usize, body: &Body, settings: LayoutSettings, offset: usize) -> Reader {
        let layout = Layout::new(body, settings);
        let top = layout.line_at_offset(offset);
        Reader {
            article,
            layout,
            top,
            anchor: offset,
            hits: Vec::new(),
            current_hit: None,
        }
    }

    /// The reading position: a byte offset of the text at the top, the same
    /// across re-layouts until the reader scrolls.
    pub fn offset(&self) -> usize {
        self.anchor
    }

    /// The byte offset of the first text shown. A blank line at the top has
    /// no text of its own, so the line after it counts.
    fn top_offset(&self) -> usize {
        let lines = self.layout.lines();
        let first_text = lines[self.top.min(lines.len())..]
            .iter()
            .position(|line| line.kind != crate::layout::LineKind::Blank)
            .map_or(self.top, |skip| self.top + skip);
        self.layout.offset_of_line(first_text)
    }

    /// Re-lays out the text when the settings (the width) changed, with the
    /// line holding the anchor on top.
    pub fn relayout(&mut self, body: &Body, settings: LayoutSettings) {
        if self.layout.settings() == settings {
            return;
        }
        let is_blank = |layout: &Layout, line: usize| {
            layout
                .lines()
                .get(line)
                .is_some_and(|l| l.kind == crate::layout::LineKind::Blank)
        };
        // The blank line before a paragraph stays on top if it was.
        let blank_on_top = is_blank(&self.layout, self.top);
        self.layout = Layout::new(body, settings);
        self.top = self.layout.line_at_offset(self.anchor);
        if blank_on_top && self.top > 0 && is_blank(&self.layout, self.top - 1) {
            self.top -= 1;
        }
    }

    /// The last useful top line: the end of the text sits at the bottom of the page.
    pub fn max_top(&self, page: usize) -> usize {
        self.layout.len().saturating_sub(page.max(1))
    }

    pub fn scroll_by(&mut self, delta: isize, page: usize) {
        self.scroll_to(self.top.saturating_add_signed(delta), page);
    }

    pub fn scroll_to(&mut self, top: usize, page: usize) {
        let top = top.min(self.max_top(page));
        if top != self.top {
            self.top = top;
            self.anchor = self.top_offset();
        }
    }

    /// Hits that touch lines `first..first + count`, marked for drawing.
    pub fn visible_marks(&self, first: usize, count: usize) -> Vec<(Range<usize>, Mark)> {
        let lines = self.layout.lines();
        let Some(start) = lines.get(first).map(|l| l.range.start) else {
            return Vec::new();
        };
        let end = lines
            .get((first + count).min(lines.len()).saturating_sub(1))
            .map_or(start, |l| l.range.end);
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

    /// Scrolls so that hit `index` is in view, a few lines below the top.
    pub fn show_hit(&mut self, index: usize, page: usize) {
        let Some(hit) = self.hits.get(index) else { return };
        self.current_hit = Some(index);
        let line = self.layout.line_at_offset(hit.start);
        if line < self.top || line >= self.top + page {
            self.scroll_to(line.saturating_sub(page / 3), page);
        }
    }

    /// How far through the article the reader is, 0–100: the share of the
    /// text before the reading position, whatever the window size.
    pub fn percent(&self) -> usize {
        let len = self.layout.lines().last().map_or(0, |line| line.range.end);
        if len == 0 {
            return 0;
        }
        (self.anchor.min(len) * 100) / len
    }

    /// Whether the last line is on screen.
    pub fn at_end(&self, page: usize) -> bool {
        self.top + page.max(1) >= self.layout.len()
    }
}
