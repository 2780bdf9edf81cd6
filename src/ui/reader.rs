//! The reader pane: the article's title and metadata, then the visible slice
//! of its cached layout in a centred reading column, and a scrollbar.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

use super::View;
use super::draw::{put_str, put_truncated};
use super::theme::Theme;
use crate::app::geometry;
use crate::keymap::{Command, Context};
use crate::layout::{Layout, Mark};
use crate::library::Body;
use crate::present::meta_line;
use crate::script::Script;
use crate::text::AmbiguousWidth;

pub fn render_reader(view: &View<'_>, area: Rect, buf: &mut Buffer) {
    let app = view.app;
    let Some(reader) = &app.reader else {
        let hint = match app.keymap.hint(Context::Lists, Command::Open) {
            Some(key) => format!("按 {key} 打开文章"),
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
    let article = &app.library.articles()[reader.article];
    let text_area = geometry::reader_text(area);
    let column = geometry::reading_column(text_area, app.settings.max_width);
    let ambiguous = app.settings.ambiguous;
    if text_area.y > area.y {
        put_truncated(
            buf,
            column.x,
            area.y,
            &app.script().convert(&article.meta.title),
            column.width,
            view.theme.title,
            ambiguous,
        );
    }
    if text_area.y > area.y + 1 {
        put_truncated(
            buf,
            column.x,
            area.y + 1,
            &app.script().convert(&meta_line(article)),
            column.width,
            view.theme.meta,
            ambiguous,
        );
    }
    let marks = reader.visible_marks(reader.top, usize::from(text_area.height));
    ArticleText {
        body: &article.body,
        layout: &reader.layout,
        top: reader.top,
        marks: &marks,
        theme: view.theme,
        script: app.script(),
    }
    .render(column, buf);
    render_scrollbar(
        view,
        Rect {
            x: area.right().saturating_sub(1),
            width: 1,
            ..text_area
        },
        reader,
        buf,
    );
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

impl Widget for ArticleText<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let ambiguous: AmbiguousWidth = self.layout.settings().ambiguous;
        for row in 0..area.height {
            let index = self.top + usize::from(row);
            if index >= self.layout.len() {
                break;
            }
            let mut x = area.x;
            for piece in self.layout.pieces(self.body, index, self.marks) {
                let style = self.theme.piece(&piece);
                x = put_str(
                    buf,
                    x,
                    area.y + row,
                    &self.script.convert(&piece.text),
                    area.right().saturating_sub(x),
                    style,
                    ambiguous,
                );
            }
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
