//! Search across the collection and inside an article: substring matching
//! (no word segmentation) over a folded copy of each text, insensitive to
//! ASCII case, full-width forms and Traditional/Simplified characters, with
//! optional pinyin initials for titles. Pure: no terminal.

mod caseless;
mod fold;
mod index;
mod snippet;

pub use fold::{Folded, Searchable, fold, punctuation_variants};
pub use index::{Hit, Query, SearchIndex, SearchResults};
pub use snippet::{Snippet, snippet};
