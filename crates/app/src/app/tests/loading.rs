//! Articles arriving from the background: batches, and a large text shown from its first part.

use super::*;

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
        .map(|r| (app.library[r.article].id.clone(), r.top))
        .expect("open");
    for _ in read..5 {
        next(&mut app);
    }
    assert_eq!(app.loading, None);
    assert_eq!(app.banner(), ["有 1 个文件无法读取，已跳过"]);
    assert_eq!(app.library.articles().len(), 4);
    // The search index took in each batch where its articles went.
    assert_eq!(
        app.search_index.as_deref(),
        Some(&crate::search::SearchIndex::build(&app.library))
    );
    let now = app
        .reader
        .as_ref()
        .map(|r| (app.library[r.article].id.clone(), r.top))
        .expect("open");
    assert_eq!(now, open, "the open article stays open at the same place");
    assert_eq!(app.selected_article().map(|i| app.library[i].id.clone()), Some(open.0));
    // Every article that arrived in a batch is keyed by its file.
    for (i, article) in app.library.articles().iter().enumerate() {
        let key = &app.state_key(nth(&app, i));
        assert!(
            crate::store::identity::is_file_key(key) && key.ends_with(&format!("{}.md", article.id)),
            "{key}"
        );
        assert_eq!(app.article_of_key(key), Some(nth(&app, i)));
    }
}

/// Every batch holds articles that go before all those already there:
/// whatever holds an article (the reader, the article list's cursor, search
/// hits) must still name the same one after it arrives.
#[test]
fn a_batch_going_before_the_articles_there_leaves_reader_selection_and_hits_on_theirs() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Read in the order of the names, shown in the order of `order`: each
    // file read goes before every one read before it.
    for (name, order) in [("a", 4), ("b", 3), ("c", 2), ("d", 1), ("e", 0)] {
        let text = format!(
            "+++\ntitle = \"{name}\"\norder = {order}\n+++\n{name}：明月{}",
            "正文。".repeat(300)
        );
        std::fs::write(dir.path().join(format!("{name}.md")), text).expect("write");
    }
    let mut plan = crate::library::Plan::dirs(&[dir.path().to_path_buf()]).expect("plan");
    let library = plan.start();
    let config = Config::default_config().expect("config");
    let mut app = App::new(library, config.keymap.clone(), ReadingSettings::default(), 120, 35);
    app.start_loading(plan.len());
    let mut batches = plan.into_batches(1).into_iter();
    let mut next = |app: &mut App| {
        let batch = crate::library::read_batch(batches.next().expect("a batch"));
        let effects = app.handle(Input::loaded(batch));
        app.work_here(effects);
    };
    next(&mut app);
    next(&mut app);
    // b is first now; the cursor goes down to a, which opens.
    press(&mut app, "l j enter space");
    let title = |app: &App, id: crate::library::ArticleId| app.library[id].meta.title.to_string();
    let reader = app.reader.as_ref().map(|r| (r.article, r.top)).expect("open");
    assert_eq!(title(&app, reader.0), "a");
    let selected = app.selected_article().expect("selected");
    assert_eq!(title(&app, selected), "a");
    press(&mut app, "s");
    type_text(&mut app, "明月");
    let hits = |app: &App| match &app.overlay {
        Some(Overlay::Search(search)) => search.results.hits.iter().map(|h| h.article).collect::<Vec<_>>(),
        _ => Vec::new(),
    };
    let found = hits(&app);
    assert_eq!(found.iter().map(|&id| title(&app, id)).collect::<Vec<_>>(), ["b", "a"]);
    for _ in 0..3 {
        next(&mut app);
        // The IDs held from before still name the same articles.
        assert_eq!(title(&app, reader.0), "a");
        assert_eq!(found.iter().map(|&id| title(&app, id)).collect::<Vec<_>>(), ["b", "a"]);
        assert_eq!(app.reader.as_ref().map(|r| (r.article, r.top)), Some(reader));
        assert_eq!(app.selected_article(), Some(selected), "the cursor stays on a");
        // The search, run again, finds each in its own text.
        for id in hits(&app) {
            let article = &app.library[id];
            assert!(article.body.text.starts_with(&format!("{}：明月", article.meta.title)));
        }
    }
    assert_eq!(app.loading, None);
    let shown: Vec<String> = hits(&app).into_iter().map(|id| title(&app, id)).collect();
    assert_eq!(shown, ["e", "d", "c", "b", "a"], "in collection order");
    assert_eq!(
        app.search_index.as_deref(),
        Some(&crate::search::SearchIndex::build(&app.library))
    );
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
    let origin = Origin::File(std::path::Path::new("书.txt").into());
    let rule = crate::library::Rules::default();
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
    app.handle(Input::loaded(batch));
}

