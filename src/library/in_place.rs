//! A collection read for a search, a part at a time: unchanged files read
//! from the article cache without building articles, each part's documents
//! handed to the search and let go before the next part is read, so a
//! search holds neither the collection nor the cache.

use compact_str::CompactString;

use super::article::{Article, Document};
use super::cache::{ArticleCache, CachedArticle, Change, Fitting, Slot};
use super::collection::LoadProblem;
use super::order::{OrderKey, collection_order};
use super::plan::{Candidate, Content, Plan, split};
use super::read::{CHUNK, Loaded, load_candidate};
use crate::i18n::Text;

impl Plan {
    /// Reads the plan's files for a search, a part at a time, and hands
    /// each part's documents to `search`: files unchanged since `cache`
    /// took them in are read where they lie in it (no article is built);
    /// the others, and articles not from folders, are parsed now, on all
    /// cores. What became of each cache entry is recorded in `cache` as it
    /// comes (new entries go straight to its new file): `save` it to keep
    /// them. The documents of a part are gone once `search` returns;
    /// `Place` says where one goes in the collection, for ranking.
    pub fn read_in_place(self, cache: &ArticleCache, mut search: impl FnMut(&[InPlaceDoc<'_>])) -> InPlace {
        let mut read = InPlace {
            problems: self.problems,
            ..InPlace::default()
        };
        let hasher = foldhash::fast::FixedState::default();
        let mut ids: Vec<u64> = Vec::with_capacity(self.candidates.len());
        for part in split(self.candidates, CHUNK) {
            let reads = crate::parallel::map(&part, 64, |c| read_for_search(c, cache));
            // Entries read from the cache, and articles parsed now, apart:
            // the documents borrow the first and own the second.
            let mut fittings = Vec::new();
            let mut built = Vec::new();
            for (candidate, read_one) in part.iter().zip(reads) {
                let change = match read_one {
                    Some(ReadForSearch::InPlace(fitting)) => {
                        let slot = fitting.slot();
                        fittings.push(fitting);
                        Change::Keep(slot)
                    }
                    Some(ReadForSearch::Problem(slot, problem)) => {
                        read.problem(candidate, problem);
                        Change::Keep(slot)
                    }
                    Some(ReadForSearch::Parsed(loaded)) => {
                        match loaded.result {
                            Ok(article) => built.push(Box::new(article)),
                            Err(message) => read.problem(candidate, message),
                        }
                        loaded.cache
                    }
                    None => {
                        read.problem(candidate, super::read::parser_crashed());
                        Change::Drop
                    }
                };
                cache.record(change);
            }
            let mut documents: Vec<InPlaceDoc<'_>> = Vec::with_capacity(fittings.len() + built.len());
            // Checked when they were read: held since, they cannot change.
            documents.extend(
                fittings
                    .iter()
                    .filter_map(|f| f.view_in()?.ok())
                    .map(InPlaceDoc::Cached),
            );
            read.in_place += documents.len();
            documents.extend(built.into_iter().map(InPlaceDoc::Built));
            read.documents += documents.len();
            ids.extend(
                documents
                    .iter()
                    .map(|d| std::hash::BuildHasher::hash_one(&hasher, d.id())),
            );
            search(&documents);
        }
        // Documents read in place cannot take another ID: with IDs taken
        // twice (or, rarely, two IDs of one hash), the search loads the
        // collection instead (`collides`), which names the later ones anew
        // by the first-wins rule.
        ids.sort_unstable();
        read.collides = ids.windows(2).any(|pair| pair[0] == pair[1]);
        read
    }
}

/// What reading a collection for a search met (`Plan::read_in_place`).
#[derive(Debug, Default)]
pub struct InPlace {
    /// Documents read in all, and how many of them from the cache.
    pub documents: usize,
    pub in_place: usize,
    pub problems: Vec<LoadProblem>,
    /// Two files have the same ID: the full load names the later one anew.
    pub collides: bool,
}

impl InPlace {
    fn problem(&mut self, candidate: &Candidate, message: Text) {
        self.problems.push(LoadProblem {
            path: candidate.relative().into_owned(),
            message,
        });
    }
}

/// An article built now (not from a folder) or read in place from the cache.
#[derive(Debug)]
pub enum InPlaceDoc<'c> {
    Built(Box<Article>),
    Cached(CachedArticle<'c>),
}

/// Where a document goes in its collection: owned, kept for the few that
/// a search keeps (`Place::cmp` orders them as the library would).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    category: CompactString,
    order: Option<i64>,
    title: CompactString,
    id: CompactString,
}

impl Place {
    /// The collection's order of two documents, with `listed` categories
    /// first (`Plan::listed_categories`).
    pub fn cmp(&self, other: &Place, listed: &[String]) -> std::cmp::Ordering {
        collection_order(listed, self.key(), other.key())
    }

    fn key(&self) -> OrderKey<'_> {
        OrderKey {
            category: &self.category,
            order: self.order,
            title: &self.title,
            id: &self.id,
        }
    }
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

    /// Where it goes in its collection.
    pub fn place(&self) -> Place {
        let key = self.key();
        Place {
            category: key.category.into(),
            order: key.order,
            title: key.title.into(),
            id: key.id.into(),
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

/// A candidate read for a search.
enum ReadForSearch {
    /// Unchanged since cached: an article read in place.
    InPlace(Fitting),
    /// Unchanged since cached: why it is not an article.
    Problem(Slot, Text),
    /// Parsed now.
    Parsed(Box<Loaded>),
}

fn read_for_search(candidate: &Candidate, cache: &ArticleCache) -> ReadForSearch {
    if let Content::Path(_) = &candidate.content
        && let (Some(key), Some(stamp)) = (candidate.cache_key(), candidate.stamp)
        && let Some(fitting) = cache
            .slot(key)
            .and_then(|slot| cache.fitting(slot, key, &candidate.id, stamp))
    {
        // A damaged entry (`None`) is parsed again.
        match fitting.view_in().map(Result::err) {
            Some(None) => return ReadForSearch::InPlace(fitting),
            Some(Some(problem)) => return ReadForSearch::Problem(fitting.slot(), problem),
            None => {}
        }
    }
    ReadForSearch::Parsed(Box::new(load_candidate(candidate, Some(cache))))
}
