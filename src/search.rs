//! Search across the collection and inside an article: substring matching
//! (no word segmentation) insensitive to ASCII case, full-width forms and
//! Traditional/Simplified characters, with optional pinyin initials for
//! titles. Texts are searched where they stand; only those with Traditional
//! or full-width characters get a folded copy. Pure: no terminal.

mod caseless;
mod fold;
mod index;
mod snippet;

pub use fold::{Folded, Searchable, fold, punctuation_variants};
pub use index::{Hit, Query, SearchIndex, SearchResults};
pub use snippet::{Snippet, snippet};
