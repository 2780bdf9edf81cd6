//! Matching a short text (a title, an author) by pinyin: each character is
//! typed as the first letter of one of its readings, as the whole reading
//! without tones, or (for zh, ch, sh) as its two-letter initial, in any mix:
//! `jys`, `jingyesi` and `jingys` all find 靜夜思. Every reading of a
//! heteronym counts (重庆 is `cq` and `zq`). Latin letters and digits stand for
//! themselves; other characters that have no reading (spaces, punctuation)
//! are skipped.

use super::fold::fold_one;
use crate::text::pinyin::readings;

/// How well a query matched: the whole text, its start, or somewhere inside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    Contains,
    Prefix,
    Exact,
}

/// Queries longer than this many letters are not tried as pinyin.
const MAX_LETTERS: usize = 63;

/// For each character of `text`, the first letter of its readings (of the
/// character and of its folded form) in one byte: `SKIP` for characters to
/// skip, `SEVERAL` for those whose readings start with different letters
/// (重: c and z), whose letters are looked up again when a query needs them.
/// A prefilter, one byte a character (an index of 57,603 poems keeps about
/// a million).
pub fn initials(text: &str) -> impl Iterator<Item = u8> + '_ {
    text.chars().map(|c| match letters(c) {
        0 => SKIP,
        one if one.is_power_of_two() => one.trailing_zeros() as u8 + 1,
        _ => SEVERAL,
    })
}

/// An initial of a character that has no reading.
const SKIP: u8 = 0;
/// An initial of a character whose readings start with several letters.
const SEVERAL: u8 = u8::MAX;

/// The first letters of all the readings of `c` as a bit set (`bit`).
fn letters(c: char) -> u32 {
    let mut letters = 0;
    each_reading(c, |reading| letters |= bit(reading[0]));
    letters
}

/// Whether a reading of `c`, whose initial is `initial`, starts with a
/// letter of `wanted` (a `bit`).
fn starts_with(initial: u8, c: char, wanted: u32) -> bool {
    match initial {
        SKIP => false,
        SEVERAL => letters(c) & wanted != 0,
        one => 1u32.checked_shl(u32::from(one - 1)) == Some(wanted),
    }
}

/// Whether `query` (lower-case ASCII letters) spells some run of consecutive
/// characters of `text` (whose `initials` these are), and how well.
pub fn matches(text: &str, initials: &[u8], query: &[u8]) -> Option<Tier> {
    let first = *query.first()?;
    if query.len() > MAX_LETTERS || !query.iter().all(u8::is_ascii_lowercase) {
        return None;
    }
    let lead = initials.iter().position(|&l| l != SKIP)?;
    let mut best = None;
    for (start, (&initial, c)) in initials.iter().zip(text.chars()).enumerate() {
        if !starts_with(initial, c, bit(first)) {
            continue;
        }
        let Some(end_reached) = run(text.chars().skip(start), query) else {
            continue;
        };
        let tier = match (start == lead, end_reached) {
            (true, true) => Tier::Exact,
            (true, false) => Tier::Prefix,
            _ => Tier::Contains,
        };
        best = best.max(Some(tier));
        if tier != Tier::Contains {
            break;
        }
    }
    best
}

/// Runs the query over `chars` from their start: `None` when it is never
/// spelt out; `Some(true)` when it can end exactly at the last character.
fn run(chars: impl Iterator<Item = char>, query: &[u8]) -> Option<bool> {
    let done = 1u64 << query.len();
    let mut states = 1u64; // bit q: the first q letters are spelt
    let mut matched = false;
    for c in chars {
        let mut next = 0u64;
        let mut any_reading = false;
        each_reading(c, |reading| {
            any_reading = true;
            for q in (0..query.len()).filter(|&q| states & (1 << q) != 0) {
                let rest = &query[q..];
                if rest[0] == reading[0] {
                    next |= 1 << (q + 1);
                }
                let initial = &reading[..2.min(reading.len())];
                if initial.len() == 2 && initial[1] == b'h' && rest.starts_with(initial) {
                    next |= 1 << (q + 2);
                }
                if reading.len() > 1 && rest.starts_with(reading) {
                    next |= 1 << (q + reading.len());
                }
            }
        });
        if !any_reading {
            // Punctuation and spaces are skipped.
            next = states;
        }
        // The done bit survives only characters that are skipped.
        matched |= next & done != 0;
        states = next;
        if states == 0 {
            break;
        }
    }
    matched.then_some(states & done != 0)
}

