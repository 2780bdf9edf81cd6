//! EPUB books as one article: title, author and language from the package,
//! chapters in spine order, the book's own table of contents (nav or NCX)
//! as headings with its nesting. rbook reads the package; the archive is
//! checked first (damage, DRM, unpacked size), and the chapters' XHTML goes
//! through the same converter as web pages.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};
use std::sync::Arc;

use rbook::Epub;

use super::html::{Converter, Mode, TocMark, decode_html};
use crate::i18n::{Text, text};
use crate::library::article::Body;
use crate::library::read::MAX_FILE_BYTES;
use crate::text::sanitize_inline;

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
/// One chapter or package file, unpacked.
const MAX_TEXT_ENTRY_BYTES: u64 = 64 * 1024 * 1024;
/// Bytes allocated for a file before its data shows how much it holds.
const INITIAL_CAPACITY: u64 = 1024 * 1024;
/// A book has fewer files than this.
const MAX_ENTRIES: usize = 50_000;
/// Encryption that only obfuscates embedded fonts: the text is readable.
const FONT_OBFUSCATION: &[&str] = &["http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"];

/// An EPUB read for reading.
#[derive(Debug)]
pub struct Book {
    pub title: Option<String>,
    pub author: Option<String>,
    pub language: Option<String>,
    pub body: Body,
    /// Files the spine names that the archive does not hold.
    pub missing: Vec<String>,
}

/// Reads an EPUB; the error is one sentence fit for the user.
pub fn parse_epub(bytes: &[u8]) -> Result<Book, Text> {
    parse_epub_within(bytes, LIMITS)
}

fn parse_epub_within(bytes: &[u8], limits: Limits) -> Result<Book, Text> {
    let texts = unpack_texts_within(bytes, limits.unpacked)?;
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
    let converter = Converter::new(Mode::Book);
    if !marks.is_empty() {
        converter.use_toc();
    }
    // A chapter the spine names a thousand times is read a thousand times:
    // the book is refused before, not after.
    let spine_bytes: u64 = epub
        .spine()
        .iter()
        .filter_map(|entry| entry.manifest_entry())
        .filter_map(|item| texts.get(&archive_path(&item.href().decode())))
        .map(|bytes| bytes.len() as u64)
        .sum();
    if spine_bytes > limits.unpacked {
        let mb = limits.unpacked / (1024 * 1024);
        return Err(text!(
            en: "not a readable EPUB: its spine names more than {mb} MB of chapters (a chapter named over and over, or damaged)",
            hans: "不是可读的 EPUB：书脊（spine）列出的章节超过 {mb} MB（同一章被反复列出，或已损坏）",
            hant: "不是可讀的 EPUB：書脊（spine）列出的章節超過 {mb} MB（同一章被反覆列出，或已損壞）",
        ));
    }
    let mut missing = Vec::new();
    let mut chapters = 0;
    for entry in epub.spine().iter() {
        let Some(item) = entry.manifest_entry() else {
            missing.push(sanitize_inline(entry.idref()));
            continue;
        };
        let path = archive_path(&item.href().decode());
        let Some(bytes) = texts.get(&path) else {
            // Said where the chapter would be, so the reader sees the gap.
            let shown = sanitize_inline(&path);
            let escaped = shown.replace('&', "&amp;").replace('<', "&lt;");
            converter.feed(&format!("<p>〔此处缺少一章：{escaped}〕</p>"), Vec::new(), Vec::new());
            missing.push(shown);
            continue;
        };
        let html = decode_html(bytes);
        let (at_start, anchored) = place_marks(marks.remove(&path).unwrap_or_default(), &html);
        converter.feed(&html, at_start, anchored);
        chapters += 1;
        if converter.text_len() as u64 > limits.text {
            let mb = limits.text / (1024 * 1024);
            return Err(text!(
                en: "too large: the book's text comes to more than {mb} MB, and articles are at most {mb} MB",
                hans: "太大：这本书的文字超过 {mb} MB，而文章最多 {mb} MB",
                hant: "太大：這本書的文字超過 {mb} MB，而文章最多 {mb} MB",
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
    })
}

/// The archive path of an href inside the book (`/OEBPS/c1.xhtml` → `OEBPS/c1.xhtml`).
fn archive_path(href: &str) -> String {
    href.trim_start_matches('/').to_string()
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
        let label = sanitize_inline(entry.label());
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

/// Checks the archive and unpacks its text files (chapters, package and
/// navigation files), each and all within a size limit; a damaged archive,
/// a DRM-protected book and a zip bomb are refused here.
fn unpack_texts_within(bytes: &[u8], max_unpacked: u64) -> Result<HashMap<String, Vec<u8>>, Text> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged())?;
    if zip.len() > MAX_ENTRIES {
        return Err(text!(
            en: "not a readable EPUB: more than {MAX_ENTRIES} files in the archive",
            hans: "不是可读的 EPUB：压缩包中的文件超过 {MAX_ENTRIES} 个",
            hant: "不是可讀的 EPUB：壓縮檔中的檔案超過 {MAX_ENTRIES} 個",
        ));
    }
    let mut declared = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|_| damaged())?;
        declared = declared.saturating_add(entry.size());
    }
    if declared > max_unpacked {
        return Err(too_large(max_unpacked));
    }
    let mut texts = HashMap::new();
    let mut unpacked = 0u64;
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).map_err(|err| match err {
            zip::result::ZipError::UnsupportedArchive(_) => text!(
                en: "not a readable EPUB: its files are encrypted (DRM) or packed in an unsupported way",
                hans: "不是可读的 EPUB：其中的文件已加密（DRM）或以不支持的方式压缩",
                hant: "不是可讀的 EPUB：其中的檔案已加密（DRM）或以不支援的方式壓縮",
            ),
            _ => damaged(),
        })?;
        let Ok(name) = entry.name().map(|n| n.into_owned()) else {
            continue;
        };
        if !is_text_file(&name) {
            continue;
        }
        let declared = entry.size();
        if declared > MAX_TEXT_ENTRY_BYTES {
            let (name, mb) = (sanitize_inline(&name), MAX_TEXT_ENTRY_BYTES / (1024 * 1024));
            return Err(text!(
                en: "not a readable EPUB: {name} would unpack to more than {mb} MB",
                hans: "不是可读的 EPUB：{name} 解压后会超过 {mb} MB",
                hant: "不是可讀的 EPUB：{name} 解壓後會超過 {mb} MB",
            ));
        }
        // The declared size is not trusted with an allocation: the vector grows as data comes.
        let mut content = Vec::with_capacity(declared.min(INITIAL_CAPACITY) as usize);
        (&mut entry)
            .take(declared + 1)
            .read_to_end(&mut content)
            .map_err(|_| damaged())?;
        // More or less than the archive declared: a zip bomb, or damage. A
        // file rbook reads after this check is never one whose size lies.
        if content.len() as u64 != declared {
            let name = sanitize_inline(&name);
            return Err(text!(
                en: "not a readable EPUB: {name} does not hold what the archive says it does (a zip bomb, or damaged)",
                hans: "不是可读的 EPUB：{name} 的内容与压缩包所记载的不符（压缩炸弹，或已损坏）",
                hant: "不是可讀的 EPUB：{name} 的內容與壓縮檔所記載的不符（壓縮炸彈，或已損壞）",
            ));
        }
        unpacked += content.len() as u64;
        if unpacked > max_unpacked {
            return Err(too_large(max_unpacked));
        }
        texts.insert(name, content);
    }
    if texts.contains_key("META-INF/rights.xml") || has_drm(texts.get("META-INF/encryption.xml")) {
        return Err(text!(
            en: "this EPUB is protected by DRM (its text is encrypted) and cannot be read",
            hans: "这本 EPUB 受 DRM 保护（文字已加密），无法读取",
            hant: "這本 EPUB 受 DRM 保護（文字已加密），無法讀取",
        ));
    }
    Ok(texts)
}

