//! The toneless pinyin readings of a character, for sorting names by pinyin
//! and for finding titles by the pinyin typed.
//!
//! The tables are written by `build.rs` from the `pinyin` crate, which is only
//! a build-dependency, and give the same readings in the same order. They
//! are arrays of integers with no pointers in them (the one string of all
//! syllables is a constant): a table of pointers is fixed up by the dynamic
//! loader at every start of the binary, page by page, which the `pinyin`
//! crate's own tables cost (about 19 pages, 0.13 ms).
//!
//! A syllable is an id (from 1; 0 is no reading) that marks where it ends in
//! `SYLLABLES` (`SYLLABLE_ENDS`). The characters that have readings lie in a
//! few runs (`RANGES`, found by a binary search), each with an entry a
//! character in `FIRST`: the id of its first, most common reading, with the
//! bit `MORE` set for a heteronym. The further readings of heteronyms are in
//! `MORE_READINGS`, at the place of the character in the sorted `MORE_CHARS`.

include!(concat!(env!("OUT_DIR"), "/pinyin_tables.rs"));

/// The id bits of an entry of `FIRST`.
const ID: u16 = !MORE;

/// The toneless readings of `c`, the most common first (重: `zhong`, `chong`,
/// `tong`); none for a character without one.
pub fn readings(c: char) -> impl Iterator<Item = &'static str> {
    let entry = entry(c);
    let more = if entry & MORE != 0 { more_of(c) } else { &[] };
    reading_of(entry).into_iter().chain(more.iter().map(|&id| syllable(id)))
}

/// The most common toneless reading of `c`, if it has one.
pub fn reading(c: char) -> Option<&'static str> {
    reading_of(entry(c))
}

/// The first reading of an entry of `FIRST`.
fn reading_of(entry: u16) -> Option<&'static str> {
    match entry & ID {
        0 => None,
        id => Some(syllable(id)),
    }
}

/// The entry of `c` in `FIRST`; 0 when it is in no run.
fn entry(c: char) -> u16 {
    let code = u32::from(c);
    let after = RANGES.partition_point(|&(start, _, _)| start <= code);
    let Some(&(start, end, offset)) = after.checked_sub(1).and_then(|run| RANGES.get(run)) else {
        return 0;
    };
    if code >= end {
        return 0;
    }
    FIRST.get((offset + (code - start)) as usize).copied().unwrap_or(0)
}

/// The ids of the readings of `c` after its first.
fn more_of(c: char) -> &'static [u16] {
    let Ok(at) = MORE_CHARS.binary_search(&u32::from(c)) else {
        return &[];
    };
    let (Some(&start), Some(&end)) = (MORE_ENDS.get(at), MORE_ENDS.get(at + 1)) else {
        return &[];
    };
    MORE_READINGS
        .get(usize::from(start)..usize::from(end))
        .unwrap_or_default()
}

/// The syllable of an id from the tables.
fn syllable(id: u16) -> &'static str {
    let id = usize::from(id);
    let (Some(&start), Some(&end)) = (SYLLABLE_ENDS.get(id.wrapping_sub(1)), SYLLABLE_ENDS.get(id)) else {
        return "";
    };
    SYLLABLES.get(usize::from(start)..usize::from(end)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pinyin::{Pinyin, ToPinyin, ToPinyinMulti};

    #[test]
    fn every_character_reads_as_the_pinyin_crate_says() {
        let mut heteronyms = 0;
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let multi = c.to_pinyin_multi();
            let expected = multi.into_iter().flatten().map(Pinyin::plain);
            if !readings(c).eq(expected.clone()) {
                panic!(
                    "{c:?} (U+{:04X}) reads {:?}, the pinyin crate {:?}",
                    u32::from(c),
                    readings(c).collect::<Vec<_>>(),
                    expected.collect::<Vec<_>>()
                );
            }
            assert_eq!(reading(c), c.to_pinyin().map(Pinyin::plain), "{c:?}");
            heteronyms += usize::from(multi.is_some_and(|multi| multi.count() > 1));
        }
        assert_eq!(heteronyms, MORE_CHARS.len(), "the characters with several readings");
    }

    #[test]
    fn heteronyms_and_characters_without_a_reading() {
        assert_eq!(readings('重').collect::<Vec<_>>(), ["zhong", "chong", "tong"]);
        assert_eq!(readings('还').collect::<Vec<_>>(), ["hai", "huan", "fu"]);
        assert_eq!(reading('李'), Some("li"));
        assert_eq!(reading('女'), Some("nü"));
        for c in ['a', '1', ' ', '。', '\u{10FFFF}'] {
            assert_eq!(reading(c), None, "{c:?}");
            assert_eq!(readings(c).count(), 0, "{c:?}");
        }
    }
}
