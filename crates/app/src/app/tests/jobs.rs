//! Searching and finding off the UI thread: the state machine hands the
//! work out as effects and takes in only the result it awaits.

use super::*;
use crate::app::jobs::Outcome;

/// The jobs among `effects`, in order.
fn jobs(effects: Vec<Effect>) -> Vec<Job> {
    effects
        .into_iter()
        .filter_map(|e| match e {
            Effect::Work(job) => Some(job),
            _ => None,
        })
        .collect()
}

/// The one job `input` hands out.
fn one_job(app: &mut App, input: Input) -> Job {
    let mut handed = jobs(app.handle(input));
    assert_eq!(handed.len(), 1, "one job: {handed:?}");
    handed.remove(0)
}

fn key(c: char) -> Input {
    Input::Key(Key::char(c))
}

fn total(done: &Done) -> usize {
    match &done.outcome {
        Outcome::Searched { results, .. } => results.total,
        other => panic!("not a search: {other:?}"),
    }
}

fn search_total(app: &App) -> usize {
    match &app.overlay {
        Some(Overlay::Search(search)) => search.results.total,
        other => panic!("the search overlay is not open: {other:?}"),
    }
}

#[test]
fn typing_a_query_hands_the_search_out_and_changes_nothing_until_it_is_done() {
    let mut app = app(120, 35);
    press(&mut app, "s");
    let job = one_job(&mut app, key('管'));
    assert_eq!(job.kind(), JobKind::Search);
    assert!(app.is_searching());
    assert_eq!(search_total(&app), 0, "no result before the job is done");
    let effects = app.handle(Input::Done(job.run(&mut JobMemory::default())));
    assert!(effects.is_empty(), "{effects:?}");
    assert!(!app.is_searching());
    assert!(search_total(&app) > 0);
}

#[test]
fn a_stale_search_result_is_dropped_and_the_current_one_shown() {
    let mut app = app(120, 35);
    press(&mut app, "s");
    let older = one_job(&mut app, key('管'));
    one_job(&mut app, key(' '));
    let newer = one_job(&mut app, key('客'));
    let mut memory = JobMemory::default();
    let (older, newer) = (older.run(&mut memory), newer.run(&mut memory));
    assert_ne!(total(&older), total(&newer), "the two queries find different articles");
    // The older result first: still waiting for the newer.
    app.handle(Input::Done(older.clone()));
    assert!(app.is_searching());
    assert_eq!(search_total(&app), 0);
    app.handle(Input::Done(newer.clone()));
    assert!(!app.is_searching());
    assert_eq!(search_total(&app), total(&newer));
    // And after it: ignored.
    app.handle(Input::Done(older));
    assert_eq!(search_total(&app), total(&newer));
    // The same result twice is taken once.
    press(&mut app, "down");
    let selected = match &app.overlay {
        Some(Overlay::Search(search)) => search.cursor.selected,
        _ => panic!("open"),
    };
    app.handle(Input::Done(newer));
    assert!(matches!(&app.overlay, Some(Overlay::Search(s)) if s.cursor.selected == selected));
}

#[test]
fn a_search_still_running_when_the_query_changes_gives_up() {
    let mut app = app(120, 35);
    press(&mut app, "s");
    let older = one_job(&mut app, key('管'));
    let found = older.clone().run(&mut JobMemory::default());
    assert!(total(&found) > 0, "it finds while its query is the latest");
    let newer = one_job(&mut app, key('理'));
    let given_up = older.run(&mut JobMemory::default());
    assert_eq!(total(&given_up), 0, "the scan gave up: a newer query was asked for");
    app.handle(Input::Done(given_up));
    assert!(app.is_searching(), "still waiting for the newer query's results");
    app.handle(Input::Done(newer.run(&mut JobMemory::default())));
    assert!(!app.is_searching());
    assert!(search_total(&app) > 0);
}

#[test]
fn a_search_still_running_when_the_query_is_emptied_gives_up() {
    let mut app = app(120, 35);
    press(&mut app, "s");
    let older = one_job(&mut app, key('管'));
    assert!(total(&older.clone().run(&mut JobMemory::default())) > 0);
    // No search is asked for an empty query: the one running is let go.
    press(&mut app, "backspace");
    assert!(!app.is_searching());
    assert_eq!(total(&older.run(&mut JobMemory::default())), 0, "the scan gave up");
}

