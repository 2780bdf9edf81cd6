//! "Did you mean": the known name closest to a mistyped one.

/// The entry of `known` most like `name`, if any is close enough to be the
/// one meant.
pub fn closest<'k>(name: &str, known: impl IntoIterator<Item = &'k str>) -> Option<&'k str> {
    known
        .into_iter()
        .map(|k| (strsim::normalized_damerau_levenshtein(name, k), k))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
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
