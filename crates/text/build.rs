//! Writes the pinyin tables of `src/text/pinyin.rs` into `OUT_DIR`: every
//! character is asked of the `pinyin` crate (a build-dependency only), and its
//! toneless readings are written as arrays of integers, which hold no pointers,
//! so the dynamic loader has nothing to fix up in them when the binary starts.

use std::collections::BTreeMap;
use std::path::PathBuf;

use pinyin::{Pinyin, ToPinyin, ToPinyinMulti};

/// Characters with readings closer together than this many code points share
/// a range: a gap costs two bytes a code point, a range twelve bytes (and the
/// binary search over the ranges a little time).
const GAP: u32 = 256;

/// The bit of an entry of `FIRST` set when the character has more readings.
const MORE: u16 = 1 << 15;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let read = all_readings();
    let mut code = String::new();
    let ids = syllables(&read, &mut code);
    ranges(&read, &ids, &mut code);
    more(&read, &ids, &mut code);
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("Cargo sets OUT_DIR for build scripts"));
    std::fs::write(out.join("pinyin_tables.rs"), code).expect("the pinyin tables can be written to OUT_DIR");
}

/// Every character that has a reading, in order, with its toneless readings.
fn all_readings() -> Vec<(u32, Vec<&'static str>)> {
    let mut read = Vec::new();
    for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
        let Some(multi) = c.to_pinyin_multi() else {
            assert!(c.to_pinyin().is_none(), "{c:?} has a reading but no readings");
            continue;
        };
        let plain: Vec<&'static str> = multi.into_iter().map(Pinyin::plain).collect();
        assert_eq!(
            c.to_pinyin().map(Pinyin::plain),
            plain.first().copied(),
            "the reading of {c:?} is its first"
        );
        read.push((u32::from(c), plain));
    }
    read
}

/// Writes `SYLLABLES` and `SYLLABLE_ENDS`; the id of each syllable, from 1
/// (0 stands for no reading), in alphabetical order.
fn syllables(read: &[(u32, Vec<&'static str>)], code: &mut String) -> BTreeMap<&'static str, u16> {
    let mut ids: BTreeMap<&'static str, u16> = read.iter().flat_map(|(_, r)| r.iter().map(|&s| (s, 0))).collect();
    let (mut all, mut ends) = (String::new(), vec![0u16]);
    for (id, (syllable, slot)) in ids.iter_mut().enumerate() {
        *slot = u16::try_from(id + 1)
            .ok()
            .filter(|&id| id < MORE)
            .expect("fewer syllables than the bit MORE");
        all.push_str(syllable);
        ends.push(u16::try_from(all.len()).expect("the syllables together take under 64 KiB"));
    }
    item(
        code,
        "Bit of an entry of `FIRST`: the character has more readings (`MORE_CHARS`).",
        &format!("const MORE: u16 = {MORE};"),
    );
    item(
        code,
        "Every toneless syllable, one after another, in alphabetical order.",
        &format!("const SYLLABLES: &str = {all:?};"),
    );
    item(
        code,
        "Where syllable `id` ends in `SYLLABLES` (and `id + 1` starts); 0 is no reading.",
        &array("SYLLABLE_ENDS", "u16", &ends),
    );
    ids
}

/// Writes `RANGES` and `FIRST`: the runs of characters with readings, and an
/// entry for each character of a run: the id of its first reading (0 for
/// none), with `MORE` set when it has others.
fn ranges(read: &[(u32, Vec<&'static str>)], ids: &BTreeMap<&'static str, u16>, code: &mut String) {
    let mut ranges: Vec<(u32, u32, u32)> = Vec::new();
    let mut first: Vec<u16> = Vec::new();
    for (c, readings) in read {
        match ranges.last_mut() {
            Some((_, end, _)) if *c - *end < GAP => *end = *c + 1,
            _ => ranges.push((*c, *c + 1, len_u32(first.len()))),
        }
        let &(start, _, offset) = ranges.last().expect("a range was just made");
        let at = usize::try_from(offset + (*c - start)).expect("a table index fits usize");
        first.resize(at + 1, 0);
        let more = if readings.len() > 1 { MORE } else { 0 };
        first[at] = ids[readings[0]] | more;
    }
    item(
        code,
        "Runs of characters with readings, in order: (first, one past the last, where in `FIRST`).",
        &format!("static RANGES: [(u32, u32, u32); {}] = {ranges:?};", ranges.len()),
    );
    item(
        code,
        "Each character of the runs: its first reading's id (0: none), `MORE` if it has others.",
        &array("FIRST", "u16", &first),
    );
}

/// Writes `MORE_CHARS`, `MORE_ENDS` and `MORE_READINGS`: the characters with
/// several readings, in order, and the ids of their readings after the first.
fn more(read: &[(u32, Vec<&'static str>)], ids: &BTreeMap<&'static str, u16>, code: &mut String) {
    let (mut chars, mut ends, mut readings) = (Vec::new(), vec![0u16], Vec::new());
    for (c, all) in read.iter().filter(|(_, all)| all.len() > 1) {
        chars.push(*c);
        readings.extend(all[1..].iter().map(|s| ids[s]));
        ends.push(u16::try_from(readings.len()).expect("under 64 Ki further readings"));
    }
    item(
        code,
        "The characters with more than one reading, in order.",
        &array("MORE_CHARS", "u32", &chars),
    );
    item(
        code,
        "Where the further readings of `MORE_CHARS[i]` end in `MORE_READINGS` (and those of `i + 1` start).",
        &array("MORE_ENDS", "u16", &ends),
    );
    item(
        code,
        "The ids of the readings after the first, in the `pinyin` crate's order.",
        &array("MORE_READINGS", "u16", &readings),
    );
}

/// Appends `item` with its documentation to the generated source.
fn item(code: &mut String, doc: &str, item: &str) {
    code.push_str(&format!("/// {doc}\n{item}\n"));
}

/// A static array of integers, sixteen a line.
fn array<T: std::fmt::Display>(name: &str, kind: &str, values: &[T]) -> String {
    let mut code = format!("static {name}: [{kind}; {}] = [", values.len());
    for (i, value) in values.iter().enumerate() {
        code.push_str(if i % 16 == 0 { "\n    " } else { " " });
        code.push_str(&format!("{value},"));
    }
    code + "\n];"
}

/// A length as an entry of `RANGES`.
fn len_u32(len: usize) -> u32 {
    u32::try_from(len).expect("the tables have under 4 Gi entries")
}
