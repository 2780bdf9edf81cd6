//! Reading positions: saved on leaving, restored on opening, kept through resizes; jumps are not reading.

use super::*;

fn position_of(app: &App, id: &str) -> Option<usize> {
    app.saved.positions.get(id).map(|p| p.offset)
}

#[test]
fn leaving_an_article_saves_its_position_and_opening_it_restores_it() {
    let mut app = app(60, 20);
    press(&mut app, "j l l space space");
    let offset = app.reader.as_ref().map(|r| r.offset()).expect("open");
    assert!(offset > 0);
    let effects = press(&mut app, "esc");
    assert!(
        matches!(effects.as_slice(), [Effect::Save(Change::SetPosition { article, position })]
        if article == "yingxiao/kehu-guanxi-guanli" && position.offset == offset && !position.finished)
    );
    assert_eq!(position_of(&app, "yingxiao/kehu-guanxi-guanli"), Some(offset));
    press(&mut app, "h g l l");
    assert_eq!(
        app.reader.as_ref().map(|r| r.article),
        Some(nth(&app, 0)),
        "another article opens at its start"
    );
    assert_eq!(app.reader.as_ref().map(|r| r.top), Some(0));
    press(&mut app, "esc h j l l");
    assert_eq!(
        app.reader.as_ref().map(|r| r.offset()),
        Some(offset),
        "the first article reopens where it was left"
    );
}

#[test]
fn reading_to_the_end_marks_finished_and_the_list_shows_progress() {
    let mut app = app(60, 20);
    assert_eq!(app.read_status(nth(&app, 1)), marks::ReadStatus::Unread);
    press(&mut app, "j l l space esc");
    assert!(matches!(app.read_status(nth(&app, 1)), marks::ReadStatus::InProgress(p) if p > 0 && p < 100));
    press(&mut app, "l");
    read_to_end(&mut app);
    press(&mut app, "esc");
    assert_eq!(app.read_status(nth(&app, 1)), marks::ReadStatus::Finished);
}

#[test]
fn g_to_the_end_is_a_jump_not_reading_and_backtick_returns() {
    let mut app = app(60, 20);
    press(&mut app, "j l l space");
    let offset = app.reader.as_ref().map(|r| r.offset());
    let effects = press(&mut app, "G");
    assert!(app.reader.as_ref().is_some_and(|r| r.at_end(app.reader_page())));
    press(&mut app, "esc");
    assert!(
        matches!(app.read_status(nth(&app, 1)), marks::ReadStatus::InProgress(p) if p < 100),
        "a look at the end is not reading to it: {:?} {effects:?}",
        app.read_status(nth(&app, 1))
    );
    press(&mut app, "l G `");
    assert_eq!(
        app.reader.as_ref().map(|r| r.offset()),
        offset,
        "` returns from the end"
    );
    // The end on the next page is reached as by paging: read.
    read_to_end(&mut app);
    press(&mut app, "k G esc");
    assert_eq!(app.read_status(nth(&app, 1)), marks::ReadStatus::Finished);
}

#[test]
fn continue_reading_opens_the_last_article_where_it_was_left() {
    let mut app = app(120, 35);
    press(&mut app, "c");
    assert!(app.reader.is_none());
    assert!(app.message.is_some(), "nothing to continue yet");
    press(&mut app, "j j l l space");
    let offset = app.reader.as_ref().map(|r| r.offset());
    press(&mut app, "left h k k");
    assert_eq!(app.continue_target().map(|(i, _)| i), Some(nth(&app, 2)));
    app.reader = None;
    press(&mut app, "c");
    assert_eq!(app.reader.as_ref().map(|r| r.offset()), offset);
    assert_eq!(app.focus, Pane::Reader);
}

#[test]
fn a_position_saved_at_width_100_lands_on_the_same_sentence_at_width_50() {
    let mut wide = app(100, 30);
    press(&mut wide, "j l l space space j j");
    let offset = wide.reader.as_ref().map(|r| r.offset()).expect("open");
    press(&mut wide, "q");
    let body = &wide.library.article_at(1).expect("article").body;
    let sentence: String = body.text[offset..].chars().take(6).collect();

    let mut narrow = app(50, 30);
    narrow.load_saved(wide.saved.clone());
    press(&mut narrow, "c");
    let reader = narrow.reader.as_ref().expect("continued");
    assert_ne!(reader.layout.settings().width, wide.layout_settings().width);
    let top = reader.layout.line(reader.top).expect("top line");
    assert!(
        top.range.contains(&offset),
        "offset {offset} not on the top line {:?}",
        top.range
    );
    let shown = narrow.library.article_at(1).expect("article").body.text[top.range.clone()].to_string();
    assert!(
        shown.contains(&sentence) || sentence.starts_with(&shown[offset - top.range.start..]),
        "{shown} / {sentence}"
    );
}

#[test]
fn a_checkpoint_saves_the_position_once_until_it_moves() {
    let mut app = app(120, 35);
    assert!(app.checkpoint().is_empty(), "no article open");
    press(&mut app, "j l l space");
    let saved = |effects: &[Effect]| {
        effects
            .iter()
            .filter(|e| matches!(e, Effect::Save(Change::SetPosition { .. })))
            .count()
    };
    assert_eq!(saved(&app.checkpoint()), 1);
    assert_eq!(saved(&app.checkpoint()), 0, "nothing moved since");
    press(&mut app, "space");
    assert_eq!(saved(&app.checkpoint()), 1);
    let offset = app.reader.as_ref().map(Reader::offset);
    assert_eq!(
        app.saved.positions.get("yingxiao/kehu-guanxi-guanli").map(|p| p.offset),
        offset
    );
}

