//! Frames written through `Screen` into a terminal emulator (vt100) show
//! exactly the frame drawn, over many frames of mixed text, styles and
//! sizes; and a page of Chinese text costs about its own bytes.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Size;
use ratatui::style::{Color, Modifier, Style};
use unicode_segmentation::UnicodeSegmentation;

use super::Screen;
use crate::text::{AmbiguousWidth, grapheme_width};

/// Text of every kind the reader shows: Han, kana, hangul, full-width
/// forms, ambiguous punctuation, Latin with accents, emoji (one with a
/// variation selector), a combining mark, half-width katakana with a sound mark.
const PIECES: &[&str] = &[
    "春眠不觉晓，处处闻啼鸟。",
    "　　夜来风雨声",
    "“花落知多少”……——",
    "かなカナ한글",
    "ＡＢＣ１２３！",
    "Latin text, café ",
    "😀👩🏳\u{fe0f}",
    "·①②§¶×",
    "e\u{301}a",
    "ｶﾞｷﾞ",
    "「引号」《书名》",
    "   ",
];

/// Draws `text` at (x, y) as the reader does (`ui::draw::put_str`): the
/// project's widths, a wide ambiguous character given two columns.
fn put(buf: &mut Buffer, x: u16, y: u16, text: &str, style: Style, ambiguous: AmbiguousWidth) -> u16 {
    let right = buf.area.right();
    let mut x = x;
    for grapheme in text.graphemes(true) {
        let width = grapheme_width(grapheme, ambiguous) as u16;
        if width == 0 {
            continue;
        }
        if x + width > right {
            break;
        }
        let cell = &mut buf[(x, y)];
        cell.set_symbol(grapheme).set_style(style);
        if usize::from(width) != grapheme_width(grapheme, AmbiguousWidth::Narrow) {
            cell.diff_option = CellDiffOption::ForcedWidth(NonZeroU16::new(width).expect("wide"));
        }
        for covered in x + 1..x + width {
            buf[(covered, y)].reset();
            buf[(covered, y)].set_style(style);
        }
        x += width;
    }
    x
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const STYLES: &[Style] = &[
    Style::new(),
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    Style::new().add_modifier(Modifier::DIM),
    Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
    Style::new().fg(Color::Black).bg(Color::Yellow),
    Style::new().add_modifier(Modifier::REVERSED),
    Style::new().fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
    Style::new().fg(Color::Indexed(208)).bg(Color::Rgb(10, 20, 30)),
];

/// A frame of a reader's shape: a column of text rows with margins, some
/// rows short, some blank, a status line, now and then a box over it.
fn random_frame(rng: &mut Rng, buf: &mut Buffer, ambiguous: AmbiguousWidth) {
    let area = buf.area;
    let margin = rng.below(usize::from(area.width / 4) + 1) as u16;
    for y in 0..area.height.saturating_sub(1) {
        if rng.below(5) == 0 {
            continue;
        }
        let mut x = margin;
        let end = area.width - rng.below(usize::from(area.width - margin) / 2 + 1) as u16;
        while x < end {
            let piece = PIECES[rng.below(PIECES.len())];
            let style = if rng.below(4) == 0 {
                STYLES[rng.below(STYLES.len())]
            } else {
                Style::new()
            };
            let next = put(buf, x, y, piece, style, ambiguous);
            if next == x {
                break;
            }
            x = next;
        }
    }
    let status = Style::new().add_modifier(Modifier::REVERSED);
    for x in 0..area.width {
        buf[(x, area.height - 1)].set_style(status);
    }
    put(buf, 1, area.height - 1, "第3章 12/340 “春晓” 3%", status, ambiguous);
    if rng.below(3) == 0 && area.width > 12 && area.height > 6 {
        // An overlay box over part of the text, its text starting at an odd column.
        let (left, top) = (3 + rng.below(5) as u16, 2);
        for y in top..top + 3 {
            for x in left..area.width - 3 {
                buf[(x, y)].reset();
                buf[(x, y)].set_style(STYLES[4]);
            }
            put(buf, left + 1, y, PIECES[rng.below(PIECES.len())], STYLES[4], ambiguous);
        }
    }
}

fn vt_color(color: Color) -> vt100::Color {
    match (color, super::palette_index(color)) {
        (_, Some(index)) => vt100::Color::Idx(index),
        (Color::Rgb(r, g, b), None) => vt100::Color::Rgb(r, g, b),
        _ => vt100::Color::Default,
    }
}

/// Checks that the emulator's screen shows `buf`: every glyph where it
/// belongs in its style, every blank blank with its background. A glyph's
/// columns together hold its text: a terminal may draw the parts of a
/// cluster (ｶﾞ) in columns of their own.
pub fn assert_shows(screen: &vt100::Screen, buf: &Buffer, context: &str) {
    use ratatui::buffer::CellWidth;
    for y in 0..buf.area.height {
        let row: Vec<&vt100::Cell> = (0..buf.area.width)
            .map(|x| screen.cell(y, x).expect("a cell"))
            .collect();
        let mut x = 0;
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            let width = cell.cell_width().clamp(1, buf.area.width - x);
            let shown = row[usize::from(x)];
            let symbol = cell.symbol();
            let text: String = row[usize::from(x)..usize::from(x + width)]
                .iter()
                .map(|c| c.contents())
                .collect();
            let blank = symbol.trim().is_empty();
            let looks = |on: bool| {
                [
                    on.then(|| shown.fgcolor()),
                    on.then(|| shown.bold()).map(|b| vt100::Color::Idx(u8::from(b))),
                    on.then(|| shown.dim()).map(|b| vt100::Color::Idx(u8::from(b))),
                    on.then(|| shown.italic()).map(|b| vt100::Color::Idx(u8::from(b))),
                    Some(shown.bgcolor()),
                    Some(vt100::Color::Idx(u8::from(shown.inverse()))),
                    Some(vt100::Color::Idx(u8::from(shown.underline()))),
                ]
            };
            let has = |m: Modifier| vt100::Color::Idx(u8::from(cell.modifier.contains(m)));
            let meant = [
                (!blank).then(|| vt_color(cell.fg)),
                (!blank).then(|| has(Modifier::BOLD)),
                (!blank).then(|| has(Modifier::DIM)),
                (!blank).then(|| has(Modifier::ITALIC)),
                Some(vt_color(cell.bg)),
                Some(has(Modifier::REVERSED)),
                Some(has(Modifier::UNDERLINED)),
            ];
            let text_ok = if blank { text.trim().is_empty() } else { text == symbol };
            assert!(
                text_ok && looks(!blank) == meant,
                "{context}: row {y} column {x}: {text:?} looking {:?} instead of {symbol:?} looking {meant:?}",
                looks(!blank)
            );
            x += width;
        }
    }
}

