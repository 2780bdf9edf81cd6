//! Drawing the help overlay as `app::help` lays it out: the title, the lines
//! scrolled into view, and a footer that says when there is more.

use ratatui::buffer::Buffer;

use super::View;
use super::draw::{fill, put_str, put_truncated};
use crate::app::help::{Help, footer, title};
use crate::text::str_width;

pub fn render_help(view: &View<'_>, help: &Help, buf: &mut Buffer) {
    let app = view.app;
    let ambiguous = app.settings.ambiguous;
    let context = app.help_context();
    let page = app.help_page();
    let (plain, key) = (view.theme.overlay, view.theme.overlay_key);
    fill(buf, page.frame, plain);
    let title_text = title(&app.keymap, context);
    put_truncated(
        buf,
        page.title.x,
        page.title.y,
        &title_text,
        page.title.width,
        key,
        ambiguous,
    );
    let scroll = help.scroll(&page);
    let shown = page.lines.iter().skip(scroll).take(usize::from(page.body.height));
    for (line, y) in shown.zip(page.body.y..) {
        for piece in line {
            let style = if piece.key { key } else { plain };
            let x = page.body.x + piece.x;
            put_str(
                buf,
                x,
                y,
                &piece.text,
                page.body.right().saturating_sub(x),
                style,
                ambiguous,
            );
        }
    }
    if let Some(area) = page.footer {
        let below = scroll < page.max_scroll();
        let mut text = String::new();
        for part in footer(&app.keymap, context, scroll > 0, below) {
            let joined = if text.is_empty() {
                part
            } else {
                format!("{text}  {part}")
            };
            if str_width(&joined, ambiguous) > usize::from(area.width) {
                break;
            }
            text = joined;
        }
        put_str(buf, area.x, area.y, &text, area.width, key, ambiguous);
    }
}
