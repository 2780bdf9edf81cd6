//! Where each pane goes for a given terminal size. Pure arithmetic over
//! `Rect`s, shared by the state machine (page sizes, mouse hit tests) and the
//! renderer, so both always agree.

use ratatui_core::layout::Rect;

use super::Pane;

/// From this width on, the lists and the reader sit side by side.
pub const SIDE_BY_SIDE_MIN_WIDTH: u16 = 100;
/// Below this size only a "terminal too small" message is shown.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 5;
const CATEGORY_PANE_WIDTH: u16 = 18;
const ARTICLE_PANE_WIDTH: u16 = 38;
/// Columns the two lists take beside the reader, with their separators.
const LISTS_WIDTH: u16 = CATEGORY_PANE_WIDTH + 1 + ARTICLE_PANE_WIDTH + 1;
/// Rows above the items of a list: its heading.
pub const LIST_HEADER_ROWS: u16 = 1;
/// Rows each article takes in the article list: title, then details.
pub const ARTICLE_ROWS: u16 = 2;

/// The panes on screen; a pane that is not shown is `None`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Screen {
    pub categories: Option<Rect>,
    pub articles: Option<Rect>,
    pub reader: Option<Rect>,
    pub status: Rect,
    pub too_small: bool,
}

impl Screen {
    /// The panes for a window of `width` × `height`. While the reader has
    /// the focus, the lists give way whenever they would keep the reading
    /// column narrower than `max_width`; they come back with the focus.
    pub fn new(width: u16, height: u16, focus: Pane, focus_mode: bool, reader_open: bool, max_width: usize) -> Screen {
        let full = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Screen {
                status: full,
                too_small: true,
                ..Screen::default()
            };
        }
        let main = Rect::new(0, 0, width, height - 1);
        let status = Rect::new(0, height - 1, width, 1);
        let mut screen = Screen {
            status,
            ..Screen::default()
        };
        let reading = reader_open && focus == Pane::Reader;
        let lists_fit = width >= SIDE_BY_SIDE_MIN_WIDTH
            && (!reading || column_width(width - LISTS_WIDTH, max_width) >= column_width(width, max_width));
        if focus_mode && reader_open {
            screen.reader = Some(main);
        } else if lists_fit {
            let categories = Rect {
                width: CATEGORY_PANE_WIDTH,
                ..main
            };
            let articles = Rect {
                x: CATEGORY_PANE_WIDTH + 1,
                width: ARTICLE_PANE_WIDTH,
                ..main
            };
            let reader_x = articles.right() + 1;
            screen.categories = Some(categories);
            screen.articles = Some(articles);
            screen.reader = Some(Rect {
                x: reader_x,
                width: width - reader_x,
                ..main
            });
        } else {
            match focus {
                Pane::Categories => screen.categories = Some(main),
                Pane::Articles => screen.articles = Some(main),
                Pane::Reader => screen.reader = Some(main),
            }
        }
        screen
    }

    pub fn side_by_side(&self) -> bool {
        self.categories.is_some() && self.reader.is_some()
    }

    /// The pane at a screen position.
    pub fn pane_at(&self, x: u16, y: u16) -> Option<Pane> {
        let hit = |r: Option<Rect>| r.is_some_and(|r| r.contains((x, y).into()));
        if hit(self.categories) {
            Some(Pane::Categories)
        } else if hit(self.articles) {
            Some(Pane::Articles)
        } else if hit(self.reader) {
            Some(Pane::Reader)
        } else {
            None
        }
    }
}

/// The rows of a list pane that show items.
pub fn list_body(pane: Rect) -> Rect {
    let header = LIST_HEADER_ROWS.min(pane.height);
    Rect {
        y: pane.y + header,
        height: pane.height - header,
        ..pane
    }
}

/// Columns left free on each side of the reading column, so text never
/// touches the pane's edge or the scrollbar in its last column.
pub fn reader_margin(pane_width: u16) -> u16 {
    match pane_width {
        0..=29 => 1,
        _ => 2,
    }
}

