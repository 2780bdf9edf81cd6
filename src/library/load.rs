//! Building a `Library` from the bundled collection or from folders.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use super::article::{Article, Document, Meta, Origin};
use super::cache::{ArticleCache, CachedArticle, Change, Slot, Stamp, entry_bytes};
use super::front_matter::{DateField, split_front_matter};
use super::markdown::parse_markdown;
use super::plain::{decode_text, parse_plain};
use crate::text::sanitize_inline;

mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

/// Category of articles that name none and sit directly in a collection root.
pub const UNCATEGORISED: &str = "未分类";
/// Optional file in a collection root: its title and the order of its categories.
const COLLECTION_FILE: &str = "collection.toml";
/// Files larger than this are not articles a person reads; they are skipped.
const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// A loaded collection: articles grouped by category, in display order.
#[derive(Debug, Default)]
pub struct Library {
    articles: Vec<Article>,
    categories: Vec<Category>,
    title: Option<String>,
    problems: Vec<LoadProblem>,
    /// Categories in the order `collection.toml` files list them.
    listed: Vec<String>,
    /// Article ID → index in `articles`, and the file each ID came from.
    index: HashMap<String, usize>,
    origins: HashMap<String, String>,
}

/// A category and the range of its articles in `Library::articles`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    pub name: String,
    pub articles: Range<usize>,
}

/// A file that was skipped, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for LoadProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

#[derive(Debug, Error)]
pub enum LibraryError {
    #[error("collection folder {0} does not exist")]
    Missing(PathBuf),
    #[error("{0} is a file, not a folder of articles")]
    NotAFolder(PathBuf),
    #[error("no articles (.md or .txt files) found in {}", list_paths(.0))]
    Empty(Vec<PathBuf>),
    #[error("none of the article files in {} could be read; the first: {}", list_paths(.0), first_problem(.1))]
    NoneReadable(Vec<PathBuf>, Vec<LoadProblem>),
}

fn first_problem(problems: &[LoadProblem]) -> String {
    problems.first().map(ToString::to_string).unwrap_or_default()
}

fn list_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

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
    candidates: Vec<Candidate>,
    /// The folders walked, as canonical paths: they name the article cache.
    roots: Vec<PathBuf>,
    collections: Vec<CollectionFile>,
    problems: Vec<LoadProblem>,
}

/// Articles read from part of a plan.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    pub articles: Vec<Article>,
    pub problems: Vec<LoadProblem>,
    /// Files this batch covered (read or skipped).
    pub files: usize,
}

impl PartialEq for Batch {
    fn eq(&self, other: &Batch) -> bool {
        let ids = |b: &Batch| b.articles.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        self.files == other.files && self.problems == other.problems && ids(self) == ids(other)
    }
}

impl Eq for Batch {}

impl Plan {
    pub fn bundled() -> Plan {
        let mut sources = Plan::default();
        for &(relative, bytes) in bundled::BUNDLED_FILES {
            if relative == COLLECTION_FILE {
                let collection = parse_collection_file(relative, bytes, &mut sources.problems);
                sources.collections.push(collection);
            } else if let Some(id) = article_id(relative) {
                sources.candidates.push(Candidate {
                    id,
                    relative: relative.to_string(),
                    origin: Origin::Bundled,
                    content: Content::Bytes(bytes),
                    stamp: None,
                });
            }
        }
        sources
    }

    /// The folders of `--dir`: a missing folder, or one without article files, is an error.
    pub fn dirs(roots: &[PathBuf]) -> Result<Plan, LibraryError> {
        let mut plan = Plan::default();
        for root in roots {
            plan.add_dir(root)?;
        }
        if plan.candidates.is_empty() {
            return Err(LibraryError::Empty(roots.to_vec()));
        }
        Ok(plan)
    }

    /// Adds extra folders (`library.paths`); a folder that cannot be read is reported, not fatal.
    pub fn add_extra_dirs(&mut self, extra: &[PathBuf]) {
        for root in extra {
            if let Err(err) = self.add_dir(root) {
                self.problems.push(LoadProblem {
                    path: root.display().to_string(),
                    message: err.to_string(),
                });
            }
        }
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
        Library {
            title: self
                .collections
                .iter()
                .find_map(|c| c.title.as_deref().map(sanitize_inline)),
            listed: self.listed_categories(),
            problems: std::mem::take(&mut self.problems),
            ..Library::default()
        }
    }

