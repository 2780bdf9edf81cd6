//! Opening and resizing long articles (0.4, 11 and 50 MB, generated): time to
//! the first frame, a resize in the middle, paging, and memory, for a whole
//! layout (as before) and for the reader's layout around the place shown
//! (as now); then the real binary in a pseudo-terminal beside `less` on the
//! same file: time to the first text, to the frame after a resize, and
//! resident memory. Figures are printed; run `cargo bench --bench open`.

#[path = "../tests/support/mod.rs"]
mod pty;
mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use yuedu::app::Reader;
use yuedu::layout::{Layout, LayoutSettings};
use yuedu::library::Body;
use yuedu::ui::ArticleText;
use yuedu::ui::theme::Theme;

const SIZES: [(&str, usize); 3] = [
    ("0.4MB", 430 * 1024),
    ("11MB", 11 * 1024 * 1024),
    ("50MB", 50 * 1024 * 1024),
];
const PAGE: u16 = 33;
/// The size of a line before lines were packed (two `usize` range ends, a
/// `usize` block index, a kind).
const OLD_LINE_BYTES: usize = 32;
const LINE_BYTES: usize = 16;

fn draw(body: &Body, layout: &Layout, top: usize, width: u16) {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, PAGE));
    ArticleText {
        body,
        layout,
        top,
        marks: &[],
        theme: &Theme::dark(),
        script: yuedu::script::Script::Original,
    }
    .render(buf.area, &mut buf);
    black_box(&buf);
}

/// The median of `runs` timings of `f`, in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn in_process(name: &str, body: &Body) {
    let (wide, narrow) = (LayoutSettings::with_width(80), LayoutSettings::with_width(60));
    let middle = body.text.len() / 2;
    let page = usize::from(PAGE);
    let runs = if body.text.len() > 20 << 20 { 3 } else { 7 };

    let whole_open = median_ms(runs, || {
        let layout = Layout::new(body, wide);
        let top = layout.line_at_offset(middle);
        draw(body, &layout, top, 80);
    });
    let whole = Layout::new(body, wide);
    let whole_resize = median_ms(runs, || {
        let layout = Layout::new(body, narrow);
        let top = layout.line_at_offset(middle);
        draw(body, &layout, top, 60);
    });

    let lazy_open = median_ms(runs, || {
        let mut reader = Reader::open(yuedu::library::ArticleId::at(0), body, wide, middle);
        reader.fit(body, page);
        draw(body, &reader.layout, reader.top, 80);
    });
    let mut reader = Reader::open(yuedu::library::ArticleId::at(0), body, wide, middle);
    reader.fit(body, page);
    let mut width = 60;
    let lazy_resize = median_ms(runs * 3, || {
        width = if width == 60 { 80 } else { 60 };
        reader.relayout(body, LayoutSettings::with_width(width), page);
        draw(body, &reader.layout, reader.top, width as u16);
    });
    let burst = median_ms(runs, || {
        for w in [70, 75, 62, 90, 66, 81, 58, 77, 64, 80] {
            reader.relayout(body, LayoutSettings::with_width(w), page);
        }
        draw(body, &reader.layout, reader.top, 80);
    });
    let mut paging = Vec::new();
    for (place, offset) in [("start", 0), ("middle", middle), ("end", body.text.len())] {
        let mut reader = Reader::open(yuedu::library::ArticleId::at(0), body, wide, offset);
        reader.fit(body, page);
        let mut down = true;
        paging.push(format!(
            "{place} {:.3}",
            median_ms(41, || {
                down = !down;
                reader.scroll_by(body, if down { 32 } else { -32 }, page);
                draw(body, &reader.layout, reader.top, 80);
            })
        ));
    }
    println!(
        "{name:>6}  first frame: whole {whole_open:8.2} ms, lazy {lazy_open:6.3} ms ({:.0}× less) | \
         resize: whole {whole_resize:8.2} ms, lazy {lazy_resize:6.3} ms, 10 in a row {burst:6.3} ms | \
         page ms: {} | lines in memory: whole {} lines = {:.1} MB before, {:.1} MB packed; lazy {} lines = {:.2} MB",
        whole_open / lazy_open,
        paging.join(", "),
        whole.len(),
        (whole.len() * OLD_LINE_BYTES) as f64 / 1e6,
        (whole.len() * LINE_BYTES) as f64 / 1e6,
        reader.layout.len(),
        (reader.layout.len() * LINE_BYTES) as f64 / 1e6,
    );
}

/// Resident memory of a process, from /proc (Linux).
fn resident_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let kb: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0.0);
    kb / 1024.0
}

fn wait_ms(session: &pty::Session, done: impl Fn(&str) -> bool) -> f64 {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(30) {
        if done(&session.screen()) {
            return start.elapsed().as_secs_f64() * 1000.0;
        }
        std::thread::sleep(Duration::from_micros(500));
    }
    f64::NAN
}

/// What one run of a program on a file measured.
struct Run {
    first_ms: f64,
    memory_mb: f64,
    resize_ms: f64,
    burst_ms: f64,
}

