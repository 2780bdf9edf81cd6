//! One file's bytes to an article (`parse`, with `decode`, `front_matter`,
//! `markdown`, `plain`, `verse`, `ruby`), and the formats beyond the
//! collection's own Markdown: chapters in `.txt` novels, EPUB books and
//! saved web pages. Each turns bytes into a sanitised `Body` (and what
//! metadata the format carries); a book is one article whose chapters are
//! heading blocks, so reading positions stay byte offsets. Uses only `model`.

pub(in crate::library) mod containers;
pub(in crate::library) mod decode;
mod epub;
pub(in crate::library) mod front_matter;
mod html;
pub(in crate::library) mod markdown;
mod novel;
pub(in crate::library) mod parse;
pub(in crate::library) mod plain;
pub(in crate::library) mod ruby;
mod rules;
pub(in crate::library) mod verse;
/// Files larger than this are not articles a person reads; they are skipped.
pub(in crate::library) const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The kinds of file read as articles, known by their extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Markdown,
    /// `.txt`, novels with chapters among them.
    Plain,
    Html,
    Epub,
}

impl Format {
    /// The format of a file by its name; `None` for files that are not articles.
    pub fn of(name: &str) -> Option<Format> {
        let (_, extension) = name.rsplit_once('.')?;
        let is = |e: &str| extension.eq_ignore_ascii_case(e);
        Some(match () {
            _ if is("md") || is("markdown") => Format::Markdown,
            _ if is("txt") => Format::Plain,
            _ if is("html") || is("htm") || is("xhtml") => Format::Html,
            _ if is("epub") => Format::Epub,
            _ => return None,
        })
    }

    /// The format of bytes without a name (standard input): a zip is an
    /// EPUB, markup an HTML page, front matter or Markdown headings Markdown;
    /// anything else plain text, where a novel's chapters are found.
    pub fn sniff(bytes: &[u8]) -> Format {
        if bytes.starts_with(b"PK\x03\x04") {
            return Format::Epub;
        }
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
        let start = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
        if start.starts_with("<!doctype html") || start.starts_with("<html") || head.contains("<body") {
            return Format::Html;
        }
        let markdown = start.starts_with("+++")
            || head
                .lines()
                .any(|l| l.starts_with("# ") || l.starts_with("## ") || l.starts_with("```"));
        if markdown { Format::Markdown } else { Format::Plain }
    }
}

pub use epub::{Book, parse_epub, parse_epub_with};
pub(crate) use html::declares_utf8;
pub use html::{HtmlPage, parse_html, parse_html_with};
pub use novel::{ChapterRule, find_headings};