fn terminal(width: u16, height: u16) -> Screen<Vec<u8>> {
    Screen::with_size(Vec::new(), Size { width, height })
}

fn parser(width: u16, height: u16) -> vt100::Parser {
    vt100::Parser::new(
        NonZeroU16::new(height).expect("rows"),
        NonZeroU16::new(width).expect("columns"),
        0,
    )
}

/// Draws `frame` and feeds what was written to `parser`; returns the bytes.
fn show(terminal: &mut Screen<Vec<u8>>, parser: &mut vt100::Parser, frame: &Buffer) -> usize {
    let before = terminal.output().len();
    terminal
        .draw(|buf| {
            buf.clone_from(frame);
            None
        })
        .expect("draws");
    let written = &terminal.output()[before..];
    parser.process(written);
    written.len()
}

#[test]
fn the_emulator_shows_every_frame_drawn_at_every_size_and_after_resizes() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    // What the terminal said about ambiguous characters, and how they are
    // drawn. The emulator draws them narrow: drawn wide, they must still
    // come out right where the terminal has said nothing or disagrees.
    let (narrow, wide) = (AmbiguousWidth::Narrow, AmbiguousWidth::Wide);
    for (ambiguous, drawn) in [
        (None, narrow),
        (None, wide),
        (Some(narrow), narrow),
        (Some(narrow), wide),
    ] {
        let (mut width, mut height) = (80, 24);
        let mut terminal = terminal(width, height);
        terminal.set_ambiguous(ambiguous);
        let mut parser = parser(width, height);
        for frame in 0..24 {
            if frame % 8 == 7 {
                let sizes = [(60, 20), (100, 30), (37, 9), (120, 35), (80, 24)];
                (width, height) = sizes[rng.below(sizes.len())];
                terminal.fixed_size = Some(Size { width, height });
                // As the event loop does on each resize event.
                terminal.forget_shown();
                parser.screen_mut().set_size(
                    NonZeroU16::new(height).expect("rows"),
                    NonZeroU16::new(width).expect("columns"),
                );
            }
            let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, width, height));
            random_frame(&mut rng, &mut buf, drawn);
            show(&mut terminal, &mut parser, &buf);
            assert_shows(
                parser.screen(),
                &buf,
                &format!("{ambiguous:?} drawn {drawn:?}, frame {frame}, {width}×{height}"),
            );
        }
    }
}

