//! The article collection: the article model, parsing of `.md`, `.txt`,
//! `.epub` and `.html` files, and loading the bundled collection or the user's folders.
//! Pure logic; nothing here knows about the terminal.
//!
//! - `article`: the model (`Article`, `Meta`, `Body`)
//! - `parse` (with `decode`, `front_matter`, `markdown`, `plain`): one file's bytes to an article
//! - `plan` and `walk`: the files of a collection, found but not yet read
//! - `read`: files read into articles in batches, through `cache`
//! - `collection` and `order`: the `Library` and where each article goes in it
//! - `formats`: `.txt` novels' chapters, EPUB books and web pages into bodies
//! - `natural`: natural order of names (numbers, Chinese numerals too)
//! - `toc`: a body's table of contents

mod article;
mod cache;
mod collection;
mod containers;
mod decode;
mod formats;
mod front_matter;
mod markdown;
mod natural;
mod order;
mod parse;
mod plain;
mod plan;
mod prefix;
mod read;
mod ruby;
mod stdin;
mod toc;
mod verse;
mod walk;

pub use article::{Article, Block, BlockKind, Body, InlineSpan, InlineStyle, Meta, MoreMeta, Order, Origin};
pub use cache::{ArticleCache, Change, Usage as CacheUsage, usage as cache_usage};
pub use collection::{Category, Library, LibraryError, LoadProblem};
pub use formats::{Book, ChapterRule, Format, HtmlPage, parse_epub, parse_html};
pub use front_matter::FrontMatterError;
pub use natural::{natural_cmp, number_value, numbers_in};
#[cfg(test)]
pub(crate) use parse::{Naming, parse_article_with};
pub use parse::{Rules, UNCATEGORISED, parse_article};
pub use plain::parse_plain_with;
pub use plan::{Candidate, Plan, STDIN_ID};
#[cfg(test)]
pub(crate) use prefix::{Cuts, prefix_cut};
pub use prefix::{PREFIX_FROM_BYTES, extends, parse_prefix, read_prefix};
pub use read::{Batch, read_batch, read_batch_cached, read_bounded};
pub use ruby::Ruby;
pub use stdin::{read_stdin, stdin_is_piped};
pub use toc::{TocEntry, current_entry, heading_at, next_entry, previous_entry, table_of_contents};
