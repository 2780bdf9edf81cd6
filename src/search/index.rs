//! The search index: how each article's fields and body are searched (folded
//! copies only where folding changes them), pinyin initials of titles and
//! authors, and the query logic with its ranking.

use std::ops::Range;

use super::fold::{Folded, Searchable};
use super::pinyin::{self, Tier};
use super::query::{Field, Query};
use super::scan::{Scanner, term_finders};
use crate::library::{Document, Library};

mod matcher;
use matcher::{FoldFilter, Matcher};

/// One article's searchable form.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Doc {
    /// Folding changes the title, author, tags or summary: they are searched
    /// like bodies that fold, for every form of the words or folded as they
    /// are searched (no copy is kept).
    fields_fold: bool,
    /// How the body is searched: the article's own text, for every form
    /// of the words or folded when searched where Traditional, variant or
    /// full-width characters fold (no copy is kept).
    body: Searchable,
    /// Where the pinyin initials of the title, then of the author (see
    /// `pinyin::initials`), are in the index's `initials`, and how many
    /// each has: no allocation of their own.
    initials_at: u32,
    title_initials: u32,
    author_initials: u32,
}

#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    docs: Vec<Doc>,
    /// The pinyin initials of every document's title and author, one list
    /// for all (`Doc::initials_at`).
    initials: Vec<u32>,
    /// Bodies have no folded copies: they are searched for every form of
    /// the words that folds to them (see `for_query`).
    unfolded: bool,
}

/// Two indexes are equal when they search alike: the same documents, with
/// the same initials wherever those are kept.
impl PartialEq for SearchIndex {
    fn eq(&self, other: &SearchIndex) -> bool {
        let searched = |index: &SearchIndex, doc: &Doc| {
            let (title, author) = doc.title_and_author_initials(&index.initials);
            (doc.fields_fold, doc.body, title.to_vec(), author.to_vec())
        };
        self.unfolded == other.unfolded
            && self.docs.len() == other.docs.len()
            && (self.docs.iter().zip(&other.docs)).all(|(a, b)| searched(self, a) == searched(other, b))
    }
}

impl Eq for SearchIndex {}

