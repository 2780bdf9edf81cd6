//! Bytes written per page turn: the real binary and `less` on the same
//! 0.43 MB book (generated from the bundled articles), each in a
//! pseudo-terminal of the same size, paging forward the same number of
//! times; the bytes each writes after a key are counted. Run
//! `cargo bench --bench paging`. `YUEDU_BASELINE_BIN` names another build
//! of yuedu (an older one) to measure beside them.

#[path = "../tests/support/mod.rs"]
mod pty;
mod support;

use std::path::Path;

const BOOK_BYTES: usize = 430 * 1024;
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 35)];
const PAGES: usize = 20;
/// What the bench asks of yuedu: at most this many times less's bytes.
const TARGET: f64 = 1.3;

/// The bytes `script` (run by `sh`, `$0` being yuedu) writes for each of
/// `PAGES` presses of the space bar, once `first` shows and the output has
/// settled.
fn bytes_per_page(script: &str, home: &Path, size: (u16, u16), first: &str) -> Vec<usize> {
    let mut session = pty::Session::start_shell(script, size.0, size.1, home);
    session.wait_for(first);
    session.settle();
    let mut pages = Vec::with_capacity(PAGES);
    for _ in 0..PAGES {
        let before = session.output().len();
        session.send(" ");
        pages.push(session.output().len() - before);
    }
    session.send("q");
    session.wait_exit();
    pages
}

fn mean(pages: &[usize]) -> f64 {
    pages.iter().sum::<usize>() as f64 / pages.len() as f64
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: nothing to do then.
    if !std::env::args().any(|a| a == "--bench") {
        return;
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let markdown = support::long_markdown(BOOK_BYTES);
    let file = dir.path().join("book.md");
    std::fs::write(&file, &markdown).expect("write the book");
    let home = dir.path().join("home");
    std::fs::create_dir_all(&home).expect("home");
    let path = file.display();
    let first: String = markdown.chars().take(8).collect();
    let baseline = std::env::var("YUEDU_BASELINE_BIN").ok();
    for size in SIZES {
        // A fresh state each time: every run starts at the beginning.
        let fresh = |home: &Path| {
            let _ = std::fs::remove_dir_all(home.join("data"));
        };
        fresh(&home);
        let yuedu = mean(&bytes_per_page(&format!("exec \"$0\" '{path}'"), &home, size, &first));
        let less = mean(&bytes_per_page(
            &format!("LESSCHARSET=utf-8 LESS= LESSOPEN= exec less '{path}'"),
            &home,
            size,
            &first,
        ));
        let mut line = format!(
            "{}×{}: bytes per page turn ({PAGES} pages, {:.2} MB book): yuedu {yuedu:.0} = {:.2}× less ({less:.0}), target ≤ {TARGET}× {}",
            size.0,
            size.1,
            markdown.len() as f64 / 1e6,
            yuedu / less,
            if yuedu <= TARGET * less { "met" } else { "NOT met" },
        );
        if let Some(bin) = &baseline {
            fresh(&home);
            let before = mean(&bytes_per_page(&format!("exec '{bin}' '{path}'"), &home, size, &first));
            line.push_str(&format!(" | {bin}: {before:.0} = {:.2}× less", before / less));
        }
        println!("{line}");
    }
}
