//! Snapshot tests of whole screens drawn from the state, at 120×35 and 60×20.

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::*;
use crate::app::{Input, ReadingSettings};
use crate::config::Config;
use crate::keymap::Key;
use crate::library::Library;
use crate::text::AmbiguousWidth;

fn app(width: u16, height: u16, keys: &str) -> App {
    app_with("", width, height, keys)
}

/// The app with a user's configuration file, after `keys`.
fn app_with(config_text: &str, width: u16, height: u16, keys: &str) -> App {
    let config = Config::from_user_text("user.toml", config_text).expect("valid config");
    let mut app = App::new(
        Library::bundled(),
        config.keymap.clone(),
        ReadingSettings::default(),
        width,
        height,
    );
    for name in keys.split_whitespace() {
        app.handle(Input::Key(Key::parse(name).expect("key")));
    }
    app
}

fn screen(app: &App) -> String {
    let mut terminal = Terminal::new(TestBackend::new(app.width, app.height)).expect("terminal");
    terminal
        .draw(|frame| {
            render(app, &Theme::dark(), frame.buffer_mut());
        })
        .expect("draw");
    terminal.backend().to_string()
}

/// A user's keys: every hint on screen must name these, not the defaults.
const REBOUND: &str = "[keys]\nquit = [\"x\"]\nhelp = [\"f2\"]\nback = [\"backspace\"]\nopen = [\"o\"]\nbookmarks = [\"v\"]\nadd_bookmark = [\"a\"]\nundo = [\"z\"]\ncycle_order = [\"t\"]\nedit_note = [\"r\"]\ndelete_bookmark = [\"D\"]\ncontinue_reading = [\"C\"]\n";

