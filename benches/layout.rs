//! Layout of a 10 MB Chinese text, and drawing one 80×40 screen from the
//! cached layout at the top, middle and end, against ratatui's own
//! `Paragraph` + `Wrap` scrolled to the same places as the baseline. And a
//! page turn in the reader (the key handled, the frame drawn) in vertical
//! text against one in lines, on the same book in the same run.

mod support;

use std::hint::black_box;
use std::time::Instant;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use yuedu::app::{App, Input, ReadingSettings};
use yuedu::config::Config;
use yuedu::keymap::Key;
use yuedu::layout::{Direction, Layout, LayoutSettings};
use yuedu::library::Library;
use yuedu::ui::theme::Theme;
use yuedu::ui::{ArticleText, render};

const TEN_MB: usize = 10 * 1024 * 1024;

fn layout_ten_megabytes(c: &mut Criterion) {
    let article = support::long_article(TEN_MB);
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(article.body.text.len() as u64));
    group.bench_function("10MB_width_80", |b| {
        b.iter(|| Layout::new(black_box(&article.body), LayoutSettings::with_width(80)))
    });
    group.finish();
}

fn draw_one_screen(c: &mut Criterion) {
    let article = support::long_article(TEN_MB);
    let layout = Layout::new(&article.body, LayoutSettings::with_width(80));
    let theme = Theme::dark();
    let area = Rect::new(0, 0, 80, 40);
    let positions = [("top", 0), ("middle", layout.len() / 2), ("end", layout.len() - 40)];
    println!("layout: {} lines for {} bytes", layout.len(), article.body.text.len());

    let mut group = c.benchmark_group("draw_80x40");
    for (name, top) in positions {
        group.bench_function(format!("yuedu_{name}"), |b| {
            let mut buf = Buffer::empty(area);
            b.iter(|| {
                ArticleText {
                    body: &article.body,
                    layout: &layout,
                    top,
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

    // Baseline: ratatui wraps on every frame from the top down to the scroll
    // offset, which is a u16; the middle and end of this text are past it.
    let mut group = c.benchmark_group("draw_80x40_baseline");
    group.sample_size(10);
    let text: Text = article
        .body
        .blocks
        .iter()
        .map(|b| Line::raw(article.body.block_text(b)))
        .collect();
    for (name, top) in positions {
        let scroll = u16::try_from(top).unwrap_or(u16::MAX);
        let paragraph = Paragraph::new(text.clone())
            .wrap(Wrap { trim: false })
            .scroll((scroll, 0));
        println!("paragraph_{name}: wanted line {top}, scroll reaches {scroll}");
        group.bench_function(format!("paragraph_{name}"), |b| {
            let mut buf = Buffer::empty(area);
            b.iter(|| {
                (&paragraph).render(area, &mut buf);
                black_box(&buf);
            })
        });
    }
    group.finish();
}

/// A 0.43 MB book (as `paging` pages through) in a reader of `size`, set
/// in `direction`, open at its start.
fn reader_on(dir: &std::path::Path, size: (u16, u16), direction: Direction) -> App {
    let library = Library::from_dirs(&[dir.to_path_buf()]).expect("the book");
    let config = Config::default_config().expect("default config");
    let settings = ReadingSettings {
        direction,
        ..ReadingSettings::default()
    };
    let mut app = App::new(library, config.keymap.clone(), settings, size.0, size.1);
    app.open_article(yuedu::library::ArticleId::at(0), Some(0));
    app
}

/// One page turn as the reader makes it: the key handled, the frame drawn.
/// Every hundredth goes back to the start, so no run reaches the end.
fn turn(app: &mut App, buf: &mut Buffer, turns: &mut usize, keys: (Key, Key)) {
    *turns += 1;
    let key = if (*turns).is_multiple_of(100) { keys.1 } else { keys.0 };
    app.handle(Input::Key(key));
    render(app, &Theme::dark(), buf);
    black_box(&buf);
}

fn page_turns(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("book.md"), support::long_markdown(430 * 1024)).expect("write the book");
    let keys = (Key::parse("space").expect("space"), Key::parse("g").expect("g"));
    let mut group = c.benchmark_group("page_turn");
    for size in [(80, 24), (120, 35)] {
        let area = Rect::new(0, 0, size.0, size.1);
        let mut apps = [Direction::Horizontal, Direction::Vertical].map(|d| (d, reader_on(dir.path(), size, d)));
        for (direction, app) in &mut apps {
            let mut buf = Buffer::empty(area);
            let mut turns = 0;
            group.bench_function(format!("{}_{}x{}", direction.name(), size.0, size.1), |b| {
                b.iter(|| turn(app, &mut buf, &mut turns, keys))
            });
        }
        // The ratio, measured by hand: both directions in alternate rounds,
        // the fastest round of each.
        let mut best = [f64::MAX; 2];
        for _ in 0..21 {
            for (i, (_, app)) in apps.iter_mut().enumerate() {
                let mut buf = Buffer::empty(area);
                let mut turns = 0;
                let start = Instant::now();
                for _ in 0..200 {
                    turn(app, &mut buf, &mut turns, keys);
                }
                best[i] = best[i].min(start.elapsed().as_secs_f64() / 200.0);
            }
        }
        let ratio = best[1] / best[0];
        println!(
            "page turn {}×{}: vertical {:.1} µs, horizontal {:.1} µs: {ratio:.2}× horizontal, target ≤ 1.0× {}",
            size.0,
            size.1,
            best[1] * 1e6,
            best[0] * 1e6,
            if ratio <= 1.0 { "met" } else { "NOT met" },
        );
    }
    group.finish();
}

criterion_group!(benches, layout_ten_megabytes, draw_one_screen, page_turns);
criterion_main!(benches);