/// One matching article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub article: usize,
    /// The best field a word was found in.
    pub field: Field,
    /// How well it matched there: the whole field, its start, or inside.
    pub tier: Tier,
    /// Found there by pinyin.
    pub pinyin: bool,
    /// Hits in the body (each counted once, see `scan`).
    pub count: usize,
    /// The first hit in the body, as a byte range of the original text.
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

    /// Folds every document, on all cores; the pinyin initials only
    /// `with_initials` (a one-off search knows whether its query needs them).
    pub fn build_from<D: Document + Sync>(articles: &[D], with_initials: bool) -> SearchIndex {
        SearchIndex::of_docs(articles, false, |a, initials| Doc::of(a, with_initials, initials))
    }

    /// The index for one query over documents searched once (`yuedu
    /// search`): when each word has only a few forms that fold to it (峰: 峰
    /// and 峯), bodies are searched for those forms where they stand, and
    /// none is scanned for folding or copied.
    pub fn for_query<D: Document + Sync>(articles: &[D], query: &Query) -> SearchIndex {
        if !query.terms.iter().all(|t| t.unfolded.is_some()) {
            return SearchIndex::build_from(articles, query.uses_pinyin());
        }
        // Fields are matched through the forms too: nothing to fold but
        // the pinyin initials a query of letters may need.
        let pinyin = query.uses_pinyin();
        SearchIndex::of_docs(articles, true, |a, initials| {
            let doc = if pinyin {
                Doc::with_initials(a.title(), a.author(), initials)
            } else {
                Doc::default()
            };
            Doc {
                body: Searchable::IgnoringAsciiCase,
                ..doc
            }
        })
    }

    /// The index of `articles`, each document made by `doc` (on all cores,
    /// a piece at a time, each piece's initials in one list).
    fn of_docs<D: Document + Sync>(
        articles: &[D],
        unfolded: bool,
        doc: impl Fn(&D, &mut Vec<u32>) -> Doc + Sync,
    ) -> SearchIndex {
        let pieces = crate::parallel::map_chunks(articles, 256, |start, part| {
            let mut initials = Vec::new();
            let docs: Vec<Doc> = part.iter().map(|a| doc(a, &mut initials)).collect();
            (start, docs, initials)
        });
        let mut index = SearchIndex {
            docs: Vec::with_capacity(articles.len()),
            unfolded,
            ..SearchIndex::default()
        };
        for (start, docs, initials) in pieces.into_iter().flatten() {
            // A piece whose folding failed is searched as it is, keeping
            // every later document at its own index.
            index.docs.resize_with(start, Doc::default);
            index.append(docs, initials);
        }
        index.docs.resize_with(articles.len(), Doc::default);
        index.initials.shrink_to_fit();
        index
    }

    /// Adds `docs`, whose initials are in `initials`, after the others.
    fn append(&mut self, docs: Vec<Doc>, initials: Vec<u32>) {
        let shift = u32::try_from(self.initials.len()).unwrap_or(u32::MAX);
        self.initials.extend(initials);
        self.docs.extend(docs.into_iter().map(|doc| Doc {
            initials_at: doc.initials_at.saturating_add(shift),
            ..doc
        }));
    }

    /// Adds `articles`, which follow the ones already indexed.
    pub fn extend_from<D: Document + Sync>(&mut self, articles: &[D], with_initials: bool) {
        let batch = SearchIndex::build_from(articles, with_initials);
        self.docs.reserve_exact(batch.docs.len());
        self.initials.reserve_exact(batch.initials.len());
        self.append(batch.docs, batch.initials);
    }

    /// Takes in the index of a batch (built off the UI thread with
    /// `build_from`) once the batch is in the library: `placed` is what
    /// `Library::extend` said of it, where each of its articles went. The
    /// articles indexed before keep their order around them.
    pub fn merge(&mut self, placed: &[Option<usize>], batch: SearchIndex) {
        let added = placed.iter().flatten().count();
        let shift = u32::try_from(self.initials.len()).unwrap_or(u32::MAX);
        self.initials.reserve_exact(batch.initials.len());
        self.initials.extend(batch.initials);
        let mut new: Vec<(usize, Doc)> = placed
            .iter()
            .zip(batch.docs.into_iter().map(|doc| Doc {
                initials_at: doc.initials_at.saturating_add(shift),
                ..doc
            }))
            .filter_map(|(position, doc)| Some(((*position)?, doc)))
            .collect();
        new.sort_by_key(|(position, _)| *position);
        // Filled from the back in the index's own list, grown once: the
        // documents indexed before are never held twice.
        let mut old = self.docs.len();
        self.docs.reserve_exact(added);
        self.docs.resize_with(old + added, Doc::default);
        for at in (0..self.docs.len()).rev() {
            // A place past the end, or one given twice, is not taken.
            while new.last().is_some_and(|(position, _)| *position > at) {
                new.pop();
            }
            if new.last().is_some_and(|(position, _)| *position == at) {
                if let Some((_, doc)) = new.pop() {
                    self.docs[at] = doc;
                }
            } else if old > 0 {
                old -= 1;
                self.docs.swap(old, at);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Articles of `library` (the one the index was built from) matching the query.
    pub fn search(&self, library: &Library, query: &Query, limit: usize) -> SearchResults {
        self.search_in(library.articles(), query, limit)
    }

    /// Documents matching the query, ranked: by the best field a word was
    /// found in (title, author, tags, summary, text), then by how well
    /// (whole, start, inside), then by hits in the body, then in collection
    /// order. `articles` are the ones the index was built from: texts that
    /// fold to themselves are searched there, not copied.
    pub fn search_in<D: Document + Sync>(&self, articles: &[D], query: &Query, limit: usize) -> SearchResults {
        // Bodies that fold are searched for every form of the words where
        // each has few, and folded as they are searched where one has many.
        let by_forms = query.terms.iter().all(|t| t.unfolded.is_some());
        self.search_by(articles, query, limit, by_forms)
    }

    fn search_by<D: Document + Sync>(
        &self,
        articles: &[D],
        query: &Query,
        limit: usize,
        by_forms: bool,
    ) -> SearchResults {
        if query.is_empty() {
            return SearchResults::default();
        }
        let scanner = Scanner::new(query, self.unfolded);
        // Made when the first body that folds is met: most collections have none.
        let forms = std::sync::OnceLock::new();
        let fold_filter = FoldFilter::new(query);
        // Split the scan over the cores; each piece has its own finders.
        let scan = |start: usize, part: &[Doc]| {
            let finders = term_finders(query, self.unfolded);
            let matcher = Matcher {
                query,
                finders: &finders,
                scanner: &scanner,
                unfolded: self.unfolded,
                by_forms: by_forms.then_some(&forms),
                initials: &self.initials,
                fold_filter: &fold_filter,
            };
            part.iter()
                .enumerate()
                .filter_map(|(i, doc)| {
                    let article = start + i;
                    matcher.matches(article, doc, articles.get(article)?)
                })
                .collect::<Vec<Hit>>()
        };
        let pieces = crate::parallel::map_chunks(&self.docs, 256, scan);
        let mut hits: Vec<Hit> = if pieces.iter().all(Option::is_some) {
            pieces.into_iter().flatten().flatten().collect()
        } else {
            // A piece failed: scan it all here, so no hit ever goes missing.
            scan(0, &self.docs)
        };
        let total = hits.len();
        let rank = |a: &Hit, b: &Hit| (a.field, b.tier, b.count, a.article).cmp(&(b.field, a.tier, a.count, b.article));
        // Only the best `limit` are sorted: a one-character query matches most articles.
        if limit < hits.len() {
            hits.select_nth_unstable_by(limit, rank);
            hits.truncate(limit);
        }
        hits.sort_by(rank);
        SearchResults { hits, total }
    }

    /// Every hit of the query's words in one article's body, as byte ranges
    /// of the original text: left to right, not overlapping, the ones
    /// `search` counts.
    pub fn hits_in(&self, library: &Library, article: usize, query: &Query) -> Vec<Range<usize>> {
        let (Some(doc), Some(original)) = (self.docs.get(article), library.articles().get(article)) else {
            return Vec::new();
        };
        doc.hits(&original.body.text, query, self.unfolded)
    }
}

impl SearchIndex {
    /// The hits of the query in a text that is not indexed (an article
    /// found in before the index is built), as `hits_in` finds them.
    pub fn hits_in_text(text: &str, query: &Query) -> Vec<Range<usize>> {
        let doc = Doc {
            body: Searchable::of(text),
            ..Doc::default()
        };
        doc.hits(text, query, false)
    }
}

impl Doc {
    fn of<D: Document>(a: &D, with_initials: bool, initials: &mut Vec<u32>) -> Doc {
        Doc {
            body: Searchable::of(a.text()),
            ..Doc::of_fields(a, with_initials, initials)
        }
    }

    /// Whether folding changes the title, author, tags or summary; the body
    /// searched as it stands, ignoring ASCII case.
    fn of_fields<D: Document>(a: &D, with_initials: bool, initials: &mut Vec<u32>) -> Doc {
        let folds = |s: &str| Searchable::of(s) != Searchable::AsItIs;
        let fields_fold = folds(a.title())
            || a.author().is_some_and(folds)
            || (0..).map_while(|i| a.tag(i)).any(folds)
            || a.summary().is_some_and(folds);
        let doc = if with_initials {
            Doc::with_initials(a.title(), a.author(), initials)
        } else {
            Doc::default()
        };
        Doc {
            fields_fold,
            body: Searchable::IgnoringAsciiCase,
            ..doc
        }
    }

    /// A document holding only the pinyin initials of `title` and `author`,
    /// added to `initials`.
    fn with_initials(title: &str, author: Option<&str>, initials: &mut Vec<u32>) -> Doc {
        let count = |from: usize, initials: &Vec<u32>| u32::try_from(initials.len() - from).unwrap_or(u32::MAX);
        let at = initials.len();
        initials.extend(pinyin::initials(title));
        let title_initials = count(at, initials);
        initials.extend(author.into_iter().flat_map(pinyin::initials));
        Doc {
            initials_at: u32::try_from(at).unwrap_or(u32::MAX),
            title_initials,
            author_initials: count(at, initials) - title_initials,
            ..Doc::default()
        }
    }

    /// The pinyin initials of the title and of the author, in `initials`.
    fn title_and_author_initials<'a>(&self, initials: &'a [u32]) -> (&'a [u32], &'a [u32]) {
        let at = self.initials_at as usize;
        let title = at..at.saturating_add(self.title_initials as usize);
        let author = title.end..title.end.saturating_add(self.author_initials as usize);
        (
            initials.get(title).unwrap_or_default(),
            initials.get(author).unwrap_or_default(),
        )
    }

    /// Every hit of the query in the body (`original`), as original ranges.
    fn hits(&self, original: &str, query: &Query, unfolded: bool) -> Vec<Range<usize>> {
        let body = self.body_text(original);
        let mut ranges = Vec::new();
        Scanner::new(query, unfolded).each(body.bytes(), body.ignore_case(), |start, end| {
            ranges.push(body.original_offset(start)..body.original_offset(end));
        });
        ranges
    }

    /// The body as it is searched for the query's words as folded.
    fn body_text<'a>(&self, original: &'a str) -> BodyText<'a> {
        match self.body {
            Searchable::AsItIs => BodyText::AsItIs(original, false),
            Searchable::IgnoringAsciiCase => BodyText::AsItIs(original, true),
            Searchable::Folds => BodyText::Folded(Folded::new(original)),
        }
    }
}

/// A body as one search reads it: the text as it stands (ASCII case
/// ignored or not), or a copy folded for this search only.
enum BodyText<'a> {
    AsItIs(&'a str, bool),
    Folded(Folded),
}

impl BodyText<'_> {
    fn bytes(&self) -> &[u8] {
        match self {
            BodyText::AsItIs(text, _) => text.as_bytes(),
            BodyText::Folded(folded) => folded.text.as_bytes(),
        }
    }

    fn ignore_case(&self) -> bool {
        matches!(self, BodyText::AsItIs(_, true))
    }

    /// The original offset of an offset into `bytes`.
    fn original_offset(&self, at: usize) -> usize {
        match self {
            BodyText::AsItIs(..) => at,
            BodyText::Folded(folded) => folded.original_offset(at),
        }
    }
}

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
