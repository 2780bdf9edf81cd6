//! "Did you mean": the known name closest to a mistyped one.

/// The entry of `known` most like `name`, if any is close enough to be the
/// one meant.
pub fn closest<'k>(name: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    ranked(name, known.into_iter().map(|k| (k, false)), 0.6, 1).pop()
}

/// The entries of `known` most like `name`, best first, at most `limit`:
/// by their similarity (normalised Damerau–Levenshtein, at least `least`),
/// an entry flagged as holding the name (`true`) before all others.
pub fn ranked<'k>(
    name: &str,
    known: impl IntoIterator<Item = (&'k str, bool)>,
    least: f64,
    limit: usize,
) -> Vec<&'k str> {
    let mut scored: Vec<(f64, &str)> = known
        .into_iter()
        .map(|(k, holds)| {
            let score = strsim::normalized_damerau_levenshtein(name, k);
            (if holds { score + 1.0 } else { score }, k)
        })
        .filter(|(score, _)| *score >= least)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.into_iter().take(limit).map(|(_, k)| k).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn suggests_only_close_names() {
        assert_eq!(super::closest("max_widht", ["indent", "max_width"]), Some("max_width"));
        assert_eq!(super::closest("qiut", ["quit", "help"]), Some("quit"));
        assert_eq!(super::closest("apperance", ["reading", "theme"]), None);
    }
}
