//! The library and the reader at 120×35 and 60×20, narrow and tiny windows, themes, wide ambiguous characters and the script shown.

use super::*;

#[test]
fn library_wide() {
    insta::assert_snapshot!(screen(&app(120, 35, "")));
}

#[test]
fn reader_wide() {
    insta::assert_snapshot!(screen(&app(120, 35, "j l l")));
}

#[test]
fn reader_focus_mode_wide() {
    insta::assert_snapshot!(screen(&app(120, 35, "j l l f space")));
}

#[test]
fn categories_narrow() {
    insta::assert_snapshot!(screen(&app(60, 20, "")));
}

#[test]
fn articles_narrow() {
    insta::assert_snapshot!(screen(&app(60, 20, "j j l")));
}

#[test]
fn reader_narrow() {
    insta::assert_snapshot!(screen(&app(60, 20, "j l l")));
}

#[test]
fn too_small() {
    insta::assert_snapshot!(screen(&app(19, 4, "")));
}

#[test]
fn category_names_never_run_into_their_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let long = dir.path().join("卷七・六朝唐文");
    std::fs::create_dir_all(&long).expect("mkdir");
    for i in 0..19 {
        std::fs::write(long.join(format!("{i}.md")), format!("# 文{i}\n\n正文。")).expect("write");
    }
    std::fs::create_dir_all(dir.path().join("短")).expect("mkdir");
    std::fs::write(dir.path().join("短/a.md"), "# 甲\n\n正文。").expect("write");
    let config = Config::default_config().expect("config");
    for width in [60, 80, 100, 120, 140] {
        let library = Library::from_dirs(&[dir.path().to_path_buf()]).expect("library");
        let app = App::new(library, config.keymap.clone(), ReadingSettings::default(), width, 24);
        let shown = screen(&app);
        let row = shown
            .lines()
            .skip(1)
            .find(|l| l.starts_with("\" 卷七"))
            .expect("the long category");
        assert!(row.contains(" 19 "), "{width}: {row}");
    }
}

#[test]
fn the_light_theme_paints_every_cell_of_the_lists_and_the_reader() {
    use unicode_width::UnicodeWidthStr;
    for keys in ["", "j l l"] {
        let app = app(100, 30, keys);
        let mut buf = Buffer::empty(Rect::new(0, 0, 100, 30));
        render(&app, &Theme::light(), &mut buf);
        for y in 0..30 {
            let mut x = 0;
            while x < 100 {
                let cell = &buf[(x, y)];
                assert_ne!(
                    cell.bg,
                    ratatui::style::Color::Reset,
                    "({x}, {y}) after {keys:?}: {cell:?}"
                );
                x += cell.symbol().width().max(1) as u16;
            }
        }
    }
}

#[test]
fn no_row_is_wider_than_the_screen_on_any_page() {
    // Every page of every article at several sizes: a row that overflowed
    // would push cells past the right edge, which the buffer would refuse.
    for (w, h) in [(120, 35), (60, 20), (61, 20), (101, 12), (20, 5)] {
        for article in 0..3 {
            let mut app = app(w, h, "");
            app.open_article(app.library.at(article).expect("article"), Some(0));
            loop {
                let text = screen(&app);
                assert_eq!(text.lines().count(), usize::from(h));
                let before = app.reader.as_ref().map(|r| r.top);
                app.handle(Input::Key(Key::char(' ')));
                if app.reader.as_ref().map(|r| r.top) == before {
                    break;
                }
            }
        }
    }
}

#[test]
fn a_frame_smaller_than_the_last_known_size_is_drawn_without_panicking() {
    // The terminal shrank and the resize is not handled yet: ratatui hands
    // over a buffer of the new size.
    let app = app(120, 35, "j l l");
    for (width, height) in [(60, 20), (20, 5), (119, 34)] {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
        render(&app, &Theme::dark(), &mut buf);
    }
}

#[test]
fn wide_ambiguous_mode_keeps_columns_aligned() {
    let mut app = app(120, 35, "");
    app.settings.ambiguous = AmbiguousWidth::Wide;
    app.handle(Input::Resize { width: 120, height: 35 });
    app.open_article(app.library.at(1).expect("article"), Some(0));
    let mut terminal = Terminal::new(TestBackend::new(120, 35)).expect("terminal");
    terminal
        .draw(|frame| {
            render(&app, &Theme::dark(), frame.buffer_mut());
        })
        .expect("draw");
    let buffer = terminal.backend().buffer();
    let mut found = 0;
    for y in 0..35 {
        for x in 0..119 {
            if buffer[(x, y)].symbol() == "“" {
                found += 1;
                assert_eq!(buffer[(x + 1, y)].symbol(), " ", "“ at ({x},{y}) must own two cells");
            }
        }
    }
    assert!(found > 0, "the article shows quotes");
    // Text stays inside its reading column; the scrollbar keeps the last column.
    let pane = app.screen().reader.expect("reader pane");
    let column = crate::app::geometry::reading_column(pane, 80);
    for y in column.y..column.bottom() {
        for x in column.right()..pane.right() - 1 {
            assert_eq!(
                buffer[(x, y)].symbol(),
                " ",
                "text spilled out of the column at ({x},{y})"
            );
        }
    }
    let status_y = 34;
    assert_eq!(
        buffer[(117, status_y)].symbol(),
        "助",
        "the status line ends in the last columns"
    );
}

#[test]
fn shift_t_shows_the_text_in_traditional_characters_in_the_same_cells() {
    let mut app = app(80, 24, "j l l");
    let original = screen(&app);
    assert!(original.contains("客户关系"), "{original}");
    app.handle(Input::Key(Key::parse("T").expect("key")));
    assert_eq!(app.script(), crate::script::Script::Simplified);
    let text = |screen: &str| screen.lines().take(23).collect::<Vec<_>>().join("\n");
    assert_eq!(
        text(&screen(&app)),
        text(&original),
        "Simplified text shown Simplified is unchanged"
    );
    app.handle(Input::Key(Key::parse("T").expect("key")));
    assert_eq!(app.script(), crate::script::Script::Traditional);
    let traditional = screen(&app);
    assert!(
        traditional.contains("客戶關") && traditional.contains("營銷"),
        "{traditional}"
    );
    assert!(
        traditional.contains("顯示：繁體"),
        "the status line says so, in Traditional too"
    );
    // Character for character: every row keeps its width and its blanks.
    for (a, b) in original.lines().zip(traditional.lines()).take(22) {
        assert_eq!(a.chars().count(), b.chars().count(), "{a}\n{b}");
    }
    // Search and positions still work on the original text.
    let offset = app.reader.as_ref().map(|r| r.offset());
    app.handle(Input::Key(Key::parse("T").expect("key")));
    assert_eq!(app.script(), crate::script::Script::Original);
    assert_eq!(app.reader.as_ref().map(|r| r.offset()), offset);
}