/// `script` (run by `sh`, `$0` being yuedu) in a 120×35 terminal: time to
/// `first` on screen, resident memory a moment later, the time from a
/// resize to 80×24 until the frame after it, and from the last of a burst
/// of 10 resizes until the screen settles (no change for 100 ms).
fn run(script: &str, home: &std::path::Path, first: &str) -> Run {
    let mut session = pty::Session::start_shell(script, 120, 35, home);
    let first_ms = wait_ms(&session, |s| s.contains(first));
    std::thread::sleep(Duration::from_millis(300));
    let memory_mb = resident_mb(session.pid());
    let before = session.screen();
    session.resize(80, 24);
    let resize_ms = wait_ms(&session, |s| s != before && s.contains(first));
    std::thread::sleep(Duration::from_millis(100));
    for (cols, rows) in [
        (100, 30),
        (70, 20),
        (110, 33),
        (90, 28),
        (60, 20),
        (130, 38),
        (75, 22),
        (95, 30),
        (85, 25),
    ] {
        session.resize(cols, rows);
    }
    session.resize(120, 35);
    let burst_start = Instant::now();
    let mut last = session.screen();
    let mut settled = burst_start.elapsed();
    while burst_start.elapsed() < settled + Duration::from_millis(100)
        && burst_start.elapsed() < Duration::from_secs(10)
    {
        let now = session.screen();
        if now != last {
            last = now;
            settled = burst_start.elapsed();
        }
        std::thread::sleep(Duration::from_micros(500));
    }
    session.send("q");
    session.wait_exit();
    Run {
        first_ms,
        memory_mb,
        resize_ms,
        burst_ms: settled.as_secs_f64() * 1000.0,
    }
}

/// The median run of `times` runs, by time to the first text.
fn median_run(times: usize, mut f: impl FnMut() -> Run) -> Run {
    let mut runs: Vec<Run> = (0..times).map(|_| f()).collect();
    runs.sort_by(|a, b| a.first_ms.total_cmp(&b.first_ms));
    runs.swap_remove(times / 2)
}

fn whole_process(name: &str, markdown: &str) {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("article.md");
    std::fs::write(&file, markdown).expect("write");
    let path = file.display();
    // The first words of the text, which both programs show first.
    let first: String = markdown.chars().take(8).collect();
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).expect("home");
    let yuedu = format!("exec \"$0\" '{path}'");
    let cold = median_run(3, || {
        std::fs::remove_dir_all(home.join("cache")).ok();
        run(&yuedu, &home, &first)
    });
    let warm = median_run(3, || run(&yuedu, &home, &first));
    let less = median_run(3, || {
        run(
            &format!("LESSCHARSET=utf-8 LESS= LESSOPEN= exec less '{path}'"),
            &home,
            &first,
        )
    });
    let file_mb = markdown.len() as f64 / 1e6;
    println!(
        "{name:>6}  whole process (median of 3): first text cold {:6.1} ms (×{:.1} less), warm {:6.1} ms (×{:.1}), \
         less {:5.1} ms | resize to the next frame {:5.1} ms (×{:.1} less {:.1} ms) | 10 resizes settle {:5.1} ms \
         (less {:.1} ms) | resident cold {:5.1} MB, warm {:5.1} MB = {:.2}× the file ({file_mb:.1} MB), less {:.1} MB",
        cold.first_ms,
        cold.first_ms / less.first_ms,
        warm.first_ms,
        warm.first_ms / less.first_ms,
        less.first_ms,
        cold.resize_ms,
        cold.resize_ms / less.resize_ms,
        less.resize_ms,
        cold.burst_ms,
        less.burst_ms,
        cold.memory_mb,
        warm.memory_mb,
        cold.memory_mb.max(warm.memory_mb) / file_mb,
        less.memory_mb,
    );
    println!(
        "{name:>6}  targets: first text ≤ {} ms {}, resize ≤ 16 ms {}, burst ≤ 50 ms {}, memory ≤ 2× file {}",
        if file_mb < 1.0 { 7 } else { 20 },
        met(cold.first_ms.max(warm.first_ms) <= if file_mb < 1.0 { 7.0 } else { 20.0 }),
        met(cold.resize_ms <= 16.0),
        met(cold.burst_ms <= 50.0),
        met(cold.memory_mb.max(warm.memory_mb) <= 2.0 * file_mb),
    );
}

fn met(ok: bool) -> &'static str {
    if ok { "met" } else { "NOT met" }
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: nothing to do then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    // Names given after `--` (`cargo bench --bench open -- 0.4MB`) pick sizes.
    let picked: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    for (name, bytes) in SIZES {
        if !picked.is_empty() && !picked.iter().any(|p| p == name) {
            continue;
        }
        let markdown = support::long_markdown(bytes);
        let article = support::long_article_from(&markdown);
        in_process(name, &article.body);
        drop(article);
        whole_process(name, &markdown);
    }
}