/// A window resized and back to its size, with a frame of another size
/// written in between (the terminal had that size when it came): the next
/// frame, drawn the same as the last, still leaves nothing of that one.
#[test]
fn after_a_resize_back_to_the_same_size_the_next_frame_is_written_whole() {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let (width, height) = (60, 20);
    let mut screen = terminal(width, height);
    let mut parser = parser(width, height);
    let mut frame = Buffer::empty(ratatui::layout::Rect::new(0, 0, width, height));
    random_frame(&mut rng, &mut frame, AmbiguousWidth::Narrow);
    show(&mut screen, &mut parser, &frame);
    // What a frame for a larger window leaves in this one.
    let mut other = terminal(100, 30);
    let mut larger = Buffer::empty(ratatui::layout::Rect::new(0, 0, 100, 30));
    random_frame(&mut rng, &mut larger, AmbiguousWidth::Narrow);
    show(&mut other, &mut parser, &larger);
    let unchanged = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        assert_shows(parser.screen(), &frame, "the first frame");
    }));
    assert!(unchanged.is_err(), "the other frame changed the screen");
    screen.forget_shown();
    show(&mut screen, &mut parser, &frame);
    assert_shows(parser.screen(), &frame, "the same frame after a resize and back");
}

/// A page of text: each row `rows` characters of `text` from `start` on,
/// with a margin of 10 columns.
fn page(width: u16, height: u16, text: &[char], start: usize) -> (Buffer, usize) {
    let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, width, height));
    let mut bytes = 0;
    let per_row = usize::from(width - 20) / 2;
    for y in 0..height - 1 {
        let row: String = text
            .iter()
            .cycle()
            .skip(start + usize::from(y) * per_row)
            .take(per_row)
            .collect();
        bytes += row.len();
        put(&mut buf, 10, y, &row, Style::new(), AmbiguousWidth::Narrow);
    }
    (buf, bytes)
}

#[test]
fn a_page_of_chinese_text_costs_little_more_than_its_text() {
    let text: Vec<char> = "春眠不觉晓处处闻啼鸟夜来风雨声花落知多少。床前明月光，疑是地上霜。举头望明月"
        .chars()
        .collect();
    let (width, height) = (100, 30);
    let mut terminal = terminal(width, height);
    let mut parser = parser(width, height);
    let (first, _) = page(width, height, &text, 0);
    show(&mut terminal, &mut parser, &first);
    let (second, text_bytes) = page(width, height, &text, 7);
    let written = show(&mut terminal, &mut parser, &second);
    assert_shows(parser.screen(), &second, "the second page");
    // One move per row and the text: no move before each character.
    let rows = usize::from(height - 1);
    assert!(
        written <= text_bytes + 10 * rows,
        "{written} bytes for {text_bytes} bytes of text in {rows} rows"
    );
}

#[test]
fn a_row_turned_blank_is_erased_with_one_sequence() {
    let text: Vec<char> = "春眠不觉晓处处闻啼鸟".chars().collect();
    let (width, height) = (60, 10);
    let mut terminal = terminal(width, height);
    let mut parser = parser(width, height);
    let (full, _) = page(width, height, &text, 0);
    show(&mut terminal, &mut parser, &full);
    let blank = Buffer::empty(ratatui::layout::Rect::new(0, 0, width, height));
    let written = show(&mut terminal, &mut parser, &blank);
    assert_shows(parser.screen(), &blank, "blank");
    assert!(
        written <= 10 * usize::from(height),
        "{written} bytes to blank {height} rows"
    );
}

#[test]
fn a_character_of_uncertain_width_is_followed_by_a_move() {
    let (width, height) = (40, 3);
    let mut terminal = terminal(width, height);
    let mut parser = parser(width, height);
    let mut buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, width, height));
    put(&mut buf, 0, 0, "好😀好“好", Style::new(), AmbiguousWidth::Narrow);
    show(&mut terminal, &mut parser, &buf);
    let out = String::from_utf8_lossy(terminal.output()).into_owned();
    // After the emoji and after the ambiguous quote (the terminal has not
    // said how it draws those), the next character is placed explicitly.
    assert!(out.contains("😀\x1b[5G好"), "{out:?}");
    assert!(out.contains("“\x1b[8G好"), "{out:?}");
    assert!(out.contains("\x1b[2X😀"), "{out:?}");

    let mut terminal = self::terminal(width, height);
    terminal.set_ambiguous(Some(AmbiguousWidth::Narrow));
    show(&mut terminal, &mut parser, &buf);
    let out = String::from_utf8_lossy(terminal.output()).into_owned();
    assert!(
        out.contains("好“好"),
        "once the terminal said, the quote is followed at once: {out:?}"
    );
}

#[test]
fn the_cursor_is_shown_and_hidden_only_when_that_changes() {
    let mut terminal = terminal(20, 4);
    let buf = Buffer::empty(ratatui::layout::Rect::new(0, 0, 20, 4));
    for _ in 0..3 {
        terminal
            .draw(|frame| {
                frame.clone_from(&buf);
                None
            })
            .expect("draws");
    }
    let out = String::from_utf8_lossy(terminal.output()).into_owned();
    assert_eq!(out.matches("\x1b[?25l").count(), 1, "{out:?}");
}
