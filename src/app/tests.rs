//! State-machine tests: inputs in, state and effects out, no terminal.

use super::*;
use crate::config::Config;
use crate::store::Change;

pub(super) fn app(width: u16, height: u16) -> App {
    let config = Config::default_config().expect("default config");
    let keymap = config.keymap.clone();
    App::new(Library::bundled(), keymap, ReadingSettings::default(), width, height)
}

pub(super) fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for name in keys.split_whitespace() {
        let key = Key::parse(name).expect("key name");
        effects.extend(app.handle(Input::Key(key)));
    }
    effects
}

/// Pages the open article to its end, as a reader reads it.
pub(super) fn read_to_end(app: &mut App) {
    for _ in 0..10_000 {
        let page = app.reader_page();
        if app.reader.as_ref().is_none_or(|r| r.at_end(page)) {
            return;
        }
        press(app, "space");
    }
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
    press(&mut app, "h");
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
fn next_and_previous_article_at_the_ends_say_so() {
    let mut app = app(120, 35);
    press(&mut app, "l l [");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(0));
    assert_eq!(app.message.as_deref(), Some("已是第一篇"));
    let last = app.library.articles().len() - 1;
    for _ in 0..last {
        press(&mut app, "]");
    }
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(last));
    press(&mut app, "]");
    assert_eq!(app.message.as_deref(), Some("已是最后一篇"));
    press(&mut app, "j");
    assert_eq!(app.message, None, "the notice goes with the next key");
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
    press(&mut app, "l l h h");
    assert_eq!(app.focus, Pane::Categories);
    app.handle(Input::Wheel {
        x: 100,
        y: 10,
        down: true,
    });
    assert_eq!(
        app.reader.as_ref().map(|r| r.position()),
        Some(navigation::WHEEL_LINES as i128 - reader::HEAD_ROWS as i128)
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
        Some(0),
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
    assert_eq!(app.read_status(1), marks::ReadStatus::Unread);
    press(&mut app, "j l l space esc");
    assert!(matches!(app.read_status(1), marks::ReadStatus::InProgress(p) if p > 0 && p < 100));
    press(&mut app, "l");
    read_to_end(&mut app);
    press(&mut app, "esc");
    assert_eq!(app.read_status(1), marks::ReadStatus::Finished);
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
        matches!(app.read_status(1), marks::ReadStatus::InProgress(p) if p < 100),
        "a look at the end is not reading to it: {:?} {effects:?}",
        app.read_status(1)
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
    assert_eq!(app.read_status(1), marks::ReadStatus::Finished);
}

#[test]
fn continue_reading_opens_the_last_article_where_it_was_left() {
    let mut app = app(120, 35);
    press(&mut app, "c");
    assert!(app.reader.is_none());
    assert!(app.message.is_some(), "nothing to continue yet");
    press(&mut app, "j j l l space");
    let offset = app.reader.as_ref().map(|r| r.offset());
    press(&mut app, "h h k k");
    assert_eq!(app.continue_target().map(|(i, _)| i), Some(2));
    app.reader = None;
    press(&mut app, "c");
    assert_eq!(app.reader.as_ref().map(|r| r.offset()), offset);
    assert_eq!(app.focus, Pane::Reader);
}

#[test]
fn a_bookmark_takes_a_note_or_none() {
    let mut app = app(120, 35);
    press(&mut app, "j l l j j j j m");
    assert!(app.prompt.is_some());
    app.handle(Input::Paste("客户".into()));
    press(&mut app, "x backspace");
    let effects = press(&mut app, "enter");
    let [Effect::Save(Change::AddBookmark(bookmark))] = effects.as_slice() else {
        panic!("expected one saved bookmark, got {effects:?}");
    };
    assert_eq!(bookmark.note, "客户");
    assert_eq!(bookmark.article, "yingxiao/kehu-guanxi-guanli");
    assert_eq!(Some(bookmark.offset), app.reader.as_ref().map(|r| r.offset()));
    assert!(!bookmark.snippet.is_empty());
    press(&mut app, "j m enter");
    assert_eq!(app.saved.bookmarks.len(), 2);
    assert_eq!(app.saved.bookmarks[1].note, "", "Enter with no note saves");
}

