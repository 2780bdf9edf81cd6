//! Building a `Library` from the bundled collection or from folders.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use thiserror::Error;

use super::article::{Article, Meta, Origin};
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
            listed: self.collections.iter().flat_map(|c| c.categories.clone()).collect(),
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

    /// Reads every file but parses only those whose raw bytes pass `keep`:
    /// a search need not parse articles that cannot match.
    pub fn load_where(mut self, keep: Prefilter<'_>) -> Library {
        let mut library = self.start();
        library.extend(read_batch_where(std::mem::take(&mut self.candidates), Some(keep)));
        library
    }

    /// Reads everything at once.
    pub fn load(mut self) -> Library {
        let mut library = self.start();
        library.extend(read_batch(std::mem::take(&mut self.candidates)));
        library
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
        walk(root, &mut self.candidates, &mut self.problems);
        Ok(())
    }
}

/// One file found in a collection before parsing.
#[derive(Debug)]
pub struct Candidate {
    id: String,
    relative: String,
    origin: Origin,
    content: Content,
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
        let library = Plan::dirs(roots)?.load();
        if library.articles.is_empty() {
            return Err(LibraryError::NoneReadable(roots.to_vec(), library.problems));
        }
        Ok(library)
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
            let from = match &article.origin {
                Origin::Bundled => format!("bundled {}", article.id),
                Origin::File(path) => path.display().to_string(),
            };
            if let Some(first) = self.origins.get(&article.id) {
                self.problems.push(LoadProblem {
                    path: from,
                    message: format!("duplicate article ID {:?}, already used by {first}", article.id),
                });
                continue;
            }
            self.origins.insert(article.id.clone(), from);
            self.articles.push(article);
        }
        let listed = &self.listed;
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
        self.articles.sort_by(|a, b| {
            let key = |x: &Article| (rank(&x.meta.category), x.meta.order.is_none(), x.meta.order);
            let (a_rank, a_unordered, a_order) = key(a);
            let (b_rank, b_unordered, b_order) = key(b);
            (a_rank, &a.meta.category, a_unordered, a_order, &a.meta.title, &a.id).cmp(&(
                b_rank,
                &b.meta.category,
                b_unordered,
                b_order,
                &b.meta.title,
                &b.id,
            ))
        });
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
/// entering the same real folder twice (symlink loops).
fn walk(root: &Path, candidates: &mut Vec<Candidate>, problems: &mut Vec<LoadProblem>) {
    let mut visited = HashSet::new();
    let mut pending = vec![(root.to_path_buf(), String::new())];
    while let Some((dir, prefix)) = pending.pop() {
        match std::fs::canonicalize(&dir) {
            Ok(real) => {
                if !visited.insert(real) {
                    continue;
                }
            }
            Err(err) => {
                problems.push(LoadProblem {
                    path: dir.display().to_string(),
                    message: err.to_string(),
                });
                continue;
            }
        }
        let entries = match std::fs::read_dir(&dir) {
            Ok(entries) => entries,
            Err(err) => {
                problems.push(LoadProblem {
                    path: dir.display().to_string(),
                    message: err.to_string(),
                });
                continue;
            }
        };
        let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') {
                continue;
            }
            let path = entry.path();
            let relative = format!("{prefix}{name}");
            // The entry's own type costs no system call; only links are
            // followed (with `metadata`), so linked folders and files are read too.
            let kind = match entry.file_type() {
                Ok(kind) if !kind.is_symlink() => Ok(kind),
                _ => std::fs::metadata(&path).map(|meta| meta.file_type()),
            };
            match kind {
                Ok(kind) if kind.is_dir() => pending.push((path, format!("{relative}/"))),
                Ok(kind) if !kind.is_file() => {
                    // A FIFO or device named like an article would block or never end.
                    if article_id(&relative).is_some() {
                        problems.push(LoadProblem {
                            path: path.display().to_string(),
                            message: "not a regular file".into(),
                        });
                    }
                }
                Ok(_) => {
                    if let Some(id) = article_id(&relative) {
                        candidates.push(Candidate {
                            id,
                            relative: path.display().to_string(),
                            origin: Origin::File(path.clone()),
                            content: Content::Path(path),
                        });
                    }
                }
                Err(err) => problems.push(LoadProblem {
                    path: path.display().to_string(),
                    message: err.to_string(),
                }),
            }
        }
    }
}

/// Reads and parses files on all cores.
pub fn read_batch(candidates: Vec<Candidate>) -> Batch {
    read_batch_where(candidates, None)
}

/// Reads files on all cores and parses those that pass `keep` (all without one).
pub fn read_batch_where(candidates: Vec<Candidate>, keep: Option<Prefilter<'_>>) -> Batch {
    let files = candidates.len();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    let chunk = candidates.len().div_ceil(threads).max(64);
    let results: Vec<(String, Result<Article, String>)> = std::thread::scope(|scope| {
        let handles: Vec<_> = candidates
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().filter_map(|c| load_candidate(c, keep)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| {
                h.join()
                    .unwrap_or_else(|_| vec![("?".into(), Err("parser crashed".into()))])
            })
            .collect()
    });
    let mut batch = Batch {
        files,
        ..Batch::default()
    };
    for (path, result) in results {
        match result {
            Ok(article) => batch.articles.push(article),
            Err(message) => batch.problems.push(LoadProblem { path, message }),
        }
    }
    batch
}

/// A test on a file's raw bytes: only files that pass are parsed.
pub type Prefilter<'a> = &'a (dyn Fn(&[u8]) -> bool + Sync);

fn load_candidate(candidate: &Candidate, keep: Option<Prefilter<'_>>) -> Option<(String, Result<Article, String>)> {
    let parse = |bytes: &[u8]| {
        if keep.is_some_and(|keep| !keep(bytes)) {
            return None;
        }
        Some(parse_article(
            &candidate.id,
            &candidate.relative,
            bytes,
            candidate.origin.clone(),
        ))
    };
    let result = match &candidate.content {
        Content::Bytes(bytes) => parse(bytes)?,
        Content::Path(path) => match read_file(path) {
            Ok(bytes) => parse(&bytes)?,
            Err(message) => Err(message),
        },
    };
    Some((candidate.relative.clone(), result))
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read: {e}"))?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "too large ({} MB); articles are at most 64 MB",
            meta.len() / 1_000_000
        ));
    }
    std::fs::read(path).map_err(|e| format!("cannot read: {e}"))
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
