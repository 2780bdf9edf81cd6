//! One file of a plan until it is read (`Candidate`), and the plan's files
//! taken a part at a time (`split`).

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::library::formats::parse::Rules;
use crate::library::load::cache::Stamp;
use crate::library::model::article::{FilePath, Origin};

/// `candidates` in lists of `size` (the last one shorter), in order, each
/// made at its own size as it is taken: the list gives up its room as it
/// goes, so the candidates are never held twice, and a part taken is freed
/// once it is read.
pub(in crate::library) fn split(mut candidates: Vec<Candidate>, size: usize) -> impl Iterator<Item = Vec<Candidate>> {
    // Taken from the end of the reversed list: the room given up is at its end.
    candidates.reverse();
    std::iter::from_fn(move || {
        if candidates.is_empty() {
            return None;
        }
        let mut part = candidates.split_off(candidates.len().saturating_sub(size.max(1)));
        part.reverse();
        candidates.shrink_to_fit();
        Some(part)
    })
}

/// One file found in a collection before parsing. Kept small, one per file
/// until it is read: a file's path is held once (as its content), and its
/// real path only when it differs.
#[derive(Debug)]
pub struct Candidate {
    pub(in crate::library) id: String,
    pub(in crate::library) content: Content,
    /// The file as the walk found it (a file not from a folder has none).
    pub(in crate::library) stamp: Option<Stamp>,
    /// Its entry's name in the article cache (`cache_key`).
    pub(in crate::library) cache_key: CacheKey,
    /// How it is parsed (the plan's rules: chapter headings, ruby).
    pub(in crate::library) rules: Arc<Rules>,
}

/// What a file's article cache entry is named by: its path in the real
/// folder, the same however the collection folder is spelt.
#[derive(Debug)]
pub(in crate::library) enum CacheKey {
    /// Not cached (not a file, or a path that is not UTF-8).
    None,
    /// The file's path as found is its real path.
    Path,
    Real(Box<str>),
}

impl Candidate {
    /// The size of the file as the walk found it, if it is a file found so.
    pub fn file_size(&self) -> Option<u64> {
        self.stamp.map(|stamp| stamp.size())
    }

    /// An article's bytes that are not a file of a folder (bundled, or
    /// standard input): nothing to stamp or cache.
    pub(in crate::library) fn not_cached(id: String, content: Content, rules: Arc<Rules>) -> Candidate {
        Candidate {
            id,
            content,
            stamp: None,
            cache_key: CacheKey::None,
            rules,
        }
    }

    /// The file at `path` (as found) as the article `id`, parsed under
    /// `rules`. It is cached under its place in the real folder (`real`;
    /// `None`: `path` is it), however the collection was named (`d`, `./d`,
    /// `/abs/d`), and stamped by the walk: the article cache compares the
    /// stamp with its entry.
    pub(in crate::library) fn file(
        id: String,
        path: PathBuf,
        real: Option<&Path>,
        stamp: Option<Stamp>,
        rules: Arc<Rules>,
    ) -> Candidate {
        let cache_key = match real.map_or(path.to_str(), Path::to_str) {
            None => CacheKey::None,
            Some(_) if real.is_none_or(|real| real == path) => CacheKey::Path,
            Some(real) => CacheKey::Real(real.into()),
        };
        Candidate {
            id,
            content: Content::Path(path),
            stamp,
            cache_key,
            rules,
        }
    }

    /// Its name in messages and for an untitled article: the path as found,
    /// or the name of a bundled file or of standard input.
    pub(in crate::library) fn relative(&self) -> Cow<'_, str> {
        match &self.content {
            Content::Bytes { name, .. } => Cow::Borrowed(name),
            Content::Owned(owned) => Cow::Borrowed(&owned.0),
            Content::Path(path) => path.to_string_lossy(),
        }
    }

    /// Where its article comes from (its path not shared with others:
    /// `read_batch` shares the folders of a part's files).
    pub(in crate::library) fn origin(&self) -> Origin {
        self.path()
            .map_or(Origin::Bundled, |path| Origin::File(FilePath::new(path)))
    }

    /// Its file's path, if it is a file.
    pub(in crate::library) fn path(&self) -> Option<&Path> {
        match &self.content {
            Content::Path(path) => Some(path),
            Content::Bytes { .. } | Content::Owned(_) => None,
        }
    }

    /// Its entry's name in the article cache (`None`: not cached).
    pub(in crate::library) fn cache_key(&self) -> Option<&str> {
        match (&self.cache_key, &self.content) {
            (CacheKey::Path, Content::Path(path)) => path.to_str(),
            (CacheKey::Real(real), _) => Some(real),
            _ => None,
        }
    }
}

#[derive(Debug)]
pub(in crate::library) enum Content {
    /// A bundled file, by its name in the collection.
    Bytes {
        name: &'static str,
        bytes: &'static [u8],
    },
    /// Read already, without a file name (standard input, with the name
    /// its format gives it): an untitled article is titled by its text
    /// (`Naming::Text`).
    Owned(Box<(String, Vec<u8>)>),
    Path(PathBuf),
}
