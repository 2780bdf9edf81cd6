//! A batch merged in two steps: where its articles go is worked out from
//! the library as it is (`Library::prepare`, on any thread: the reader's
//! loader does it beside reading), and the library then only appends the
//! articles and takes the new order in (`Library::extend_prepared`), a
//! step that costs the batch, not the collection.

use super::order::{group_categories, merge_in_order, merge_sorted, rename_taken};
use super::{ArticleId, Batch, Category, Library};

/// The collection order of a library with a batch added (`Library::prepare`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Merge {
    /// The library it was worked out on: its articles and changes then.
    base: (usize, u64),
    /// The articles of the batch.
    added: usize,
    order: Vec<ArticleId>,
    positions: Vec<u32>,
    categories: Vec<Category>,
    by_id: Vec<ArticleId>,
}

impl Merge {
    /// Whether it was worked out on `library` as it is now, so that
    /// `extend_prepared` only appends the batch.
    pub fn fits(&self, library: &Library) -> bool {
        self.base == library.stamp()
    }
}

impl Library {
    /// Works out where the articles of `batch` go (`extend` says how),
    /// without changing the library: a second article with an ID already
    /// taken is given its new ID in `batch` now. Only the library as it is
    /// now takes the result (`extend_prepared`). `None` while the whole
    /// article of a file shown from its first part may still come: the
    /// batch may bring it, under the ID it has (`replace`).
    pub fn prepare(&self, batch: &mut Batch) -> Option<Merge> {
        self.prefix.is_none().then(|| self.place(batch))
    }

    /// `prepare`, whatever the batch holds.
    pub(super) fn place(&self, batch: &mut Batch) -> Merge {
        rename_taken(&mut batch.articles, |id| self.find(id).is_some());
        let (stored, added) = (&self.articles, &batch.articles);
        let first = stored.len();
        let total = first + added.len();
        // The library's articles, then the batch's under the IDs they will have.
        let article = |id: ArticleId| match id.index().checked_sub(first) {
            Some(at) => added.get(at),
            None => stored.get(id.index()),
        };
        let new: Vec<ArticleId> = (first..total).map(ArticleId::at).collect();
        let mut order = Vec::with_capacity(total);
        order.extend_from_slice(&self.order);
        merge_in_order(&mut order, new.clone(), article, &self.listed);
        let mut positions = vec![0; total];
        for (position, id) in order.iter().enumerate() {
            if let Some(at) = positions.get_mut(id.index()) {
                *at = u32::try_from(position).unwrap_or(u32::MAX);
            }
        }
        let categories = group_categories(article, &order);
        let text_id = |id: ArticleId| article(id).map(|a| a.id.as_str());
        let mut sorted = new;
        sorted.sort_by(|&a, &b| text_id(a).cmp(&text_id(b)));
        let mut by_id = Vec::with_capacity(total);
        by_id.extend_from_slice(&self.by_id);
        merge_sorted(&mut by_id, sorted, |a, b| text_id(a) < text_id(b));
        Merge {
            base: self.stamp(),
            added: added.len(),
            order,
            positions,
            categories,
            by_id,
        }
    }

    /// Adds `batch` as `extend` does, in the place `merge` (prepared from
    /// this batch, `prepare`) worked out: when the library has not changed
    /// since, only the articles are appended and the order taken in; else
    /// the batch is merged here.
    pub fn extend_prepared(&mut self, batch: Batch, merge: Merge) -> Vec<ArticleId> {
        if !merge.fits(self) || merge.added != batch.articles.len() {
            return self.extend(batch);
        }
        self.problems.extend(batch.problems);
        let first = self.articles.len();
        if self.articles.is_empty() && self.articles.capacity() <= batch.articles.len() {
            // The first batch's list is taken, not copied: a collection
            // read whole (the subcommands) is never held twice.
            self.articles = batch.articles;
        } else {
            // Grown by the batch, not doubled: a list of every article
            // (`reserve` makes room for the whole collection at once).
            self.articles.reserve_exact(batch.articles.len());
            self.articles.extend(batch.articles);
        }
        self.order = merge.order;
        self.positions = merge.positions;
        self.categories = merge.categories;
        self.by_id = merge.by_id;
        self.changes += 1;
        (first..self.articles.len()).map(ArticleId::at).collect()
    }

    /// Room for `additional` articles more, as many as the files still to
    /// read: the batches then never move the articles there before.
    pub fn reserve(&mut self, additional: usize) {
        self.articles.reserve_exact(additional);
    }

    /// What a `Merge` checks the library against: its articles and how
    /// often it changed.
    fn stamp(&self) -> (usize, u64) {
        (self.articles.len(), self.changes)
    }
}
