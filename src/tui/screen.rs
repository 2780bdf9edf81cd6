//! The reader's screen: frames drawn into a ratatui `Buffer` and written to
//! the terminal as runs of cells.
//!
//! ratatui's crossterm backend moves the cursor before every cell that is
//! not one column after the cell before it, so every wide character costs
//! a move (8 bytes for a character of 3) and a page of Chinese text three
//! times its size. `Screen` takes ratatui's `Terminal`'s place: it keeps
//! the frame the terminal shows and where its cursor stands, compares each
//! new frame with it whole (ratatui's diff leaves out the columns a wide
//! character covers, which a terminal may have cleared in any style when
//! another wide character was written over half of it), and writes each
//! row's changes in one run (`row`): no move after a character whose width
//! every terminal agrees on (`certain`), moves and style changes in their
//! shortest form (`codes`), the whole frame in one synchronized update and
//! one write. After any other character (an emoji, an ambiguous one before
//! the terminal said how wide it draws them) the next cell gets a move and
//! is written even if unchanged, so a terminal that disagrees garbles
//! nothing beyond that character.

mod certain;
mod codes;

pub use codes::palette_index;
mod row;
#[cfg(test)]
mod tests;

use std::io::{self, Write};

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::{Rect, Size};

use crate::text::AmbiguousWidth;
use codes::{Cursor, Pen, move_to, set_pen};

const BEGIN_UPDATE: &[u8] = b"\x1b[?2026h";
const END_UPDATE: &[u8] = b"\x1b[?2026l";
/// Erases from the cursor to the end of its row.
const ERASE_ROW: &[u8] = b"\x1b[K";

pub struct Screen<W: Write> {
    out: W,
    /// Bytes of the frame being written.
    pending: Vec<u8>,
    /// The size of the screen the terminal shows.
    area: Rect,
    /// The terminal shows blanks only (it was cleared), whatever `shown` holds.
    blank: bool,
    /// The frame the terminal shows, unless `blank`.
    shown: Buffer,
    /// The frame being drawn; the two change places once it is written, so
    /// a frame is never copied, and a blank screen needs no buffer of its
    /// own: the first frame allocates one buffer, not two.
    next: Buffer,
    /// Cells the frame being written writes: changed, or lost on screen.
    changed: Vec<bool>,
    /// The width of the glyph written at each cell (0: covered by the one before).
    spans: Vec<u16>,
    cursor: Cursor,
    /// The terminal's current style, `None` when not known.
    pen: Option<Pen>,
    cursor_visible: Option<bool>,
    /// How the terminal said it draws ambiguous characters.
    ambiguous: Option<AmbiguousWidth>,
    /// A size of its own (tests), else the terminal's.
    fixed_size: Option<Size>,
    /// One row's glyphs: (column, width).
    glyphs: Vec<(u16, u16)>,
}

impl<W: Write> Screen<W> {
    /// A screen writing to the terminal on `out`, which shows nothing yet.
    pub fn new(out: W) -> io::Result<Self> {
        let size = terminal_size()?;
        Ok(Self::build(out, size, None))
    }

    /// A screen of a fixed size writing to `out`.
    #[cfg(test)]
    pub fn with_size(out: W, size: Size) -> Self {
        Self::build(out, size, Some(size))
    }

    fn build(out: W, size: Size, fixed_size: Option<Size>) -> Self {
        let area = Rect::new(0, 0, size.width, size.height);
        Screen {
            out,
            pending: Vec::with_capacity(16 * 1024),
            // Entering full-screen mode cleared the screen.
            area,
            blank: true,
            shown: Buffer::empty(Rect::default()),
            next: Buffer::empty(Rect::default()),
            changed: vec![false; area.area() as usize],
            spans: vec![1; area.area() as usize],
            cursor: Cursor::Unknown,
            pen: None,
            cursor_visible: None,
            ambiguous: None,
            fixed_size,
            glyphs: Vec::new(),
        }
    }

    /// What the terminal said about ambiguous characters: from now on,
    /// those drawn at that width are followed without a move.
    pub fn set_ambiguous(&mut self, ambiguous: Option<AmbiguousWidth>) {
        self.ambiguous = ambiguous;
    }

    pub fn ambiguous(&self) -> Option<AmbiguousWidth> {
        self.ambiguous
    }

    /// Where the bytes go.
    #[cfg(test)]
    pub fn output(&self) -> &W {
        &self.out
    }

    /// The terminal's size as the screen last found it (when it was made,
    /// or at its last frame; nothing once `forget_shown`), without asking
    /// the terminal again.
    pub fn known_size(&self) -> Size {
        self.fixed_size.unwrap_or(self.area.as_size())
    }

