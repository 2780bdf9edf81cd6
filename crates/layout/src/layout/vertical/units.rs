//! The rows of vertical text. Each character stands upright in a row of a
//! column two cells wide: a Han character, a full-width form or a mark in
//! its vertical form takes the row; a run of one or two half-width
//! characters sits side by side in one row (縱中橫: 18, AI); a longer run
//! takes a row per character, so nothing is ever cut.

use std::ops::Range;

use super::super::wrap::Unit;
use super::forms::vertical_grapheme;
use crate::text::{AmbiguousWidth, grapheme_before, grapheme_indices, grapheme_width, is_wide_alone};

/// Cells a column of vertical text is wide.
pub const COLUMN_CELLS: usize = 2;

/// How wide a grapheme is drawn in vertical text: its vertical form's
/// width if it has one, else its own.
pub fn vertical_width(grapheme: &str, ambiguous: AmbiguousWidth) -> usize {
    match vertical_grapheme(grapheme) {
        Some(form) => grapheme_width(form, ambiguous),
        None => grapheme_width(grapheme, ambiguous),
    }
}

/// A half-width character that is not a space: such runs share rows.
fn is_half_width(grapheme: &str, ambiguous: AmbiguousWidth) -> bool {
    !is_wide_alone(grapheme) && vertical_width(grapheme, ambiguous) == 1 && !grapheme.chars().all(char::is_whitespace)
}

/// The rows of `text[range]` as units of one row (size 1; 0 for a line
/// break or what shows nothing), in order. `text` is the whole block, so a
/// run of half-width characters is measured across the range's ends: a
/// range that starts or ends inside a run of three or more sets it a
/// character per row, as the whole block does.
pub(crate) fn units(text: &str, range: Range<usize>, ambiguous: AmbiguousWidth) -> Vec<Unit> {
    let half = |g: &str| is_half_width(g, ambiguous);
    let mut out = Vec::with_capacity(range.len() / 3 + 1);
    // The half-width graphemes of the current run not placed yet (at most two).
    let mut run: Vec<Range<usize>> = Vec::with_capacity(3);
    // The current run is known to be three or more long.
    let mut long = grapheme_before(text, range.start).is_some_and(half);
    for (offset, grapheme) in grapheme_indices(&text[range.clone()]) {
        let at = range.start + offset;
        let end = at + grapheme.len();
        if half(grapheme) {
            if long {
                out.push(Unit { at, end, size: 1 });
                continue;
            }
            run.push(at..end);
            if run.len() == 3 {
                long = true;
                out.extend(run.drain(..).map(|r| Unit {
                    at: r.start,
                    end: r.end,
                    size: 1,
                }));
            }
            continue;
        }
        place_run(&mut run, false, &mut out);
        long = false;
        push_grapheme(grapheme, at, ambiguous, &mut out);
    }
    let continues = grapheme_indices(&text[range.end..])
        .next()
        .is_some_and(|(_, g)| half(g));
    place_run(&mut run, continues, &mut out);
    out
}

/// Places the run of one or two half-width graphemes before a character
/// that is not one: side by side in one row, or a row each when the run goes
/// on past what is being measured.
fn place_run(run: &mut Vec<Range<usize>>, goes_on: bool, out: &mut Vec<Unit>) {
    if goes_on {
        out.extend(run.drain(..).map(|r| Unit {
            at: r.start,
            end: r.end,
            size: 1,
        }));
    } else if let (Some(first), Some(last)) = (run.first(), run.last()) {
        out.push(Unit {
            at: first.start,
            end: last.end,
            size: 1,
        });
        run.clear();
    }
}

