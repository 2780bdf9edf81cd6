//! Display widths measured with the same function ratatui's buffer uses
//! (`unicode-width` over grapheme clusters), so layout and drawing agree;
//! in wide mode every East Asian Ambiguous character that takes a column of
//! its own is two columns (`ambiguous_table`, generated from the Unicode
//! Character Database by `scripts/gen-ambiguous-table`), as a terminal set
//! to draw them wide draws them: unicode-width's CJK widths give one column
//! to letters whose decomposition is narrow (á, ǚ) and to the bopomofo tone
//! marks (ˇ ˊ ˋ ˙), which such a terminal draws in two.

use serde::{Deserialize, Serialize};
use unicode_width::UnicodeWidthStr;

use super::ambiguous_table::AMBIGUOUS;
use super::graphemes::grapheme_indices;

/// How East Asian Ambiguous characters (“ ” … — · ①) are drawn by the terminal.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AmbiguousWidth {
    /// One column: what most terminals do by default.
    #[default]
    Narrow,
    /// Two columns: terminals set to draw ambiguous characters wide.
    Wide,
}

/// Width of one grapheme cluster in terminal columns, as ratatui's buffer
/// counts it (`CellWidth`): unicode-width, plus one column for each halfwidth
/// katakana sound mark, which terminals draw as a character of its own.
pub fn grapheme_width(grapheme: &str, ambiguous: AmbiguousWidth) -> usize {
    if grapheme.len() == 1 {
        return usize::from(!grapheme.as_bytes()[0].is_ascii_control());
    }
    if is_wide_alone(grapheme) {
        return 2;
    }
    let base = match ambiguous {
        AmbiguousWidth::Narrow => grapheme.width(),
        AmbiguousWidth::Wide => match grapheme.width_cjk() {
            width @ 2.. => width,
            width => grapheme
                .chars()
                .next()
                .filter(|&c| is_ambiguous(c))
                .map_or(width, |_| 2),
        },
    };
    base + grapheme
        .chars()
        .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
        .count()
}

/// Whether `grapheme` is one character of the blocks most Chinese text is
/// made of whose every character is two columns wide in both modes and to
/// ratatui's buffer: CJK punctuation, kana, ideographs, vertical forms,
/// full-width forms. Measured without a table lookup.
#[inline]
pub fn is_wide_alone(grapheme: &str) -> bool {
    let mut chars = grapheme.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    is_wide_char(c)
}

/// Whether `c` is of those blocks (`is_wide_alone`); grapheme clusters
/// are found without the segmenter over them too (`graphemes`).
#[inline]
pub fn is_wide_char(c: char) -> bool {
    // Ideographs first: most of any Chinese text.
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
        || matches!(c,
            '\u{3000}'..='\u{3029}'
            | '\u{3030}'..='\u{303E}'
            | '\u{3041}'..='\u{3096}'
            | '\u{30A1}'..='\u{30FA}'
            | '\u{3400}'..='\u{4DBF}'
            | '\u{FE10}'..='\u{FE19}'
            | '\u{FE30}'..='\u{FE4F}'
            | '\u{FF01}'..='\u{FF60}')
}

