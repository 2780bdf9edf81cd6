//! Writing text into the buffer cell by cell with the project's own width
//! function, so that what the layout measured is exactly what is drawn, in
//! narrow and in wide ambiguous-width mode alike.

use std::num::NonZeroU16;

use crate::text::{AmbiguousWidth, grapheme_indices, grapheme_width, is_unsafe, str_width, truncate_to_width};
use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::Style;

/// Draws `text` at (x, y) in at most `max_width` columns; returns the column after it.
///
/// In wide mode an East Asian Ambiguous character is given two cells: the
/// buffer's own width function says one, so the cell carries a forced width of
/// two and the cell after it is left blank, which keeps every later column
/// where a terminal that draws such characters wide will put it.
pub fn put_str(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    max_width: u16,
    style: Style,
    ambiguous: AmbiguousWidth,
) -> u16 {
    let right = buf.area.right().min(x.saturating_add(max_width));
    if y < buf.area.top() || y >= buf.area.bottom() {
        return x;
    }
    // One character is one grapheme: no segmentation (vertical text draws
    // a character at a time).
    let mut chars = text.chars();
    if let (Some(_), None) = (chars.next(), chars.next()) {
        return put_grapheme(buf, x, y, text, right, style, ambiguous).unwrap_or(x);
    }
    let mut x = x;
    for (_, grapheme) in grapheme_indices(text) {
        match put_grapheme(buf, x, y, grapheme, right, style, ambiguous) {
            Some(next) => x = next,
            None => break,
        }
    }
    x
}

/// Draws one grapheme at (x, y) if it ends by `right`: the column after it,
/// or none when it does not fit. What may act on the terminal and what has
/// no width are left out.
fn put_grapheme(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    grapheme: &str,
    right: u16,
    style: Style,
    ambiguous: AmbiguousWidth,
) -> Option<u16> {
    // The same rule as for printed output: nothing that acts on the terminal.
    if grapheme.chars().any(is_unsafe) {
        return Some(x);
    }
    let width = grapheme_width(grapheme, ambiguous) as u16;
    if width == 0 {
        return Some(x);
    }
    if x + width > right {
        return None;
    }
    // One index for the cell and those it covers, on the same row.
    let at = buf.index_of(x, y);
    let cells = &mut buf.content[at..at + usize::from(width)];
    let (cell, covered) = cells.split_at_mut(1);
    let cell = &mut cell[0];
    cell.set_symbol(grapheme).set_style(style);
    if !crate::text::is_wide_alone(grapheme) && width != grapheme.cell_width() {
        cell.diff_option = NonZeroU16::new(width).map_or(CellDiffOption::None, CellDiffOption::ForcedWidth);
    }
    for cell in covered {
        cell.reset();
        cell.set_style(style);
    }
    Some(x + width)
}

/// Draws `text` cut to `width` columns with "…" when it does not fit.
pub fn put_truncated(
    buf: &mut Buffer,
    x: u16,
    y: u16,
    text: &str,
    width: u16,
    style: Style,
    ambiguous: AmbiguousWidth,
) -> u16 {
    let cut = truncate_to_width(text, usize::from(width), ambiguous);
    put_str(buf, x, y, &cut, width, style, ambiguous)
}

/// Draws `text` right-aligned so that it ends at `right` (exclusive).
pub fn put_right(buf: &mut Buffer, right: u16, y: u16, text: &str, style: Style, ambiguous: AmbiguousWidth) {
    let width = str_width(text, ambiguous) as u16;
    let x = right.saturating_sub(width);
    put_str(buf, x, y, text, width, style, ambiguous);
}