#[test]
fn esc_cancels_a_bookmark_and_a_second_one_on_the_line_edits_the_first() {
    let mut app = app(120, 35);
    let effects = press(&mut app, "j l l j j j j m a b c esc");
    assert!(effects.is_empty(), "{effects:?}");
    assert!(app.saved.bookmarks.is_empty(), "Esc cancels");
    assert_eq!(app.message.as_deref(), Some("未加书签"));
    press(&mut app, "m");
    app.handle(Input::Paste("第一".into()));
    press(&mut app, "enter");
    assert_eq!(app.message.as_deref(), Some("已加书签"));
    press(&mut app, "m");
    let Some(Prompt {
        kind: PromptKind::EditNote { .. },
        input,
    }) = &app.prompt
    else {
        panic!("expected the note of the bookmark on this line, got {:?}", app.prompt);
    };
    assert_eq!(input.text(), "第一");
    press(&mut app, "backspace backspace");
    app.handle(Input::Paste("改过".into()));
    press(&mut app, "enter");
    assert_eq!(app.saved.bookmarks.len(), 1, "edited, not added");
    assert_eq!(app.saved.bookmarks[0].note, "改过");
    press(&mut app, "m esc");
    assert_eq!(app.saved.bookmarks[0].note, "改过", "Esc leaves the note as it was");
    press(&mut app, "j m enter");
    assert_eq!(app.saved.bookmarks.len(), 2, "another line, another bookmark");
}

#[test]
fn the_bookmark_list_jumps_deletes_undoes_and_edits() {
    let mut app = app(120, 35);
    press(&mut app, "j l l space m enter");
    let spot = app.reader.as_ref().map(|r| r.offset());
    press(&mut app, "g B");
    assert!(matches!(app.overlay, Some(Overlay::Bookmarks(_))));
    press(&mut app, "enter");
    assert_eq!(app.overlay, None);
    assert_eq!(app.reader.as_ref().map(|r| r.offset()), spot);
    press(&mut app, "B d");
    assert!(app.saved.bookmarks.is_empty());
    press(&mut app, "u");
    assert_eq!(app.saved.bookmarks.len(), 1);
    press(&mut app, "e");
    app.handle(Input::Paste("新备注".into()));
    press(&mut app, "enter");
    assert_eq!(app.saved.bookmarks[0].note, "新备注");
    press(&mut app, "o");
    assert!(matches!(&app.overlay, Some(Overlay::Bookmarks(list)) if list.grouped));
    press(&mut app, "esc");
    assert_eq!(app.overlay, None);
}

#[test]
fn the_bookmark_order_chosen_is_remembered_across_restarts() {
    let mut app = app(120, 35);
    press(&mut app, "B");
    assert!(matches!(&app.overlay, Some(Overlay::Bookmarks(list)) if !list.grouped));
    let effects = press(&mut app, "o");
    assert!(
        effects.contains(&Effect::Save(Change::SetBookmarksGrouped(true))),
        "{effects:?}"
    );
    // A new session with what was saved opens the list grouped.
    let mut restarted = self::app(120, 35);
    restarted.load_saved(app.saved.clone());
    press(&mut restarted, "B");
    assert!(matches!(&restarted.overlay, Some(Overlay::Bookmarks(list)) if list.grouped));
    press(&mut restarted, "o");
    assert!(!restarted.saved.bookmarks_grouped, "and back to newest first");
}

#[test]
fn a_bookmark_of_a_missing_article_stays_and_says_so() {
    let mut app = app(120, 35);
    let mut state = crate::store::State::default();
    state.apply(&Change::AddBookmark(crate::store::Bookmark {
        id: 7,
        article: "gone/away".into(),
        offset: 0,
        snippet: "不在了".into(),
        created: jiff::Timestamp::now(),
        note: String::new(),
    }));
    app.load_saved(state);
    press(&mut app, "B enter");
    assert!(app.message.as_deref().is_some_and(|m| m.contains("gone/away")));
    assert_eq!(app.saved.bookmarks.len(), 1);
}

#[test]
fn a_position_saved_at_width_100_lands_on_the_same_sentence_at_width_50() {
    let mut wide = app(100, 30);
    press(&mut wide, "j l l space space j j");
    let offset = wide.reader.as_ref().map(|r| r.offset()).expect("open");
    press(&mut wide, "q");
    let body = &wide.library.articles()[1].body;
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
    let shown = narrow.library.articles()[1].body.text[top.range.clone()].to_string();
    assert!(
        shown.contains(&sentence) || sentence.starts_with(&shown[offset - top.range.start..]),
        "{shown} / {sentence}"
    );
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.handle(Input::Key(Key::char(c)));
    }
}

