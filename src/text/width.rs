//! Display widths measured with the same function ratatui's buffer uses
//! (`unicode-width` over grapheme clusters), so layout and drawing agree.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

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
    let base = match ambiguous {
        AmbiguousWidth::Narrow => grapheme.width(),
        AmbiguousWidth::Wide => grapheme.width_cjk(),
    };
    base + grapheme
        .chars()
        .filter(|c| matches!(c, '\u{ff9e}' | '\u{ff9f}'))
        .count()
}

/// Width of a string in terminal columns, grapheme by grapheme.
pub fn str_width(text: &str, ambiguous: AmbiguousWidth) -> usize {
    text.graphemes(true).map(|g| grapheme_width(g, ambiguous)).sum()
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
    for g in text.graphemes(true) {
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
    fn han_is_two_columns_and_ambiguous_depends_on_the_mode() {
        assert_eq!(str_width("客户关系", AmbiguousWidth::Narrow), 8);
        assert_eq!(str_width("“RATER”", AmbiguousWidth::Narrow), 7);
        assert_eq!(str_width("“RATER”", AmbiguousWidth::Wide), 9);
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
