//! Punctuation in vertical text (GB/T 15834-2011 §5.2): the marks that
//! lie along a horizontal line turn to lie along the column. Unicode has a
//! presentation form of each (U+FE10–FE19, U+FE30–FE48), East Asian Wide,
//! so every form takes a row of a column two cells wide.

/// The vertical form of `c`, if it has one. Quotation marks take the
/// mainland forms: “ ” are ﹃ ﹄ and ‘ ’ are ﹁ ﹂; 「」『』 become
/// ﹁﹂﹃﹄ as they are set in vertical text.
pub fn vertical_form(c: char) -> Option<&'static str> {
    Some(match c {
        '，' => "︐",
        '、' => "︑",
        '。' => "︒",
        '：' => "︓",
        '；' => "︔",
        '！' => "︕",
        '？' => "︖",
        '…' | '⋯' => "︙",
        '‥' => "︰",
        '—' | '―' => "︱",
        '“' | '『' => "﹃",
        '”' | '』' => "﹄",
        '‘' | '「' => "﹁",
        '’' | '」' => "﹂",
        '（' => "︵",
        '）' => "︶",
        '｛' => "︷",
        '｝' => "︸",
        '〔' => "︹",
        '〕' => "︺",
        '【' => "︻",
        '】' => "︼",
        '《' => "︽",
        '》' => "︾",
        '〈' => "︿",
        '〉' => "﹀",
        '〖' => "︗",
        '〗' => "︘",
        '［' => "﹇",
        '］' => "﹈",
        _ => return None,
    })
}

/// The vertical form of a grapheme that is one character with one.
pub fn vertical_grapheme(grapheme: &str) -> Option<&'static str> {
    let mut chars = grapheme.chars();
    match (chars.next(), chars.next()) {
        // No mark is an ideograph or below the dashes: most text is passed over.
        (Some(c), None) if c >= '\u{2010}' && !('\u{3400}'..='\u{9FFF}').contains(&c) => vertical_form(c),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{AmbiguousWidth, grapheme_width};

    /// Every mark the table turns, as GB/T 15834 lists them.
    const MARKS: &str = "，、。：；！？…⋯‥—―“”‘’「」『』（）｛｝〔〕【】《》〈〉〖〗［］";

    #[test]
    fn the_marks_of_the_standard_take_their_vertical_forms() {
        let turned: String = "，、。：；！？".chars().filter_map(vertical_form).collect();
        assert_eq!(turned, "︐︑︒︓︔︕︖");
        let pairs: String = "“”‘’（）《》〈〉【】〔〕｛｝"
            .chars()
            .filter_map(vertical_form)
            .collect();
        assert_eq!(pairs, "﹃﹄﹁﹂︵︶︽︾︿﹀︻︼︹︺︷︸");
        assert_eq!(vertical_form('…'), Some("︙"));
        assert_eq!(vertical_form('—'), Some("︱"));
        assert_eq!(vertical_form('客'), None);
        assert_eq!(vertical_form(','), None, "half-width marks stay as they are");
    }

    #[test]
    fn every_form_is_wide_and_as_long_as_its_mark() {
        for mark in MARKS.chars() {
            let form = vertical_form(mark).expect("a form");
            for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
                assert_eq!(grapheme_width(form, ambiguous), 2, "{mark} → {form}");
            }
            assert_eq!(form.len(), mark.len_utf8(), "{mark} → {form}");
        }
    }
}
