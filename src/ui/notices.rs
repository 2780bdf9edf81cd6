//! The banner of notices not yet dismissed, above the status line: each
//! notice wrapped to the screen's width, then the keys that list them all
//! and dismiss them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::View;
use super::draw::{fill, put_str};
use crate::app::page::wrap;
use crate::i18n::tr;
use crate::keymap::Command;

/// Draws the banner so that it ends just above `status`.
pub fn render_banner(view: &View<'_>, status: Rect, buf: &mut Buffer) {
    let app = view.app;
    let notices = app.banner();
    if notices.is_empty() {
        return;
    }
    let ambiguous = app.settings.ambiguous;
    let width = status.width.saturating_sub(2).max(1);
    let lang = app.lang();
    let (all, seen) = (
        tr!(lang, en: "see all", hans: "查看全部", hant: "查看全部"),
        tr!(lang, en: "dismiss", hans: "知道了", hant: "知道了"),
    );
    let hints = app
        .keymap
        .hints(app.help_context(), &[(Command::Notices, &all), (Command::Back, &seen)]);
    let mut lines: Vec<(String, bool)> = notices
        .iter()
        .flat_map(|notice| wrap(notice, width, ambiguous))
        .map(|line| (line, false))
        .collect();
    // The keys stay on screen even when the notices do not all fit.
    let rows = (lines.len() + 1).min(usize::from(status.y / 2).max(1));
    lines.truncate(rows - 1);
    lines.extend(
        wrap(&hints, width, ambiguous)
            .into_iter()
            .take(1)
            .map(|hint| (hint, true)),
    );
    let area = Rect::new(
        status.x,
        status.y.saturating_sub(lines.len() as u16),
        status.width,
        lines.len() as u16,
    );
    fill(buf, area, view.theme.overlay);
    for ((text, key), y) in lines.iter().zip(area.y..) {
        let style = if *key {
            view.theme.overlay_key
        } else {
            view.theme.overlay
        };
        put_str(buf, area.x + 1, y, text, width, style, ambiguous);
    }
}