#[test]
fn global_search_updates_as_you_type_and_opens_at_the_hit() {
    let mut app = app(120, 35);
    press(&mut app, "s");
    assert!(matches!(app.overlay, Some(Overlay::Search(_))));
    type_text(&mut app, "病案");
    let Some(Overlay::Search(search)) = &app.overlay else {
        panic!("search open")
    };
    assert_eq!(search.results.total, 1);
    let first = search.results.hits[0].first.clone().expect("body hit");
    press(&mut app, "enter");
    assert_eq!(app.overlay, None);
    let reader = app.reader.as_ref().expect("opened");
    assert_eq!(reader.article, 2);
    assert_eq!(reader.current_hit, Some(0));
    assert_eq!(reader.hits[0], first);
    let line = reader.layout.line_at_offset(first.start);
    assert!(
        line >= reader.top && line < reader.top + app.reader_page(),
        "the hit is on screen"
    );
    assert!(reader.hits.len() > 5, "every hit is marked");
}

#[test]
fn esc_returns_from_search_to_where_you_were() {
    let mut app = app(120, 35);
    press(&mut app, "j l l space");
    let before = app.reader.as_ref().map(|r| (r.article, r.top));
    press(&mut app, "s");
    type_text(&mut app, "统计");
    press(&mut app, "esc");
    assert_eq!(app.overlay, None);
    assert_eq!(app.reader.as_ref().map(|r| (r.article, r.top)), before);
    assert_eq!(app.focus, Pane::Reader);
}

#[test]
fn slash_in_the_lists_searches_everything_and_arrows_pick_a_result() {
    let mut app = app(120, 35);
    press(&mut app, "/");
    type_text(&mut app, "管理");
    press(&mut app, "down down enter");
    assert_eq!(
        app.reader.as_ref().map(|r| r.article),
        Some(2),
        "the third result: 管理 only in the text"
    );
}

#[test]
fn find_in_article_marks_every_hit_and_n_wraps() {
    let mut app = app(60, 20);
    press(&mut app, "j l l /");
    assert!(matches!(
        app.prompt,
        Some(Prompt {
            kind: PromptKind::Find,
            ..
        })
    ));
    app.handle(Input::Paste("客戶".into()));
    press(&mut app, "enter");
    let reader = app.reader.as_ref().expect("open");
    let total = reader.hits.len();
    assert_eq!(total, app.library.articles()[1].body.text.matches("客户").count());
    assert_eq!(reader.current_hit, Some(0));
    press(&mut app, "n n");
    assert_eq!(app.reader.as_ref().and_then(|r| r.current_hit), Some(2));
    press(&mut app, "N N N");
    assert_eq!(
        app.reader.as_ref().and_then(|r| r.current_hit),
        Some(total - 1),
        "wraps backwards"
    );
    assert!(app.message.is_some());
    let reader = app.reader.as_ref().expect("open");
    let hit_line = reader.layout.line_at_offset(reader.hits[total - 1].start);
    assert!(hit_line >= reader.top && hit_line < reader.top + app.reader_page());
    press(&mut app, "esc");
    assert!(
        app.reader.as_ref().is_some_and(|r| r.hits.is_empty()),
        "Esc clears the marks first"
    );
    assert_eq!(app.focus, Pane::Reader);
}

