//! The README's pictures, `docs/screenshot.svg` and
//! `docs/screenshot-vertical.svg`: the reader on a classical essay, in lines
//! and in vertical text, drawn by the app into a ratatui buffer and written out as SVG, so it
//! shows what the app really draws. The test compares the file with a fresh
//! rendering and fails when they differ; run it with `YUEDU_SCREENSHOT=write`
//! to write the file again:
//!
//!     YUEDU_SCREENSHOT=write cargo test --test integration screenshot::

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;
use yuedu::app::{App, Input, ReadingSettings};
use yuedu::config::Config;
use yuedu::keymap::Key;
use yuedu::library::Library;
use yuedu::ui::{render, theme::Theme};

const WIDTH: u16 = 100;
const HEIGHT: u16 = 30;
/// Keys from the first screen to the essay: to the articles pane, open the
/// first (岳陽樓記).
const KEYS: &str = "l enter";

/// One terminal cell in pixels; Han characters take two.
const CELL_W: u32 = 10;
const CELL_H: u32 = 21;
const FONT_SIZE: u32 = 16;
/// The default foreground and background (a dark terminal scheme).
const FOREGROUND: &str = "#d4d4d4";
const BACKGROUND: &str = "#1e1e1e";

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/classical")
}

fn screen(keys: &str) -> Buffer {
    let library = Library::from_dirs(&[fixture()]).expect("fixture library");
    let config = Config::default_config().expect("default config");
    let keymap = config.keymap.clone();
    let mut app = App::new(library, keymap, ReadingSettings::default(), WIDTH, HEIGHT);
    for name in keys.split_whitespace() {
        let effects = app.handle(Input::Key(Key::parse(name).expect("key")));
        app.work_here(effects);
    }
    let mut buf = Buffer::empty(Rect::new(0, 0, WIDTH, HEIGHT));
    render(&app, &Theme::dark(), &mut buf);
    buf
}

#[test]
fn the_readme_screenshot_is_current() {
    check_screenshot(KEYS, "docs/screenshot.svg", "慶曆四年春");
}

/// The reader in vertical text (`V`).
#[test]
fn the_readme_vertical_screenshot_is_current() {
    check_screenshot(&format!("{KEYS} V"), "docs/screenshot-vertical.svg", "慶曆四年");
}

/// Renders the reader after `keys`, checks that it shows `shown`, and
/// compares it with the SVG at `file` (or writes it).
fn check_screenshot(keys: &str, file: &str, shown: &str) {
    let buf = screen(keys);
    let text: String = (0..HEIGHT)
        .flat_map(|y| (0..WIDTH).map(move |x| (x, y)))
        .map(|(x, y)| buf[(x, y)].symbol().replace(" ", ""))
        .collect();
    let columns: String = (0..WIDTH)
        .rev()
        .flat_map(|x| (0..HEIGHT).map(move |y| (x, y)))
        .map(|(x, y)| buf[(x, y)].symbol().replace(" ", ""))
        .collect();
    assert!(
        text.contains("岳陽樓記") || columns.contains("岳陽樓記"),
        "the essay is open:\n{text}"
    );
    assert!(
        text.contains(shown) || columns.contains(shown),
        "its text is shown:\n{text}"
    );
    let svg = to_svg(&buf);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    if std::env::var_os("YUEDU_SCREENSHOT").is_some_and(|v| v == "write") {
        std::fs::create_dir_all(path.parent().expect("docs")).expect("mkdir docs");
        std::fs::write(&path, &svg).expect("write screenshot");
        return;
    }
    let saved = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        saved == svg,
        "{file} is not what the app draws now; \
         run `YUEDU_SCREENSHOT=write cargo test --test integration screenshot::` and look at it"
    );
}

