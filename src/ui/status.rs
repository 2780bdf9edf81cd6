//! The status line: where you are, and how far through.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::View;
use super::draw::{fill, put_right, put_truncated};
use crate::app::Pane;
use crate::text::str_width;

pub fn render_status(view: &View<'_>, area: Rect, buf: &mut Buffer) {
    let app = view.app;
    let style = view.theme.status;
    let ambiguous = app.settings.ambiguous;
    fill(buf, area, style);
    let (left, right) = match (&app.reader, app.focus) {
        (Some(reader), Pane::Reader) => {
            let article = &app.library.articles()[reader.article];
            let page = app.reader_page();
            let last = (reader.top + page).min(reader.layout.len());
            (
                format!("{} › {}", article.meta.category, article.meta.title),
                format!(
                    "{}%  {}/{}  ? 帮助 ",
                    reader.percent(page),
                    last,
                    reader.layout.len()
                ),
            )
        }
        _ => (
            app.library.title().unwrap_or("阅读 yuedu").to_string(),
            format!("{} 篇  ? 帮助  q 退出 ", app.library.articles().len()),
        ),
    };
    let right_width = str_width(&right, ambiguous) as u16;
    let left_width = area.width.saturating_sub(right_width + 2);
    put_truncated(buf, area.x + 1, area.y, &left, left_width, style, ambiguous);
    if right_width < area.width {
        put_right(buf, area.right(), area.y, &right, style, ambiguous);
    }
}