/// The reading column in a reader pane: up to `max_width` and an
/// even number of columns (Han characters take two, so a line fills it),
/// centred so that the margins left and right differ by at most the odd
/// column of an odd-width pane.
pub fn reading_column(pane: Rect, max_width: usize) -> Rect {
    let width = column_width(pane.width, max_width);
    Rect {
        x: pane.x + (pane.width - width) / 2,
        width,
        ..pane
    }
}

/// The width of the reading column in a pane `pane_width` columns wide.
fn column_width(pane_width: u16, max_width: usize) -> u16 {
    let available = pane_width.saturating_sub(2 * reader_margin(pane_width));
    let width = crate::layout::column_width(usize::from(available), max_width);
    let width = u16::try_from(width).unwrap_or(available);
    (width - width % 2).max(crate::layout::MIN_WIDTH as u16).min(pane_width)
}

/// Rows of a reader pane above the columns of vertical text, and below
/// them (a blank row, then the scrollbar's row), in a pane `height` rows
/// high; a low pane keeps only the scrollbar's row.
fn vertical_margins(height: u16) -> (u16, u16) {
    if height >= 10 { (1, 2) } else { (0, 1) }
}

/// The block of columns of vertical text in a reader pane: as wide as the
/// columns that fit in the reading column (`max_width` caps it) with `gap`
/// cells between them, centred like the horizontal column; as high as the
/// pane less its margins. The first column is at its right edge.
pub fn vertical_block(pane: Rect, max_width: usize, gap: usize) -> Rect {
    let room = usize::from(reading_column(pane, max_width).width);
    let columns = crate::layout::vertical::columns_per_page(room, gap);
    let cells = crate::layout::vertical::COLUMN_CELLS;
    let width = (columns * cells + (columns - 1) * gap).min(usize::from(pane.width));
    let width = u16::try_from(width).unwrap_or(pane.width);
    let (top, bottom) = vertical_margins(pane.height);
    Rect {
        x: pane.x + (pane.width - width) / 2,
        y: pane.y + top,
        width,
        height: pane.height.saturating_sub(top + bottom).max(1),
    }
}

/// The row of a reader pane that shows how far vertical text is read: its
/// last, the thumb moving from right to left.
pub fn vertical_scrollbar(pane: Rect) -> Rect {
    Rect {
        y: pane.bottom().saturating_sub(1),
        height: 1,
        ..pane
    }
}

/// The area of a full overlay (the bookmark list, search results): everything
/// above the status line, so nothing of the panes shows through at its edges.
pub fn overlay_area(width: u16, height: u16) -> Rect {
    Rect::new(0, 0, width, height.saturating_sub(1))
}

