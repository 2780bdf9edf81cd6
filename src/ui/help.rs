//! The help overlay, generated from the keymap so it cannot drift from it.
//! Laid out in as many columns as the screen needs.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{fill, put_str, put_truncated};
use super::{View, centered};
use crate::app::Pane;
use crate::keymap::Command;
use crate::keymap::Context;
use crate::text::str_width;

const KEY_COLUMN: u16 = 16;
const GAP: u16 = 3;

pub fn render_help(view: &View<'_>, area: Rect, buf: &mut Buffer) {
    let app = view.app;
    let ambiguous = app.settings.ambiguous;
    let context = if app.focus == Pane::Reader {
        Context::Reader
    } else {
        Context::Lists
    };
    let rows: Vec<(String, &str)> = Command::ALL
        .iter()
        .map(|&command| (app.keymap.keys_for(context, command).join(", "), command.description()))
        .filter(|(keys, _)| !keys.is_empty())
        .collect();
    let entry_width = rows
        .iter()
        .map(|(_, d)| KEY_COLUMN + str_width(d, ambiguous) as u16)
        .max()
        .unwrap_or(KEY_COLUMN);
    // Header, blank line, entries, and a margin row below.
    let available_rows = area.height.saturating_sub(5).max(1) as usize;
    let columns = rows.len().div_ceil(available_rows).max(1);
    let per_column = rows.len().div_ceil(columns);
    let width = (entry_width + GAP) * columns as u16 + 4 - GAP;
    let box_area = centered(area, width, per_column as u16 + 4);
    fill(buf, box_area, view.theme.overlay);
    let inner_x = box_area.x + 2;
    let inner_width = box_area.width.saturating_sub(4);
    put_str(
        buf,
        inner_x,
        box_area.y + 1,
        &format!("按键  ({})", app.keymap.hints(context, &[(Command::Back, "关闭")])),
        inner_width,
        view.theme.overlay_key,
        ambiguous,
    );
    for (i, (keys, description)) in rows.iter().enumerate() {
        let (column, row) = (i / per_column, i % per_column);
        let x = inner_x + column as u16 * (entry_width + GAP);
        let y = box_area.y + 3 + row as u16;
        if y >= box_area.bottom() || x >= box_area.right() {
            continue;
        }
        let room = box_area.right().saturating_sub(x + 2);
        put_truncated(
            buf,
            x,
            y,
            keys,
            KEY_COLUMN.min(room).saturating_sub(1),
            view.theme.overlay_key,
            ambiguous,
        );
        let description_x = x + KEY_COLUMN;
        let description_room = box_area
            .right()
            .saturating_sub(description_x + 2)
            .min(entry_width - KEY_COLUMN);
        put_truncated(
            buf,
            description_x,
            y,
            description,
            description_room,
            view.theme.overlay,
            ambiguous,
        );
    }
}
