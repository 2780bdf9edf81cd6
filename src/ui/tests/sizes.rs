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
