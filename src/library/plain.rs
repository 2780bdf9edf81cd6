//! `.txt` articles: encoding detection and paragraphs.

use std::borrow::Cow;

use encoding_rs::Encoding;

use super::article::{BlockKind, Body, BodyBuilder};
use super::formats::{ChapterRule, find_headings};
use crate::i18n::{Text, text};

/// Decodes bytes that may be UTF-8 (with or without BOM), GB18030/GBK or Big5.
/// Invalid sequences become U+FFFD rather than failing the whole file. UTF-8
/// is borrowed, not copied.
pub fn decode_text(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return text;
    }
    if let Ok(text) = simdutf8::basic::from_utf8(bytes) {
        return Cow::Borrowed(text);
    }
    if let Some(text) = utf8_cut_short(bytes) {
        return Cow::Borrowed(text);
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    // Short files fool any detector; of the guess and the two common Chinese
    // encodings, take the one that decodes with the fewest broken, private-use
    // or C1 control characters (ties go to GB18030, the most common, then Big5).
    let encoding = [encoding_rs::GB18030, encoding_rs::BIG5, guess]
        .into_iter()
        .min_by_key(|e| suspicious_chars(&e.decode_without_bom_handling(bytes).0))
        .unwrap_or(encoding_rs::GB18030);
    let (text, _, _) = encoding.decode(bytes);
    text
}

/// UTF-8 text whose end cuts its last character (a file cut short, or read
/// while it was being written): the text before that character. It is
/// still UTF-8 text, not text in another encoding nor binary data.
fn utf8_cut_short(bytes: &[u8]) -> Option<&str> {
    match std::str::from_utf8(bytes) {
        Err(err) if err.error_len().is_none() && err.valid_up_to() > 0 => {
            std::str::from_utf8(&bytes[..err.valid_up_to()]).ok()
        }
        _ => None,
    }
}