#[test]
fn a_hit_split_across_lines_is_marked_on_both() {
    let mut app = app(60, 20);
    press(&mut app, "j l l");
    let reader = app.reader.as_ref().expect("open");
    let body = &app.library.articles()[1].body;
    // Find a two-character word that the layout splits at a line end.
    let lines: Vec<_> = reader.layout.lines().collect();
    let split = lines.windows(2).find_map(|w| {
        let (a, b) = (&w[0], &w[1]);
        (a.range.end == b.range.start && !a.range.is_empty() && !b.range.is_empty()).then(|| {
            let last = body.text[a.range.clone()].chars().next_back().expect("char");
            let next = body.text[b.range.clone()].chars().next().expect("char");
            format!("{last}{next}")
        })
    });
    let word = split.expect("some paragraph wraps");
    press(&mut app, "/");
    app.handle(Input::Paste(word.clone()));
    press(&mut app, "enter");
    let reader = app.reader.as_ref().expect("open");
    let crossing = reader.hits.iter().find(|h| {
        let first = reader.layout.line_at_offset(h.start);
        reader.layout.line_at_offset(h.end - 1) != first
    });
    let hit = crossing.expect("a hit crosses a line break").clone();
    let body = &app.library.articles()[1].body;
    let line = reader.layout.line_at_offset(hit.start);
    let marks = reader.visible_marks(line, 2);
    let first_pieces = reader.layout.pieces(body, line, &marks);
    let second_pieces = reader.layout.pieces(body, line + 1, &marks);
    assert!(
        first_pieces.iter().any(|p| p.mark != crate::layout::Mark::None),
        "{word}"
    );
    assert!(
        second_pieces.iter().any(|p| p.mark != crate::layout::Mark::None),
        "{word}"
    );
}

#[test]
fn articles_arriving_in_batches_keep_the_reader_and_selection_in_place() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("broken.md"), "+++\ntitle = [\n+++\n").expect("write");
    for (folder, name) in [("b", "x"), ("a", "y"), ("b", "z"), ("a", "w")] {
        std::fs::create_dir_all(dir.path().join(folder)).expect("mkdir");
        let text = format!("+++\ntitle = \"{name}\"\n+++\n{}", "正文。".repeat(400));
        std::fs::write(dir.path().join(folder).join(format!("{name}.md")), text).expect("write");
    }
    let mut plan = crate::library::Plan::dirs(&[dir.path().to_path_buf()]).expect("plan");
    let library = plan.start();
    let config = Config::default_config().expect("config");
    let mut app = App::new(library, config.keymap.clone(), ReadingSettings::default(), 120, 35);
    app.start_loading(plan.len());
    let mut batches = plan.into_batches(1).into_iter();
    let mut next = |app: &mut App| {
        let batch = crate::library::read_batch(batches.next().expect("a batch"));
        app.handle(Input::loaded(batch));
    };
    // Files arrive one per batch; read until the first article is there.
    let mut read = 0;
    while app.library.articles().is_empty() {
        next(&mut app);
        read += 1;
    }
    assert_eq!(app.loading, Some((read, 5)));
    press(&mut app, "l l space");
    let open = app
        .reader
        .as_ref()
        .map(|r| (app.library.articles()[r.article].id.clone(), r.top))
        .expect("open");
    for _ in read..5 {
        next(&mut app);
    }
    assert_eq!(app.loading, None);
    assert_eq!(app.banner(), ["有 1 个文件无法读取，已跳过"]);
    assert_eq!(app.library.articles().len(), 4);
    // The search index took in each batch where its articles went.
    assert_eq!(app.search_index, Some(crate::search::SearchIndex::build(&app.library)));
    let now = app
        .reader
        .as_ref()
        .map(|r| (app.library.articles()[r.article].id.clone(), r.top))
        .expect("open");
    assert_eq!(now, open, "the open article stays open at the same place");
    assert_eq!(
        app.selected_article().map(|i| app.library.articles()[i].id.clone()),
        Some(open.0)
    );
    // Every article that arrived in a batch is keyed by its file.
    for (i, article) in app.library.articles().iter().enumerate() {
        let key = &app.state_key(i);
        assert!(
            crate::store::identity::is_file_key(key) && key.ends_with(&format!("{}.md", article.id)),
            "{key}"
        );
        assert_eq!(app.article_of_key(key), Some(i));
    }
}

#[test]
fn ending_with_a_note_half_typed_keeps_the_bookmark_and_the_note() {
    let mut app = app(120, 35);
    press(&mut app, "j l l space m");
    app.handle(Input::Paste("重点".into()));
    let effects = app.terminate();
    let saved: Vec<&Change> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(change) => Some(change),
            Effect::Quit => None,
        })
        .collect();
    assert!(
        matches!(saved.first(), Some(Change::AddBookmark(b)) if b.note == "重点"),
        "{saved:?}"
    );
    assert!(matches!(saved.get(1), Some(Change::SetPosition { .. })), "{saved:?}");
    assert_eq!(effects.last(), Some(&Effect::Quit));
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

fn search_box(app: &App) -> &search::GlobalSearch {
    match &app.overlay {
        Some(Overlay::Search(search)) => search,
        other => panic!("the search overlay is not open: {other:?}"),
    }
}