#[test]
fn a_hundred_resizes_through_random_widths_come_back_to_the_same_top_line() {
    // From a text line and from the blank line between two paragraphs.
    for start in 0..6 {
        let mut app = app(100, 30);
        press(&mut app, "j l l space space");
        press(&mut app, &"j ".repeat(start));
        resize_a_hundred_times(&mut app);
    }
}

fn resize_a_hundred_times(app: &mut App) {
    let before = app
        .reader
        .as_ref()
        .map(|r| (r.top, r.offset(), r.percent()))
        .expect("open");
    let mut seed: u32 = 12_345;
    for _ in 0..100 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let width = 20 + (seed >> 16) as u16 % 180;
        let height = 8 + (seed >> 8) as u16 % 50;
        app.handle(Input::Resize { width, height });
        let reader = app.reader.as_ref().expect("open");
        assert_eq!(reader.offset(), before.1, "the anchor never moves by resizing");
        assert_eq!(reader.percent(), before.2, "progress does not depend on the window");
    }
    app.handle(Input::Resize { width: 100, height: 30 });
    let after = app.reader.as_ref().map(|r| (r.top, r.offset(), r.percent()));
    assert_eq!(after, Some(before));
}

#[test]
fn a_jump_is_not_reading_and_backtick_jumps_back() {
    let mut app = app(120, 35);
    // Read 客户关系管理 three pages in.
    press(&mut app, "j l l space space space");
    let read = app.reader.as_ref().map(Reader::offset).expect("open");
    let saved = |app: &App| app.saved.positions.get("yingxiao/kehu-guanxi-guanli").map(|p| p.offset);
    // Search for text near its start and open the hit: the view moves…
    press(&mut app, "s");
    paste(&mut app, "所谓客户关系管理".into());
    press(&mut app, "enter");
    let landed = app.reader.as_ref().map(Reader::offset).expect("open");
    assert!(landed < read, "the hit is before the place read");
    assert_eq!(saved(&app), Some(read), "the place read is saved, the hit is not");
    assert!(app.checkpoint().is_empty(), "looking at a hit is not reading");
    press(&mut app, "q");
    assert_eq!(saved(&app), Some(read), "quitting at the hit keeps the place read");

    let mut app = app_at_hit(read);
    press(&mut app, "`");
    assert_eq!(app.reader.as_ref().map(Reader::offset), Some(read), "` goes back");
    press(&mut app, "`");
    assert_eq!(app.said(), Some("没有可以跳回的位置"));
}

#[test]
fn a_jump_from_the_contents_is_not_reading_and_backtick_jumps_back() {
    let mut app = app(120, 35);
    press(&mut app, "j l l space space space");
    let read = app.reader.as_ref().map(Reader::offset).expect("open");
    let saved = |app: &App| app.saved.positions.get("yingxiao/kehu-guanxi-guanli").map(|p| p.offset);
    // The contents open on the current chapter; the one before it is earlier.
    press(&mut app, "t up enter");
    let landed = app.reader.as_ref().map(Reader::offset).expect("open");
    assert!(landed < read, "the chapter before is before the place read");
    assert_eq!(saved(&app), Some(read), "the place read is saved, the chapter is not");
    assert!(app.checkpoint().is_empty(), "looking at a chapter is not reading");
    press(&mut app, "`");
    assert_eq!(app.reader.as_ref().map(Reader::offset), Some(read), "` goes back");
}

/// An app that read 客户关系管理 to `read`, then jumped to a hit and read on
/// from it: reading on is reading.
fn app_at_hit(read: usize) -> App {
    let mut app = app(120, 35);
    press(&mut app, "j l l space space space");
    assert_eq!(app.reader.as_ref().map(Reader::offset), Some(read));
    press(&mut app, "s");
    paste(&mut app, "所谓客户关系管理".into());
    press(&mut app, "enter j");
    let now = app.reader.as_ref().map(Reader::offset);
    assert!(!app.checkpoint().is_empty(), "reading on from a hit saves");
    assert_eq!(
        app.saved.positions.get("yingxiao/kehu-guanxi-guanli").map(|p| p.offset),
        now
    );
    app
}

#[test]
fn g_far_from_the_end_of_a_long_book_is_a_jump_and_backtick_returns() {
    // The end lies far past the text laid out around the middle, which is
    // laid out anew there: the move is still a jump, not a page read on.
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::new();
    for c in 1..=1000 {
        text.push_str(&format!("第{c}章 夜航\n\n"));
        for p in 0..6 {
            text.push_str(&format!(
                "　　第{c}章第{p}段，船过江心，灯火渐远，她说：“再等一等。”\n\n"
            ));
        }
    }
    std::fs::write(dir.path().join("书.txt"), text).expect("write");
    let mut app = app_over(&[dir.path()]);
    app.open_article(nth(&app, 0), Some(0));
    press(&mut app, "5 0 %");
    let half = app.reader.as_ref().map(|r| r.offset());
    press(&mut app, "G");
    assert!(app.reader.as_ref().is_some_and(|r| r.at_end(app.reader_page())));
    press(&mut app, "`");
    assert_eq!(app.reader.as_ref().map(|r| r.offset()), half, "` returns to the middle");
}
