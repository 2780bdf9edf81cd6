//! Finding entries: a slot by its path's hash, entries read ahead a part at a time.

use super::tests::cache_of;
use super::*;
use crate::i18n::Text;

#[test]
fn a_hash_is_found_where_it_is_among_even_uneven_and_few_hashes() {
    let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for len in [0, 1, 2, 3, 100, 5000] {
        let even: Vec<u64> = (0..len).map(|_| next()).collect();
        // Bunched at both ends, where a guess by value is far off.
        let uneven: Vec<u64> = (0..len)
            .map(|i| if i % 2 == 0 { i as u64 } else { u64::MAX - i as u64 })
            .collect();
        for mut hashes in [even, uneven] {
            hashes.sort_unstable();
            hashes.dedup();
            let slots: Vec<(u64, ())> = hashes.iter().map(|h| (*h, ())).collect();
            for (at, hash) in hashes.iter().enumerate() {
                assert_eq!(find_hash(&slots, *hash), Some(at), "{len} hashes");
                let absent = hash.wrapping_add(1);
                if hashes.binary_search(&absent).is_err() {
                    assert_eq!(find_hash(&slots, absent), None);
                }
            }
            assert_eq!(find_hash(&slots, 0).is_some(), hashes.first() == Some(&0));
            assert_eq!(find_hash(&slots, u64::MAX).is_some(), hashes.last() == Some(&u64::MAX));
        }
    }
}

/// What the entry of file `i` holds, if it fits: here, a problem's text.
fn held(cache: &ArticleCache, i: usize, ahead: &ReadAhead) -> Option<String> {
    let (key, slot) = (format!("/{i}.md"), cache.slot(&format!("/{i}.md"))?);
    let restored = cache
        .fitting(slot, &key, &i.to_string(), Stamp::default(), ahead)?
        .restore()?;
    restored.err().map(|text| text.en().to_string())
}

#[test]
fn entries_read_ahead_are_the_entries_read_alone_and_a_cache_cut_short_gives_only_whole_ones() {
    let mut bytes = super::tests::header(PARSER);
    let problems: Vec<String> = (0..60)
        .map(|i| {
            if i == 20 {
                "长".repeat(30_000)
            } else {
                format!("problem {i}")
            }
        })
        .collect();
    for (i, problem) in problems.iter().enumerate() {
        let entry = entry_bytes(
            &format!("/{i}.md"),
            &i.to_string(),
            Stamp::default(),
            Err(&Text::same(problem)),
        );
        bytes.extend(entry.expect("entry"));
    }
    let cut = bytes.len() / 2;
    let cache = cache_of(bytes).expect("a cache");
    let slots: Vec<Slot> = (0..60)
        .map(|i| cache.slot(&format!("/{i}.md")).expect("a slot"))
        .collect();
    // Every other entry, and the large one, which is left to be read alone.
    let ahead = cache.read_ahead(slots.iter().copied().step_by(2).chain([slots[20]]));
    for (i, slot) in slots.iter().enumerate() {
        // (Small ones between those asked for are read along.)
        if i % 2 == 0 || i == 20 {
            assert_eq!(ahead.entry(*slot).is_some(), i != 20, "entry {i}");
        }
        assert_eq!(held(&cache, i, &ahead).as_ref(), Some(&problems[i]), "entry {i}");
    }
    // Cut short before the read ahead: the entries past the cut are gone,
    // those before it still read (alone, their run could not be read whole).
    cache.source.as_ref().expect("a file").set_len(cut as u64).expect("cut");
    let ahead = cache.read_ahead(slots.iter().copied());
    for (i, slot) in slots.iter().enumerate() {
        let whole = slot.frame().end <= cut;
        assert_eq!(held(&cache, i, &ahead).is_some(), whole, "entry {i}");
        assert_eq!(
            held(&cache, i, &ahead).is_some(),
            held(&cache, i, &ReadAhead::default()).is_some()
        );
    }
}
