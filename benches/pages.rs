//! A saved web page of 50 MB: how long reading it takes, file to first
//! frame of the reader, and the heap it needs at its peak as a multiple of
//! its size (bounded in `tests/big_page.rs` too, on a smaller page). The
//! floor, measured in the same run, is reading the file's bytes and
//! checking them as UTF-8. Beside it, a page of 1.9 MB whose one tag has
//! 200,000 attributes (the tokenizer compares each name with the earlier
//! ones), against the same floor on that page.

#[path = "support/big_page.rs"]
mod big_page;
mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use big_page::{PeakCounting, big_page, many_attributes, peak_heap_of};
use criterion::{Criterion, criterion_group, criterion_main};
use support::{first_frame_of_file, read_and_check_utf8};
use yuedu::library::{Origin, parse_article};

#[global_allocator]
static ALLOCATOR: PeakCounting = PeakCounting;

const PAGE_BYTES: usize = 50 * 1024 * 1024;

fn pages(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let page = big_page(PAGE_BYTES);
    let path = dir.path().join("page.html");
    std::fs::write(&path, &page).expect("write the page");
    let started = Instant::now();
    let (article, peak) = peak_heap_of(|| parse_article("page", "page.html", page.as_bytes(), Origin::Bundled));
    let article = article.expect("reads");
    eprintln!(
        "page: {:.1} MB, {} blocks; one read: {:?}, peak heap {:.1} MB ({:.2}x the page)",
        page.len() as f64 / 1e6,
        article.body.blocks.len(),
        started.elapsed(),
        peak as f64 / 1e6,
        peak as f64 / page.len() as f64
    );
    drop(article);
    let mut group = c.benchmark_group("pages");
    group.sample_size(10).measurement_time(Duration::from_secs(10));
    group.bench_function("floor/read_page_bytes", |b| {
        b.iter(|| black_box(read_and_check_utf8(&path)))
    });
    group.bench_function("html_50mb/parse", |b| {
        b.iter(|| {
            black_box(parse_article("page", "page.html", page.as_bytes(), Origin::Bundled).map(|a| a.body.blocks.len()))
        })
    });
    group.bench_function("html_50mb/first_frame", |b| {
        b.iter(|| black_box(first_frame_of_file(&path)))
    });
    let crowded = many_attributes(200_000);
    let crowded_path = dir.path().join("attributes.html");
    std::fs::write(&crowded_path, &crowded).expect("write the page");
    group.bench_function("attributes_2mb/floor_read_page_bytes", |b| {
        b.iter(|| black_box(read_and_check_utf8(&crowded_path)))
    });
    group.bench_function("attributes_2mb/parse", |b| {
        b.iter(|| {
            black_box(
                parse_article("page", "page.html", crowded.as_bytes(), Origin::Bundled).map(|a| a.body.text.len()),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, pages);
criterion_main!(benches);
