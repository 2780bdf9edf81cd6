//! The open article: its layout for the current column width, the line at
//! the top of the screen and the anchor, the byte offset being read.
//! Scrolling moves `top` and sets the anchor to the text at the top; a new
//! width re-lays out the text and puts the line holding the anchor on top,
//! keeping the anchor itself, so any number of resizes never drifts.
//!
//! A long article is laid out around the anchor only (`Layout::around`), so
//! opening and resizing cost the same whatever its length; scrolling lays out
//! the blocks it moves into on the spot, and a jump far away lays out around
//! the new place instead. `top` indexes the lines laid out, which are line
//! numbers once the layout is complete.

use std::ops::Range;

use crate::layout::{EXTEND_BYTES, Layout, LayoutSettings, LineKind, Mark};
use crate::library::Body;

/// Articles shorter than this are laid out whole (a millisecond or two);
/// longer ones around the place shown.
const WHOLE_BELOW_BYTES: usize = 64 * 1024;

#[derive(Clone, Debug)]
pub struct Reader {
    /// Index of the article in the library.
    pub article: usize,
    pub layout: Layout,
    /// Index of the first line shown, in `layout`.
    pub top: usize,
    /// The reading position: a byte offset in the line at `top`.
    anchor: usize,
    /// Where the article's text ends, for percentages.
    end: usize,
    /// Search hits in the body (byte ranges, in order) and the one the reader is on.
    pub hits: Vec<Range<usize>>,
    pub current_hit: Option<usize>,
}

/// The whole article if it is short, else the blocks around `offset`.
fn lay_out(body: &Body, settings: LayoutSettings, offset: usize) -> Layout {
    if body.text.len() < WHOLE_BELOW_BYTES {
        Layout::new(body, settings)
    } else {
        Layout::around(body, settings, offset, EXTEND_BYTES)
    }
}

impl Reader {
    /// Opens an article with `offset` (a byte offset in its body) at the top.
    /// Call `scroll_by(body, 0, page)` once the page height is known.
    pub fn open(article: usize, body: &Body, settings: LayoutSettings, offset: usize) -> Reader {
        let layout = lay_out(body, settings, offset);
        let top = layout.line_at_offset(offset);
        Reader {
            article,
            layout,
            top,
            anchor: offset,
            end: crate::present::text_end(body),
            hits: Vec::new(),
            current_hit: None,
        }
    }

    /// The reading position: a byte offset of the text at the top, the same
    /// across re-layouts until the reader scrolls.
    pub fn offset(&self) -> usize {
        self.anchor
    }

    fn is_blank(&self, index: usize) -> bool {
        self.layout.line(index).is_some_and(|l| l.kind == LineKind::Blank)
    }

    /// The byte offset of the first text shown. A blank line at the top has
    /// no text of its own, so the line after it counts.
    fn top_offset(&self) -> usize {
        let first_text = (self.top..self.layout.len())
            .find(|&i| !self.is_blank(i))
            .unwrap_or(self.top);
        self.layout.offset_of_line(first_text)
    }

    /// Re-lays out the text when the settings (the width) changed, with the
    /// line holding the anchor on top. A long article is laid out around the
    /// anchor only; `scroll_by(body, 0, page)` then fills the page.
    pub fn relayout(&mut self, body: &Body, settings: LayoutSettings) {
        if self.layout.settings() == settings {
            return;
        }
        // The blank line before a paragraph stays on top if it was.
        let blank_on_top = self.is_blank(self.top);
        self.layout = lay_out(body, settings, self.anchor);
        self.top = self.layout.line_at_offset(self.anchor);
        if blank_on_top && self.top > 0 && self.is_blank(self.top - 1) {
            self.top -= 1;
        }
    }

    /// The last useful top line of what is laid out: the end of the text
    /// sits at the bottom of the page.
    pub fn max_top(&self, page: usize) -> usize {
        self.layout.len().saturating_sub(page.max(1))
    }

    pub fn scroll_by(&mut self, body: &Body, delta: isize, page: usize) {
        let target = i128::try_from(self.top).unwrap_or(i128::MAX) + delta as i128;
        self.go(body, target, page, false);
    }

    /// Puts line `top` of the layout on top (clamped to the end of the text).
    pub fn scroll_to(&mut self, body: &Body, top: usize, page: usize) {
        self.go(body, i128::try_from(top).unwrap_or(i128::MAX), page, false);
    }

    /// Puts the line holding byte `offset` on top (as near as the end of the
    /// text allows), laying out around it first if it is far from what is
    /// laid out. A jump to the end of the text shows its last page.
    pub fn scroll_to_offset(&mut self, body: &Body, offset: usize, page: usize) {
        self.lay_out_at(body, offset);
        let line = self.layout.line_at_offset(offset);
        self.go(body, i128::try_from(line).unwrap_or(i128::MAX), page, true);
        if self.top == line {
            // The offset itself is on top: it stays the anchor.
            self.anchor = offset;
        }
    }

