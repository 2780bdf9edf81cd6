//! Start-up: load the bundled collection, build the app and draw the first
//! frame, as `yuedu` does before the user sees anything. Then the UI
//! thread's share of a large collection loading behind the reader: the time
//! `App::handle` takes to merge each background batch of the Tang poems
//! (`YUEDU_TANG=folder`, else as many generated poems), max and median,
//! against the floor of `rg` reading the same folder.

mod support;

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use yuedu::app::{App, Input, ReadingSettings};
use yuedu::config::Config;
use yuedu::library::{Batch, Library, Plan, read_batch};
use yuedu::ui::theme::Theme;

fn load_and_first_frame(c: &mut Criterion) {
    c.bench_function("startup/load_config_library_first_frame_120x35", |b| {
        b.iter(|| {
            let config = Config::default_config().expect("default config");
            let keymap = config.keymap.clone();
            let mut app = App::new(Library::bundled(), keymap, ReadingSettings::default(), 120, 35);
            app.handle(Input::Resize { width: 120, height: 35 });
            let mut buf = Buffer::empty(Rect::new(0, 0, 120, 35));
            yuedu::ui::render(&app, &Theme::dark(), &mut buf);
            black_box(buf);
        })
    });
}

/// The batches the reader's loader thread sends (2,000 files each, read and
/// indexed as it does), merged one by one into an app as the event loop
/// merges them: each `App::handle` is what the UI thread spends on a batch,
/// a key waiting behind it. Each batch's place is worked out where it is
/// read (`Input::place_on`, as the loader works it out), or not (`Input::loaded` only:
/// the whole merge on the UI thread); three loads of each, each from a
/// fresh app, taking turns.
fn merge_batches(_: &mut Criterion) {
    if !support::selected("merge_batches") {
        return;
    }
    let generated = tempfile::tempdir().expect("tempdir");
    let dir = match std::env::var_os("YUEDU_TANG") {
        Some(dir) => std::path::PathBuf::from(dir),
        None => {
            support::write_poems(generated.path(), 57_603);
            generated.path().to_path_buf()
        }
    };
    let rg = || {
        let mut c = std::process::Command::new("rg");
        c.args(["-c", "-F", "明月"]).arg(&dir);
        c
    };
    let rg_time = std::process::Command::new("rg")
        .arg("--version")
        .output()
        .ok()
        .map(|_| {
            let _ = support::peak_of(rg());
            support::peak_of(rg()).0
        });
    let mut plan = Plan::dirs(std::slice::from_ref(&dir)).expect("plan");
    let start = plan.start();
    let total = plan.len();
    let batches: Vec<Batch> = plan.into_batches(2_000).into_iter().map(read_batch).collect();
    let floor = rg_time.map_or(String::new(), |t| format!("; floor: rg -c over the folder {t:.2?}"));
    println!("merge: {total} files in {} batches{floor}", batches.len());
    let config = Config::default_config().expect("config");
    for load in 1..=3 {
        for prepared in [false, true] {
            let mut app = App::new(
                start.clone(),
                config.keymap.clone(),
                ReadingSettings::default(),
                120,
                35,
            );
            app.handle(Input::Resize { width: 120, height: 35 });
            app.start_loading(total);
            let mut times: Vec<Duration> = Vec::with_capacity(batches.len());
            for batch in batches.iter().cloned() {
                let mut input = Input::loaded(batch);
                if prepared {
                    input.place_on(app.library());
                }
                let started = Instant::now();
                let effects = app.handle(input);
                times.push(started.elapsed());
                black_box(effects);
            }
            assert!(app.is_loaded() && app.library().articles().len() > total / 2);
            let sum: Duration = times.iter().sum();
            let slowest = (0..times.len()).max_by_key(|&i| times[i]).unwrap_or(0) + 1;
            times.sort_unstable();
            let (max, median) = (times[times.len() - 1], times[times.len() / 2]);
            let ratio = |t: Duration| {
                rg_time.map_or(String::new(), |rg| {
                    format!(" ({:.3}x rg)", t.as_secs_f64() / rg.as_secs_f64())
                })
            };
            println!(
                "merge, load {load}, {}: App::handle per batch max {max:.2?}{} (batch {slowest}), median {median:.2?}{}, all batches {sum:.2?}{}",
                if prepared {
                    "placed where read"
                } else {
                    "placed on the UI thread"
                },
                ratio(max),
                ratio(median),
                ratio(sum)
            );
        }
    }
}

criterion_group!(benches, merge_batches, load_and_first_frame);
criterion_main!(benches);