/// Each reading without tones, as lower-case ASCII, of a character and of its
/// folded form; a Latin letter or digit reads as itself.
fn each_reading(c: char, mut found: impl FnMut(&[u8])) {
    if c.is_ascii_alphanumeric() {
        found(&[c.to_ascii_lowercase() as u8]);
        return;
    }
    let folded = fold_one(c);
    for c in [c, folded].into_iter().take(if folded == c { 1 } else { 2 }) {
        for reading in readings(c).map(str::as_bytes) {
            if !reading.is_empty() {
                found(reading);
            }
        }
    }
}

fn bit(letter: u8) -> u32 {
    match letter {
        b'a'..=b'z' => 1 << (letter - b'a'),
        // Digits share one bit: rare in titles, and only a prefilter.
        b'0'..=b'9' => 1 << 31,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tier(text: &str, query: &str) -> Option<Tier> {
        matches(text, &initials(text).collect::<Vec<_>>(), query.as_bytes())
    }

    #[test]
    fn initials_full_readings_and_mixes() {
        for query in ["jys", "jingyesi", "jingys", "jyesi"] {
            assert_eq!(tier("靜夜思", query), Some(Tier::Exact), "{query}");
            assert_eq!(tier("静夜思", query), Some(Tier::Exact), "{query}");
        }
        assert_eq!(tier("靜夜思其二", "jys"), Some(Tier::Prefix));
        assert_eq!(tier("李白 靜夜思", "jys"), Some(Tier::Contains));
        assert_eq!(tier("七絕一首", "jys"), Some(Tier::Contains), "絕一首 is jue yi shou");
        assert_eq!(tier("七絕一首", "jingyesi"), None);
        assert_eq!(tier("靜夜思", "jysx"), None);
        assert_eq!(tier("靜夜思", "jingyesix"), None);
    }

    #[test]
    fn every_reading_counts() {
        assert_eq!(tier("重庆银行", "cq"), Some(Tier::Prefix));
        assert_eq!(tier("重庆银行", "zq"), Some(Tier::Prefix));
        assert_eq!(tier("重庆银行", "chongqingyinhang"), Some(Tier::Exact));
        assert_eq!(tier("重庆银行", "zhongqingyh"), Some(Tier::Exact));
        assert_eq!(tier("重庆银行", "yx"), Some(Tier::Contains));
        assert_eq!(tier("客戶關係", "khgx"), Some(Tier::Exact));
        assert_eq!(tier("长城", "zhangcheng"), Some(Tier::Exact));
        assert_eq!(tier("长城", "changcheng"), Some(Tier::Exact));
        assert_eq!(tier("長城", "chch"), Some(Tier::Exact));
    }

    #[test]
    fn a_byte_a_character_and_several_initials_looked_up_again() {
        let initials: Vec<u8> = initials("重庆 A1").collect();
        assert_eq!(initials[0], SEVERAL, "重 is chong and zhong");
        assert_eq!(initials[1], b'q' - b'a' + 1);
        assert_eq!(initials[2], SKIP);
        assert_eq!(initials[3], 1);
        assert_eq!(initials[4], 32, "digits share the bit above the letters");
        assert!(starts_with(initials[0], '重', bit(b'z')) && starts_with(initials[0], '重', bit(b'c')));
        assert!(!starts_with(initials[0], '重', bit(b'q')));
        assert!(starts_with(initials[4], '1', bit(b'7')) && !starts_with(initials[3], 'A', bit(b'b')));
    }

    #[test]
    fn latin_punctuation_and_odd_queries() {
        assert_eq!(tier("Rust 入门", "rrm"), None);
        assert_eq!(tier("Rust 入门", "rustrm"), Some(Tier::Exact));
        assert_eq!(tier("春曉（一）", "cxy"), Some(Tier::Exact));
        assert_eq!(tier("靜夜思", ""), None);
        assert_eq!(tier("", "jys"), None);
        assert_eq!(tier("靜夜思", &"j".repeat(100)), None);
    }
}
