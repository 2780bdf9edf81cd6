//! HTML and XHTML into a `Body`: the readable content only. html5gum's
//! tokenizer (the browsers' tokenizing rules, so broken markup reads as a
//! browser would read it) feeds a small converter that keeps headings,
//! paragraphs, lists, quotes, preformatted text and emphasis, shows images
//! as a placeholder with their alt text and links as their text, and leaves
//! out scripts, styles, navigation, headers, footers, asides and forms.
//! EPUB chapters go through the same converter, one document after another.
//!
//! The tokenizer is chosen for start-up: the loader fixes up and copies
//! every page of a position-independent binary's static data that holds
//! pointers, and html5gum's tables fill far fewer such pages than
//! html5ever's (its named entities and atoms: 63 pages, 0.3 ms at each start).
//!
//! - `attributes`: tags of very many attributes cut to their first 256,
//!   before the tokenizer reads them (the sink's check of each name is quadratic)
//! - `converter`: the `Converter` that documents are fed to
//! - `tokens`: the tokenizer's sink, its `Tag`, and which elements hold raw text
//! - `state`: what the converter keeps while reading, element by element
//! - `elements`: which elements are blocks, headings, styles or left out
//! - `hints`: what an element's class, id, role and style say of it
//! - `outline`: a web page's elements that hold blocks, kept while it is read
//! - `extract`: the page's article chosen from its outline, as Readability does

mod attributes;
mod converter;
mod elements;
mod extract;
mod hints;
mod outline;
mod state;
#[cfg(test)]
mod tests;
mod tokens;

use encoding_rs::Encoding;

use crate::library::formats::decode::{self, Decoded};
use crate::library::formats::ruby::Ruby;
use crate::library::model::article::Body;
pub(crate) use converter::{Converter, Mode, TocMark};

/// How far into a page a `<meta charset>` is looked for.
const CHARSET_PRESCAN_BYTES: usize = 4096;

/// A web page read for reading.
#[derive(Debug)]
pub struct HtmlPage {
    /// From `<title>`, else the first `<h1>`.
    pub title: Option<String>,
    pub body: Body,
    /// Places of the page's bytes that did not decode, each a U+FFFD.
    pub undecoded: usize,
}

/// Reads a saved web page: its charset from a byte order mark, its bytes
/// (UTF-8), the page's own `<meta charset>`, or detected (`decode_html`).
pub fn parse_html(bytes: &[u8]) -> HtmlPage {
    parse_html_with(bytes, Ruby::default())
}

/// `parse_html`, ruby readings shown by `ruby`.
pub fn parse_html_with(bytes: &[u8], ruby: Ruby) -> HtmlPage {
    let decoded = decode_html(bytes);
    let mut converter = Converter::new(Mode::Page);
    converter.set_ruby(ruby);
    converter.feed(&decoded.text, Vec::new(), Vec::new());
    let converted = converter.finish();
    let title = page_title(converted.title, converted.first_h1);
    let mut body = converted.body;
    if let Some((nodes, tags)) = &converted.outline
        && let Some(keep) = extract::article_blocks(nodes, &body, tags, title.as_deref())
    {
        body = body.retain_blocks(&keep);
    }
    HtmlPage {
        title,
        body,
        undecoded: decoded.replaced,
    }
}

/// The page's title: `<title>`, without the site's name after it when the
/// first `<h1>` is what comes before (`读《岳阳楼记》有感 - 某某博客` with
/// `<h1>读《岳阳楼记》有感</h1>`); else the first `<h1>`.
fn page_title(title: Option<String>, first_h1: Option<String>) -> Option<String> {
    match (title, first_h1) {
        (Some(title), Some(h1)) if title.len() > h1.len() && title.starts_with(&h1) => {
            let rest = title[h1.len()..].trim_start();
            let separated = rest.starts_with(['-', '_', '|', '–', '—', '·', '｜', '－', '：', ':']);
            Some(if separated { h1 } else { title })
        }
        (title, h1) => title.or(h1),
    }
}

/// The page's text: by its byte order mark; in UTF-8 when its bytes are
/// UTF-8 (a few damaged ones aside), whatever charset it declares, as pages
/// saved or converted to UTF-8 keep their old `charset=gb2312`; else in the
/// charset it declares (a page that declares UTF-8 keeps it, each damaged
/// place a U+FFFD, never read as another encoding); else as `.txt` files
/// are read. The places that did not decode are counted.
pub fn decode_html(bytes: &[u8]) -> Decoded<'_> {
    decode_markup(bytes, None)
}

/// An EPUB chapter's text: as a page's, but UTF-8 unless it declares another
/// encoding (XML's default, and the one EPUB allows besides UTF-16).
pub(crate) fn decode_chapter(bytes: &[u8]) -> Decoded<'_> {
    decode_markup(bytes, Some(encoding_rs::UTF_8))
}

fn decode_markup<'a>(bytes: &'a [u8], default: Option<&'static Encoding>) -> Decoded<'a> {
    if Encoding::for_bom(bytes).is_some() || simdutf8::basic::from_utf8(bytes).is_ok() || decode::is_damaged_utf8(bytes)
    {
        return decode::decode_text(bytes);
    }
    match declared_charset(&bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)]).or(default) {
        Some(encoding) if encoding == encoding_rs::UTF_8 && !decode::is_mislabelled_legacy(bytes) => {
            decode::decode_utf8(bytes)
        }
        Some(encoding) if encoding == encoding_rs::UTF_8 => decode::decode_text(bytes),
        Some(encoding) => decode::counted(encoding.decode_without_bom_handling(bytes)),
        None => decode::decode_text(bytes),
    }
}

/// Whether a page declares UTF-8 (`<meta charset>`, or its XML declaration):
/// then damaged bytes are damaged UTF-8, never a sign of a binary file.
pub(crate) fn declares_utf8(bytes: &[u8]) -> bool {
    declared_charset(&bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)]) == Some(encoding_rs::UTF_8)
}

/// The encoding named by `charset=` in the start of a page, if it names one.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    // `charset=` of a `<meta>`, or `encoding=` of an XML declaration.
    while let Some((at, len)) = find(&lower[from..], b"charset")
        .map(|at| (at, b"charset".len()))
        .or_else(|| find(&lower[from..], b"encoding").map(|at| (at, b"encoding".len())))
    {
        let rest = &lower[from + at + len..];
        from += at + 1;
        let rest = trim_ascii_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim_ascii_start(rest);
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        if let Some(encoding) = Encoding::for_label(&rest[..end]) {
            // UTF-16 cannot be declared from inside an ASCII-compatible page.
            return Some(encoding.output_encoding());
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}
