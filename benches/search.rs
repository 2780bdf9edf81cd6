//! Search over a generated collection of 20,000 articles (about 20 MB): one
//! query in-process, and `yuedu --dir X search Q` as a whole process against
//! `rg -l Q X` over the same folder, in the same run (medians of 11 runs,
//! taken in turn), with the article cache cold, warm and after an edit.

mod support;

use std::hint::black_box;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use yuedu::library::Library;
use yuedu::search::{Query, SearchIndex};

const ARTICLES: usize = 20_000;
const BYTES: usize = 20 * 1024 * 1024;

fn in_process(c: &mut Criterion) {
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
    a.sort();
    b.sort();
    (a[runs / 2], b[runs / 2])
}

/// Median wall time of a command over `runs` runs.
fn median_time(runs: usize, mut command: impl FnMut() -> Command) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            let output = command().output().expect("run");
            black_box(output);
            started.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn whole_process(_: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    support::write_collection(dir.path(), ARTICLES, BYTES);
    let cache = tempfile::tempdir().expect("cache folder");
    let has_rg = Command::new("rg").arg("--version").output().is_ok();
    let yuedu = |query: &str| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_yuedu"));
        c.env("XDG_CACHE_HOME", cache.path())
            .env("XDG_CONFIG_HOME", cache.path())
            .arg("--dir")
            .arg(dir.path())
            .args(["search", query, "--limit", "20"]);
        c
    };
    // The first search reads and parses every file and writes the article cache.
    let first = time_once(yuedu("病案首页"));
    println!("whole process, first search (no article cache yet): yuedu {first:.2?}");
    for query in ["病案首页", "客户关系"] {
        if has_rg {
            let rg = || {
                let mut c = Command::new("rg");
                c.arg("-l").arg(query).arg(dir.path());
                c
            };
            let (yuedu, rg) = medians_in_turn(11, || yuedu(query), rg);
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

criterion_group!(benches, in_process, whole_process);
criterion_main!(benches);
