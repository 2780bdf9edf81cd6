//! The bookmark list overlay.

use ratatui::buffer::Buffer;

use super::View;
use super::draw::{put_str, put_truncated};
use super::list::{Item, Looks, render_list};
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
    // In a narrow window the keys go on the row under the count, so none
    // (least of all the one that closes the list) is cut off.
    let count = format!("书签  {} 个  {order}", ordered.len());
    let room = area.width.saturating_sub(2);
    let whole = format!("{count}  {actions}");
    let rows = if crate::text::str_width(&whole, ambiguous) <= usize::from(room) || area.height < 3 {
        vec![whole]
    } else {
        vec![count, actions]
    };
    for (row, text) in (area.y..).zip(&rows) {
        put_truncated(buf, area.x + 1, row, text, room, theme.overlay_key, ambiguous);
    }
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
        Some(i) => app.library.articles()[i].meta.title.to_string(),
        None => format!("{}（未关联）", bookmark.article),
    };
    // Grouped, each article's title heads its bookmarks (and the first
    // shown, when the list starts inside a group).
    let mut previous: Option<&str> = None;
    let items = ordered.iter().enumerate().skip(list.offset).map(|(index, bookmark)| {
        let heading = (list.grouped && previous != Some(bookmark.article.as_str())).then(|| title_of(bookmark));
        previous = Some(&bookmark.article);
        let title = if list.grouped {
            String::new()
        } else {
            title_of(bookmark)
        };
        let title = match (title.is_empty(), bookmark.note.is_empty()) {
            (_, true) => title,
            (true, false) => format!("  {}", bookmark.note),
            (false, false) => format!("{title}  {}", bookmark.note),
        };
        Item {
            heading,
            title,
            title_right: crate::present::bookmark_time(bookmark),
            detail: Some(vec![(format!("  {}", bookmark.snippet), false)]),
            selected: index == list.cursor,
            ..Item::default()
        }
    });
    let looks = Looks {
        detail: theme.dim.patch(theme.overlay),
        ..Looks::overlay(theme, ambiguous, 1)
    };
    render_list(buf, body, items, &looks);
}
