//! `show --vertical`: an article in vertical text, in pages of the size
//! asked for, read right to left, column by column.

use unicode_width::UnicodeWidthStr;

use super::yuedu;

/// Han characters only: what both directions show the same way.
fn han(text: &str) -> String {
    text.chars().filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).collect()
}

/// The text of a page read as vertical text: its columns, two cells wide
/// and `gap` cells apart from the right edge of `width`, each top to bottom.
fn read_page(lines: &[&str], width: usize, gap: usize) -> String {
    let grid: Vec<Vec<(usize, char)>> = lines
        .iter()
        .map(|line| {
            let mut x = 0;
            line.chars()
                .map(|c| {
                    let at = x;
                    x += c.to_string().width();
                    (at, c)
                })
                .collect()
        })
        .collect();
    let mut text = String::new();
    let mut right = width;
    while right >= 2 {
        let left = right - 2;
        for row in &grid {
            text.extend(row.iter().filter(|(x, _)| (left..right).contains(x)).map(|(_, c)| *c));
        }
        right = right.saturating_sub(2 + gap);
    }
    text
}

#[test]
fn show_vertical_prints_pages_of_the_size_asked_read_from_the_right() {
    let (width, height) = (30, 10);
    let out = yuedu()
        .args(["show", "guwen/yue-yang-lou-ji", "--vertical"])
        .args(["--width", &width.to_string(), "--height", &height.to_string()])
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let pages: Vec<Vec<&str>> = text.split("\u{c}\n").map(|page| page.lines().collect()).collect();
    assert!(pages.len() > 3, "{text}");
    for page in &pages {
        assert_eq!(page.len(), height, "{page:?}");
        assert!(page.iter().all(|line| line.width() <= width), "{page:?}");
        assert!(page.iter().all(|line| !line.contains('\u{c}')));
    }
    // The title down the rightmost column.
    let first = read_page(&pages[0], width, 1);
    assert!(first.starts_with("岳陽樓記"), "{first}");
    // Every Han character of the body, in order, as horizontal `show` prints it.
    let read: String = pages.iter().map(|p| read_page(p, width, 1)).collect();
    let flat = yuedu()
        .args(["show", "guwen/yue-yang-lou-ji", "--width", "400"])
        .output()
        .expect("runs");
    assert_eq!(han(&read), han(&String::from_utf8_lossy(&flat.stdout)));
    // Punctuation in its vertical forms.
    assert!(read.contains('\u{fe12}'), "。 as ︒");
}

#[test]
fn height_needs_vertical() {
    let out = yuedu()
        .args(["show", "guwen/yue-yang-lou-ji", "--height", "10"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}
