//! How well web pages are cut down to their article, against a suite of
//! pages with the expected article of each, and against peer extractors run
//! on the same pages in the same run (scored the same way, see
//! `extraction/score.rs`).
//!
//! `YUEDU_PAGES_SUITE` names a folder with one folder per page, each holding
//! `source.html` (the page) and `expected.html` (its article); without it the
//! bench says so and does nothing. The peers (readability-lxml and
//! trafilatura, from PyPI) run through `extraction/peers.py` with the Python
//! of `YUEDU_PEERS_PYTHON` (default `python3`); a peer that is not installed
//! is left out of the table. `YUEDU_PAGES_DETAIL=1` adds each page's figures.
//!
//! Run: `YUEDU_PAGES_SUITE=/path/to/test-pages cargo bench --bench extraction`

#[path = "extraction/score.rs"]
mod score;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use score::{Score, is_han, is_kana, tokens, visible_text};
use yuedu::library::parse_html;

const YUEDU: &str = "yuedu";

struct Page {
    name: String,
    source: Vec<u8>,
    expected: String,
    chinese: bool,
}

/// One extractor's output for each page, and the time it took in all.
#[derive(Default)]
struct Run {
    texts: BTreeMap<String, String>,
    time: Duration,
}

fn main() {
    let Some(suite) = std::env::var_os("YUEDU_PAGES_SUITE").map(PathBuf::from) else {
        eprintln!("extraction: YUEDU_PAGES_SUITE is not set; no suite of pages to score, nothing done");
        return;
    };
    let pages = read_suite(&suite);
    if pages.is_empty() {
        eprintln!(
            "extraction: no page folders with source.html and expected.html in {}",
            suite.display()
        );
        return;
    }
    let mut runs: BTreeMap<String, Run> = BTreeMap::new();
    runs.insert(YUEDU.to_string(), run_yuedu(&pages));
    runs.extend(run_peers(&suite, &pages));
    report(&pages, &runs);
}

fn read_suite(suite: &Path) -> Vec<Page> {
    let Ok(entries) = std::fs::read_dir(suite) else {
        return Vec::new();
    };
    let mut folders: Vec<PathBuf> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    folders.sort();
    folders
        .into_iter()
        .filter_map(|folder| {
            let source = std::fs::read(folder.join("source.html")).ok()?;
            let expected = std::fs::read(folder.join("expected.html")).ok()?;
            let expected = visible_text(&String::from_utf8_lossy(&expected));
            let name = folder.file_name()?.to_string_lossy().into_owned();
            Some(Page {
                chinese: is_chinese(&expected),
                name,
                source,
                expected,
            })
        })
        .collect()
}

/// A page whose expected article is mostly Han characters, without the kana of Japanese.
fn is_chinese(text: &str) -> bool {
    let all = tokens(text);
    let han = all.iter().filter(|t| t.chars().all(is_han)).count();
    let kana = all.iter().filter(|t| t.chars().all(is_kana)).count();
    han * 2 >= all.len() && kana * 20 <= han
}

fn run_yuedu(pages: &[Page]) -> Run {
    let mut run = Run::default();
    for page in pages {
        let started = Instant::now();
        let html = parse_html(&page.source);
        run.time += started.elapsed();
        run.texts
            .insert(page.name.clone(), without_image_placeholders(&html.body.text));
    }
    run
}

/// yuedu shows an image as `〔图〕` or `〔图：its alt text〕`; the expected
/// articles show images as images, so these are not text to score.
fn without_image_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("〔图") {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        let end = after.find('〕').map_or(after.len(), |e| e + '〕'.len_utf8());
        out.push(' ');
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

fn run_peers(suite: &Path, pages: &[Page]) -> BTreeMap<String, Run> {
    let python = std::env::var("YUEDU_PEERS_PYTHON").unwrap_or_else(|_| "python3".to_string());
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/extraction/peers.py");
    let output = Command::new(&python)
        .arg(script)
        .arg(suite)
        .args(pages.iter().map(|p| &p.name))
        .output();
    let mut runs: BTreeMap<String, Run> = BTreeMap::new();
    let output = match output {
        Ok(output) if output.status.success() => output,
        Ok(output) => {
            eprintln!(
                "extraction: the peers failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            return runs;
        }
        Err(error) => {
            eprintln!("extraction: {python} could not be run ({error}); no peers");
            return runs;
        }
    };
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let field = |name: &str| value.get(name).and_then(|v| v.as_str());
        let Some(peer) = field("peer") else { continue };
        if let Some(reason) = field("missing") {
            eprintln!("extraction: peer {peer} left out: {reason}");
            continue;
        }
        let (Some(page), Some(seconds)) = (field("page"), value.get("seconds").and_then(|v| v.as_f64())) else {
            continue;
        };
        let text = match (field("html"), field("text")) {
            (Some(html), _) => visible_text(html),
            (None, Some(text)) => text.to_string(),
            (None, None) => String::new(),
        };
        let run = runs.entry(peer.to_string()).or_default();
        run.time += Duration::from_secs_f64(seconds);
        run.texts.insert(page.to_string(), text);
    }
    runs
}

fn report(pages: &[Page], runs: &BTreeMap<String, Run>) {
    let chinese = pages.iter().filter(|p| p.chinese).count();
    println!(
        "{} pages ({} Chinese: {}); token-bag precision / recall / F1, means over pages",
        pages.len(),
        chinese,
        pages
            .iter()
            .filter(|p| p.chinese)
            .map(|p| p.name.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    );
    let fastest_peer = runs
        .iter()
        .filter(|(name, _)| *name != YUEDU)
        .map(|(_, r)| r.time)
        .min();
    println!(
        "{:<18} {:>6} {:>6} {:>6}   {:>6} {:>6} {:>6}   {:>9} {:>8}",
        "extractor", "P", "R", "F1", "P zh", "R zh", "F1 zh", "time", "x peer"
    );
    let detail = std::env::var_os("YUEDU_PAGES_DETAIL").is_some();
    for (name, run) in runs {
        let scored: Vec<(&Page, Score)> = pages
            .iter()
            .map(|page| {
                let text = run.texts.get(&page.name).map_or("", String::as_str);
                (page, Score::of(text, &page.expected))
            })
            .collect();
        let all = Score::mean(&scored.iter().map(|(_, s)| *s).collect::<Vec<_>>());
        let zh = Score::mean(
            &scored
                .iter()
                .filter(|(p, _)| p.chinese)
                .map(|(_, s)| *s)
                .collect::<Vec<_>>(),
        );
        let ratio = fastest_peer.map_or(String::from("-"), |floor| {
            format!("{:.2}", run.time.as_secs_f64() / floor.as_secs_f64().max(1e-9))
        });
        println!(
            "{:<18} {:>6.3} {:>6.3} {:>6.3}   {:>6.3} {:>6.3} {:>6.3}   {:>8.2}s {:>8}",
            name,
            all.precision,
            all.recall,
            all.f1,
            zh.precision,
            zh.recall,
            zh.f1,
            run.time.as_secs_f64(),
            ratio
        );
        if detail {
            for (page, s) in &scored {
                println!(
                    "    {:<40} {:>6.3} {:>6.3} {:>6.3}",
                    page.name, s.precision, s.recall, s.f1
                );
            }
        }
    }
}
