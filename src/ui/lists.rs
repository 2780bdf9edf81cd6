//! The category list and the article list.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::View;
use super::draw::{fill, put_right, put_str, put_truncated};
use super::list::{Item, Looks, render_list};
use crate::app::{Pane, geometry};
use crate::i18n::tr;
use crate::keymap::{Command, Scope};
use crate::present::article_details;

pub fn render_categories(view: &View<'_>, area: Rect, buf: &mut Buffer) {
    let app = view.app;
    let theme = view.theme;
    let ambiguous = app.settings.ambiguous;
    let focused = app.focus == Pane::Categories;
    let heading = tr!(app.lang(), en: "Categories", hans: "分类", hant: "分類");
    render_heading(view, area, &heading, focused, buf);
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
        put_truncated(
            buf,
            body.x + 1,
            y,
            &app.shown(&category.name),
            name_width,
            style,
            ambiguous,
        );
        put_right(buf, body.right().saturating_sub(1), y, &count, style, ambiguous);
    }
}

pub fn render_articles(view: &View<'_>, area: Rect, buf: &mut Buffer) {
    let app = view.app;
    let theme = view.theme;
    let ambiguous = app.settings.ambiguous;
    let focused = app.focus == Pane::Articles;
    let range = app.category_articles();
    let lang = app.lang();
    let heading = app.library.categories().get(app.categories.selected).map_or_else(
        || tr!(lang, en: "Articles", hans: "文章", hant: "文章"),
        |c| {
            let order = app.article_order().label(lang);
            let order = app.keymap.with_key(Scope::Lists, Command::CycleOrder, &order);
            let (name, count) = (app.shown(&c.name), c.articles.len());
            tr!(lang, en: "{name}  {count}  {order}", hans: "{name}  {count} 篇  {order}", hant: "{name}  {count} 篇  {order}")
        },
    );
    render_heading(view, area, &heading, focused, buf);
    let body = geometry::list_body(area);
    let rows = usize::from(body.height / geometry::ARTICLE_ROWS);
    let items = (app.articles.offset..range.len())
        .take(rows)
        .map_while(|position| Some((position, app.listed_article(position)?)))
        .map(|(position, index)| {
            let article = &app.library[index];
            Item {
                title: app.shown(&article.meta.title).into_owned(),
                detail: Some(vec![(article_details(article, lang, |t| app.shown(t)), false)]),
                detail_right: app.read_status(index).label(lang),
                selected: position == app.articles.selected,
                ..Item::default()
            }
        });
    let selected = selection_style(view, focused);
    let looks = Looks {
        normal: theme.text,
        selected,
        detail: theme.dim,
        heading: theme.text,
        hit: theme.hit,
        detail_indent: 1,
        ambiguous,
    };
    render_list(buf, body, items, &looks);
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
