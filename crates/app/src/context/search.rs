//! `yuedu search` over a collection read as the reader reads it, a batch at
//! a time through the article cache, each batch searched and let go but for
//! the articles that may be among the best hits: the collection is never
//! held whole.
//!
//! Articles taken from the cache are looked for the query's words in their
//! entries' bytes first (`Prefilter`): one that holds none of a word's forms
//! cannot be a hit, and is not built.
//!
//! The hits kept are then put in a `Library` of their own and searched
//! again there, so results rank exactly as over the whole collection: by
//! field, how well, hits in the body (all of which an article's hit says by
//! itself), then collection order, which the library gives the kept
//! articles among themselves as it would among all (a stable order, with
//! IDs given as the whole library gives them, `TakenIds`).

use std::cmp::Reverse;

use crate::library::{Article, ArticleCache, Batch, Library, Plan, Prefilter, TakenIds, read_batch_filtered};
use crate::search::{Field, Query, SearchIndex, SearchResults, Tier};

use super::{Context, Failure, LOAD_BATCH, report, save_cache};

/// How good a hit is, all but its place in the collection: less is better.
type Rank = (Field, Reverse<Tier>, Reverse<usize>);

/// An article that may be among the best hits.
struct Kept {
    rank: Rank,
    /// Its place in load order (the order `Library::extend` keeps for equals).
    read: usize,
    article: Article,
}

/// The articles that may be among the best `limit` hits of the batches
/// seen, and how many matched in all.
struct Best {
    limit: usize,
    kept: Vec<Kept>,
    total: usize,
    read: usize,
}

impl Best {
    fn new(limit: usize) -> Best {
        Best {
            limit,
            kept: Vec::new(),
            total: 0,
            read: 0,
        }
    }

    /// Searches the articles of one batch and keeps its hits.
    fn add(&mut self, articles: Vec<Article>, query: &Query) {
        let index = SearchIndex::for_query(&articles, query);
        let results = index.search_in(&articles, query, usize::MAX);
        self.total += results.total;
        let first = self.read;
        self.read += articles.len();
        let mut articles: Vec<Option<Article>> = articles.into_iter().map(Some).collect();
        for hit in results.hits {
            if let Some(article) = articles.get_mut(hit.article.index()).and_then(Option::take) {
                self.kept.push(Kept {
                    rank: (hit.field, Reverse(hit.tier), Reverse(hit.count)),
                    read: first + hit.article.index(),
                    article,
                });
            }
        }
        if self.kept.len() > self.limit.saturating_mul(2).max(256) {
            self.prune();
        }
    }

    /// Lets go of every hit that ranks below `limit` others whatever their
    /// places: those that rank as well as the last one kept stay (their
    /// places decide between them).
    fn prune(&mut self) {
        if self.limit == 0 {
            self.kept.clear();
            return;
        }
        if self.kept.len() <= self.limit {
            return;
        }
        let mut ranks: Vec<Rank> = self.kept.iter().map(|k| k.rank).collect();
        let (_, last, _) = ranks.select_nth_unstable(self.limit - 1);
        let last = *last;
        self.kept.retain(|k| k.rank <= last);
    }

    /// The articles kept, in load order.
    fn articles(mut self) -> Vec<Article> {
        self.kept.sort_unstable_by_key(|k| k.read);
        self.kept.into_iter().map(|k| k.article).collect()
    }
}

impl Context {
    /// Searches the collection, read as the reader reads it (in batches
    /// through the article cache), and hands the results, with the articles
    /// they index, to `show`. Only the articles that may be among the best
    /// hits are kept (`Best`); skipped files are reported.
    pub fn search<T>(
        &self,
        query: &Query,
        limit: usize,
        show: impl Fn(&SearchResults, &[Article]) -> T,
    ) -> Result<T, Failure> {
        let (plan, mut cache) = self.plan_and_cache()?;
        let found = search_plan(plan, cache.as_mut(), query, limit, LOAD_BATCH);
        save_cache(cache);
        let library = match found.read {
            0 => self.require_articles(found.library)?,
            _ => found.library,
        };
        report(library.problems(), self.lang);
        Ok(show(&found.results, library.articles().stored()))
    }
}

/// What a search of a plan found.
struct Found {
    /// The articles that may be among the best hits, and every file skipped.
    library: Library,
    /// The best hits, indexing `library`; the total is of all hits.
    results: SearchResults,
    /// Articles read.
    read: usize,
}

/// The best `limit` hits of `query` over the files of `plan`, read `size`
/// at a time through `cache`.
fn search_plan(
    mut plan: Plan,
    mut cache: Option<&mut ArticleCache>,
    query: &Query,
    limit: usize,
    size: usize,
) -> Found {
    let mut library = plan.start();
    let mut ids = TakenIds::with_capacity(plan.len());
    let mut best = Best::new(limit);
    let mut problems = Vec::new();
    let mut files = 0;
    // Cached articles that cannot be hits are not built.
    let filter = Prefilter::new(query.literal_forms());
    for batch in plan.into_batches(size) {
        let mut batch = read_batch_filtered(batch, cache.as_deref_mut(), filter.as_ref());
        files += batch.files;
        problems.append(&mut batch.problems);
        ids.give(&mut batch.articles);
        best.add(batch.articles, query);
    }
    let (read, total) = (best.read, best.total);
    library.extend(Batch {
        articles: best.articles(),
        problems,
        files,
    });
    let index = SearchIndex::for_query(library.articles().stored(), query);
    let mut results = index.search(&library, query, limit);
    results.total = total;
    Found { library, results, read }
}

#[cfg(test)]
#[path = "search_tests.rs"]
mod tests;
