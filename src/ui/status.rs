//! The status line: where you are, and how far through.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::View;

use super::draw::{fill, put_right, put_truncated};
use crate::app::{App, Pane};
use crate::keymap::{Command, Context};
use crate::present::ReadStatus;
use crate::text::str_width;

/// Draws the status line, or the prompt in its place; returns the cursor position in a prompt.
pub fn render_status(view: &View<'_>, area: Rect, buf: &mut Buffer) -> Option<(u16, u16)> {
    let app = view.app;
    let style = view.theme.status;
    let ambiguous = app.settings.ambiguous;
    fill(buf, area, style);
    if let Some(prompt) = &app.prompt {
        return Some(super::prompt::render_prompt(view, prompt, area, buf));
    }
    if let Some(message) = &app.message {
        put_truncated(
            buf,
            area.x + 1,
            area.y,
            message,
            area.width.saturating_sub(2),
            style,
            ambiguous,
        );
        return None;
    }
    let (left, right) = match (&app.reader, app.focus) {
        (Some(reader), Pane::Reader) => {
            let article = &app.library.articles()[reader.article];
            let page = app.reader_page();
            // The chapter being read; a first heading that repeats the title is not one.
            let chapter = crate::library::heading_at(&article.body, reader.offset())
                .filter(|heading| *heading != article.meta.title)
                .map_or(String::new(), |heading| format!(" › {}", heading.replace('\n', " ")));
            (
                // 未分类 tells nothing when one file (or standard input) is all there is.
                if app.library.articles().len() == 1 && article.meta.category == crate::library::UNCATEGORISED {
                    format!("{}{chapter}", article.meta.title)
                } else {
                    format!("{} › {}{chapter}", article.meta.category, article.meta.title)
                },
                {
                    let hits = match reader.current_hit {
                        Some(i) => format!("查找 {}/{}  ", i + 1, reader.hits.len()),
                        None if !reader.hits.is_empty() => format!("查找 {} 处  ", reader.hits.len()),
                        None => String::new(),
                    };
                    let progress = if reader.at_end(page) {
                        ReadStatus::Finished
                    } else {
                        ReadStatus::InProgress(reader.percent() as u8)
                    }
                    .label();
                    // Line numbers once the article is laid out whole.
                    let lines = reader
                        .line_numbers()
                        .map_or(String::new(), |(top, len)| format!("  {top}/{len}"));
                    let help = app.keymap.hints(Context::Reader, &[(Command::Help, "帮助")]);
                    format!("{hits}{progress}{lines}  {help} ")
                },
            )
        }
        _ if app.loading.is_some() => {
            let (loaded, total) = app.loading.unwrap_or_default();
            (
                format!("加载中 {loaded}/{total} 个文件…"),
                format!("{} 篇  {} ", app.library.articles().len(), list_hints(app)),
            )
        }
        _ => (
            match app.continue_target() {
                Some((index, percent)) => {
                    let title = &app.library.articles()[index].meta.title;
                    let label = app
                        .keymap
                        .with_key(Context::Lists, Command::ContinueReading, "继续阅读");
                    format!("{label}：{title}  {percent}%")
                }
                // The app and the collection: its title, or its folders' names.
                None => match app.library.title() {
                    Some(title) => format!("阅读 yuedu · {title}"),
                    None => "阅读 yuedu".to_string(),
                },
            },
            format!("{} 篇  {} ", app.library.articles().len(), list_hints(app)),
        ),
    };
    let right_width = str_width(&right, ambiguous) as u16;
    let left_width = area.width.saturating_sub(right_width + 2);
    put_truncated(buf, area.x + 1, area.y, &left, left_width, style, ambiguous);
    if right_width < area.width {
        put_right(buf, area.right(), area.y, &right, style, ambiguous);
    }
    None
}

/// The keys of the lists' status line.
fn list_hints(app: &App) -> String {
    app.keymap
        .hints(Context::Lists, &[(Command::Help, "帮助"), (Command::Quit, "退出")])
}
