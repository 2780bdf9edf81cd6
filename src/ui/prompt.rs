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
    // Finding, the hits of what is typed so far, at the right end.
    let count = match (&prompt.kind, &view.app.reader) {
        (crate::app::PromptKind::Find, Some(reader)) if !prompt.input.text().trim().is_empty() => {
            let n = reader.hits.len();
            let count = match n {
                0 => crate::i18n::tr!(lang, en: "not found", hans: "没有找到", hant: "沒有找到"),
                _ => crate::i18n::tr!(lang, en: "{n} found", hans: "{n} 处", hant: "{n} 處"),
            };
            format!("  {count} ")
        }
        _ => String::new(),
    };
    let count_width = crate::text::str_width(&count, ambiguous) as u16;
    let count_width = if x + count_width + 4 < area.right() {
        super::draw::put_right(buf, area.right(), area.y, &count, style, ambiguous);
        count_width
    } else {
        0
    };
    let room = usize::from(area.right().saturating_sub(x + 1 + count_width));
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
