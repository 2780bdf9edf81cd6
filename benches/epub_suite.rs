//! The EPUB suite: how faithfully yuedu reads a folder of real books,
//! against a peer extraction made in the same run. Not a timing: it reports,
//! per group of books (the part of a file name before its first `-`) and in
//! all, the books refused (with their reasons), the books the peer refuses,
//! the "missing chapter" markers shown for files the archive does hold
//! (false markers), the text's recall and precision against the peer's, and
//! how many of the contents' titles are the book's own navigation labels.
//!
//! The books are read from the folder in `YUEDU_EPUB_SUITE` (the run is
//! skipped when it is not set); the peer is `benches/epub_suite/peer.py`
//! (Python's ebooklib and lxml: the text of each spine item's body), left
//! out with a note when it cannot run. Run with
//! `YUEDU_EPUB_SUITE=/path/to/books cargo bench --bench epub_suite`.
//!
//! Recall and precision count tokens, each CJK character one and each run
//! of other letters and digits one word (case folded), as multisets: the
//! share of the peer's tokens found in yuedu's text, and of yuedu's in the
//! peer's, summed over the books both read.

use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use yuedu::library::{Origin, parse_article, table_of_contents};

/// The marker a book shows where the spine names a file it cannot show.
const MISSING_MARK: &str = "〔此处缺少一章：";

/// What the peer made of one book.
struct Peer {
    text: Option<String>,
    toc: Vec<String>,
}

/// What yuedu made of one book.
struct Ours {
    /// `Err` with the reason when it is refused.
    text: Result<String, String>,
    toc: Vec<String>,
    markers: usize,
    false_markers: usize,
}

#[derive(Default)]
struct Tally {
    books: usize,
    refused: usize,
    peer_refused: usize,
    false_marker_books: usize,
    false_markers: usize,
    true_markers: usize,
    peer_tokens: usize,
    our_tokens: usize,
    common: usize,
    labels: usize,
    labels_matched: usize,
}

fn main() {
    let Some(folder) = std::env::var_os("YUEDU_EPUB_SUITE").map(PathBuf::from) else {
        eprintln!("epub_suite: skipped (set YUEDU_EPUB_SUITE to a folder of .epub files)");
        return;
    };
    let mut books: Vec<PathBuf> = std::fs::read_dir(&folder)
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    books.retain(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("epub")));
    books.sort();
    if books.is_empty() {
        eprintln!("epub_suite: skipped ({} holds no .epub file)", folder.display());
        return;
    }
    let peers = run_peer(&folder);
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut refusals = Vec::new();
    let mut false_marked = Vec::new();
    let mut lowest = Vec::new();
    let mut least_precise = Vec::new();
    for path in &books {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let group = name.split('-').next().unwrap_or("").to_string();
        let ours = read_ours(path, &name);
        let peer = peers.as_ref().and_then(|p| p.get(&name));
        let tally = tallies.entry(group).or_default();
        tally.books += 1;
        match &ours.text {
            Err(reason) => {
                tally.refused += 1;
                refusals.push(format!("{name}: {reason}"));
            }
            Ok(_) => {
                tally.true_markers += ours.markers - ours.false_markers;
                tally.false_markers += ours.false_markers;
                if ours.false_markers > 0 {
                    tally.false_marker_books += 1;
                    false_marked.push(format!("{name}: {}", ours.false_markers));
                }
            }
        }
        let Some(peer) = peer else { continue };
        let Some(peer_text) = &peer.text else {
            tally.peer_refused += 1;
            continue;
        };
        let peer_counts = tokens(peer_text);
        let peer_total: usize = peer_counts.values().sum();
        let (our_total, common) = match &ours.text {
            Ok(text) => {
                let our_counts = tokens(text);
                let common = peer_counts
                    .iter()
                    .map(|(t, n)| (*n).min(our_counts.get(t).copied().unwrap_or(0)))
                    .sum();
                (our_counts.values().sum(), common)
            }
            Err(_) => (0, 0),
        };
        tally.peer_tokens += peer_total;
        tally.our_tokens += our_total;
        tally.common += common;
        if peer_total > 0 {
            lowest.push((common as f64 / peer_total as f64, peer_total - common, name.clone()));
        }
        if our_total > 0 {
            least_precise.push((common as f64 / our_total as f64, our_total - common, name.clone()));
        }
        let ours_titles: Vec<String> = ours.toc.iter().map(|t| squeeze(t)).collect();
        tally.labels += peer.toc.len();
        tally.labels_matched += peer.toc.iter().filter(|l| ours_titles.contains(&squeeze(l))).count();
    }
    report(&tallies, peers.is_some());
    println!("\nrefused ({}):", refusals.len());
    for line in &refusals {
        println!("  {line}");
    }
    println!("\nbooks with false missing-chapter markers ({}):", false_marked.len());
    for line in &false_marked {
        println!("  {line}");
    }
    lowest.sort_by(|a, b| a.0.total_cmp(&b.0));
    println!("\nlowest recall:");
    for (recall, lost, name) in lowest.iter().filter(|l| l.0 < 0.99).take(25) {
        println!("  {recall:.3} ({lost} tokens lost) {name}");
    }
    // Most tokens the peer does not have first: where precision goes.
    least_precise.sort_by_key(|l| std::cmp::Reverse(l.1));
    println!("\nmost tokens the peer lacks:");
    for (precision, extra, name) in least_precise.iter().filter(|l| l.0 < 0.99).take(15) {
        println!("  {precision:.3} ({extra} tokens the peer lacks) {name}");
    }
}