    /// Makes sure the line holding `offset` is laid out: more blocks when it
    /// is close to what is laid out, else the blocks around it alone. Returns
    /// false in that last case: `top` then no longer means anything.
    fn lay_out_at(&mut self, body: &Body, offset: usize) -> bool {
        for _ in 0..4 {
            if self.layout.covers(body, offset) {
                return true;
            }
            let first = self.layout.offset_of_line(0);
            if offset < first {
                self.top += self.layout.extend_up(body, EXTEND_BYTES);
            } else {
                self.layout.extend_down(body, EXTEND_BYTES);
            }
        }
        if self.layout.covers(body, offset) {
            return true;
        }
        self.layout = Layout::around(body, self.layout.settings(), offset, EXTEND_BYTES);
        self.top = self.layout.line_at_offset(offset);
        false
    }

    /// Moves the top to line `target` (which may lie before the first line
    /// laid out), laying out what the page then shows, and clamps it so the
    /// end of the text sits at the bottom of the page at most.
    fn go(&mut self, body: &Body, target: i128, page: usize, jumped: bool) {
        let page = page.max(1);
        let mut target = target;
        while target < 0 {
            let added = self.layout.extend_up(body, EXTEND_BYTES);
            if added == 0 {
                break;
            }
            self.top += added;
            target += added as i128;
        }
        let target = usize::try_from(target.max(0)).unwrap_or(usize::MAX);
        while target.saturating_add(page) > self.layout.len() && self.layout.extend_down(body, EXTEND_BYTES) {}
        // At the end, a page of lines above it, so the last page is full.
        let mut target = target.min(self.max_top(page));
        while self.layout.len() < page && !self.layout.at_start() {
            let added = self.layout.extend_up(body, EXTEND_BYTES);
            if added == 0 {
                break;
            }
            self.top += added;
            target = (target + added).min(self.max_top(page));
        }
        if target != self.top || jumped {
            self.top = target;
            self.anchor = self.top_offset();
        }
    }

    /// Hits that touch lines `first..first + count`, marked for drawing.
    pub fn visible_marks(&self, first: usize, count: usize) -> Vec<(Range<usize>, Mark)> {
        let Some(start) = self.layout.line(first).map(|l| l.range.start) else {
            return Vec::new();
        };
        let last = (first + count).min(self.layout.len()).saturating_sub(1);
        let end = self.layout.line(last).map_or(start, |l| l.range.end);
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
    pub fn show_hit(&mut self, body: &Body, index: usize, page: usize) {
        let Some(hit) = self.hits.get(index).cloned() else {
            return;
        };
        self.current_hit = Some(index);
        let near = self.lay_out_at(body, hit.start);
        let line = self.layout.line_at_offset(hit.start);
        if !near || line < self.top || line >= self.top + page {
            let target = line as i128 - (page / 3) as i128;
            self.go(body, target, page, true);
        }
    }

    /// How far through the article the reader is, 0–100: the share of the
    /// text before the reading position, whatever the window size.
    pub fn percent(&self) -> usize {
        crate::present::share_before(self.anchor, self.end).into()
    }

    /// Whether the last line is on screen.
    pub fn at_end(&self, page: usize) -> bool {
        self.layout.at_end() && self.top + page.max(1) >= self.layout.len()
    }

    /// The number of the last line on screen and the article's line count,
    /// once every line is laid out.
    pub fn line_numbers(&self, page: usize) -> Option<(usize, usize)> {
        let len = self.layout.len();
        self.layout.is_complete().then(|| ((self.top + page).min(len), len))
    }

    /// The rows of the thumb on a scrollbar `height` rows high, or `None`
    /// when the article fits on the page. Before the article is laid out
    /// whole, its line count is estimated from the lines laid out so far.
    pub fn scrollbar(&self, height: usize, page: usize) -> Option<Range<usize>> {
        let len = self.layout.len();
        if height == 0 || len == 0 {
            return None;
        }
        let (total, position, span) = if self.layout.is_complete() {
            (len, self.top, self.max_top(page).max(1))
        } else {
            let first = self.layout.offset_of_line(0);
            let last = self.layout.line(len - 1).map_or(first, |l| l.range.end);
            let bytes_per_line = (last.saturating_sub(first) / len).max(1);
            (self.end / bytes_per_line, self.anchor, self.end.max(1))
        };
        if total <= page {
            return None;
        }
        let thumb = (height * page / total).clamp(1, height);
        let start = (height - thumb) * position.min(span) / span;
        Some(start..start + thumb)
    }
}

#[cfg(test)]
mod tests;
