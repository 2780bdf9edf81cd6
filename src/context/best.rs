//! The best hits of a search over a collection read a part at a time
//! (`Context::search`): each part's documents are gone once it is searched,
//! so the hits kept hold copies of their own.

use std::cmp::Ordering;

use crate::library::{Document, InPlaceDoc, Place};
use crate::search::{Hit, SearchResults};

/// At most `limit` hits, ranked as `SearchIndex::search_in` ranks them: by
/// field, how well, hits in the body, then in collection order.
pub(super) struct Best<'l> {
    limit: usize,
    listed: &'l [String],
    kept: Vec<Kept>,
    total: usize,
}

struct Kept {
    hit: Hit,
    place: Place,
    document: Found,
}

impl<'l> Best<'l> {
    /// `listed`: the categories the collection lists, which come first.
    pub(super) fn new(limit: usize, listed: &'l [String]) -> Best<'l> {
        Best {
            limit,
            listed,
            kept: Vec::new(),
            total: 0,
        }
    }

    /// Takes in the results of one part (all its hits) over `documents`.
    pub(super) fn add(&mut self, results: SearchResults, documents: &[InPlaceDoc<'_>]) {
        self.total += results.total;
        for hit in results.hits {
            if let Some(document) = documents.get(hit.article) {
                let (place, document) = (document.place(), Found::of(document));
                self.kept.push(Kept { hit, place, document });
            }
        }
        if self.kept.len() > self.limit {
            let listed = self.listed;
            self.kept.sort_by(|a, b| rank(a, b, listed));
            self.kept.truncate(self.limit);
        }
    }

    /// The results, best first, and the documents their hits index.
    pub(super) fn results(mut self) -> (SearchResults, Vec<Found>) {
        let listed = self.listed;
        self.kept.sort_by(|a, b| rank(a, b, listed));
        let (hits, documents) = (self.kept.into_iter().enumerate())
            .map(|(article, kept)| (Hit { article, ..kept.hit }, kept.document))
            .unzip();
        (
            SearchResults {
                hits,
                total: self.total,
            },
            documents,
        )
    }
}

fn rank(a: &Kept, b: &Kept, listed: &[String]) -> Ordering {
    let (x, y) = (&a.hit, &b.hit);
    (x.field, y.tier, y.count)
        .cmp(&(y.field, x.tier, x.count))
        .then_with(|| a.place.cmp(&b.place, listed))
}

/// A document a search keeps: what its output shows, copied.
pub(super) struct Found {
    id: Box<str>,
    title: Box<str>,
    category: Box<str>,
    author: Option<Box<str>>,
    tags: Vec<Box<str>>,
    summary: Option<Box<str>>,
    text: Box<str>,
}

impl Found {
    fn of(document: &impl Document) -> Found {
        Found {
            id: document.id().into(),
            title: document.title().into(),
            category: document.category().into(),
            author: document.author().map(Into::into),
            tags: (0..).map_while(|i| document.tag(i)).map(Into::into).collect(),
            summary: document.summary().map(Into::into),
            text: document.text().into(),
        }
    }
}

impl Document for Found {
    fn id(&self) -> &str {
        &self.id
    }
    fn title(&self) -> &str {
        &self.title
    }
    fn category(&self) -> &str {
        &self.category
    }
    fn text(&self) -> &str {
        &self.text
    }
    fn author(&self) -> Option<&str> {
        self.author.as_deref()
    }
    fn tag(&self, i: usize) -> Option<&str> {
        self.tags.get(i).map(|t| &**t)
    }
    fn summary(&self) -> Option<&str> {
        self.summary.as_deref()
    }
}