    /// Splits the files into batches of `size` to read one after another.
    pub fn into_batches(self, size: usize) -> Vec<Vec<Candidate>> {
        let mut batches = Vec::new();
        let mut rest = self.candidates;
        while !rest.is_empty() {
            let tail = rest.split_off(size.min(rest.len()));
            batches.push(std::mem::replace(&mut rest, tail));
        }
        batches
    }

    /// Reads everything at once.
    pub fn load(self) -> Library {
        self.load_cached(None)
    }

    /// Reads everything at once, taking unchanged files from `cache`.
    pub fn load_cached(mut self, cache: Option<&mut ArticleCache>) -> Library {
        let mut library = self.start();
        library.extend(read_batch_cached(std::mem::take(&mut self.candidates), cache));
        library
    }

    /// The collection for a search: files unchanged since `cache` took them
    /// in are read in place (no article is built); the others, and articles
    /// not from folders, are parsed now, on all cores. What became of each
    /// cache entry is in `InPlace::changes`, to record in the cache once the
    /// documents are dropped.
    pub fn read_in_place<'c>(&self, cache: &'c ArticleCache) -> InPlace<'c> {
        let read = crate::parallel::map(&self.candidates, 64, |c| read_for_search(c, cache));
        let mut collection = InPlace {
            problems: self.problems.clone(),
            ..InPlace::default()
        };
        let mut documents: Vec<Option<InPlaceDoc<'c>>> = Vec::with_capacity(read.len());
        for (candidate, read) in self.candidates.iter().zip(read) {
            let (document, change) = match read {
                Some(ReadForSearch::InPlace(Ok(article), slot)) => {
                    (Ok(InPlaceDoc::Cached(article)), Change::Keep(slot))
                }
                Some(ReadForSearch::InPlace(Err(problem), slot)) => (Err(problem.to_string()), Change::Keep(slot)),
                Some(ReadForSearch::Parsed(loaded)) => {
                    (loaded.result.map(|a| InPlaceDoc::Built(Box::new(a))), loaded.cache)
                }
                None => (Err("the parser crashed on this file".to_string()), Change::Drop),
            };
            collection.changes.push(change);
            match document {
                Ok(document) => documents.push(Some(document)),
                Err(message) => {
                    documents.push(None);
                    collection.problems.push(LoadProblem {
                        path: candidate.relative.clone(),
                        message,
                    });
                }
            }
        }
        let duplicates = drop_duplicates(&self.candidates, &mut documents);
        collection.documents = documents.into_iter().flatten().collect();
        collection.problems.extend(duplicates);
        let listed = self.listed_categories();
        collection
            .documents
            .sort_by(|a, b| collection_order(&listed, a.key(), b.key()));
        collection
    }

    /// Categories in the order the `collection.toml` files list them.
    fn listed_categories(&self) -> Vec<String> {
        self.collections.iter().flat_map(|c| c.categories.clone()).collect()
    }

    /// The article cache for this plan's folders, kept in `dir`; `None` when
    /// there are no folders (the bundled collection is in the binary).
    pub fn open_cache(&self, dir: &Path) -> Option<ArticleCache> {
        (!self.roots.is_empty()).then(|| ArticleCache::open(dir, &self.roots))
    }

    fn add_dir(&mut self, root: &Path) -> Result<(), LibraryError> {
        let meta = std::fs::metadata(root).map_err(|_| LibraryError::Missing(root.to_path_buf()))?;
        if !meta.is_dir() {
            return Err(LibraryError::NotAFolder(root.to_path_buf()));
        }
        let collection_path = root.join(COLLECTION_FILE);
        if let Ok(bytes) = std::fs::read(&collection_path) {
            let shown = collection_path.display().to_string();
            self.collections
                .push(parse_collection_file(&shown, &bytes, &mut self.problems));
        }
        self.roots
            .push(std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf()));
        walk(root, &mut self.candidates, &mut self.problems);
        Ok(())
    }
}

