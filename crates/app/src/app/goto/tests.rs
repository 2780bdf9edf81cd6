//! Counts, percentages and line numbers, on short and lazily laid-out articles.

use super::super::tests::{app, app_over, nth, press, read_to_end};
use crate::app::reader::HEAD_ROWS;
use crate::app::{App, Effect};
use crate::layout::Layout;
use crate::store::Change;

/// A folder holding one article of about 200 KB, laid out lazily.
fn long_article() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::from("+++\ntitle = \"长文\"\n+++\n");
    for n in 0..2000 {
        text.push_str(&format!("第{n}段，文字足够长，翻过几页也读不完，一直往下读。\n\n"));
    }
    std::fs::write(dir.path().join("long.md"), text).expect("write");
    let app = app_over(&[dir.path()]);
    (dir, app)
}

fn reader(app: &App) -> &crate::app::Reader {
    app.reader.as_ref().expect("an open article")
}

#[test]
fn a_count_and_percent_jump_to_that_share_of_the_text_and_back() {
    let (_dir, mut app) = long_article();
    press(&mut app, "l l");
    let middle = app.library.article_at(0).expect("article").body.text.len() / 2;
    app.open_article(nth(&app, 0), Some(middle));
    let before = reader(&app).offset();
    assert!(!reader(&app).layout.is_complete());
    for (keys, percent) in [("2 5 %", 25), ("7 5 p", 75), ("1 0 %", 10), ("9 9 %", 99)] {
        press(&mut app, keys);
        assert_eq!(reader(&app).percent(), percent, "{keys}");
        assert_eq!(app.count, None, "the count is used up");
    }
    press(&mut app, "p");
    assert_eq!(
        (reader(&app).position(), reader(&app).offset()),
        (-(HEAD_ROWS as i128), 0)
    );
    press(&mut app, "5 0 %");
    let effects = press(&mut app, "`");
    assert_eq!(reader(&app).percent(), 0, "` goes back to where the last jump started");
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::Save(Change::SetPosition { position, .. }) if position.percent == 50)),
        "the landing place is not saved as read: {effects:?}"
    );
    app.open_article(nth(&app, 0), Some(before));
    press(&mut app, "1 0 0 %");
    assert!(reader(&app).at_end(app.reader_page()), "100% shows the end");
}

#[test]
fn a_line_number_and_g_put_that_line_on_top_even_before_the_layout_reaches_it() {
    let (_dir, mut app) = long_article();
    press(&mut app, "l l");
    let len = app.library.article_at(0).expect("article").body.text.len();
    app.open_article(nth(&app, 0), Some(len * 2 / 3));
    let settings = reader(&app).layout.settings();
    assert!(!reader(&app).layout.at_start());
    let body = &app.library.article_at(0).expect("article").body;
    let full: Vec<_> = Layout::new(body, settings).lines().collect();
    for (keys, line) in [("1 2 0 G", 120), ("4 0 g", 40), ("1 G", 1)] {
        press(&mut app, keys);
        let reader = reader(&app);
        assert!(reader.layout.at_start(), "{keys}: laid out from the start");
        let top = reader.layout.line(reader.top).expect("a top line");
        assert_eq!(top, full[line - 1], "{keys}");
        assert_eq!(reader.top_line(), line, "{keys}: the status line says the line typed");
    }
    assert_eq!(reader(&app).position(), -(HEAD_ROWS as i128), "line 1 shows the head");
    press(&mut app, "9 9 9 9 9 9 G");
    assert!(reader(&app).at_bottom(app.reader_page()), "past the last line: the end");
    press(&mut app, "`");
    assert_eq!(
        reader(&app).layout.line(reader(&app).top),
        Some(full[0].clone()),
        "back to line 1"
    );
}

#[test]
fn a_count_moves_lines_and_digits_in_the_lists_do_nothing() {
    let mut app = app(60, 20);
    press(&mut app, "l");
    press(&mut app, "5");
    assert_eq!(app.count, None, "no count in the lists");
    press(&mut app, "l 5 j");
    assert_eq!(reader(&app).position(), 5 - HEAD_ROWS as i128);
    press(&mut app, "3");
    assert!(app.said().is_some_and(|m| m.starts_with('3')), "{:?}", app.message);
    press(&mut app, "T");
    assert_eq!(app.count, None, "any other key drops the count");
    press(&mut app, "2 k");
    assert_eq!(reader(&app).position(), 3 - HEAD_ROWS as i128);
}

#[test]
fn r_marks_the_article_under_the_cursor_read_or_unread_and_u_opens_the_next_unread() {
    let mut app = app(120, 35);
    press(&mut app, "j l");
    let effects = press(&mut app, "r");
    assert!(
        matches!(effects.as_slice(), [Effect::Save(Change::MarkRead { read: true, .. })]),
        "{effects:?}"
    );
    assert_eq!(app.read_status(nth(&app, 1)), crate::present::ReadStatus::Finished);
    press(&mut app, "r");
    assert_eq!(app.read_status(nth(&app, 1)), crate::present::ReadStatus::Unread);
    press(&mut app, "r h k l l");
    assert_eq!(reader(&app).article, nth(&app, 0));
    press(&mut app, "U");
    assert_eq!(reader(&app).article, nth(&app, 2), "article 1 is read");
    read_to_end(&mut app);
    press(&mut app, "U");
    assert_eq!(
        reader(&app).article,
        nth(&app, 0),
        "round to the start; article 2 was read to its end"
    );
    read_to_end(&mut app);
    press(&mut app, "U");
    assert_eq!(app.said(), Some("没有未读完的文章了"));
}

#[test]
fn an_article_marked_unread_while_open_beside_the_list_stays_unread() {
    let mut app = app(140, 40);
    press(&mut app, "j l l j j j left");
    assert!(matches!(
        app.read_status(nth(&app, 1)),
        crate::present::ReadStatus::InProgress(_)
    ));
    assert!(app.screen().reader.is_some(), "the reader stays beside the lists");
    press(&mut app, "r r");
    assert_eq!(app.read_status(nth(&app, 1)), crate::present::ReadStatus::Unread);
    let effects = app.checkpoint();
    assert!(effects.is_empty(), "{effects:?}");
    press(&mut app, "q");
    assert_eq!(
        app.read_status(nth(&app, 1)),
        crate::present::ReadStatus::Unread,
        "quitting saves no place"
    );
}