/// One grapheme that is not half-width: a row, none for a line break or
/// what has no width, and a row per character for the rare cluster drawn
/// wider than a column.
fn push_grapheme(grapheme: &str, at: usize, ambiguous: AmbiguousWidth, out: &mut Vec<Unit>) {
    let end = at + grapheme.len();
    if is_wide_alone(grapheme) {
        out.push(Unit { at, end, size: 1 });
        return;
    }
    let width = vertical_width(grapheme, ambiguous);
    if grapheme == "\n" || grapheme == "\r\n" || width == 0 {
        out.push(Unit { at, end, size: 0 });
    } else if width <= COLUMN_CELLS {
        out.push(Unit { at, end, size: 1 });
    } else {
        // Each character with a width starts a row; marks that have none stay with it.
        let mut start = at;
        for (offset, c) in grapheme.char_indices().skip(1) {
            if grapheme_width(c.encode_utf8(&mut [0; 4]), ambiguous) > 0 {
                out.push(Unit {
                    at: start,
                    end: at + offset,
                    size: 1,
                });
                start = at + offset;
            }
        }
        out.push(Unit {
            at: start,
            end,
            size: 1,
        });
    }
}

/// The rows of a short text set vertically (a title, the end mark): each
/// row's text, in its vertical form.
pub fn rows_of(text: &str, ambiguous: AmbiguousWidth) -> Vec<&str> {
    units(text, 0..text.len(), ambiguous)
        .into_iter()
        .filter(|u| u.size > 0 && !text[u.at..u.end].chars().all(char::is_whitespace))
        .map(|u| {
            let shown = &text[u.at..u.end];
            vertical_grapheme(shown).unwrap_or(shown)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str) -> Vec<&str> {
        units(text, 0..text.len(), AmbiguousWidth::Narrow)
            .into_iter()
            .map(|u| {
                assert_eq!(u.size, 1, "{text}");
                &text[u.at..u.end]
            })
            .collect()
    }

    #[test]
    fn han_characters_take_a_row_each() {
        assert_eq!(rows("岳陽樓記"), ["岳", "陽", "樓", "記"]);
    }

    #[test]
    fn one_or_two_half_width_characters_share_a_row() {
        assert_eq!(rows("第18回"), ["第", "18", "回"]);
        assert_eq!(rows("用AI写"), ["用", "AI", "写"]);
        assert_eq!(rows("第5回"), ["第", "5", "回"]);
        assert_eq!(rows("18"), ["18"]);
    }

    #[test]
    fn longer_runs_take_a_row_per_character() {
        assert_eq!(rows("公元2024年"), ["公", "元", "2", "0", "2", "4", "年"]);
        assert_eq!(rows("CPU"), ["C", "P", "U"]);
    }

    #[test]
    fn full_width_forms_and_marks_take_a_row_each() {
        assert_eq!(rows("ＡＩ，"), ["Ａ", "Ｉ", "，"]);
        // A quote is wide in its vertical form, so it never joins a run.
        assert_eq!(rows("“A”"), ["“", "A", "”"]);
    }

    #[test]
    fn a_run_is_measured_across_the_ends_of_a_range() {
        let text = "甲ABCD乙";
        let inner: Vec<&str> = units(text, 4..6, AmbiguousWidth::Narrow)
            .into_iter()
            .map(|u| &text[u.at..u.end])
            .collect();
        assert_eq!(inner, ["B", "C"], "inside a run of four, not a pair");
        let pair = "甲AB乙";
        let whole: Vec<&str> = units(pair, 3..5, AmbiguousWidth::Narrow)
            .into_iter()
            .map(|u| &pair[u.at..u.end])
            .collect();
        assert_eq!(whole, ["AB"]);
    }

    #[test]
    fn line_breaks_take_no_row() {
        let sizes: Vec<usize> = units("甲\n乙", 0..7, AmbiguousWidth::Narrow)
            .iter()
            .map(|u| u.size)
            .collect();
        assert_eq!(sizes, [1, 0, 1]);
    }

    #[test]
    fn short_texts_are_set_in_vertical_forms() {
        assert_eq!(
            rows_of("《岳陽樓記》", AmbiguousWidth::Narrow),
            ["︽", "岳", "陽", "樓", "記", "︾"]
        );
        assert_eq!(rows_of("— 完 —", AmbiguousWidth::Narrow), ["︱", "完", "︱"]);
    }
}
