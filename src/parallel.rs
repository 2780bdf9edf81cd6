//! Work split over the machine's cores with scoped threads, results kept in
//! input order.

/// Threads to use: the cores, at most eight.
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(8)
}

/// `f` applied to every item, on all cores in chunks of at least
/// `min_chunk` items, in input order. A chunk whose thread panicked gives
/// `None` for each of its items.
pub fn map<T: Sync, R: Send>(items: &[T], min_chunk: usize, f: impl Fn(&T) -> R + Sync) -> Vec<Option<R>> {
    let chunk = items.len().div_ceil(threads()).max(min_chunk).max(1);
    if items.len() <= chunk {
        return items.iter().map(|item| Some(f(item))).collect();
    }
    let f = &f;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| (part.len(), scope.spawn(move || part.iter().map(f).collect::<Vec<R>>())))
            .collect();
        handles
            .into_iter()
            .flat_map(|(len, handle)| match handle.join() {
                Ok(results) => results.into_iter().map(Some).collect::<Vec<_>>(),
                Err(_) => std::iter::repeat_with(|| None).take(len).collect(),
            })
            .collect()
    })
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
}
