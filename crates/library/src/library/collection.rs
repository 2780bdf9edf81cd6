//! The collection model: articles kept in the order they were added, each
//! under an `ArticleId` that never changes, and the display order (grouped
//! by category) beside them; with the files that were skipped.

use std::ops::Range;
use std::path::PathBuf;

use crate::library::model::article::Article;
use order::group_categories;

mod merge;
mod order;
mod taken;
pub use merge::Merge;
pub use taken::TakenIds;
mod problem;
pub use problem::{LibraryError, LoadProblem};

/// A loaded collection. Articles are only ever added: each keeps the
/// `ArticleId` it was given, its place in `articles`, so whatever holds one
/// (the open article, a selection, search hits) still names the same
/// article after a batch arrives. The display order is a list of IDs beside
/// them, merged into as batches arrive.
#[derive(Clone, Debug, Default)]
pub struct Library {
    /// In the order added: `ArticleId` is the index.
    articles: Vec<Article>,
    /// Every article's ID in collection order (categories in order, each
    /// category's articles in order).
    order: Vec<ArticleId>,
    /// Each article's position in `order`, by ID.
    positions: Vec<u32>,
    categories: Vec<Category>,
    title: Option<String>,
    problems: Vec<LoadProblem>,
    /// Categories in the order `collection.toml` files list them.
    listed: Vec<String>,
    /// Articles in the order of their text IDs: `find` searches it by
    /// bisection. A map from ID would hold a second copy of every ID, a
    /// real share of the memory of many small articles.
    by_id: Vec<ArticleId>,
    /// The article that holds only the first part of its file (`add_prefix`).
    prefix: Option<ArticleId>,
    /// Its whole article could not be read: the first part is all there is.
    prefix_final: bool,
    /// Counts the changes to articles already there and the batches added
    /// (`Merge` checks it).
    changes: u64,
}

/// An article of a `Library`: given when it is added, never reused and
/// never moved, whatever arrives later. It is not a place in any order
/// (`Library::position` is).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleId(u32);

impl ArticleId {
    /// The ID of the article at `index` of the list the library keeps
    /// (`Articles::stored`), or of a list of articles made as one.
    pub fn at(index: usize) -> ArticleId {
        ArticleId(u32::try_from(index).unwrap_or(u32::MAX))
    }

    /// Its index in the list the library keeps (`Articles::stored`).
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// The articles of a library: by ID, or in collection order (`iter`).
#[derive(Clone, Copy, Debug)]
pub struct Articles<'a> {
    stored: &'a [Article],
    order: &'a [ArticleId],
}

impl<'a> Articles<'a> {
    pub fn len(&self) -> usize {
        self.stored.len()
    }

    pub fn is_empty(&self) -> bool {
        self.stored.is_empty()
    }

    pub fn get(&self, id: ArticleId) -> Option<&'a Article> {
        self.stored.get(id.index())
    }

    /// In collection order.
    pub fn iter(&self) -> InOrder<'a> {
        InOrder {
            stored: self.stored,
            order: self.order.iter(),
        }
    }

    /// IDs and articles, in collection order.
    pub fn with_ids(&self) -> impl DoubleEndedIterator<Item = (ArticleId, &'a Article)> + 'a {
        let stored = self.stored;
        (self.order.iter()).filter_map(move |&id| Some((id, stored.get(id.index())?)))
    }

    /// In the order added: the article with ID `ArticleId::at(i)` at `i`.
    pub fn stored(&self) -> &'a [Article] {
        self.stored
    }
}

impl<'a> IntoIterator for Articles<'a> {
    type Item = &'a Article;
    type IntoIter = InOrder<'a>;

    fn into_iter(self) -> InOrder<'a> {
        self.iter()
    }
}

/// The articles of a library in collection order.
#[derive(Clone, Debug)]
pub struct InOrder<'a> {
    stored: &'a [Article],
    order: std::slice::Iter<'a, ArticleId>,
}

impl<'a> Iterator for InOrder<'a> {
    type Item = &'a Article;

    fn next(&mut self) -> Option<&'a Article> {
        // Every ID in the order is one of the articles kept.
        self.order.next().and_then(|id| self.stored.get(id.index()))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.order.size_hint()
    }
}

impl DoubleEndedIterator for InOrder<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.order.next_back().and_then(|id| self.stored.get(id.index()))
    }
}

impl ExactSizeIterator for InOrder<'_> {}

impl std::ops::Index<ArticleId> for Articles<'_> {
    type Output = Article;

    fn index(&self, id: ArticleId) -> &Article {
        &self.stored[id.index()]
    }
}

impl std::ops::Index<ArticleId> for Library {
    type Output = Article;

    fn index(&self, id: ArticleId) -> &Article {
        &self.articles[id.index()]
    }
}

/// A category and the range of its articles' positions in collection order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    pub name: String,
    pub articles: Range<usize>,
}

impl Library {
    /// An empty library that knows its title, its listed categories and the
    /// problems met so far; articles come with `extend`.
    pub(in crate::library) fn start(title: Option<String>, listed: Vec<String>, problems: Vec<LoadProblem>) -> Library {
        Library {
            title,
            listed,
            problems,
            ..Library::default()
        }
    }