/// A collection read for a search (`Plan::read_in_place`): its documents in
/// the library's order, most read in place from the article cache, with the
/// problems met.
#[derive(Debug, Default)]
pub struct InPlace<'c> {
    pub documents: Vec<InPlaceDoc<'c>>,
    pub problems: Vec<LoadProblem>,
    /// What became of each file's cache entry.
    pub changes: Vec<Change>,
}

/// An article built now (not from a folder) or read in place from the cache.
#[derive(Debug)]
pub enum InPlaceDoc<'c> {
    Built(Box<Article>),
    Cached(CachedArticle<'c>),
}

impl InPlaceDoc<'_> {
    fn key(&self) -> OrderKey<'_> {
        match self {
            InPlaceDoc::Built(article) => OrderKey::of(article),
            InPlaceDoc::Cached(cached) => OrderKey {
                category: cached.category,
                order: cached.order,
                title: cached.title,
                id: cached.id,
            },
        }
    }
}

impl Document for InPlaceDoc<'_> {
    fn id(&self) -> &str {
        self.key().id
    }
    fn title(&self) -> &str {
        self.key().title
    }
    fn category(&self) -> &str {
        self.key().category
    }
    fn text(&self) -> &str {
        match self {
            InPlaceDoc::Built(article) => &article.body.text,
            InPlaceDoc::Cached(cached) => cached.text,
        }
    }
}

/// Leaves out every document whose ID an earlier one has (the first wins, as
/// in `Library::extend`) and says so, in candidate order. Found by sorting
/// the IDs, which costs less than hashing every one.
fn drop_duplicates(candidates: &[Candidate], documents: &mut [Option<InPlaceDoc<'_>>]) -> Vec<LoadProblem> {
    let mut by_id: Vec<(&str, usize)> = documents
        .iter()
        .enumerate()
        .filter(|(_, d)| d.is_some())
        .map(|(i, _)| (candidates[i].id.as_str(), i))
        .collect();
    by_id.sort_unstable();
    let mut duplicates = Vec::new();
    for same in by_id.chunk_by(|a, b| a.0 == b.0) {
        let first = &candidates[same[0].1];
        for &(_, later) in &same[1..] {
            let candidate = &candidates[later];
            let from = shown_origin(&candidate.origin, &candidate.id);
            let problem = duplicate(from, &candidate.id, &shown_origin(&first.origin, &first.id));
            duplicates.push((later, problem));
            documents[later] = None;
        }
    }
    duplicates.sort_by_key(|(at, _)| *at);
    duplicates.into_iter().map(|(_, problem)| problem).collect()
}

/// A candidate read for a search.
enum ReadForSearch<'c> {
    /// Unchanged since cached: read in place (an article, or why it is not one).
    InPlace(Result<CachedArticle<'c>, &'c str>, Slot),
    /// Parsed now.
    Parsed(Box<Loaded>),
}

fn read_for_search<'c>(candidate: &Candidate, cache: &'c ArticleCache) -> ReadForSearch<'c> {
    if let Content::Path(path) = &candidate.content
        && let Some(slot) = path.to_str().and_then(|p| cache.slot(p))
        && candidate
            .stamp
            .is_some_and(|stamp| cache.fits(slot, &candidate.id, stamp))
        && let Some(view) = cache.view(slot)
    {
        return ReadForSearch::InPlace(view, slot.clone());
    }
    ReadForSearch::Parsed(Box::new(load_candidate(candidate, Some(cache))))
}

/// One file found in a collection before parsing.
#[derive(Debug)]
pub struct Candidate {
    id: String,
    relative: String,
    origin: Origin,
    content: Content,
    /// The file as the walk found it (a file not from a folder has none).
    stamp: Option<Stamp>,
}