/// Why `bytes` are not text a person reads, if they are not: a NUL byte in
/// the first 8 KB; many control bytes (more than 1% of the first 64 KB, and
/// at least 8: text holds tab, line breaks, form feed and escape, hardly any
/// other); or, not being UTF-8, decoding in every Chinese encoding to mostly
/// broken characters, or to mostly rare ones (`text::is_legacy_text`).
pub fn binary_reason(bytes: &[u8]) -> Option<Text> {
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Some(text!(
            en: "binary file (contains NUL bytes), not text",
            hans: "二进制文件（含有 NUL 字节），不是文本",
            hant: "二進位檔案（含有 NUL 位元組），不是文字",
        ));
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c | 0x1b)) || b == 0x7f)
        .count();
    if controls >= 8 && controls * 100 > sample.len() {
        return Some(text!(
            en: "binary file (control bytes), not text",
            hans: "二进制文件（含有控制字节），不是文本",
            hant: "二進位檔案（含有控制位元組），不是文字",
        ));
    }
    if Encoding::for_bom(sample).is_none()
        && simdutf8::basic::from_utf8(bytes).is_err()
        && utf8_cut_short(bytes).is_none()
    {
        // The sample's end may cut one character: a single broken one.
        let text = decode_text(sample);
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

/// Paragraphs are split at blank lines, or at each line when the file has no
/// blank lines (many Chinese `.txt` files put one paragraph on each line);
/// chapter headings of novels, found by `rule`, are heading blocks. `text`
/// is sanitised already (`parse_article` does it for every file).
pub fn parse_plain_with(text: &str, rule: &ChapterRule) -> Body {
    parse_plain(text, rule, true)
}

/// `parse_plain_with`; verse is recognised by the shape of its lines only
/// `by_shape` (not in the first part of a large file).
pub(super) fn parse_plain(text: &str, rule: &ChapterRule, by_shape: bool) -> Body {
    // Leading ideographic spaces are the print indent; the layout adds its own.
    let lines: Vec<&str> = text
        .lines()
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .collect();
    let has_blank_lines = lines.iter().any(|l| l.is_empty());
    // Verse keeps its lines: a stanza per run of lines, a line break in it.
    let verse = super::verse::is_verse(text, (!by_shape).then_some(false), None);
    let mut headings = find_headings(lines.iter().copied(), rule).into_iter().peekable();
    let mut builder = BodyBuilder::default();
    for (i, line) in lines.into_iter().enumerate() {
        if line.is_empty() {
            builder.close();
            continue;
        }
        if let Some((_, level)) = headings.next_if(|&(at, _)| at == i) {
            builder.close();
            builder.open(BlockKind::Heading(level), 0);
            builder.push_text(&line.split_whitespace().collect::<Vec<_>>().join(" "));
            builder.close();
            continue;
        }
        if verse {
            if builder.is_open() {
                builder.push_hard_break();
            }
            builder.open(BlockKind::Verse, 0);
            builder.push_text(line);
            continue;
        }
        if builder.is_open() {
            builder.push_soft_break();
        }
        builder.open(BlockKind::Paragraph, 0);
        builder.push_text(line);
        if !has_blank_lines {
            builder.close();
        }
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_plain(text: &str) -> Body {
        parse_plain_with(text, &ChapterRule::Builtin)
    }

    const SAMPLE: &str = "客户關係管理，“RATER模型”。";

    #[test]
    fn decodes_utf8_with_and_without_bom() {
        assert_eq!(decode_text(SAMPLE.as_bytes()), SAMPLE);
        let mut with_bom = vec![0xef, 0xbb, 0xbf];
        with_bom.extend_from_slice(SAMPLE.as_bytes());
        assert_eq!(decode_text(&with_bom), SAMPLE);
    }

    #[test]
    fn decodes_gbk_and_big5() {
        let long = SAMPLE.repeat(4);
        let (gbk, _, _) = encoding_rs::GBK.encode(&long);
        assert_eq!(decode_text(&gbk), long);
        let traditional = "客戶關係管理是一門學問，銷售人員應當重視。".repeat(4);
        let (big5, _, _) = encoding_rs::BIG5.encode(&traditional);
        assert_eq!(decode_text(&big5), traditional);
    }

    #[test]
    fn utf8_text_cut_in_its_last_character_is_utf8_text_without_it() {
        let text = "第一章 风起\n\n　　夜色深沉，风从北方吹来。\n\n".repeat(3000);
        let text = text.trim_end();
        for cut in [1, 2] {
            let bytes = &text.as_bytes()[..text.len() - cut];
            assert_eq!(binary_reason(bytes), None);
            assert_eq!(decode_text(bytes), &text[..text.len() - 3]);
        }
    }

    #[test]
    fn invalid_gb18030_sequences_become_replacement_characters() {
        let mut bytes = encoding_rs::GB18030.encode("客户关系管理客户关系管理").0.into_owned();
        bytes.extend_from_slice(&[0x81, 0x20]);
        let text = decode_text(&bytes);
        assert!(text.starts_with("客户关系管理"), "{text}");
        assert!(text.contains('\u{fffd}'));
    }

    #[test]
    fn paragraphs_split_at_blank_lines_or_at_every_line() {
        let body = parse_plain("　　第一段\r\n继续\r\n\r\n第二段\r\n");
        let texts: Vec<&str> = body.blocks.iter().map(|b| body.block_text(b)).collect();
        assert_eq!(texts, ["第一段继续", "第二段"]);
        let body = parse_plain("一行\n两行\n");
        assert_eq!(body.blocks.len(), 2);
    }

    #[test]
    fn chapter_headings_of_a_novel_become_heading_blocks() {
        let novel =
            "书名\n\n第一章　风起\n　　正文第一段，\n接着写。\n\n第六回合开始了，他挥剑。\n第二章 云涌\n正文。\n";
        let body = parse_plain(novel);
        let blocks: Vec<(BlockKind, &str)> = body
            .blocks
            .iter()
            .map(|b| (b.kind.clone(), body.block_text(b)))
            .collect();
        assert_eq!(
            blocks,
            [
                (BlockKind::Paragraph, "书名"),
                (BlockKind::Heading(1), "第一章 风起"),
                (BlockKind::Paragraph, "正文第一段，接着写。"),
                (BlockKind::Paragraph, "第六回合开始了，他挥剑。"),
                (BlockKind::Heading(1), "第二章 云涌"),
                (BlockKind::Paragraph, "正文。"),
            ]
        );
        let without = parse_plain("序章\n只有一个像标题的行。\n");
        assert!(without.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    }
}
