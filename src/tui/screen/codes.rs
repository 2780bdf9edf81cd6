//! The escape sequences the screen writes, each as short as what the
//! terminal is known to hold allows: a cursor move relative to a known
//! cursor, a style change that names only what changed.

use std::io::Write;

use ratatui::buffer::Cell;
use ratatui::style::{Color, Modifier};

/// Where the terminal's cursor is, as far as what was written tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cursor {
    At {
        x: u16,
        y: u16,
    },
    /// On this row, at a column not known.
    OnRow(u16),
    Unknown,
}

impl Cursor {
    fn row(self) -> Option<u16> {
        match self {
            Cursor::At { y, .. } | Cursor::OnRow(y) => Some(y),
            Cursor::Unknown => None,
        }
    }
}

/// Appends the shortest sequence that moves the cursor from `from` to (`x`,
/// `y`); nothing where it is, as for most glyphs, told where it is called.
#[inline]
pub fn move_to(out: &mut Vec<u8>, from: Cursor, x: u16, y: u16) {
    if from != (Cursor::At { x, y }) {
        write_move(out, from, x, y);
    }
}

fn write_move(out: &mut Vec<u8>, from: Cursor, x: u16, y: u16) {
    let mut best = Vec::with_capacity(12);
    // Absolute: always right.
    if x == 0 {
        let _ = write!(best, "\x1b[{}H", u32::from(y) + 1);
    } else {
        let _ = write!(best, "\x1b[{};{}H", u32::from(y) + 1, u32::from(x) + 1);
    }
    let mut consider = |candidate: Vec<u8>| {
        if candidate.len() < best.len() {
            best = candidate;
        }
    };
    match (from, from.row()) {
        (Cursor::At { x: from_x, y: from_y }, _) if from_y == y && from_x < x => {
            consider(relative(x - from_x, b'C'));
        }
        (Cursor::At { x: from_x, y: from_y }, _) if from_y == y && from_x > x && x > 0 => {
            consider(relative(from_x - x, b'D'));
        }
        _ => {}
    }
    if from.row() == Some(y) {
        consider(column(x));
    }
    // A line feed keeps the column, or goes to the line's start on
    // terminals in new-line mode: the column is then set absolutely.
    if from.row().is_some_and(|row| u32::from(row) + 1 == u32::from(y)) {
        let mut feed = vec![b'\n'];
        feed.extend(column(x));
        consider(feed);
    }
    out.extend_from_slice(&best);
}

/// The cursor `n` columns right (`C`) or left (`D`).
fn relative(n: u16, direction: u8) -> Vec<u8> {
    let mut out = b"\x1b[".to_vec();
    if n > 1 {
        let _ = write!(out, "{n}");
    }
    out.push(direction);
    out
}

/// The cursor to column `x` of its row.
fn column(x: u16) -> Vec<u8> {
    if x == 0 {
        return b"\r".to_vec();
    }
    let mut out = Vec::with_capacity(7);
    let _ = write!(out, "\x1b[{}G", u32::from(x) + 1);
    out
}

/// The style a cell is drawn with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pen {
    pub fg: Color,
    pub bg: Color,
    pub modifier: Modifier,
}

impl Pen {
    /// The terminal's default style, as after `ESC [ 0 m`.
    pub const PLAIN: Pen = Pen {
        fg: Color::Reset,
        bg: Color::Reset,
        modifier: Modifier::empty(),
    };

    pub fn of(cell: &Cell) -> Pen {
        Pen {
            fg: cell.fg,
            bg: cell.bg,
            modifier: cell.modifier,
        }
    }
}

/// Modifiers and the parameters that turn them on and off. Bold and dim
/// share their "off" (22), as both blinks do (25).
const MODIFIERS: [(Modifier, &str, &str); 9] = [
    (Modifier::BOLD, "1", "22"),
    (Modifier::DIM, "2", "22"),
    (Modifier::ITALIC, "3", "23"),
    (Modifier::UNDERLINED, "4", "24"),
    (Modifier::SLOW_BLINK, "5", "25"),
    (Modifier::RAPID_BLINK, "6", "25"),
    (Modifier::REVERSED, "7", "27"),
    (Modifier::HIDDEN, "8", "28"),
    (Modifier::CROSSED_OUT, "9", "29"),
];

/// Appends one SGR sequence that changes the style from `from` (`None`:
/// not known) to `to`; nothing when they are the same, as for most glyphs,
/// told where it is called.
#[inline]
pub fn set_pen(out: &mut Vec<u8>, from: Option<Pen>, to: Pen) {
    if from != Some(to) {
        write_pen(out, from, to);
    }
}

fn write_pen(out: &mut Vec<u8>, from: Option<Pen>, to: Pen) {
    let whole = params(Pen::PLAIN, to, true).join(";");
    let params = match from {
        Some(from) => {
            let changes = params(from, to, false).join(";");
            if changes.len() <= whole.len() { changes } else { whole }
        }
        None => whole,
    };
    out.extend_from_slice(b"\x1b[");
    out.extend_from_slice(params.as_bytes());
    out.push(b'm');
}

