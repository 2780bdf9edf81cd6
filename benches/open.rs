//! Opening and resizing long articles (0.4, 11 and 50 MB, generated): time to
//! the first frame, a resize in the middle, paging, and memory, for a whole
//! layout (as before) and for the reader's layout around the place shown
//! (as now); then the real binary in a pseudo-terminal beside `less` on the
//! same file: time to the first text, to the frame after a resize, and
//! resident memory; and the pages of pointers the loader fixes up at each
//! start of the binary. Figures are printed; run `cargo bench --bench open`.

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

/// The time from starting `script` (run by `sh`, `$0` being yuedu) in a
/// 120×35 terminal until its screen shows `first`, noted as the output
/// arrives; then `q` quits it. The shell first waits on the named pipe
/// `gate`, and the clock starts when it is let go: how long starting a
/// process takes the bench (its fork, a busy machine's delay in telling
/// it the child runs) is left out, for both programs alike.
fn first_text_ms(script: &str, home: &std::path::Path, first: &str, gate: &std::path::Path) -> f64 {
    use std::io::Write as _;
    let gated = format!("read _ < '{}'; {script}", gate.display());
    let mut session = pty::Session::start_shell_watching(&gated, 120, 35, home, first);
    // Opening blocks until the shell opens the pipe to read it.
    let mut go = std::fs::OpenOptions::new().write(true).open(gate).expect("gate");
    let start = Instant::now();
    go.write_all(b"\n").expect("open the gate");
    drop(go);
    let shown = session.shown_at(Duration::from_secs(30));
    session.send("q");
    session.wait_exit();
    shown.map_or(f64::NAN, |at| at.duration_since(start).as_secs_f64() * 1000.0)
}

/// The median and the least of `times`: on a busy machine the least is
/// the run that waited least for other work.
fn median_least(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    (times[times.len() / 2], times[0])
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
    let less = format!("LESSCHARSET=utf-8 LESS= LESSOPEN= exec less '{path}'");
    // Time to the first text: yuedu without its article cache (cold), with
    // it (warm) and less, one after the other in each round, so that each
    // meets the machine as busy as the others do, and each round in
    // another order, so that none always follows the same one.
    let rounds = if markdown.len() < 1 << 20 { 31 } else { 6 };
    let gate = dir.path().join("gate");
    let made = std::process::Command::new("mkfifo").arg(&gate).status();
    assert!(made.is_ok_and(|s| s.success()), "mkfifo");
    let mut times: [Vec<f64>; 3] = Default::default();
    for round in 0..rounds {
        for turn in 0..3 {
            let which = (round + turn) % 3;
            let script = match which {
                0 => {
                    std::fs::remove_dir_all(home.join("cache")).ok();
                    &yuedu
                }
                1 => &yuedu,
                _ => &less,
            };
            times[which].push(first_text_ms(script, &home, &first, &gate));
        }
    }
    let [(cold_ms, cold_least), (warm_ms, warm_least), (less_ms, less_least)] = times.map(median_least);
    // Resizes and memory, from whole runs.
    let resized = median_run(3, || run(&yuedu, &home, &first));
    let less = median_run(3, || run(&less, &home, &first));
    let file_mb = markdown.len() as f64 / 1e6;
    println!(
        "{name:>6}  first text (median of {rounds} rounds): cold {cold_ms:5.2} ms (×{:.1} less), warm {warm_ms:5.2} ms \
         (×{:.1}), less {less_ms:5.2} ms; least: cold {cold_least:5.2} ms (×{:.1}), warm {warm_least:5.2} ms (×{:.1}), \
         less {less_least:5.2} ms | resize to the next frame {:5.1} ms (×{:.1} less {:.1} ms) | 10 resizes \
         settle {:5.1} ms (less {:.1} ms) | resident {:5.1} MB = {:.2}× the file ({file_mb:.1} MB), less {:.1} MB",
        cold_ms / less_ms,
        warm_ms / less_ms,
        cold_least / less_least,
        warm_least / less_least,
        resized.resize_ms,
        resized.resize_ms / less.resize_ms,
        less.resize_ms,
        resized.burst_ms,
        less.burst_ms,
        resized.memory_mb,
        resized.memory_mb / file_mb,
        less.memory_mb,
    );
    println!(
        "{name:>6}  targets: first text ≤ 2× less {}, resize ≤ 16 ms {}, burst ≤ 50 ms {}, memory ≤ 2× file {}",
        met(cold_ms.max(warm_ms) <= 2.0 * less_ms),
        met(resized.resize_ms <= 16.0),
        met(resized.burst_ms <= 50.0),
        met(resized.memory_mb <= 2.0 * file_mb),
    );
}

/// Most 4 KB pages of pointers the loader fixes up at each start of the
/// binary (each is copied before the first frame): no crate with large
/// pointer tables (ARCHITECTURE.md). 72 now; 186 with regex, html5ever and
/// the pinyin crate's tables.
const MAX_POINTER_PAGES: usize = 100;

/// The binary's relocations the loader applies at start, and the pages they
/// fall on, by `readelf` (`None` where it is not installed or the binary is
/// not ELF).
fn pointer_pages() -> Option<(usize, usize)> {
    let out = std::process::Command::new("readelf")
        .args(["-W", "-r", env!("CARGO_BIN_EXE_yuedu")])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let offsets: Vec<u64> = text
        .lines()
        .filter(|line| line.contains("_RELATIVE"))
        .filter_map(|line| u64::from_str_radix(line.split_whitespace().next()?, 16).ok())
        .collect();
    let pages: std::collections::BTreeSet<u64> = offsets.iter().map(|at| at >> 12).collect();
    (out.status.success() && !offsets.is_empty()).then_some((offsets.len(), pages.len()))
}

fn met(ok: bool) -> &'static str {
    if ok { "met" } else { "NOT met" }
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: nothing to do then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    match pointer_pages() {
        Some((relocations, pages)) => println!(
            "start-up: {relocations} pointers fixed up on {pages} pages of the binary; target ≤ {MAX_POINTER_PAGES} pages {}",
            met(pages <= MAX_POINTER_PAGES)
        ),
        None => println!("start-up: pointer pages not counted (readelf not found)"),
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
