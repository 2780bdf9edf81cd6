//! Finding a query's words in a text: every hit, without overlap, left to
//! right. One word is found with memmem (or ignoring ASCII case where the
//! text keeps its capitals); several at once with Aho-Corasick, the longest
//! word winning where two start at the same place. `/`, `s` and `yuedu
//! search` all count and mark hits through this one scan.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use memchr::memmem::Finder;

use super::caseless::CaselessFinder;
use super::query::{Field, Query, Term};

/// A finder for one punctuation variant of a word.
pub(super) struct VariantFinder<'q> {
    exact: Finder<'q>,
    /// For texts searched ignoring ASCII case; `None` when the word has no letter.
    caseless: Option<CaselessFinder>,
    len: usize,
}

impl<'q> VariantFinder<'q> {
    fn new(variant: &'q str) -> VariantFinder<'q> {
        VariantFinder {
            exact: Finder::new(variant.as_bytes()),
            caseless: CaselessFinder::new(variant.as_bytes()),
            len: variant.len(),
        }
    }

    fn each_match(&self, haystack: &[u8], ignore_case: bool, mut found: impl FnMut(usize)) {
        match (&self.caseless, ignore_case) {
            (Some(caseless), true) => caseless.find_iter(haystack).for_each(found),
            _ => self.exact.find_iter(haystack).for_each(&mut found),
        }
    }

    fn is_in(&self, haystack: &[u8], ignore_case: bool) -> bool {
        match (&self.caseless, ignore_case) {
            (Some(caseless), true) => caseless.find_from(haystack, 0).is_some(),
            _ => self.exact.find(haystack).is_some(),
        }
    }
}

/// Whether any variant of a word is in a text.
pub(super) fn term_in(finders: &[VariantFinder<'_>], haystack: &[u8], ignore_case: bool) -> bool {
    finders.iter().any(|f| f.is_in(haystack, ignore_case))
}

/// What to look for of a word: its punctuation variants in folded texts;
/// with `unfolded`, every form that folds to them, in texts as they stand.
fn forms(term: &Term, unfolded: bool) -> &[String] {
    match (&term.unfolded, unfolded) {
        (Some(forms), true) => forms,
        _ => &term.variants,
    }
}

/// For each word of the query, a finder per form (see `forms`).
pub(super) fn term_finders(query: &Query, unfolded: bool) -> Vec<Vec<VariantFinder<'_>>> {
    query
        .terms
        .iter()
        .map(|t| forms(t, unfolded).iter().map(|v| VariantFinder::new(v)).collect())
        .collect()
}

/// The hits of a query in a body: the variants of every wanted word that is
/// looked for in the text.
pub(super) enum Scanner<'q> {
    None,
    One(Box<VariantFinder<'q>>),
    /// Several words or forms: Aho-Corasick, and a finder for each, which
    /// tells the many texts that hold none at less cost than the automaton.
    Many(AhoCorasick, Vec<VariantFinder<'q>>),
}

impl<'q> Scanner<'q> {
    /// The scanner of folded texts, or with `unfolded` of texts as they stand.
    pub(super) fn new(query: &'q Query, unfolded: bool) -> Scanner<'q> {
        let patterns: Vec<&str> = query
            .wanted()
            .filter(|t: &&Term| t.searches(Field::Text))
            .flat_map(|t| forms(t, unfolded).iter().map(String::as_str))
            .collect();
        match patterns.as_slice() {
            [] => Scanner::None,
            [one] => Scanner::One(Box::new(VariantFinder::new(one))),
            many => {
                // Patterns are folded (lower case), and so is every text but
                // those searched ignoring ASCII case.
                let built = AhoCorasickBuilder::new()
                    .match_kind(MatchKind::LeftmostLongest)
                    .ascii_case_insensitive(true)
                    .build(many);
                match built {
                    Ok(automaton) => Scanner::Many(automaton, many.iter().map(|p| VariantFinder::new(p)).collect()),
                    Err(_) => Scanner::None,
                }
            }
        }
    }

    /// Calls `found(start, end)` for every hit, left to right, not overlapping.
    pub(super) fn each(&self, haystack: &[u8], ignore_case: bool, mut found: impl FnMut(usize, usize)) {
        match self {
            Scanner::None => {}
            Scanner::One(finder) => finder.each_match(haystack, ignore_case, |at| found(at, at + finder.len)),
            Scanner::Many(automaton, finders) => {
                if term_in(finders, haystack, ignore_case) {
                    automaton.find_iter(haystack).for_each(|m| found(m.start(), m.end()));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(query: &str, text: &str) -> Vec<(usize, usize)> {
        let query = Query::parse(query, false);
        let scanner = Scanner::new(&query, false);
        let mut found = Vec::new();
        scanner.each(text.as_bytes(), true, |s, e| found.push((s, e)));
        found
    }

    #[test]
    fn touching_hits_are_separate() {
        let text = "好好学习，天天向上。好人好事。";
        assert_eq!(hits("好", text).len(), 4);
        assert_eq!(hits("月", "月月").len(), 2);
        assert_eq!(hits("aa", "aaaa").len(), 2);
    }

    #[test]
    fn several_words_scan_once_left_to_right_longest_first() {
        assert_eq!(hits("one to one", "one to one, ONE.").len(), 4, "one counted once");
        assert_eq!(hits("one", "one to one, ONE.").len(), 3);
        assert_eq!(hits("好 好好", "好好好").len(), 2, "好好 then 好");
        let text = "客户关系，客户";
        assert_eq!(hits("客户 关系", text), [(0, 6), (6, 12), (15, 21)]);
        assert!(hits("title:客户", text).is_empty(), "only the title");
        assert_eq!(hits("客户 -关系", text).len(), 2, "exclusions are not marked");
    }
}
