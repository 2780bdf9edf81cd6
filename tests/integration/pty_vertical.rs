//! End-to-end: vertical text (竖排) in the real binary. `V` at 30% of an
//! article puts the paragraph read in the rightmost column; five resizes
//! keep it there, and `V` again brings it back to the top line.

use crate::support;

use support::Session;

const HAN: &str = "春眠不觉晓处闻啼鸟夜来风雨声花落知多少";

/// Short numbered paragraphs (`【段0123】` and a few characters), each a
/// line of horizontal text and, in a window 20 rows high or more, a column
/// of vertical text.
fn article() -> String {
    let han: Vec<char> = HAN.chars().collect();
    (0..600)
        .map(|i| {
            let words: String = (0..6).map(|k| han[(i * 7 + k * 3) % han.len()]).collect();
            format!("【段{i:04}】{words}。\n\n")
        })
        .collect()
}

/// The paragraph number in `text` (`段0123` → 123), digits read in order.
fn number(text: &str) -> Option<usize> {
    let start = text.find('段')? + '段'.len_utf8();
    let digits: String = text[start..].chars().take_while(char::is_ascii_digit).collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// The paragraph on the first line of horizontal text on screen.
fn top_line(session: &Session) -> Option<usize> {
    session.screen().lines().find(|l| l.contains('段')).and_then(number)
}

/// The paragraph in the rightmost column of vertical text: the rightmost
/// cell with something in it above the status and scrollbar rows starts
/// that column; its cells read top to bottom.
fn right_column(session: &Session, cols: u16, rows: u16) -> Option<usize> {
    let text_rows = 0..rows.saturating_sub(2);
    let filled = |row: u16, col: u16| !session.cell(row, col).trim().is_empty();
    let x = (0..cols).rev().find(|&x| text_rows.clone().any(|r| filled(r, x)))?;
    // The second cell of a wide character is empty: x is the column's left cell.
    let column: String = text_rows.map(|r| session.cell(r, x)).collect();
    number(&column)
}

#[test]
fn switching_to_vertical_at_30_percent_through_five_resizes_and_back_keeps_the_paragraph() {
    let home = tempfile::tempdir().expect("tempdir");
    let file = home.path().join("段落.md");
    std::fs::write(&file, article()).expect("write");
    let path = file.to_str().expect("UTF-8 path");
    let mut session = Session::open(&[path], 80, 24, home.path(), "【段0000】");
    session.send("30%");
    session.wait_until("30% on the status line", |s| {
        s.screen().lines().last().is_some_and(|l| l.contains("30%"))
    });
    let read = top_line(&session).unwrap_or_else(|| panic!("a paragraph on top:\n{}", session.screen()));
    assert!((150..=210).contains(&read), "30% of 600 paragraphs: {read}");

    session.send("V");
    session.wait_until("the paragraph read in the rightmost column", |s| {
        right_column(s, 80, 24) == Some(read)
    });
    assert!(
        session.screen().contains('︻'),
        "【 in its vertical form:\n{}",
        session.screen()
    );
    for (cols, rows) in [(120, 35), (60, 22), (100, 40), (70, 26), (80, 24)] {
        session.resize(cols, rows);
        // The old frame may still show the paragraph on the right: wait for
        // the frame drawn at the new size (its status line on the last row,
        // ending at the right edge) before looking.
        session.wait_until(&format!("paragraph {read} on the right at {cols}×{rows}"), |s| {
            let last = rows - 1;
            let status_at_edge = (cols.saturating_sub(4)..cols).any(|x| s.cell(last, x) == "助");
            status_at_edge && right_column(s, cols, rows) == Some(read)
        });
    }
    session.send("V");
    session.wait_until("the same paragraph on the top line", |s| top_line(s) == Some(read));
    session.settle();
    assert_eq!(top_line(&session), Some(read), "{}", session.screen());
    session.quit();
}
