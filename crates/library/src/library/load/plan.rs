//! The article files of a collection, found but not yet read.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use foldhash::fast::RandomState;
use serde::Deserialize;

use crate::i18n::text;
use crate::library::collection::Batch;
use crate::library::collection::{Library, LibraryError, LoadProblem};
use crate::library::formats::Format;
use crate::library::formats::parse::Rules;
use crate::library::load::cache::{ArticleCache, Stamp};
use crate::library::load::read::read_batch_cached;
use crate::library::load::walk::{article_id, walk};
use crate::text::sanitize_inline;

pub use crate::library::load::candidate::Candidate;
use crate::library::load::candidate::{Content, split};
#[cfg(test)]
use {crate::library::load::candidate::CacheKey, crate::library::model::article::Origin};

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// The ID of an article read from standard input.
pub const STDIN_ID: &str = "stdin";

/// Optional file in a collection root: its title and the order of its categories.
const COLLECTION_FILE: &str = "collection.toml";
/// A title and a list of categories: a few kilobytes at most.
const MAX_COLLECTION_FILE_BYTES: u64 = 1 << 20;

#[derive(Clone, Debug, Default, Deserialize)]
struct CollectionFile {
    title: Option<String>,
    #[serde(default)]
    categories: Vec<String>,
}

/// The article files of a collection, found but not yet read: walking a
/// folder is quick, so errors in `--dir` show before the terminal is touched
/// and a large collection can be read in the background, batch by batch.
#[derive(Debug, Default)]
pub struct Plan {
    pub(in crate::library) candidates: Vec<Candidate>,
    /// The folders walked, as canonical paths: they name the article cache.
    roots: Vec<PathBuf>,
    collections: Vec<CollectionFile>,
    pub(in crate::library) problems: Vec<LoadProblem>,
    /// Folders walked (a plan of one file has none).
    walked: usize,
    /// A walk met a symbolic link: a file may have been found twice.
    links: bool,
    /// How files are parsed: chapter headings of `.txt` books, ruby (`set_rules`).
    rules: Arc<Rules>,
    /// The names of the folders and files named, for a collection without
    /// a title of its own.
    names: Vec<String>,
}

impl Plan {
    pub fn bundled() -> Plan {
        let mut sources = Plan::default();
        for &(relative, bytes) in bundled::BUNDLED_FILES {
            if relative == COLLECTION_FILE {
                let collection = parse_collection_file(relative, bytes, &mut sources.problems);
                sources.collections.push(collection);
            } else if let Some(id) = article_id(relative) {
                let content = Content::Bytes { name: relative, bytes };
                sources
                    .candidates
                    .push(Candidate::not_cached(id, content, Arc::clone(&sources.rules)));
            }
        }
        sources
    }

    /// The files and folders named on the command line (or with `--dir`): a
    /// folder is read recursively, a file is one article whatever its name.
    /// A missing path, or one without article files, is an error.
    pub fn dirs(roots: &[PathBuf]) -> Result<Plan, LibraryError> {
        Plan::dirs_with(roots, Arc::default())
    }

    /// `dirs`, its files to be parsed under `rules` (`set_rules`) as they
    /// are found.
    pub fn dirs_with(roots: &[PathBuf], rules: Arc<Rules>) -> Result<Plan, LibraryError> {
        let mut plan = Plan {
            rules,
            ..Plan::default()
        };
        for root in roots {
            let meta = std::fs::metadata(root).map_err(|_| LibraryError::Missing(root.to_path_buf()))?;
            if plan.has_root(root) {
                continue;
            }
            if meta.is_dir() {
                plan.add_dir(root)?;
            } else {
                plan.add_file(root, &meta)?;
            }
        }
        plan.drop_repeats();
        if plan.candidates.is_empty() {
            return Err(LibraryError::Empty(roots.to_vec()));
        }
        // No room to spare from the walk's growing: a candidate is held per file.
        plan.candidates.shrink_to_fit();
        Ok(plan)
    }

    /// Adds one article from bytes (standard input), its format told by its content.
    pub fn add_bytes(&mut self, bytes: Vec<u8>) {
        let extension = match Format::sniff(&bytes) {
            Format::Markdown => "md",
            Format::Plain => "txt",
            Format::Html => "html",
            Format::Epub => "epub",
        };
        let content = Content::Owned(Box::new((format!("{STDIN_ID}.{extension}"), bytes)));
        let candidate = Candidate::not_cached(STDIN_ID.to_string(), content, Arc::clone(&self.rules));
        self.candidates.push(candidate);
    }

    /// Parses every file in the plan under `rules` (`library.chapter_pattern`,
    /// `reading.ruby`), those found before and after; the article cache is
    /// then that of these rules, so articles parsed under others are parsed
    /// again.
    pub fn set_rules(&mut self, rules: impl Into<Arc<Rules>>) {
        self.rules = rules.into();
        for candidate in &mut self.candidates {
            candidate.rules = Arc::clone(&self.rules);
        }
    }