#[test]
fn esc_in_an_article_opened_from_the_results_goes_back_to_them() {
    let mut app = app(120, 35);
    press(&mut app, "s");
    type_text(&mut app, "管理");
    let second = search_box(&app).results.hits[1].article;
    let third = search_box(&app).results.hits[2].article;
    press(&mut app, "down enter");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(second));
    assert!(app.overlay.is_none());
    press(&mut app, "esc");
    let search = search_box(&app);
    assert_eq!(search.input.text(), "管理");
    assert!(!search.input.is_selected());
    assert_eq!((search.cursor.selected, search.results.total), (1, 3));
    press(&mut app, "down enter");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(third), "the next result");
    press(&mut app, "esc");
    assert_eq!(search_box(&app).cursor.selected, 2);
    // Leaving the results with Esc, the article's Esc no longer returns to them.
    press(&mut app, "esc");
    assert!(app.overlay.is_none());
    assert_eq!(app.focus, Pane::Reader);
    press(&mut app, "esc esc");
    assert!(app.overlay.is_none());
    assert_eq!(app.focus, Pane::Articles, "marks cleared, then back to the list");
}

#[test]
fn esc_in_focus_mode_after_a_search_result_leaves_focus_mode_first() {
    let mut app = app(80, 24);
    press(&mut app, "s");
    type_text(&mut app, "管理");
    press(&mut app, "enter f");
    assert!(app.focus_mode);
    press(&mut app, "esc");
    assert!(!app.focus_mode, "Esc leaves focus mode");
    assert!(app.overlay.is_none(), "and does not reopen the results");
    assert_eq!(app.focus, Pane::Reader);
    press(&mut app, "esc");
    assert!(
        matches!(app.overlay, Some(Overlay::Search(_))),
        "then back to the results"
    );
}

#[test]
fn s_reopens_with_the_last_query_selected() {
    let mut app = app(120, 35);
    press(&mut app, "s");
    type_text(&mut app, "统计");
    press(&mut app, "esc s");
    let search = search_box(&app);
    assert_eq!((search.input.text(), search.input.is_selected()), ("统计", true));
    assert_eq!(search.results.total, 1, "with its results");
    type_text(&mut app, "病案");
    assert_eq!(
        search_box(&app).input.text(),
        "病案",
        "typing replaces the selected query"
    );
}

#[test]
fn up_and_down_in_an_empty_box_walk_the_history_of_each_kind() {
    let mut app = app(120, 35);
    for query in ["统计", "客户", "管理"] {
        press(&mut app, "s ctrl-u");
        type_text(&mut app, query);
        press(&mut app, "esc");
    }
    assert_eq!(app.saved.history.search, ["统计", "客户", "管理"]);
    press(&mut app, "s backspace");
    assert_eq!(search_box(&app).input.text(), "");
    press(&mut app, "up");
    assert_eq!(search_box(&app).input.text(), "管理");
    press(&mut app, "up up up");
    assert_eq!(search_box(&app).input.text(), "统计", "stops at the oldest");
    assert_eq!(search_box(&app).results.total, 1);
    press(&mut app, "down");
    assert_eq!(search_box(&app).input.text(), "客户");
    press(&mut app, "down down");
    assert_eq!(search_box(&app).input.text(), "", "past the newest: empty again");
    // A typed query: Up and Down move through the results instead.
    type_text(&mut app, "管理");
    press(&mut app, "down");
    assert_eq!(search_box(&app).cursor.selected, 1);
    press(&mut app, "esc");
    // The find box has its own history.
    press(&mut app, "j l l /");
    type_text(&mut app, "客户");
    press(&mut app, "enter");
    assert_eq!(app.saved.history.find, ["客户"]);
    press(&mut app, "/ up");
    assert_eq!(app.prompt.as_ref().map(|p| p.input.text()), Some("客户"));
}

/// An app over one article of `text`, opened in the reader.
fn reading(text: &str) -> App {
    let config = Config::default_config().expect("default config");
    let keymap = config.keymap.clone();
    let article = crate::library::parse_article("t/a", "t/a.md", text.as_bytes(), crate::library::Origin::Bundled)
        .expect("parses");
    let mut library = Library::default();
    library.extend(crate::library::Batch {
        articles: vec![article],
        problems: Vec::new(),
        files: 1,
    });
    let mut app = App::new(library, keymap, ReadingSettings::default(), 60, 20);
    press(&mut app, "l l");
    assert_eq!(app.focus, Pane::Reader);
    app
}

