//! A large file shown from its first part while the whole is read: the
//! status line and the contents say the whole text is being read instead
//! of a share, an end or a chapter count of the first part, and the
//! contents fill in when the whole arrives.

use super::{press, screen};
use crate::app::{App, Input};
use crate::i18n::Lang;

const SIZES: [(u16, u16); 3] = [(60, 20), (80, 24), (100, 30)];

/// A book of 3,000 chapters shown from its first part, and its whole article.
fn from_prefix(lang: Lang, width: u16, height: u16) -> (App, crate::library::Article) {
    use crate::library::{Origin, parse_article, parse_prefix};
    let mut text = String::new();
    for c in 1..=3000 {
        text.push_str(&format!("第{c}章 风起\n\n　　他说：“第{c}段，走吧。”接着写下去。\n\n"));
    }
    let origin = Origin::File(std::path::Path::new("书.txt").into());
    let rule = crate::library::Rules::default();
    let prefix = parse_prefix("书", "书.txt", text.as_bytes(), origin.clone(), &rule).expect("a prefix");
    let whole = parse_article("书", "书.txt", text.as_bytes(), origin).expect("parses");
    let mut library = crate::library::Library::default();
    library.add_prefix(prefix);
    let config = crate::config::Config::default_config().expect("config");
    let mut app = App::new(
        library,
        config.keymap,
        crate::app::ReadingSettings::default(),
        width,
        height,
    );
    app.set_lang(lang);
    app.start_loading(1);
    app.open_article(crate::library::ArticleId::at(0), None);
    (app, whole)
}

fn arrive(app: &mut App, whole: &crate::library::Article) {
    let batch = crate::library::Batch {
        articles: vec![whole.clone()],
        files: 1,
        ..crate::library::Batch::default()
    };
    app.handle(Input::loaded(batch));
}

fn status_line(app: &App) -> String {
    screen(app).lines().last().unwrap_or_default().to_string()
}

#[test]
fn g_before_the_whole_arrives_shows_no_end_and_no_share() {
    let (mut app, whole) = from_prefix(Lang::Simplified, 80, 24);
    press(&mut app, "G");
    let line = status_line(&app);
    // The message says the jump waits; the progress, no end and no share.
    assert!(
        line.contains("正在读取全文…") && !line.contains("读完  ") && !line.contains('%'),
        "{line}"
    );
    // Paging to the end of the first part says no more.
    for _ in 0..400 {
        press(&mut app, "space");
    }
    let line = status_line(&app);
    assert!(line.contains("正在读取全文…") && !line.contains("读完  "), "{line}");
    arrive(&mut app, &whole);
    let line = status_line(&app);
    assert!(
        !line.contains("正在读取全文") && line.contains("读完  "),
        "the jump made: {line}"
    );
}

#[test]
fn contents_opened_while_the_whole_is_read_say_so_and_fill_in() {
    let (mut app, whole) = from_prefix(Lang::Simplified, 80, 24);
    press(&mut app, "t");
    let shown = screen(&app);
    assert!(shown.contains("正在读取全文…"), "{shown}");
    let first = match &app.overlay {
        Some(crate::app::Overlay::Contents(c)) => c.entries.len(),
        _ => panic!("the contents are open"),
    };
    assert!(first < 3000);
    press(&mut app, "down down");
    arrive(&mut app, &whole);
    let shown = screen(&app);
    assert!(!shown.contains("正在读取全文"), "{shown}");
    assert!(shown.contains("3000 条"), "{shown}");
    match &app.overlay {
        Some(crate::app::Overlay::Contents(c)) => {
            assert_eq!(c.entries.len(), 3000);
            assert_eq!(c.cursor, 2, "the entry chosen stays chosen");
        }
        _ => panic!("the contents stay open"),
    }
}

#[test]
fn screens_while_the_whole_is_read() {
    for (name, lang) in [
        ("reading_whole", Lang::Simplified),
        ("reading_whole_english", Lang::English),
    ] {
        for (width, height) in SIZES {
            let (mut app, _) = from_prefix(lang, width, height);
            press(&mut app, "space");
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(&app));
            press(&mut app, "t");
            insta::assert_snapshot!(format!("{name}_contents_{width}x{height}"), screen(&app));
        }
    }
}
