//! The global search overlay: the query, then results with a highlighted snippet.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::View;
use super::draw::{fill, put_str, put_truncated};
use super::list::{Item, Looks, render_list};
use crate::app::search::GlobalSearch;
use crate::i18n::tr;
use crate::keymap::Command;
use crate::search::snippet;

/// Draws the overlay; returns the cursor position in the query line.
pub fn render_search(view: &View<'_>, search: &GlobalSearch, buf: &mut Buffer) -> (u16, u16) {
    let app = view.app;
    let theme = view.theme;
    let ambiguous = app.settings.ambiguous;
    let (area, body) = view.open_overlay(buf);
    let input_row = Rect { height: 1, ..area };
    fill(buf, input_row, theme.input);
    let lang = app.lang();
    let label = tr!(lang, en: "Search: ", hans: "搜索：", hant: "搜尋：");
    let x = put_str(
        buf,
        area.x + 1,
        area.y,
        &label,
        area.width.saturating_sub(2),
        theme.input,
        ambiguous,
    );
    let room = area.right().saturating_sub(x + 1);
    let text = search.input.text();
    let cursor = search.input.cursor_column(ambiguous) as u16;
    // Long queries show their end, where the cursor usually is.
    let skip = cursor.saturating_sub(room.saturating_sub(1));
    let shown = skip_columns(text, usize::from(skip), ambiguous);
    // The last query, selected: what is typed replaces it.
    let style = if search.input.is_selected() {
        theme.selected
    } else {
        theme.input
    };
    put_str(buf, x, area.y, shown, room, style, ambiguous);
    let total = search.results.total;
    let hint = if text.trim().is_empty() {
        let history = app
            .text_box()
            .up_down(&tr!(lang, en: "history", hans: "翻历史", hant: "翻歷史"));
        tr!(
            lang,
            en: "{history}; type words, all of those apart must occur; author: title: tag: narrow, -word excludes; pinyin (jys, jingyesi) finds titles and authors",
            hans: "{history}；输入字词，空格分开的都要出现；author: title: tag: 限定，-词 排除；拼音（jys、jingyesi）找标题和作者",
            hant: "{history}；輸入字詞，空格分開的都要出現；author: title: tag: 限定，-詞 排除；拼音（jys、jingyesi）找標題和作者",
        )
    } else {
        let text_box = app.text_box();
        let (open, back) = (
            tr!(lang, en: "open", hans: "打开", hant: "打開"),
            tr!(lang, en: "back", hans: "返回", hant: "返回"),
        );
        let keys = text_box.hints(&[(Command::Open, &open), (Command::Back, &back)]);
        let choose = text_box.up_down(&tr!(lang, en: "choose", hans: "选择", hant: "選擇"));
        let articles = crate::i18n::plural(total, "article", "articles");
        if app.is_searching() {
            // The results shown are an earlier query's until this one's arrive.
            tr!(
                lang,
                en: "searching…  {choose}  {keys}",
                hans: "搜索中…  {choose}  {keys}",
                hant: "搜尋中…  {choose}  {keys}",
            )
        } else {
            tr!(
                lang,
                en: "{total} {articles}  {choose}  {keys}",
                hans: "{total} 篇  {choose}  {keys}",
                hant: "{total} 篇  {choose}  {keys}",
            )
        }
    };
    if area.height > 1 {
        put_truncated(
            buf,
            area.x + 1,
            area.y + 1,
            &hint,
            area.width.saturating_sub(2),
            theme.dim.patch(theme.overlay),
            ambiguous,
        );
    }
    // The category beside each result only when the results span several.
    let several_categories = {
        let articles = app.library.articles();
        let mut categories = search.results.hits.iter().map(|h| &articles[h.article].meta.category);
        let first = categories.next();
        categories.any(|c| Some(c) != first)
    };
    let items = search
        .results
        .hits
        .iter()
        .enumerate()
        .skip(search.cursor.offset)
        .map(|(index, hit)| {
            let article = &app.library[hit.article];
            // Who wrote it tells two results of one title apart (two 寄友生).
            let mut right: Vec<String> = Vec::new();
            right.extend(article.meta.author.as_deref().map(|a| app.shown(a).into_owned()));
            if several_categories {
                right.push(app.shown(&article.meta.category).into_owned());
            }
            if hit.count > 0 {
                let count = hit.count;
                let hits = crate::i18n::plural(count, "hit", "hits");
                right.push(tr!(lang, en: "{count} {hits}", hans: "{count} 处", hant: "{count} 處"));
            }
            let title_right = right.join("  ");
            let width = usize::from(body.width.saturating_sub(4));
            let detail = if let Some(first) = &hit.first {
                let cut = snippet(&article.body.text, first.clone(), width, ambiguous);
                // Conversion keeps every byte offset, so the hit stays where it was.
                let text = app.shown(&cut.text);
                vec![
                    (text[..cut.hit.start].to_string(), false),
                    (text[cut.hit.clone()].to_string(), true),
                    (text[cut.hit.end..].to_string(), false),
                ]
            } else {
                // Found in a field, not the text: say which, then the text's start.
                let field = match hit.field {
                    crate::search::Field::Author => article
                        .meta
                        .author
                        .as_deref()
                        .map(|a| app.shown(a))
                        .map(|a| tr!(lang, en: "Author: {a}  ", hans: "作者：{a}　", hant: "作者：{a}　")),
                    _ => None,
                };
                let start = snippet(&article.body.text, 0..0, width, ambiguous).text;
                vec![(field.unwrap_or_default() + &app.shown(&start), false)]
            };
            Item {
                title: app.shown(&article.meta.title).into_owned(),
                title_right,
                detail: Some(detail),
                selected: index == search.cursor.selected,
                ..Item::default()
            }
        });
    let looks = Looks::overlay(theme, ambiguous, 3);
    render_list(buf, body, items, &looks);
    (x + cursor - skip, area.y)
}

fn skip_columns(text: &str, columns: usize, ambiguous: crate::text::AmbiguousWidth) -> &str {
    use unicode_segmentation::UnicodeSegmentation;
    let mut used = 0;
    for (at, g) in text.grapheme_indices(true) {
        if used >= columns {
            return &text[at..];
        }
        used += crate::text::grapheme_width(g, ambiguous);
    }
    ""
}