#[test]
fn open_pressed_before_the_results_arrive_opens_what_the_query_finds() {
    let mut app = app(120, 35);
    press(&mut app, "s");
    let older = one_job(&mut app, key('数'));
    let newer = one_job(&mut app, key('据'));
    let mut memory = JobMemory::default();
    let (older, newer) = (older.run(&mut memory), newer.run(&mut memory));
    app.handle(Input::Done(older));
    press(&mut app, "enter");
    assert!(app.reader.is_none(), "nothing opens from results not yet found");
    let first = match &newer.outcome {
        Outcome::Searched { results, .. } => results.hits[0].article,
        other => panic!("not a search: {other:?}"),
    };
    app.handle(Input::Done(newer));
    assert_eq!(app.reader.as_ref().map(|r| r.article), Some(first));
    assert!(app.overlay.is_none());
}

#[test]
fn a_result_found_before_a_batch_arrived_is_dropped_and_asked_again() {
    let mut app = app(120, 35);
    press(&mut app, "s");
    let before = one_job(&mut app, key('管')).run(&mut JobMemory::default());
    // A batch arrives: the articles may be numbered anew.
    let article = crate::library::parse_article(
        "new/a",
        "new/a.md",
        "+++\ntitle = \"管见\"\n+++\n管中窥豹。".as_bytes(),
        crate::library::Origin::Bundled,
    )
    .expect("parses");
    let batch = crate::library::Batch {
        articles: vec![article],
        problems: Vec::new(),
        files: 1,
    };
    let again = jobs(app.handle(Input::loaded(batch)));
    assert_eq!(again.len(), 1, "the search is asked again");
    app.handle(Input::Done(before.clone()));
    assert!(app.is_searching(), "the result from before the batch is dropped");
    let after = again.into_iter().next().expect("job").run(&mut JobMemory::default());
    assert_eq!(total(&after), total(&before) + 1);
    app.handle(Input::Done(after));
    assert_eq!(search_total(&app), total(&before) + 1);
}

#[test]
fn a_search_that_failed_is_told_and_not_done_again_here() {
    let mut app = app(120, 35);
    press(&mut app, "s");
    let job = one_job(&mut app, key('管'));
    let effects = app.handle(Input::Done(job.failed()));
    assert!(effects.is_empty(), "not handed out again: {effects:?}");
    assert!(!app.is_searching());
    assert_eq!(app.banner(), ["搜索失败（yuedu 出错）"]);
    // The next key searches again.
    type_text(&mut app, "理");
    assert_eq!(search_total(&app), 3);
}

#[test]
fn hits_found_for_an_older_find_are_not_marked() {
    let mut app = app(60, 20);
    press(&mut app, "j l l /");
    let older = one_job(&mut app, key('客'));
    assert_eq!(older.kind(), JobKind::Find);
    let newer = one_job(&mut app, key('户'));
    let mut memory = JobMemory::default();
    let (older, newer) = (older.run(&mut memory), newer.run(&mut memory));
    app.handle(Input::Done(older.clone()));
    assert!(app.reader.as_ref().is_some_and(|r| r.hits.is_empty()));
    app.handle(Input::Done(newer));
    let marked = app.reader.as_ref().map(|r| r.hits.len());
    assert_eq!(
        marked,
        Some(
            app.library
                .article_at(1)
                .expect("article")
                .body
                .text
                .matches("客户")
                .count()
        )
    );
    app.handle(Input::Done(older));
    assert_eq!(app.reader.as_ref().map(|r| r.hits.len()), marked);
    // Esc cancels the find: what was still being found is not marked.
    let pending = one_job(&mut app, key('关')).run(&mut memory);
    press(&mut app, "esc");
    app.handle(Input::Done(pending));
    assert!(app.reader.as_ref().is_some_and(|r| r.hits.is_empty()));
}

#[test]
fn a_result_opened_is_marked_when_its_hits_are_found_off_this_thread() {
    let mut app = app(120, 35);
    press(&mut app, "s");
    type_text(&mut app, "管理");
    let job = one_job(&mut app, Input::Key(Key::parse("enter").expect("key")));
    assert_eq!(job.kind(), JobKind::Find);
    let reader = app.reader.as_ref().expect("opened at its first hit");
    assert!(reader.hits.is_empty(), "not marked before they are found");
    let top = reader.top;
    app.handle(Input::Done(job.run(&mut JobMemory::default())));
    let reader = app.reader.as_ref().expect("open");
    assert!(!reader.hits.is_empty());
    assert_eq!(
        (reader.current_hit, reader.top),
        (Some(0), top),
        "marked where it opened"
    );
}
