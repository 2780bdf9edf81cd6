//! Whether the emulator's screen shows a frame the reader would draw, cell
//! by cell, and a wait for it.

use std::cell::RefCell;
use std::time::Instant;

use super::{Session, TIMEOUT};

/// Whether the emulator shows `frame` (a buffer the reader would draw):
/// every glyph where it belongs in its style, every blank blank with its
/// background; a glyph's columns together hold its text (a terminal may
/// draw the parts of a cluster, ｶﾞ, in columns of their own). The first
/// difference, said, when it does not.
pub fn shows(screen: &vt100::Screen, frame: &ratatui::buffer::Buffer) -> Result<(), String> {
    use ratatui::buffer::CellWidth;
    use ratatui::style::Modifier;
    let (rows, cols) = screen.size();
    let (rows, cols) = (rows.get(), cols.get());
    if (cols, rows) != (frame.area.width, frame.area.height) {
        return Err(format!("the screen is {cols}×{rows}, the frame {:?}", frame.area));
    }
    for y in 0..rows {
        let row: Vec<&vt100::Cell> = (0..cols).filter_map(|x| screen.cell(y, x)).collect();
        let mut x = 0;
        while x < cols {
            let cell = &frame[(x, y)];
            let width = cell.cell_width().clamp(1, cols - x);
            let shown = row[usize::from(x)];
            let text: String = row[usize::from(x)..usize::from(x + width)]
                .iter()
                .map(|c| c.contents())
                .collect();
            let symbol = cell.symbol();
            let blank = symbol.trim().is_empty();
            let has = |m: Modifier| cell.modifier.contains(m);
            let mut differences = Vec::new();
            if blank && !text.trim().is_empty() || !blank && text != symbol {
                differences.push(format!("{text:?} instead of {symbol:?}"));
            }
            if !blank
                && (shown.fgcolor() != vt_color(cell.fg)
                    || shown.bold() != has(Modifier::BOLD)
                    || shown.dim() != has(Modifier::DIM)
                    || shown.italic() != has(Modifier::ITALIC))
            {
                differences.push(format!("{symbol:?} in another colour or weight than {:?}", cell.fg));
            }
            if shown.bgcolor() != vt_color(cell.bg)
                || shown.inverse() != has(Modifier::REVERSED)
                || shown.underline() != has(Modifier::UNDERLINED)
            {
                differences.push(format!("{symbol:?} on another background than {:?}", cell.bg));
            }
            if !differences.is_empty() {
                return Err(format!("row {y} column {x}: {}", differences.join(", ")));
            }
            x += width;
        }
    }
    Ok(())
}

/// The colour vt100 reports for a ratatui colour as the reader writes it.
fn vt_color(color: ratatui::style::Color) -> vt100::Color {
    match (color, yuedu::tui::palette_index(color)) {
        (_, Some(index)) => vt100::Color::Idx(index),
        (ratatui::style::Color::Rgb(r, g, b), None) => vt100::Color::Rgb(r, g, b),
        _ => vt100::Color::Default,
    }
}

impl Session {
    /// Waits until the screen shows `frame` with the cursor at `cursor`
    /// (hidden when `None`); panics with the last difference if it never does.
    pub fn wait_for_frame(&self, frame: &ratatui::buffer::Buffer, cursor: Option<(u16, u16)>, what: &str) {
        let last = RefCell::new(String::new());
        let matches = |s: &Session| {
            let verdict = s.with_screen(|screen| {
                shows(screen, frame)?;
                let (row, col) = screen.cursor_position();
                match cursor {
                    Some((x, y)) if screen.hide_cursor() || (col, row) != (x, y) => Err(format!(
                        "the cursor at {col},{row} ({}), not at {x},{y}",
                        if screen.hide_cursor() { "hidden" } else { "shown" }
                    )),
                    None if !screen.hide_cursor() => Err("the cursor shown".into()),
                    _ => Ok(()),
                }
            });
            match verdict {
                Some(Ok(())) => true,
                Some(Err(difference)) => {
                    last.replace(difference);
                    false
                }
                None => false,
            }
        };
        if self.wait_on(Instant::now() + TIMEOUT, matches) {
            return;
        }
        panic!(
            "{what}: the screen never showed the frame drawn: {}\n{}",
            last.borrow(),
            self.screen()
        );
    }
}
