//! The screen as the app measures it: the panes, the reader's page and the
//! layout settings of its column.

use super::App;
use super::geometry::{self, Screen};
use ratatui_core::layout::Rect;

use crate::layout::vertical::columns_per_page;
use crate::layout::{Direction, LayoutSettings};

impl App {
    pub fn screen(&self) -> Screen {
        self.screen_with_reader(self.reader.is_some())
    }

    /// The panes with the reader open or not; the reader's page and column
    /// are measured as they are once it is open, also while it opens.
    pub(super) fn screen_with_reader(&self, reader_open: bool) -> Screen {
        Screen::new(
            self.width,
            self.height,
            self.focus,
            self.focus_mode,
            reader_open,
            self.settings.max_width,
        )
    }

    /// The reader pane at the current size, as it is once the reader is open.
    fn reader_pane(&self) -> Rect {
        self.screen_with_reader(true)
            .reader
            .unwrap_or(Rect::new(0, 0, self.width, self.height.saturating_sub(1)))
    }

    /// Where the columns of vertical text go in the reader pane.
    pub fn vertical_block(&self) -> Rect {
        geometry::vertical_block(self.reader_pane(), self.settings.max_width, self.settings.column_gap)
    }

    /// Lines of text the reader shows at once; in vertical text, columns.
    pub fn reader_page(&self) -> usize {
        match self.settings.direction {
            Direction::Horizontal => usize::from(self.reader_pane().height).max(1),
            Direction::Vertical => columns_per_page(usize::from(self.vertical_block().width), self.settings.column_gap),
        }
    }

    /// The width of the reading column at the current size, in cells
    /// (vertical text sets its block of columns within it).
    pub(super) fn layout_settings_width(&self) -> usize {
        usize::from(geometry::reading_column(self.reader_pane(), self.settings.max_width).width)
    }

    /// Layout settings for the reader pane at the current size: lines as
    /// wide as the reading column, or columns as long as the block is high.
    pub fn layout_settings(&self) -> LayoutSettings {
        match self.settings.direction {
            Direction::Horizontal => self.settings.layout(self.layout_settings_width()),
            Direction::Vertical => self.settings.vertical(usize::from(self.vertical_block().height)),
        }
    }
}
