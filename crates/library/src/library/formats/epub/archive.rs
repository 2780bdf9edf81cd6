//! The archive of a book: checked (damage, DRM, a zip bomb) and its text
//! files unpacked within limits, each exactly the size the archive declares.

use std::collections::{HashMap, HashSet};
use std::io::{Cursor, Read};

use crate::i18n::{Text, text};
use crate::text::sanitize_inline;

/// One chapter or package file, unpacked.
const MAX_TEXT_ENTRY_BYTES: u64 = 64 * 1024 * 1024;
/// Bytes allocated for a file before its data shows how much it holds.
const INITIAL_CAPACITY: u64 = 1024 * 1024;
/// A book has fewer files than this.
const MAX_ENTRIES: usize = 50_000;
/// Encryption that only obfuscates embedded fonts: the text is readable.
const FONT_OBFUSCATION: &[&str] = &["http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"];

/// The files of a book: the text ones unpacked (chapters, SVG pages, the
/// package and navigation files), and the names of all.
#[derive(Debug, Default)]
pub(super) struct Archive {
    pub texts: HashMap<String, Vec<u8>>,
    pub names: HashSet<String>,
}

/// Checks the archive and unpacks its text files (chapters, package and
/// navigation files), each and all within a size limit; a damaged archive,
/// a DRM-protected book and a zip bomb are refused here.
pub(super) fn unpack_texts_within(bytes: &[u8], max_unpacked: u64) -> Result<Archive, Text> {
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
    let mut names = HashSet::new();
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
            names.insert(name);
            continue;
        }
        let declared = entry.size();
        if declared > MAX_TEXT_ENTRY_BYTES {
            let (name, size) = (sanitize_inline(&name), crate::files::size(MAX_TEXT_ENTRY_BYTES));
            return Err(text!(
                en: "not a readable EPUB: {name} would unpack to more than {size}",
                hans: "不是可读的 EPUB：{name} 解压后会超过 {size}",
                hant: "不是可讀的 EPUB：{name} 解壓後會超過 {size}",
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
        names.insert(name.clone());
        texts.insert(name, content);
    }
    if texts.contains_key("META-INF/rights.xml") || has_drm(texts.get("META-INF/encryption.xml")) {
        return Err(text!(
            en: "this EPUB is protected by DRM (its text is encrypted) and cannot be read",
            hans: "这本 EPUB 受 DRM 保护（文字已加密），无法读取",
            hant: "這本 EPUB 受 DRM 保護（文字已加密），無法讀取",
        ));
    }
    Ok(Archive { texts, names })
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
    [".xhtml", ".html", ".htm", ".xml", ".opf", ".ncx", ".svg"]
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
