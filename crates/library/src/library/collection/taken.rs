//! The ID rule for a collection read a batch at a time by a reader that
//! keeps only some of its articles (a search keeps its hits): every ID
//! given so far stays taken, so each article gets the ID it would get in the
//! whole `Library`.

use std::collections::HashSet;

use compact_str::CompactString;
use foldhash::fast::RandomState;

use super::order::rename_taken;
use crate::library::model::article::Article;

/// Every ID given so far (foldhash: fast on short keys; an ID of up to 24
/// bytes is held inline, so most cost no allocation).
#[derive(Debug, Default)]
pub struct TakenIds {
    ids: HashSet<CompactString, RandomState>,
}

impl TakenIds {
    /// Room for `ids` IDs, as many as the files to read.
    pub fn with_capacity(ids: usize) -> TakenIds {
        TakenIds {
            ids: HashSet::with_capacity_and_hasher(ids, RandomState::default()),
        }
    }

    /// Gives the articles of the next batch (in load order) their IDs, as
    /// `Library::extend` gives them (`order::rename_taken`): an ID taken
    /// before, or earlier in the batch, is replaced by its folder's name and
    /// the ID.
    pub fn give(&mut self, articles: &mut [Article]) {
        // Most batches take no ID given before: their IDs are taken as they
        // come; at the first one taken already, the batch's are let go again
        // and it is given its IDs by the rule.
        self.ids.reserve(articles.len());
        for (at, article) in articles.iter().enumerate() {
            if !self.ids.insert(article.id.clone()) {
                for earlier in &articles[..at] {
                    self.ids.remove(&earlier.id);
                }
                return self.give_renaming(articles);
            }
        }
    }

    /// `give` for a batch with an ID taken twice.
    fn give_renaming(&mut self, articles: &mut [Article]) {
        rename_taken(articles, |id| self.ids.contains(id));
        self.ids.reserve(articles.len());
        self.ids.extend(articles.iter().map(|a| a.id.clone()));
    }
}
