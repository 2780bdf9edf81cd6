//! The reader pane: the rows the reader shows (the article's head, the
//! visible slice of its cached layout, the end mark and the next article) in
//! a centred reading column, and a scrollbar.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::View;
use super::draw::{put_str, put_truncated};
use super::theme::Theme;
use crate::app::{Row, geometry};
use crate::i18n::tr;
use crate::keymap::{Command, Scope};
use crate::layout::{Direction, Layout, Mark};
use crate::library::Body;
use crate::present::meta_line;
use crate::script::Script;
use crate::text::AmbiguousWidth;

pub fn render_reader(view: &View<'_>, area: Rect, buf: &mut Buffer) {
    let app = view.app;
    let Some(reader) = &app.reader else {
        let hint = match app.keymap.hint(Scope::Lists, Command::Open) {
            Some(key) => tr!(
                app.lang(),
                en: "press {key} to open an article",
                hans: "按 {key} 打开文章",
                hant: "按 {key} 打開文章",
            ),
            None => String::new(),
        };
        put_str(
            buf,
            area.x + 2,
            area.y + 1,
            &hint,
            area.width.saturating_sub(2),
            view.theme.dim,
            app.settings.ambiguous,
        );
        return;
    };
    if app.settings.direction == Direction::Vertical {
        return super::vertical::render_vertical(view, area, reader, buf);
    }
    let article = &app.library[reader.article];
    let column = geometry::reading_column(area, app.settings.max_width);
    let ambiguous = app.settings.ambiguous;
    let script = app.script();
    let page = usize::from(area.height);
    let marks = reader.visible_marks(reader.top, page);
    let text = ArticleText {
        body: &article.body,
        layout: &reader.layout,
        top: reader.top,
        marks: &marks,
        theme: view.theme,
        script,
    };
    for (row, shown) in reader.rows(page).enumerate() {
        let y = area.y + row as u16;
        let (line, style, centred) = match shown {
            Row::Line(index) => {
                text.render_line(index, Rect { y, height: 1, ..column }, buf);
                continue;
            }
            Row::Blank => continue,
            Row::Title => (
                script.convert(&article.meta.title).into_owned(),
                view.theme.title,
                false,
            ),
            // The article's words in the reader's script, the interface's as written.
            Row::Meta => (
                meta_line(article, app.lang(), |t| script.convert(t)),
                view.theme.meta,
                false,
            ),
            Row::End => (
                tr!(app.lang(), en: "— end —", hans: "— 完 —", hant: "— 完 —"),
                view.theme.meta,
                true,
            ),
            Row::Next => (next_line(app, reader.article), view.theme.meta, true),
        };
        let width = crate::text::str_width(&line, ambiguous) as u16;
        let x = if centred && width < column.width {
            column.x + (column.width - width) / 2
        } else {
            column.x
        };
        put_truncated(buf, x, y, &line, column.right().saturating_sub(x), style, ambiguous);
    }
    render_scrollbar(
        view,
        Rect {
            x: area.right().saturating_sub(1),
            width: 1,
            ..area
        },
        reader,
        buf,
    );
}

/// What follows the end mark: the next article and the key that opens it,
/// or that this is the last.
pub(super) fn next_line(app: &crate::app::App, article: crate::library::ArticleId) -> String {
    let lang = app.lang();
    match app.neighbour(article, 1).and_then(|i| app.library.get(i)) {
        Some(next) => {
            let title = app.script().convert(&next.meta.title);
            match app.keymap.hint(Scope::Reader, Command::PageDown) {
                Some(key) => {
                    tr!(lang, en: "Next ({key}): {title}", hans: "下一篇（{key}）：{title}", hant: "下一篇（{key}）：{title}")
                }
                None => tr!(lang, en: "Next: {title}", hans: "下一篇：{title}", hant: "下一篇：{title}"),
            }
        }
        None => tr!(lang, en: "this is the last article", hans: "已是最后一篇", hant: "已是最後一篇"),
    }
}

/// The visible lines of a laid-out article. Draws only the lines on screen, so
/// a frame costs the same at the end of a long article as at its start.
pub struct ArticleText<'a> {
    pub body: &'a Body,
    pub layout: &'a Layout,
    pub top: usize,
    pub marks: &'a [(Range<usize>, Mark)],
    pub theme: &'a Theme,
    /// The characters the text is shown in; conversion keeps every width,
    /// so the layout of the original text holds.
    pub script: Script,
}

impl ArticleText<'_> {
    /// Draws line `index` of the layout in `area` (one row).
    pub fn render_line(&self, index: usize, area: Rect, buf: &mut Buffer) {
        let ambiguous: AmbiguousWidth = self.layout.settings().ambiguous;
        let mut x = area.x;
        for piece in self.layout.pieces(self.body, index, self.marks) {
            let style = self.theme.piece(&piece);
            x = put_str(
                buf,
                x,
                area.y,
                &self.script.convert(&piece.text),
                area.right().saturating_sub(x),
                style,
                ambiguous,
            );
        }
    }
}

impl Widget for ArticleText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        for row in 0..area.height {
            let index = self.top + usize::from(row);
            if index >= self.layout.len() {
                break;
            }
            self.render_line(
                index,
                Rect {
                    y: area.y + row,
                    height: 1,
                    ..area
                },
                buf,
            );
        }
    }
}

fn render_scrollbar(view: &View<'_>, track: Rect, reader: &crate::app::Reader, buf: &mut Buffer) {
    let height = usize::from(track.height);
    let Some(thumb) = reader.scrollbar(height, height) else {
        return;
    };
    for row in 0..height {
        let style = if thumb.contains(&row) {
            view.theme.scrollbar_thumb
        } else {
            view.theme.scrollbar_track
        };
        // The buffer may already be smaller than the app's last known size
        // (a resize not yet handled): draw only what lies inside it.
        let at = ratatui::layout::Position::new(track.x, track.y + row as u16);
        if buf.area.contains(at) {
            buf[at].set_symbol(" ").set_style(style);
        }
    }
}
