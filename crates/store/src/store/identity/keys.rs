//! `ArticleKeys`: the key of each loaded article and the article of a key
//! (see the module above for what a key is).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::{KeyBatch, absolute, folder_of, hash, is_file_key, key_of, known_key};
use crate::library::{Article, ArticleId, Library, Origin};

/// The keys of a library's articles, and the article holding a key. Kept
/// by `ArticleId` (which never changes), so articles added in batches are
/// keyed once, wherever the batch puts them in collection order. A file's
/// key (a whole path) is made again when it is asked for rather than held
/// for every article: what is held is a hash of each key with its article.
#[derive(Clone, Debug, Default)]
pub struct ArticleKeys {
    cwd: PathBuf,
    /// Real paths of the folders seen.
    folders: HashMap<PathBuf, PathBuf>,
    /// A hash of the key of each file article with its ID, sorted by hash
    /// (a sorted list takes a third of a map's room). Of two keys with one
    /// hash (a 64-bit hash: not met in practice) the first added is found;
    /// `article` checks the key itself.
    pub(super) by_key: Vec<Keyed>,
}

/// A key's hash and its article in 12 bytes, where `(u64, ArticleId)`
/// takes 16 (0.2 MB more for 57,603 poems).
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Keyed {
    /// The hash, its upper half first.
    hash: [u32; 2],
    id: ArticleId,
}

impl Keyed {
    pub(super) fn new(hash: u64, id: ArticleId) -> Keyed {
        Keyed {
            hash: [(hash >> 32) as u32, hash as u32],
            id,
        }
    }

    pub(super) fn hash(self) -> u64 {
        (u64::from(self.hash[0]) << 32) | u64::from(self.hash[1])
    }
}

impl ArticleKeys {
    pub fn new(library: &Library) -> ArticleKeys {
        let mut keys = ArticleKeys::empty();
        keys.add(library.articles().with_ids());
        keys
    }

    /// No article keyed yet, against the working folder.
    fn empty() -> ArticleKeys {
        ArticleKeys {
            cwd: std::env::current_dir().unwrap_or_default(),
            ..ArticleKeys::default()
        }
    }

    /// `new` without a call to the file system (but the working folder's):
    /// each folder taken by its name made absolute (`absolute`) until
    /// `resolve` gives its real path, which only a link on the way changes.
    /// Returns too the folders whose real paths are to be found, each once.
    pub fn by_name(library: &Library) -> (ArticleKeys, Vec<PathBuf>) {
        let mut keys = ArticleKeys::empty();
        // Each folder made absolute once; `keys.folders` holds real paths only.
        let mut named: HashMap<PathBuf, PathBuf> = HashMap::new();
        let mut folders = Vec::new();
        let new = (library.articles().with_ids())
            .filter(|(_, article)| matches!(article.origin, Origin::File(_)))
            .map(|(id, article)| {
                if let Some(folder) = folder_of(article)
                    && !named.contains_key(folder)
                {
                    named.insert(folder.to_path_buf(), absolute(folder, &keys.cwd));
                    folders.push(folder.to_path_buf());
                }
                Keyed::new(hash(&known_key(article, &keys.cwd, &named)), id)
            })
            .collect();
        keys.merge(new);
        (keys, folders)
    }

