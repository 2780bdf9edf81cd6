//! The one way work is split over the cores: rayon's pool, each task run
//! under `catch_unwind`, so a panic (a parser bug on one file, say) costs
//! only the task that hit it. Results keep the input order; a task that
//! panicked gives `None`, and the caller decides what that means for it.
//!
//! # Design
//!
//! the one way work is split over the cores: `map` (per item) and `map_chunks` (per chunk) on
//! rayon's pool, every task under `catch_unwind`, results in input order, `None` for a task that
//! panicked (loading skips that file; layout and search redo the work on the calling thread, so no
//! line or hit is dropped)

use std::panic::{AssertUnwindSafe, catch_unwind};

use rayon::prelude::*;

/// Threads in the pool.
pub fn threads() -> usize {
    rayon::current_num_threads()
}

/// `f` applied to every item on all cores, at least `min_len` items per
/// piece of work, in input order; `None` for an item whose call panicked.
pub fn map<T: Sync, R: Send>(items: &[T], min_len: usize, f: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    items
        .par_iter()
        .with_min_len(min_len.max(1))
        .map(|item| catch_unwind(AssertUnwindSafe(|| f(item))).ok())
        .collect()
}

/// `f` applied to consecutive chunks of `items` (one per thread, at least
/// `min_chunk` items each), given the index of the chunk's first item, in
/// input order; `None` for a chunk whose call panicked. For work that needs
/// state per chunk (search finders) or whose output is a list per chunk.
pub fn map_chunks<T: Sync, R: Send>(
    items: &[T],
    min_chunk: usize,
    f: impl Fn(usize, &[T]) -> R + Sync,
) -> Vec<Option<R>> {
    let chunk = items.len().div_ceil(threads()).max(min_chunk).max(1);
    items
        .par_chunks(chunk)
        .enumerate()
        .map(|(n, part)| catch_unwind(AssertUnwindSafe(|| f(n * chunk, part))).ok())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_input_order() {
        let items: Vec<usize> = (0..1000).collect();
        let doubled = super::map(&items, 10, |n| n * 2);
        assert_eq!(doubled, items.iter().map(|n| Some(n * 2)).collect::<Vec<_>>());
        assert!(super::map(&[] as &[usize], 10, |n| *n).is_empty());
    }

    #[test]
    fn a_panic_costs_only_its_own_item() {
        let items: Vec<usize> = (0..500).collect();
        let results = super::map(&items, 64, |&n| {
            assert!(n != 123, "a bug on one item");
            n
        });
        assert_eq!(results.len(), 500);
        assert_eq!(results[123], None);
        assert_eq!(results.iter().flatten().count(), 499);
        assert_eq!(results[124], Some(124));
    }

    #[test]
    fn chunks_start_where_they_are_and_fail_alone() {
        let items: Vec<usize> = (0..1000).collect();
        let chunks = super::map_chunks(&items, 100, |start, part| {
            assert!(!part.contains(&999), "a bug in the last chunk");
            assert_eq!(part[0], start);
            part.len()
        });
        let chunk = items.len().div_ceil(super::threads()).max(100);
        assert_eq!(chunks.len(), items.len().div_ceil(chunk));
        assert_eq!(chunks.last(), Some(&None));
        let done: usize = chunks.iter().flatten().sum();
        assert_eq!(done, (chunks.len() - 1) * chunk);
    }
}
