//! Scale: a generated collection of 50,000 articles (100 B to 50 KB, about
//! 50 MB) and a single 20 MB article. One-off figures (start-up, loading,
//! memory, rg as the floor of reading the bytes) are printed; per-frame work
//! (switching categories, listing, scrolling) is measured by criterion.
//! First, many small articles (`poems`): peak resident memory of the release
//! binary per corpus byte for `list`, `search` and the reader (in a
//! pseudo-terminal, with its first frame), cold and warm (`YUEDU_POEMS=N`,
//! or `YUEDU_TANG=folder` for a real one such as the Tang poems,
//! runs only that).

// Not `benches/poems.rs`: every file there is a bench target of its own.
#[path = "scale/poems.rs"]
mod poems;
mod support;

use std::alloc::{GlobalAlloc, System};
use std::hint::black_box;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use yuedu::app::{App, Input, ReadingSettings};
use yuedu::config::Config;
use yuedu::keymap::Key;
use yuedu::layout::{Layout, LayoutSettings};
use yuedu::library::{Library, Plan, read_batch};
use yuedu::ui::ArticleText;
use yuedu::ui::theme::Theme;

const ARTICLES: usize = 50_000;
const BYTES: usize = 50 * 1024 * 1024;

/// The system allocator, counting the bytes in use: the heap the data needs,
/// whatever the allocator keeps in reserve (which resident memory includes).
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed to the system allocator unchanged; only a
// counter is updated beside it.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        IN_USE.fetch_add(layout.size(), Ordering::Relaxed);
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        IN_USE.fetch_add(new_size, Ordering::Relaxed);
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn heap_in_use() -> usize {
    IN_USE.load(Ordering::Relaxed)
}

/// Resident memory of this process in bytes (Linux).
fn resident_bytes() -> Option<usize> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: usize = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

fn app_for(library: Library) -> App {
    let config = Config::default_config().expect("config");
    let mut app = App::new(library, config.keymap.clone(), ReadingSettings::default(), 120, 35);
    app.handle(Input::Resize { width: 120, height: 35 });
    app
}

fn draw(app: &App) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, app.size().0, app.size().1));
    yuedu::ui::render(app, &Theme::dark(), &mut buf);
    buf
}

fn time_command(mut command: Command) -> Duration {
    let started = Instant::now();
    let output = command.output().expect("run");
    black_box(output);
    started.elapsed()
}

fn drop_page_cache() -> bool {
    std::fs::write("/proc/sys/vm/drop_caches", "3").is_ok()
}

