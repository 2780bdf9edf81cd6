//! The state of a list on screen: which item is selected, which is first
//! shown. The article list, the bookmark list and the search results keep
//! one; `ui::list` draws them all alike.

/// Selection and scroll offset of a list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    /// The first item shown.
    pub offset: usize,
}

impl ListCursor {
    pub fn select(&mut self, index: usize, len: usize, visible: usize) {
        self.selected = index.min(len.saturating_sub(1));
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        self.offset = self.offset.min(len.saturating_sub(visible));
    }

    pub fn move_by(&mut self, delta: isize, len: usize, visible: usize) {
        self.select(self.selected.saturating_add_signed(delta), len, visible);
    }
}
