//! The bytes of a text file into text: UTF-8 (with or without a byte
//! order mark, and also when a few of its bytes are damaged), UTF-16 with a
//! byte order mark, else the legacy Chinese encodings (GB18030/GBK, Big5)
//! or whatever the detector finds; and whether bytes are text at all.
//!
//! A UTF-8 file with a byte cut off its end (`head -c`) or one byte lost in
//! the middle is still UTF-8: read as GB18030 it would be mojibake from the
//! first character (浣犲ソ for 你好). Bytes are taken for damaged UTF-8 when
//! the characters of three bytes or more that do decode are at least four
//! times as many as the places that do not, or when the only place that
//! does not is a character cut off at the end: text in GB18030 or Big5 read
//! as UTF-8 has a place that fails at nearly every character and hardly any
//! character of three bytes (a long essay, one in three at the very most).
//! Each place that does not decode shows as U+FFFD, as `less` marks it, and
//! is counted, so the reader can say how many there are.

use std::borrow::Cow;

use encoding_rs::Encoding;

use crate::i18n::{Text, text};

/// Characters of three bytes or more for each place that does not decode
/// that damaged UTF-8 has at least.
const UTF8_CHARS_PER_ERROR: usize = 4;
/// How much of a file's start the legacy encoding is chosen on.
const DETECT_BYTES: usize = 64 * 1024;

/// Text decoded from bytes, and how many U+FFFD stand in it for bytes that
/// did not decode.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub replaced: usize,
}

/// Decodes bytes that may be UTF-8 (with or without BOM, whole or with a few
/// damaged bytes), UTF-16 with a BOM, GB18030/GBK or Big5. Bytes that do not
/// decode become U+FFFD rather than failing the whole file. UTF-8 is
/// borrowed, not copied.
pub fn decode_text(bytes: &[u8]) -> Decoded<'_> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let rest = &bytes[bom_len..];
        if encoding == encoding_rs::UTF_8 {
            return decode_utf8(rest);
        }
        return counted(encoding.decode_without_bom_handling(rest));
    }
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            replaced: 0,
        };
    }
    if is_damaged_utf8(bytes) {
        return decode_utf8(bytes);
    }
    counted(legacy_encoding(bytes).decode_without_bom_handling(bytes))
}

/// Whether bytes that are not valid UTF-8 are UTF-8 with a few damaged
/// places all the same (see the module's note).
pub fn is_damaged_utf8(bytes: &[u8]) -> bool {
    let (mut wide, mut errors, mut rest) = (0, 0, bytes);
    let mut cut_short = false;
    loop {
        match simdutf8::compat::from_utf8(rest) {
            Ok(valid) => {
                wide += count_wide(valid.as_bytes());
                break;
            }
            Err(err) => {
                wide += count_wide(&rest[..err.valid_up_to()]);
                errors += 1;
                let Some(len) = err.error_len() else {
                    cut_short = true;
                    break;
                };
                rest = &rest[err.valid_up_to() + len..];
                // Far too many already: not UTF-8; no need to read on.
                if errors > 64 && wide < errors * UTF8_CHARS_PER_ERROR / 2 {
                    return false;
                }
            }
        }
    }
    // Valid but for a character cut off at the end: however short the text.
    let only_cut = errors == 1 && cut_short && wide > 0;
    errors > 0 && (wide >= errors * UTF8_CHARS_PER_ERROR || only_cut)
}

/// Whether bytes said to be UTF-8 (a page's `charset=utf-8`, an EPUB
/// chapter) that do not decode are in a legacy encoding all the same (a
/// page saved as GBK that kept its declaration): a place fails for every
/// four bytes above ASCII or fewer, and the encoding detected reads every
/// one of them. Damaged UTF-8 is not: its stray bytes break GB18030 too.
pub(crate) fn is_mislabelled_legacy(bytes: &[u8]) -> bool {
    let high = bytes.iter().filter(|&&b| b >= 0x80).count();
    let errors = bytes.utf8_chunks().filter(|c| !c.invalid().is_empty()).count();
    high >= 16 && errors * 4 > high && !legacy_encoding(bytes).decode_without_bom_handling(bytes).1
}

/// Characters of three or four bytes in valid UTF-8: their lead bytes.
fn count_wide(valid: &[u8]) -> usize {
    valid.iter().filter(|&&b| b >= 0xe0).count()
}

