//! Moving between the lists, the panes and the reader; help, quitting, resizing and tiny windows.

use super::*;
use crate::keymap::Command;

#[test]
fn starts_on_the_category_list() {
    let app = app(120, 35);
    assert_eq!(app.focus, Pane::Categories);
    assert!(app.reader.is_none());
}

#[test]
fn moving_between_categories_resets_the_article_cursor() {
    let mut app = app(120, 35);
    press(&mut app, "j");
    assert_eq!(app.categories.selected, 1);
    assert_eq!(app.selected_article(), Some(nth(&app, 1)));
    press(&mut app, "j j j");
    assert_eq!(app.categories.selected, 2, "stops at the last category");
}

#[test]
fn enter_opens_the_article_and_esc_goes_back() {
    let mut app = app(60, 20);
    press(&mut app, "j enter");
    assert_eq!(app.focus, Pane::Articles);
    press(&mut app, "enter");
    assert_eq!(app.focus, Pane::Reader);
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(nth(&app, 1)));
    press(&mut app, "esc");
    assert_eq!(app.focus, Pane::Articles);
    press(&mut app, "h");
    assert_eq!(app.focus, Pane::Categories);
}

#[test]
fn reader_scrolls_by_lines_pages_and_to_the_ends() {
    let mut app = app(60, 20);
    press(&mut app, "j l l");
    let page = app.reader_page();
    let position = |app: &App| app.reader.as_ref().map(|r| r.position());
    let head = reader::HEAD_ROWS as i128;
    assert_eq!(position(&app), Some(-head), "the head above the text");
    press(&mut app, "j j");
    assert_eq!(position(&app), Some(2 - head));
    press(&mut app, "space");
    let page = page as i128;
    assert_eq!(position(&app), Some(2 - head + page - 1));
    press(&mut app, "ctrl-u");
    assert_eq!(position(&app), Some(2 - head + page - 1 - page / 2));
    press(&mut app, "G");
    let reader = app.reader.as_ref().expect("open");
    let tail = reader::TAIL_ROWS as i128;
    assert_eq!(reader.position(), reader.layout.len() as i128 + tail - page);
    assert!(reader.at_end(page as usize) && reader.at_bottom(page as usize));
    assert!(
        reader.percent() > 50 && reader.percent() < 100,
        "the text before the top"
    );
    press(&mut app, "g");
    assert_eq!(position(&app), Some(-head));
    press(&mut app, "k");
    assert_eq!(position(&app), Some(-head), "cannot scroll above the head");
}

#[test]
fn next_and_previous_article_cross_categories() {
    let mut app = app(120, 35);
    press(&mut app, "l l");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(nth(&app, 0)));
    press(&mut app, "]");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(nth(&app, 1)));
    assert_eq!(app.categories.selected, 1);
    press(&mut app, "] ]");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(nth(&app, 2)));
    press(&mut app, "[");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(nth(&app, 1)));
}

#[test]
fn next_and_previous_article_at_the_ends_say_so() {
    let mut app = app(120, 35);
    press(&mut app, "l l [");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(nth(&app, 0)));
    assert_eq!(app.said(), Some("已是第一篇"));
    let last = app.library.articles().len() - 1;
    for _ in 0..last {
        press(&mut app, "]");
    }
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(nth(&app, last)));
    press(&mut app, "]");
    assert_eq!(app.said(), Some("已是最后一篇"));
    press(&mut app, "j");
    assert_eq!(app.message, None, "the notice goes with the next key");
}

