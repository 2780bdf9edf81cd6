//! The category list and the article list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::View;
use super::draw::{fill, put_right, put_str, put_truncated};
use crate::app::{Pane, geometry};
use crate::keymap::{Command, Context};
use crate::present::article_details;

pub fn render_categories(view: &View<'_>, area: Rect, buf: &mut Buffer) {
    let app = view.app;
    let theme = view.theme;
    let ambiguous = app.settings.ambiguous;
    let focused = app.focus == Pane::Categories;
    render_heading(view, area, "分类", focused, buf);
    let body = geometry::list_body(area);
    let categories = app.library.categories();
    // Counts in a right-aligned column as wide as the largest, names cut
    // before it with at least one space between.
    let count_width = categories
        .iter()
        .map(|c| c.articles.len().to_string().len())
        .max()
        .unwrap_or(1) as u16;
    for (row, index) in (app.categories.offset..categories.len())
        .take(usize::from(body.height))
        .enumerate()
    {
        let category = &categories[index];
        let y = body.y + row as u16;
        let style = if index == app.categories.selected {
            selection_style(view, focused)
        } else {
            theme.text
        };
        let line = Rect { y, height: 1, ..body };
        fill(buf, line, style);
        let count = category.articles.len().to_string();
        let name_width = body.width.saturating_sub(count_width + 3);
        put_truncated(buf, body.x + 1, y, &category.name, name_width, style, ambiguous);
        put_right(buf, body.right().saturating_sub(1), y, &count, style, ambiguous);
    }
}

pub fn render_articles(view: &View<'_>, area: Rect, buf: &mut Buffer) {
    let app = view.app;
    let theme = view.theme;
    let ambiguous = app.settings.ambiguous;
    let focused = app.focus == Pane::Articles;
    let range = app.category_articles();
    let heading = app.library.categories().get(app.categories.selected).map_or_else(
        || "文章".to_string(),
        |c| {
            let order = app.article_order().label();
            let order = app.keymap.with_key(Context::Lists, Command::CycleOrder, order);
            format!("{}  {} 篇  {order}", c.name, c.articles.len())
        },
    );
    render_heading(view, area, &heading, focused, buf);
    let body = geometry::list_body(area);
    let rows = usize::from(body.height / geometry::ARTICLE_ROWS);
    for (slot, position) in (app.articles.offset..range.len()).take(rows).enumerate() {
        let Some(index) = app.listed_article(position) else {
            break;
        };
        let article = &app.library.articles()[index];
        let y = body.y + slot as u16 * geometry::ARTICLE_ROWS;
        let selected = position == app.articles.selected;
        let style = if selected {
            selection_style(view, focused)
        } else {
            theme.text
        };
        let details_style = if selected { style } else { theme.dim };
        fill(
            buf,
            Rect {
                y,
                height: geometry::ARTICLE_ROWS,
                ..body
            },
            style,
        );
        let width = body.width.saturating_sub(2);
        put_truncated(buf, body.x + 1, y, &article.meta.title, width, style, ambiguous);
        let status = app.read_status(index).label();
        let status_width = crate::text::str_width(&status, ambiguous) as u16;
        let details_width = width.saturating_sub(status_width + 2);
        let details = article_details(article);
        put_truncated(
            buf,
            body.x + 1,
            y + 1,
            &details,
            details_width,
            details_style,
            ambiguous,
        );
        put_right(
            buf,
            body.right().saturating_sub(1),
            y + 1,
            &status,
            details_style,
            ambiguous,
        );
    }
}

fn render_heading(view: &View<'_>, area: Rect, text: &str, focused: bool, buf: &mut Buffer) {
    let style = if focused {
        view.theme.pane_title_focused
    } else {
        view.theme.pane_title
    };
    put_str(
        buf,
        area.x + 1,
        area.y,
        text,
        area.width.saturating_sub(2),
        style,
        view.app.settings.ambiguous,
    );
}

fn selection_style(view: &View<'_>, focused: bool) -> ratatui::style::Style {
    if focused {
        view.theme.selected
    } else {
        view.theme.selected_unfocused
    }
}
