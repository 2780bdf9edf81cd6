//! The reader in vertical text (竖排) at 60×20, 80×24 and 120×35: columns
//! from the right, the head in columns of its own, a search hit marked in
//! place, the end mark, and the status line.

use super::*;

/// The reader in focus mode at `width` × `height`, switched to vertical
/// text with `V`, then `keys`.
fn vertical(width: u16, height: u16, keys: &str) -> String {
    screen(&app(width, height, &format!("j l l V j k {keys}")))
}

#[test]
fn vertical_60x20() {
    insta::assert_snapshot!(vertical(60, 20, ""));
}

#[test]
fn vertical_80x24() {
    insta::assert_snapshot!(vertical(80, 24, ""));
}

#[test]
fn vertical_120x35() {
    insta::assert_snapshot!(vertical(120, 35, ""));
}

#[test]
fn vertical_60x20_one_screen_on() {
    insta::assert_snapshot!(vertical(60, 20, "space"));
}

#[test]
fn vertical_80x24_a_hit_marked_in_place() {
    insta::assert_snapshot!(vertical(80, 24, "/ 客 户 enter n"));
}

#[test]
fn vertical_120x35_at_the_end() {
    insta::assert_snapshot!(vertical(120, 35, "G"));
}

#[test]
fn the_current_hit_is_drawn_in_its_style_down_its_column() {
    let app = app(80, 24, "j l l V / 客 户 enter n");
    let theme = Theme::dark();
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 80, 24));
    render(&app, &theme, &mut buf);
    let marked: Vec<(u16, u16, String)> = (0..24)
        .flat_map(|y| (0..80).map(move |x| (x, y)))
        .filter(|&(x, y)| Some(buf[(x, y)].bg) == theme.current_hit.bg && buf[(x, y)].symbol() != " ")
        .map(|(x, y)| (x, y, buf[(x, y)].symbol().to_string()))
        .collect();
    assert_eq!(marked.len(), 2, "{marked:?}");
    assert_eq!((marked[0].2.as_str(), marked[1].2.as_str()), ("客", "户"));
    assert_eq!(marked[0].0, marked[1].0, "one above the other in a column");
    assert_eq!(marked[0].1 + 1, marked[1].1);
}
