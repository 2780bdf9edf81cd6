//! Which article a saved entry belongs to. State is kept under a key: a
//! bundled article's ID, or a file's absolute path, so two folders whose
//! files have the same relative IDs never share positions or bookmarks. A
//! position also keeps a fingerprint of the text, so a file that was moved
//! or renamed finds its state again and a file whose text was replaced does
//! not inherit the old one's.
//!
//! A file's key is its path as text when its name is UTF-8. A path that is
//! not (a GBK-named file on a UTF-8 system) keeps its bytes: its key starts
//! with `//` (no canonical path does) and each byte that is not part of
//! UTF-8 text, and each `%`, is written `%XX` (`path_key`, read back by
//! `key_path`), so two such files never share a key and a key written
//! before stays the same for every name that is UTF-8.
//!
//! Entries no article holds are attached when the library is known: entries
//! written before keys were paths (format 1, keyed by a folder article's ID)
//! to the folder article with that ID, and a moved file's entries to the
//! article with the same fingerprint that has no position of its own, but
//! only once the file keyed is gone. What cannot be attached is kept and
//! listed as unattached. The file system is asked only by `KeyBatch::prepare`
//! (folders' real paths, where a batch is read), `ArticleKeys::new`/`add`,
//! `real_folders` and `file_there`; `ArticleKeys::by_name`, `resolve`, `take`
//! and `attachments_known` make no call (but for the working folder), so the
//! reader's state machine uses them and hands the calls to other threads.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Component, Path, PathBuf};

use crate::library::{Article, ArticleId, Library, Origin};

use super::state::{Change, State};

mod keys;

pub use keys::ArticleKeys;
#[cfg(test)]
use keys::Keyed;

/// Bytes of text the fingerprint covers: the opening of an article names
/// it; an edit further on keeps its state, a different text does not.
const FINGERPRINT_BYTES: usize = 4096;

/// The key state is saved under: a bundled article's ID, a file's
/// canonical path (its folder's real path and its name). `folders` holds the
/// real paths of folders seen so far, so a folder is resolved once; one that
/// cannot be resolved is made absolute from `cwd` by name.
fn key_of(article: &Article, cwd: &Path, folders: &mut HashMap<PathBuf, PathBuf>) -> String {
    if let Origin::File(file) = &article.origin
        && let Some(folder) = file.parent()
        && !folders.contains_key(folder)
    {
        folders.insert(folder.to_path_buf(), real_folder(folder, cwd));
    }
    known_key(article, cwd, folders).into_owned()
}

/// `key_of` for an article whose folder was resolved already (by `key_of`).
fn known_key<'a>(article: &'a Article, cwd: &Path, folders: &HashMap<PathBuf, PathBuf>) -> Cow<'a, str> {
    let Origin::File(file) = &article.origin else {
        return Cow::Borrowed(&article.id);
    };
    let (Some(folder), Some(name)) = (file.parent(), file.file_name()) else {
        return Cow::Owned(path_key(&absolute(&file.path(), cwd)));
    };
    let real = folders
        .get(folder)
        .map_or_else(|| Cow::Owned(absolute(folder, cwd)), Cow::Borrowed);
    Cow::Owned(path_key(&real.join(name)))
}

/// Whether `key` names a file rather than a bundled article (or, in a
/// format 1 file, a folder article by ID).
pub fn is_file_key(key: &str) -> bool {
    Path::new(key).is_absolute()
}

/// The key of an absolute path: the path itself if it is UTF-8, else `//`
/// and the path with each byte that is not part of UTF-8 text, and each
/// `%`, written `%XX`.
pub fn path_key(path: &Path) -> String {
    if let Some(text) = path.to_str() {
        return text.to_string();
    }
    #[cfg(unix)]
    {
        use std::fmt::Write as _;
        use std::os::unix::ffi::OsStrExt as _;
        let mut key = String::from("/");
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            for c in chunk.valid().chars() {
                match c {
                    '%' => key.push_str("%25"),
                    c => key.push(c),
                }
            }
            for byte in chunk.invalid() {
                let _ = write!(key, "%{byte:02X}");
            }
        }
        key
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().into_owned()
    }
}

