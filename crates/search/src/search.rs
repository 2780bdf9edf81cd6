//! Search across the collection and inside an article: substring matching
//! (no word segmentation) over titles, authors, tags, summaries and text,
//! insensitive to ASCII case, full-width forms, Traditional/Simplified and
//! variant characters, with pinyin for titles and authors. Texts are
//! searched where they stand; only those that fold differently get a folded
//! copy. Pure: no terminal.
//!
//! # Design
//!
//! `query` (words, `title:`/`author:`/`tag:` fields, `-` exclusions, repeats dropped), `fold` (one
//! character for one: the table `fold_table.txt` generated from OpenCC by `scripts/gen-fold-table`
//! — Traditional → Simplified, variants and compatibility ideographs — plus ASCII case and
//! full-width letters and digits; punctuation left alone and tried in both forms by the query; a
//! sparse map from folded offsets back to the original), `index` (no copy of any text: a document
//! of 16 bytes marks whether its fields and body fold (Traditional, variant or full-width
//! characters); those are searched where they stand for every form that folds to the words, 峰 and
//! 峯, when each word has few (`for_query`, a one-off search, does this for every text), and
//! otherwise folded as they are searched, only where a form of a word's first character is in them
//! (`FoldFilter`); texts whose only change would be Latin capitals are searched where they stand by
//! `caseless`; the pinyin initials of titles and authors in one list for the index; ranking by
//! field, then whole/start/inside, then hits, then (`search_recent_first`, the reader's search) the
//! most recent of a history the caller gives, then collection order (`search_until` gives up between
//! two articles when told to); a document per `ArticleId`, each
//! batch's appended),
//! `pinyin` (titles and authors by initials or full toneless readings, every heteronym), `scan`
//! (every hit, left to right, without overlap: memmem for one word, Aho-Corasick for several; the
//! one scan `/`, `s` and `yuedu search` count with), `snippet` (text around a hit cut by display
//! width)

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
