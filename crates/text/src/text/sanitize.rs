//! Removes everything from file text that could act on the terminal or hide
//! itself from the reader: escape sequences, C0/C1 controls, bidi overrides and
//! invisible format characters. Runs once, when text enters the program.

use unicode_width::UnicodeWidthChar;

const TAB_STOP: usize = 4;
/// More combining marks than this on one base character only serve to smear
/// glyphs over neighbouring lines ("zalgo" text).
const MAX_COMBINING_MARKS: usize = 4;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
const CSI_C1: char = '\u{9b}';
const OSC_C1: char = '\u{9d}';
const ST_C1: char = '\u{9c}';

/// `sanitize`, without a copy of text that needs nothing (most text): a
/// large file is then held once while it is parsed, not twice.
pub fn sanitize_cow(input: std::borrow::Cow<'_, str>) -> std::borrow::Cow<'_, str> {
    if needs_nothing(&input) {
        input
    } else {
        std::borrow::Cow::Owned(sanitize(&input))
    }
}

/// Sanitises multi-line text: keeps `\n`, expands tabs, normalises line endings.
pub fn sanitize(input: &str) -> String {
    // Most text needs nothing: copy it whole.
    if needs_nothing(input) {
        return input.to_string();
    }
    let mut out = String::with_capacity(input.len());
    let mut column = 0usize;
    let mut combining = 0usize;
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\n' | '\u{2028}' | '\u{2029}' => {
                out.push('\n');
                column = 0;
                combining = 0;
            }
            '\r' => {
                // CRLF becomes LF; a lone CR (old Mac files) is a line break too.
                if chars.peek() != Some(&'\n') {
                    out.push('\n');
                    column = 0;
                }
            }
            '\t' => {
                let spaces = TAB_STOP - column % TAB_STOP;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
            }
            ESC => skip_escape_sequence(&mut chars),
            CSI_C1 => skip_csi_body(&mut chars),
            OSC_C1 | '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => skip_string_body(&mut chars),
            c if is_invisible_or_control(c) => {}
            // Emoji joined into one picture are kept as their separate emoji.
            '\u{200d}'
                if out.chars().next_back().is_some_and(ends_emoji)
                    && chars.peek().is_some_and(|&n| is_pictograph(n)) => {}
            c => {
                let zero_width = c.width().unwrap_or(0) == 0 && !is_joiner(c);
                if zero_width {
                    combining += 1;
                    if combining > MAX_COMBINING_MARKS {
                        continue;
                    }
                } else {
                    combining = 0;
                }
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

/// Sanitises a one-line value (a title, an author): line breaks become spaces
/// and surrounding whitespace is trimmed.
pub fn sanitize_inline(input: &str) -> String {
    let text = sanitize_cow(std::borrow::Cow::Borrowed(input));
    // Most values are one clean line: one copy, nothing in between.
    if !text.contains('\n') {
        return text.trim().to_string();
    }
    let joined: Vec<&str> = text.split('\n').map(str::trim).filter(|s| !s.is_empty()).collect();
    joined.join(" ")
}

/// Whether `sanitize` returns `input` as it is: no control character but
/// `\n`, nothing invisible, no zero-width character. Han characters (most of
/// a Chinese text) are passed by their first byte, without a width lookup.
fn needs_nothing(input: &str) -> bool {
    let bytes = input.as_bytes();
    let mut i = 0;
    while let Some(&lead) = bytes.get(i) {
        if lead < 0x80 {
            if (lead < 0x20 && lead != b'\n') || lead == 0x7f {
                return false;
            }
            i += 1;
        } else if (0xe4..=0xe9).contains(&lead) {
            // U+4000–9FFF: CJK ideographs and Yijing symbols, all visible and wide.
            i += 3;
        } else {
            let Some(c) = input.get(i..).and_then(|rest| rest.chars().next()) else {
                return false;
            };
            if is_invisible_or_control(c) || c.width().unwrap_or(0) == 0 || c == '\u{2028}' || c == '\u{2029}' {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// Whether `text` holds nothing `sanitize` removes: no control character but
/// `\n`, no bidi or invisible format character. Scans bytes, decoding only
/// characters whose first byte could start one of those.
pub fn is_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    // One look-up a byte finds the next byte to look at closer.
    while let Some(at) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| SUSPECT[usize::from(b)]))
    {
        i += at;
        if bytes[i] < 0x80 {
            return false;
        }
        if let Some(c) = text.get(i..).and_then(|rest| rest.chars().next())
            && (is_invisible_or_control(c) || c == '\u{2028}' || c == '\u{2029}' || joins_emoji(text, i, c))
        {
            return false;
        }
        i += 1;
    }
    true
}

/// The bytes `is_clean` looks at closer: control characters but `\n`, DEL,
/// and the lead bytes of U+0080–00BF, U+061C, U+180E, U+2000–203F/2060–206F
/// and U+FEFF/FFF9–FFFB.
const SUSPECT: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b != b'\n' as usize;
        b += 1;
    }
    table[0x7f] = true;
    table[0xc2] = true;
    table[0xd8] = true;
    table[0xe1] = true;
    table[0xe2] = true;
    table[0xef] = true;
    table
};

/// Whether the character at byte `i` of `text`, `c`, is a zero-width joiner
/// between two emoji (which `sanitize` takes out).
fn joins_emoji(text: &str, i: usize, c: char) -> bool {
    c == '\u{200d}'
        && text[..i].chars().next_back().is_some_and(ends_emoji)
        && text[i + c.len_utf8()..].chars().next().is_some_and(is_pictograph)
}

/// Whether `c` can end an emoji before a joiner: a pictograph, or the
/// emoji presentation selector (skin tones are pictographs too).
fn ends_emoji(c: char) -> bool {
    c == '\u{fe0f}' || is_pictograph(c)
}

/// Pictographs that emoji sequences join (Extended_Pictographic, in ranges):
/// a sequence joined by U+200D (👩‍👩‍👧‍👦, 🏳️‍🌈) is drawn as one picture by
/// some terminals and as its parts by most (tmux, VTE), so it would take a
/// different number of columns on each. Without the joiners every terminal
/// draws the parts, in the columns the layout counted.
fn is_pictograph(c: char) -> bool {
    matches!(c,
        '\u{1f000}'..='\u{1faff}'
            | '\u{2600}'..='\u{27bf}'
            | '\u{2300}'..='\u{23ff}'
            | '\u{2b00}'..='\u{2bff}'
            | '\u{2190}'..='\u{21ff}'
            | '\u{25a0}'..='\u{25ff}'
            | '\u{a9}'
            | '\u{ae}'
            | '\u{203c}'
            | '\u{2049}'
            | '\u{2122}'
            | '\u{2139}'
            | '\u{3030}'
            | '\u{303d}'
            | '\u{3297}'
            | '\u{3299}')
}

fn is_joiner(c: char) -> bool {
    // ZWJ and variation selectors are part of emoji and CJK glyph sequences.
    matches!(c, '\u{200c}' | '\u{200d}' | '\u{fe00}'..='\u{fe0f}')
}

pub(super) fn is_invisible_or_control(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{061c}'
                | '\u{feff}' | '\u{00ad}' | '\u{180e}' | '\u{fff9}'..='\u{fffb}'
        )
}

