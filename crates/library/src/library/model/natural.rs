//! Natural order of names: runs of digits compare as numbers (vol2 before
//! vol10, 2.md before 10.md) and so do runs of Chinese numerals (第二章
//! before 第十章, 卷三 before 卷十二); Han characters compare by their
//! pinyin (李 before 張, whatever their code points), everything else by
//! character.

use std::cmp::Ordering;

use crate::text::pinyin;

/// The value of a Chinese digit (not of a unit such as 十 or 百).
pub(crate) fn chinese_digit(c: char) -> Option<u64> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '兩' | '贰' | '貳' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return chinese_unit(c).map(|_| 0),
    })
}

fn chinese_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' | '拾' => 10,
        '百' | '佰' => 100,
        '千' | '仟' => 1_000,
        '万' | '萬' => 10_000,
        '亿' | '億' => 100_000_000,
        _ => return None,
    })
}

/// The value of a run of Chinese numerals: 十二 = 12, 一百零五 = 105,
/// 两千 = 2000, 二〇二一 = 2021 (digits without units are read in place).
pub(crate) fn chinese_value(run: &str) -> u64 {
    if !run.chars().any(|c| chinese_unit(c).is_some()) {
        return run.chars().fold(0u64, |value, c| {
            value.saturating_mul(10).saturating_add(chinese_digit(c).unwrap_or(0))
        });
    }
    // Sections below 万 and 亿 add up; each large unit multiplies what precedes it.
    let (mut total, mut section, mut digit) = (0u64, 0u64, None::<u64>);
    for c in run.chars() {
        match chinese_unit(c) {
            Some(unit) if unit >= 10_000 => {
                let value = section.saturating_add(digit.take().unwrap_or(0));
                total = total.saturating_add(value.max(1).saturating_mul(unit));
                section = 0;
            }
            // 十 alone is ten: a unit without a digit before it counts one.
            Some(unit) => section = section.saturating_add(digit.take().unwrap_or(1).saturating_mul(unit)),
            None => digit = chinese_digit(c),
        }
    }
    total.saturating_add(section).saturating_add(digit.unwrap_or(0))
}

#[derive(Debug, PartialEq, Eq)]
enum Piece<'a> {
    /// ASCII or full-width digits, leading zeros stripped.
    Digits(&'a str, usize),
    Chinese(u64),
    Char(char),
}

/// Splits `name` into digit runs, numeral runs and single characters.
fn pieces(name: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = name;
    std::iter::from_fn(move || {
        let c = rest.chars().next()?;
        let run_len = |f: fn(char) -> bool| rest.find(|c: char| !f(c)).unwrap_or(rest.len());
        let piece = if is_digit(c) {
            let len = run_len(is_digit);
            let run = &rest[..len];
            let significant = run.trim_start_matches(['0', '０']);
            rest = &rest[len..];
            Piece::Digits(significant, run.chars().count())
        } else if chinese_digit(c).is_some() {
            let len = run_len(|c| chinese_digit(c).is_some());
            let value = chinese_value(&rest[..len]);
            rest = &rest[len..];
            Piece::Chinese(value)
        } else {
            rest = &rest[c.len_utf8()..];
            Piece::Char(c)
        };
        Some(piece)
    })
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// Digits compared by value without parsing (any length): fewer significant
/// digits is smaller, then digit by digit, full-width digits as their ASCII twins.
fn compare_digits(a: &str, b: &str) -> Ordering {
    let value = |c: char| c.to_digit(10).unwrap_or_else(|| (c as u32).saturating_sub('０' as u32));
    a.chars()
        .count()
        .cmp(&b.chars().count())
        .then_with(|| a.chars().map(value).cmp(b.chars().map(value)))
}

fn numeric<'a>(piece: &Piece<'a>) -> Option<Result<(&'a str, usize), u64>> {
    match piece {
        Piece::Digits(significant, len) => Some(Ok((significant, *len))),
        Piece::Chinese(value) => Some(Err(*value)),
        Piece::Char(_) => None,
    }
}

/// Compares two numbers, each Arabic or Chinese.
fn compare_numbers(a: Result<(&str, usize), u64>, b: Result<(&str, usize), u64>) -> Ordering {
    match (a, b) {
        // The same value with more leading zeros sorts after: 1 before 01.
        (Ok((a, a_len)), Ok((b, b_len))) => compare_digits(a, b).then(a_len.cmp(&b_len)),
        (Err(a), Err(b)) => a.cmp(&b),
        (Ok((a, _)), Err(b)) => compare_digits(a, &nonzero(b)),
        (Err(a), Ok((b, _))) => compare_digits(&nonzero(a), b),
    }
}

/// A Chinese value as significant digits (none for zero, like stripped Arabic digits).
fn nonzero(value: u64) -> String {
    if value == 0 { String::new() } else { value.to_string() }
}

/// The value of every number in `text`, Arabic (ASCII or full-width
/// digits) or Chinese (第一百九十二章 holds 192); a number too large for
/// `u64` counts as `u64::MAX`.
pub fn numbers_in(text: &str) -> impl Iterator<Item = u64> + '_ {
    pieces(text).filter_map(|piece| match piece {
        Piece::Digits(significant, _) => Some(digits_value(significant)),
        Piece::Chinese(value) => Some(value),
        Piece::Char(_) => None,
    })
}

