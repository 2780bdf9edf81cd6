//! Formats beyond the collection's own Markdown: chapters in `.txt` novels,
//! EPUB books and saved web pages. Each turns bytes into a sanitised `Body`
//! (and what metadata the format carries); a book is one article whose
//! chapters are heading blocks, so reading positions stay byte offsets.

mod epub;
mod html;
mod novel;

pub use epub::{Book, parse_epub};
pub use html::{HtmlPage, parse_html};
pub use novel::{ChapterRule, find_headings};
