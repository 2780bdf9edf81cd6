//! First-fit wrapping of one block of text into line ranges, grapheme by
//! grapheme, measuring exactly as the terminal buffer does; vertical text
//! is wrapped by the same rules, unit by unit, measured in rows.

use std::ops::Range;

use super::breaks::{Break, break_opportunities, is_no_end, is_no_start};
use crate::text::{AmbiguousWidth, grapheme_indices, grapheme_width};

/// How many graphemes a cut inside a long word may move to the next line.
const LOOK_BACK: usize = 3;

/// Available columns for the first line and for the lines after it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Columns {
    pub first: usize,
    pub rest: usize,
    /// Whether a line after a `\n` is a first line too (a line of verse,
    /// whose wrapped part hangs below it).
    pub first_after_newline: bool,
}

/// What the wrapper places: a grapheme (or, in vertical text, a row's
/// worth of text) at byte `at` of the text, and its size on the line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Unit {
    pub at: usize,
    pub end: usize,
    pub size: usize,
}

/// Wraps `text` and returns the byte range (relative to `text`) of each line.
/// Whitespace at the end of a line is not part of its range; a `\n` ends a line.
pub(crate) fn wrap(text: &str, columns: Columns, ambiguous: AmbiguousWidth) -> Vec<Range<usize>> {
    let graphemes = grapheme_indices(text).map(|(at, grapheme)| Unit {
        at,
        end: at + grapheme.len(),
        size: grapheme_width(grapheme, ambiguous),
    });
    wrap_units(text, columns, graphemes)
}

/// Wraps `text`, given as `units` in order (each a whole number of
/// graphemes; a break opportunity inside one is not taken), into lines of at most
/// `columns` of their sizes, by the rules of `wrap`.
pub(crate) fn wrap_units(text: &str, columns: Columns, units: impl Iterator<Item = Unit>) -> Vec<Range<usize>> {
    let breaks = break_opportunities(text);
    let mut wrapper = Wrapper {
        text,
        lines: Vec::new(),
        line_start: 0,
        width: 0,
        columns,
        last_break: None,
        first_line: true,
    };
    let mut next_break = breaks.iter().peekable();
    // The last few graphemes (start, width), for cutting long words well.
    let mut recent: Vec<(usize, usize)> = Vec::with_capacity(LOOK_BACK + 1);
    for Unit { at, end, size: width } in units {
        let grapheme = &text[at..end];
        let mut opportunity: Option<Break> = None;
        while let Some(b) = next_break.next_if(|b| b.at <= at) {
            if b.at == at {
                opportunity = Some(*b);
            }
        }
        if grapheme == "\n" || grapheme == "\r\n" {
            wrapper.finish_line(at, at + grapheme.len());
            recent.clear();
            continue;
        }
        if let Some(b) = opportunity
            && at > wrapper.line_start
            && !b.mandatory
        {
            wrapper.last_break = Some((at, wrapper.width));
        }
        let is_space = grapheme.chars().all(char::is_whitespace);
        if !is_space && wrapper.width + width > wrapper.available() {
            wrapper.break_before(at, &recent, width);
        }
        wrapper.width += width;
        if recent.len() == LOOK_BACK {
            recent.remove(0);
        }
        recent.push((at, width));
    }
    if wrapper.line_start < text.len() || wrapper.lines.is_empty() {
        wrapper.finish_line(text.len(), text.len());
    }
    wrapper.lines
}

struct Wrapper<'a> {
    text: &'a str,
    lines: Vec<Range<usize>>,
    line_start: usize,
    /// Columns used on the current line, trailing spaces included.
    width: usize,
    columns: Columns,
    /// The last break opportunity on this line and the width before it.
    last_break: Option<(usize, usize)>,
    /// Whether the current line has the first line's columns.
    first_line: bool,
}

