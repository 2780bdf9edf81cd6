//! The prompt in the status line's place: its label (with the keys that
//! finish it, from the keymap), then the input, scrolled so the cursor
//! stays visible.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_segmentation::UnicodeSegmentation;

use super::View;
use super::draw::{fill, put_str};
use crate::app::Prompt;

/// The prompt: its label, then the input, scrolled so the cursor stays visible.
pub fn render_prompt(view: &View<'_>, prompt: &Prompt, area: Rect, buf: &mut Buffer) -> (u16, u16) {
    let ambiguous = view.app.settings.ambiguous;
    let style = view.theme.input;
    fill(buf, area, style);
    // A prompt that could not take all that was typed says so in its label's place.
    let lang = view.app.lang();
    let label = match &view.app.message {
        Some(message) if prompt.input.was_cut() => message.get(lang).to_string(),
        _ => prompt.label(&view.app.text_box(), lang),
    };
    let x = put_str(
        buf,
        area.x + 1,
        area.y,
        &label,
        area.width.saturating_sub(12),
        style,
        ambiguous,
    );
    let room = usize::from(area.right().saturating_sub(x + 1));
    let text = prompt.input.text();
    let cursor = prompt.input.cursor_column(ambiguous);
    // Drop graphemes from the front until the cursor fits.
    let mut skip = 0;
    let mut shown = text;
    for (i, g) in text.grapheme_indices(true) {
        if cursor.saturating_sub(skip) < room {
            shown = &text[i..];
            break;
        }
        skip += crate::text::str_width(g, ambiguous);
        shown = &text[i + g.len()..];
    }
    put_str(buf, x, area.y, shown, room as u16, style, ambiguous);
    (x + (cursor - skip.min(cursor)) as u16, area.y)
}
