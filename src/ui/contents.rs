//! The contents overlay: the filter on top, then the open article's
//! headings indented by level, the chapter being read marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::View;
use super::draw::{fill, put_str, put_truncated};
use super::list::{Item, Looks, render_list};
use crate::app::contents::Contents;
use crate::i18n::tr;

/// Draws the overlay; returns where the cursor goes (the end of the filter).
pub fn render_contents(view: &View<'_>, contents: &Contents, buf: &mut Buffer) -> (u16, u16) {
    let app = view.app;
    let theme = view.theme;
    let ambiguous = app.settings.ambiguous;
    let (area, body) = view.open_overlay(buf);
    fill(buf, Rect { height: 1, ..area }, theme.input);
    let width = area.width.saturating_sub(2);
    let lang = app.lang();
    let label = tr!(lang, en: "Contents: ", hans: "目录：", hant: "目錄：");
    let x = put_str(buf, area.x + 1, area.y, &label, width, theme.input, ambiguous);
    let room = area.right().saturating_sub(x + 1);
    let end = put_str(buf, x, area.y, contents.input.text(), room, theme.input, ambiguous);
    let shown = contents.shown();
    if area.height > 1 {
        let text_box = app.text_box();
        let (jump, back) = (
            tr!(lang, en: "jump", hans: "跳转", hant: "跳轉"),
            tr!(lang, en: "back", hans: "返回", hant: "返回"),
        );
        let keys = text_box.hints(&[
            (crate::keymap::Command::Open, &jump),
            (crate::keymap::Command::Back, &back),
        ]);
        let choose = text_box.up_down(&tr!(lang, en: "choose", hans: "选择", hant: "選擇"));
        let count = shown.len();
        let entries = crate::i18n::plural(count, "entry", "entries");
        let hint = tr!(
            lang,
            en: "{count} {entries}  type to filter  {choose}  {keys}",
            hans: "{count} 条  输入可筛选  {choose}  {keys}",
            hant: "{count} 條  輸入可篩選  {choose}  {keys}",
        );
        // The entries of the first part only, until the whole text is read.
        let hint = if contents.partial {
            let loading = reading_whole(lang);
            format!("{loading}  {hint}")
        } else {
            hint
        };
        let style = theme.dim.patch(theme.overlay);
        put_truncated(buf, area.x + 1, area.y + 1, &hint, width, style, ambiguous);
    }
    let items = shown.iter().enumerate().skip(contents.offset).map(|(row, &index)| {
        let entry = &contents.entries[index];
        let mark = if contents.current == Some(index) { "▶ " } else { "  " };
        let indent = "  ".repeat(usize::from(entry.level.saturating_sub(1)).min(5));
        Item {
            title: format!("{mark}{indent}{}", app.shown(&entry.title)),
            selected: row == contents.cursor,
            ..Item::default()
        }
    });
    let looks = Looks::overlay(theme, ambiguous, 1);
    render_list(buf, body, items, &looks);
    (end, area.y)
}

/// What the contents and the status line say while only the first part of a
/// large file is read.
pub fn reading_whole(lang: crate::i18n::Lang) -> String {
    tr!(lang, en: "reading the whole text…", hans: "正在读取全文…", hant: "正在讀取全文…")
}