    pub fn size(&self) -> io::Result<Size> {
        match self.fixed_size {
            Some(size) => Ok(size),
            None => terminal_size(),
        }
    }

    /// Draws one frame: `render` draws into a blank buffer of the
    /// terminal's size and says where the cursor shows, if anywhere. What
    /// differs from the screen is written, in one synchronized update.
    pub fn draw(&mut self, render: impl FnOnce(&mut Buffer) -> Option<(u16, u16)>) -> io::Result<()> {
        // The terminal is asked its size only when that may have changed:
        // every resize event forgets the screen (`forget_shown`), and a
        // screen made anew (at start, after a suspension) knows its size.
        let size = if self.area.is_empty() {
            self.size()?
        } else {
            self.area.as_size()
        };
        let area = Rect::new(0, 0, size.width, size.height);
        self.pending.extend_from_slice(BEGIN_UPDATE);
        if area != self.area {
            self.clear(area);
        }
        if self.next.area == area {
            self.next.reset();
        } else {
            self.next = Buffer::empty(area);
        }
        let cursor = render(&mut self.next);
        let width = usize::from(area.width);
        for y in 0..area.height {
            let row = usize::from(y) * width..(usize::from(y) + 1) * width;
            let mut any = false;
            for i in row.clone() {
                let shown = if self.blank {
                    &Cell::EMPTY
                } else {
                    &self.shown.content[i]
                };
                let changed = self.changed[i] || self.next.content[i] != *shown;
                self.changed[i] = changed;
                any |= changed;
            }
            if any {
                self.write_row(y);
            }
            self.changed[row].fill(false);
        }
        std::mem::swap(&mut self.shown, &mut self.next);
        self.blank = false;
        // Between frames the terminal keeps its plain style: anything
        // else writing to it (leaving, a suspension) finds it so.
        set_pen(&mut self.pending, self.pen, Pen::PLAIN);
        self.pen = Some(Pen::PLAIN);
        match cursor {
            Some((x, y)) => {
                move_to(&mut self.pending, self.cursor, x, y);
                self.cursor = Cursor::At { x, y };
                self.set_cursor_visible(true);
            }
            None => self.set_cursor_visible(false),
        }
        self.pending.extend_from_slice(END_UPDATE);
        let written = self.out.write_all(&self.pending).and_then(|()| self.out.flush());
        self.pending.clear();
        written
    }

    /// Forgets what the terminal shows: the next frame clears the screen
    /// and is written whole. After the window was resized, even back to the
    /// size last drawn at, the terminal may hold parts of frames written
    /// while it had other sizes.
    pub fn forget_shown(&mut self) {
        self.area = Rect::default();
    }

    /// Asks the terminal how wide it draws ambiguous characters, as vim
    /// does: “ printed at the top left and the cursor's position asked for
    /// (the answer comes on the input, read by `crossterm::cursor::position`,
    /// which asks again: the first answer is this one's). The row is erased
    /// again at once and written again by the next frame, which goes out
    /// with the question, so nothing stays on screen and nothing waits for
    /// the answer.
    pub fn ask_ambiguous_width(&mut self) {
        set_pen(&mut self.pending, self.pen, Pen::PLAIN);
        self.pen = Some(Pen::PLAIN);
        self.pending.extend_from_slice("\x1b[H\u{201c}\x1b[6n\x1b[H".as_bytes());
        self.pending.extend_from_slice(ERASE_ROW);
        self.cursor = Cursor::At { x: 0, y: 0 };
        let row = self.changed.len().min(usize::from(self.area.width));
        self.changed[..row].fill(true);
        self.spans[..row].fill(1);
    }

    fn set_cursor_visible(&mut self, visible: bool) {
        if self.cursor_visible != Some(visible) {
            self.pending
                .extend_from_slice(if visible { b"\x1b[?25h" } else { b"\x1b[?25l" });
            self.cursor_visible = Some(visible);
        }
    }

    /// Clears the screen, which is now `area` large.
    fn clear(&mut self, area: Rect) {
        // Erased cells take the current background: the plain one.
        set_pen(&mut self.pending, self.pen, Pen::PLAIN);
        self.pen = Some(Pen::PLAIN);
        self.pending.extend_from_slice(b"\x1b[2J");
        self.area = area;
        self.blank = true;
        self.shown = Buffer::empty(Rect::default());
        self.changed = vec![false; area.area() as usize];
        self.spans = vec![1; area.area() as usize];
    }
}

fn terminal_size() -> io::Result<Size> {
    let (width, height) = ratatui::crossterm::terminal::size()?;
    Ok(Size { width, height })
}
