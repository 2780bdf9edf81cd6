//! Drawing: reads the application state and writes a frame. Never mutates
//! state; every region has its own `render_*` function.
//!
//! # Design
//!
//! drawing from `&App` only: `list` (the one list widget: items of a title line and an optional
//! detail line with right-hand columns, a heading row, the selection over both lines; the article
//! list, the bookmark list, the search results and the contents draw through it), one `render_*`
//! per region (`lists`, `reader`, `vertical` (the reader pane in vertical text: the reader's rows
//! as columns from the right edge of `geometry::vertical_block`, the head and the end mark in
//! columns of their own, the scrollbar along the pane's last row), `status`, `help` (the help and
//! the notices' list), `notices` (the banner above the status line), `prompt` (the prompt in the
//! status line's place), `bookmarks` (its keys move to a second header row when the window is too
//! narrow for them beside the count), `search`, `contents`); `ui::tests` snapshots whole screens
//! with `TestBackend` and `insta`, one module per part of the screen (`screens`, `help`, `search`,
//! `bookmarks`, `notices`, `script`, `keys`, `loading`), `ui::tests::sizes` the library, the reader
//! and the bookmark list (both orders, times replaced by a placeholder as wide), like the help in
//! `ui::tests::help`, at 60×20, 80×24, 100×30 and 140×40, `theme` (roles → styles), `draw` (cell
//! writing with the project's width function, wide ambiguous mode)

mod bookmarks;
mod contents;
mod draw;
mod help;
mod list;
mod lists;
mod notices;
mod prompt;
mod reader;
mod search;
mod status;
pub mod theme;
mod vertical;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::app::{App, Overlay};
use crate::i18n::tr;
pub use reader::ArticleText;
use theme::Theme;

/// Everything drawing needs besides the state.
pub struct View<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl View<'_> {
    /// Clears the overlay's frame; returns its whole area and the rows of its body.
    fn open_overlay(&self, buf: &mut Buffer) -> (Rect, Rect) {
        let (width, height) = (self.app.width, self.app.height);
        let area = crate::app::geometry::overlay_area(width, height);
        draw::fill(buf, area, self.theme.overlay);
        (area, crate::app::geometry::overlay_body(width, height))
    }
}

/// Draws the whole screen; returns where the terminal cursor belongs (in a
/// prompt), so input methods place their composition window there.
pub fn render(app: &App, theme: &Theme, buf: &mut Buffer) -> Option<(u16, u16)> {
    let view = View { app, theme };
    let screen = app.screen();
    if screen.too_small {
        render_too_small(buf, theme, app);
        return None;
    }
    draw::fill(buf, buf.area, theme.gap);
    if let Some(area) = screen.categories {
        lists::render_categories(&view, area, buf);
    }
    if let Some(area) = screen.articles {
        lists::render_articles(&view, area, buf);
    }
    if let Some(area) = screen.reader {
        reader::render_reader(&view, area, buf);
    }
    let status_cursor = status::render_status(&view, screen.status, buf);
    if app.overlay.is_none() && app.prompt.is_none() {
        notices::render_banner(&view, screen.status, buf);
    }
    match &app.overlay {
        Some(Overlay::Help(help)) => help::render_help(&view, help, buf),
        Some(Overlay::Notices(scroll)) => help::render_notices(&view, scroll, buf),
        Some(Overlay::Bookmarks(list)) => bookmarks::render_bookmarks(&view, list, buf),
        Some(Overlay::Search(search)) => return Some(search::render_search(&view, search, buf)),
        Some(Overlay::Contents(contents)) => return Some(contents::render_contents(&view, contents, buf)),
        None => {}
    }
    status_cursor
}

fn render_too_small(buf: &mut Buffer, theme: &Theme, app: &App) {
    let (ambiguous, lang) = (app.settings.ambiguous, app.lang());
    let area = buf.area;
    draw::fill(buf, area, theme.text);
    let y = area.y + area.height / 2;
    let small = tr!(lang, en: "window too small", hans: "窗口太小", hant: "視窗太小");
    let least = tr!(lang, en: "at least 20x5", hans: "至少 20x5", hant: "至少 20x5");
    draw::put_str(buf, area.x, y, &small, area.width, theme.text, ambiguous);
    draw::put_str(buf, area.x, y + 1, &least, area.width, theme.dim, ambiguous);
}

#[cfg(test)]
mod tests;
