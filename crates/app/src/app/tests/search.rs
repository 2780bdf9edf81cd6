//! Search across the library and find in the open article: hits, marks, Esc and history.

use super::*;

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
    assert_eq!(reader.article, nth(&app, 2));
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
        Some(nth(&app, 2)),
        "the third result: 管理 only in the text"
    );
}

fn search_box(app: &App) -> &crate::app::search::GlobalSearch {
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
    paste(&mut app, "客戶".into());
    press(&mut app, "enter");
    let reader = app.reader.as_ref().expect("open");
    let total = reader.hits.len();
    assert_eq!(
        total,
        app.library
            .article_at(1)
            .expect("article")
            .body
            .text
            .matches("客户")
            .count()
    );
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
    let body = &app.library.article_at(1).expect("article").body;
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
    paste(&mut app, word.clone());
    press(&mut app, "enter");
    let reader = app.reader.as_ref().expect("open");
    let crossing = reader.hits.iter().find(|h| {
        let first = reader.layout.line_at_offset(h.start);
        reader.layout.line_at_offset(h.end - 1) != first
    });
    let hit = crossing.expect("a hit crosses a line break").clone();
    let body = &app.library.article_at(1).expect("article").body;
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

/// The titles of the results of `query`.
fn results_of(app: &mut App, query: &str) -> Vec<String> {
    press(app, "s");
    paste(app, query.into());
    let titles = search_box(app)
        .results
        .hits
        .iter()
        .map(|h| app.library[h.article].meta.title.to_string())
        .collect();
    press(app, "esc");
    titles
}

#[test]
fn titles_spelt_alike_come_in_the_readers_own_order_read_or_bookmarked_first() {
    let dir = tempfile::tempdir().expect("tempdir");
    let titles = ["江月詩", "寄友生", "九月山", "靜夜思", "金陽山"];
    for (i, title) in titles.iter().enumerate() {
        let text = format!("+++\ntitle = \"{title}\"\n+++\n{}", "正文一段。\n\n".repeat(300));
        std::fs::write(dir.path().join(format!("{}.md", i + 1)), text).expect("write");
    }
    let mut app = app_over(&[dir.path()]);
    assert_eq!(results_of(&mut app, "jys"), titles, "the collection's order");
    let open = |app: &mut App, title: &str| {
        let index = (app.library.articles().with_ids())
            .find(|(_, a)| a.meta.title == title)
            .map(|(id, _)| id)
            .expect("title");
        app.open_article(index, None);
    };
    // Read 靜夜思: it comes first among those spelt alike.
    open(&mut app, "靜夜思");
    press(&mut app, "space esc");
    assert_eq!(
        results_of(&mut app, "jys"),
        ["靜夜思", "江月詩", "寄友生", "九月山", "金陽山"]
    );
    // Bookmark 寄友生 later: the most recent first, the others as they were.
    open(&mut app, "寄友生");
    press(&mut app, "m enter esc");
    assert_eq!(
        results_of(&mut app, "jys"),
        ["寄友生", "靜夜思", "江月詩", "九月山", "金陽山"]
    );
    // History breaks ties only: a title spelt whole beats one only begun.
    let saved = app.saved.clone();
    std::fs::write(dir.path().join("6.md"), "+++\ntitle = \"江月\"\n+++\n正文。").expect("write");
    let mut app = app_over(&[dir.path()]);
    app.load_saved(saved);
    let jy = results_of(&mut app, "jy");
    assert_eq!(jy[..3], ["江月", "寄友生", "靜夜思"], "{jy:?}");
}
