//! The library and the reader (at the start of an article, halfway through
//! and at its end mark) at the window sizes readers use, from 60×20 to 140×40.

use super::{app, screen};

const SIZES: [(u16, u16); 4] = [(60, 20), (80, 24), (100, 30), (140, 40)];

/// Screens after `keys`, one snapshot per size, named `{name}_{w}x{h}`.
fn snapshots(name: &str, keys: &str) {
    for (width, height) in SIZES {
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(&app(width, height, keys)));
    }
}

#[test]
fn library_at_every_size() {
    snapshots("library", "");
}

#[test]
fn reader_start_at_every_size() {
    snapshots("reader_start", "j l l");
}

#[test]
fn reader_middle_at_every_size() {
    snapshots("reader_middle", "j l l 5 0 %");
}

#[test]
fn reader_end_at_every_size() {
    snapshots("reader_end", "j l l G");
}

#[test]
fn the_end_mark_names_the_next_article_and_the_key_that_opens_it() {
    let rebound = super::app_with("[keys]\npage_down = [\"ctrl-n\"]\n", 80, 24, "j l l G");
    let shown = screen(&rebound);
    assert!(shown.contains("— 完 —"), "{shown}");
    assert!(shown.contains("下一篇（Ctrl-n）：如何做好医院统计信息工作"), "{shown}");
    let last = screen(&app(80, 24, "j j l l G"));
    assert!(last.contains("已是最后一篇") && !last.contains("下一篇"), "{last}");
}
