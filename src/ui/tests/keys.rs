//! The keys a less user reaches for: `h` for help and `d`/`u` for half a
//! page in the reader, and the count of what find finds, shown as it is
//! typed and kept in sight when `n` goes on from the other end.

use super::{app_with, press, screen};
use crate::app::{App, Pane};
use crate::i18n::Lang;

const SIZES: [(u16, u16); 3] = [(60, 20), (80, 24), (100, 30)];

fn app_in(lang: Lang, width: u16, height: u16, keys: &str) -> App {
    let mut app = app_with("", width, height, "");
    app.set_lang(lang);
    press(&mut app, keys);
    app
}

fn status_line(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

#[test]
fn h_is_help_in_the_reader_and_d_u_move_half_a_page() {
    let mut app = app_in(Lang::Simplified, 60, 20, "j l l");
    press(&mut app, "h");
    assert!(screen(&app).contains("按键"), "h opens the help:\n{}", screen(&app));
    press(&mut app, "h");
    assert_eq!(app.focus, Pane::Reader, "and closes it");
    let top = |app: &App| app.reader.as_ref().map_or(0, |r| r.top);
    press(&mut app, "ctrl-d");
    let half = top(&app);
    assert!(half > 0);
    press(&mut app, "ctrl-u d");
    assert_eq!(top(&app), half, "d is Ctrl-d");
    press(&mut app, "d u");
    assert_eq!(top(&app), half, "u is Ctrl-u");
    // Left and Esc leave the reader; in the lists h still moves left.
    press(&mut app, "left");
    assert_eq!(app.focus, Pane::Articles);
    press(&mut app, "h");
    assert_eq!(app.focus, Pane::Categories);
}

#[test]
fn the_help_names_h_for_help_in_the_reader() {
    let app = app_in(Lang::English, 100, 30, "j l l h");
    let keys = |command| app.keymap.keys_for(crate::keymap::Scope::Reader, command);
    assert!(keys(crate::keymap::Command::Help).contains(&"h".to_string()));
    assert!(keys(crate::keymap::Command::HalfPageDown).contains(&"d".to_string()));
    assert!(!keys(crate::keymap::Command::FocusLeft).contains(&"h".to_string()));
    let text: Vec<String> = app
        .help_page()
        .lines
        .iter()
        .flat_map(|line| line.iter().map(|piece| piece.text.clone()))
        .collect();
    assert!(text.iter().any(|t| t.split(", ").any(|k| k == "h")), "{text:?}");
}

#[test]
fn the_find_count_shows_as_you_type_and_after_going_round() {
    let mut app = app_in(Lang::Simplified, 80, 24, "j l l /");
    press(&mut app, "客");
    let total = app.reader.as_ref().map_or(0, |r| r.hits.len());
    assert!(total > 3);
    assert!(
        status_line(&app).contains(&format!("{total} 处")),
        "{}",
        status_line(&app)
    );
    press(&mut app, "户");
    let fewer = app.reader.as_ref().map_or(0, |r| r.hits.len());
    assert!(
        status_line(&app).contains(&format!("{fewer} 处")),
        "{}",
        status_line(&app)
    );
    press(&mut app, "么 么");
    assert!(status_line(&app).contains("没有找到"), "{}", status_line(&app));
    press(&mut app, "backspace backspace enter N");
    let line = status_line(&app);
    assert!(
        line.contains("已从另一头继续") && line.contains(&format!("查找 {fewer}/{fewer}")),
        "{line}"
    );
}

#[test]
fn screens_of_find() {
    for (name, lang) in [("find", Lang::Simplified), ("find_english", Lang::English)] {
        for (width, height) in SIZES {
            let typing = app_in(lang, width, height, "j l l / 客 户");
            insta::assert_snapshot!(format!("{name}_typing_{width}x{height}"), screen(&typing));
            let round = app_in(lang, width, height, "j l l / 客 户 enter N");
            insta::assert_snapshot!(format!("{name}_round_{width}x{height}"), screen(&round));
        }
    }
}