/// The value of `text` when it is one number and nothing else (192, １９２,
/// 一百九十二), spaces around it aside.
pub fn number_value(text: &str) -> Option<u64> {
    let mut pieces = pieces(text.trim());
    match (pieces.next()?, pieces.next()) {
        (Piece::Digits(significant, _), None) => Some(digits_value(significant)),
        (Piece::Chinese(value), None) => Some(value),
        _ => None,
    }
}

fn digits_value(significant: &str) -> u64 {
    significant.chars().fold(0u64, |value, c| {
        let digit = c.to_digit(10).unwrap_or_else(|| (c as u32).saturating_sub('０' as u32));
        value.saturating_mul(10).saturating_add(u64::from(digit))
    })
}

/// Where a character sorts: those below the Han ideographs (Latin, kana,
/// punctuation) by code point, then Han characters by their toneless pinyin
/// (then code point), then the rest — a key, so the order stays total.
fn char_key(c: char) -> (u8, &'static str, char) {
    match pinyin::reading(c) {
        Some(reading) => (1, reading, c),
        None if c < '\u{3400}' => (0, "", c),
        None => (2, "", c),
    }
}

/// Natural order of two names; names equal in this order fall back to plain
/// character order, so the order is total.
pub fn natural_cmp(a: &str, b: &str) -> Ordering {
    let mut left = pieces(a);
    let mut right = pieces(b);
    loop {
        let ordering = match (left.next(), right.next()) {
            (None, None) => return a.cmp(b),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (Some(x), Some(y)) => match (numeric(&x), numeric(&y)) {
                (Some(x), Some(y)) => compare_numbers(x, y),
                // A number sorts before a letter, as file managers do.
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => match (x, y) {
                    (Piece::Char(x), Piece::Char(y)) if x == y => Ordering::Equal,
                    (Piece::Char(x), Piece::Char(y)) => char_key(x).cmp(&char_key(y)),
                    _ => Ordering::Equal,
                },
            },
        };
        if ordering != Ordering::Equal {
            return ordering;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut names: Vec<String> = names.iter().map(ToString::to_string).collect();
        names.sort_by(|a, b| natural_cmp(a, b));
        names
    }

    #[test]
    fn chinese_numerals_are_read_as_numbers() {
        for (run, value) in [
            ("一", 1),
            ("十", 10),
            ("十二", 12),
            ("二十", 20),
            ("二十三", 23),
            ("一百零五", 105),
            ("两千", 2000),
            ("一千零一", 1001),
            ("三万五千", 35_000),
            ("二〇二一", 2021),
            ("壹佰贰拾", 120),
        ] {
            assert_eq!(chinese_value(run), value, "{run}");
        }
    }

    #[test]
    fn paths_sort_as_people_number_them() {
        assert_eq!(
            sorted(&["vol10/a.md", "vol2/a.md", "vol1/a.md"]),
            ["vol1/a.md", "vol2/a.md", "vol10/a.md"]
        );
        assert_eq!(sorted(&["10.md", "2.md", "001.md"]), ["001.md", "2.md", "10.md"]);
        assert_eq!(
            sorted(&["第十章.txt", "第二章.txt", "第一百章.txt", "第十一章.txt"]),
            ["第二章.txt", "第十章.txt", "第十一章.txt", "第一百章.txt"]
        );
        assert_eq!(
            sorted(&["卷一", "卷七", "卷三", "卷九", "卷二", "卷十"]),
            ["卷一", "卷二", "卷三", "卷七", "卷九", "卷十"]
        );
        assert_eq!(sorted(&["第3章", "第二章", "第10章"]), ["第二章", "第3章", "第10章"]);
    }

    #[test]
    fn han_names_sort_by_pinyin_not_code_point() {
        // By code point 張 (U+5F35) < 李 (U+674E) < 杜 (U+675C).
        assert_eq!(sorted(&["張九齡", "李白", "杜甫"]), ["杜甫", "李白", "張九齡"]);
        assert_eq!(sorted(&["孟浩然", "劉長卿", "王維"]), ["劉長卿", "孟浩然", "王維"]);
        // Numbers still by value, Latin before Han.
        assert_eq!(
            sorted(&["帝京篇十首 十", "帝京篇十首 二", "帝京篇十首 一", "Abc"]),
            ["Abc", "帝京篇十首 一", "帝京篇十首 二", "帝京篇十首 十"]
        );
    }

    #[test]
    fn numbers_are_found_in_titles_whatever_their_digits() {
        assert_eq!(numbers_in("第一百九十二章 回家").collect::<Vec<_>>(), [192]);
        assert_eq!(numbers_in("卷3第１２回").collect::<Vec<_>>(), [3, 12]);
        assert_eq!(number_value("192"), Some(192));
        assert_eq!(number_value(" 一百九十二 "), Some(192));
        assert_eq!(number_value("０７"), Some(7));
        assert_eq!(number_value("第192"), None);
        assert_eq!(number_value(""), None);
        assert_eq!(number_value(&"9".repeat(40)), Some(u64::MAX));
    }

    #[test]
    fn the_order_is_total_and_consistent() {
        assert_eq!(natural_cmp("1.md", "01.md"), Ordering::Less);
        assert_eq!(natural_cmp("a", "a"), Ordering::Equal);
        assert_eq!(natural_cmp("a1", "a"), Ordering::Greater);
        let big = "9".repeat(40);
        assert_eq!(natural_cmp(&big, &format!("1{big}")), Ordering::Less);
        assert_eq!(natural_cmp("１２", "3"), Ordering::Greater);
    }
}
