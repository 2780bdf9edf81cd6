//! The search index: a folded copy of every title and body, title initials
//! for pinyin queries, and the query logic with its ranking.

use std::ops::Range;

use memchr::memmem::Finder;
use pinyin::ToPinyinMulti;

use super::caseless::CaselessFinder;
use super::fold::{Searchable, fold, punctuation_variants};
use crate::library::{Document, Library};

/// Queries longer than this (in bytes, after folding) are cut: nobody types
/// more, and a pasted page should not stall the search.
const MAX_QUERY_BYTES: usize = 1024;
/// Prefix that turns pinyin initials off for one query.
pub const LITERAL_PREFIX: char = '=';

/// One article's searchable form.
#[derive(Debug)]
struct Doc {
    /// The folded title where folding changes it; otherwise the article's own.
    title: Option<String>,
    /// How the body is searched: a folded copy only where Traditional or
    /// full-width characters need one; otherwise the article's own text.
    body: Searchable,
    /// For each title character, the first letters of all its readings, as a
    /// bit set (bit 0 is a): four bytes a character, for 50,000 titles too.
    initials: Vec<u32>,
}

#[derive(Debug, Default)]
pub struct SearchIndex {
    docs: Vec<Doc>,
}

/// A parsed query: folded terms that must all match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<String>,
    /// Each term in every mix of ASCII and full-width punctuation.
    pub variants: Vec<Vec<String>>,
    /// Lower-case ASCII letters to try as pinyin initials of titles.
    pub initials: Option<String>,
}

impl Query {
    /// Splits at whitespace and folds each term. A query of ASCII letters may
    /// also match title initials, unless `pinyin` is off or it starts with "=".
    pub fn parse(text: &str, pinyin: bool) -> Query {
        let (text, literal) = match text.trim_start().strip_prefix(LITERAL_PREFIX) {
            Some(rest) => (rest, true),
            None => (text, false),
        };
        let mut folded = fold(text);
        if folded.len() > MAX_QUERY_BYTES {
            let mut end = MAX_QUERY_BYTES;
            while !folded.is_char_boundary(end) {
                end -= 1;
            }
            folded.truncate(end);
        }
        let terms: Vec<String> = folded.split_whitespace().map(str::to_string).collect();
        let is_initials = |t: &String| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_lowercase());
        let initials = (pinyin && !literal && terms.len() == 1 && is_initials(&terms[0])).then(|| terms[0].clone());
        let variants = terms.iter().map(|t| punctuation_variants(t)).collect();
        Query {
            terms,
            variants,
            initials,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// One matching article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub article: usize,
    pub title_hit: bool,
    /// Matched by the pinyin initials of its title.
    pub initials_hit: bool,
    /// Occurrences of all terms in the body.
    pub count: usize,
    /// The first occurrence in the body, as a byte range of the original text.
    pub first: Option<Range<usize>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// Best first, at most the limit asked for.
    pub hits: Vec<Hit>,
    /// How many articles matched in all.
    pub total: usize,
}

impl SearchIndex {
    /// Folds every article of `library`, on all cores, for any query.
    pub fn build(library: &Library) -> SearchIndex {
        SearchIndex::build_from(library.articles(), true)
    }

