//! Drawing the scrolled pages of `app::help` — the help and the list of
//! notices — as they are laid out there: a title, the lines scrolled into
//! view, and a footer that says when there is more.

use ratatui::buffer::Buffer;

use super::View;
use super::draw::{fill, put_str, put_truncated};
use crate::app::help::title;
use crate::app::page::{Page, PageScroll, footer};
use crate::i18n::tr;
use crate::text::str_width;

pub fn render_help(view: &View<'_>, scroll: &PageScroll, buf: &mut Buffer) {
    let app = view.app;
    let title = title(&app.keymap, app.help_context(), app.lang());
    render_page(view, &app.help_page(), scroll, &title, buf);
}

pub fn render_notices(view: &View<'_>, scroll: &PageScroll, buf: &mut Buffer) {
    let app = view.app;
    let lang = app.lang();
    let close = tr!(lang, en: "close", hans: "关闭", hant: "關閉");
    let close = app
        .keymap
        .hints(app.help_context(), &[(crate::keymap::Command::Back, &close)]);
    let title = tr!(lang, en: "Notices  ({close})", hans: "提示  ({close})", hant: "提示  ({close})");
    render_page(view, &app.notices_page(), scroll, &title, buf);
}

fn render_page(view: &View<'_>, page: &Page, scroll: &PageScroll, title: &str, buf: &mut Buffer) {
    let app = view.app;
    let ambiguous = app.settings.ambiguous;
    let (plain, key) = (view.theme.overlay, view.theme.overlay_key);
    fill(buf, page.frame, plain);
    put_truncated(buf, page.title.x, page.title.y, title, page.title.width, key, ambiguous);
    let first = scroll.scroll(page);
    let shown = page.lines.iter().skip(first).take(usize::from(page.body.height));
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
        let below = first < page.max_scroll();
        let mut text = String::new();
        for part in footer(&app.keymap, app.help_context(), app.lang(), first > 0, below) {
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