impl Wrapper<'_> {
    fn available(&self) -> usize {
        if self.first_line {
            self.columns.first
        } else {
            self.columns.rest
        }
    }

    /// The grapheme at `at` does not fit: end the line at the last break
    /// opportunity, or cut the word if there is none.
    fn break_before(&mut self, at: usize, recent: &[(usize, usize)], width: usize) {
        if let Some((break_at, width_before)) = self.last_break.take() {
            self.push_line(break_at);
            self.line_start = break_at;
            self.width -= width_before;
            if self.width + width <= self.available() {
                return;
            }
        }
        if at <= self.line_start {
            return; // Alone on its line and still too wide: nothing better exists.
        }
        // A word longer than the line is cut at the width, but not so that a
        // closing mark starts the next line or an opening mark ends this one, when
        // moving a grapheme or two along avoids it.
        let mut cut = (at, 0);
        let mut carried = 0;
        for &(prev_at, prev_width) in recent.iter().rev() {
            carried += prev_width;
            if self.is_good_cut(cut.0) || prev_at <= self.line_start || carried + width > self.available() {
                break;
            }
            cut = (prev_at, carried);
        }
        if !self.is_good_cut(cut.0) {
            cut = (at, 0);
        }
        self.push_line(cut.0);
        self.line_start = cut.0;
        self.width = cut.1;
    }

    fn is_good_cut(&self, at: usize) -> bool {
        let starts_badly = self.text[at..].chars().next().is_some_and(is_no_start);
        let ends_badly = self.text[..at].chars().next_back().is_some_and(is_no_end);
        !(starts_badly || ends_badly)
    }

    /// Ends the current line at `end` (a `\n` at `end..next` is dropped).
    fn finish_line(&mut self, end: usize, next: usize) {
        self.push_line(end);
        self.line_start = next;
        self.width = 0;
        self.last_break = None;
        self.first_line = self.columns.first_after_newline;
    }

    fn push_line(&mut self, end: usize) {
        let visible_end = self.line_start + self.text[self.line_start..end].trim_end().len();
        self.lines.push(self.line_start..visible_end);
        self.first_line = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, first: usize, rest: usize) -> Vec<&str> {
        let columns = Columns {
            first,
            rest,
            first_after_newline: false,
        };
        wrap(text, columns, AmbiguousWidth::Narrow)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn fills_lines_with_han_characters() {
        assert_eq!(lines("一二三四五六七", 6, 6), ["一二三", "四五六", "七"]);
        assert_eq!(lines("一二三四五六七", 7, 7), ["一二三", "四五六", "七"]);
    }

    #[test]
    fn punctuation_is_pushed_out_with_its_character() {
        assert_eq!(lines("一二三，四", 6, 6), ["一二", "三，四"]);
    }

    #[test]
    fn mixed_latin_keeps_words_whole_and_leaves_no_holes() {
        assert_eq!(
            lines("Microsoft的操作系统与Intel的CPU", 20, 20),
            ["Microsoft的操作系统", "与Intel的CPU"]
        );
    }

    #[test]
    fn long_words_are_cut_at_the_width() {
        assert_eq!(lines("abcdefghij", 4, 4), ["abcd", "efgh", "ij"]);
    }

    #[test]
    fn first_line_may_be_narrower() {
        assert_eq!(lines("一二三四五六", 4, 8), ["一二", "三四五六"]);
    }

    #[test]
    fn spaces_at_line_ends_are_dropped() {
        assert_eq!(lines("aaa bbb ccc", 7, 7), ["aaa bbb", "ccc"]);
    }

    #[test]
    fn newlines_end_lines() {
        assert_eq!(lines("甲\n\n乙", 10, 10), ["甲", "", "乙"]);
    }

    #[test]
    fn each_line_of_verse_is_a_first_line_and_its_wrapped_part_hangs() {
        let columns = Columns {
            first: 8,
            rest: 6,
            first_after_newline: true,
        };
        let text = "一二三四五六\n七八九十\n甲乙丙丁戊己庚";
        let verse: Vec<&str> = wrap(text, columns, AmbiguousWidth::Narrow)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(verse, ["一二三四", "五六", "七八九十", "甲乙丙丁", "戊己庚"]);
        assert_eq!(
            lines(text, 8, 6),
            ["一二三四", "五六", "七八九", "十", "甲乙丙", "丁戊己", "庚"]
        );
    }

    #[test]
    fn empty_text_is_one_empty_line() {
        assert_eq!(lines("", 10, 10), [""]);
    }
}
