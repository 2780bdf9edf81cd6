//! The open article: its layout for the current column width and the line at
//! the top of the screen. Scrolling moves `top`; a new width re-lays out the
//! text and keeps the same byte offset at the top.

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
            hits: Vec::new(),
            current_hit: None,
        }
    }

    /// The reading position: the byte offset of the first text shown. A blank
    /// line at the top has no text of its own, so the line after it counts.
    pub fn offset(&self) -> usize {
        let lines = self.layout.lines();
        let first_text = lines[self.top.min(lines.len())..]
            .iter()
            .position(|line| line.kind != crate::layout::LineKind::Blank)
            .map_or(self.top, |skip| self.top + skip);
        self.layout.offset_of_line(first_text)
    }

    /// Re-lays out the text when the settings (the width) changed, keeping the
    /// sentence at the top of the screen in view.
    pub fn relayout(&mut self, body: &Body, settings: LayoutSettings) {
        if self.layout.settings() == settings {
            return;
        }
        let offset = self.offset();
        self.layout = Layout::new(body, settings);
        self.top = self.layout.line_at_offset(offset);
    }

    /// The last useful top line: the end of the text sits at the bottom of the page.
    pub fn max_top(&self, page: usize) -> usize {
        self.layout.len().saturating_sub(page.max(1))
    }

    pub fn scroll_by(&mut self, delta: isize, page: usize) {
        let top = self.top.saturating_add_signed(delta);
        self.top = top.min(self.max_top(page));
    }

    pub fn scroll_to(&mut self, top: usize, page: usize) {
        self.top = top.min(self.max_top(page));
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

    /// How far through the article the bottom of the page is, 0–100.
    pub fn percent(&self, page: usize) -> usize {
        let len = self.layout.len();
        if len == 0 {
            return 100;
        }
        ((self.top + page).min(len) * 100) / len
    }
}