#[derive(Debug)]
enum Content {
    Bytes(&'static [u8]),
    Path(PathBuf),
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

    /// The library, or an error naming `roots` and every problem met when
    /// none of their files could be read.
    pub fn require_articles(self, roots: &[PathBuf]) -> Result<Library, LibraryError> {
        if self.articles.is_empty() {
            return Err(LibraryError::NoneReadable(roots.to_vec(), self.problems));
        }
        Ok(self)
    }

    /// The bundled collection plus extra folders (`library.paths` in the
    /// configuration); a folder that cannot be read is reported, not fatal.
    pub fn bundled_with(extra: &[PathBuf]) -> Library {
        let mut plan = Plan::bundled();
        plan.add_extra_dirs(extra);
        plan.load()
    }

    /// Adds a batch of articles, keeping categories and order: listed
    /// categories first, then the others by name, 未分类 last; within a
    /// category by `order`, then title. A second article with an ID already
    /// taken is reported and left out.
    pub fn extend(&mut self, batch: Batch) {
        self.problems.extend(batch.problems);
        for article in batch.articles {
            let from = shown_origin(&article.origin, &article.id);
            if let Some(first) = self.origins.get(&article.id) {
                self.problems.push(duplicate(from, &article.id, first));
                continue;
            }
            self.origins.insert(article.id.clone(), from);
            self.articles.push(article);
        }
        let listed = &self.listed;
        self.articles
            .sort_by(|a, b| collection_order(listed, OrderKey::of(a), OrderKey::of(b)));
        self.categories = group_categories(&self.articles);
        self.index = self
            .articles
            .iter()
            .enumerate()
            .map(|(i, a)| (a.id.clone(), i))
            .collect();
    }

    pub fn articles(&self) -> &[Article] {
        &self.articles
    }

    pub fn categories(&self) -> &[Category] {
        &self.categories
    }

    /// The collection's title, from its `collection.toml`.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// Files that were skipped while loading.
    pub fn problems(&self) -> &[LoadProblem] {
        &self.problems
    }

    /// Index of the article with this ID.
    pub fn find(&self, id: &str) -> Option<usize> {
        self.index.get(id).copied()
    }

    /// The category an article index belongs to.
    pub fn category_of(&self, article: usize) -> Option<usize> {
        let i = self.categories.partition_point(|c| c.articles.end <= article);
        self.categories
            .get(i)
            .filter(|c| c.articles.contains(&article))
            .map(|_| i)
    }

    /// IDs close to `id`, best first: for "did you mean" messages.
    pub fn suggest(&self, id: &str) -> Vec<&str> {
        let mut scored: Vec<(f64, &str)> = self
            .articles
            .iter()
            .map(|a| {
                let mut score = strsim::normalized_levenshtein(id, &a.id);
                if a.id.contains(id) || a.meta.title.contains(id) {
                    score += 1.0;
                }
                (score, a.id.as_str())
            })
            .filter(|(score, _)| *score >= 0.4)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        scored.into_iter().take(3).map(|(_, id)| id).collect()
    }
}

/// Listed categories first, then the others by name, 未分类 last; within a
/// category by `order`, then title, then ID.
fn collection_order(listed: &[String], a: OrderKey<'_>, b: OrderKey<'_>) -> std::cmp::Ordering {
    let rank = |name: &str| {
        listed
            .iter()
            .position(|c| c == name)
            .unwrap_or(if name == UNCATEGORISED {
                usize::MAX
            } else {
                usize::MAX - 1
            })
    };
    (rank(a.category), a.category, a.order.is_none(), a.order, a.title, a.id).cmp(&(
        rank(b.category),
        b.category,
        b.order.is_none(),
        b.order,
        b.title,
        b.id,
    ))
}

/// What places an article in its collection.
#[derive(Clone, Copy)]
struct OrderKey<'a> {
    category: &'a str,
    order: Option<i64>,
    title: &'a str,
    id: &'a str,
}

impl OrderKey<'_> {
    fn of(article: &Article) -> OrderKey<'_> {
        OrderKey {
            category: &article.meta.category,
            order: article.meta.order,
            title: &article.meta.title,
            id: &article.id,
        }
    }
}

/// How an article's source is named in messages.
fn shown_origin(origin: &Origin, id: &str) -> String {
    match origin {
        Origin::Bundled => format!("bundled {id}"),
        Origin::File(path) => path.display().to_string(),
    }
}

fn duplicate(from: String, id: &str, first: &str) -> LoadProblem {
    LoadProblem {
        path: from,
        message: format!("duplicate article ID {id:?}, already used by {first}"),
    }
}

fn group_categories(articles: &[Article]) -> Vec<Category> {
    let mut categories: Vec<Category> = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        match categories.last_mut() {
            Some(last) if last.name == article.meta.category => last.articles.end = i + 1,
            _ => categories.push(Category {
                name: article.meta.category.clone(),
                articles: i..i + 1,
            }),
        }
    }
    categories
}

