//! The article collection: the article model, parsing of `.md` and `.txt`
//! files, and loading the bundled collection or the user's folders.
//! Pure logic; nothing here knows about the terminal.

mod article;
mod front_matter;
mod load;
mod markdown;
mod plain;

pub use article::{Article, Block, BlockKind, Body, InlineSpan, InlineStyle, Meta, Origin};
pub use front_matter::FrontMatterError;
pub use load::{
    Batch, Candidate, Category, Library, LibraryError, LoadProblem, Plan, Prefilter, parse_article, read_batch,
    read_batch_where,
};
