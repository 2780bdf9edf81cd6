//! Where a line may break: UAX #14 opportunities (`unicode-linebreak`),
//! corrected by the Chinese rules of W3C clreq that UAX #14 does not apply.

use unicode_linebreak::{BreakOpportunity, linebreaks};

/// Must not start a line (clreq basic level, plus the strict rules for dashes
/// and ellipses, plus the interpunct and the percent sign).
pub(crate) fn is_no_start(c: char) -> bool {
    matches!(
        c,
        '、' | '，'
            | '。'
            | '．'
            | '：'
            | '；'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〕'
            | '〉'
            | '”'
            | '’'
            | '·'
            | '•'
            | '%'
            | '％'
            | '—'
            | '…'
            | '〗'
            | '〙'
            | '〛'
            | '｝'
            | '］'
            | ','
            | '.'
            | ':'
            | ';'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
            | 'ー'
            | '々'
            | '〜'
            | '～'
    )
}

/// Must not end a line: opening brackets, quotes and 书名号, and "/" so that
/// units such as "180/分" stay whole.
pub(crate) fn is_no_end(c: char) -> bool {
    matches!(
        c,
        '（' | '《'
            | '「'
            | '『'
            | '【'
            | '〔'
            | '〈'
            | '“'
            | '‘'
            | '〖'
            | '〘'
            | '〚'
            | '｛'
            | '［'
            | '('
            | '['
            | '{'
            | '/'
    )
}

/// Characters after which (or before which) a Chinese line may break.
fn is_ideographic(c: char) -> bool {
    matches!(c,
        '\u{2e80}'..='\u{2fff}' | '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3ffff}'
        | '\u{3001}'..='\u{3003}' | '\u{3008}'..='\u{3011}' | '\u{ff01}'..='\u{ff60}')
}

/// A break opportunity before byte `at` of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Break {
    pub at: usize,
    pub mandatory: bool,
}

/// Break opportunities in `text`, in order. The end of the text is not included.
pub(crate) fn break_opportunities(text: &str) -> Vec<Break> {
    let mut breaks: Vec<Break> = linebreaks(text)
        .filter(|&(at, _)| at < text.len())
        .map(|(at, kind)| Break {
            at,
            mandatory: kind == BreakOpportunity::Mandatory,
        })
        .collect();
    add_quote_breaks(text, &mut breaks);
    breaks.retain(|b| b.mandatory || allowed_by_clreq(text, b.at));
    breaks
}

/// UAX #14 (Unicode 15.0) never breaks beside “ ” ‘ ’, but in Chinese text an
/// opening quote may start a line and a closing quote may end one.
fn add_quote_breaks(text: &str, breaks: &mut Vec<Break>) {
    let mut extra = Vec::new();
    let mut previous: Option<char> = None;
    for (at, c) in text.char_indices() {
        let opens_after_han = matches!(c, '“' | '‘') && previous.is_some_and(is_ideographic);
        if opens_after_han {
            extra.push(Break { at, mandatory: false });
        }
        if matches!(previous, Some('”' | '’')) && is_ideographic(c) {
            extra.push(Break { at, mandatory: false });
        }
        previous = Some(c);
    }
    if extra.is_empty() {
        return;
    }
    breaks.extend(extra);
    breaks.sort_by_key(|b| (b.at, !b.mandatory));
    breaks.dedup_by_key(|b| b.at);
}

fn allowed_by_clreq(text: &str, at: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at..].chars().next();
    match (before, after) {
        (Some(b), Some(a)) => {
            let splits_pair = (b == '—' && a == '—') || (b == '…' && a == '…');
            !(is_no_start(a) || is_no_end(b) || splits_pair)
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut start = 0;
        for b in break_opportunities(text) {
            out.push(&text[start..b.at]);
            start = b.at;
        }
        out.push(&text[start..]);
        out
    }

    #[test]
    fn han_characters_break_anywhere_but_punctuation_sticks_to_the_left() {
        assert_eq!(pieces("客户，关系。"), ["客", "户，", "关", "系。"]);
    }

    #[test]
    fn latin_words_and_numbers_stay_whole() {
        assert_eq!(pieces("Microsoft的CPU"), ["Microsoft", "的", "CPU"]);
        assert_eq!(pieces("80∶20原则"), ["80∶20", "原", "则"]);
        assert_eq!(pieces("才是180/分。"), ["才", "是", "180/分。"]);
    }

    #[test]
    fn quotes_open_and_close_chinese_lines() {
        assert_eq!(
            pieces("利用“RATER模型”提高"),
            ["利", "用", "“RATER", "模", "型”", "提", "高"]
        );
    }

    #[test]
    fn dashes_and_ellipses_are_never_split_or_line_initial() {
        assert_eq!(pieces("好——是……的"), ["好——", "是……", "的"]);
    }

    #[test]
    fn opening_brackets_never_end_a_line() {
        assert_eq!(
            pieces("信赖度（Reliability），即"),
            ["信", "赖", "度", "（Reliability），", "即"]
        );
        assert_eq!(pieces("《统计法》以及"), ["《统", "计", "法》", "以", "及"]);
    }

    #[test]
    fn newlines_are_mandatory_breaks() {
        let breaks = break_opportunities("甲\n乙");
        assert!(breaks.iter().any(|b| b.at == 4 && b.mandatory));
    }
}
