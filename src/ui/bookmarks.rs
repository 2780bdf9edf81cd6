//! The bookmark list overlay.

use ratatui::buffer::Buffer;

use super::View;
use super::draw::{put_str, put_truncated};
use super::list::{Item, Looks, render_list};
use crate::app::bookmarks::BookmarkList;
use crate::i18n::tr;
use crate::keymap::{Command, Scope};

pub fn render_bookmarks(view: &View<'_>, list: &BookmarkList, buf: &mut Buffer) {
    let app = view.app;
    let theme = view.theme;
    let ambiguous = app.settings.ambiguous;
    let (area, body) = view.open_overlay(buf);
    let lang = app.lang();
    let order = if list.grouped {
        tr!(lang, en: "by article", hans: "按文章", hant: "按文章")
    } else {
        tr!(lang, en: "by time", hans: "按时间", hant: "按時間")
    };
    let ordered = list.ordered(&app.saved, app.keys(), &app.library);
    let keys = &app.keymap;
    let switch = tr!(lang, en: "switch", hans: "切换", hant: "切換");
    let toggle = keys.hints(Scope::Lists, &[(Command::CycleOrder, &switch)]);
    let order = if toggle.is_empty() {
        order
    } else {
        tr!(lang, en: "{order} ({toggle})", hans: "{order}（{toggle}）", hant: "{order}（{toggle}）")
    };
    let labels = [
        (Command::Open, tr!(lang, en: "jump", hans: "跳转", hant: "跳轉")),
        (Command::EditNote, tr!(lang, en: "note", hans: "备注", hant: "備註")),
        (
            Command::DeleteBookmark,
            tr!(lang, en: "delete", hans: "删除", hant: "刪除"),
        ),
        (Command::Undo, tr!(lang, en: "undo", hans: "撤销", hant: "復原")),
        (Command::Back, tr!(lang, en: "close", hans: "关闭", hant: "關閉")),
    ];
    let labels: Vec<(Command, &str)> = labels.iter().map(|(c, l)| (*c, l.as_str())).collect();
    let actions = keys.hints(Scope::Lists, &labels);
    // In a narrow window the keys go on the row under the count, so none
    // (least of all the one that closes the list) is cut off.
    let n = ordered.len();
    let count = tr!(
        lang,
        en: "Bookmarks  {n}  {order}",
        hans: "书签  {n} 个  {order}",
        hant: "書籤  {n} 個  {order}",
    );
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
            &match keys.hint(Scope::Reader, Command::AddBookmark) {
                Some(key) => tr!(
                    lang,
                    en: "no bookmarks yet: press {key} while reading to add one",
                    hans: "还没有书签：在阅读时按 {key} 添加",
                    hant: "還沒有書籤：在閱讀時按 {key} 新增",
                ),
                None => tr!(lang, en: "no bookmarks yet", hans: "还没有书签", hant: "還沒有書籤"),
            },
            body.width.saturating_sub(2),
            theme.overlay,
            ambiguous,
        );
        return;
    }
    // The chapter it is in, as the status line names it there.
    let chapter_of = |bookmark: &crate::store::Bookmark| {
        app.article_of_key(&bookmark.article)
            .and_then(|i| crate::present::chapter_at(&app.library[i], bookmark.offset))
            .map(|chapter| app.shown(&chapter).into_owned())
    };
    let title_of = |bookmark: &crate::store::Bookmark| match app.article_of_key(&bookmark.article) {
        Some(i) => app.shown(&app.library[i].meta.title).into_owned(),
        None => {
            let article = &bookmark.article;
            tr!(lang, en: "{article} (unattached)", hans: "{article}（未关联）", hant: "{article}（未關聯）")
        }
    };
    // Grouped, each article's title heads its bookmarks (and the first
    // shown, when the list starts inside a group).
    let mut previous: Option<&str> = None;
    let items = ordered.iter().enumerate().skip(list.offset).map(|(index, bookmark)| {
        let heading = (list.grouped && previous != Some(bookmark.article.as_str())).then(|| title_of(bookmark));
        previous = Some(&bookmark.article);
        let title = match (list.grouped, chapter_of(bookmark)) {
            (true, Some(chapter)) => format!("  {chapter}"),
            (true, None) => String::new(),
            (false, Some(chapter)) => format!("{} › {chapter}", title_of(bookmark)),
            (false, None) => title_of(bookmark),
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
            detail: Some(vec![(format!("  {}", app.shown(&bookmark.snippet)), false)]),
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