    /// Folds every document, on all cores; the pinyin initials of titles only
    /// `with_initials` (a one-off search knows whether its query needs them).
    pub fn build_from<D: Document + Sync>(articles: &[D], with_initials: bool) -> SearchIndex {
        let docs = crate::parallel::map(articles, 1, |a| Doc {
            title: match Searchable::of(a.title()) {
                Searchable::AsItIs => None,
                _ => Some(fold(a.title())),
            },
            body: Searchable::of(a.text()),
            initials: if with_initials {
                title_initials(a.title())
            } else {
                Vec::new()
            },
        });
        // A document whose folding failed is searched as it is, keeping every
        // later document at its own index.
        let docs = docs
            .into_iter()
            .map(|doc| {
                doc.unwrap_or(Doc {
                    title: None,
                    body: Searchable::AsItIs,
                    initials: Vec::new(),
                })
            })
            .collect();
        SearchIndex { docs }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Articles of `library` (the one the index was built from) matching every term.
    pub fn search(&self, library: &Library, query: &Query, limit: usize) -> SearchResults {
        self.search_in(library.articles(), query, limit)
    }

    /// Documents matching every term, ranked: title hits first, then pinyin
    /// title matches, then by hit count, then in collection order. `articles`
    /// are the ones the index was built from: texts that fold to themselves
    /// are searched there, not copied.
    pub fn search_in<D: Document + Sync>(&self, articles: &[D], query: &Query, limit: usize) -> SearchResults {
        if query.is_empty() {
            return SearchResults::default();
        }
        // Split the scan over the cores; each piece has its own finders.
        let scan = |start: usize, part: &[Doc]| {
            let finders = finders(query);
            part.iter()
                .enumerate()
                .filter_map(|(i, doc)| {
                    let article = start + i;
                    let (title, text) = articles.get(article).map_or(("", ""), |a| (a.title(), a.text()));
                    match_doc(article, doc, (title, text), query, &finders)
                })
                .collect::<Vec<_>>()
        };
        let pieces = crate::parallel::map_chunks(&self.docs, 256, scan);
        let mut hits: Vec<Hit> = if pieces.iter().all(Option::is_some) {
            pieces.into_iter().flatten().flatten().collect()
        } else {
            // A piece failed: scan it all here, so no hit ever goes missing.
            scan(0, &self.docs)
        };
        let total = hits.len();
        hits.sort_by(|a, b| {
            (b.title_hit, b.initials_hit, b.count)
                .cmp(&(a.title_hit, a.initials_hit, a.count))
                .then(a.article.cmp(&b.article))
        });
        hits.truncate(limit);
        SearchResults { hits, total }
    }

    /// Every occurrence of every term in one article's body, as byte ranges of
    /// the original text, in order; overlapping occurrences are merged.
    pub fn hits_in(&self, library: &Library, article: usize, query: &Query) -> Vec<Range<usize>> {
        let (Some(doc), Some(original)) = (self.docs.get(article), library.articles().get(article)) else {
            return Vec::new();
        };
        let (text, ignore_case) = doc.body_text(&original.body.text);
        let mut ranges: Vec<Range<usize>> = Vec::new();
        for variants in finders(query) {
            for finder in variants {
                finder.each_match(text, ignore_case, |at| {
                    ranges.push(doc.original_offset(at)..doc.original_offset(at + finder.len));
                });
            }
        }
        ranges.sort_by_key(|r| (r.start, r.end));
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start <= last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        merged
    }
}

impl Doc {
    /// The text to search and whether ASCII case must be ignored in it.
    fn body_text<'a>(&'a self, original: &'a str) -> (&'a [u8], bool) {
        match &self.body {
            Searchable::AsItIs => (original.as_bytes(), false),
            Searchable::IgnoringAsciiCase => (original.as_bytes(), true),
            Searchable::Copy(folded) => (folded.text.as_bytes(), false),
        }
    }

    /// The original offset of an offset into `body_text`.
    fn original_offset(&self, at: usize) -> usize {
        match &self.body {
            Searchable::Copy(folded) => folded.original_offset(at),
            _ => at,
        }
    }
}

/// A finder for one punctuation variant of a term.
struct VariantFinder<'q> {
    exact: Finder<'q>,
    /// For texts searched ignoring ASCII case; `None` when the term has no letter.
    caseless: Option<CaselessFinder>,
    len: usize,
}

impl VariantFinder<'_> {
    fn each_match(&self, haystack: &[u8], ignore_case: bool, mut found: impl FnMut(usize)) {
        match (&self.caseless, ignore_case) {
            (Some(caseless), true) => caseless.find_iter(haystack).for_each(found),
            _ => self.exact.find_iter(haystack).for_each(&mut found),
        }
    }
}

/// For each term, a finder per punctuation variant.
fn finders(query: &Query) -> Vec<Vec<VariantFinder<'_>>> {
    query
        .variants
        .iter()
        .map(|v| {
            v.iter()
                .map(|t| VariantFinder {
                    exact: Finder::new(t.as_bytes()),
                    caseless: CaselessFinder::new(t.as_bytes()),
                    len: t.len(),
                })
                .collect()
        })
        .collect()
}

