//! Search over a generated collection of 20,000 articles (about 20 MB): one
//! query in-process, and `yuedu --dir X search Q` as a whole process against
//! `rg -l Q X` over the same folder, in the same run (medians of 11 runs,
//! taken in turn), with the article cache cold, warm and after an edit.
//! Then the shape of a collection of Tang poems: 57,603 poems of about 300
//! bytes, the whole process against `rg -l` warm, and the time per keystroke
//! in the reader's search box once loaded.
//!
//! Last, a real collection given by `YUEDU_TANG` (the folder of the 57,603
//! Tang poems, say; skipped when unset): `yuedu search` as a whole process
//! against `rg -l` over it in the same run, cold and warm, and its peak
//! resident memory against the collection's size.
//!
//! Also: how long a search goes on once a key typed has made it void.
//!
//! `cargo bench --bench search -- poems` runs only the parts whose name
//! holds `poems`; `-- corpus` only the real collection.

mod support;

use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use yuedu::app::{App, Input};
use yuedu::config::Config;
use yuedu::keymap::Key;
use yuedu::library::Library;
use yuedu::search::{Query, SearchIndex};

const ARTICLES: usize = 20_000;
const BYTES: usize = 20 * 1024 * 1024;

const POEMS: usize = 57_603;

fn in_process(c: &mut Criterion) {
    if !support::selected("in_process") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    support::write_collection(dir.path(), ARTICLES, BYTES);
    let started = Instant::now();
    let library = Library::from_dirs(&[dir.path().to_path_buf()]).expect("loads");
    let loaded = started.elapsed();
    let started = Instant::now();
    let index = SearchIndex::build(&library);
    let indexed = started.elapsed();
    let bytes: usize = library.articles().iter().map(|a| a.body.text.len()).sum();
    println!(
        "collection: {} articles, {:.1} MB of text; load {loaded:.2?}, fold for search {indexed:.2?}",
        library.articles().len(),
        bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("search_20k_articles");
    group.sample_size(20);
    for (name, text) in [
        ("common_客户关系", "客户关系"),
        ("rare_病案首页", "病案首页"),
        ("two_terms", "统计 质量"),
        ("traditional_關係", "關係"),
        ("absent", "不存在的词语"),
        ("latin_rater", "rater"),
    ] {
        let query = Query::parse(text, true);
        group.bench_function(name, |b| b.iter(|| black_box(index.search(&library, &query, 200))));
    }
    group.finish();
}

/// Wall time of one run of a command.
fn time_once(mut command: Command) -> Duration {
    let started = Instant::now();
    black_box(command.output().expect("run"));
    started.elapsed()
}

/// Median wall times of two commands over `runs` runs each, run in turn so
/// the machine's load changes both alike.
fn medians_in_turn(
    runs: usize,
    mut first: impl FnMut() -> Command,
    mut second: impl FnMut() -> Command,
) -> (Duration, Duration) {
    let mut a = Vec::new();
    let mut b = Vec::new();
    for _ in 0..runs {
        a.push(time_once(first()));
        b.push(time_once(second()));
    }
    (median(a), median(b))
}

/// The middle of `times`.
fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

/// Median wall time of a command over `runs` runs.
fn median_time(runs: usize, mut command: impl FnMut() -> Command) -> Duration {
    median((0..runs).map(|_| time_once(command())).collect())
}

/// The floor of a search for a word: one plain memmem pass over every
/// poem's text on one core, the least any search must do. Its matches.
fn memmem_pass(texts: &[&str], finder: &memchr::memmem::Finder) -> usize {
    texts.iter().map(|t| finder.find_iter(t.as_bytes()).count()).sum()
}

/// `yuedu --dir DIR search QUERY` with its own cache folder.
fn yuedu_search(dir: &std::path::Path, cache: &std::path::Path, query: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_yuedu"));
    c.env("XDG_CACHE_HOME", cache)
        .env("XDG_CONFIG_HOME", cache)
        .arg("--dir")
        .arg(dir)
        .args(["search", query, "--limit", "20"]);
    c
}

fn rg_list(dir: &std::path::Path, query: &str) -> Command {
    let mut c = Command::new("rg");
    c.arg("-l").arg(query).arg(dir);
    c
}

fn whole_process(_: &mut Criterion) {
    if !support::selected("whole_process") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    support::write_collection(dir.path(), ARTICLES, BYTES);
    let cache = tempfile::tempdir().expect("cache folder");
    let has_rg = Command::new("rg").arg("--version").output().is_ok();
    let yuedu = |query: &str| yuedu_search(dir.path(), cache.path(), query);
    // The first search reads and parses every file and writes the article cache.
    let first = time_once(yuedu("病案首页"));
    println!("whole process, first search (no article cache yet): yuedu {first:.2?}");
    for query in ["病案首页", "客户关系"] {
        if has_rg {
            let (yuedu, rg) = medians_in_turn(11, || yuedu(query), || rg_list(dir.path(), query));
            println!(
                "whole process, query {query}: yuedu {yuedu:.2?}, rg -l {rg:.2?}, ratio {:.2}",
                yuedu.as_secs_f64() / rg.as_secs_f64()
            );
        } else {
            let yuedu = median_time(11, || yuedu(query));
            println!("whole process, query {query}: yuedu {yuedu:.2?} (rg not installed: no baseline)");
        }
    }
    // One file edited: that file is parsed again, the others are built from the cache.
    let edited = std::fs::read_dir(dir.path().join("分类00"))
        .expect("category folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .next()
        .expect("an article");
    let mut text = std::fs::read_to_string(&edited).expect("read");
    text.push_str("\n\n新加的一段。\n");
    std::fs::write(&edited, text).expect("edit");
    let after_edit = time_once(yuedu("病案首页"));
    println!("whole process, first search after editing one file: yuedu {after_edit:.2?}");
}

/// The poems, searched by the whole process against `rg -l`, warm (the
/// article cache written, the files in the page cache).
fn poems_whole_process(_: &mut Criterion) {
    if !support::selected("poems_whole_process") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    support::write_poems(dir.path(), POEMS);
    let cache = tempfile::tempdir().expect("cache folder");
    let first = time_once(yuedu_search(dir.path(), cache.path(), "明月"));
    println!("poems: {POEMS} files; first search (writes the article cache): {first:.2?}");
    if Command::new("rg").arg("--version").output().is_err() {
        println!("poems: rg not installed, no baseline");
        return;
    }
    for query in ["明月", "李白", "峰"] {
        let (yuedu, rg) = medians_in_turn(
            11,
            || yuedu_search(dir.path(), cache.path(), query),
            || rg_list(dir.path(), query),
        );
        println!(
            "poems, whole process, query {query}: yuedu {yuedu:.2?}, rg -l {rg:.2?}, ratio {:.2}",
            yuedu.as_secs_f64() / rg.as_secs_f64()
        );
    }
}

/// The generated poems read into the reader's state at 120×40, with the
/// folder they were written to (removed when it is dropped).
fn poems_app() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    support::write_poems(dir.path(), POEMS);
    let library = Library::from_dirs(&[dir.path().to_path_buf()]).expect("loads");
    let config = Config::default_config().expect("config");
    let app = App::new(library, config.keymap.clone(), Default::default(), 120, 40);
    (dir, app)
}

/// The poems loaded in the reader: each key typed into the search box runs
/// the query as it stands (the goal: within 20 ms a key).
fn poems_keystrokes(c: &mut Criterion) {
    if !support::selected("poems_keystrokes") {
        return;
    }
    let (_dir, mut app) = poems_app();
    let started = Instant::now();
    let effects = app.handle(Input::Key(Key::char('s')));
    app.work_here(effects);
    println!(
        "poems: index built in {:.2?} (once, before the first search)",
        started.elapsed()
    );
    let mut group = c.benchmark_group("poems_keystroke");
    group.sample_size(10);
    // The floor (`memmem_pass`).
    let texts: Vec<&str> = app.library().articles().iter().map(|a| &*a.body.text).collect();
    let finder = memchr::memmem::Finder::new("明月");
    group.bench_function("floor_memmem_one_pass", |b| {
        b.iter(|| black_box(memmem_pass(&texts, &finder)))
    });
    for query in ["明月", "李白", "jys", "jingyesi", "峰 -山", "rater"] {
        group.bench_function(query, |b| {
            b.iter_custom(|iterations| {
                let mut total = Duration::ZERO;
                for _ in 0..iterations {
                    for c in query.chars() {
                        let started = Instant::now();
                        // The search runs where the reader hands it to its worker.
                        let effects = app.handle(Input::Key(Key::char(c)));
                        black_box(app.work_here(effects));
                        total += started.elapsed();
                    }
                    let effects = app.handle(Input::Key(Key::ctrl('u')));
                    app.work_here(effects);
                }
                // Per key typed.
                total / query.chars().count() as u32
            })
        });
    }
    group.finish();
}

/// The poems loaded in the reader, a one-character query (月, in one poem
/// of five: the most hits to rank) searched on a thread as the worker does,
/// and a key typed 2 ms into it: how long the search made void goes on
/// after the key, against the whole search and the floor of one memmem
/// pass over every poem's text. Medians of 11.
fn poems_superseded(_: &mut Criterion) {
    if !support::selected("poems_superseded") {
        return;
    }
    let (_dir, mut app) = poems_app();
    let effects = app.handle(Input::Key(Key::char('s')));
    app.work_here(effects);
    let texts: Vec<&str> = app.library().articles().iter().map(|a| &*a.body.text).collect();
    let finder = memchr::memmem::Finder::new("月");
    let floor = median(
        (0..11)
            .map(|_| {
                let started = Instant::now();
                black_box(memmem_pass(&texts, &finder));
                started.elapsed()
            })
            .collect(),
    );
    let search_job = |app: &mut App, key: Key| {
        let effects = app.handle(Input::Key(key));
        effects.into_iter().find_map(|e| match e {
            yuedu::app::Effect::Work(job) => Some(job),
            _ => None,
        })
    };
    let (mut whole, mut after_key) = (Vec::new(), Vec::new());
    for _ in 0..11 {
        let job = search_job(&mut app, Key::char('月')).expect("a search");
        let started = Instant::now();
        black_box(job.run(&mut Default::default()));
        whole.push(started.elapsed());
        let job = search_job(&mut app, Key::ctrl('u'));
        drop(job);
        let job = search_job(&mut app, Key::char('月')).expect("a search");
        let running = std::thread::spawn(move || black_box(job.run(&mut Default::default())));
        std::thread::sleep(Duration::from_millis(2));
        let typed = Instant::now();
        let newer = search_job(&mut app, Key::char('光'));
        running.join().expect("the search ends");
        after_key.push(typed.elapsed());
        drop(newer);
        drop(search_job(&mut app, Key::ctrl('u')));
    }
    let (whole, after_key) = (median(whole), median(after_key));
    println!(
        "poems: search 月 whole {whole:.2?} ({:.1}x the floor); made void by a key 2 ms in, it ends {after_key:.2?} after the key ({:.2}x the floor); floor: memmem over every poem {floor:.2?}",
        whole.as_secs_f64() / floor.as_secs_f64(),
        after_key.as_secs_f64() / floor.as_secs_f64()
    );
}

/// A real collection (`YUEDU_TANG=/path/to/folder`): `yuedu search` against
/// `rg -l` over the same folder, medians of 11 runs taken in turn, warm
/// (the article cache written, the files in the page cache); the first
/// search with no article cache; and the peak resident memory of each.
fn corpus_whole_process(_: &mut Criterion) {
    if !support::selected("corpus_whole_process") {
        return;
    }
    let Some(dir) = std::env::var_os("YUEDU_TANG").map(std::path::PathBuf::from) else {
        println!("corpus: YUEDU_TANG is not set (a folder of articles, e.g. the Tang poems): skipped");
        return;
    };
    if Command::new("rg").arg("--version").output().is_err() {
        println!("corpus: rg not installed, no floor: skipped");
        return;
    }
    corpus_against_rg(&dir);
}

#[cfg(not(unix))]
fn corpus_against_rg(_: &std::path::Path) {
    println!("corpus: peak memory is measured on Unix only: skipped");
}

#[cfg(unix)]
fn corpus_against_rg(dir: &std::path::Path) {
    let bytes = support::walk_bytes(dir) as f64;
    println!("corpus: {}, {:.2} MB", dir.display(), bytes / 1e6);
    let cache = tempfile::tempdir().expect("cache folder");
    let yuedu = |query: &str| yuedu_search(dir, cache.path(), query);
    let peak = |peak: usize| {
        format!(
            "peak {:.1} MB, {:.2}x the corpus",
            peak as f64 / 1e6,
            peak as f64 / bytes
        )
    };
    let (cold, cold_peak) = support::peak_of(yuedu("明月"));
    let (rg, _) = support::peak_of(rg_list(dir, "明月"));
    println!(
        "corpus, no article cache: yuedu search 明月 {cold:.2?}, rg -l {rg:.2?}, ratio {:.2}; {}",
        cold.as_secs_f64() / rg.as_secs_f64(),
        peak(cold_peak)
    );
    // 月 is in one poem of five: the most hits to rank.
    for query in ["明月", "春風", "月"] {
        let (yuedu_time, rg) = medians_in_turn(11, || yuedu(query), || rg_list(dir, query));
        let (_, yuedu_peak) = support::peak_of(yuedu(query));
        let (_, rg_peak) = support::peak_of(rg_list(dir, query));
        println!(
            "corpus, warm, query {query}: yuedu {yuedu_time:.2?}, rg -l {rg:.2?}, ratio {:.2}; {} (rg {:.1} MB)",
            yuedu_time.as_secs_f64() / rg.as_secs_f64(),
            peak(yuedu_peak),
            rg_peak as f64 / 1e6
        );
    }
}

criterion_group!(
    benches,
    in_process,
    whole_process,
    poems_whole_process,
    poems_keystrokes,
    poems_superseded,
    corpus_whole_process
);
criterion_main!(benches);
