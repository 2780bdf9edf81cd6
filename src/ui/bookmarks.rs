//! The bookmark list overlay.

use ratatui::buffer::Buffer;

use super::View;
use super::draw::{fill, put_right, put_str, put_truncated};
use crate::app::bookmarks::BookmarkList;
use crate::keymap::{Command, Context};

pub fn render_bookmarks(view: &View<'_>, list: &BookmarkList, buf: &mut Buffer) {
    let app = view.app;
    let theme = view.theme;
    let ambiguous = app.settings.ambiguous;
    let (area, body) = view.open_overlay(buf);
    let order = if list.grouped { "按文章" } else { "按时间" };
    let ordered = list.ordered(&app.saved, app.keys(), &app.library);
    let keys = &app.keymap;
    let toggle = keys.hints(Context::Lists, &[(Command::CycleOrder, "切换")]);
    let order = if toggle.is_empty() {
        order.to_string()
    } else {
        format!("{order}（{toggle}）")
    };
    let actions = keys.hints(
        Context::Lists,
        &[
            (Command::Open, "跳转"),
            (Command::EditNote, "备注"),
            (Command::DeleteBookmark, "删除"),
            (Command::Undo, "撤销"),
            (Command::Back, "关闭"),
        ],
    );
    let heading = format!("书签  {} 个  {order}  {actions}", ordered.len());
    put_truncated(
        buf,
        area.x + 1,
        area.y,
        &heading,
        area.width.saturating_sub(2),
        theme.overlay_key,
        ambiguous,
    );
    if ordered.is_empty() {
        put_str(
            buf,
            body.x + 1,
            body.y,
            &match keys.hint(Context::Reader, Command::AddBookmark) {
                Some(key) => format!("还没有书签：在阅读时按 {key} 添加"),
                None => "还没有书签".to_string(),
            },
            body.width.saturating_sub(2),
            theme.overlay,
            ambiguous,
        );
        return;
    }
    let title_of = |bookmark: &crate::store::Bookmark| match app.article_of_key(&bookmark.article) {
        Some(i) => app.library.articles()[i].meta.title.clone(),
        None => format!("{}（未关联）", bookmark.article),
    };
    // Grouped, each article's title heads its bookmarks (and the first
    // shown, when the list starts inside a group).
    let mut y = body.y;
    let mut previous: Option<&str> = None;
    for (index, bookmark) in ordered.iter().enumerate().skip(list.offset) {
        let heading = list.grouped && previous != Some(bookmark.article.as_str());
        previous = Some(&bookmark.article);
        if y + u16::from(heading) + 2 > body.bottom() {
            break;
        }
        if heading {
            put_truncated(
                buf,
                body.x + 1,
                y,
                &title_of(bookmark),
                body.width.saturating_sub(2),
                theme.overlay_key,
                ambiguous,
            );
            y += 1;
        }
        let selected = index == list.cursor;
        let style = if selected { theme.selected } else { theme.overlay };
        fill(buf, ratatui::layout::Rect { y, height: 2, ..body }, style);
        let title = if list.grouped {
            String::new()
        } else {
            title_of(bookmark)
        };
        let when = crate::present::bookmark_time(bookmark);
        let when_width = crate::text::str_width(&when, ambiguous) as u16;
        let first = match (title.is_empty(), bookmark.note.is_empty()) {
            (_, true) => title,
            (true, false) => format!("  {}", bookmark.note),
            (false, false) => format!("{title}  {}", bookmark.note),
        };
        put_truncated(
            buf,
            body.x + 1,
            y,
            &first,
            body.width.saturating_sub(when_width + 4),
            style,
            ambiguous,
        );
        put_right(buf, body.right().saturating_sub(1), y, &when, style, ambiguous);
        let snippet = format!("  {}", bookmark.snippet);
        let snippet_style = if selected {
            style
        } else {
            theme.dim.patch(theme.overlay)
        };
        put_truncated(
            buf,
            body.x + 1,
            y + 1,
            &snippet,
            body.width.saturating_sub(2),
            snippet_style,
            ambiguous,
        );
        y += 2;
    }
}
