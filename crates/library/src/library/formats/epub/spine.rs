//! What each spine entry shows. A manifest item that is not XHTML names a
//! `fallback`, in a chain, that may be: the first XHTML or SVG document of
//! the chain is read (SVG for the text of its `<text>` elements); else an
//! image shows as 〔图〕; else the entry is a file the book does not hold
//! (a gap said where the chapter would be), or one that holds nothing to
//! read (audio, a script), which is passed over. A document several
//! entries fall back to (the one transcript of a comic's pages) is read
//! once, at the first; the others show their image.

use rbook::epub::manifest::EpubManifestEntry;

use super::archive::Archive;

/// What a spine entry comes to.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Page {
    /// A document to read, by its path in the archive.
    Document(String),
    /// A document reached through the fallbacks of an item, and whether
    /// the chain holds an image (shown when the document was read already).
    Fallback { path: String, image: bool },
    /// An image: a page of its own.
    Image,
    /// A file the archive does not hold, by its path.
    Missing(String),
    /// A file of nothing to read.
    Nothing,
}

/// The page of a spine entry's manifest item, through its fallbacks.
pub(super) fn page_of(item: &EpubManifestEntry<'_>, archive: &Archive) -> Page {
    let chain: Vec<(String, String)> = std::iter::once(*item)
        .chain(item.fallbacks())
        .map(|entry| {
            let path = archive_path(&entry.href().decode());
            (path, entry.media_type().to_ascii_lowercase())
        })
        .collect();
    let image = chain
        .iter()
        .any(|(path, media)| is_image(path, media) && archive.names.contains(path));
    let document = chain
        .iter()
        .position(|(path, media)| is_document(path, media) && archive.texts.contains_key(path));
    match document {
        Some(0) => return Page::Document(chain[0].0.clone()),
        Some(at) => {
            let path = chain[at].0.clone();
            return Page::Fallback { path, image };
        }
        None if image => return Page::Image,
        None => {}
    }
    match chain.into_iter().next() {
        Some((path, _)) if !archive.names.contains(&path) => Page::Missing(path),
        _ => Page::Nothing,
    }
}

/// The archive path of an href inside the book (`/OEBPS/c1.xhtml` → `OEBPS/c1.xhtml`).
pub(super) fn archive_path(href: &str) -> String {
    href.trim_start_matches('/').to_string()
}

/// XHTML, HTML or SVG, by its media type or, when that is wrong, its name.
fn is_document(path: &str, media: &str) -> bool {
    matches!(
        media,
        "application/xhtml+xml" | "text/html" | "image/svg+xml" | "application/x-dtbook+xml"
    ) || has_extension(path, &[".xhtml", ".html", ".htm", ".svg"])
}

fn is_image(path: &str, media: &str) -> bool {
    media.starts_with("image/")
        || has_extension(
            path,
            &[
                ".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".avif",
            ],
        )
}

fn has_extension(path: &str, extensions: &[&str]) -> bool {
    let lower = path.to_ascii_lowercase();
    extensions.iter().any(|ext| lower.ends_with(ext))
}
