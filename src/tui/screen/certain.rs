//! Which characters every terminal advances its cursor over by the width
//! yuedu drew them with, so the next cell can follow without a cursor move.
//! Printable ASCII, narrow letters and signs below U+1100 that are not East
//! Asian Ambiguous, and the wide Han, kana, hangul, Yi and full-width forms
//! terminals have drawn two columns wide for decades. Ambiguous characters
//! (“ ” … — ·) count once the terminal has said how it draws them, and only
//! at that width. Emoji, characters joined into one cluster (a base with
//! combining marks, a variation selector, a joiner), newer scripts and
//! anything else get a cursor move after them: terminals and their fonts
//! disagree on those.

use unicode_width::UnicodeWidthChar;

use crate::text::{AmbiguousWidth, is_wide_char};

/// Whether a terminal that draws ambiguous characters as `ambiguous` (when
/// known) leaves its cursor `width` columns after printing `symbol`.
pub fn advance_is_certain(symbol: &str, width: u16, ambiguous: Option<AmbiguousWidth>) -> bool {
    let mut chars = symbol.chars();
    let (Some(c), None) = (chars.next(), chars.next()) else {
        return false;
    };
    if c.is_ascii() {
        return width == 1 && !c.is_ascii_control();
    }
    // Most of a page of Chinese text, told without a table lookup.
    if is_wide_char(c) && wide_everywhere(c) {
        return width == 2;
    }
    match (c.width(), c.width_cjk()) {
        (Some(1), Some(2)) => match ambiguous {
            Some(AmbiguousWidth::Narrow) => width == 1,
            Some(AmbiguousWidth::Wide) => width == 2,
            None => false,
        },
        // The soft hyphen is drawn one column wide by some terminals and
        // not at all by others.
        (Some(1), Some(1)) => width == 1 && u32::from(c) < 0x1100 && c != '\u{ad}',
        (Some(2), Some(2)) => width == 2 && wide_everywhere(c),
        _ => false,
    }
}

/// Blocks whose characters are wide in every terminal's width table (and
/// in wcwidth since long before emoji were).
fn wide_everywhere(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x115F // Hangul initial jamo
        | 0x2E80..=0x2FDF // CJK and Kangxi radicals
        // CJK symbols and punctuation (　、。「」), without 〰 and 〽, which are emoji too
        | 0x3000..=0x302F
        | 0x3031..=0x303C
        | 0x303E
        // kana, bopomofo, hangul jamo, enclosed and compatibility CJK, without ㊗ and ㊙
        | 0x3041..=0x3296
        | 0x3298
        | 0x329A..=0x33FF
        | 0x3400..=0x4DBF // Han, extension A
        | 0x4E00..=0x9FFF // Han
        | 0xA000..=0xA4CF // Yi
        | 0xAC00..=0xD7A3 // hangul syllables
        | 0xF900..=0xFAFF // compatibility ideographs
        | 0xFE30..=0xFE4F // CJK compatibility forms
        | 0xFF01..=0xFF60 // full-width forms
        | 0xFFE0..=0xFFE6 // full-width signs
        | 0x20000..=0x3FFFD // Han, extensions B and later
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const NARROW: Option<AmbiguousWidth> = Some(AmbiguousWidth::Narrow);
    const WIDE: Option<AmbiguousWidth> = Some(AmbiguousWidth::Wide);

    #[test]
    fn han_kana_hangul_and_full_width_forms_are_certain() {
        for symbol in ["好", "。", "　", "「", "か", "カ", "한", "ａ", "，", "𠀋", "ㄅ"] {
            assert!(advance_is_certain(symbol, 2, None), "{symbol}");
        }
        assert!(advance_is_certain("a", 1, None));
        assert!(advance_is_certain("é", 1, None));
    }

    #[test]
    fn ambiguous_characters_are_certain_only_at_the_width_the_terminal_said() {
        for symbol in ["“", "…", "—", "·", "①", "─"] {
            assert!(!advance_is_certain(symbol, 1, None), "{symbol}");
            assert!(advance_is_certain(symbol, 1, NARROW), "{symbol}");
            assert!(!advance_is_certain(symbol, 2, NARROW), "{symbol}");
            assert!(advance_is_certain(symbol, 2, WIDE), "{symbol}");
            assert!(!advance_is_certain(symbol, 1, WIDE), "{symbol}");
        }
    }

    #[test]
    fn emoji_clusters_and_the_unsure_are_never_certain() {
        for (symbol, width) in [
            ("😀", 2),
            ("👩", 2),
            ("🏳\u{fe0f}", 2),
            ("❤\u{fe0f}", 2),
            ("✓", 1),
            ("e\u{301}", 1),
            ("ｶﾞ", 2),
            ("\u{ad}", 1),
            ("", 1),
            ("ab", 2),
            ("〽", 2),
            ("㊙", 2),
        ] {
            assert!(!advance_is_certain(symbol, width, WIDE), "{symbol:?}");
            assert!(!advance_is_certain(symbol, width, NARROW), "{symbol:?}");
        }
    }

    /// The answer without a table lookup is the one the tables give, for
    /// every character it is given for.
    #[test]
    fn the_quick_answer_agrees_with_the_tables() {
        let mut quick = 0;
        for c in (0..=0x3FFFF).filter_map(char::from_u32) {
            let symbol = c.to_string();
            if !is_wide_char(c) {
                continue;
            }
            let tables = matches!((c.width(), c.width_cjk()), (Some(2), Some(2))) && wide_everywhere(c);
            for ambiguous in [None, NARROW, WIDE] {
                for width in 1..=2 {
                    let expected = tables && width == 2;
                    assert_eq!(
                        advance_is_certain(&symbol, width, ambiguous),
                        expected,
                        "{c:?} at {width}"
                    );
                }
            }
            quick += 1;
        }
        assert!(quick > 20_000, "{quick}");
    }

    #[test]
    fn a_width_other_than_the_characters_own_is_never_certain() {
        assert!(!advance_is_certain("好", 1, None));
        assert!(!advance_is_certain("a", 2, None));
    }
}
