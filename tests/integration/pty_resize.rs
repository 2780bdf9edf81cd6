//! End-to-end: a long article in the real binary, resized several times in
//! quick succession, keeps the sentence being read on top.

use crate::support;

use std::time::Duration;

use support::Session;

/// The characters of the text (none of them in the lists or the status line).
const HAN: &str = "春眠不觉晓处闻啼鸟夜来风雨声花落知多少床前明月光疑是地上霜举头望山低思故乡";

/// About 2.5 MB: short one-line paragraphs, each starting with its number
/// (`【段01234】`), and every seventh a long paragraph of many lines, so the
/// line numbers above a place change with the width.
fn long_article() -> String {
    let han: Vec<char> = HAN.chars().collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        han[(seed % han.len() as u64) as usize]
    };
    let mut out = String::new();
    for i in 0..20_000 {
        if i % 7 == 3 {
            out.push_str(&format!("长段{i}："));
            out.extend((0..200).map(|_| next()));
        } else {
            out.push_str(&format!("【段{i:05}】"));
            out.extend((0..8).map(|_| next()));
        }
        out.push_str("。\n\n");
    }
    out
}

/// The line count of the status line (`12/34567`), or 0.
fn line_count(screen: &str) -> usize {
    let status = screen.lines().last().unwrap_or_default();
    status
        .split_whitespace()
        .filter_map(|word| word.split_once('/'))
        .filter_map(|(_, total)| total.parse().ok())
        .max()
        .unwrap_or(0)
}

/// The first paragraph number on screen, if any.
fn first_marker(screen: &str) -> Option<String> {
    let start = screen.find("【段")?;
    Some(screen[start..].chars().take(8).collect())
}

/// `long_article` written in `home` and opened in the reader, waiting
/// until its first words show and then its line count: the rest of it is
/// read and laid out in the background, and the count (tens of thousands
/// of lines) shows without scrolling. Returns the session and the file.
fn open_long_article(home: &std::path::Path, cols: u16, rows: u16) -> (Session, String) {
    let file = home.join("long.md");
    std::fs::write(&file, long_article()).expect("write the article");
    let path = file.to_str().expect("a UTF-8 path").to_string();
    let session = Session::open(&[path.as_str()], cols, rows, home, "【段00000】");
    session.wait_until("the line count in the status line", |s| {
        line_count(&s.screen()) > 10_000
    });
    (session, path)
}

#[test]
fn resizing_a_long_article_quickly_keeps_the_anchored_sentence_on_top() {
    let home = tempfile::tempdir().expect("tempdir");
    let (mut session, _) = open_long_article(home.path(), 100, 30);
    // Find a paragraph in the middle, then scroll until a numbered paragraph
    // is the first text on screen: that sentence is the anchor.
    session.send("/");
    session.send("【段12000】");
    session.send("\r");
    session.wait_for("【段12000】");
    let mut anchor = None;
    for _ in 0..40 {
        let screen = session.screen();
        let top_text = screen
            .lines()
            .find(|l| l.chars().any(|c| c == '【' || HAN.contains(c)))
            .unwrap_or_default();
        if top_text.contains("【段") {
            anchor = first_marker(top_text);
            break;
        }
        session.send("j");
    }
    let anchor = anchor.unwrap_or_else(|| panic!("no numbered paragraph on top:\n{}", session.screen()));

    for (cols, rows) in [(80, 24), (120, 35), (60, 20), (140, 40), (70, 22), (100, 30), (90, 26)] {
        session.resize(cols, rows);
        std::thread::sleep(Duration::from_millis(5));
    }
    session.wait_until("the anchored sentence on top", |s| {
        first_marker(&s.screen()).as_deref() == Some(anchor.as_str())
    });
    // It stays there: no late frame moves it.
    session.settle();
    assert_eq!(
        first_marker(&session.screen()),
        Some(anchor.clone()),
        "{}",
        session.screen()
    );
    session.quit();
}