/// Whether `c` is an East Asian Ambiguous character that takes a column of
/// its own (two in wide mode).
fn is_ambiguous(c: char) -> bool {
    if c.is_ascii() {
        return false;
    }
    AMBIGUOUS
        .binary_search_by(|&(first, last)| {
            if last < c {
                std::cmp::Ordering::Less
            } else if first > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Every East Asian Ambiguous character that takes a column of its own.
#[cfg(any(test, feature = "test-support"))]
pub fn ambiguous_characters() -> impl Iterator<Item = char> {
    AMBIGUOUS.iter().flat_map(|&(first, last)| first..=last)
}

/// Width of a string in terminal columns, grapheme by grapheme.
pub fn str_width(text: &str, ambiguous: AmbiguousWidth) -> usize {
    grapheme_indices(text).map(|(_, g)| grapheme_width(g, ambiguous)).sum()
}

/// Cuts `text` to at most `max` columns, ending with "…" when something was cut.
pub fn truncate_to_width(text: &str, max: usize, ambiguous: AmbiguousWidth) -> String {
    if str_width(text, ambiguous) <= max {
        return text.to_string();
    }
    let ellipsis = "…";
    let ellipsis_width = str_width(ellipsis, ambiguous);
    if max < ellipsis_width {
        return String::new();
    }
    let budget = max - ellipsis_width;
    let mut used = 0;
    let mut out = String::new();
    for (_, g) in grapheme_indices(text) {
        let w = grapheme_width(g, ambiguous);
        if used + w > budget {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push_str(ellipsis);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_characters_measured_without_a_table_are_two_columns_everywhere() {
        let mut count = 0;
        for c in ('\u{2000}'..='\u{ffff}').filter(|c| is_wide_alone(c.encode_utf8(&mut [0; 4]))) {
            let s = c.to_string();
            assert_eq!(s.width(), 2, "{c:?}");
            assert_eq!(s.width_cjk(), 2, "{c:?}");
            assert_eq!(ratatui::buffer::CellWidth::cell_width(s.as_str()), 2, "{c:?}");
            count += 1;
        }
        assert!(count > 20_000);
        assert!(!is_wide_alone("字字") && !is_wide_alone("“") && !is_wide_alone("e\u{301}"));
    }

    #[test]
    fn han_is_two_columns_and_ambiguous_depends_on_the_mode() {
        assert_eq!(str_width("客户关系", AmbiguousWidth::Narrow), 8);
        assert_eq!(str_width("“RATER”", AmbiguousWidth::Narrow), 7);
        assert_eq!(str_width("“RATER”", AmbiguousWidth::Wide), 9);
    }

    #[test]
    fn every_ambiguous_character_is_two_columns_in_wide_mode() {
        let mut count = 0;
        for c in ambiguous_characters() {
            let text = c.to_string();
            assert_eq!(str_width(&text, AmbiguousWidth::Wide), 2, "U+{:04X}", u32::from(c));
            assert_eq!(str_width(&text, AmbiguousWidth::Narrow), 1, "U+{:04X}", u32::from(c));
            count += 1;
        }
        assert!(count > 138_000, "the set with the private use planes: {count}");
        // Pinyin with tone marks and the bopomofo tone marks among them.
        let pinyin = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêˉˇˊˋ˙";
        let letters = pinyin.chars().count();
        assert_eq!(str_width(pinyin, AmbiguousWidth::Wide), 2 * letters);
        assert_eq!(str_width(pinyin, AmbiguousWidth::Narrow), letters);
        // A letter and a combining mark is the letter's width; so are ASCII and Han.
        assert_eq!(str_width("a\u{301}", AmbiguousWidth::Wide), 1);
        assert_eq!(str_width("ma汉", AmbiguousWidth::Wide), 4);
        // The table is sorted, its ranges apart.
        assert!(AMBIGUOUS.windows(2).all(|w| w[0].1 < w[1].0 && w[0].0 <= w[0].1));
    }

    #[test]
    fn widths_match_what_the_buffer_draws() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        let samples = [
            "客户关系",
            "ｶﾞｷﾞ",
            "👨\u{200d}👩\u{200d}👧",
            "🇨🇳",
            "e\u{301}",
            "“RATER”…—·①",
            "　　",
            "\u{200d}x",
            "ﾞ",
        ];
        for sample in samples {
            let mut buffer = Buffer::empty(Rect::new(0, 0, 40, 1));
            let (end, _) = buffer.set_stringn(0, 0, sample, 40, ratatui::style::Style::default());
            assert_eq!(
                str_width(sample, AmbiguousWidth::Narrow),
                usize::from(end),
                "{sample:?}"
            );
        }
    }

    #[test]
    fn truncation_counts_columns_not_characters() {
        let cut = truncate_to_width("如何做好客户关系管理", 9, AmbiguousWidth::Narrow);
        assert_eq!(cut, "如何做好…");
        assert!(str_width(&cut, AmbiguousWidth::Narrow) <= 9);
        assert_eq!(truncate_to_width("short", 9, AmbiguousWidth::Narrow), "short");
        assert_eq!(truncate_to_width("如何", 0, AmbiguousWidth::Narrow), "");
    }
}
