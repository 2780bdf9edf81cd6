//! The search index: how each article's fields and body are searched (folded
//! copies only where folding changes them), pinyin initials of titles and
//! authors, and the query logic with its ranking.

use std::ops::Range;

use super::fold::Searchable;
use super::pinyin::Tier;
use super::query::{Field, Query};
use super::scan::{Scanner, term_finders};
use crate::library::{Article, ArticleId, Library};

mod doc;
#[cfg(test)]
mod forms_tests;
mod matcher;
use doc::{Arena, BodyText, Doc};
use matcher::{FoldFilter, Matcher};

#[derive(Clone, Debug, Default)]
pub struct SearchIndex {
    docs: Vec<Doc>,
    /// What the documents keep: initials, folded titles and authors.
    arena: Arena,
    /// Bodies have no folded copies: they are searched for every form of
    /// the words that folds to them (see `for_query`).
    unfolded: bool,
}

/// Two indexes are equal when they search alike: the same documents, with
/// the same initials and folded fields wherever those are kept.
impl PartialEq for SearchIndex {
    fn eq(&self, other: &SearchIndex) -> bool {
        fn searched<'a>(index: &'a SearchIndex, doc: &Doc) -> impl PartialEq + 'a {
            let (title, author) = doc.title_and_author_initials(&index.arena);
            let folded = doc.folded_title_and_author(&index.arena);
            (doc.more_fold, doc.body, title, author, folded)
        }
        self.unfolded == other.unfolded
            && self.docs.len() == other.docs.len()
            && (self.docs.iter().zip(&other.docs)).all(|(a, b)| searched(self, a) == searched(other, b))
    }
}

impl Eq for SearchIndex {}

