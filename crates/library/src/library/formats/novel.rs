//! Chapter headings in `.txt` novels: 第十二章, 第12回, 第三卷, 第一节, 序章,
//! 楔子, 尾声, 番外, Chapter 12, 卷一 … found line by line, with guards so
//! that lines of the story are not taken for headings: a heading stands on its
//! own line, is short, holds no sentence punctuation, and the word after the
//! number is not the start of another word (第六回合 is a round of a fight).

use regex_lite::Regex;

/// Longer lines are text, not headings.
const MAX_HEADING_CHARS: usize = 40;
/// A title written straight after the unit (第一章风起) is at most this long.
const MAX_JOINED_TITLE_CHARS: usize = 24;
/// Fewer detected headings than this leave the file as plain paragraphs: one
/// 序章 at the top of an essay does not make it a book.
const MIN_HEADINGS: usize = 2;

/// How chapter headings are recognised.
#[derive(Clone, Debug, Default)]
pub enum ChapterRule {
    /// The built-in patterns.
    #[default]
    Builtin,
    /// The user's own pattern, matched against each trimmed line.
    Pattern(Regex),
}

impl ChapterRule {
    /// A rule from the user's pattern (`library.chapter_pattern`); an empty
    /// one is the built-in rule. The error is one line saying what is wrong.
    ///
    /// Patterns are compiled by `regex-lite`, not `regex`: its syntax is the
    /// same, less its Unicode classes (`\p{Han}`) and Unicode meanings of
    /// `\d`, `\s`, `\w`, `\b` and `(?i)`, which are ASCII only. A pattern needs
    /// neither to name Chinese headings, and `regex`'s Unicode tables are
    /// pointers that every start of the binary pays to fix up (0.35 ms).
    pub fn pattern(pattern: &str) -> Result<ChapterRule, String> {
        if pattern.is_empty() {
            return Ok(ChapterRule::Builtin);
        }
        regex_lite::RegexBuilder::new(pattern)
            .size_limit(1 << 20)
            .build()
            .map(ChapterRule::Pattern)
            .map_err(|err| format!("is not a valid regular expression ({})", regex_problem(&err)))
    }

    /// What the article cache records of the rule, so that articles parsed
    /// under another rule are parsed again: empty for the built-in rule.
    pub fn fingerprint(&self) -> &str {
        match self {
            ChapterRule::Builtin => "",
            ChapterRule::Pattern(re) => re.as_str(),
        }
    }

    /// The heading level (1 = volume, 2 = chapter, 3 = section) of a line
    /// already trimmed of surrounding whitespace, if it is a heading.
    pub fn level(&self, line: &str) -> Option<u8> {
        if line.is_empty() || line.chars().nth(MAX_HEADING_CHARS).is_some() {
            return None;
        }
        match self {
            ChapterRule::Builtin => builtin_level(line),
            ChapterRule::Pattern(re) => re.is_match(line).then_some(2),
        }
    }
}

/// The last line of a regex error (`found open group without closing ')'`),
/// without anything drawn above it.
fn regex_problem(err: &regex_lite::Error) -> String {
    let text = err.to_string();
    let last = text.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default();
    last.trim().trim_start_matches("error: ").to_string()
}

/// Heading levels of `lines` (trimmed) by index, with levels shifted so the
/// highest used is 1; empty when too few lines are headings.
pub fn find_headings<'a>(lines: impl Iterator<Item = &'a str>, rule: &ChapterRule) -> Vec<(usize, u8)> {
    let found: Vec<(usize, u8)> = lines
        .enumerate()
        .filter_map(|(i, line)| rule.level(line).map(|level| (i, level)))
        .collect();
    if found.len() < MIN_HEADINGS {
        return Vec::new();
    }
    let top = found.iter().map(|&(_, level)| level).min().unwrap_or(1);
    found.into_iter().map(|(i, level)| (i, level - top + 1)).collect()
}

/// Characters that end or split a sentence: a line holding one is text.
fn has_sentence_punctuation(line: &str) -> bool {
    line.contains(['。', '，', '；', '」', '”']) || line.ends_with(['，', ',', '、'])
}

fn builtin_level(line: &str) -> Option<u8> {
    if has_sentence_punctuation(line) {
        return None;
    }
    let first = line.chars().next()?;
    match first {
        '第' => numbered(line),
        '卷' => volume_first(line),
        c if c.is_ascii_alphabetic() => english(line),
        _ => special_word(line),
    }
}

