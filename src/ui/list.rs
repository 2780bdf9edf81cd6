//! The one list widget of the screen: items of a title line and an optional
//! detail line, each with text on the left and a column on the right, the
//! selected item highlighted over both lines, an optional heading row above
//! an item. The article list, the bookmark list, the search results and the
//! contents draw through it; which items and which is selected (scrolling)
//! is each list's own state (`app::ListCursor` and the like).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::draw::{fill, put_right, put_str, put_truncated};
use crate::text::{AmbiguousWidth, str_width};

/// One item, from the first shown on.
#[derive(Clone, Debug, Default)]
pub struct Item {
    /// A row above the item (the article heading grouped bookmarks).
    pub heading: Option<String>,
    pub title: String,
    pub title_right: String,
    /// The second line, in pieces: (text, marked as a hit).
    pub detail: Option<Vec<(String, bool)>>,
    pub detail_right: String,
    pub selected: bool,
}

/// How a list looks.
#[derive(Clone, Copy, Debug)]
pub struct Looks {
    pub normal: Style,
    pub selected: Style,
    /// The detail line of an item not selected.
    pub detail: Style,
    pub heading: Style,
    /// Patched over the pieces marked as hits.
    pub hit: Style,
    /// Columns from the left edge of the body to the detail line.
    pub detail_indent: u16,
    pub ambiguous: AmbiguousWidth,
}

impl Looks {
    /// A list in an overlay (search results, bookmarks, contents).
    pub fn overlay(theme: &super::theme::Theme, ambiguous: AmbiguousWidth, detail_indent: u16) -> Looks {
        Looks {
            normal: theme.overlay,
            selected: theme.selected,
            detail: theme.overlay,
            heading: theme.overlay_key,
            hit: theme.hit,
            detail_indent,
            ambiguous,
        }
    }
}

/// Draws `items` from the top of `body` while whole items fit.
pub fn render_list(buf: &mut Buffer, body: Rect, items: impl IntoIterator<Item = Item>, looks: &Looks) {
    let ambiguous = looks.ambiguous;
    let width = body.width.saturating_sub(2);
    let right_edge = body.right().saturating_sub(1);
    let mut y = body.y;
    for item in items {
        let rows = 1 + u16::from(item.detail.is_some());
        if y + u16::from(item.heading.is_some()) + rows > body.bottom() {
            break;
        }
        if let Some(heading) = &item.heading {
            put_truncated(buf, body.x + 1, y, heading, width, looks.heading, ambiguous);
            y += 1;
        }
        let style = if item.selected { looks.selected } else { looks.normal };
        fill(
            buf,
            Rect {
                y,
                height: rows,
                ..body
            },
            style,
        );
        let room = |right: &str| match str_width(right, ambiguous) as u16 {
            0 => width,
            w => width.saturating_sub(w + 2),
        };
        put_truncated(
            buf,
            body.x + 1,
            y,
            &item.title,
            room(&item.title_right),
            style,
            ambiguous,
        );
        put_right(buf, right_edge, y, &item.title_right, style, ambiguous);
        if let Some(detail) = &item.detail {
            let detail_style = if item.selected { style } else { looks.detail };
            let x = body.x + looks.detail_indent;
            let room = room(&item.detail_right).saturating_sub(looks.detail_indent.saturating_sub(1));
            match detail.as_slice() {
                [(text, false)] => {
                    put_truncated(buf, x, y + 1, text, room, detail_style, ambiguous);
                }
                pieces => {
                    let limit = x + room;
                    let mut at = x;
                    for (text, hit) in pieces {
                        let piece_style = if *hit {
                            detail_style.patch(looks.hit)
                        } else {
                            detail_style
                        };
                        at = put_str(buf, at, y + 1, text, limit.saturating_sub(at), piece_style, ambiguous);
                    }
                }
            }
            put_right(buf, right_edge, y + 1, &item.detail_right, detail_style, ambiguous);
        }
        y += rows;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn items_draw_two_lines_with_right_columns_headings_and_only_whole_items() {
        let looks = Looks {
            normal: Style::new(),
            selected: Style::new().bg(Color::Blue),
            detail: Style::new().add_modifier(Modifier::DIM),
            heading: Style::new().add_modifier(Modifier::BOLD),
            hit: Style::new().fg(Color::Yellow),
            detail_indent: 3,
            ambiguous: AmbiguousWidth::Narrow,
        };
        let item = |title: &str, selected| Item {
            title: title.into(),
            title_right: "R".into(),
            detail: Some(vec![("ab".into(), false), ("hit".into(), true), ("cd".into(), false)]),
            detail_right: "9%".into(),
            selected,
            ..Item::default()
        };
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 6));
        let items = [
            Item {
                heading: Some("Head".into()),
                ..item("one", false)
            },
            item("two", true),
            item("three", false),
        ];
        render_list(&mut buf, Rect::new(0, 0, 20, 6), items, &looks);
        let rows: Vec<String> = (0..6)
            .map(|y| (0..20).map(|x| buf[(x, y)].symbol()).collect::<String>())
            .collect();
        assert_eq!(rows[0], " Head               ");
        assert_eq!(rows[1], " one              R ");
        assert_eq!(rows[2], "   abhitcd       9% ");
        assert_eq!(rows[3], " two              R ");
        assert_eq!(rows[5], "                    ", "the third item does not fit whole");
        assert_eq!(buf[(5, 2)].fg, Color::Yellow, "the hit is marked");
        assert_eq!(buf[(0, 4)].bg, Color::Blue, "the selection covers both lines");
        assert!(buf[(3, 2)].modifier.contains(Modifier::DIM));
    }
}