fn parse_collection_file(shown: &str, bytes: &[u8], problems: &mut Vec<LoadProblem>) -> CollectionFile {
    let text = String::from_utf8_lossy(bytes);
    toml::from_str(&text).unwrap_or_else(|err: toml::de::Error| {
        let (line, column) = crate::text::line_and_column(&text, err.span().map_or(0, |s| s.start));
        problems.push(LoadProblem {
            path: shown.to_string(),
            message: format!("line {line}, column {column}: {}", err.message().trim()),
        });
        CollectionFile::default()
    })
}

/// The ID of a file path below its root, if it is an article file.
fn article_id(relative: &str) -> Option<String> {
    let (stem, extension) = relative.rsplit_once('.')?;
    let is_article = ["md", "markdown", "txt"]
        .iter()
        .any(|e| extension.eq_ignore_ascii_case(e));
    (is_article && !stem.is_empty() && !stem.ends_with('/')).then(|| stem.to_string())
}

/// Collects article files below `root`, skipping hidden entries and never
/// entering the same real folder twice (symlink loops). Folders are read a
/// level at a time, the folders of a level on all cores; the order is the
/// same on any machine: level by level, in name order.
fn walk(root: &Path, candidates: &mut Vec<Candidate>, problems: &mut Vec<LoadProblem>) {
    let mut visited = HashSet::new();
    let mut level = vec![(root.to_path_buf(), String::new())];
    while !level.is_empty() {
        let listings = crate::parallel::map(&level, 1, |(dir, prefix)| list_folder(dir, prefix));
        let mut next = Vec::new();
        for (listing, (dir, _)) in listings.into_iter().zip(&level) {
            let Some(listing) = listing else {
                problems.push(LoadProblem {
                    path: dir.display().to_string(),
                    message: "could not be read".into(),
                });
                continue;
            };
            match listing.real {
                Ok(real) => {
                    if !visited.insert(real) {
                        continue;
                    }
                }
                Err(problem) => {
                    problems.push(problem);
                    continue;
                }
            }
            candidates.extend(listing.candidates);
            problems.extend(listing.problems);
            next.extend(listing.folders);
        }
        level = next;
    }
}

/// One folder's articles and subfolders.
struct Listing {
    /// The folder's real path, to enter each real folder once.
    real: Result<PathBuf, LoadProblem>,
    candidates: Vec<Candidate>,
    problems: Vec<LoadProblem>,
    folders: Vec<(PathBuf, String)>,
}

fn list_folder(dir: &Path, prefix: &str) -> Listing {
    let problem = |path: &Path, message: String| LoadProblem {
        path: path.display().to_string(),
        message,
    };
    let mut listing = Listing {
        real: std::fs::canonicalize(dir).map_err(|err| problem(dir, err.to_string())),
        candidates: Vec::new(),
        problems: Vec::new(),
        folders: Vec::new(),
    };
    if listing.real.is_err() {
        return listing;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(err) => {
            listing.real = Err(problem(dir, err.to_string()));
            return listing;
        }
    };
    let mut entries: Vec<(String, std::fs::DirEntry)> = entries
        .filter_map(Result::ok)
        .map(|entry| {
            let name = entry
                .file_name()
                .into_string()
                .unwrap_or_else(|name| name.to_string_lossy().into_owned());
            (name, entry)
        })
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, entry) in entries {
        let path = entry.path();
        let relative = format!("{prefix}{name}");
        // The entry's own type costs no system call; only links are
        // followed (with `metadata`), so linked folders and files are read too.
        let kind = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => Ok((kind, None)),
            _ => std::fs::metadata(&path).map(|meta| (meta.file_type(), Some(meta))),
        };
        match kind {
            Ok((kind, _)) if kind.is_dir() => listing.folders.push((path, relative + "/")),
            Ok((kind, _)) if !kind.is_file() => {
                // A FIFO or device named like an article would block or never end.
                if article_id(&relative).is_some() {
                    listing.problems.push(problem(&path, "not a regular file".into()));
                }
            }
            Ok((_, followed)) => {
                if let Some(id) = article_id(&relative) {
                    // Stamped here, relative to the open folder (cheaper than by
                    // path later): the article cache compares it with its entry.
                    let meta = followed.or_else(|| entry.metadata().ok());
                    listing.candidates.push(Candidate {
                        id,
                        relative: path.to_string_lossy().into_owned(),
                        origin: Origin::File(path.clone()),
                        content: Content::Path(path),
                        stamp: meta.as_ref().map(Stamp::of),
                    });
                }
            }
            Err(err) => listing.problems.push(problem(&path, err.to_string())),
        }
    }
    listing
}