fn damaged() -> Text {
    text!(
        en: "not a readable EPUB: the zip archive is damaged or truncated",
        hans: "不是可读的 EPUB：zip 压缩包已损坏或不完整",
        hant: "不是可讀的 EPUB：zip 壓縮檔已損壞或不完整",
    )
}

fn too_large(max_unpacked: u64) -> Text {
    let mb = max_unpacked / (1024 * 1024);
    text!(
        en: "not a readable EPUB: it would unpack to more than {mb} MB (a zip bomb, or damaged)",
        hans: "不是可读的 EPUB：解压后会超过 {mb} MB（压缩炸弹，或已损坏）",
        hant: "不是可讀的 EPUB：解壓後會超過 {mb} MB（壓縮炸彈，或已損壞）",
    )
}

fn is_text_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".xhtml", ".html", ".htm", ".xml", ".opf", ".ncx"]
        .iter()
        .any(|ext| lower.ends_with(ext))
}

/// Whether `encryption.xml` encrypts anything but fonts.
fn has_drm(encryption: Option<&Vec<u8>>) -> bool {
    let Some(xml) = encryption else {
        return false;
    };
    let xml = String::from_utf8_lossy(xml);
    xml.split("Algorithm=")
        .skip(1)
        .filter_map(|rest| {
            let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
            rest[1..].split(quote).next()
        })
        .any(|algorithm| {
            !FONT_OBFUSCATION.contains(&algorithm) && !algorithm.contains("xmldsig") && !algorithm.ends_with("#sha1")
        })
}

#[cfg(test)]
#[path = "epub_tests.rs"]
mod tests;