/// The rows of an overlay that show items.
pub fn overlay_body(width: u16, height: u16) -> Rect {
    let area = overlay_area(width, height);
    let header = 2.min(area.height);
    Rect {
        y: area.y + header,
        height: area.height - header,
        ..area
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_show_three_panes() {
        let screen = Screen::new(120, 35, Pane::Categories, false, false, 80);
        assert!(screen.side_by_side());
        assert_eq!(screen.reader.map(|r| r.width), Some(120 - 18 - 1 - 38 - 1));
        assert_eq!(screen.status, Rect::new(0, 34, 120, 1));
    }

    #[test]
    fn narrow_terminals_show_the_focused_pane_only() {
        let screen = Screen::new(60, 20, Pane::Articles, false, false, 80);
        assert_eq!(screen.articles, Some(Rect::new(0, 0, 60, 19)));
        assert!(screen.categories.is_none() && screen.reader.is_none());
    }

    #[test]
    fn focus_mode_gives_the_reader_the_whole_screen() {
        let screen = Screen::new(120, 35, Pane::Reader, true, true, 80);
        assert_eq!(screen.reader, Some(Rect::new(0, 0, 120, 34)));
    }

    #[test]
    fn tiny_terminals_are_too_small() {
        assert!(Screen::new(19, 10, Pane::Reader, false, true, 80).too_small);
        assert!(Screen::new(1, 1, Pane::Reader, false, true, 80).too_small);
        assert!(!Screen::new(20, 5, Pane::Reader, false, true, 80).too_small);
    }

    #[test]
    fn the_reading_column_is_capped_and_centred() {
        let column = reading_column(Rect::new(0, 3, 200, 30), 80);
        assert_eq!((column.x, column.width), (60, 80));
        let narrow = reading_column(Rect::new(0, 3, 50, 30), 80);
        assert_eq!((narrow.x, narrow.width), (2, 46));
        // Han characters take two columns: the column is even, so lines fill it.
        let odd = reading_column(Rect::new(0, 3, 81, 30), 79);
        assert_eq!((odd.x, odd.width), (2, 76));
    }

    #[test]
    fn the_margins_are_equal_at_every_width() {
        for width in MIN_WIDTH..=300 {
            for max_width in [10, 40, 79, 80, 120] {
                let pane = Rect::new(7, 0, width, 10);
                let column = reading_column(pane, max_width);
                let (left, right) = (column.x - pane.x, pane.right() - column.right());
                assert!(
                    right - left <= 1 && right >= left,
                    "{width} {max_width}: {left} {right}"
                );
                assert!(left >= 1, "{width} {max_width}: text touches the edge");
                assert_eq!(column.width % 2, 0);
                assert!(usize::from(column.width) <= max_width.max(crate::layout::MIN_WIDTH));
            }
        }
    }

    #[test]
    fn vertical_columns_are_centred_from_the_right_and_capped() {
        use crate::layout::vertical::columns_per_page;
        for width in MIN_WIDTH..=300 {
            for (max_width, gap) in [(40, 1), (80, 1), (80, 0), (120, 3)] {
                let pane = Rect::new(5, 0, width, 30);
                let block = vertical_block(pane, max_width, gap);
                let column = reading_column(pane, max_width);
                assert!(
                    block.x >= column.x && block.right() <= column.right(),
                    "{width} {max_width}"
                );
                let (left, right) = (block.x - pane.x, pane.right() - block.right());
                assert!(
                    right >= left && right - left <= 1,
                    "{width} {max_width}: {left} {right}"
                );
                let columns = columns_per_page(usize::from(block.width), gap);
                assert_eq!(usize::from(block.width), columns * 2 + (columns - 1) * gap);
                assert_eq!((block.y, block.height), (1, 27));
            }
        }
        assert_eq!(vertical_block(Rect::new(0, 0, 60, 4), 80, 1).height, 3);
    }

    #[test]
    fn the_lists_give_way_to_the_reader_until_the_column_fits_beside_them() {
        for width in SIDE_BY_SIDE_MIN_WIDTH..=300 {
            for max_width in [40, 60, 80, 100] {
                let screen = Screen::new(width, 30, Pane::Reader, false, true, max_width);
                let reader = screen.reader.expect("the reader is shown");
                let column = reading_column(reader, max_width);
                let full = reading_column(Rect::new(0, 0, width, 29), max_width);
                assert_eq!(
                    column.width, full.width,
                    "{width} {max_width}: the column is as wide as alone"
                );
                let beside = width - LISTS_WIDTH;
                assert_eq!(
                    screen.side_by_side(),
                    column_width(beside, max_width) == full.width,
                    "{width}"
                );
                // The lists are back with the focus.
                let lists = Screen::new(width, 30, Pane::Articles, false, true, max_width);
                assert!(lists.side_by_side());
            }
        }
        let at_100 = Screen::new(100, 30, Pane::Reader, false, true, 80);
        assert_eq!(at_100.reader, Some(Rect::new(0, 0, 100, 29)));
        let at_160 = Screen::new(160, 40, Pane::Reader, false, true, 80);
        assert!(at_160.side_by_side());
    }
}