#[test]
fn find_marks_touching_hits_as_you_type_each_a_stop() {
    let mut app = reading("好好学习，天天向上。好人好事。");
    press(&mut app, "/");
    type_text(&mut app, "好");
    let hits = app.reader.as_ref().map(|r| r.hits.clone()).expect("open");
    assert_eq!(hits.len(), 4, "marked while typing, before Enter");
    assert_eq!(hits[0], 0..3);
    assert_eq!(hits[1], 3..6);
    press(&mut app, "enter");
    assert_eq!(app.reader.as_ref().and_then(|r| r.current_hit), Some(0));
    let mut stops = Vec::new();
    for _ in 0..4 {
        press(&mut app, "n");
        stops.push(app.reader.as_ref().and_then(|r| r.current_hit));
    }
    assert_eq!(stops, [Some(1), Some(2), Some(3), Some(0)]);
    // Esc in the prompt takes the marks away again.
    press(&mut app, "/");
    type_text(&mut app, "天");
    assert_eq!(app.reader.as_ref().map(|r| r.hits.len()), Some(2));
    press(&mut app, "esc");
    assert_eq!(app.reader.as_ref().map(|r| r.hits.len()), Some(0));
}

/// An app over the folders `dirs`.
pub(super) fn app_over(dirs: &[&std::path::Path]) -> App {
    let config = Config::default_config().expect("default config");
    let keymap = config.keymap.clone();
    let dirs: Vec<std::path::PathBuf> = dirs.iter().map(|d| d.to_path_buf()).collect();
    let library = Library::from_dirs(&dirs).expect("library");
    App::new(library, keymap, ReadingSettings::default(), 120, 35)
}

fn long_text(title: &str) -> String {
    let mut text = format!("+++\ntitle = \"{title}\"\n+++\n");
    for n in 0..200 {
        text.push_str(&format!("{title}第{n}段，文字足够长，翻过几页也读不完。\n\n"));
    }
    text
}

/// Reads the only article a page down and quits; the state it saved.
fn read_a_page(mut app: App) -> State {
    press(&mut app, "l l space space");
    assert!(app.reader.is_some());
    press(&mut app, "q");
    app.saved
}

#[test]
fn two_folders_with_the_same_file_names_never_share_state() {
    let root = tempfile::tempdir().expect("tempdir");
    let (c1, c2) = (root.path().join("c1"), root.path().join("c2"));
    for (dir, title) in [(&c1, "治安策"), (&c2, "過秦論")] {
        std::fs::create_dir_all(dir).expect("mkdir");
        std::fs::write(dir.join("a.md"), long_text(title)).expect("write");
    }
    let saved = read_a_page(app_over(&[&c1]));
    let mut other = app_over(&[&c2]);
    other.load_saved(saved.clone());
    assert_eq!(other.read_status(0), marks::ReadStatus::Unread);
    assert_eq!(
        other.continue_target(),
        None,
        "c does not offer 治安策's place in 過秦論"
    );
    let mut same = app_over(&[&c1]);
    same.load_saved(saved);
    assert!(matches!(same.read_status(0), marks::ReadStatus::InProgress(_)));
    assert_eq!(same.continue_target().map(|(i, _)| i), Some(0));
}

#[test]
fn a_moved_file_finds_its_state_and_a_replaced_text_does_not_inherit() {
    let root = tempfile::tempdir().expect("tempdir");
    let (before, after) = (root.path().join("before"), root.path().join("after"));
    std::fs::create_dir_all(&before).expect("mkdir");
    std::fs::write(before.join("a.md"), long_text("治安策")).expect("write");
    let saved = read_a_page(app_over(&[&before]));
    let offset = saved.positions.values().next().map(|p| p.offset);
    std::fs::rename(&before, &after).expect("move the folder");
    std::fs::rename(after.join("a.md"), after.join("renamed.md")).expect("rename the file");
    let mut moved = app_over(&[&after]);
    let effects = {
        moved.load_saved(saved.clone());
        moved.handle(Input::Resize { width: 120, height: 35 })
    };
    assert!(
        effects.iter().any(|e| matches!(e, Effect::Save(Change::Attach { .. }))),
        "the attachment is saved: {effects:?}"
    );
    assert_eq!(moved.saved_position(0).map(|p| p.offset), offset);
    assert_eq!(moved.continue_target().map(|(i, _)| i), Some(0));

    // The same path with another text: nothing inherited.
    std::fs::write(after.join("renamed.md"), long_text("過秦論")).expect("replace");
    let mut replaced = app_over(&[&after]);
    replaced.load_saved(moved.saved.clone());
    assert_eq!(replaced.read_status(0), marks::ReadStatus::Unread);
    press(&mut replaced, "l l");
    assert_eq!(
        replaced.reader.as_ref().map(Reader::offset),
        Some(0),
        "opens at the start"
    );
}

