//! The screen as the app measures it: the panes, the reader's page and the
//! layout settings of its column.

use super::App;
use super::geometry::{self, Screen};
use crate::layout::LayoutSettings;

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

    /// Lines of text the reader shows at once.
    pub fn reader_page(&self) -> usize {
        self.screen_with_reader(true)
            .reader
            .map_or(1, |pane| usize::from(pane.height).max(1))
    }

    /// Layout settings for the reader pane at the current size.
    pub fn layout_settings(&self) -> LayoutSettings {
        let width = self
            .screen_with_reader(true)
            .reader
            .map_or(usize::from(self.width), |pane| {
                usize::from(geometry::reading_column(pane, self.settings.max_width).width)
            });
        LayoutSettings {
            width,
            indent: self.settings.indent,
            paragraph_spacing: self.settings.paragraph_spacing,
            ambiguous: self.settings.ambiguous,
            direction: crate::layout::Direction::Horizontal,
        }
    }
}