    /// Takes in the real paths of folders (`real_folders`): the articles
    /// of `library` in a folder whose real path is not the one its name
    /// gave (`by_name`) are keyed again, under the key `new` gives them,
    /// whether or not a batch gave that real path first (`take`). Returns
    /// them, each with its key by name and its key now (to attach the state
    /// saved under the one meanwhile to the other).
    pub fn resolve(&mut self, real: Vec<(PathBuf, PathBuf)>, library: &Library) -> Vec<(ArticleId, String, String)> {
        let mut moved = HashMap::new();
        for (folder, real) in real {
            if real != absolute(&folder, &self.cwd) {
                moved.insert(folder, real);
            } else {
                self.folders.entry(folder).or_insert(real);
            }
        }
        if moved.is_empty() {
            return Vec::new();
        }
        let by_name = HashMap::new();
        let articles: Vec<(ArticleId, &Article)> = (library.articles().with_ids())
            .filter(|(_, article)| folder_of(article).is_some_and(|f| moved.contains_key(f)))
            .collect();
        let named: Vec<String> = (articles.iter())
            .map(|(_, article)| known_key(article, &self.cwd, &by_name).into_owned())
            .collect();
        self.folders.extend(moved);
        let ids: HashSet<ArticleId> = articles.iter().map(|(id, _)| *id).collect();
        self.by_key.retain(|keyed| !ids.contains(&keyed.id));
        let rekeyed: Vec<(ArticleId, String, String)> = (articles.into_iter().zip(named))
            .map(|((id, article), named)| (id, named, self.key(article).into_owned()))
            .collect();
        let new = (rekeyed.iter())
            .map(|(id, _, key)| Keyed::new(hash(key), *id))
            .collect();
        self.merge(new);
        rekeyed
    }

    /// Keys articles added to the library (their folders resolved here:
    /// `KeyBatch` does it where a batch is read).
    pub fn add<'a>(&mut self, articles: impl IntoIterator<Item = (ArticleId, &'a Article)>) {
        let mut new = Vec::new();
        for (id, article) in articles {
            if matches!(article.origin, Origin::File(_)) {
                let key = key_of(article, &self.cwd, &mut self.folders);
                new.push(Keyed::new(hash(&key), id));
            }
        }
        self.merge(new);
    }

    /// Takes in the keys of a batch made where it was read
    /// (`KeyBatch::prepare`), `ids` being the IDs the library gave its
    /// articles, in its order: no file system call is made here.
    pub fn take(&mut self, batch: KeyBatch, ids: &[ArticleId]) {
        let KeyBatch { folders, hashes } = batch;
        for (folder, real) in folders {
            self.folders.entry(folder).or_insert(real);
        }
        let new = hashes
            .into_iter()
            .zip(ids)
            .filter_map(|(hash, &id)| Some(Keyed::new(hash?, id)))
            .collect();
        self.merge(new);
    }

    /// The folder keys are made against (see `KeyBatch::prepare`).
    pub fn cwd(&self) -> &Path {
        &self.cwd
    }

    /// Merges in the hashed keys of articles added.
    fn merge(&mut self, mut new: Vec<Keyed>) {
        // Stable: equal hashes keep the order added.
        new.sort_by_key(|keyed| keyed.hash());
        // Merged from the back into the list's own room, grown once by the
        // batch: the list is never copied nor sorted whole again.
        let mut old = self.by_key.len();
        self.by_key.reserve_exact(new.len());
        self.by_key.resize_with(old + new.len(), Default::default);
        for at in (0..self.by_key.len()).rev() {
            let take_new = match (new.last(), old.checked_sub(1).and_then(|o| self.by_key.get(o))) {
                (Some(new), Some(before)) => new.hash() >= before.hash(),
                (Some(_), None) => true,
                (None, _) => break,
            };
            if take_new {
                if let Some(entry) = new.pop() {
                    self.by_key[at] = entry;
                }
            } else {
                old -= 1;
                self.by_key.swap(old, at);
            }
        }
    }

    /// The key of `article`.
    pub fn key<'a>(&self, article: &'a Article) -> Cow<'a, str> {
        known_key(article, &self.cwd, &self.folders)
    }

    /// The article of `library` whose state `key` holds.
    pub fn article(&self, key: &str, library: &Library) -> Option<ArticleId> {
        if !is_file_key(key) {
            return library
                .find(key)
                .filter(|&id| library.get(id).is_some_and(|a| !matches!(a.origin, Origin::File(_))));
        }
        let wanted = hash(key);
        let at = self.by_key.partition_point(|keyed| keyed.hash() < wanted);
        let id = self.by_key.get(at).filter(|found| found.hash() == wanted)?.id;
        (self.key(library.get(id)?) == key).then_some(id)
    }
}
