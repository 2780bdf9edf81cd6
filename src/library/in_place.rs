//! A collection read for a search: unchanged files read in place from the
//! article cache, without building articles.

use super::article::{Article, Document};
use super::cache::{ArticleCache, CachedArticle, Change, Slot};
use super::collection::LoadProblem;
use super::order::{OrderKey, collection_order};
use super::plan::{Candidate, Content, Plan, split};
use super::read::{CHUNK, Loaded, load_candidate};

impl Plan {
    /// The collection for a search: files unchanged since `cache` took them
    /// in are read in place (no article is built) when `cache` is held in
    /// memory (`Reading::InMemory`; else they are parsed); the others, and articles
    /// not from folders, are parsed now, on all cores. What became of each
    /// cache entry is recorded in `cache` as it comes (new entries go
    /// straight to its new file): `save` it to keep them. The plan is used
    /// up: its candidates are freed a part at a time as they are read, and
    /// the documents go straight into a list of their final size.
    pub fn read_in_place<'c>(self, cache: &'c ArticleCache) -> InPlace<'c> {
        let listed = self.listed_categories();
        let mut collection = InPlace {
            documents: Vec::with_capacity(self.candidates.len()),
            problems: self.problems,
            collides: false,
        };
        // A part at a time, each file's cache entry recorded as it comes.
        for part in split(self.candidates, CHUNK) {
            let read = crate::parallel::map(&part, 64, |c| read_for_search(c, cache));
            for (candidate, read) in part.iter().zip(read) {
                let (document, change) = match read {
                    Some(ReadForSearch::InPlace(Ok(article), slot)) => {
                        (Ok(InPlaceDoc::Cached(article)), Change::Keep(slot))
                    }
                    Some(ReadForSearch::InPlace(Err(problem), slot)) => (Err(problem.to_string()), Change::Keep(slot)),
                    Some(ReadForSearch::Parsed(loaded)) => {
                        (loaded.result.map(|a| InPlaceDoc::Built(Box::new(a))), loaded.cache)
                    }
                    None => (Err("the parser crashed on this file".to_string()), Change::Drop),
                };
                cache.record(change);
                match document {
                    Ok(document) => collection.documents.push(document),
                    Err(message) => collection.problems.push(LoadProblem {
                        path: candidate.relative().into_owned(),
                        message,
                    }),
                }
            }
        }
        let mut ids: Vec<&str> = collection.documents.iter().map(|d| d.key().id).collect();
        // Documents read in place cannot take another ID: with IDs taken
        // twice, the search loads the collection instead (`collides`),
        // which names the later ones anew by the first-wins rule.
        ids.sort_unstable();
        collection.collides = ids.windows(2).any(|pair| pair[0] == pair[1]);
        drop(ids);
        collection
            .documents
            .sort_by(|a, b| collection_order(&listed, a.key(), b.key()));
        collection
    }
}

/// A collection read for a search (`Plan::read_in_place`): its documents in
/// the library's order, most read in place from the article cache, with the
/// problems met.
#[derive(Debug, Default)]
pub struct InPlace<'c> {
    pub documents: Vec<InPlaceDoc<'c>>,
    pub problems: Vec<LoadProblem>,
    /// Two files have the same ID: the full load names the later one anew.
    pub collides: bool,
}

/// An article built now (not from a folder) or read in place from the cache.
#[derive(Debug)]
pub enum InPlaceDoc<'c> {
    Built(Box<Article>),
    Cached(CachedArticle<'c>),
}

impl InPlaceDoc<'_> {
    fn key(&self) -> OrderKey<'_> {
        match self {
            InPlaceDoc::Built(article) => OrderKey::of(article),
            InPlaceDoc::Cached(cached) => OrderKey {
                category: cached.category,
                order: cached.order,
                title: cached.title,
                id: cached.id,
            },
        }
    }
}

impl Document for InPlaceDoc<'_> {
    fn id(&self) -> &str {
        self.key().id
    }
    fn title(&self) -> &str {
        self.key().title
    }
    fn category(&self) -> &str {
        self.key().category
    }
    fn text(&self) -> &str {
        match self {
            InPlaceDoc::Built(article) => &article.body.text,
            InPlaceDoc::Cached(cached) => cached.text,
        }
    }
    fn author(&self) -> Option<&str> {
        match self {
            InPlaceDoc::Built(article) => article.author(),
            InPlaceDoc::Cached(cached) => cached.author(),
        }
    }
    fn tag(&self, i: usize) -> Option<&str> {
        match self {
            InPlaceDoc::Built(article) => article.tag(i),
            InPlaceDoc::Cached(cached) => cached.tag(i),
        }
    }
    fn summary(&self) -> Option<&str> {
        match self {
            InPlaceDoc::Built(article) => article.summary(),
            InPlaceDoc::Cached(cached) => cached.summary(),
        }
    }
}

/// A candidate read for a search. Most are read in place, so that variant is
/// the one kept unboxed.
#[allow(clippy::large_enum_variant)]
enum ReadForSearch<'c> {
    /// Unchanged since cached: read in place (an article, or why it is not one).
    InPlace(Result<CachedArticle<'c>, &'c str>, Slot),
    /// Parsed now.
    Parsed(Box<Loaded>),
}

fn read_for_search<'c>(candidate: &Candidate, cache: &'c ArticleCache) -> ReadForSearch<'c> {
    if let Content::Path(_) = &candidate.content
        && let (Some(key), Some(stamp)) = (candidate.cache_key(), candidate.stamp)
        && let Some(fitting) = cache
            .slot(key)
            .and_then(|slot| cache.fitting(slot, key, &candidate.id, stamp))
    {
        let slot = fitting.slot();
        if let Some(view) = fitting.view() {
            return ReadForSearch::InPlace(view, slot);
        }
    }
    ReadForSearch::Parsed(Box::new(load_candidate(candidate, Some(cache))))
}
