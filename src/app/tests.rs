//! State-machine tests: inputs in, state and effects out, no terminal.

use super::*;
use crate::config::Config;

fn app(width: u16, height: u16) -> App {
    let config = Config::default_config().expect("default config");
    let keymap = config.keymap().expect("keymap");
    App::new(
        Library::bundled(),
        keymap,
        ReadingSettings::default(),
        width,
        height,
    )
}

fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for name in keys.split_whitespace() {
        let key = Key::parse(name).expect("key name");
        effects.extend(app.handle(Input::Key(key)));
    }
    effects
}

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
    assert_eq!(app.selected_article(), Some(1));
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
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(1));
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
    press(&mut app, "j j");
    assert_eq!(app.reader.as_ref().map(|r| r.top), Some(2));
    press(&mut app, "space");
    assert_eq!(app.reader.as_ref().map(|r| r.top), Some(2 + page - 1));
    press(&mut app, "ctrl-u");
    assert_eq!(
        app.reader.as_ref().map(|r| r.top),
        Some(2 + page - 1 - page / 2)
    );
    press(&mut app, "G");
    let reader = app.reader.as_ref().expect("open");
    assert_eq!(reader.top, reader.layout.len() - page);
    assert_eq!(reader.percent(page), 100);
    press(&mut app, "g");
    assert_eq!(app.reader.as_ref().map(|r| r.top), Some(0));
    press(&mut app, "k");
    assert_eq!(
        app.reader.as_ref().map(|r| r.top),
        Some(0),
        "cannot scroll above the start"
    );
}

#[test]
fn next_and_previous_article_cross_categories() {
    let mut app = app(120, 35);
    press(&mut app, "l l");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(0));
    press(&mut app, "]");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(1));
    assert_eq!(app.categories.selected, 1);
    press(&mut app, "] ]");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(2));
    press(&mut app, "[");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(1));
}

#[test]
fn resize_keeps_the_top_sentence_in_view() {
    let mut app = app(120, 40);
    press(&mut app, "j l l");
    press(&mut app, "space space");
    let reader = app.reader.as_ref().expect("open");
    let offset = reader.offset();
    let before = reader.layout.settings().width;
    app.handle(Input::Resize {
        width: 70,
        height: 40,
    });
    let reader = app.reader.as_ref().expect("open");
    assert_ne!(reader.layout.settings().width, before, "re-laid out");
    let page = app.reader_page();
    let shown =
        reader.layout.offset_of_line(reader.top)..reader.layout.offset_of_line(reader.top + page);
    assert!(shown.contains(&offset), "offset {offset} not in {shown:?}");
    assert_eq!(reader.layout.line_at_offset(offset), reader.top);
}

#[test]
fn focus_mode_widens_the_column_up_to_the_maximum() {
    let mut app = app(120, 35);
    press(&mut app, "l l");
    let narrow = app.reader.as_ref().map(|r| r.layout.settings().width);
    press(&mut app, "f");
    assert!(app.focus_mode);
    let wide = app.reader.as_ref().map(|r| r.layout.settings().width);
    assert_eq!(wide, Some(80));
    assert!(narrow < wide);
    press(&mut app, "esc");
    assert!(!app.focus_mode);
}

#[test]
fn help_opens_and_closes_and_swallows_other_commands() {
    let mut app = app(120, 35);
    press(&mut app, "?");
    assert!(app.help);
    press(&mut app, "j");
    assert_eq!(app.categories.selected, 0);
    press(&mut app, "esc");
    assert!(!app.help);
}

#[test]
fn quit_is_an_effect_from_anywhere() {
    let mut app = app(120, 35);
    assert_eq!(press(&mut app, "q"), vec![Effect::Quit]);
    press(&mut app, "?");
    assert_eq!(press(&mut app, "ctrl-c"), vec![Effect::Quit]);
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
    press(&mut app, "l l h h");
    assert_eq!(app.focus, Pane::Categories);
    app.handle(Input::Wheel {
        x: 100,
        y: 10,
        down: true,
    });
    assert_eq!(
        app.reader.as_ref().map(|r| r.top),
        Some(WHEEL_LINES as usize)
    );
    assert_eq!(
        app.focus,
        Pane::Categories,
        "the wheel does not move the focus"
    );
    app.handle(Input::Click { x: 3, y: 3 });
    assert_eq!(app.categories.selected, 2);
    assert_eq!(app.focus, Pane::Categories);
}

#[test]
fn tiny_terminals_never_panic() {
    for (w, h) in [(1, 1), (2, 2), (20, 5), (19, 4), (99, 6), (100, 5)] {
        let mut app = app(w, h);
        for keys in [
            "j", "l", "l", "space", "G", "f", "?", "esc", "tab", "]", "[", "h",
        ] {
            press(&mut app, keys);
        }
        app.handle(Input::Resize {
            width: 1,
            height: 1,
        });
        app.handle(Input::Click { x: 0, y: 0 });
        app.handle(Input::Wheel {
            x: 0,
            y: 0,
            down: true,
        });
    }
}