    /// Whether the plan is one file (or standard input): the reader opens on it.
    pub fn is_single_file(&self) -> bool {
        self.candidates.len() == 1 && self.collections.is_empty() && self.walked == 0
    }

    /// The one file of a single-file plan.
    pub fn single_candidate(&self) -> Option<&Candidate> {
        self.candidates.first().filter(|_| self.is_single_file())
    }

    /// Adds extra folders (`library.paths`); a folder that cannot be read is reported, not fatal.
    pub fn add_extra_dirs(&mut self, extra: &[PathBuf]) {
        for root in extra {
            if self.has_root(root) {
                continue;
            }
            if let Err(err) = self.add_dir(root) {
                self.problems.push(LoadProblem {
                    path: root.display().to_string(),
                    message: err.text(),
                });
            }
        }
        self.drop_repeats();
    }

    /// Adds those of `paths` that are files (the files bookmarks were saved
    /// for, when no path is named); the others are left out, said nowhere.
    pub fn add_existing_files(&mut self, paths: &[PathBuf]) {
        for path in paths {
            if let Ok(meta) = std::fs::metadata(path)
                && meta.is_file()
                && !self.has_root(path)
            {
                let _ = self.add_file(path, &meta);
            }
        }
        self.drop_repeats();
    }

    /// Whether `root` names a folder or file already in the plan (`d d`, `d ./d`).
    fn has_root(&self, root: &Path) -> bool {
        std::fs::canonicalize(root).is_ok_and(|real| self.roots.contains(&real))
    }

    /// Keeps each file once, at its first place: a file reached through two
    /// nested roots (`poems/李白 poems`, `d d/a.md`), or through a link, has
    /// one real path. One root walked without a link holds no file twice.
    fn drop_repeats(&mut self) {
        if self.roots.len() > 1 || self.links {
            self.drop_repeated_files();
        }
        let mut reported = std::collections::HashSet::new();
        self.problems
            .retain(|p| reported.insert((p.path.clone(), p.message.clone())));
    }

    fn drop_repeated_files(&mut self) {
        // Keys borrowed, hashed with foldhash (fast on short keys): no copy
        // of every path, no SipHash over 57,603 of them.
        let mut seen =
            std::collections::HashSet::with_capacity_and_hasher(self.candidates.len(), RandomState::default());
        let keep: Vec<bool> = (self.candidates.iter())
            .map(|c| c.cache_key().is_none_or(|key| seen.insert(key)))
            .collect();
        drop(seen);
        let mut keep = keep.into_iter();
        self.candidates.retain(|_| keep.next().unwrap_or(true));
    }

    /// Article files found.
    pub fn len(&self) -> usize {
        self.candidates.len()
    }

    pub fn is_empty(&self) -> bool {
        self.candidates.is_empty()
    }

    /// An empty library that knows the collection's title and category order
    /// and the problems met while walking; its articles come in batches.
    pub fn start(&mut self) -> Library {
        let named = (!self.names.is_empty()).then(|| sanitize_inline(&self.names.join("、")));
        Library::start(
            self.collections
                .iter()
                .find_map(|c| c.title.as_deref().map(sanitize_inline))
                .or(named),
            self.listed_categories(),
            std::mem::take(&mut self.problems),
        )
    }

    /// Splits the files into batches of `size` to read one after another,
    /// each list made at its own size (cutting one list with `split_off`
    /// left every batch holding room for all the files after it).
    pub fn into_batches(self, size: usize) -> Vec<Vec<Candidate>> {
        split(self.candidates, size).collect()
    }

    /// Reads everything at once.
    pub fn load(self) -> Library {
        self.load_cached(None)
    }

    /// Reads everything at once, taking unchanged files from `cache`.
    pub fn load_cached(self, cache: Option<&mut ArticleCache>) -> Library {
        let (mut library, batch) = self.read_all(cache);
        library.extend(batch);
        library
    }

    /// Reads every file, taking unchanged ones from `cache`: the library
    /// started (`start`) and the batch of all articles, to merge into it
    /// once the cache, with its copy of the cache file, is saved and gone.
    pub fn read_all(mut self, cache: Option<&mut ArticleCache>) -> (Library, Batch) {
        let library = self.start();
        (library, read_batch_cached(std::mem::take(&mut self.candidates), cache))
    }

    /// Categories in the order the `collection.toml` files list them.
    pub fn listed_categories(&self) -> Vec<String> {
        self.collections.iter().flat_map(|c| c.categories.clone()).collect()
    }

    /// The article cache for this plan's folders, kept in `dir`; `None`
    /// when there are no folders (the bundled collection is in the binary).
    pub fn open_cache(&self, dir: &Path) -> Option<ArticleCache> {
        let rules = self.rules.fingerprint();
        (!self.roots.is_empty()).then(|| ArticleCache::open(dir, &self.roots, &rules))
    }