/// The parameters that change `from` into `to`, after a reset first if `reset`.
fn params(from: Pen, to: Pen, reset: bool) -> Vec<String> {
    let mut params: Vec<String> = Vec::new();
    if reset {
        params.push("0".into());
    }
    let removed = from.modifier - to.modifier;
    // An "off" that also turns off a modifier that stays: set it again.
    let mut again = Modifier::empty();
    for (modifier, _, off) in MODIFIERS {
        if removed.contains(modifier) && !params.iter().any(|p| p == off) {
            params.push(off.into());
            for (other, _, other_off) in MODIFIERS {
                if other_off == off && to.modifier.contains(other) {
                    again |= other;
                }
            }
        }
    }
    let added = (to.modifier - from.modifier) | again;
    for (modifier, on, _) in MODIFIERS {
        if added.contains(modifier) {
            params.push(on.into());
        }
    }
    if to.fg != from.fg {
        params.push(color(to.fg, 3));
    }
    if to.bg != from.bg {
        params.push(color(to.bg, 4));
    }
    params
}

/// A colour as SGR parameters, for the foreground (`layer` 3) or the
/// background (4): the 256-colour form for the 16 named colours, as
/// crossterm writes them, so bold text keeps its colour on terminals that
/// brighten bold text in the 8 basic colours.
fn color(color: Color, layer: u8) -> String {
    match (color, palette_index(color)) {
        (_, Some(index)) => format!("{layer}8;5;{index}"),
        (Color::Rgb(r, g, b), None) => format!("{layer}8;2;{r};{g};{b}"),
        _ => format!("{layer}9"),
    }
}

/// The terminal's 256-colour palette index of a named or indexed colour
/// (the 16 named ones are its first 16); `None` for the default colour and
/// for RGB colours.
pub fn palette_index(color: Color) -> Option<u8> {
    Some(match color {
        Color::Reset | Color::Rgb(..) => return None,
        Color::Indexed(i) => i,
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved(from: Cursor, x: u16, y: u16) -> String {
        let mut out = Vec::new();
        move_to(&mut out, from, x, y);
        String::from_utf8(out).expect("ASCII")
    }

    #[test]
    fn moves_are_as_short_as_the_known_cursor_allows() {
        assert_eq!(moved(Cursor::At { x: 4, y: 2 }, 4, 2), "");
        assert_eq!(moved(Cursor::At { x: 4, y: 2 }, 5, 2), "\x1b[C");
        assert_eq!(moved(Cursor::At { x: 4, y: 2 }, 14, 2), "\x1b[10C");
        assert_eq!(moved(Cursor::OnRow(2), 14, 2), "\x1b[15G");
        assert_eq!(moved(Cursor::At { x: 30, y: 2 }, 0, 3), "\n\r");
        assert_eq!(moved(Cursor::At { x: 30, y: 2 }, 20, 3), "\n\x1b[21G");
        assert_eq!(moved(Cursor::Unknown, 20, 3), "\x1b[4;21H");
        assert_eq!(moved(Cursor::Unknown, 0, 3), "\x1b[4H");
        assert_eq!(moved(Cursor::At { x: 30, y: 9 }, 20, 3), "\x1b[4;21H");
    }

    fn pen(from: Option<Pen>, to: Pen) -> String {
        let mut out = Vec::new();
        set_pen(&mut out, from, to);
        String::from_utf8(out).expect("ASCII")
    }

    #[test]
    fn a_style_change_names_only_what_changed() {
        let title = Pen {
            fg: Color::Yellow,
            modifier: Modifier::BOLD,
            ..Pen::PLAIN
        };
        assert_eq!(pen(Some(Pen::PLAIN), Pen::PLAIN), "");
        assert_eq!(pen(Some(Pen::PLAIN), title), "\x1b[1;38;5;3m");
        assert_eq!(pen(Some(title), Pen::PLAIN), "\x1b[0m");
        assert_eq!(pen(None, Pen::PLAIN), "\x1b[0m");
        let dim = Pen {
            modifier: Modifier::DIM,
            ..Pen::PLAIN
        };
        // Turning bold off turns dim off too: it is set again.
        let both = Pen {
            modifier: Modifier::BOLD | Modifier::DIM,
            ..Pen::PLAIN
        };
        assert_eq!(pen(Some(both), dim), "\x1b[0;2m");
        let hit = Pen {
            fg: Color::Black,
            bg: Color::Yellow,
            ..Pen::PLAIN
        };
        assert_eq!(pen(Some(Pen::PLAIN), hit), "\x1b[38;5;0;48;5;3m");
        assert_eq!(
            pen(
                Some(hit),
                Pen {
                    bg: Color::Reset,
                    ..hit
                }
            ),
            "\x1b[49m"
        );
    }
}