/// Reads and parses files on all cores.
pub fn read_batch(candidates: Vec<Candidate>) -> Batch {
    read_batch_cached(candidates, None)
}

/// Reads and parses files on all cores, taking files unchanged since they
/// were cached from `cache` and adding the others to it.
pub fn read_batch_cached(candidates: Vec<Candidate>, mut cache: Option<&mut ArticleCache>) -> Batch {
    let files = candidates.len();
    let reading = cache.as_deref();
    let results = crate::parallel::map(&candidates, 64, |candidate| load_candidate(candidate, reading));
    let results: Vec<Loaded> = results
        .into_iter()
        .zip(&candidates)
        .map(|(loaded, candidate)| {
            loaded.unwrap_or_else(|| Loaded {
                relative: candidate.relative.clone(),
                result: Err("the parser crashed on this file".into()),
                cache: Change::Drop,
            })
        })
        .collect();
    let mut batch = Batch {
        files,
        ..Batch::default()
    };
    for loaded in results {
        if let Some(cache) = cache.as_deref_mut() {
            cache.record(loaded.cache);
        }
        match loaded.result {
            Ok(article) => batch.articles.push(article),
            Err(message) => batch.problems.push(LoadProblem {
                path: loaded.relative,
                message,
            }),
        }
    }
    batch
}

/// One file read, and what its cache entry becomes.
struct Loaded {
    relative: String,
    result: Result<Article, String>,
    cache: Change,
}

/// Reads one candidate: from its cache entry if that was made from the file
/// as it is, else from the file (and the new entry is made).
fn load_candidate(candidate: &Candidate, cache: Option<&ArticleCache>) -> Loaded {
    let loaded = |result, action| Loaded {
        relative: candidate.relative.clone(),
        result,
        cache: action,
    };
    let path = match &candidate.content {
        Content::Bytes(bytes) => {
            let result = parse_article(&candidate.id, &candidate.relative, bytes, candidate.origin.clone());
            return loaded(result, Change::None);
        }
        Content::Path(path) => path,
    };
    let slot = cache.zip(path.to_str()).and_then(|(cache, p)| cache.slot(p));
    let gone = if slot.is_some() { Change::Drop } else { Change::None };
    // The walk stamped the file already; only a file it could not stamp is asked again.
    let stamp = match candidate
        .stamp
        .map_or_else(|| std::fs::metadata(path).map(|m| Stamp::of(&m)), Ok)
    {
        Ok(stamp) => stamp,
        Err(err) => return loaded(Err(format!("cannot read: {err}")), gone),
    };
    if let (Some(slot), Some(cache)) = (slot, cache)
        && cache.fits(slot, &candidate.id, stamp)
        && let Some(restored) = cache.restore(slot)
    {
        let result = restored.map(|(meta, body)| Article {
            id: candidate.id.clone(),
            meta,
            body,
            origin: candidate.origin.clone(),
        });
        return loaded(result, Change::Keep(slot.clone()));
    }
    crate::fault::inject("parse", &candidate.relative);
    let result = read_file(path)
        .and_then(|bytes| parse_article(&candidate.id, &candidate.relative, &bytes, candidate.origin.clone()));
    let action = if cache.is_some() {
        let parsed = result.as_ref().map(|a| (&a.meta, &a.body)).map_err(String::as_str);
        entry_bytes(path, &candidate.id, stamp, parsed).map_or(Change::Drop, Change::Add)
    } else {
        Change::None
    };
    loaded(result, action)
}

/// Reads a file of at most `MAX_FILE_BYTES`, stopping one byte past it
/// (so a file that grew since the walk is caught too).
fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err("too large: articles are at most 64 MB".into());
    }
    Ok(bytes)
}

