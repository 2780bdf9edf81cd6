//! The reading place through storms of resizes: sizes where the article
//! fits on one page, sizes where the end of a long book pulls the page up,
//! and back. Clamping the page for display never moves or saves the place.

use super::*;

/// A storm of window sizes: small, the common ones, and large enough for a
/// short article to fit whole or for the last page of a book to reach far
/// above the place read.
fn storm() -> Vec<(u16, u16)> {
    let mut sizes = vec![(100, 50), (80, 24), (200, 60), (60, 20), (250, 120), (20, 5), (140, 40)];
    let mut seed: u32 = 0x5eed;
    for _ in 0..25 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let width = 20 + (seed >> 16) as u16 % 240;
        let height = 5 + (seed >> 8) as u16 % 120;
        sizes.push((width, height));
    }
    sizes
}

/// The place read, its share, and the text the top of the page shows (the
/// start of its top line, or the head rows above the first line).
fn place(app: &App) -> (usize, usize, (usize, i128)) {
    let reader = app.reader.as_ref().expect("an article open");
    let top = reader.layout.line(reader.top).map_or(0, |l| l.range.start);
    (reader.offset(), reader.percent(), (top, reader.position().min(0)))
}

/// Every position a checkpoint saves is `offset`.
fn assert_saves_only(app: &mut App, offset: usize, size: (u16, u16)) {
    for effect in app.checkpoint() {
        if let Effect::Save(Change::SetPosition { position, .. }) = effect {
            assert_eq!(position.offset, offset, "saved at {size:?}");
        }
    }
}

/// Resizes through the storm and back to `home`: the place never moves,
/// nothing else is saved, and back home the same line is on top.
pub(super) fn resize_through_the_storm(app: &mut App, home: (u16, u16)) {
    let before = place(app);
    for size in storm() {
        app.handle(Input::Resize {
            width: size.0,
            height: size.1,
        });
        let (offset, percent, _) = place(app);
        assert_eq!((offset, percent), (before.0, before.1), "the place moved at {size:?}");
        assert_saves_only(app, before.0, size);
        // Straight back from every size, not only at the end of the storm.
        app.handle(Input::Resize {
            width: home.0,
            height: home.1,
        });
        assert_eq!(place(app), before, "back from {size:?}");
    }
    let key = app
        .state_key(app.reader.as_ref().map_or(nth(app, 0), |r| r.article))
        .to_string();
    press(app, "q");
    assert_eq!(app.saved.positions.get(&key).map(|p| p.offset), Some(before.0));
}

#[test]
fn a_resize_to_where_the_article_fits_and_back_keeps_the_place() {
    for article in 0..3 {
        let mut app = app(80, 24);
        app.open_article(nth(&app, article), Some(0));
        press(&mut app, &"j ".repeat(15));
        assert!(place(&app).1 > 0, "article {article} read on");
        resize_through_the_storm(&mut app, (80, 24));
    }
}

/// A novel of 300 chapters, about 150 KB, in a folder of its own.
pub(super) fn long_book() -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut text = String::new();
    for c in 1..=300 {
        text.push_str(&format!("第{c}章 夜航\n\n"));
        for p in 0..6 {
            text.push_str(&format!(
                "　　第{c}章第{p}段，船过江心，灯火渐远，她说：“再等一等。”\n\n"
            ));
        }
    }
    std::fs::write(dir.path().join("书.txt"), text).expect("write");
    let app = book_app(&dir, 80, 24);
    (dir, app)
}

/// An app over the book in `dir`, laid out around the place read.
fn book_app(dir: &tempfile::TempDir, width: u16, height: u16) -> App {
    let library = Library::from_dirs(&[dir.path().to_path_buf()]).expect("library");
    assert!(library.article_at(0).expect("article").body.text.len() > 2 * 64 * 1024);
    let config = Config::default_config().expect("default config");
    App::new(
        library,
        config.keymap.clone(),
        ReadingSettings::default(),
        width,
        height,
    )
}

#[test]
fn near_the_end_of_a_long_book_a_resize_larger_and_back_keeps_the_place() {
    for back in [4, 17] {
        let (_dir, mut app) = long_book();
        app.open_article(nth(&app, 0), Some(0));
        press(&mut app, "G");
        press(&mut app, &"k ".repeat(back));
        assert!(place(&app).1 > 95, "near the end");
        resize_through_the_storm(&mut app, (80, 24));
    }
}

#[test]
fn a_place_saved_near_the_end_opens_there_in_a_larger_window_and_stays() {
    let (dir, mut app) = long_book();
    app.open_article(nth(&app, 0), Some(0));
    press(&mut app, "G k k k k k k k k k k");
    let (offset, percent, _) = place(&app);
    press(&mut app, "q");
    let mut large = book_app(&dir, 200, 100);
    large.load_saved(app.saved.clone());
    large.open_article(nth(&large, 0), None);
    assert_eq!(place(&large).0, offset, "opened at the saved place");
    assert_eq!(place(&large).1, percent);
    large.handle(Input::Resize { width: 80, height: 24 });
    assert_eq!(place(&large).0, offset);
}
