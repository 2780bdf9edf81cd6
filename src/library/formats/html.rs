//! HTML and XHTML into a `Body`: the readable content only. html5ever's
//! tokenizer (the browsers' tokenizing rules, so broken markup reads as a
//! browser would read it) feeds a small converter that keeps headings,
//! paragraphs, lists, quotes, preformatted text and emphasis, shows images
//! as a placeholder with their alt text and links as their text, and leaves
//! out scripts, styles, navigation, headers, footers, asides and forms.
//! EPUB chapters go through the same converter, one document after another.
//!
//! - `attributes`: tags of very many attributes cut to their first 256,
//!   as the tokenizer is fed (its check of each name is quadratic)
//! - `converter`: the `Converter` that documents are fed to, and its sink
//! - `state`: what the converter keeps while reading, element by element
//! - `elements`: which elements are blocks, headings, styles or left out

mod attributes;
mod converter;
mod elements;
mod state;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use encoding_rs::Encoding;

use crate::library::article::Body;
pub(crate) use converter::{Converter, Mode, TocMark};

/// How far into a page a `<meta charset>` is looked for.
const CHARSET_PRESCAN_BYTES: usize = 4096;

/// A web page read for reading.
#[derive(Debug)]
pub struct HtmlPage {
    /// From `<title>`, else the first `<h1>`.
    pub title: Option<String>,
    pub body: Body,
}

/// Reads a saved web page: its charset from a byte order mark, its bytes
/// (UTF-8), the page's own `<meta charset>`, or detected (`decode_html`).
pub fn parse_html(bytes: &[u8]) -> HtmlPage {
    let text = decode_html(bytes);
    let converter = Converter::new(Mode::Page);
    converter.feed(&text, Vec::new(), Vec::new());
    let converted = converter.finish();
    HtmlPage {
        title: page_title(converted.title, converted.first_h1),
        body: converted.body,
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
/// charset it declares; else as `.txt` files are read.
pub fn decode_html(bytes: &[u8]) -> Cow<'_, str> {
    if Encoding::for_bom(bytes).is_none()
        && simdutf8::basic::from_utf8(bytes).is_err()
        && !crate::library::decode::is_damaged_utf8(bytes)
        && let Some(encoding) = declared_charset(&bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)])
        // A page that says UTF-8 but is not is decoded as if it said nothing.
        && encoding != encoding_rs::UTF_8
    {
        return encoding.decode_without_bom_handling(bytes).0;
    }
    crate::library::decode::decode_text(bytes).text
}

/// The encoding named by `charset=` in the start of a page, if it names one.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset") {
        let rest = &lower[from + at + b"charset".len()..];
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