#[test]
fn space_at_the_end_mark_opens_the_next_article_at_its_start() {
    let mut app = app(60, 20);
    press(&mut app, "l l G");
    let page = app.reader_page();
    let reader = app.reader.as_ref().expect("open");
    assert!(reader.at_bottom(page) && reader.article == nth(&app, 0));
    press(&mut app, "space");
    let reader = app.reader.as_ref().expect("open");
    assert_eq!(
        (reader.article, reader.position()),
        (nth(&app, 1), -(reader::HEAD_ROWS as i128))
    );
    assert_eq!(app.categories.selected, 1, "the lists follow");
    press(&mut app, "space");
    assert_eq!(
        app.reader.as_ref().map(|r| r.article),
        Some(nth(&app, 1)),
        "a page down before the end pages"
    );
    press(&mut app, "] G space");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(nth(&app, 2)));
    assert_eq!(app.said(), Some("已是最后一篇"));
}

#[test]
fn resize_keeps_the_top_sentence_in_view() {
    let mut app = app(120, 40);
    press(&mut app, "j l l");
    press(&mut app, "space space");
    let reader = app.reader.as_ref().expect("open");
    let offset = reader.offset();
    let before = reader.layout.settings().width;
    app.handle(Input::Resize { width: 70, height: 40 });
    let reader = app.reader.as_ref().expect("open");
    assert_ne!(reader.layout.settings().width, before, "re-laid out");
    let page = app.reader_page();
    let shown = reader.layout.offset_of_line(reader.top)..reader.layout.offset_of_line(reader.top + page);
    assert!(shown.contains(&offset), "offset {offset} not in {shown:?}");
    assert_eq!(reader.layout.line_at_offset(offset), reader.top);
}

#[test]
fn the_lists_give_way_to_the_reader_and_come_back_with_the_focus() {
    let width = |app: &App| app.reader.as_ref().map(|r| r.layout.settings().width);
    let mut app = app(120, 35);
    press(&mut app, "l l");
    assert_eq!(width(&app), Some(80), "the column reaches the configured width");
    assert!(!app.screen().side_by_side());
    let offset = app.reader.as_ref().map(|r| r.offset());
    press(&mut app, "left");
    assert!(app.screen().side_by_side(), "the lists are back with the focus");
    assert!(width(&app) < Some(80));
    press(&mut app, "tab");
    assert_eq!(width(&app), Some(80));
    assert_eq!(app.reader.as_ref().map(|r| r.offset()), offset, "the place is kept");
    press(&mut app, "f");
    assert!(app.focus_mode);
    assert_eq!(width(&app), Some(80));
    press(&mut app, "esc");
    assert!(!app.focus_mode);
}

#[test]
fn help_opens_and_closes_and_swallows_other_commands() {
    let mut app = app(120, 35);
    press(&mut app, "?");
    assert!(matches!(app.overlay, Some(Overlay::Help(_))));
    press(&mut app, "j");
    assert_eq!(app.categories.selected, 0);
    press(&mut app, "esc");
    assert_eq!(app.overlay, None);
}

#[test]
fn quit_and_help_keys_close_overlays_without_quitting() {
    let mut app = app(120, 35);
    press(&mut app, "?");
    assert_eq!(press(&mut app, "q"), vec![], "q closes help, as in less");
    assert_eq!(app.overlay, None);
    press(&mut app, "? ?");
    assert_eq!(app.overlay, None, "? closes help");
    press(&mut app, "B");
    assert!(matches!(app.overlay, Some(Overlay::Bookmarks(_))));
    assert_eq!(press(&mut app, "q"), vec![]);
    assert_eq!(app.overlay, None);
    press(&mut app, "B ?");
    assert_eq!(app.overlay, None, "? closes the bookmark list");
    press(&mut app, "B esc");
    assert_eq!(app.overlay, None);
    // A signal's quit (not a key) quits from an overlay.
    press(&mut app, "?");
    assert_eq!(app.command(Command::Quit), vec![Effect::Quit]);
}

#[test]
fn quit_is_an_effect_from_anywhere() {
    let mut app = app(120, 35);
    assert_eq!(press(&mut app, "q"), vec![Effect::Quit]);
    press(&mut app, "?");
    assert_eq!(press(&mut app, "ctrl-c"), vec![Effect::Quit]);
    // With an article open, quitting saves where the reader is first.
    press(&mut app, "esc l l space");
    let effects = press(&mut app, "q");
    assert!(
        matches!(
            effects.as_slice(),
            [Effect::Save(Change::SetPosition { .. }), Effect::Quit]
        ),
        "{effects:?}"
    );
}

