//! Extended grapheme clusters (UAX #29) as `unicode-segmentation` finds
//! them, without running its segmenter over the characters that each stand
//! alone, which are most of a Chinese text: its checks for Indic conjuncts
//! search a table for every character, and wrapping a line spent about half
//! its time there. Layout, widths and the screen all measure by these.

use unicode_segmentation::UnicodeSegmentation;

/// Whether `c` is a grapheme of its own whatever stands around it, so long
/// as what follows is such a character too (UAX #29: no rule joins two of
/// them): printable ASCII, the common dashes, quotation marks and ellipses,
/// U+303F, and the blocks whose characters are all wide (`is_wide_char`: CJK
/// punctuation and ideographs, kana, full-width forms). Combining marks,
/// joiners, variation selectors and the like are none of these.
fn stands_alone(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{2010}'..='\u{2027}' | '\u{303F}') || super::width::is_wide_char(c)
}

/// `text`'s extended grapheme clusters with their offsets, as
/// `grapheme_indices(true)` gives them, without segmenting runs of
/// characters that each stand alone (`stands_alone`): most Chinese text.
pub fn grapheme_indices(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let rest = &text[at..];
        let mut chars = rest.chars();
        let first = chars.next()?;
        let len = if stands_alone(first) && chars.next().is_none_or(stands_alone) {
            first.len_utf8()
        } else {
            rest.graphemes(true).next().map_or(rest.len(), str::len)
        };
        let start = at;
        at += len;
        Some((start, &text[start..at]))
    })
}

/// The grapheme of `text` that ends at `at` (a boundary), measured from the
/// characters around it when they each stand alone.
pub fn grapheme_before(text: &str, at: usize) -> Option<&str> {
    let before = &text[..at];
    let mut back = before.chars().rev();
    let last = back.next()?;
    let alone = stands_alone(last)
        && back.next().is_none_or(stands_alone)
        && text[at..].chars().next().is_none_or(stands_alone);
    if alone {
        Some(&before[at - last.len_utf8()..])
    } else {
        before.graphemes(true).next_back()
    }
}

#[cfg(test)]
mod tests {
    use unicode_segmentation::UnicodeSegmentation;

    use super::*;

    #[test]
    fn graphemes_are_those_of_uax_29() {
        let texts = [
            "岳陽樓記，慶曆四年春。",
            "e\u{301}x か\u{3099}き 👩\u{200d}💻 a\u{fe0f}b 🇨🇳🇯🇵 \r\n 〇\u{302a}の",
            "ﾊﾞｲｸ —— …… “引” AI 第18回",
            "",
        ];
        for text in texts {
            let ours: Vec<(usize, &str)> = grapheme_indices(text).collect();
            let theirs: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
            assert_eq!(ours, theirs, "{text}");
        }
    }

    proptest::proptest! {
        #[test]
        fn graphemes_are_those_of_uax_29_for_any_text(text in "\\PC{0,40}|[\u{3000}-\u{303f}\u{4e00}-\u{4e10}\u{300}-\u{36f}\u{600}\u{200d}\u{fe0f}a-z\r\n]{0,40}") {
            let ours: Vec<(usize, &str)> = grapheme_indices(&text).collect();
            let theirs: Vec<(usize, &str)> = text.grapheme_indices(true).collect();
            proptest::prop_assert_eq!(&ours, &theirs);
            for (at, _) in theirs.iter().skip(1) {
                proptest::prop_assert_eq!(grapheme_before(&text, *at), text[..*at].graphemes(true).next_back());
            }
        }
    }
}
