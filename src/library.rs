//! The article collection: the article model, parsing of `.md` and `.txt`
//! files, and loading the bundled collection or the user's folders.
//! Pure logic; nothing here knows about the terminal.

mod article;
mod cache;
mod front_matter;
mod load;
mod markdown;
mod plain;

pub use article::{Article, Block, BlockKind, Body, Document, InlineSpan, InlineStyle, Meta, Origin};
pub use cache::{ArticleCache, CachedArticle, Change};
pub use front_matter::FrontMatterError;
pub use load::{
    Batch, Candidate, Category, InPlace, InPlaceDoc, Library, LibraryError, LoadProblem, Plan, parse_article,
    read_batch, read_batch_cached,
};
