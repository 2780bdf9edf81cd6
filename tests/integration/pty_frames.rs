//! End-to-end: what the terminal shows is exactly the frame the reader drew.
//! The real binary pages through mixed text (Han, Latin, emoji, ambiguous
//! punctuation, full-width forms, kana) in a pseudo-terminal, at several
//! sizes and across resizes, with the search box's cursor over it; after
//! each step the emulator's screen is compared, cell by cell and style by
//! style, with the same reader state drawn into a buffer in this process.

#![cfg(unix)]

use crate::support;

use std::path::Path;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use support::Session;
use yuedu::app::{App, Input};
use yuedu::context::{Context, Places};
use yuedu::i18n::Lang;
use yuedu::keymap::{Key, KeyCode};
use yuedu::ui::theme::Theme;

/// Paragraphs of every kind of character the reader shows, some long
/// enough to wrap, one indented with full-width spaces.
fn mixed_text() -> String {
    let pieces = [
        "　　春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。",
        "他说：“床前明月光……疑是地上霜——举头望明月。”",
        "Latin words, café and naïve, between 汉字 and ＡＢＣ１２３！",
        "表情😀在中间，还有👍和🌸，以及旗🏳\u{fe0f}。",
        "かなとカナ、한글도 있다。①②③·§×",
        "「引号」与《书名》，『双引号』及〔括号〕。",
    ];
    let mut text = String::from("+++\ntitle = \"混合文字\"\n+++\n\n");
    for n in 0..60 {
        let piece = pieces[n % pieces.len()];
        let repeat = 1 + n % 4;
        text.push_str(&format!("第{n}段："));
        for _ in 0..repeat {
            text.push_str(piece);
        }
        text.push_str("\n\n");
    }
    text
}

/// The reader as the binary builds it for `yuedu FILE` (no saved state
/// yet), at `width`×`height`.
fn reader(path: &Path, width: u16, height: u16) -> (App, Theme) {
    let places = Places {
        config_file: None,
        data_dir: None,
        cache_dir: None,
        home: None,
    };
    // The pty session runs the binary in a Chinese locale.
    let context = Context::new(vec![path.to_path_buf()], None, places, Lang::Simplified).expect("context");
    let opening = context.open().expect("opens");
    let (mut app, theme) = yuedu::tui::reader_app(&context, opening.library, width, height);
    app.open_article(yuedu::library::ArticleId::at(0), None);
    app.handle(Input::Resize { width, height });
    (app, theme)
}

/// The frame `app` draws at `width`×`height`, and where its cursor shows.
fn frame(app: &App, theme: &Theme, width: u16, height: u16) -> (Buffer, Option<(u16, u16)>) {
    let mut buf = Buffer::empty(Rect::new(0, 0, width, height));
    let cursor = yuedu::ui::render(app, theme, &mut buf);
    (buf, cursor)
}

enum Step {
    Keys(&'static str),
    Resize(u16, u16),
}

#[test]
fn the_screen_is_the_frame_drawn_while_paging_resizing_and_searching() {
    let home = tempfile::tempdir().expect("home");
    let file = home.path().join("混合.md");
    std::fs::write(&file, mixed_text()).expect("write");
    let path = file.to_string_lossy().into_owned();
    let (mut width, mut height) = (80, 24);
    let mut session = Session::open(&[&path], width, height, home.path(), "春眠不觉晓");
    let (mut app, theme) = reader(&file, width, height);
    let (expected, cursor) = frame(&app, &theme, width, height);
    session.wait_for_frame(&expected, cursor, "the first page");

    let steps = [
        Step::Keys(" "),
        Step::Keys(" "),
        Step::Keys("b"),
        Step::Resize(100, 30),
        Step::Keys(" "),
        Step::Resize(60, 20),
        Step::Keys(" "),
        Step::Keys("j"),
        Step::Resize(37, 12),
        Step::Keys(" "),
        Step::Resize(120, 35),
        // The search box: a cursor after the query, over the text.
        Step::Keys("/"),
        Step::Keys("明月"),
        Step::Keys("\x1b"),
        Step::Keys(" "),
    ];
    for (n, step) in steps.iter().enumerate() {
        match *step {
            Step::Keys(keys) => {
                session.send(keys);
                for c in keys.chars() {
                    let key = match c {
                        ' ' => Key::parse("space").expect("space"),
                        '\x1b' => Key::plain(KeyCode::Esc),
                        c => Key::char(c),
                    };
                    // The search runs here as the reader's worker runs it.
                    let effects = app.handle(Input::Key(key));
                    app.work_here(effects);
                }
            }
            Step::Resize(w, h) => {
                (width, height) = (w, h);
                session.resize(w, h);
                app.handle(Input::Resize { width: w, height: h });
            }
        }
        let (expected, cursor) = frame(&app, &theme, width, height);
        session.wait_for_frame(&expected, cursor, &format!("step {n} at {width}×{height}"));
    }
    session.quit();
}
