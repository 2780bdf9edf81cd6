//! Text hygiene shared by every module: sanitising what comes from files,
//! the gate every printed value passes (`Shown`, `to_json`), and measuring
//! display width exactly as the terminal buffer does.
//!
//! # Design
//!
//! sanitising text from files (escape sequences, controls, bidi and invisible characters out; tabs
//! expanded; emoji joined by U+200D kept as their separate emoji, which every terminal draws in the
//! columns counted, so layout, screen and `show` agree); `shown`: the gate for everything printed
//! (`is_unsafe` is the one rule; `Shown::field` escapes one value of a record, tab and newline
//! included, `Shown::text` finished output, `to_json` JSON with C1 and bidi controls as `\uXXXX`),
//! used by `print`, by the binary's stdout and stderr writers and by `ui::draw`; display width
//! exactly as ratatui's buffer measures it, and in wide mode every East Asian Ambiguous character
//! two columns (`ambiguous_table`, generated from the Unicode Character Database by
//! `scripts/gen-ambiguous-table`); `graphemes`: UAX #29 clusters, with no segmenter run over
//! characters that each stand alone (most of a Chinese text); `binary`: whether bytes that are not UTF-8 look like text in a
//! legacy encoding (high bytes in short runs between ASCII, or mostly the common characters of a
//! double-byte encoding) or only decode as one; `pinyin`: the toneless readings of a character, for
//! the natural order and pinyin search, from tables `build.rs` writes without pointers

#[rustfmt::skip]
mod ambiguous_table;
mod binary;
mod graphemes;
pub mod pinyin;
mod sanitize;
mod shown;
mod width;

pub use binary::is_legacy_text;
pub use graphemes::{grapheme_before, grapheme_indices};
pub use sanitize::{is_clean, sanitize, sanitize_cow, sanitize_inline};
pub use shown::{Shown, is_unsafe, shown, to_json};
#[cfg(any(test, feature = "test-support"))]
pub use width::ambiguous_characters;
pub use width::{AmbiguousWidth, grapheme_width, is_wide_alone, is_wide_char, str_width, truncate_to_width};

/// 1-based line and column (in characters) of byte offset `at` in `text`, for
/// error messages about files.
pub fn line_and_column(text: &str, at: usize) -> (usize, usize) {
    let at = text.floor_char_boundary(at);
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// FNV-1a over `bytes`: a small hash that stays the same across builds and
/// machines (file names and fingerprints depend on it).
pub fn fnv1a(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn line_and_column_count_characters() {
        assert_eq!(super::line_and_column("ab\n中文x", 9), (2, 3));
        assert_eq!(super::line_and_column("中", 1), (1, 1));
    }
}