fn report(tallies: &BTreeMap<String, Tally>, with_peer: bool) {
    println!(
        "{:<8} {:>5} {:>7} {:>11} {:>14} {:>12} {:>7} {:>9} {:>13}",
        "group",
        "books",
        "refused",
        "peer refused",
        "false markers",
        "true markers",
        "recall",
        "precision",
        "nav labels"
    );
    let mut all = Tally::default();
    let ratio = |a: usize, b: usize| {
        if b == 0 {
            "-".to_string()
        } else {
            format!("{:.3}", a as f64 / b as f64)
        }
    };
    let line = |group: &str, t: &Tally| {
        println!(
            "{:<8} {:>5} {:>7} {:>11} {:>14} {:>12} {:>7} {:>9} {:>13}",
            group,
            t.books,
            t.refused,
            if with_peer {
                t.peer_refused.to_string()
            } else {
                "-".into()
            },
            format!("{} in {}", t.false_markers, t.false_marker_books),
            t.true_markers,
            ratio(t.common, t.peer_tokens),
            ratio(t.common, t.our_tokens),
            format!("{}/{}", t.labels_matched, t.labels),
        );
    };
    for (group, t) in tallies {
        line(group, t);
        all.books += t.books;
        all.refused += t.refused;
        all.peer_refused += t.peer_refused;
        all.false_marker_books += t.false_marker_books;
        all.false_markers += t.false_markers;
        all.true_markers += t.true_markers;
        all.peer_tokens += t.peer_tokens;
        all.our_tokens += t.our_tokens;
        all.common += t.common;
        all.labels += t.labels;
        all.labels_matched += t.labels_matched;
    }
    line("all", &all);
    if !with_peer {
        println!("(no peer: python3 with ebooklib and lxml is needed for recall, precision and labels)");
    }
}

/// Reads a book as the reader does, and checks each missing-chapter marker
/// against the archive: a marker for a file it holds is false.
fn read_ours(path: &Path, name: &str) -> Ours {
    let bytes = std::fs::read(path).unwrap_or_default();
    let article = match parse_article(name, name, &bytes, Origin::Bundled) {
        Ok(article) => article,
        Err(reason) => {
            return Ours {
                text: Err(reason.en().to_string()),
                toc: Vec::new(),
                markers: 0,
                false_markers: 0,
            };
        }
    };
    let held = archive_names(&bytes);
    let text = article.body.text.to_string();
    let mut markers = 0;
    let mut false_markers = 0;
    for piece in text.split(MISSING_MARK).skip(1) {
        markers += 1;
        let named = piece.split('〕').next().unwrap_or("");
        if held.iter().any(|h| h == named) {
            false_markers += 1;
        }
    }
    let toc = table_of_contents(&article.body).into_iter().map(|e| e.title).collect();
    Ours {
        text: Ok(text),
        toc,
        markers,
        false_markers,
    }
}

fn archive_names(bytes: &[u8]) -> Vec<String> {
    let Ok(zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Vec::new();
    };
    zip.file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .collect()
}

/// The peer's reading of every book in `folder`, by file name; `None` when
/// the peer cannot run here.
fn run_peer(folder: &Path) -> Option<HashMap<String, Peer>> {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/epub_suite/peer.py");
    let output = Command::new("python3").arg(&script).arg(folder).output();
    let output = match output {
        Ok(output) if output.status.success() => output,
        Ok(output) => {
            let mut err = String::new();
            let _ = output.stderr.as_slice().read_to_string(&mut err);
            eprintln!("epub_suite: the peer did not run: {}", err.lines().last().unwrap_or(""));
            return None;
        }
        Err(err) => {
            eprintln!("epub_suite: the peer did not run: {err}");
            return None;
        }
    };
    let mut peers = HashMap::new();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(record) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(file) = record["file"].as_str() else {
            continue;
        };
        let toc = record["toc"]
            .as_array()
            .map(|labels| labels.iter().filter_map(|l| l.as_str().map(str::to_string)).collect())
            .unwrap_or_default();
        let text = record["text"].as_str().map(str::to_string);
        peers.insert(file.to_string(), Peer { text, toc });
    }
    Some(peers)
}

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30ff}' // kana
        | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}'
        | '\u{f900}'..='\u{faff}'
        | '\u{ac00}'..='\u{d7af}' // hangul
        | '\u{20000}'..='\u{3134f}')
}

/// Letters, digits and the combining marks of scripts that write vowels
/// and viramas as marks (Devanagari and the other Indic scripts among them).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c,
            '\u{300}'..='\u{36f}'
            | '\u{483}'..='\u{489}'
            | '\u{591}'..='\u{5bd}'
            | '\u{610}'..='\u{61a}'
            | '\u{64b}'..='\u{65f}'
            | '\u{900}'..='\u{963}'
            | '\u{966}'..='\u{dff}'
            | '\u{1ab0}'..='\u{1aff}'
            | '\u{1dc0}'..='\u{1dff}'
            | '\u{20d0}'..='\u{20ff}'
            | '\u{fe20}'..='\u{fe2f}')
}

/// Tokens of a text with their counts: each CJK character, and each run of
/// other letters and digits, case folded.
fn tokens(text: &str) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    let mut word = String::new();
    let flush = |word: &mut String, counts: &mut HashMap<String, usize>| {
        if !word.is_empty() {
            *counts.entry(std::mem::take(word)).or_default() += 1;
        }
    };
    for c in text.chars() {
        if is_cjk(c) {
            flush(&mut word, &mut counts);
            *counts.entry(c.to_string()).or_default() += 1;
        } else if is_word_char(c) {
            word.extend(c.to_lowercase());
        } else {
            flush(&mut word, &mut counts);
        }
    }
    flush(&mut word, &mut counts);
    counts
}

/// A label or title without its spaces, for comparing.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}