/// The path a file key names (`path_key` undone).
pub fn key_path(key: &str) -> PathBuf {
    #[cfg(unix)]
    if let Some(escaped) = key.strip_prefix("//") {
        use std::os::unix::ffi::OsStringExt as _;
        let mut bytes = vec![b'/'];
        let mut rest = escaped.as_bytes();
        while let Some((&first, tail)) = rest.split_first() {
            let byte = (first == b'%')
                .then(|| tail.get(..2))
                .flatten()
                .and_then(|hex| std::str::from_utf8(hex).ok())
                .and_then(|hex| u8::from_str_radix(hex, 16).ok());
            match byte {
                Some(byte) => {
                    bytes.push(byte);
                    rest = &tail[2..];
                }
                None => {
                    bytes.push(first);
                    rest = tail;
                }
            }
        }
        return PathBuf::from(std::ffi::OsString::from_vec(bytes));
    }
    PathBuf::from(key)
}

/// A fingerprint of an article's text: FNV-1a over its opening.
pub fn fingerprint(text: &str) -> u64 {
    let end = text.floor_char_boundary(FINGERPRINT_BYTES);
    crate::text::fnv1a(text.as_bytes()[..end].iter().copied())
}

/// `path` made absolute against `cwd`, `.` and `..` resolved by name.
fn absolute(path: &Path, cwd: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        cwd.join(path)
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The keys of a batch of articles, made where the batch is read: their
/// folders resolved with the file system and each file's key hashed, so
/// that `ArticleKeys::take` only merges them in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeyBatch {
    /// The real path of each folder of the batch.
    folders: HashMap<PathBuf, PathBuf>,
    /// The hash of each article's key, in the batch's order (`None`: not a file).
    hashes: Vec<Option<u64>>,
}

impl KeyBatch {
    /// The keys of `articles` against `cwd` (the one `ArticleKeys::cwd`
    /// gives), their folders resolved here unless `known` has them.
    pub fn prepare(articles: &[Article], cwd: &Path, known: &HashMap<PathBuf, PathBuf>) -> KeyBatch {
        let mut folders = HashMap::new();
        for folder in articles.iter().filter_map(folder_of) {
            if !folders.contains_key(folder) {
                let real = known.get(folder).cloned().unwrap_or_else(|| real_folder(folder, cwd));
                folders.insert(folder.to_path_buf(), real);
            }
        }
        let hashes = articles
            .iter()
            .map(|article| matches!(article.origin, Origin::File(_)).then(|| hash(&known_key(article, cwd, &folders))))
            .collect();
        KeyBatch { folders, hashes }
    }

    /// `prepare` against the process's working folder, every folder
    /// resolved: for a batch read before it reaches the app, whose keys
    /// are made against the same folder.
    pub fn of(articles: &[Article]) -> KeyBatch {
        let cwd = std::env::current_dir().unwrap_or_default();
        KeyBatch::prepare(articles, &cwd, &HashMap::new())
    }
}

/// The real path of each of `folders` (made absolute against `cwd` by
/// name if it has none): what `ArticleKeys::resolve` takes in.
pub fn real_folders(folders: Vec<PathBuf>, cwd: &Path) -> Vec<(PathBuf, PathBuf)> {
    (folders.into_iter())
        .map(|folder| {
            let real = real_folder(&folder, cwd);
            (folder, real)
        })
        .collect()
}

/// The real path of `folder`, or its name made absolute against `cwd` if
/// it has none (it is gone, say).
fn real_folder(folder: &Path, cwd: &Path) -> PathBuf {
    std::fs::canonicalize(folder).unwrap_or_else(|_| absolute(folder, cwd))
}

/// The folder of a file article's file.
fn folder_of(article: &Article) -> Option<&Path> {
    match &article.origin {
        Origin::File(file) => file.parent(),
        Origin::Bundled => None,
    }
}

