//! The help overlay, generated from the keymap so it cannot drift from it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::draw::{fill, put_str, put_truncated};
use super::{View, centered};
use crate::app::Pane;
use crate::app::command::Command;
use crate::app::keys::Context;
use crate::text::str_width;

const KEY_COLUMN: u16 = 20;

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
    let width = rows
        .iter()
        .map(|(_, d)| KEY_COLUMN as usize + str_width(d, ambiguous))
        .max()
        .unwrap_or(0) as u16
        + 4;
    let box_area = centered(area, width, rows.len() as u16 + 4);
    fill(buf, box_area, view.theme.overlay);
    let inner_x = box_area.x + 2;
    let inner_width = box_area.width.saturating_sub(4);
    put_str(
        buf,
        inner_x,
        box_area.y + 1,
        "按键  (Esc 关闭)",
        inner_width,
        view.theme.overlay_key,
        ambiguous,
    );
    for (row, (keys, description)) in rows.iter().enumerate() {
        let y = box_area.y + 3 + row as u16;
        if y >= box_area.bottom() {
            break;
        }
        put_truncated(
            buf,
            inner_x,
            y,
            keys,
            KEY_COLUMN.min(inner_width).saturating_sub(1),
            view.theme.overlay_key,
            ambiguous,
        );
        let description_width = inner_width.saturating_sub(KEY_COLUMN);
        put_truncated(
            buf,
            inner_x + KEY_COLUMN,
            y,
            description,
            description_width,
            view.theme.overlay,
            ambiguous,
        );
    }
}