/// One matching article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub article: ArticleId,
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
        SearchIndex::build_from(library.articles().stored(), true)
    }

    /// Folds every document, on all cores; the pinyin initials only
    /// `with_initials` (a one-off search knows whether its query needs them).
    pub fn build_from(articles: &[Article], with_initials: bool) -> SearchIndex {
        SearchIndex::of_docs(articles, false, |a, arena| Doc::of(a, with_initials, arena))
    }

    /// The index for one query over documents searched once (`yuedu
    /// search`): when each word has only a few forms that fold to it (峰: 峰
    /// and 峯), bodies are searched for those forms where they stand, and
    /// none is scanned for folding or copied.
    pub fn for_query(articles: &[Article], query: &Query) -> SearchIndex {
        if !query.terms.iter().all(|t| t.unfolded.is_some()) {
            return SearchIndex::build_from(articles, query.uses_pinyin());
        }
        // Fields are matched through the forms too: nothing to fold but
        // the pinyin initials a query of letters may need.
        let pinyin = query.uses_pinyin();
        SearchIndex::of_docs(articles, true, |a, arena| {
            let doc = if pinyin {
                Doc::with_initials(a.title(), a.author(), arena)
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
    /// a piece at a time, each piece with its own arena).
    fn of_docs(articles: &[Article], unfolded: bool, doc: impl Fn(&Article, &mut Arena) -> Doc + Sync) -> SearchIndex {
        let pieces = crate::parallel::map_chunks(articles, 256, |start, part| {
            let mut arena = Arena::default();
            let docs: Vec<Doc> = part.iter().map(|a| doc(a, &mut arena)).collect();
            (start, docs, arena)
        });
        let mut index = SearchIndex {
            docs: Vec::with_capacity(articles.len()),
            unfolded,
            ..SearchIndex::default()
        };
        // Room for every piece's arena at once: one allocation each, not one a piece.
        let pieces: Vec<_> = pieces.into_iter().flatten().collect();
        index
            .arena
            .initials
            .reserve_exact(pieces.iter().map(|(_, _, a)| a.initials.len()).sum());
        index
            .arena
            .folded
            .reserve_exact(pieces.iter().map(|(_, _, a)| a.folded.len()).sum());
        for (start, docs, arena) in pieces {
            // A piece whose folding failed is searched as it is, keeping
            // every later document at its own index.
            index.docs.resize_with(start, Doc::default);
            index.append(docs, arena);
        }
        index.docs.resize_with(articles.len(), Doc::default);
        index
    }

    /// Adds `docs`, whose initials and folded fields are in `arena`, after the others.
    fn append(&mut self, docs: Vec<Doc>, arena: Arena) {
        let docs = self.arena.append(arena, docs);
        self.docs.extend(docs);
    }

    /// Takes in the index of a batch (built off the UI thread with
    /// `build_from`) once the batch is in the library: its documents follow
    /// the others, as the batch's articles follow the others in the library
    /// (`Library::extend`), so each keeps its article's ID.
    pub fn append_batch(&mut self, batch: SearchIndex) {
        self.docs.reserve_exact(batch.docs.len());
        let docs = self.arena.append(batch.arena, batch.docs);
        self.docs.extend(docs);
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Articles of `library` (the one the index was built from) matching
    /// the query; hits that rank alike in collection order.
    pub fn search(&self, library: &Library, query: &Query, limit: usize) -> SearchResults {
        self.search_recent_first(library, query, limit, &|_| None)
    }

    /// `search`, with hits that rank alike (the same field, as well matched,
    /// as many body hits: the titles `jys` spells exactly) in the order
    /// `recent` gives, the larger first (the reader's history: when each
    /// article was last read or bookmarked), those it says nothing of after
    /// them; then in collection order.
    pub fn search_recent_first(
        &self,
        library: &Library,
        query: &Query,
        limit: usize,
        recent: &dyn Fn(ArticleId) -> Option<i128>,
    ) -> SearchResults {
        self.search_until(library, query, limit, recent, &|| false)
            .unwrap_or_default()
    }

    /// `search_recent_first`, given up (`None`) as soon as `stop` says so:
    /// it is asked between articles, so a search that a newer query made
    /// void ends at once.
    pub fn search_until(
        &self,
        library: &Library,
        query: &Query,
        limit: usize,
        recent: &dyn Fn(ArticleId) -> Option<i128>,
        stop: &(dyn Fn() -> bool + Sync),
    ) -> Option<SearchResults> {
        let by_forms = query.terms.iter().all(|t| t.unfolded.is_some());
        let order = &|id| library.position(id).unwrap_or(usize::MAX);
        let results = self.search_by(library.articles().stored(), query, limit, by_forms, recent, order, stop);
        (!stop()).then_some(results)
    }

    /// Documents matching the query, ranked: by the best field a word was
    /// found in (title, author, tags, summary, text), then by how well
    /// (whole, start, inside), then by hits in the body, then in collection
    /// order. `articles` are the ones the index was built from, in
    /// collection order (hit `ArticleId::at(i)` is `articles[i]`): texts
    /// that fold to themselves are searched there, not copied.
    pub fn search_in(&self, articles: &[Article], query: &Query, limit: usize) -> SearchResults {
        // Bodies that fold are searched for every form of the words where
        // each has few, and folded as they are searched where one has many.
        let by_forms = query.terms.iter().all(|t| t.unfolded.is_some());
        self.search_by(articles, query, limit, by_forms, &|_| None, &ArticleId::index, &|| {
            false
        })
    }

    // The scan's inputs, its ranking and when to give up: one list.
    #[allow(clippy::too_many_arguments)]
    fn search_by(
        &self,
        articles: &[Article],
        query: &Query,
        limit: usize,
        by_forms: bool,
        recent: &dyn Fn(ArticleId) -> Option<i128>,
        order: &dyn Fn(ArticleId) -> usize,
        stop: &(dyn Fn() -> bool + Sync),
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
                arena: &self.arena,
                fold_filter: &fold_filter,
            };
            part.iter()
                .enumerate()
                .take_while(|_| !stop())
                .filter_map(|(i, doc)| {
                    let article = start + i;
                    matcher.matches(ArticleId::at(article), doc, articles.get(article)?)
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
        // `Reverse` puts the most recent first and `None` (never read) last.
        let key = |h: &Hit| {
            (
                h.field,
                std::cmp::Reverse(h.tier),
                std::cmp::Reverse(h.count),
                std::cmp::Reverse(recent(h.article)),
                order(h.article),
            )
        };
        let rank = |a: &Hit, b: &Hit| key(a).cmp(&key(b));
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
    pub fn hits_in(&self, library: &Library, article: ArticleId, query: &Query) -> Vec<Range<usize>> {
        let (Some(doc), Some(original)) = (self.docs.get(article.index()), library.get(article)) else {
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

#[cfg(test)]
#[path = "index_tests.rs"]
mod tests;