#[test]
fn format_1_entries_attach_to_the_folder_article_with_their_id_or_stay_listed() {
    let root = tempfile::tempdir().expect("tempdir");
    std::fs::write(root.path().join("a.md"), long_text("治安策")).expect("write");
    let mut old = State {
        version: 1,
        ..State::default()
    };
    for (key, offset) in [("a", 40), ("elsewhere/b", 7)] {
        old.apply(&Change::SetPosition {
            article: key.into(),
            position: crate::store::Position {
                offset,
                percent: 3,
                finished: false,
                updated: jiff::Timestamp::now(),
                fingerprint: None,
            },
        });
    }
    let mut app = app_over(&[root.path()]);
    app.load_saved(old);
    assert_eq!(app.saved_position(0).map(|p| p.offset), Some(40), "attached by ID");
    assert!(app.saved.positions.contains_key(app.state_key(0).as_ref()));
    assert!(!app.saved.positions.contains_key("a"));
    assert_eq!(app.saved.positions["elsewhere/b"].offset, 7, "kept, unattached");
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
    app.handle(Input::Paste("所谓客户关系管理".into()));
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
    assert_eq!(app.message.as_deref(), Some("没有可以跳回的位置"));
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
    app.handle(Input::Paste("所谓客户关系管理".into()));
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
    assert_eq!(app.message.as_deref(), Some("阅读栏 76 列"));
    press(&mut app, &"+ ".repeat(30));
    assert_eq!(width(&app), Some(116), "as wide as the window allows");
    assert!(app.message.as_deref().is_some_and(|m| m.contains("放不下")));
    // A new session starts at the saved width.
    let mut next = self::app(120, 35);
    next.load_saved(app.saved.clone());
    press(&mut next, "l l");
    assert_eq!(width(&next), Some(116));
}

#[test]
fn space_at_the_end_mark_opens_the_next_article_at_its_start() {
    let mut app = app(60, 20);
    press(&mut app, "l l G");
    let page = app.reader_page();
    let reader = app.reader.as_ref().expect("open");
    assert!(reader.at_bottom(page) && reader.article == 0);
    press(&mut app, "space");
    let reader = app.reader.as_ref().expect("open");
    assert_eq!((reader.article, reader.position()), (1, -(reader::HEAD_ROWS as i128)));
    assert_eq!(app.categories.selected, 1, "the lists follow");
    press(&mut app, "space");
    assert_eq!(
        app.reader.as_ref().map(|r| r.article),
        Some(1),
        "a page down before the end pages"
    );
    press(&mut app, "] G space");
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(2));
    assert_eq!(app.message.as_deref(), Some("已是最后一篇"));
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

/// A large text shown from its first part, the first part and the whole.
fn shown_from_prefix() -> (App, crate::library::Article, crate::library::Article) {
    use crate::library::{Origin, parse_article, parse_prefix};
    let mut text = String::new();
    for c in 1..=3000 {
        text.push_str(&format!(
            "第{c}章 风起\n\n　　他说：“第{c}段，走吧。”接着写，Microsoft的CPU。\n\n"
        ));
    }
    let origin = Origin::File("书.txt".into());
    let rule = crate::library::ChapterRule::Builtin;
    let prefix = parse_prefix("书", "书.txt", text.as_bytes(), origin.clone(), &rule).expect("a prefix");
    let whole = parse_article("书", "书.txt", text.as_bytes(), origin).expect("parses");
    let mut library = Library::default();
    library.add_prefix(prefix.clone());
    let config = Config::default_config().expect("default config");
    let mut app = App::new(library, config.keymap.clone(), ReadingSettings::default(), 80, 24);
    app.start_loading(1);
    (app, prefix, whole)
}