/// The paragraph numbers on screen (`【段01234】`, `长段17776：`), top to bottom.
fn paragraph_numbers(screen: &str) -> Vec<usize> {
    screen
        .split('段')
        .skip(1)
        .filter_map(|rest| {
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .collect()
}

/// Keys typed while the window is being resized are each acted on, in the
/// order typed, and a storm of sizes that ends at the size it started from
/// leaves nothing of the other sizes' frames on screen: a search typed one
/// character after each resize shows whole in the prompt, Enter finds it,
/// and the paragraphs on screen are the article's, in order.
#[test]
fn keys_typed_between_resizes_are_all_acted_on_and_the_screen_is_whole() {
    let home = tempfile::tempdir().expect("tempdir");
    let (mut session, _) = open_long_article(home.path(), 100, 30);
    session.send("/");
    let sizes = [(80, 24), (120, 35), (60, 20), (140, 40), (70, 22), (90, 26)];
    let query = "【段17777】";
    for (i, c) in query.chars().enumerate() {
        let (cols, rows) = sizes[i % sizes.len()];
        session.resize(cols, rows);
        session.type_ahead(&c.to_string());
    }
    session.resize(100, 30);
    session.wait_until("every character typed in the prompt", |s| {
        s.screen().lines().last().is_some_and(|status| status.contains(query))
    });
    session.type_ahead("\r");
    session.wait_until("the paragraph found, the prompt closed", |s| {
        let screen = s.screen();
        let status = screen.lines().last().unwrap_or_default();
        screen.contains(query) && !status.contains(query)
    });
    session.settle();
    let screen = session.screen();
    let numbers = paragraph_numbers(&screen);
    assert!(numbers.contains(&17777), "{screen}");
    assert!(
        numbers.windows(2).all(|pair| pair[1] == pair[0] + 1),
        "paragraphs out of order, left from another size's frame: {numbers:?}\n{screen}"
    );
    session.quit();
}

#[test]
fn a_large_file_reopens_at_a_place_past_its_first_part() {
    let home = tempfile::tempdir().expect("tempdir");
    let (mut session, path) = open_long_article(home.path(), 80, 24);
    let path = path.as_str();
    session.send("G");
    session.wait_for("【段19999】");
    // `G` is a jump; reading on from there (a few lines up) makes it the place read.
    session.send("kkkkk");
    session.quit();
    let mut session = Session::open(&[path], 80, 24, home.path(), "【段1999");
    assert!(!session.screen().contains("【段00000】"), "{}", session.screen());
    session.quit();
}

/// The one saved position's byte offset and share in `state.json`.
fn saved_position(home: &std::path::Path) -> Option<(u64, u64)> {
    let text = std::fs::read_to_string(home.join("data/yuedu/state.json")).ok()?;
    let state: serde_json::Value = serde_json::from_str(&text).ok()?;
    let position = state["positions"].as_object()?.values().next()?.clone();
    Some((position["offset"].as_u64()?, position["percent"].as_u64()?))
}

/// The share shown on the status line (`28%`).
fn shown_percent(screen: &str) -> Option<String> {
    let status = screen.lines().last()?;
    status.split_whitespace().find(|w| w.ends_with('%')).map(str::to_string)
}

/// The screen's text, without the blanks at the end of its rows.
fn text_of(screen: &str) -> Vec<&str> {
    screen.lines().map(str::trim_end).collect()
}

/// A storm of sizes, each straight back to `home`, then the same text on
/// screen and, after quitting, the position read before the storm saved.
fn storm_and_back(session: &mut Session, home: &std::path::Path, size: (u16, u16)) {
    // The place read is saved a moment after the last key.
    let percent = shown_percent(&session.screen()).expect("a share on the status line");
    session.wait_until("the position saved", |_| {
        saved_position(home).is_some_and(|(_, saved)| format!("{saved}%") == percent)
    });
    let before = saved_position(home);
    let shown = session.screen();
    let sizes = [
        (100, 50),
        (200, 60),
        (60, 20),
        (250, 100),
        (30, 8),
        (140, 40),
        (120, 90),
    ];
    for (cols, rows) in sizes {
        session.resize(cols, rows);
        let wanted = format!("the status line at {cols}×{rows}");
        session.wait_until(&wanted, |s| {
            let screen = s.screen();
            screen.lines().count() == usize::from(rows) && screen.lines().last().is_some_and(|l| l.contains("帮助"))
        });
        session.resize(size.0, size.1);
    }
    // And a burst of them, faster than frames.
    for (cols, rows) in sizes.iter().cycle().take(30) {
        session.resize(*cols, *rows);
    }
    session.resize(size.0, size.1);
    session.wait_until("the page read before the storm", |s| {
        text_of(&s.screen()) == text_of(&shown)
    });
    session.quit();
    assert_eq!(saved_position(home), before, "the saved place moved");
}

#[test]
fn a_storm_of_sizes_where_an_article_fits_keeps_its_place() {
    let home = tempfile::tempdir().expect("tempdir");
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/articles/yiyuan/tongji-xinxi.md");
    let mut session = Session::open(&[file], 80, 24, home.path(), "统计");
    session.send(&"j".repeat(15));
    session.settle();
    assert_ne!(
        shown_percent(&session.screen()).as_deref(),
        Some("0%"),
        "{}",
        session.screen()
    );
    storm_and_back(&mut session, home.path(), (80, 24));
}

#[test]
fn a_storm_of_sizes_near_the_end_of_a_long_book_keeps_its_place() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut text = String::new();
    for c in 1..=400 {
        text.push_str(&format!("第{c}章 夜航\n\n"));
        for p in 0..5 {
            text.push_str(&format!("　　第{c}章第{p}段，船过江心，灯火渐远。\n\n"));
        }
    }
    let file = home.path().join("book.txt");
    std::fs::write(&file, text).expect("write");
    let path = file.to_str().expect("a UTF-8 path");
    let mut session = Session::open(&[path], 80, 24, home.path(), "第1章");
    session.send("G");
    session.wait_for("第400章第4段");
    session.send(&"k".repeat(17));
    session.settle();
    storm_and_back(&mut session, home.path(), (80, 24));
}