/// After ESC: drops a CSI, OSC, DCS, SOS, PM or APC sequence, or a two-character escape.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.next() {
        Some('[') => skip_csi_body(chars),
        Some(']' | 'P' | 'X' | '^' | '_') => skip_string_body(chars),
        // nF escapes carry intermediate bytes before their final byte.
        Some(c) if ('\u{20}'..='\u{2f}').contains(&c) => {
            while let Some(&next) = chars.peek() {
                chars.next();
                if !('\u{20}'..='\u{2f}').contains(&next) {
                    break;
                }
            }
        }
        _ => {}
    }
}

/// Drops CSI parameter and intermediate bytes up to and including the final byte.
fn skip_csi_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        if ('\u{20}'..='\u{3f}').contains(&c) {
            chars.next();
        } else {
            if ('\u{40}'..='\u{7e}').contains(&c) {
                chars.next();
            }
            return;
        }
    }
}

/// Drops a string sequence (OSC and friends) up to BEL, ST or ESC \.
/// A line break also ends it, so one broken sequence cannot swallow a whole file.
fn skip_string_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    while let Some(&c) = chars.peek() {
        match c {
            BEL | ST_C1 => {
                chars.next();
                return;
            }
            ESC => {
                chars.next();
                if chars.peek() == Some(&'\\') {
                    chars.next();
                }
                return;
            }
            '\n' => return,
            _ => {
                chars.next();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_check_agrees_with_the_character_by_character_one() {
        let plain = |s: &str| {
            s.chars().all(|c| {
                c == '\n'
                    || !(is_invisible_or_control(c)
                        || c.width().unwrap_or(0) == 0
                        || c == '\u{2028}'
                        || c == '\u{2029}')
            })
        };
        for text in [
            "客户关系管理，很重要。",
            "䷀䷁ Yijing and 㐀 Extension A",
            "tone mark 〪 and kana mark ゙",
            "e\u{301}",
            "\u{1b}[31m",
            "tab\t",
            "line\u{2028}separator",
            "zero\u{200b}width",
            "emoji 👍🏽",
            "",
        ] {
            assert_eq!(needs_nothing(text), plain(text), "{text:?}");
        }
    }

    #[test]
    fn clean_text_is_what_sanitize_leaves_alone() {
        for text in ["客户关系\n第二行", "emoji 👨👩👧 and é", "क्‍ष", "１２３ＡＢＣ，。“”"]
        {
            assert!(is_clean(text), "{text:?}");
            assert_eq!(sanitize(text), text);
        }
        for text in [
            "a\x1b[2Jb",
            "tab\there",
            "\u{9b}31m",
            "right\u{202e}left",
            "zero\u{200b}width",
            "\u{feff}bom",
            "\r\n",
            "family 👨\u{200d}👩\u{200d}👧",
        ] {
            assert!(!is_clean(text), "{text:?}");
            assert!(is_clean(&sanitize(text)), "{text:?}");
        }
    }

    /// `is_clean` as it was written first, a byte at a time.
    fn clean_byte_by_byte(text: &str) -> bool {
        let bytes = text.as_bytes();
        (0..bytes.len()).all(|i| match bytes[i] {
            b if b < 0x80 => !((b < 0x20 && b != b'\n') || b == 0x7f),
            0xc2 | 0xd8 | 0xe1 | 0xe2 | 0xef => text[i..].chars().next().is_none_or(|c| {
                !(is_invisible_or_control(c) || c == '\u{2028}' || c == '\u{2029}' || joins_emoji(text, i, c))
            }),
            _ => true,
        })
    }

    #[test]
    fn clean_text_is_found_by_its_suspect_bytes_as_byte_by_byte_for_every_character() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            for text in [format!("{c}"), format!("测{c}试\n"), format!("👨{c}👩")] {
                assert_eq!(is_clean(&text), clean_byte_by_byte(&text), "{:?}", c);
            }
        }
    }

    #[test]
    fn strips_csi_and_osc_sequences() {
        assert_eq!(sanitize("a\x1b[2Jb\x1b[31;1mc"), "abc");
        assert_eq!(sanitize("x\x1b]0;title\x07y"), "xy");
        assert_eq!(sanitize("x\x1b]52;c;aGVsbG8=\x1b\\y"), "xy");
        assert_eq!(sanitize("x\u{9b}31my\u{9d}0;t\u{9c}z"), "xyz");
        assert_eq!(sanitize("x\x1b(By"), "xy");
    }

    #[test]
    fn drops_controls_bidi_and_invisible_format_characters() {
        assert_eq!(sanitize("a\x07b\x00c\x7fd\u{85}e"), "abcde");
        assert_eq!(sanitize("\u{feff}开\u{202e}始\u{200b}了\u{2066}"), "开始了");
    }

    #[test]
    fn separates_joined_emoji_keeps_other_joiners_and_caps_combining_marks() {
        assert_eq!(sanitize("👩\u{200d}👩\u{200d}👧\u{200d}👦家"), "👩👩👧👦家");
        assert_eq!(sanitize("🏳\u{fe0f}\u{200d}🌈"), "🏳\u{fe0f}🌈");
        assert_eq!(sanitize("👍🏽\u{200d}x"), "👍🏽\u{200d}x");
        // Joiners in scripts that need them stay.
        assert_eq!(sanitize("क्\u{200d}ष"), "क्\u{200d}ष");
        assert_eq!(sanitize("👍\u{fe0f}"), "👍\u{fe0f}");
        let zalgo = format!("a{}", "\u{301}".repeat(40));
        assert_eq!(sanitize(&zalgo).chars().count(), 1 + MAX_COMBINING_MARKS);
    }

    #[test]
    fn normalises_line_endings_and_expands_tabs() {
        assert_eq!(sanitize("a\r\nb\rc"), "a\nb\nc");
        assert_eq!(sanitize("ab\tc\n\td"), "ab  c\n    d");
    }

    #[test]
    fn an_unterminated_osc_stops_at_the_line_end() {
        assert_eq!(sanitize("a\x1b]0;never ends\nnext line"), "a\nnext line");
    }

    #[test]
    fn inline_values_become_one_trimmed_line() {
        assert_eq!(sanitize_inline("  标题\n第二行 \x1b[1m"), "标题 第二行");
    }
}
