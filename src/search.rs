//! Search across the collection and inside an article: substring matching
//! (no word segmentation) over titles, authors, tags, summaries and text,
//! insensitive to ASCII case, full-width forms, Traditional/Simplified and
//! variant characters, with pinyin for titles and authors. Texts are
//! searched where they stand; only those that fold differently get a folded
//! copy. Pure: no terminal.

mod caseless;
mod fold;
mod index;
mod names;
mod pinyin;
mod query;
mod scan;
mod snippet;

pub use fold::{Folded, Searchable, fold, punctuation_variants, simplified_char};
pub use index::{Hit, SearchIndex, SearchResults};
pub use names::matching_names;
pub use pinyin::Tier;
pub use query::{Field, LITERAL_PREFIX, MAX_QUERY_BYTES, Query, Term};
pub use snippet::{Snippet, snippet};