fn collection(c: &mut Criterion) {
    if poems_only() {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    support::write_collection(dir.path(), ARTICLES, BYTES);
    let file_bytes: u64 = support::walk_bytes(dir.path());
    println!(
        "collection: {ARTICLES} files, {:.1} MB on disk",
        file_bytes as f64 / 1e6
    );

    // The floor: rg reading every byte of the same folder.
    let rg = || {
        let mut c = Command::new("rg");
        c.args(["-c", "-F", "的"]).arg(dir.path());
        c
    };
    let has_rg = Command::new("rg").arg("--version").output().is_ok();
    let cold = drop_page_cache();
    if has_rg {
        if cold {
            println!("rg, cold cache: {:.2?}", time_command(rg()));
        }
        let _ = time_command(rg());
        println!("rg, warm cache: {:.2?}", time_command(rg()));
    }
    let article_cache = tempfile::tempdir().expect("article cache folder");
    let yuedu_list = |cached: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_yuedu"));
        if !cached {
            let _ = std::fs::remove_dir_all(article_cache.path().join("yuedu"));
        }
        c.env("XDG_CACHE_HOME", article_cache.path())
            .env("XDG_CONFIG_HOME", article_cache.path())
            .arg("--dir")
            .arg(dir.path())
            .args(["list", "--category", "分类07"]);
        c
    };
    if cold && drop_page_cache() {
        println!(
            "yuedu list (parses everything), cold page cache: {:.2?}",
            time_command(yuedu_list(false))
        );
    } else {
        println!("cold cache: cannot drop the page cache here, warm figures only");
    }
    let _ = time_command(yuedu_list(false));
    println!(
        "yuedu list (parses everything), warm page cache, no article cache: {:.2?}",
        time_command(yuedu_list(false))
    );
    let _ = time_command(yuedu_list(true));
    println!(
        "yuedu list, warm page cache, from the article cache: {:.2?}",
        time_command(yuedu_list(true))
    );

    // First frame: walk the folder, build the app, draw; the rest loads behind it.
    let before = resident_bytes().unwrap_or(0);
    let heap_before = heap_in_use();
    let started = Instant::now();
    let mut plan = Plan::dirs(&[dir.path().to_path_buf()]).expect("plan");
    let library = plan.start();
    let total = plan.len();
    let mut app = app_for(library);
    app.start_loading(total);
    black_box(draw(&app));
    println!("first frame (walk + first draw), warm: {:.2?}", started.elapsed());
    for batch in plan.into_batches(2_000) {
        app.handle(Input::loaded(read_batch(batch)));
    }
    println!(
        "all {} articles loaded in the background after {:.2?}",
        app.library().articles().len(),
        started.elapsed()
    );
    let text_bytes: usize = app.library().articles().iter().map(|a| a.body.text.len()).sum();
    let after = resident_bytes().unwrap_or(0);
    let heap = heap_in_use().saturating_sub(heap_before);
    println!(
        "memory: {:.1} MB resident for {:.1} MB of text: {:.2}x the text (heap in use {:.1} MB: {:.2}x)",
        (after - before) as f64 / 1e6,
        text_bytes as f64 / 1e6,
        (after - before) as f64 / text_bytes as f64,
        heap as f64 / 1e6,
        heap as f64 / text_bytes as f64
    );
    let started = Instant::now();
    // The index is built by the search job the reader's worker runs.
    let effects = app.handle(Input::Key(Key::char('s')));
    app.work_here(effects);
    println!("search index folded on first search: {:.2?}", started.elapsed());
    let with_index = resident_bytes().unwrap_or(0);
    let heap = heap_in_use().saturating_sub(heap_before);
    println!(
        "memory with the search index: {:.2}x the text resident (heap in use {:.2}x)",
        (with_index - before) as f64 / text_bytes as f64,
        heap as f64 / text_bytes as f64
    );
    app.handle(Input::Key(Key::parse("esc").expect("key")));

    let mut group = c.benchmark_group("frame_50k_articles");
    group.bench_function("switch_category_and_draw", |b| {
        b.iter(|| {
            app.handle(Input::Key(Key::char('j')));
            black_box(draw(&app));
        })
    });
    app.handle(Input::Key(Key::char('l')));
    group.bench_function("move_in_article_list_and_draw", |b| {
        b.iter(|| {
            app.handle(Input::Key(Key::char('j')));
            black_box(draw(&app));
        })
    });
    group.bench_function("page_down_article_list_and_draw", |b| {
        b.iter(|| {
            app.handle(Input::Key(Key::char(' ')));
            black_box(draw(&app));
        })
    });
    group.finish();
}

fn huge_article(c: &mut Criterion) {
    if poems_only() {
        return;
    }
    let markdown = support::long_markdown(20 * 1024 * 1024);
    let started = Instant::now();
    let article = yuedu::library::parse_article("big", "big.md", markdown.as_bytes(), yuedu::library::Origin::Bundled)
        .expect("parses");
    let parsed = started.elapsed();
    let layout = Layout::new(&article.body, LayoutSettings::with_width(80));
    println!(
        "20 MB article: parse {parsed:.2?}, parse + layout {:.2?}, {} lines",
        started.elapsed(),
        layout.len()
    );
    let theme = Theme::dark();
    let area = Rect::new(0, 0, 80, 40);
    let mut group = c.benchmark_group("scroll_20MB_article");
    for (name, top) in [("start", 0), ("end", layout.len() - 41)] {
        group.bench_function(name, |b| {
            let mut buf = Buffer::empty(area);
            let mut line = top;
            b.iter(|| {
                // One line down and a redraw, as a key press does.
                line = if line == top { top + 1 } else { top };
                ArticleText {
                    body: &article.body,
                    layout: &layout,
                    top: line,
                    marks: &[],
                    theme: &theme,
                    script: yuedu::script::Script::Original,
                }
                .render(area, &mut buf);
                black_box(&buf);
            })
        });
    }
    group.finish();
}

fn poems_only() -> bool {
    std::env::var_os("YUEDU_POEMS").is_some() || std::env::var_os("YUEDU_TANG").is_some()
}

// The collection first: its resident memory is measured from a fresh process.
criterion_group!(benches, poems::poems, collection, huge_article);
criterion_main!(benches);