    /// The article cache `open_cache` gives the plan `dirs(paths)` parsed
    /// under `rules`, opened before the folders are walked, so that the two
    /// can be done at once; `None` if a path has no real path (the plan
    /// will tell why). `open_cache_from` takes it only if it is the plan's.
    pub fn open_cache_of(dir: &Path, paths: &[PathBuf], rules: &Rules) -> Option<ArticleCache> {
        let mut roots: Vec<PathBuf> = Vec::new();
        for path in paths {
            let real = std::fs::canonicalize(path).ok()?;
            if !roots.contains(&real) {
                roots.push(real);
            }
        }
        (!roots.is_empty()).then(|| ArticleCache::open(dir, &roots, &rules.fingerprint()))
    }

    /// `open_cache`, taking `early` (from `open_cache_of`) if it is the
    /// cache of this plan's folders and rules.
    pub fn open_cache_from(&self, dir: &Path, early: Option<ArticleCache>) -> Option<ArticleCache> {
        let rules = self.rules.fingerprint();
        match early {
            Some(cache) if cache.is_for(dir, &self.roots, &rules) => Some(cache),
            _ => self.open_cache(dir),
        }
    }

    fn add_dir(&mut self, root: &Path) -> Result<(), LibraryError> {
        let meta = std::fs::metadata(root).map_err(|_| LibraryError::Missing(root.to_path_buf()))?;
        if !meta.is_dir() {
            return Err(LibraryError::Missing(root.to_path_buf()));
        }
        self.walked += 1;
        let collection_path = root.join(COLLECTION_FILE);
        let shown = collection_path.display().to_string();
        match crate::files::read_regular(&collection_path, MAX_COLLECTION_FILE_BYTES) {
            Ok(bytes) => self
                .collections
                .push(parse_collection_file(&shown, &bytes, &mut self.problems)),
            Err(err) if err.is_not_found() => {}
            Err(err) => self.problems.push(LoadProblem {
                path: shown,
                message: err.text(),
            }),
        }
        let real = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        self.names
            .extend(real.file_name().map(|n| n.to_string_lossy().into_owned()));
        self.links |= walk(root, &real, &self.rules, &mut self.candidates, &mut self.problems);
        self.roots.push(real);
        Ok(())
    }

    /// A file named on its own: its ID is its name without a known extension.
    fn add_file(&mut self, path: &Path, meta: &std::fs::Metadata) -> Result<(), LibraryError> {
        if let Some(kind) = crate::files::Kind::of(meta) {
            // A pipe or device would block, or never end.
            return Err(LibraryError::NotAFile(path.to_path_buf(), kind));
        }
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        let id = article_id(&name).unwrap_or_else(|| name.clone());
        self.names.push(name.clone());
        let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        let stamp = Some(Stamp::of(meta));
        let candidate = Candidate::file(id, path.to_path_buf(), Some(&real), stamp, Arc::clone(&self.rules));
        self.candidates.push(candidate);
        self.roots.push(real);
        Ok(())
    }
}

fn parse_collection_file(shown: &str, bytes: &[u8], problems: &mut Vec<LoadProblem>) -> CollectionFile {
    let text = String::from_utf8_lossy(bytes);
    toml::from_str(&text).unwrap_or_else(|err: toml::de::Error| {
        let (line, column) = crate::text::line_and_column(&text, err.span().map_or(0, |s| s.start));
        problems.push(LoadProblem {
            path: shown.to_string(),
            message: {
                let why = err.message().trim();
                text!(
                    en: "line {line}, column {column}: {why}",
                    hans: "第 {line} 行第 {column} 列：{why}",
                    hant: "第 {line} 行第 {column} 列：{why}",
                )
            },
        });
        CollectionFile::default()
    })
}

impl Library {
    /// The collection compiled into the binary.
    pub fn bundled() -> Library {
        Plan::bundled().load()
    }

    /// Articles from the given folders, read recursively (`--dir`): a folder
    /// that is missing, or holds no readable article, is an error.
    pub fn from_dirs(roots: &[PathBuf]) -> Result<Library, LibraryError> {
        Plan::dirs(roots)?.load().require_articles(roots)
    }

    /// The bundled management articles alone (教育管理, 营销管理, 医院管理),
    /// the collection the state machine's and the screens' tests are
    /// written on: those test features, not the bundle, and keep their
    /// keys and screens whatever else is bundled.
    #[cfg(any(test, feature = "test-support"))]
    pub fn management() -> Library {
        let mut plan = Plan::bundled();
        plan.candidates.retain(|c| {
            ["jiaoyu/", "yingxiao/", "yiyuan/"]
                .iter()
                .any(|folder| c.id.starts_with(folder))
        });
        plan.load()
    }
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
