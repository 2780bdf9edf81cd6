//! Substring search that ignores ASCII case, for texts kept as they are
//! (`Searchable::IgnoringAsciiCase`). It looks for an anchor first: the
//! needle's longest run of bytes that have no case (Chinese characters,
//! digits, punctuation) with memmem, or else its rarest letter in both cases
//! with memchr2; then it compares the whole needle around each candidate.

use memchr::memmem::Finder;

#[derive(Clone, Debug)]
pub struct CaselessFinder {
    /// The needle in lower case.
    needle: Vec<u8>,
    anchor: Anchor,
}

#[derive(Clone, Debug)]
enum Anchor {
    /// Bytes without case, at `offset` in the needle.
    Run {
        finder: Box<Finder<'static>>,
        offset: usize,
    },
    /// One letter, looked for in both cases.
    Letter { offset: usize, lower: u8, upper: u8 },
}

/// English letters from the most to the least frequent: the rarest letter of
/// the needle makes the fewest candidates.
const LETTERS_BY_FREQUENCY: &[u8] = b"etaoinsrhldcumfpgwybvkxjqz";

impl CaselessFinder {
    /// `None` when the needle has no ASCII letter (then plain memmem is exact)
    /// or is empty.
    pub fn new(needle: &[u8]) -> Option<CaselessFinder> {
        if !needle.iter().any(u8::is_ascii_alphabetic) {
            return None;
        }
        let needle = needle.to_ascii_lowercase();
        let anchor = longest_caseless_run(&needle)
            .filter(|run| run.len() >= 2)
            .map(|run| Anchor::Run {
                finder: Box::new(Finder::new(&needle[run.clone()]).into_owned()),
                offset: run.start,
            })
            .unwrap_or_else(|| {
                let (offset, &lower) = needle
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| b.is_ascii_lowercase())
                    .max_by_key(|(_, b)| LETTERS_BY_FREQUENCY.iter().position(|l| l == *b))
                    .unwrap_or((0, &needle[0]));
                Anchor::Letter {
                    offset,
                    lower,
                    upper: lower.to_ascii_uppercase(),
                }
            });
        Some(CaselessFinder { needle, anchor })
    }

    /// The first occurrence at or after `start`.
    pub fn find_from(&self, haystack: &[u8], start: usize) -> Option<usize> {
        let (offset, mut from) = match &self.anchor {
            Anchor::Run { offset, .. } | Anchor::Letter { offset, .. } => (*offset, start.checked_add(*offset)?),
        };
        while from < haystack.len() {
            let found = from
                + match &self.anchor {
                    Anchor::Run { finder, .. } => finder.find(&haystack[from..])?,
                    Anchor::Letter { lower, upper, .. } => memchr::memchr2(*lower, *upper, &haystack[from..])?,
                };
            let candidate = found - offset;
            if haystack
                .get(candidate..candidate + self.needle.len())
                .is_some_and(|window| window.eq_ignore_ascii_case(&self.needle))
            {
                return Some(candidate);
            }
            from = found + 1;
        }
        None
    }

    /// Every occurrence, not overlapping, like `memmem::find_iter`.
    pub fn find_iter<'h>(&'h self, haystack: &'h [u8]) -> impl Iterator<Item = usize> + 'h {
        let mut start = 0;
        std::iter::from_fn(move || {
            let at = self.find_from(haystack, start)?;
            start = at + self.needle.len().max(1);
            Some(at)
        })
    }
}

/// The longest run of bytes that are not ASCII letters.
fn longest_caseless_run(needle: &[u8]) -> Option<std::ops::Range<usize>> {
    let mut best: Option<std::ops::Range<usize>> = None;
    let mut start = 0;
    for (i, b) in needle.iter().chain(std::iter::once(&b'a')).enumerate() {
        if b.is_ascii_alphabetic() {
            if i > start && best.as_ref().is_none_or(|r| i - start > r.len()) {
                best = Some(start..i);
            }
            start = i + 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(needle: &str, haystack: &str) -> Vec<usize> {
        CaselessFinder::new(needle.as_bytes())
            .expect("has letters")
            .find_iter(haystack.as_bytes())
            .collect()
    }

    #[test]
    fn finds_every_case_with_either_anchor() {
        assert_eq!(all("cpu", "CPU、cpu 与 Cpu，不是 cp u"), [0, 6, 14]);
        assert_eq!(all("rater模型", "RATER模型和rater模型，RATE模型"), [0, 14]);
        assert_eq!(all("a", "AaA"), [0, 1, 2]);
        assert_eq!(all("aa", "aaaa"), [0, 2], "not overlapping, like memmem");
        assert_eq!(all("x1", "1x1X1"), [1, 3]);
    }

    #[test]
    fn candidates_near_the_edges_are_safe() {
        assert_eq!(all("模型ab", "模型a"), Vec::<usize>::new());
        assert_eq!(all("ab模型", "b模型"), Vec::<usize>::new());
        assert_eq!(all("q", ""), Vec::<usize>::new());
    }

    #[test]
    fn needles_without_letters_need_no_caseless_finder() {
        assert!(CaselessFinder::new("客户".as_bytes()).is_none());
        assert!(CaselessFinder::new(b"").is_none());
    }

    #[test]
    fn agrees_with_lower_casing_the_haystack() {
        let haystack = "The RATER model: Reliability, Assurance 与 rater 模型 RaTeR! cpu CPU ＣＰＵ";
        let lower = haystack.to_ascii_lowercase();
        for needle in ["rater", "r", "cpu", "rater 模型", "model:", " 与 r", "ty, a"] {
            let expected: Vec<usize> = memchr::memmem::find_iter(lower.as_bytes(), needle.as_bytes()).collect();
            assert_eq!(all(needle, haystack), expected, "{needle}");
        }
    }
}