/// UTF-8, each place that does not decode made one U+FFFD and counted.
pub(crate) fn decode_utf8(bytes: &[u8]) -> Decoded<'_> {
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Decoded {
            text: Cow::Borrowed(text),
            replaced: 0,
        };
    }
    let mut text = String::with_capacity(bytes.len() + 16);
    let mut replaced = 0;
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        if !chunk.invalid().is_empty() {
            text.push('\u{fffd}');
            replaced += 1;
        }
    }
    Decoded {
        text: Cow::Owned(text),
        replaced,
    }
}

/// The text of a legacy decoding, its U+FFFD counted when it had errors.
pub(crate) fn counted((text, had_errors): (Cow<'_, str>, bool)) -> Decoded<'_> {
    let replaced = if had_errors {
        text.chars().filter(|&c| c == '\u{fffd}').count()
    } else {
        0
    };
    Decoded { text, replaced }
}

fn legacy_encoding(bytes: &[u8]) -> &'static Encoding {
    // The encoding is chosen on the file's start; the rest is read in it.
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(sample, sample.len() == bytes.len());
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // Short files fool any detector; of the guess and the two common Chinese
    // encodings, take the one that decodes with the fewest broken, private-use
    // or C1 control characters (ties go to GB18030, the most common, then Big5).
    [encoding_rs::GB18030, encoding_rs::BIG5, guess]
        .into_iter()
        .min_by_key(|e| suspicious_chars(&e.decode_without_bom_handling(sample).0))
        .unwrap_or(encoding_rs::GB18030)
}

/// Why `bytes` are not text a person reads, if they are not: a NUL byte in
/// the first 8 KB; many control bytes (more than 1% of the first 64 KB, and
/// at least 8: text holds tab, line breaks, form feed and escape, hardly any
/// other); or, being neither UTF-8 nor UTF-8 with a few damaged bytes,
/// decoding in every Chinese encoding to mostly broken characters, or to
/// mostly rare ones (`text::is_legacy_text`).
pub fn binary_reason(bytes: &[u8]) -> Option<Text> {
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Some(text!(
            en: "binary file (contains NUL bytes), not text",
            hans: "二进制文件（含有 NUL 字节），不是文本",
            hant: "二進位檔案（含有 NUL 位元組），不是文字",
        ));
    }
    let sample = &bytes[..bytes.len().min(DETECT_BYTES)];
    // Non-short-circuiting tests, which the compiler turns into vector code.
    let is_control =
        |b: u8| (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0c) & (b != 0x1b) | (b == 0x7f);
    let controls: usize = sample
        .chunks(255)
        .map(|chunk| usize::from(chunk.iter().map(|&b| u8::from(is_control(b))).sum::<u8>()))
        .sum();
    if controls >= 8 && controls * 100 > sample.len() {
        return Some(text!(
            en: "binary file (control bytes), not text",
            hans: "二进制文件（含有控制字节），不是文本",
            hant: "二進位檔案（含有控制位元組），不是文字",
        ));
    }
    if Encoding::for_bom(sample).is_none() && simdutf8::basic::from_utf8(bytes).is_err() && !is_damaged_utf8(bytes) {
        // The sample's end may cut one character: a single broken one.
        let text = decode_text(sample).text;
        let broken = suspicious_chars(&text);
        if broken >= 64 && broken * 4 > text.chars().count() {
            return Some(text!(
                en: "binary file (not text in UTF-8, GB18030 or Big5), not text",
                hans: "二进制文件（不是 UTF-8、GB18030 或 Big5 编码的文本），不是文本",
                hant: "二進位檔案（不是 UTF-8、GB18030 或 Big5 編碼的文字），不是文字",
            ));
        }
        if !crate::text::is_legacy_text(sample) {
            return Some(text!(
                en: "binary file (its bytes read only as rare characters in every Chinese encoding), not text",
                hans: "二进制文件（按任何中文编码读都只是生僻字），不是文本",
                hant: "二進位檔案（按任何中文編碼讀都只是罕用字），不是文字",
            ));
        }
    }
    None
}

/// Characters a wrong guess produces: replacement and private-use characters,
/// and Latin-1 letters and C1 controls (legacy Chinese bytes read as a Western
/// encoding), which Chinese text hardly ever holds.
fn suspicious_chars(text: &str) -> usize {
    text.chars()
        .filter(|&c| c == '\u{fffd}' || ('\u{e000}'..='\u{f8ff}').contains(&c) || ('\u{80}'..='\u{ff}').contains(&c))
        .count()
}

#[cfg(test)]
#[path = "decode_tests.rs"]
mod tests;