/// 第 + number + unit, then the end, a separator, or a short title.
fn numbered(line: &str) -> Option<u8> {
    let rest = line.strip_prefix('第')?.trim_start();
    let digits = number_len(rest)?;
    let rest = rest[digits..].trim_start();
    let unit = rest.chars().next()?;
    let level = match unit {
        '卷' | '部' | '篇' | '集' => 1,
        '章' | '回' => 2,
        '节' | '節' => 3,
        _ => return None,
    };
    title_follows(unit, &rest[unit.len_utf8()..]).then_some(level)
}

/// 卷一, 卷十二 at the start of the line.
fn volume_first(line: &str) -> Option<u8> {
    let rest = line.strip_prefix('卷')?;
    let digits = number_len(rest)?;
    let after = &rest[digits..];
    (after.is_empty() || starts_with_separator(after)).then_some(1)
}

/// What follows the unit: nothing, a separator and a title, or a title
/// written straight on that does not turn the unit into another word.
fn title_follows(unit: char, after: &str) -> bool {
    let Some(next) = after.chars().next() else {
        return true;
    };
    if starts_with_separator(after) {
        return true;
    }
    // 第六回合, 第三节课, 第二集合, 第一部分, 章程, 篇幅: words, not headings.
    const JOINED_WORDS: &[(char, &[char])] = &[
        ('回', &['合', '目', '头', '来', '去', '到', '家']),
        ('节', &['课', '目', '日', '点', '奏']),
        ('節', &['課', '目', '日', '點', '奏']),
        ('集', &['合', '团', '團', '体', '體', '中', '市']),
        ('部', &['分', '队', '隊', '门', '門', '长', '長', '落', '下', '位']),
        ('章', &['程', '法']),
        ('篇', &['幅']),
        ('卷', &['入', '起', '走']),
    ];
    if JOINED_WORDS
        .iter()
        .any(|(u, words)| *u == unit && words.contains(&next))
    {
        return false;
    }
    after.chars().count() <= MAX_JOINED_TITLE_CHARS
}

fn starts_with_separator(text: &str) -> bool {
    text.starts_with(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                '：' | ':' | '、' | '.' | '．' | '·' | '—' | '-' | '_' | '（' | '(' | '【' | '['
            )
    })
}

/// Bytes of the number at the start of `text`: Arabic (also full-width) or
/// Chinese numerals, at most 12 characters.
fn number_len(text: &str) -> Option<usize> {
    let len: usize = text
        .chars()
        .take_while(|&c| is_numeral(c))
        .take(12)
        .map(char::len_utf8)
        .sum();
    (len > 0).then_some(len)
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c) || crate::library::model::natural::chinese_digit(c).is_some()
}

/// 序章, 楔子, 引子, 尾声, 后记, 番外 … alone or followed by a separator, and
/// 番外 also by a number (番外一).
fn special_word(line: &str) -> Option<u8> {
    const WORDS: &[&str] = &[
        "序章",
        "序言",
        "序幕",
        "序",
        "楔子",
        "引子",
        "引言",
        "前言",
        "尾声",
        "尾聲",
        "终章",
        "終章",
        "后记",
        "後記",
        "番外",
        "完本感言",
        "后序",
        "跋",
    ];
    WORDS.iter().find_map(|word| {
        let after = line.strip_prefix(word)?;
        let fits = after.is_empty()
            || starts_with_separator(after)
            || (word.starts_with("番外") && (number_len(after).is_some() || after.starts_with('篇')));
        fits.then_some(2)
    })
}

/// Chapter 12, CHAPTER XII, Part Two, Prologue, Epilogue.
fn english(line: &str) -> Option<u8> {
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    let level = match word.to_ascii_lowercase().as_str() {
        "prologue" | "epilogue" | "afterword" => return rest.is_empty().then_some(2),
        "part" | "book" | "volume" => 1,
        "chapter" => 2,
        _ => return None,
    };
    let rest = rest.trim_start();
    let (number, title) = rest
        .split_once(|c: char| c.is_whitespace() || matches!(c, ':' | '.' | '：' | '-'))
        .unwrap_or((rest, ""));
    let is_number = !number.is_empty()
        && (number.chars().all(|c| c.is_ascii_digit())
            || number.chars().all(|c| "IVXLCivxlc".contains(c))
            || ENGLISH_NUMBERS.contains(&number.to_ascii_lowercase().as_str()));
    // "Chapter 3 of the manual says" is a sentence: a title is short.
    (is_number && title.split_whitespace().count() <= 8).then_some(level)
}

