//! EPUB books as one article: title, author and language from the package,
//! chapters in spine order, the book's own table of contents (nav or NCX)
//! as headings with its nesting. rbook reads the package; the archive is
//! checked first (damage, DRM, unpacked size), and the chapters' XHTML goes
//! through the same converter as web pages.

mod archive;
mod spine;

use std::collections::{HashMap, HashSet};
use std::io::Cursor;
use std::sync::Arc;

use rbook::Epub;

use super::html::{Converter, Mode, TocMark, decode_chapter};
use crate::i18n::{Text, text};
use crate::library::formats::MAX_FILE_BYTES;
use crate::library::formats::ruby::Ruby;
use crate::library::model::article::Body;
use crate::text::sanitize_inline;
use archive::unpack_texts_within;
use spine::{Page, archive_path, page_of};

/// All files of a book, unpacked, are at most this large (a zip bomb is not).
const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// What a book may come to.
#[derive(Clone, Copy, Debug)]
struct Limits {
    /// Its files unpacked, and its chapters as the spine names them (a
    /// chapter named twice counts twice).
    unpacked: u64,
    /// The text made of it: an article is at most as large as an article's file.
    text: u64,
}

const LIMITS: Limits = Limits {
    unpacked: MAX_UNPACKED_BYTES,
    text: MAX_FILE_BYTES,
};

/// An EPUB read for reading.
#[derive(Debug)]
pub struct Book {
    pub title: Option<String>,
    pub author: Option<String>,
    pub language: Option<String>,
    pub body: Body,
    /// Files the spine names that the archive does not hold.
    pub missing: Vec<String>,
    /// Places of its chapters' bytes that did not decode, each a U+FFFD.
    pub undecoded: usize,
}

/// Reads an EPUB; the error is one sentence fit for the user.
pub fn parse_epub(bytes: &[u8]) -> Result<Book, Text> {
    parse_epub_with(bytes, Ruby::default())
}

/// `parse_epub`, ruby readings shown by `ruby`.
pub fn parse_epub_with(bytes: &[u8], ruby: Ruby) -> Result<Book, Text> {
    parse_epub_within(bytes, LIMITS, ruby)
}

fn parse_epub_within(bytes: &[u8], limits: Limits, ruby: Ruby) -> Result<Book, Text> {
    let archive = unpack_texts_within(bytes, limits.unpacked)?;
    let epub = Epub::read(Cursor::new(Arc::<[u8]>::from(bytes))).map_err(|err| {
        let why = sanitize_inline(&err.to_string());
        text!(
            en: "not a readable EPUB: {why}",
            hans: "不是可读的 EPUB：{why}",
            hant: "不是可讀的 EPUB：{why}",
        )
    })?;
    let metadata = epub.metadata();
    let clean = |value: Option<&str>| value.map(sanitize_inline).filter(|v| !v.is_empty());
    let title = clean(metadata.title().map(|t| t.value()));
    let author = clean(metadata.creators().next().map(|c| c.value()));
    let language = clean(metadata.language().map(|l| l.value()));

    let mut marks = toc_marks(&epub);
    let mut converter = Converter::new(Mode::Book);
    converter.set_ruby(ruby);
    if !marks.is_empty() {
        converter.use_toc();
    }
    // Each entry's page, through the fallbacks of its item; its contents
    // entries are those of the item the spine names and of the file read.
    let pages: Vec<(Page, Option<String>)> = epub
        .spine()
        .iter()
        .map(|entry| match entry.manifest_entry() {
            Some(item) => (page_of(&item, &archive), Some(archive_path(&item.href().decode()))),
            None => (Page::Missing(sanitize_inline(entry.idref())), None),
        })
        .collect();
    // A chapter the spine names a thousand times is read a thousand times:
    // the book is refused before, not after.
    let spine_bytes: u64 = pages
        .iter()
        .filter_map(|(page, _)| match page {
            Page::Document(path) | Page::Fallback { path, .. } => archive.texts.get(path),
            _ => None,
        })
        .map(|bytes| bytes.len() as u64)
        .sum();
    if spine_bytes > limits.unpacked {
        let size = crate::files::size(limits.unpacked);
        return Err(text!(
            en: "not a readable EPUB: its spine names more than {size} of chapters (a chapter named over and over, or damaged)",
            hans: "不是可读的 EPUB：书脊（spine）列出的章节超过 {size}（同一章被反复列出，或已损坏）",
            hant: "不是可讀的 EPUB：書脊（spine）列出的章節超過 {size}（同一章被反覆列出，或已損壞）",
        ));
    }
    let mut missing = Vec::new();
    let mut chapters = 0;
    let mut undecoded = 0;
    let mut fallen_back = HashSet::new();
    for (page, named) in pages {
        let mut entries = named.and_then(|path| marks.remove(&path)).unwrap_or_default();
        let page = match page {
            Page::Fallback { path, image } if !fallen_back.insert(path.clone()) => {
                if image {
                    Page::Image
                } else {
                    Page::Nothing
                }
            }
            Page::Fallback { path, .. } => Page::Document(path),
            page => page,
        };
        match page {
            Page::Missing(path) => {
                // Said where the chapter would be, so the reader sees the gap.
                let shown = sanitize_inline(&path);
                let escaped = shown.replace('&', "&amp;").replace('<', "&lt;");
                let at_start = entries.into_iter().map(|(_, mark)| mark).collect();
                converter.feed(&format!("<p>〔此处缺少一章：{escaped}〕</p>"), at_start, Vec::new());
                missing.push(shown);
            }
            Page::Nothing | Page::Fallback { .. } => {}
            Page::Image => {
                let at_start = entries.into_iter().map(|(_, mark)| mark).collect();
                converter.feed("<p><img></p>", at_start, Vec::new());
                chapters += 1;
            }
            Page::Document(path) => {
                let bytes = archive.texts.get(&path).map_or(&[][..], Vec::as_slice);
                let decoded = decode_chapter(bytes);
                undecoded += decoded.replaced;
                entries.extend(marks.remove(&path).unwrap_or_default());
                let (at_start, anchored) = place_marks(entries, &decoded.text);
                converter.feed(&decoded.text, at_start, anchored);
                chapters += 1;
            }
        }
        if converter.text_len() as u64 > limits.text {
            let size = crate::files::size(limits.text);
            return Err(text!(
                en: "too large: the book's text comes to more than {size}, and articles are at most {size}",
                hans: "太大：这本书的文字超过 {size}，而文章最多 {size}",
                hant: "太大：這本書的文字超過 {size}，而文章最多 {size}",
            ));
        }
    }
    if chapters == 0 {
        let missing = missing.join(", ");
        return Err(if missing.is_empty() {
            text!(
                en: "the EPUB's spine lists no chapters",
                hans: "这本 EPUB 的书脊（spine）没有列出章节",
                hant: "這本 EPUB 的書脊（spine）沒有列出章節",
            )
        } else {
            text!(
                en: "the EPUB's spine names files it does not hold ({missing})",
                hans: "这本 EPUB 的书脊（spine）列出的文件不在其中（{missing}）",
                hant: "這本 EPUB 的書脊（spine）列出的檔案不在其中（{missing}）",
            )
        });
    }
    let converted = converter.finish();
    Ok(Book {
        title: title.or(converted.title),
        author,
        language,
        body: converted.body,
        missing,
        undecoded,
    })
}