/// A buffer as SVG: one rectangle per run of background colour, one text
/// element per run of style with every character placed on its cell.
fn to_svg(buf: &Buffer) -> String {
    let area = buf.area;
    let (w, h) = (u32::from(area.width) * CELL_W, u32::from(area.height) * CELL_H);
    let mut svg = String::new();
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="'Sarasa Mono SC', 'Noto Sans Mono CJK SC', 'Source Han Mono', ui-monospace, monospace" font-size="{FONT_SIZE}">"#
    );
    let _ = writeln!(svg, r#"<rect width="{w}" height="{h}" fill="{BACKGROUND}"/>"#);
    for y in area.top()..area.bottom() {
        let cells = row_cells(buf, y);
        for run in runs(&cells, |c| c.bg.clone()) {
            if run[0].bg != BACKGROUND {
                let width: u32 = run.iter().map(|c| c.width).sum();
                let _ = writeln!(
                    svg,
                    r#"<rect x="{}" y="{}" width="{}" height="{CELL_H}" fill="{}"/>"#,
                    run[0].x * CELL_W,
                    u32::from(y) * CELL_H,
                    width * CELL_W,
                    run[0].bg
                );
            }
        }
        let baseline = u32::from(y) * CELL_H + CELL_H * 3 / 4 + 1;
        for run in runs(&cells, |c| (c.fg.clone(), c.attributes.clone())) {
            let shown: Vec<&Cell> = run.iter().filter(|c| c.symbol.trim() != "").collect();
            if shown.is_empty() {
                continue;
            }
            let xs: Vec<String> = shown
                .iter()
                .flat_map(|c| {
                    // One x per character of the symbol (a grapheme may hold several).
                    let x = c.x * CELL_W;
                    c.symbol.chars().map(move |_| x.to_string())
                })
                .collect();
            let text: String = shown.iter().map(|c| escape(&c.symbol)).collect();
            let _ = writeln!(
                svg,
                r#"<text x="{}" y="{baseline}" fill="{}"{}>{text}</text>"#,
                xs.join(" "),
                run[0].fg,
                run[0].attributes
            );
        }
    }
    svg.push_str("</svg>\n");
    svg
}

/// A cell as drawn: its column, width, symbol, colours after reversing, and
/// SVG attributes for its modifiers.
#[derive(Clone, Debug)]
struct Cell {
    x: u32,
    width: u32,
    symbol: String,
    fg: String,
    bg: String,
    attributes: String,
}

/// The cells of a row a terminal shows: the cell after a wide character is
/// covered by it and skipped, as ratatui's backends do.
fn row_cells(buf: &Buffer, y: u16) -> Vec<Cell> {
    let mut cells = Vec::new();
    let mut x = buf.area.left();
    while x < buf.area.right() {
        let cell = &buf[(x, y)];
        let width = cell.symbol().width().max(1) as u32;
        let mut fg = colour(cell.fg, FOREGROUND);
        let mut bg = colour(cell.bg, BACKGROUND);
        if cell.modifier.contains(Modifier::REVERSED) {
            std::mem::swap(&mut fg, &mut bg);
        }
        let mut attributes = String::new();
        if cell.modifier.contains(Modifier::BOLD) {
            attributes.push_str(r#" font-weight="bold""#);
        }
        if cell.modifier.contains(Modifier::ITALIC) {
            attributes.push_str(r#" font-style="italic""#);
        }
        if cell.modifier.contains(Modifier::UNDERLINED) {
            attributes.push_str(r#" text-decoration="underline""#);
        }
        if cell.modifier.contains(Modifier::DIM) {
            attributes.push_str(r#" opacity="0.6""#);
        }
        cells.push(Cell {
            x: u32::from(x),
            width,
            symbol: cell.symbol().to_string(),
            fg,
            bg,
            attributes,
        });
        x = x.saturating_add(width as u16);
    }
    cells
}

/// Consecutive cells with the same key.
fn runs<K: PartialEq>(cells: &[Cell], key: impl Fn(&Cell) -> K) -> Vec<&[Cell]> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 1..=cells.len() {
        if i == cells.len() || key(&cells[i]) != key(&cells[start]) {
            if start < i {
                runs.push(&cells[start..i]);
            }
            start = i;
        }
    }
    runs
}

/// Colours as a common dark scheme (VS Code's terminal) draws the ANSI ones.
fn colour(colour: Color, default: &str) -> String {
    let ansi = [
        "#000000", "#cd3131", "#0dbc79", "#e5e510", "#2472c8", "#bc3fbc", "#11a8cd", "#e5e5e5", "#666666", "#f14c4c",
        "#23d18b", "#f5f543", "#3b8eea", "#d670d6", "#29b8db", "#ffffff",
    ];
    match (colour, yuedu::tui::palette_index(colour)) {
        (_, Some(i)) if i < 16 => ansi[usize::from(i)].to_string(),
        (_, Some(i)) => xterm_256(i),
        (Color::Rgb(r, g, b), None) => format!("#{r:02x}{g:02x}{b:02x}"),
        _ => default.to_string(),
    }
}

/// The xterm 256-colour palette beyond the first 16: a 6×6×6 cube, then greys.
fn xterm_256(i: u8) -> String {
    if i >= 232 {
        let v = 8 + 10 * (i - 232);
        return format!("#{v:02x}{v:02x}{v:02x}");
    }
    let i = i - 16;
    let level = |n: u8| if n == 0 { 0 } else { 55 + 40 * n };
    format!("#{:02x}{:02x}{:02x}", level(i / 36), level(i / 6 % 6), level(i % 6))
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
