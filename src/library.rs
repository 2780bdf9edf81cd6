//! The article collection: the article model, parsing of `.md`, `.txt`,
//! `.epub` and `.html` files, and loading the bundled collection or the user's folders.
//! Pure logic; nothing here knows about the terminal.
//!
//! Four rooms, each using only those before it (`tests/layers.rs` checks):
//! - `model`: the article (`Article`, `Meta`, `Body`), its table of contents, natural order of names
//! - `formats`: one file's bytes to an article (`parse`, with `decode`, `front_matter`,
//!   `markdown`, `plain`, `verse`, `ruby`; `.txt` novels' chapters, EPUB books and web pages)
//! - `collection`: the `Library` and where each article goes in it (`order`)
//! - `load`: the files of a collection found (`plan`, `walk`) and read in batches through `cache`

mod collection;
mod formats;
mod load;
mod model;

pub use collection::{Batch, Category, Library, LibraryError, LoadProblem};
pub use formats::front_matter::FrontMatterError;
#[cfg(test)]
pub(crate) use formats::parse::{Naming, parse_article_with};
pub use formats::parse::{Rules, parse_article};
pub use formats::plain::parse_plain_with;
pub use formats::ruby::Ruby;
pub use formats::{Book, ChapterRule, Format, HtmlPage, parse_epub, parse_html};
pub use load::cache::{ArticleCache, Usage as CacheUsage, usage as cache_usage};
pub use load::plan::{Candidate, Plan, STDIN_ID};
#[cfg(test)]
pub(crate) use load::prefix::{Cuts, prefix_cut};
pub use load::prefix::{PREFIX_FROM_BYTES, extends, parse_prefix, read_prefix};
pub use load::read::{read_batch, read_batch_cached, read_bounded};
pub use load::stdin::{read_stdin, stdin_is_piped};
pub use model::article::{
    Article, Block, BlockKind, Body, InlineSpan, InlineStyle, Meta, MoreMeta, Order, Origin, UNCATEGORISED,
};
pub use model::natural::{natural_cmp, number_value, numbers_in};
pub use model::toc::{TocEntry, current_entry, heading_at, next_entry, previous_entry, table_of_contents};