fn match_doc(
    article: usize,
    doc: &Doc,
    (original_title, original): (&str, &str),
    query: &Query,
    finders: &[Vec<VariantFinder<'_>>],
) -> Option<Hit> {
    let (body, ignore_case) = doc.body_text(original);
    let title = doc.title.as_deref().unwrap_or(original_title).as_bytes();
    let mut count = 0;
    let mut title_hit = false;
    let mut first: Option<(usize, usize)> = None;
    let mut all_terms = true;
    for variants in finders {
        let mut in_title = false;
        let mut term_count = 0;
        for finder in variants {
            in_title |= finder.exact.find(title).is_some();
            finder.each_match(body, ignore_case, |at| {
                if first.is_none_or(|(f, _)| at < f) {
                    first = Some((at, finder.len));
                }
                term_count += 1;
            });
        }
        title_hit |= in_title;
        count += term_count;
        all_terms &= in_title || term_count > 0;
    }
    let initials_hit = query
        .initials
        .as_ref()
        .is_some_and(|q| matches_initials(&doc.initials, q.as_bytes()));
    if !(all_terms || initials_hit) {
        return None;
    }
    let first = first.map(|(at, len)| doc.original_offset(at)..doc.original_offset(at + len));
    Some(Hit {
        article,
        title_hit: title_hit && all_terms,
        initials_hit,
        count,
        first,
    })
}

/// First letters of every reading of every title character (of the original
/// and of its simplified form), so 客戶關係 and 重庆 (c or z) both work.
fn title_initials(title: &str) -> Vec<u32> {
    let simplified = fast2s::convert(title);
    let bit = |letter: u8| {
        if letter.is_ascii_lowercase() {
            1u32 << (letter - b'a')
        } else {
            0
        }
    };
    title
        .chars()
        .zip(simplified.chars())
        .map(|(original, simple)| {
            let mut letters = 0u32;
            for c in [original, simple] {
                if c.is_ascii_alphabetic() {
                    letters |= bit(c.to_ascii_lowercase() as u8);
                }
                if let Some(readings) = c.to_pinyin_multi() {
                    for reading in readings {
                        letters |= reading.first_letter().bytes().next().map_or(0, bit);
                    }
                }
            }
            letters
        })
        .collect()
}

/// Whether some run of consecutive title characters has `query` (lower-case
/// ASCII letters) as initials.
fn matches_initials(initials: &[u32], query: &[u8]) -> bool {
    let wanted: Vec<u32> = query
        .iter()
        .map(|&q| if q.is_ascii_lowercase() { 1 << (q - b'a') } else { 0 })
        .collect();
    wanted.len() <= initials.len()
        && wanted.iter().all(|&w| w != 0)
        && initials
            .windows(wanted.len())
            .any(|window| window.iter().zip(&wanted).all(|(letters, w)| letters & w != 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> (Library, SearchIndex) {
        let library = Library::bundled();
        let index = SearchIndex::build(&library);
        (library, index)
    }

    fn ids(library: &Library, results: &SearchResults) -> Vec<String> {
        results
            .hits
            .iter()
            .map(|h| library.articles()[h.article].id.clone())
            .collect()
    }

    #[test]
    fn real_text_hit_counts() {
        let (library, index) = bundled();
        let results = index.search(&library, &Query::parse("客户关系", false), 10);
        assert_eq!(ids(&library, &results), ["yingxiao/kehu-guanxi-guanli"]);
        let crm = &results.hits[0];
        assert!(crm.title_hit);
        let expected = library.articles()[1].body.text.matches("客户关系").count();
        assert_eq!(crm.count, expected);
        assert!(expected > 20);
    }

    #[test]
    fn traditional_full_width_and_case_are_folded() {
        let (library, index) = bundled();
        for query in ["關係", "客戶關係", "ＣＰＵ", "cpu", "rater", "ＲＡＴＥＲ"] {
            let results = index.search(&library, &Query::parse(query, false), 10);
            assert!(
                ids(&library, &results).contains(&"yingxiao/kehu-guanxi-guanli".to_string()),
                "{query}"
            );
        }
        let results = index.search(&library, &Query::parse("ＣＰＵ", false), 10);
        let first = results.hits[0].first.clone().expect("a body hit");
        assert_eq!(&library.articles()[1].body.text[first], "CPU");
    }

    #[test]
    fn all_terms_must_match_and_titles_rank_first() {
        let (library, index) = bundled();
        let both = index.search(&library, &Query::parse("统计 病案", false), 10);
        assert_eq!(ids(&library, &both), ["yiyuan/tongji-xinxi"]);
        let none = index.search(&library, &Query::parse("统计 RATER", false), 10);
        assert_eq!(none.total, 0);
        let many = index.search(&library, &Query::parse("管理", false), 10);
        assert_eq!(many.total, 3);
        // 医院统计信息工作 has 管理 only in its text: it comes last.
        assert_eq!(
            many.hits.iter().map(|h| h.title_hit).collect::<Vec<_>>(),
            [true, true, false]
        );
        assert!(many.hits[0].count >= many.hits[1].count);
        assert_eq!(ids(&library, &many)[2], "yiyuan/tongji-xinxi");
    }

    #[test]
    fn pinyin_initials_match_titles_with_every_reading() {
        let (library, index) = bundled();
        let results = index.search(&library, &Query::parse("khgx", true), 10);
        assert_eq!(ids(&library, &results), ["yingxiao/kehu-guanxi-guanli"]);
        assert!(results.hits[0].initials_hit);
        assert!(
            index.search(&library, &Query::parse("=khgx", true), 10).hits.is_empty(),
            "= searches literally"
        );
        assert!(
            index.search(&library, &Query::parse("khgx", false), 10).hits.is_empty(),
            "the toggle turns it off"
        );
        // Heteronyms: 重 is chong or zhong; 银行 is yh, not yx only.
        let initials = title_initials("重庆银行");
        assert!(matches_initials(&initials, b"cq"));
        assert!(matches_initials(&initials, b"zq"));
        assert!(matches_initials(&initials, b"yh"));
        assert!(matches_initials(&title_initials("客戶關係"), b"khgx"));
    }

    #[test]
    fn awkward_queries_are_handled() {
        let (library, index) = bundled();
        for query in ["", "   ", "的", "，", "。。。", ".*[(", "\\", &"长".repeat(3_500)] {
            let results = index.search(&library, &Query::parse(query, true), 10);
            assert!(results.total <= 3, "{query:?}");
        }
        assert!(
            index.search(&library, &Query::parse("，", false), 10).total == 3,
            "punctuation is searchable"
        );
    }

    /// A library of one Markdown article per text.
    fn library_of(texts: &[&str]) -> Library {
        let mut library = Library::default();
        let articles = texts
            .iter()
            .enumerate()
            .map(|(i, text)| {
                let id = format!("t/{i}");
                crate::library::parse_article(
                    &id,
                    &format!("{id}.md"),
                    text.as_bytes(),
                    crate::library::Origin::Bundled,
                )
                .expect("parses")
            })
            .collect();
        library.extend(crate::library::Batch {
            articles,
            problems: Vec::new(),
            files: texts.len(),
        });
        library
    }

    #[test]
    fn each_kind_of_text_finds_the_same_hits() {
        // As it is; Latin capitals kept (searched ignoring case); Traditional
        // and full width (searched in a folded copy).
        let library = library_of(&["模型与rater模型", "RATER模型与Rater模型", "RATER模型與ＲＡＴＥＲ模型"]);
        let index = SearchIndex::build(&library);
        for query in ["rater模型", "RATER", "ｒａｔｅｒ", "模型"] {
            let query = Query::parse(query, false);
            assert_eq!(index.search(&library, &query, 10).total, 3, "{query:?}");
            for article in 0..3 {
                let text = &library.articles()[article].body.text;
                let hits: Vec<&str> = index
                    .hits_in(&library, article, &query)
                    .into_iter()
                    .map(|r| &text[r])
                    .collect();
                let expected = if article == 0 && query.terms[0] != "模型" {
                    1
                } else {
                    2
                };
                assert_eq!(hits.len(), expected, "{query:?} in {text}");
                assert!(hits.iter().all(|h| fold(h).contains(&query.terms[0])), "{hits:?}");
            }
        }
        let first = index.search(&library, &Query::parse("rater模型", false), 10);
        let texts: Vec<&str> = first
            .hits
            .iter()
            .map(|h| &library.articles()[h.article].body.text[h.first.clone().expect("body hit")])
            .collect();
        assert_eq!(texts, ["RATER模型", "RATER模型", "rater模型"]);
    }

    #[test]
    fn hits_in_an_article_cover_every_occurrence_even_across_lines() {
        let (library, index) = bundled();
        let hits = index.hits_in(&library, 1, &Query::parse("客户", false));
        let text = &library.articles()[1].body.text;
        assert_eq!(hits.len(), text.matches("客户").count());
        assert!(hits.iter().all(|r| &text[r.clone()] == "客户"));
    }
}
