//! A scrolled page in a box over the screen — the help, the list of notices:
//! its lines of placed pieces, the box that fits any window of at least
//! 20×5 (a title row, the lines, a footer saying there is more), its scroll
//! and the keys that scroll and close it. Text is wrapped by display width,
//! closing punctuation kept off the start of a line, Latin words kept whole.

use ratatui_core::layout::Rect;

use crate::i18n::{Lang, tr};
use crate::keymap::{Command, Keymap, Scope};
use crate::text::{AmbiguousWidth, grapheme_indices, grapheme_width};

/// The state of a scrolled page (the help, the notices): how far it is scrolled.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PageScroll {
    scroll: usize,
}

pub use super::overlay::Outcome;

/// One piece of a help line: text at a column of the content, a key or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub x: u16,
    pub text: String,
    pub key: bool,
}

/// Where the help goes on a screen and what it shows there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page {
    /// The box, cleared before drawing.
    pub frame: Rect,
    /// The title row ("按键 …").
    pub title: Rect,
    /// The rows of lines.
    pub body: Rect,
    /// The row that says there is more, when the lines do not fit.
    pub footer: Option<Rect>,
    /// Every line, each a list of pieces placed from `body.x`.
    pub lines: Vec<Vec<Piece>>,
}

impl Page {
    /// The first line that can be shown at the bottom of the body.
    pub fn max_scroll(&self) -> usize {
        self.lines.len().saturating_sub(usize::from(self.body.height))
    }
}

impl PageScroll {
    /// The first line shown, kept within the lines of `page`.
    pub fn scroll(&self, page: &Page) -> usize {
        self.scroll.min(page.max_scroll())
    }

    /// Runs `command`, typed with or without Ctrl, on the page laid out as `page`.
    pub fn handle(&mut self, command: Command, ctrl: bool, page: &Page) -> Outcome<std::convert::Infallible> {
        let rows = usize::from(page.body.height).max(1);
        let scroll = self.scroll(page);
        self.scroll = match command {
            // As in less, the quit key closes help; a Ctrl chord still quits.
            Command::Quit if ctrl => return Outcome::Quit,
            Command::Quit | Command::Back | Command::Help | Command::Notices => return Outcome::Close,
            Command::LineDown => scroll + 1,
            Command::LineUp => scroll.saturating_sub(1),
            Command::PageDown => scroll + rows,
            Command::PageUp => scroll.saturating_sub(rows),
            Command::HalfPageDown => scroll + rows.div_ceil(2),
            Command::HalfPageUp => scroll.saturating_sub(rows.div_ceil(2)),
            Command::Top => 0,
            Command::Bottom => page.max_scroll(),
            _ => scroll,
        }
        .min(page.max_scroll());
        Outcome::Stay
    }
}

/// What the footer says, in parts to show while they fit: more above
/// and/or below, then how to scroll.
pub fn footer(keymap: &Keymap, context: Scope, lang: Lang, above: bool, below: bool) -> Vec<String> {
    let more = tr!(lang, en: "more", hans: "更多", hant: "更多");
    let mark = match (above, below) {
        (true, true) => format!("▲▼ {more}"),
        (false, true) => format!("▼ {more}"),
        (true, false) => format!("▲ {more}"),
        (false, false) => String::new(),
    };
    let mut parts = vec![mark];
    let (page, top) = (
        tr!(lang, en: "page", hans: "翻页", hant: "翻頁"),
        tr!(lang, en: "start", hans: "开头", hant: "開頭"),
    );
    for (command, label) in [(Command::PageDown, page), (Command::Top, top)] {
        if let Some(key) = keymap.hint(context, command) {
            parts.push(format!("{key} {label}"));
        }
    }
    parts
}

/// A page of `lines`, `content` columns wide, framed on a `width` × `height`
/// screen: a title row, the lines, and a footer row when they do not fit.
pub fn framed(lines: Vec<Vec<Piece>>, content: u16, width: u16, height: u16) -> Page {
    let pad_x = if width >= 40 { 2 } else { 1 };
    let pad_y = u16::from(height >= 12);
    let title_rows = 1 + u16::from(height >= 12);
    let room_rows = height.saturating_sub(2 * pad_y + title_rows);
    let overflow = lines.len() > usize::from(room_rows);
    let body_rows = if overflow {
        room_rows.saturating_sub(1)
    } else {
        lines.len() as u16
    };
    let frame = centered(
        width,
        height,
        content + 2 * pad_x,
        2 * pad_y + title_rows + body_rows + u16::from(overflow),
    );
    let inner = |y: u16, rows: u16| Rect::new(frame.x + pad_x, y, frame.width.saturating_sub(2 * pad_x), rows);
    let body = inner(frame.y + pad_y + title_rows, body_rows);
    Page {
        frame,
        title: inner(frame.y + pad_y, 1),
        body,
        footer: overflow.then(|| inner(body.bottom(), 1)),
        lines,
    }
}