#[test]
fn a_saved_place_past_the_first_part_is_shown_when_the_whole_arrives_and_never_lost() {
    let (mut app, prefix, whole) = shown_from_prefix();
    let key = app.state_key(nth(&app, 0)).to_string();
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
        unknown: Default::default(),
    };
    state.positions.insert(key.clone(), position);
    app.load_saved(state);
    assert!(saved > prefix.body.text.len());
    app.open_article(nth(&app, 0), None);
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
    app.open_article(nth(&app, 0), None);
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
    app.open_article(nth(&app, 0), None);
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
    app.handle(Input::loaded(batch));
    assert_eq!(app.library.articles().len(), 1, "replaced, not added");
    assert_eq!(app.library.article_at(0).expect("article").body, whole.body);
    assert_eq!(app.reader.as_ref().map(|r| r.offset()), Some(offset));
    assert_eq!(top(&app), before, "the same line on top");
    assert!(app.loading.is_none());
    press(&mut app, "G");
    let end = app.reader.as_ref().map(|r| r.offset()).expect("open");
    assert!(end > prefix.body.text.len(), "the whole text can be read");
}

#[test]
fn a_whole_text_that_cannot_be_read_cancels_the_jump_waiting_for_it_and_says_why() {
    use crate::library::{Batch, LoadProblem};
    let (mut app, prefix, _) = shown_from_prefix();
    app.open_article(nth(&app, 0), None);
    press(&mut app, "G");
    assert!(app.waiting.is_some(), "G waits for the whole text");
    // The file was cut short after its first part was shown.
    let why = crate::i18n::Text::same("cut short while it was read");
    let batch = Batch {
        problems: vec![LoadProblem {
            path: "书.txt".into(),
            message: why,
        }],
        files: 1,
        ..Batch::default()
    };
    app.handle(Input::loaded(batch));
    assert_eq!(app.waiting, None, "the jump is cancelled, not kept for ever");
    assert!(app.loading.is_none());
    assert!(
        app.banner()
            .iter()
            .any(|n| n.contains("《书》") && n.contains("cut short") && n.contains("取消")),
        "{:?}",
        app.banner()
    );
    // Jumps now go within the part there is, at once.
    press(&mut app, "G");
    assert_eq!(app.waiting, None);
    let reader = app.reader.as_ref().expect("open");
    assert!(reader.at_end(app.reader_page()) && reader.offset() <= prefix.body.text.len());
    assert!(
        !app.checkpoint().iter().any(|e| matches!(e, Effect::Save(_))),
        "the end of the first part is never saved as the end"
    );
}

#[test]
fn the_one_file_named_opens_when_it_arrives_and_the_reader_quits_if_it_cannot_be_read() {
    use crate::library::{Batch, LoadProblem};
    let (_, _, whole) = shown_from_prefix();
    let config = Config::default_config().expect("config");
    let empty = || {
        let mut app = App::new(
            Library::default(),
            config.keymap.clone(),
            ReadingSettings::default(),
            80,
            24,
        );
        app.start_loading(1);
        app.open_single();
        app
    };
    let mut app = empty();
    assert!(app.reader.is_none() && !app.is_loaded());
    press(&mut app, "j k");
    arrive(&mut app, &whole);
    assert_eq!(
        app.reader.as_ref().map(|r| r.article),
        Some(nth(&app, 0)),
        "opened on arrival"
    );
    assert_eq!(app.focus, Pane::Reader);
    let mut app = empty();
    let batch = Batch {
        problems: vec![LoadProblem {
            path: "书.txt".into(),
            message: crate::i18n::Text::same("binary"),
        }],
        files: 1,
        ..Batch::default()
    };
    let effects = app.handle(Input::loaded(batch));
    assert!(effects.contains(&Effect::Quit), "{effects:?}");
    assert!(app.is_loaded());
}
