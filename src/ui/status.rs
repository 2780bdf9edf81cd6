//! The status line: where you are, and how far through.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::View;

use super::draw::{fill, put_right, put_truncated};
use crate::app::{App, Pane};
use crate::i18n::tr;
use crate::keymap::{Command, Scope};
use crate::present::ReadStatus;
use crate::text::str_width;

/// Draws the status line, or the prompt in its place; returns the cursor position in a prompt.
pub fn render_status(view: &View<'_>, area: Rect, buf: &mut Buffer) -> Option<(u16, u16)> {
    let app = view.app;
    let style = view.theme.status;
    let (ambiguous, lang) = (app.settings.ambiguous, app.lang());
    fill(buf, area, style);
    if let Some(prompt) = &app.prompt {
        return Some(super::prompt::render_prompt(view, prompt, area, buf));
    }
    // In the reader a message takes the place of the left part only, so the
    // hits found and the progress stay in sight ("已从另一头继续  查找 1/4").
    let reading = app.reader.is_some() && app.focus == Pane::Reader;
    if let Some(message) = app.message.as_ref().filter(|_| !reading) {
        put_truncated(
            buf,
            area.x + 1,
            area.y,
            message.get(lang),
            area.width.saturating_sub(2),
            style,
            ambiguous,
        );
        return None;
    }
    let (left, right) = match (&app.reader, app.focus) {
        (Some(reader), Pane::Reader) => {
            let article = &app.library[reader.article];
            let page = app.reader_page();
            // The chapter being read; a first heading that repeats the title is not one.
            let chapter = crate::present::chapter_at(article, reader.offset())
                .map_or(String::new(), |chapter| format!(" › {}", app.shown(&chapter)));
            let (category, title) = (app.shown(&article.meta.category), app.shown(&article.meta.title));
            (
                // 未分类 tells nothing when one file (or standard input) is all there is.
                if app.library.articles().len() == 1 && article.meta.category == crate::library::UNCATEGORISED {
                    format!("{title}{chapter}")
                } else {
                    format!("{category} › {title}{chapter}")
                },
                {
                    let (at, count) = (reader.current_hit.map_or(0, |i| i + 1), reader.hits.len());
                    let hits = match reader.current_hit {
                        Some(_) => {
                            tr!(lang, en: "found {at}/{count}  ", hans: "查找 {at}/{count}  ", hant: "尋找 {at}/{count}  ")
                        }
                        None if count > 0 => {
                            tr!(lang, en: "found {count}  ", hans: "查找 {count} 处  ", hant: "尋找 {count} 處  ")
                        }
                        None => String::new(),
                    };
                    // Of the first part of a large file, neither its share nor
                    // its end is the article's: nothing is recorded from it yet.
                    let progress = if app.library.awaits_whole(reader.article) {
                        super::contents::reading_whole(lang)
                    } else if reader.at_end(page) {
                        ReadStatus::Finished.label(lang)
                    } else {
                        ReadStatus::InProgress(reader.percent() as u8).label(lang)
                    };
                    // Line numbers once the article is laid out whole.
                    let lines = reader
                        .line_numbers()
                        .filter(|_| !app.library.awaits_whole(reader.article))
                        .map_or(String::new(), |(top, len)| format!("  {top}/{len}"));
                    let help = help_label(lang);
                    let help = app.keymap.hints(Scope::Reader, &[(Command::Help, &help)]);
                    format!("{hits}{progress}{lines}  {help} ")
                },
            )
        }
        _ if app.loading.is_some() => {
            let (loaded, total) = app.loading.unwrap_or_default();
            (
                tr!(
                    lang,
                    en: "loading {loaded}/{total} files…",
                    hans: "加载中 {loaded}/{total} 个文件…",
                    hant: "載入中 {loaded}/{total} 個檔案…",
                ),
                article_count(app),
            )
        }
        _ => (
            match app.continue_target() {
                Some((index, percent)) => {
                    let title = app.shown(&app.library[index].meta.title);
                    let label = tr!(lang, en: "continue", hans: "继续阅读", hant: "繼續閱讀");
                    let label = app.keymap.with_key(Scope::Lists, Command::ContinueReading, &label);
                    tr!(lang, en: "{label}: {title}  {percent}%", hans: "{label}：{title}  {percent}%", hant: "{label}：{title}  {percent}%")
                }
                // The app and the collection: its title, or its folders' names.
                None => match app.library.title().map(|title| app.shown(title)) {
                    Some(title) => {
                        tr!(lang, en: "yuedu · {title}", hans: "阅读 yuedu · {title}", hant: "閱讀 yuedu · {title}")
                    }
                    None => tr!(lang, en: "yuedu", hans: "阅读 yuedu", hant: "閱讀 yuedu"),
                },
            },
            article_count(app),
        ),
    };
    let left = match &app.message {
        Some(message) => message.get(lang).to_string(),
        None => left,
    };
    let right_width = str_width(&right, ambiguous) as u16;
    let left_width = area.width.saturating_sub(right_width + 2);
    put_truncated(buf, area.x + 1, area.y, &left, left_width, style, ambiguous);
    if right_width < area.width {
        put_right(buf, area.right(), area.y, &right, style, ambiguous);
    }
    None
}

/// The number of articles and the keys of the lists' status line.
fn article_count(app: &App) -> String {
    let lang = app.lang();
    let (help, quit) = (help_label(lang), tr!(lang, en: "quit", hans: "退出", hant: "退出"));
    let hints = app
        .keymap
        .hints(Scope::Lists, &[(Command::Help, &help), (Command::Quit, &quit)]);
    let count = app.library.articles().len();
    let articles = crate::i18n::plural(count, "article", "articles");
    tr!(
        lang,
        en: "{count} {articles}  {hints} ",
        hans: "{count} 篇  {hints} ",
        hant: "{count} 篇  {hints} ",
    )
}

fn help_label(lang: crate::i18n::Lang) -> String {
    tr!(lang, en: "help", hans: "帮助", hant: "說明")
}
