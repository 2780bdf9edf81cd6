//! Layout of a 10 MB Chinese text, and drawing one 80×40 screen from the
//! cached layout at the top, middle and end, against ratatui's own
//! `Paragraph` + `Wrap` scrolled to the same places as the baseline.

mod support;

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Paragraph, Widget, Wrap};
use yuedu::layout::{Layout, LayoutSettings};
use yuedu::ui::ArticleText;
use yuedu::ui::theme::Theme;

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

criterion_group!(benches, layout_ten_megabytes, draw_one_screen);
criterion_main!(benches);
