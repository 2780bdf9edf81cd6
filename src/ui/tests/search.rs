//! The search results, hits marked in the reader, and a full search box.

use super::*;

#[test]
fn search_results_wide() {
    let mut app = app(120, 35, "s");
    paste(&mut app, "客户关系".into());
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn search_results_narrow() {
    let mut app = app(60, 20, "s");
    paste(&mut app, "管理".into());
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn highlighted_hits_in_the_reader() {
    let mut app = app(60, 20, "j l l /");
    paste(&mut app, "客户".into());
    app.handle(Input::Key(Key::parse("enter").expect("key")));
    let mut terminal = Terminal::new(TestBackend::new(60, 20)).expect("terminal");
    terminal
        .draw(|frame| {
            render(&app, &Theme::dark(), frame.buffer_mut());
        })
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let theme = Theme::dark();
    // Every 客户 on screen is drawn in a hit style; the current one differently.
    let mut hits = 0;
    let mut current = 0;
    for y in 3..19 {
        for x in 0..59 {
            if buffer[(x, y)].symbol() == "客" && buffer[(x + 2, y)].symbol() == "户" {
                let style = buffer[(x, y)].style();
                if style.bg == theme.current_hit.bg {
                    current += 1;
                } else {
                    assert_eq!(style.bg, theme.hit.bg, "客户 at ({x},{y}) is not highlighted");
                    hits += 1;
                }
            }
        }
    }
    assert_eq!(current, 1);
    assert!(hits > 3);
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn a_result_found_by_its_author_says_so() {
    let mut app = app(120, 35, "s");
    for c in "=admin".chars() {
        let effects = app.handle(Input::Key(Key::char(c)));
        app.work_here(effects);
    }
    let shown = screen(&app);
    assert!(shown.contains("作者：admin"), "{shown}");
}

#[test]
fn a_search_box_that_is_full_says_so_instead_of_dropping_keys() {
    let mut app = app(120, 35, "s");
    let press = |app: &mut App, key: &str| app.handle(Input::Key(Key::parse(key).expect("key")));
    // 5,461 characters of 3 bytes fit, one byte short of 16 KB.
    paste(&mut app, "字".repeat(6_000));
    assert!(screen(&app).contains("输入已满（最多 16 KB）"), "{}", screen(&app));
    press(&mut app, "a");
    assert!(!screen(&app).contains("输入已满"), "a fits");
    // Each key that does not fit says it again; deleting makes room.
    for key in ["y", "字"] {
        press(&mut app, key);
        assert!(screen(&app).contains("输入已满"), "{key}: {}", screen(&app));
    }
    press(&mut app, "backspace");
    assert!(!screen(&app).contains("输入已满"));
    // The find prompt in the reader, too.
    let mut reader = self::app(120, 35, "j l l /");
    paste(&mut reader, "字".repeat(6_000));
    assert!(screen(&reader).contains("输入已满"), "{}", screen(&reader));
}

/// The bundled collection (classical essays and poems first) in `lang`,
/// with `query` in the search box.
fn bundled_search(lang: crate::i18n::Lang, width: u16, height: u16, query: &str) -> App {
    let config = Config::default_config().expect("config");
    let mut app = App::new(
        Library::bundled(),
        config.keymap,
        ReadingSettings::default(),
        width,
        height,
    );
    app.set_lang(lang);
    app.handle(Input::Key(Key::parse("s").expect("key")));
    paste(&mut app, query.into());
    app
}

#[test]
fn results_of_one_title_are_told_apart_by_their_authors() {
    let shown = screen(&bundled_search(crate::i18n::Lang::Simplified, 100, 30, "寄友生"));
    let rows: Vec<&str> = shown
        .lines()
        .filter(|l| l.contains("寄友生") && !l.contains("搜索"))
        .collect();
    assert_eq!(rows.len(), 2, "{shown}");
    assert!(rows[0].contains("李咸用") && rows[1].contains("齊己"), "{shown}");
    assert!(
        !shown.contains("唐詩"),
        "one category for all: not repeated on every row\n{shown}"
    );
    // Results from several categories name theirs.
    let shown = screen(&bundled_search(crate::i18n::Lang::Simplified, 100, 30, "管理"));
    assert!(shown.contains("教育管理") && shown.contains("营销管理"), "{shown}");
}

#[test]
fn search_results_at_every_size() {
    use crate::i18n::Lang;
    for (name, lang) in [("results", Lang::Simplified), ("results_english", Lang::English)] {
        for (width, height) in [(60, 20), (80, 24), (100, 30)] {
            let app = bundled_search(lang, width, height, "寄友生");
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(&app));
        }
    }
}