/// Parses one article file. `relative` is its path below the collection root
/// (used for the category and title fallbacks).
pub fn parse_article(id: &str, relative: &str, bytes: &[u8], origin: Origin) -> Result<Article, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".into());
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("binary file (contains NUL bytes), not text".into());
    }
    // Sanitise the whole file first: a Markdown parser would cut an escape
    // sequence into pieces that no longer look like one.
    let text = crate::text::sanitize(&decode_text(bytes));
    let file_stem = id.rsplit('/').next().unwrap_or(id).to_string();
    let folder_category = id.split_once('/').map(|(folder, _)| folder.to_string());
    let is_markdown = !relative.to_ascii_lowercase().ends_with(".txt");
    let (fields, body) = if is_markdown {
        let (fm, body_text) = split_front_matter(&text).map_err(|e| e.to_string())?;
        (fm, parse_markdown(body_text))
    } else {
        (Default::default(), parse_plain(&text))
    };
    let clean = |value: Option<String>| value.map(|v| sanitize_inline(&v)).filter(|v| !v.is_empty());
    let meta = Meta {
        title: clean(fields.title).unwrap_or_else(|| sanitize_inline(&file_stem)),
        category: clean(fields.category)
            .or_else(|| folder_category.map(|f| sanitize_inline(&f)))
            .unwrap_or_else(|| UNCATEGORISED.to_string()),
        author: clean(fields.author),
        source: clean(fields.source),
        date: clean(fields.date.map(DateField::into_string)),
        tags: fields
            .tags
            .iter()
            .map(|t| sanitize_inline(t))
            .filter(|t| !t.is_empty())
            .collect(),
        summary: clean(fields.summary),
        order: fields.order,
        reads: fields.reads,
    };
    Ok(Article {
        id: id.to_string(),
        meta,
        body,
        origin,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn bundled_collection_has_three_articles_in_three_categories() {
        let library = Library::bundled();
        assert!(library.problems().is_empty(), "{:?}", library.problems());
        let names: Vec<&str> = library.categories().iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["教育管理", "营销管理", "医院管理"]);
        let titles: Vec<&str> = library.articles().iter().map(|a| a.meta.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "如何做好学生管理工作",
                "如何做好客户关系管理",
                "如何做好医院统计信息工作"
            ]
        );
        assert_eq!(library.title(), Some("怎么更好地如何做好生产管理时间管理？"));
        let crm = &library.articles()[library.find("yingxiao/kehu-guanxi-guanli").expect("crm")];
        assert_eq!(crm.meta.author.as_deref(), Some("admin"));
        assert_eq!(crm.meta.source.as_deref(), Some("中原石化营销网"));
        let students = &library.articles()[0];
        assert_eq!(students.meta.reads, Some(2747));
    }

    #[test]
    fn ids_are_relative_paths_without_extension() {
        assert_eq!(article_id("yingxiao/kehu.md").as_deref(), Some("yingxiao/kehu"));
        assert_eq!(article_id("a/b/c.TXT").as_deref(), Some("a/b/c"));
        assert_eq!(article_id("picture.png"), None);
        assert_eq!(article_id(".md"), None);
    }

    #[test]
    fn category_falls_back_to_the_first_folder_and_title_to_the_file_name() {
        let article = parse_article(
            "随笔/旅行/第一天",
            "随笔/旅行/第一天.md",
            "正文".as_bytes(),
            Origin::Bundled,
        )
        .expect("valid");
        assert_eq!(article.meta.category, "随笔");
        assert_eq!(article.meta.title, "第一天");
        let root_level = parse_article("note", "note.txt", "正文".as_bytes(), Origin::Bundled).expect("valid");
        assert_eq!(root_level.meta.category, UNCATEGORISED);
    }

    #[test]
    fn empty_binary_and_malformed_files_are_reported() {
        assert_eq!(
            parse_article("a", "a.md", b"  \n", Origin::Bundled).unwrap_err(),
            "empty file"
        );
        assert!(
            parse_article("a", "a.md", b"abc\0def", Origin::Bundled)
                .unwrap_err()
                .contains("binary")
        );
        let err = parse_article("a", "a.md", b"+++\ntitle = \n+++\n", Origin::Bundled).unwrap_err();
        assert!(err.contains("line 2"), "{err}");
    }

    #[test]
    fn files_past_the_size_limit_are_refused_without_reading_them_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let big = dir.path().join("big.md");
        let file = fs::File::create(&big).expect("create");
        file.set_len(MAX_FILE_BYTES + 1).expect("sparse file");
        assert_eq!(read_file(&big).unwrap_err(), "too large: articles are at most 64 MB");
        file.set_len(3).expect("shrink");
        assert_eq!(read_file(&big).expect("reads"), vec![0; 3]);
    }

    #[test]
    fn folders_load_recursively_skip_hidden_and_report_bad_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir_all(root.join("散文/.草稿")).expect("mkdir");
        fs::create_dir_all(root.join(".git")).expect("mkdir");
        fs::write(root.join("散文/春.md"), "+++\ntitle = \"春\"\norder = 2\n+++\n盼望着。").expect("write");
        fs::write(root.join("散文/秋.md"), "+++\ntitle = \"秋\"\norder = 1\n+++\n秋天。").expect("write");
        fs::write(root.join("散文/.草稿/x.md"), "hidden").expect("write");
        fs::write(root.join(".git/y.md"), "hidden").expect("write");
        fs::write(root.join("散文/坏.md"), "+++\ntitle = [\n+++\n").expect("write");
        fs::write(root.join("笔记.txt"), "一行").expect("write");
        let library = Library::from_dirs(&[root.to_path_buf()]).expect("loads");
        let ids: Vec<&str> = library.articles().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["散文/秋", "散文/春", "笔记"]);
        assert_eq!(library.problems().len(), 1);
        assert!(library.problems()[0].path.ends_with("坏.md"));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_do_not_hang() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir_all(root.join("a")).expect("mkdir");
        fs::write(root.join("a/x.md"), "正文").expect("write");
        std::os::unix::fs::symlink(root, root.join("a/loop")).expect("symlink");
        let library = Library::from_dirs(&[root.to_path_buf()]).expect("loads");
        assert_eq!(library.articles().len(), 1);
    }

    #[test]
    fn missing_file_and_empty_roots_are_clear_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        let missing = dir.path().join("nope");
        assert!(matches!(Library::from_dirs(&[missing]), Err(LibraryError::Missing(_))));
        let file = dir.path().join("f.md");
        fs::write(&file, "x").expect("write");
        assert!(matches!(Library::from_dirs(&[file]), Err(LibraryError::NotAFolder(_))));
        let empty = dir.path().join("empty");
        fs::create_dir(&empty).expect("mkdir");
        assert!(matches!(Library::from_dirs(&[empty]), Err(LibraryError::Empty(_))));
    }

    #[test]
    fn batches_merge_into_the_same_order_as_one_load() {
        let dir = tempfile::tempdir().expect("tempdir");
        for (folder, name, order) in [("乙", "b", 2), ("甲", "a", 1), ("乙", "c", 1), ("甲", "d", 0)] {
            fs::create_dir_all(dir.path().join(folder)).expect("mkdir");
            let text = format!("+++\ntitle = \"{name}\"\norder = {order}\n+++\n正文");
            fs::write(dir.path().join(folder).join(format!("{name}.md")), text).expect("write");
        }
        let whole = Library::from_dirs(&[dir.path().to_path_buf()]).expect("loads");
        let mut plan = Plan::dirs(&[dir.path().to_path_buf()]).expect("plan");
        let mut library = plan.start();
        for batch in plan.into_batches(1) {
            library.extend(read_batch(batch));
        }
        let ids = |l: &Library| l.articles().iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&library), ids(&whole));
        assert_eq!(ids(&library), ["乙/c", "乙/b", "甲/d", "甲/a"]);
        assert_eq!(library.categories().len(), 2);
        assert_eq!(library.find("甲/a"), Some(3));
        assert_eq!(library.category_of(3), Some(1));
    }

    #[test]
    fn suggestions_find_close_ids() {
        let library = Library::bundled();
        assert_eq!(
            library.suggest("yingxiao/kehu-guanxi")[0],
            "yingxiao/kehu-guanxi-guanli"
        );
    }
}