    /// The library, or an error naming `roots` and every problem met when
    /// none of their files could be read.
    pub fn require_articles(self, roots: &[PathBuf]) -> Result<Library, LibraryError> {
        if self.articles.is_empty() {
            return Err(LibraryError::NoneReadable(roots.to_vec(), self.problems));
        }
        Ok(self)
    }

    /// Adds a batch of articles, keeping categories and order: listed
    /// categories first, then the others by name, 未分类 last; within a
    /// category by `order`, then title. A second article with an ID already
    /// taken is kept under its folder's name and the ID (`order::rename_taken`).
    /// Returns the IDs the batch's articles were given, in the batch's
    /// order: they follow every ID given before, and none of those changes.
    pub fn extend(&mut self, mut batch: Batch) -> Vec<ArticleId> {
        let merge = self.place(&mut batch);
        self.extend_prepared(batch, merge)
    }

    /// Adds the article of the first part of a large file
    /// (`library::read_prefix`); its whole article replaces it (`replace`).
    pub fn add_prefix(&mut self, article: Article) {
        let added = self.extend(Batch {
            articles: vec![article],
            ..Batch::default()
        });
        self.prefix = added.first().copied();
    }

    /// Whether article `id` holds only the first part of its file.
    pub fn is_prefix(&self, id: ArticleId) -> bool {
        self.prefix == Some(id)
    }

    /// Whether article `id` holds only the first part of its file and
    /// its whole article may still come.
    pub fn awaits_whole(&self, id: ArticleId) -> bool {
        self.is_prefix(id) && !self.prefix_final
    }

    /// The whole article of the file added from its first part will not
    /// come (it could not be read): the first part stays, as all there is.
    /// Its ID, the first time.
    pub fn give_up_whole(&mut self) -> Option<ArticleId> {
        if self.prefix_final {
            return None;
        }
        let id = self.prefix?;
        self.prefix_final = true;
        Some(id)
    }

    /// Puts `article`, the whole article of a file added from its first
    /// part (`add_prefix`), in that one's place, under its ID: the ID, or
    /// `None` when it is not that article.
    pub fn replace(&mut self, article: Article) -> Option<ArticleId> {
        let id = self.prefix?;
        let slot = self.articles.get_mut(id.index())?;
        if slot.id != article.id {
            return None;
        }
        *slot = article;
        self.prefix = None;
        self.changes += 1;
        let articles = &self.articles;
        self.categories = group_categories(|id| articles.get(id.index()), &self.order);
        Some(id)
    }

    /// The articles: by ID, or in collection order.
    pub fn articles(&self) -> Articles<'_> {
        Articles {
            stored: &self.articles,
            order: &self.order,
        }
    }

    /// Article `id`, if the library has it.
    pub fn get(&self, id: ArticleId) -> Option<&Article> {
        self.articles.get(id.index())
    }

    /// The ID of the article at `position` in collection order.
    pub fn at(&self, position: usize) -> Option<ArticleId> {
        self.order.get(position).copied()
    }

    /// The article at `position` in collection order.
    pub fn article_at(&self, position: usize) -> Option<&Article> {
        self.get(self.at(position)?)
    }

    /// Where article `id` is in collection order.
    pub fn position(&self, id: ArticleId) -> Option<usize> {
        self.positions.get(id.index()).map(|&p| p as usize)
    }

    /// Every article's ID in collection order.
    pub fn order(&self) -> &[ArticleId] {
        &self.order
    }

    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// The collection's title, from its `collection.toml`.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Files that were skipped while loading.
    pub fn problems(&self) -> &[LoadProblem] {
        &self.problems
    }

    /// The article whose text ID is `id`.
    pub fn find(&self, id: &str) -> Option<ArticleId> {
        let text_id = |at: ArticleId| self.articles.get(at.index()).map_or("", |a| a.id.as_str());
        let at = self.by_id.binary_search_by(|&at| text_id(at).cmp(id)).ok()?;
        self.by_id.get(at).copied()
    }

    /// The index of the category article `id` is in.
    pub fn category_of(&self, id: ArticleId) -> Option<usize> {
        let article = self.position(id)?;
        let i = self.categories.partition_point(|c| c.articles.end <= article);
        self.categories
            .get(i)
            .filter(|c| c.articles.contains(&article))
            .map(|_| i)
    }

    /// IDs close to `id`, best first: for "did you mean" messages.
    pub fn suggest(&self, id: &str) -> Vec<&str> {
        let known = (self.articles.iter()).map(|a| (a.id.as_str(), a.id.contains(id) || a.meta.title.contains(id)));
        crate::suggest::ranked(id, known, 0.4, 3)
    }
}

/// Articles read from part of a plan.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    pub articles: Vec<Article>,
    pub problems: Vec<LoadProblem>,
    /// Files this batch covered (read or skipped).
    pub files: usize,
}

impl PartialEq for Batch {
    fn eq(&self, other: &Batch) -> bool {
        let ids = |b: &Batch| b.articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        self.files == other.files && self.problems == other.problems && ids(self) == ids(other)
    }
}

impl Eq for Batch {}

#[cfg(test)]
mod tests;
