//! The reader pane in vertical text (竖排): the rows the reader shows are
//! columns here, set from the right edge of the block of columns
//! (`geometry::vertical_block`), each two cells wide, `reading.column_gap`
//! cells apart. The article's title, its metadata, the end mark and the
//! next article stand in columns of their own as they stand in rows of
//! horizontal text; a scrollbar runs along the pane's last row, its thumb
//! moving from right to left.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::View;
use super::draw::put_str;
use crate::app::{Reader, Row, geometry};
use crate::i18n::tr;
use crate::layout::vertical::{column_x, rows_of};
use crate::present::meta_line;
use crate::text::AmbiguousWidth;

/// What a column cut short ends with: a vertical ellipsis.
const CUT: &str = "\u{FE19}";

pub fn render_vertical(view: &View<'_>, area: Rect, reader: &Reader, buf: &mut Buffer) {
    let app = view.app;
    let article = &app.library()[reader.article];
    let block = app.vertical_block();
    let ambiguous = app.settings.ambiguous;
    let script = app.script();
    let gap = app.settings.column_gap;
    let page = app.reader_page();
    let marks = reader.visible_marks(reader.top, page);
    let height = usize::from(block.height);
    for (index, shown) in reader.rows(page).enumerate() {
        let Some(x) = column_x(usize::from(block.width), gap, index) else {
            break;
        };
        let x = block.x + x as u16;
        let (text, style, centred) = match shown {
            Row::Line(line) => {
                // Each row's pieces follow each other from the column's left cell.
                let mut next = (usize::MAX, x);
                // Most rows share their style with the one above.
                let mut styled = None;
                for cell in reader.layout.column(&article.body, line, &marks) {
                    if cell.row >= height {
                        break;
                    }
                    let at = if next.0 == cell.row { next.1 } else { x };
                    let y = block.y + cell.row as u16;
                    let kind = (cell.piece.role, cell.piece.inline, cell.piece.mark);
                    let style = match styled {
                        Some((last, style)) if last == kind => style,
                        _ => view.theme.piece(&cell.piece),
                    };
                    styled = Some((kind, style));
                    let right = block.x + block.width;
                    let end = put_str(
                        buf,
                        at,
                        y,
                        &script.convert(&cell.piece.text),
                        right.saturating_sub(at),
                        style,
                        ambiguous,
                    );
                    next = (cell.row, end);
                }
                continue;
            }
            Row::Blank => continue,
            Row::Title => (script.convert(&article.meta.title), view.theme.title, false),
            Row::Meta => (
                Cow::Owned(
                    script
                        .convert(&meta_line(article, app.lang(), Cow::Borrowed))
                        .into_owned(),
                ),
                view.theme.meta,
                false,
            ),
            Row::End => (
                Cow::Owned(tr!(app.lang(), en: "— end —", hans: "— 完 —", hant: "— 完 —")),
                view.theme.meta,
                true,
            ),
            Row::Next => (
                Cow::Owned(super::reader::next_line(app, reader.article)),
                view.theme.meta,
                false,
            ),
        };
        let column = Rect { x, ..block };
        put_column(buf, column, &text, style, centred, ambiguous);
    }
    render_scrollbar(view, geometry::vertical_scrollbar(area), reader, page, buf);
}

/// Draws `text` down a column, a row per character in its vertical form,
/// cut with a vertical ellipsis when it is longer than the column, and
/// centred in it when `centred`.
fn put_column(buf: &mut Buffer, column: Rect, text: &str, style: Style, centred: bool, ambiguous: AmbiguousWidth) {
    let height = usize::from(column.height);
    let mut rows = rows_of(text, ambiguous);
    if rows.len() > height {
        rows.truncate(height.saturating_sub(1));
        rows.push(CUT);
    }
    let top = if centred { (height - rows.len()) / 2 } else { 0 };
    for (row, text) in rows.into_iter().enumerate() {
        let y = column.y + (top + row) as u16;
        put_str(buf, column.x, y, text, 2, style, ambiguous);
    }
}

/// The scrollbar along the pane's last row: the thumb starts at the right,
/// where the text starts, and moves left as the reader reads on.
fn render_scrollbar(view: &View<'_>, track: Rect, reader: &Reader, page: usize, buf: &mut Buffer) {
    let width = usize::from(track.width);
    let Some(thumb) = reader.scrollbar(width, page) else {
        return;
    };
    for cell in 0..width {
        let style = if thumb.contains(&cell) {
            view.theme.scrollbar_thumb
        } else {
            view.theme.scrollbar_track
        };
        let at = ratatui::layout::Position::new(track.right() - 1 - cell as u16, track.y);
        if buf.area.contains(at) {
            buf[at].set_symbol(" ").set_style(style);
        }
    }
}
