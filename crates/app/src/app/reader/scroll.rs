//! Moving through the open article: by rows, to a line, to a byte offset,
//! to a search hit. Every move goes through `go`, which shows the page
//! (`show`: lays out what it then shows and clamps the top between the head
//! and the tail) and sets the anchor to its top; a place far from what is
//! laid out is laid out around anew. `fit` shows the page through `show`
//! too, but never sets the anchor.

use super::{Anchor, HEAD_ROWS, Reader};
use crate::layout::{Direction, EXTEND_BYTES, Layout};
use crate::library::Body;

impl Reader {
    /// Scrolls by `delta` rows: a move, unless it is clamped to where the
    /// page already is. A delta of 0 is no move: the anchor is only shown (`fit`).
    pub fn scroll_by(&mut self, body: &Body, delta: isize, page: usize) {
        if delta == 0 {
            return self.fit(body, page);
        }
        let target = self.position() + delta as i128;
        self.go(body, target, page, false);
    }

    /// Puts line `index` of the article on top (line numbers count from 0
    /// at the article's first line), laying the article out from its start
    /// as far as that line; a line past the end shows the end. A jump.
    pub fn scroll_to_line(&mut self, body: &Body, index: usize, page: usize) {
        if !self.layout.at_start() {
            let settings = self.layout.settings();
            self.layout = Layout::around(body, settings, 0, EXTEND_BYTES);
            self.top = 0;
            self.head = 0;
        }
        while index.saturating_add(page) >= self.layout.len() && self.layout.extend_down(body, EXTEND_BYTES) {}
        let target = if index == 0 {
            -(HEAD_ROWS as i128)
        } else {
            i128::try_from(index).unwrap_or(i128::MAX)
        };
        self.go(body, target, page, true);
    }

    /// Puts the line holding byte `offset` on top (as near as the end of the
    /// text allows), laying out around it first if it is far from what is
    /// laid out. A jump to the end of the text shows its last page.
    pub fn scroll_to_offset(&mut self, body: &Body, offset: usize, page: usize) {
        self.lay_out_at(body, offset);
        let line = self.layout.line_at_offset(offset);
        // The start of the text shows the head above it.
        let target = if line == 0 && self.layout.at_start() && offset <= self.layout.offset_of_line(0) {
            -(HEAD_ROWS as i128)
        } else {
            i128::try_from(line).unwrap_or(i128::MAX)
        };
        self.go(body, target, page, true);
        if self.top == line && self.head == 0 {
            // The offset itself is on top: it is the anchor.
            self.anchor = Anchor::at(offset);
        }
    }

    /// Makes sure the line holding `offset` is laid out: more blocks when it
    /// is close to what is laid out, else the blocks around it alone. Returns
    /// false in that last case: `top` then no longer means anything.
    pub(super) fn lay_out_at(&mut self, body: &Body, offset: usize) -> bool {
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
        self.head = 0;
        false
    }

    /// A move: the top to row `target` (a `position`, which may lie before
    /// the first line laid out), shown as `show` does; the anchor is then
    /// the text on top, if the page moved or the move is a jump.
    pub(super) fn go(&mut self, body: &Body, target: i128, page: usize, jumped: bool) {
        if self.show(body, target, page) || jumped {
            self.anchor_on_top();
        }
    }

    /// Puts row `target` on top, laying out what the page then shows, and
    /// clamps it between the head and the tail: true if the page moved. The
    /// anchor is left as it is.
    pub(super) fn show(&mut self, body: &Body, target: i128, page: usize) -> bool {
        let page = page.max(1);
        let step = self.fill_bytes(page);
        let mut target = target;
        while target < 0 && !self.layout.at_start() {
            let added = self.layout.extend_up(body, step);
            if added == 0 {
                break;
            }
            self.top += added;
            target += added as i128;
        }
        while target.saturating_add(page as i128) > self.layout.len() as i128 && self.layout.extend_down(body, step) {}
        // At the end, a page of lines above it, so the last page is full.
        while self.layout.len() < page && !self.layout.at_start() {
            let added = self.layout.extend_up(body, step);
            if added == 0 {
                break;
            }
            self.top += added;
            target += added as i128;
        }
        let target = target.min(self.max_position(page)).max(self.min_position());
        let (top, head) = match usize::try_from(target) {
            Ok(top) => (top, 0),
            Err(_) => (0, usize::try_from(-target).unwrap_or(HEAD_ROWS)),
        };
        let moved = (top, head) != (self.top, self.head);
        self.top = top;
        self.head = head;
        moved
    }

    /// How much text `show` lays out at a time to fill a page of `page`
    /// lines: a third of the most it can hold (three bytes for each Han
    /// character, which takes two columns of a horizontal line and one row
    /// of a vertical one), at least 1 KB, so that little is laid out past
    /// what the page shows.
    pub(super) fn fill_bytes(&self, page: usize) -> usize {
        let settings = self.layout.settings();
        let third = match settings.direction {
            Direction::Horizontal => page * settings.width / 2,
            Direction::Vertical => page * settings.width,
        };
        third.max(1024)
    }

    /// Scrolls so that hit `index` is in view, a few lines below the top.
    pub fn show_hit(&mut self, body: &Body, index: usize, page: usize) {
        let Some(hit) = self.hits.get(index).cloned() else {
            return;
        };
        self.current_hit = Some(index);
        let near = self.lay_out_at(body, hit.start);
        let line = self.layout.line_at_offset(hit.start);
        if !near || (line as i128) < self.position() || line as i128 >= self.position() + page as i128 {
            let target = line as i128 - (page / 3) as i128;
            self.go(body, target, page, true);
        }
    }
}