const ENGLISH_NUMBERS: &[&str] = &[
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn level(line: &str) -> Option<u8> {
        ChapterRule::Builtin.level(line)
    }

    #[test]
    fn chinese_chapter_headings_are_found_with_their_level() {
        for (line, expected) in [
            ("第十二章", 2),
            ("第十二章 风起云涌", 2),
            ("第12回　宝玉初试云雨情", 2),
            ("第 3 章：重逢", 2),
            ("第一千零一章", 2),
            ("第三卷 江湖", 1),
            ("第二部", 1),
            ("第一节 概述", 3),
            ("第一章风起", 2),
            ("第１２章", 2),
            ("卷一", 1),
            ("卷十二 归途", 1),
            ("序章", 2),
            ("楔子", 2),
            ("引子", 2),
            ("尾声", 2),
            ("后记", 2),
            ("番外一 小师妹", 2),
            ("番外篇：春节", 2),
            ("Chapter 12", 2),
            ("CHAPTER XII: The Return", 2),
            ("Part Two", 1),
            ("Prologue", 2),
        ] {
            assert_eq!(level(line), Some(expected), "{line}");
        }
    }

    #[test]
    fn story_lines_are_not_headings() {
        for line in [
            "第六回合",
            "第六回合开始了，他挥剑。",
            "第三节课是数学",
            "第一部分讲的是历史",
            "第二集合点在山下",
            "第一章的内容很长，讲了很多事。",
            "第一次见面",
            "第三天",
            "后记得他说过",
            "序幕拉开，灯光亮起",
            "卷起袖子就干",
            "Chapter 3 of the manual explains how the parts fit together and what each of them does",
            "Chapters are long",
            "第一章讲的是一个很长很长很长很长很长很长很长很长的故事情节需要注意",
            "他说：“第一章就这样吧。”",
        ] {
            assert_eq!(level(line), None, "{line}");
        }
        let long = format!("第一章 {}", "很".repeat(60));
        assert_eq!(level(&long), None);
    }

    #[test]
    fn one_heading_alone_is_not_a_book_and_levels_start_at_one() {
        let single = ["序章", "正文很长。"];
        assert!(find_headings(single.into_iter(), &ChapterRule::Builtin).is_empty());
        let book = ["第一章 起", "正文。", "第二章 承", "正文。"];
        assert_eq!(
            find_headings(book.into_iter(), &ChapterRule::Builtin),
            vec![(0, 1), (2, 1)]
        );
        let volumes = ["第一卷", "第一章", "第二章"];
        assert_eq!(
            find_headings(volumes.into_iter(), &ChapterRule::Builtin),
            vec![(0, 1), (1, 2), (2, 2)]
        );
    }

    #[test]
    fn a_user_pattern_replaces_the_builtin_one() {
        let rule = ChapterRule::pattern(r"^\d{3}\s").expect("valid");
        assert_eq!(rule.level("001 开端"), Some(2));
        assert_eq!(rule.level("第一章"), None);
        let err = ChapterRule::pattern("(").unwrap_err();
        assert_eq!(
            err,
            "is not a valid regular expression (found open group without closing ')')"
        );
        assert!(matches!(ChapterRule::pattern(""), Ok(ChapterRule::Builtin)));
        assert_eq!(ChapterRule::Builtin.fingerprint(), "");
        assert_eq!(rule.fingerprint(), r"^\d{3}\s");
        let chinese = ChapterRule::pattern(r"^第[一二三四五六七八九十百千零〇\d]+[章回]").expect("valid");
        assert_eq!(chinese.level("第十二回 风起"), Some(2));
        assert_eq!(chinese.level("第12章"), Some(2));
        assert_eq!(chinese.level("第几章"), None);
        // What the guide writes for a Han character.
        let han = ChapterRule::pattern(r"^卷[\x{4E00}-\x{9FFF}]+$").expect("valid");
        assert_eq!(han.level("卷三"), Some(2));
        assert_eq!(han.level("卷3"), None);
        let err = ChapterRule::pattern(r"^\p{Han}+$").unwrap_err();
        assert_eq!(
            err,
            "is not a valid regular expression (Unicode character classes are not supported)"
        );
    }
}