#[test]
fn tab_cycles_through_the_open_panes() {
    let mut app = app(120, 35);
    press(&mut app, "tab");
    assert_eq!(app.focus, Pane::Articles);
    press(&mut app, "tab");
    assert_eq!(app.focus, Pane::Categories, "no reader open yet");
    press(&mut app, "l l tab");
    assert_eq!(app.focus, Pane::Categories);
    press(&mut app, "backtab");
    assert_eq!(app.focus, Pane::Reader);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer_and_clicks_select() {
    let mut app = app(120, 35);
    press(&mut app, "l l left h");
    assert_eq!(app.focus, Pane::Categories);
    app.handle(Input::Wheel {
        x: 100,
        y: 10,
        down: true,
    });
    assert_eq!(
        app.reader.as_ref().map(|r| r.position()),
        Some(crate::app::navigation::WHEEL_LINES as i128 - reader::HEAD_ROWS as i128)
    );
    assert_eq!(app.focus, Pane::Categories, "the wheel does not move the focus");
    app.handle(Input::Click { x: 3, y: 3 });
    assert_eq!(app.categories.selected, 2);
    assert_eq!(app.focus, Pane::Categories);
}

#[test]
fn tiny_terminals_never_panic() {
    for (w, h) in [(1, 1), (2, 2), (20, 5), (19, 4), (99, 6), (100, 5)] {
        let mut app = app(w, h);
        for keys in ["j", "l", "l", "space", "G", "f", "?", "esc", "tab", "]", "[", "h"] {
            press(&mut app, keys);
        }
        app.handle(Input::Resize { width: 1, height: 1 });
        app.handle(Input::Click { x: 0, y: 0 });
        app.handle(Input::Wheel { x: 0, y: 0, down: true });
    }
}

#[test]
fn plus_and_minus_widen_and_narrow_the_column_and_the_width_is_saved() {
    let width = |app: &App| app.reader.as_ref().map(|r| r.layout.settings().width);
    let mut app = app(120, 35);
    press(&mut app, "l l");
    assert_eq!(width(&app), Some(80));
    let effects = press(&mut app, "- -");
    assert_eq!(width(&app), Some(76));
    assert!(
        matches!(effects.last(), Some(Effect::Save(Change::SetReadingWidth(76)))),
        "{effects:?}"
    );
    assert_eq!(app.said(), Some("阅读栏 76 列"));
    press(&mut app, &"+ ".repeat(30));
    assert_eq!(width(&app), Some(116), "as wide as the window allows");
    assert!(app.said().is_some_and(|m| m.contains("放不下")));
    // A new session starts at the saved width.
    let mut next = self::app(120, 35);
    next.load_saved(app.saved.clone());
    press(&mut next, "l l");
    assert_eq!(width(&next), Some(116));
}

#[test]
fn the_script_chosen_with_t_is_saved_and_restored_over_the_configured_one() {
    use crate::script::Script;
    let mut app = app(60, 20);
    let effects = press(&mut app, "l l T");
    assert_eq!(app.script(), Script::Simplified);
    assert!(
        matches!(effects.last(), Some(Effect::Save(Change::SetScript(name))) if name == "simplified"),
        "{effects:?}"
    );
    let mut next = self::app(60, 20);
    next.set_script(Script::Traditional);
    next.load_saved(app.saved.clone());
    assert_eq!(next.script(), Script::Simplified, "the saved choice wins");
    let mut unknown = app.saved.clone();
    unknown.script = Some("klingon".into());
    next.set_script(Script::Traditional);
    next.load_saved(unknown);
    assert_eq!(next.script(), Script::Traditional, "an unknown name changes nothing");
}