#[test]
fn hints_follow_a_rebound_keymap() {
    let lists = screen(&app_with(REBOUND, 120, 35, ""));
    assert!(lists.contains("F2 帮助  x 退出"), "{lists}");
    assert!(lists.contains("按 o 打开文章"), "{lists}");
    assert!(!lists.contains("? 帮助") && !lists.contains("q 退出"), "{lists}");
    let help = screen(&app_with(REBOUND, 120, 35, "f2"));
    assert!(help.contains("按键  (Backspace 关闭)"), "{help}");
    let quit_line = help.lines().find(|l| l.contains("退出")).unwrap_or_default();
    assert!(quit_line.contains(" x  "), "quit's key in the help: {help}");
    assert!(!help.contains("q, Ctrl-c"), "{help}");
    let bookmarks = screen(&app_with(REBOUND, 120, 35, "v"));
    assert!(
        bookmarks.contains("按时间（t 切换）  o 跳转  r 备注  D 删除  z 撤销  Backspace 关闭"),
        "{bookmarks}"
    );
    assert!(bookmarks.contains("还没有书签：在阅读时按 a 添加"), "{bookmarks}");
    let reader = screen(&app_with(REBOUND, 120, 35, "j l o"));
    assert!(reader.contains("F2 帮助"), "{reader}");
    assert!(!reader.contains("? 帮助"), "{reader}");
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
fn help_wide() {
    insta::assert_snapshot!(screen(&app(120, 35, "?")));
}

/// Help at the sizes a reader uses, down to the smallest window: never a
/// key list cut with "…", a mark when there is more.
#[test]
fn help_at_20x5() {
    insta::assert_snapshot!(screen(&app(20, 5, "?")));
}

#[test]
fn help_at_20x5_scrolled_to_the_end() {
    insta::assert_snapshot!(screen(&app(20, 5, "? G")));
}

#[test]
fn help_at_60x20() {
    insta::assert_snapshot!(screen(&app(60, 20, "?")));
}

#[test]
fn help_at_60x20_in_the_reader_one_page_down() {
    insta::assert_snapshot!(screen(&app(60, 20, "l l ? space")));
}

#[test]
fn help_at_80x24() {
    insta::assert_snapshot!(screen(&app(80, 24, "?")));
}

#[test]
fn help_at_100x30() {
    insta::assert_snapshot!(screen(&app(100, 30, "?")));
}

#[test]
fn help_at_140x40() {
    insta::assert_snapshot!(screen(&app(140, 40, "?")));
}

#[test]
fn help_never_cuts_a_key_list() {
    for (width, height) in [(20, 5), (60, 20), (80, 24), (100, 30), (120, 35), (140, 40)] {
        let mut app = app(width, height, "?");
        for _ in 0..40 {
            let shown = screen(&app);
            assert!(!shown.contains('…'), "{width}x{height}: {shown}");
            app.handle(Input::Key(Key::parse("j").expect("key")));
        }
    }
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
fn no_row_is_wider_than_the_screen_on_any_page() {
    // Every page of every article at several sizes: a row that overflowed
    // would push cells past the right edge, which the buffer would refuse.
    for (w, h) in [(120, 35), (60, 20), (61, 20), (101, 12), (20, 5)] {
        for article in 0..3 {
            let mut app = app(w, h, "");
            app.open_article(article, Some(0));
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
fn wide_ambiguous_mode_keeps_columns_aligned() {
    let mut app = app(120, 35, "");
    app.settings.ambiguous = AmbiguousWidth::Wide;
    app.handle(Input::Resize { width: 120, height: 35 });
    app.open_article(1, Some(0));
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
fn search_results_wide() {
    let mut app = app(120, 35, "s");
    app.handle(Input::Paste("客户关系".into()));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn search_results_narrow() {
    let mut app = app(60, 20, "s");
    app.handle(Input::Paste("管理".into()));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn highlighted_hits_in_the_reader() {
    let mut app = app(60, 20, "j l l /");
    app.handle(Input::Paste("客户".into()));
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
        app.handle(Input::Key(Key::char(c)));
    }
    let shown = screen(&app);
    assert!(shown.contains("作者：admin"), "{shown}");
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
    assert!(traditional.contains("显示：繁體"), "the status line says so");
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

/// Bookmarks in two articles, alternating, newest last.
fn with_bookmarks(app: &mut App, count: usize) {
    let mut state = crate::store::State::default();
    for i in 0..count {
        let article = ["jiaoyu/xuesheng-guanli", "yingxiao/kehu-guanxi-guanli"][i % 2];
        state.bookmarks.push(crate::store::Bookmark {
            id: i as i128,
            article: article.into(),
            offset: i * 10,
            snippet: format!("摘录{i}"),
            created: jiff::Timestamp::from_second(1_800_000_000 + i as i64).expect("time"),
            note: String::new(),
        });
    }
    app.load_saved(state);
}

#[test]
fn the_grouped_bookmark_list_heads_each_article_with_its_title() {
    let mut app = app(120, 35, "");
    with_bookmarks(&mut app, 4);
    app.handle(Input::Key(Key::parse("B").expect("key")));
    let rows = |app: &App| screen(app).lines().map(str::to_string).collect::<Vec<_>>();
    let at = |rows: &[String], text: &str| rows.iter().position(|r| r.contains(text));
    let newest = rows(&app);
    assert!(at(&newest, "摘录3") < at(&newest, "摘录0"), "newest first");
    assert!(at(&newest, "摘录2").is_some_and(|row| newest[row - 1].contains("如何做好学生管理工作")));
    app.handle(Input::Key(Key::parse("o").expect("key")));
    let grouped = rows(&app);
    let heading = at(&grouped, "如何做好学生管理工作").expect("a heading");
    assert_eq!(
        grouped.iter().filter(|r| r.contains("如何做好学生管理工作")).count(),
        1,
        "once"
    );
    assert!(
        at(&grouped, "摘录0").is_some_and(|row| row == heading + 2),
        "{grouped:#?}"
    );
    assert!(at(&grouped, "摘录2").is_some_and(|row| row == heading + 4));
    let second = at(&grouped, "如何做好客户关系管理").expect("a second heading");
    assert_eq!(second, heading + 5, "right after the first group");
}

#[test]
fn the_selected_bookmark_stays_on_screen_under_its_heading() {
    let mut app = app(60, 20, "");
    with_bookmarks(&mut app, 40);
    for key in ["B", "o", "G"] {
        app.handle(Input::Key(Key::parse(key).expect("key")));
    }
    let shown = screen(&app);
    assert!(shown.contains("摘录39"), "the last bookmark shown:\n{shown}");
    for _ in 0..25 {
        app.handle(Input::Key(Key::parse("k").expect("key")));
        let Some(crate::app::Overlay::Bookmarks(list)) = &app.overlay else {
            panic!("the list closed");
        };
        let snippet = {
            let saved = &app.saved;
            list.ordered(saved, app.keys(), &app.library)[list.cursor]
                .snippet
                .clone()
        };
        let shown = screen(&app);
        assert!(shown.contains(&format!("{snippet} ")), "{snippet} on screen:\n{shown}");
        assert!(shown.contains("如何做好"), "a heading above it");
    }
}

mod sizes;

const SET_ASIDE: &str = "/home/reader/.local/share/yuedu/state.json is not valid JSON (line 1, column 2); it was moved to /home/reader/.local/share/yuedu/state.json.damaged-1 and yuedu starts with no bookmarks or positions";

#[test]
fn a_notice_stays_above_the_status_line_wrapped_whole() {
    let mut app = app(60, 20, "");
    app.add_notice(SET_ASIDE.into());
    app.handle(Input::Key(Key::parse("j").expect("key")));
    let shown = screen(&app);
    assert!(shown.contains("! 查看全部  Esc 知道了"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn the_notices_list_at_60x20() {
    let mut app = app(60, 20, "");
    app.add_notice(SET_ASIDE.into());
    app.handle(Input::Key(Key::parse("!").expect("key")));
    insta::assert_snapshot!(screen(&app));
}

#[test]
fn a_search_box_that_is_full_says_so_instead_of_dropping_keys() {
    let mut app = app(120, 35, "s");
    let press = |app: &mut App, key: &str| app.handle(Input::Key(Key::parse(key).expect("key")));
    // 5,461 characters of 3 bytes fit, one byte short of 16 KB.
    app.handle(Input::Paste("字".repeat(6_000)));
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
    reader.handle(Input::Paste("字".repeat(6_000)));
    assert!(screen(&reader).contains("输入已满"), "{}", screen(&reader));
}

#[test]
fn text_boxes_name_and_take_the_keys_of_a_rebound_keymap() {
    let config =
        "[keys]\nopen = [\"f5\"]\nback = [\"f4\"]\nline_down = [\"j\", \"ctrl-n\"]\nline_up = [\"k\", \"ctrl-p\"]\n";
    let empty = screen(&app_with(config, 120, 35, "s"));
    assert!(empty.contains("Ctrl-p/Ctrl-n 翻历史"), "{empty}");
    let typed = screen(&app_with(config, 120, 35, "s x y"));
    assert!(typed.contains("Ctrl-p/Ctrl-n 选择  F5 打开  F4 返回"), "{typed}");
    assert!(!typed.contains("Enter") && !typed.contains("Esc"), "{typed}");
    assert!(
        app_with(config, 120, 35, "s x f4").overlay.is_none(),
        "F4 closes the search"
    );
    let note = screen(&app_with(config, 120, 35, "j l l m"));
    assert!(note.contains("书签备注（F5 保存  F4 取消）："), "{note}");
    let contents = screen(&app_with(config, 120, 35, "j l l t"));
    assert!(contents.contains("Ctrl-p/Ctrl-n 选择  F5 跳转  F4 返回"), "{contents}");
    let defaults = screen(&app(120, 35, "s x"));
    assert!(defaults.contains("Up/Down 选择  Enter 打开  Esc 返回"), "{defaults}");
}