/// The columns a page's content can take on a screen `width` wide.
pub fn room(width: u16) -> u16 {
    width.saturating_sub(2 * if width >= 40 { 2 } else { 1 }).max(1)
}

/// `text` cut into lines of at most `width` columns, by grapheme; closing
/// punctuation never starts a line (the character before it goes along,
/// where the two fit on a line).
pub fn wrap(text: &str, width: u16, ambiguous: AmbiguousWidth) -> Vec<String> {
    const CLOSING: &str = "，。、：；！？）》」』";
    let width = usize::from(width.max(2));
    let mut lines: Vec<Vec<&str>> = vec![Vec::new()];
    let measure = |line: &[&str]| line.iter().map(|g| grapheme_width(g, ambiguous)).sum::<usize>();
    // The last line's width, kept as it grows (measured again only when
    // graphemes carried over start a line).
    let mut line_width = 0;
    for (_, grapheme) in grapheme_indices(text) {
        let Some(line) = lines.last_mut() else { break };
        let grapheme_columns = grapheme_width(grapheme, ambiguous);
        if line_width + grapheme_columns > width && !line.is_empty() {
            let takes_last = |last: &&str| grapheme_width(last, ambiguous) + grapheme_columns <= width;
            let carried: Vec<&str> =
                if CLOSING.contains(grapheme) && line.len() > 1 && line.last().is_some_and(takes_last) {
                    line.pop().into_iter().collect()
                } else if is_word(grapheme) {
                    // A Latin word (a path, an English sentence) moves whole
                    // to the next line when a space before it allows.
                    let start = line.iter().rposition(|g| !is_word(g)).map_or(0, |i| i + 1);
                    if start > 0 && line[start - 1] == " " {
                        line.split_off(start)
                    } else {
                        Vec::new()
                    }
                } else {
                    Vec::new()
                };
            line_width = measure(&carried);
            lines.push(carried);
        }
        if let Some(line) = lines.last_mut() {
            line.push(grapheme);
            line_width += grapheme_columns;
        }
    }
    lines.into_iter().map(|line| line.concat()).collect()
}

/// Part of a word that lines break around, not inside.
fn is_word(grapheme: &str) -> bool {
    grapheme.chars().all(|c| c.is_ascii_graphic())
}

/// A box of `width` × `height` centred on the screen, no larger than it.
fn centered(screen_width: u16, screen_height: u16, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(screen_width), height.min(screen_height));
    Rect::new((screen_width - width) / 2, (screen_height - height) / 2, width, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(line: &str) -> usize {
        crate::text::str_width(line, AmbiguousWidth::Narrow)
    }

    #[test]
    fn wrapped_lines_fit_keep_every_grapheme_and_carry_words_and_closing_marks() {
        let texts = [
            "在终端里读中文，版面要对。标点不在行首：句号、逗号、引号」都跟着前一个字。",
            "Open /home/reader/books/红楼梦.txt with yuedu, then press ? for help.",
            "混排 text 与 English words，a very-long-path/without/spaces/at/all 之后还有字。",
            "a一，b二。c三」",
        ];
        for text in texts {
            for width in 2..40 {
                let lines = wrap(text, width, AmbiguousWidth::Narrow);
                assert_eq!(lines.concat(), text, "width {width}");
                for line in &lines {
                    assert!(columns(line) <= usize::from(width), "width {width}: {line:?}");
                }
                for line in lines.iter().skip(1) {
                    let first = grapheme_indices(line).next().map_or("", |(_, g)| g);
                    assert!(
                        width < 4 || !"，。、：；！？）》」』".contains(first),
                        "width {width}: {line:?}"
                    );
                }
            }
        }
        // After a word carried over, the line goes on from the word's width.
        assert_eq!(
            wrap("ab cdefgh ij", 8, AmbiguousWidth::Narrow),
            ["ab ", "cdefgh ", "ij"]
        );
        assert_eq!(
            wrap("一二三四，五六", 8, AmbiguousWidth::Narrow),
            ["一二三", "四，五六"]
        );
    }
}