/// The whole article arrives from the background.
fn arrive(app: &mut App, whole: &crate::library::Article) {
    let batch = crate::library::Batch {
        articles: vec![whole.clone()],
        files: 1,
        ..crate::library::Batch::default()
    };
    app.handle(Input::Loaded(batch, crate::search::SearchIndex::default()));
}

#[test]
fn a_saved_place_past_the_first_part_is_shown_when_the_whole_arrives_and_never_lost() {
    let (mut app, prefix, whole) = shown_from_prefix();
    let key = app.state_key(0).to_string();
    let saved = whole.body.text.len() * 9 / 10;
    let saved = (saved..)
        .find(|&i| whole.body.text.is_char_boundary(i))
        .expect("a boundary");
    let mut state = State::default();
    let position = crate::store::Position {
        offset: saved,
        percent: 90,
        finished: false,
        updated: jiff::Timestamp::now(),
        fingerprint: Some(crate::store::identity::fingerprint(&whole.body.text)),
    };
    state.positions.insert(key.clone(), position);
    app.load_saved(state);
    assert!(saved > prefix.body.text.len());
    app.open_article(0, None);
    let effects = press(&mut app, "j q");
    assert!(
        !effects
            .iter()
            .any(|e| matches!(e, Effect::Save(Change::SetPosition { .. }))),
        "nothing is saved from the first part: {effects:?}"
    );
    assert_eq!(app.saved.positions.get(&key).map(|p| p.offset), Some(saved));
    // Back in the list and in again, as through a folder, then the whole arrives.
    press(&mut app, "esc enter");
    arrive(&mut app, &whole);
    let reader = app.reader.as_ref().expect("open");
    let line = reader.layout.line_at_offset(saved);
    assert_eq!(reader.layout.line_at_offset(reader.offset()), line, "on the saved line");
    assert_eq!(reader.percent(), 90);
    app.checkpoint();
    let position = app.saved.positions.get(&key).expect("a position");
    assert_eq!(position.percent, 90, "the saved place is kept");
}

#[test]
fn a_percentage_typed_before_the_whole_arrives_is_taken_of_the_whole() {
    let (mut app, prefix, whole) = shown_from_prefix();
    app.open_article(0, None);
    press(&mut app, "5 0 %");
    assert!(app.reader.as_ref().is_some_and(|r| r.offset() < prefix.body.text.len()));
    assert!(!app.checkpoint().iter().any(|e| matches!(e, Effect::Save(_))));
    arrive(&mut app, &whole);
    assert_eq!(app.reader.as_ref().map(|r| r.percent()), Some(50));
    press(&mut app, "`");
    assert_eq!(app.reader.as_ref().map(|r| r.offset()), Some(0), "a jump: ` returns");
}

#[test]
fn a_large_text_shown_from_its_prefix_is_replaced_whole_in_the_same_place() {
    use crate::library::Batch;
    let (mut app, prefix, whole) = shown_from_prefix();
    app.open_article(0, None);
    press(&mut app, "space space space");
    let offset = app.reader.as_ref().map(|r| r.offset()).expect("open");
    let top = |app: &App| app.reader.as_ref().map(|r| r.layout.offset_of_line(r.top));
    let before = top(&app);
    assert!(offset > 0 && offset < prefix.body.text.len());
    press(&mut app, "G");
    assert!(
        !app.checkpoint().iter().any(|e| matches!(e, Effect::Save(_))),
        "the end of the first part is not saved as the end"
    );
    press(&mut app, "g g space space space");
    assert_eq!(app.reader.as_ref().map(|r| r.offset()), Some(offset));
    let batch = Batch {
        articles: vec![whole.clone()],
        files: 1,
        ..Batch::default()
    };
    app.handle(Input::Loaded(batch, crate::search::SearchIndex::default()));
    assert_eq!(app.library.articles().len(), 1, "replaced, not added");
    assert_eq!(app.library.articles()[0].body, whole.body);
    assert_eq!(app.reader.as_ref().map(|r| r.offset()), Some(offset));
    assert_eq!(top(&app), before, "the same line on top");
    assert!(app.loading.is_none());
    press(&mut app, "G");
    let end = app.reader.as_ref().map(|r| r.offset()).expect("open");
    assert!(end > prefix.body.text.len(), "the whole text can be read");
}