fn hash(key: &str) -> u64 {
    crate::text::fnv1a(key.bytes())
}

/// The changes that attach entries no article of `library` holds (see the
/// module comment); applying them to `state` attaches them. Whether the
/// file a key names is still there is asked of the file system.
pub fn attachments(state: &State, library: &Library, keys: &ArticleKeys) -> Vec<Change> {
    attachments_known(state, library, keys, |key| Some(file_there(key))).changes
}

/// What `attachments_known` found: the changes, and the file keys whose
/// files it must know of (there or not) to say more.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Attachments {
    pub changes: Vec<Change>,
    pub unknown: Vec<String>,
}

/// Whether the file `key` names is there (or cannot be told not to be):
/// a call to the file system.
pub fn file_there(key: &str) -> bool {
    !matches!(key_path(key).try_exists(), Ok(false))
}

/// `attachments`, with no call to the file system: `there` says whether
/// the file a key names is still there, `None` if that is not known yet
/// (the entry is then left, and its key listed as unknown).
pub fn attachments_known(
    state: &State,
    library: &Library,
    keys: &ArticleKeys,
    there: impl Fn(&str) -> Option<bool>,
) -> Attachments {
    let mut orphans: Vec<&str> = state
        .positions
        .keys()
        .map(String::as_str)
        .chain(state.bookmarks.iter().map(|b| b.article.as_str()))
        .filter(|key| keys.article(key, library).is_none())
        .collect();
    orphans.sort_unstable();
    orphans.dedup();
    let mut changes = Vec::new();
    let mut unknown = Vec::new();
    let mut fingerprints: Option<HashMap<u64, ArticleId>> = None;
    let mut taken: HashSet<ArticleId> = HashSet::new();
    for from in orphans {
        let target = if is_file_key(from) {
            // A moved file: the same text, under a key that has no position
            // yet. A file still there keeps its entry, whatever other file
            // opens with the same text (the same book in another encoding).
            match there(from) {
                Some(false) => {}
                Some(true) => continue,
                None => {
                    unknown.push(from.to_string());
                    continue;
                }
            }
            let Some(wanted) = state.positions.get(from).and_then(|p| p.fingerprint) else {
                continue;
            };
            let by_text = fingerprints.get_or_insert_with(|| unread_fingerprints(state, library, keys));
            by_text.get(&wanted).copied()
        } else {
            // Format 1: a folder article's ID.
            library
                .find(from)
                .filter(|&id| matches!(library[id].origin, Origin::File(_)))
                .filter(|&id| bookmarks_fit(state, from, &library[id]))
        };
        if let Some(id) = target.filter(|id| taken.insert(*id)) {
            changes.push(Change::Attach {
                from: from.to_string(),
                to: keys.key(&library[id]).to_string(),
            });
        }
    }
    Attachments { changes, unknown }
}

/// Fingerprints of the file articles that have no position.
fn unread_fingerprints(state: &State, library: &Library, keys: &ArticleKeys) -> HashMap<u64, ArticleId> {
    library
        .articles()
        .with_ids()
        .filter(|(_, a)| matches!(a.origin, Origin::File(_)) && !state.positions.contains_key(keys.key(a).as_ref()))
        .map(|(i, a)| (fingerprint(&a.body.text), i))
        .collect()
}

/// Whether every bookmark under `key` still finds its snippet at its offset
/// in `article` (the same text, not another file with the same ID).
fn bookmarks_fit(state: &State, key: &str, article: &Article) -> bool {
    state.bookmarks.iter().filter(|b| b.article == key).all(|b| {
        let text = &article.body.text;
        let start = b.offset.min(text.len());
        let head: String = b.snippet.chars().filter(|c| !c.is_whitespace()).take(8).collect();
        text.get(start..).is_some_and(|rest| {
            let rest: String = rest.chars().filter(|c| !c.is_whitespace()).take(8).collect();
            rest == head
        })
    })
}

#[cfg(test)]
mod tests;