/// Fills an area with spaces in a style: each cell a copy of one blank
/// cell, row by row (a whole screen is filled for each frame).
pub fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    let mut blank = Cell::EMPTY;
    blank.set_style(style);
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.left(), y);
        for cell in &mut buf.content[start..start + usize::from(area.width)] {
            cell.clone_from(&blank);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_blanks_each_cell_of_the_area_as_reset_and_styled_cells() {
        use ratatui::style::{Color, Modifier};
        let style = Style::new()
            .fg(Color::Yellow)
            .bg(Color::Blue)
            .add_modifier(Modifier::BOLD);
        for area in [
            Rect::new(0, 0, 12, 4),
            Rect::new(3, 1, 5, 2),
            Rect::new(8, 2, 10, 10),
            Rect::new(2, 1, 0, 3),
            Rect::new(20, 20, 3, 3),
        ] {
            let mut buf = Buffer::empty(Rect::new(0, 0, 12, 4));
            for y in 0..4 {
                put_str(
                    &mut buf,
                    0,
                    y,
                    "好a“字”",
                    12,
                    Style::new().fg(Color::Red).add_modifier(Modifier::ITALIC),
                    AmbiguousWidth::Wide,
                );
            }
            let mut expected = buf.clone();
            let inside = area.intersection(expected.area);
            for y in inside.top()..inside.bottom() {
                for x in inside.left()..inside.right() {
                    expected[(x, y)].reset();
                    expected[(x, y)].set_style(style);
                }
            }
            fill(&mut buf, area, style);
            assert_eq!(buf, expected, "{area:?}");
        }
    }

    #[test]
    fn wide_mode_gives_ambiguous_characters_two_cells() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let end = put_str(&mut buf, 0, 0, "“好”a", 10, Style::new(), AmbiguousWidth::Wide);
        assert_eq!(end, 7);
        assert_eq!(buf[(0, 0)].symbol(), "“");
        assert_eq!(
            buf[(0, 0)].diff_option,
            CellDiffOption::ForcedWidth(NonZeroU16::new(2).expect("2"))
        );
        assert_eq!(buf[(1, 0)].symbol(), " ");
        assert_eq!(buf[(2, 0)].symbol(), "好");
        assert_eq!(buf[(4, 0)].symbol(), "”");
        assert_eq!(buf[(6, 0)].symbol(), "a");
    }

    #[test]
    fn wide_mode_gives_every_ambiguous_character_two_cells() {
        // Those outside the private use areas, and a few within them.
        let text: String = crate::text::ambiguous_characters()
            .filter(|&c| !('\u{e000}'..='\u{f8ff}').contains(&c) && c < '\u{f0000}')
            .chain(['\u{e000}', '\u{f8ff}', '\u{f0000}', '\u{10fffd}'])
            .collect();
        let count = text.chars().count();
        assert!(count > 800, "{count}");
        let width = u16::try_from(2 * count).expect("fits");
        let mut buf = Buffer::empty(Rect::new(0, 0, width, 1));
        let end = put_str(&mut buf, 0, 0, &text, width, Style::new(), AmbiguousWidth::Wide);
        assert_eq!(end, width);
        for (i, c) in text.chars().enumerate() {
            let x = u16::try_from(2 * i).expect("fits");
            assert_eq!(buf[(x, 0)].symbol(), c.to_string(), "U+{:04X}", u32::from(c));
            assert_eq!(
                buf[(x + 1, 0)].symbol(),
                " ",
                "U+{:04X} covers the next cell",
                u32::from(c)
            );
        }
    }

    #[test]
    fn narrow_mode_draws_as_the_buffer_would() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let end = put_str(&mut buf, 0, 0, "“好”a", 10, Style::new(), AmbiguousWidth::Narrow);
        assert_eq!(end, 5);
        assert_eq!(buf[(0, 0)].diff_option, CellDiffOption::None);
    }

    #[test]
    fn a_wide_character_never_straddles_the_edge() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        let end = put_str(&mut buf, 0, 0, "客户关系", 5, Style::new(), AmbiguousWidth::Narrow);
        assert_eq!(end, 4);
        assert_eq!(buf[(4, 0)].symbol(), " ");
    }

    #[test]
    fn control_characters_are_never_drawn() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 10, 1));
        put_str(&mut buf, 0, 0, "a\u{1b}[2Jb", 10, Style::new(), AmbiguousWidth::Narrow);
        assert_eq!(buf[(0, 0)].symbol(), "a");
        assert_eq!(buf[(1, 0)].symbol(), "[");
    }
}