/// Table-of-contents entries by the file they point to, with their fragment.
fn toc_marks(epub: &Epub) -> HashMap<String, Vec<(Option<String>, TocMark)>> {
    let mut marks: HashMap<String, Vec<(Option<String>, TocMark)>> = HashMap::new();
    let Some(root) = epub.toc().contents() else {
        return marks;
    };
    for entry in root.flatten() {
        let Some(href) = entry.href() else {
            continue;
        };
        // The book's own words, whitespace made single spaces.
        let label = sanitize_inline(entry.label())
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if label.is_empty() {
            continue;
        }
        let level = entry.depth().clamp(1, 6) as u8;
        let fragment = href.fragment().map(str::to_string);
        marks
            .entry(archive_path(&href.path().decode()))
            .or_default()
            .push((fragment, TocMark { level, label }));
    }
    marks
}

/// Splits a chapter's entries into those at its start and those at an
/// element's `id` (an id the chapter does not hold counts as its start).
fn place_marks(marks: Vec<(Option<String>, TocMark)>, html: &str) -> (Vec<TocMark>, Vec<(String, TocMark)>) {
    let mut at_start = Vec::new();
    let mut anchored = Vec::new();
    let ids = if marks.iter().any(|(fragment, _)| fragment.is_some()) {
        element_ids(html)
    } else {
        HashSet::new()
    };
    for (fragment, mark) in marks {
        match fragment {
            Some(id) if ids.contains(id.as_str()) => anchored.push((id, mark)),
            _ => at_start.push(mark),
        }
    }
    (at_start, anchored)
}

/// The values of the `id` attributes in a document, found in one pass.
fn element_ids(html: &str) -> HashSet<&str> {
    let mut ids = HashSet::new();
    let mut rest = html;
    while let Some(at) = rest.find("id=") {
        rest = &rest[at + 3..];
        let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            continue;
        };
        let value = &rest[1..];
        let Some(end) = value.find(quote) else {
            break;
        };
        ids.insert(&value[..end]);
        rest = &value[end + 1..];
    }
    ids
}

#[cfg(test)]
#[path = "epub_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "epub_fidelity_tests.rs"]
mod fidelity_tests;
