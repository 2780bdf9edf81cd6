//! Vertical text (竖排): `V` switches and is remembered, the place is the
//! byte offset both directions share, and every way of moving works by
//! columns.

use super::resizes::{long_book, resize_through_the_storm};
use super::*;
use crate::layout::{Direction, LineKind};

fn direction(app: &App) -> Direction {
    app.layout_settings().direction
}

/// The byte offset of the text on top of the page (the first column's).
fn top_offset(app: &App) -> usize {
    let reader = app.reader.as_ref().expect("open");
    reader.layout.offset_of_line(reader.top)
}

#[test]
fn v_switches_direction_and_the_choice_is_saved_and_restored() {
    let mut app = app(80, 24);
    app.open_article(nth(&app, 0), Some(0));
    let effects = press(&mut app, "V");
    assert_eq!(direction(&app), Direction::Vertical);
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::Save(Change::SetDirection(name)) if name == "vertical")),
        "{effects:?}"
    );
    assert_eq!(app.said(), Some("竖排：自右向左"));
    let mut next = super::app(80, 24);
    next.load_saved(app.saved.clone());
    assert_eq!(direction(&next), Direction::Vertical, "the saved choice wins");
    press(&mut app, "V");
    assert_eq!(direction(&app), Direction::Horizontal);
    let mut unknown = app.saved.clone();
    unknown.direction = Some("diagonal".into());
    let mut other = super::app(80, 24);
    other.load_saved(unknown);
    assert_eq!(
        direction(&other),
        Direction::Horizontal,
        "an unknown name changes nothing"
    );
}

#[test]
fn the_configured_direction_is_the_default() {
    let config =
        Config::from_user_text("user.toml", "[reading]\ndirection = \"vertical\"\ncolumn_gap = 2\n").expect("valid");
    let settings = crate::layout::reading_settings(&config);
    assert_eq!((settings.direction, settings.column_gap), (Direction::Vertical, 2));
    let app = App::new(Library::management(), config.keymap.clone(), settings, 80, 24);
    assert_eq!(direction(&app), Direction::Vertical);
    for wrong in ["direction = \"up\"", "column_gap = 9", "column_gap = -1"] {
        let error = Config::from_user_text("user.toml", &format!("[reading]\n{wrong}\n")).expect_err(wrong);
        assert!(error.to_string().contains("reading."), "{error}");
    }
}

#[test]
fn a_page_is_the_columns_that_fit_and_space_moves_a_screen_of_them() {
    let mut app = app(80, 24);
    app.open_article(nth(&app, 0), Some(0));
    press(&mut app, "V");
    let page = app.reader_page();
    // 76 cells of reading column: columns two cells wide, a cell apart.
    assert_eq!(page, 25);
    assert_eq!(
        app.layout_settings().width,
        24 - 1 - 3,
        "a column is the pane's height less its margins"
    );
    press(&mut app, "j");
    let reader = app.reader.as_ref().expect("open");
    assert_eq!(reader.position(), -2, "one column on: the title's column is gone");
    press(&mut app, "k space");
    let reader = app.reader.as_ref().expect("open");
    assert_eq!(reader.position(), -3 + page as i128 - 1, "a screen less one column");
    press(&mut app, "b");
    assert_eq!(app.reader.as_ref().map(Reader::position), Some(-3));
}

#[test]
fn switching_directions_keeps_the_place_and_comes_back_to_the_same_line() {
    for article in 0..3 {
        let mut app = app(80, 24);
        app.open_article(nth(&app, article), Some(0));
        press(&mut app, &"j ".repeat(20));
        let (offset, top) = (app.reader.as_ref().map(Reader::offset), top_offset(&app));
        press(&mut app, "V");
        assert_eq!(app.reader.as_ref().map(Reader::offset), offset);
        let reader = app.reader.as_ref().expect("open");
        let column = reader.layout.line(reader.top).expect("a column on top");
        assert!(column.kind == LineKind::Blank || column.range.start <= offset.unwrap_or(0));
        assert!(offset.unwrap_or(0) <= column.range.end.max(column.range.start));
        press(&mut app, "V");
        assert_eq!(top_offset(&app), top, "article {article}: back to the same line");
    }
}

#[test]
fn resizes_in_vertical_text_keep_the_place() {
    for article in 0..3 {
        let mut app = app(80, 24);
        app.open_article(nth(&app, article), Some(0));
        press(&mut app, "V");
        press(&mut app, &"j ".repeat(12));
        resize_through_the_storm(&mut app, (80, 24));
    }
    let (_dir, mut app) = long_book();
    app.open_article(nth(&app, 0), Some(0));
    press(&mut app, "V 5 0 % j j");
    resize_through_the_storm(&mut app, (80, 24));
}

#[test]
fn jumps_finds_and_bookmarks_work_by_columns() {
    let (_dir, mut app) = long_book();
    app.open_article(nth(&app, 0), Some(0));
    press(&mut app, "V 5 0 %");
    let reader = app.reader.as_ref().expect("open");
    assert!((49..=51).contains(&reader.percent()), "{}", reader.percent());
    let half = reader.offset();
    press(&mut app, "G");
    let page = app.reader_page();
    assert!(app.reader.as_ref().is_some_and(|r| r.at_bottom(page)));
    press(&mut app, "`");
    assert_eq!(app.reader.as_ref().map(Reader::offset), Some(half), "` returns");
    press(&mut app, "m enter");
    assert!(app.saved.bookmarks.iter().any(|b| b.offset == half));
    press(&mut app, "g");
    assert_eq!(app.reader.as_ref().map(Reader::position), Some(-3));
    press(&mut app, "/");
    type_text(&mut app, "第200章");
    press(&mut app, "enter");
    let reader = app.reader.as_ref().expect("open");
    let hit = reader.hits[reader.current_hit.expect("a hit")].clone();
    let column = reader.layout.line_at_offset(hit.start);
    assert!(
        column >= reader.top && column < reader.top + page,
        "the hit's column is on screen"
    );
    assert_eq!(&app.library().article_at(0).expect("article").body.text[hit], "第200章");
    press(&mut app, "n");
    let reader = app.reader.as_ref().expect("open");
    let column = reader
        .layout
        .line_at_offset(reader.hits[reader.current_hit.expect("hit")].start);
    assert!(column >= reader.top && column < reader.top + page);
}

#[test]
fn widen_and_narrow_move_by_a_column() {
    let mut app = app(120, 35);
    app.open_article(nth(&app, 0), Some(0));
    press(&mut app, "V");
    let before = app.reader_page();
    press(&mut app, "-");
    assert_eq!(app.reader_page(), before - 1);
    press(&mut app, "+");
    assert_eq!(app.reader_page(), before);
}
