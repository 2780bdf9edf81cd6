//! The collection model: articles grouped by category in display order,
//! with the files that were skipped.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use thiserror::Error;

use super::article::{Article, Origin};
use super::order::{first_keeps, group_categories, merge_in_order};
use super::plan::Plan;
use super::read::Batch;

/// A loaded collection: articles grouped by category, in display order.
#[derive(Debug, Default)]
pub struct Library {
    articles: Vec<Article>,
    categories: Vec<Category>,
    title: Option<String>,
    problems: Vec<LoadProblem>,
    /// Categories in the order `collection.toml` files list them.
    listed: Vec<String>,
    /// Indices into `articles` in the order of their IDs: `find` searches it
    /// by bisection. A map from ID would hold a second copy of every ID, a
    /// real share of the memory of many small articles.
    by_id: Vec<u32>,
    /// The article that holds only the first part of its file (`add_prefix`).
    prefix: Option<String>,
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
    #[error("{0} does not exist")]
    Missing(PathBuf),
    #[error("{0} is neither a folder nor a regular file")]
    NotAFile(PathBuf),
    #[error("no articles (.md, .txt, .html or .epub files) found in {}", list_paths(.0))]
    Empty(Vec<PathBuf>),
    #[error("{}", none_readable(.0, .1))]
    NoneReadable(Vec<PathBuf>, Vec<LoadProblem>),
}

/// Why nothing could be read: for one file named alone, just why that file
/// could not be read.
fn none_readable(paths: &[PathBuf], problems: &[LoadProblem]) -> String {
    match (paths, problems) {
        ([path], [problem]) if path.is_file() || path.as_os_str() == "-" => {
            let path = if path.as_os_str() == "-" {
                "standard input".to_string()
            } else {
                problem.path.clone()
            };
            format!("{path}: {}", problem.message)
        }
        _ => format!(
            "none of the article files in {} could be read; the first: {}",
            list_paths(paths),
            first_problem(problems)
        ),
    }
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

impl Library {
    /// An empty library that knows its title, its listed categories and the
    /// problems met so far; articles come with `extend`.
    pub(super) fn start(title: Option<String>, listed: Vec<String>, problems: Vec<LoadProblem>) -> Library {
        Library {
            title,
            listed,
            problems,
            ..Library::default()
        }
    }

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
    /// taken is kept under its folder's name and the ID (`order::first_keeps`).
    /// Returns where each article of the batch went (always `Some` now that
    /// none is left out); the articles already there keep their order around
    /// them.
    pub fn extend(&mut self, batch: Batch) -> Vec<Option<usize>> {
        self.problems.extend(batch.problems);
        let mut articles = batch.articles;
        let items: Vec<(&str, &Origin)> = articles.iter().map(|a| (a.id.as_str(), &a.origin)).collect();
        let renamed = first_keeps(&items, |id| self.find(id).is_some());
        for (at, id) in renamed {
            articles[at].id = id.into();
        }
        let (merged, placed) = merge_in_order(std::mem::take(&mut self.articles), articles, &self.listed);
        self.articles = merged;
        let placed = placed.into_iter().map(Some).collect();
        self.categories = group_categories(&self.articles);
        self.by_id = sorted_by_id(&self.articles);
        placed
    }

    /// Adds the article of the first part of a large file
    /// (`library::read_prefix`); its whole article replaces it (`replace`).
    pub fn add_prefix(&mut self, article: Article) {
        self.prefix = Some(article.id.to_string());
        self.extend(Batch {
            articles: vec![article],
            ..Batch::default()
        });
    }

    /// Whether article `index` holds only the first part of its file.
    pub fn is_prefix(&self, index: usize) -> bool {
        self.prefix.is_some() && self.prefix.as_deref() == self.articles.get(index).map(|a| a.id.as_str())
    }

    /// Puts `article`, the whole article of a file added from its first
    /// part (`add_prefix`), in that one's place: its index, or `None` when
    /// it is not that article.
    pub fn replace(&mut self, article: Article) -> Option<usize> {
        if self.prefix.as_deref() != Some(article.id.as_str()) {
            return None;
        }
        let at = self.find(&article.id)?;
        *self.articles.get_mut(at)? = article;
        self.prefix = None;
        self.categories = group_categories(&self.articles);
        Some(at)
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
        let at = self
            .by_id
            .binary_search_by(|&i| self.articles[i as usize].id.as_str().cmp(id))
            .ok()?;
        Some(self.by_id[at] as usize)
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

/// The indices of `articles` in the order of their IDs.
fn sorted_by_id(articles: &[Article]) -> Vec<u32> {
    let mut by_id: Vec<u32> = (0..articles.len()).filter_map(|i| u32::try_from(i).ok()).collect();
    by_id.sort_unstable_by(|&a, &b| articles[a as usize].id.cmp(&articles[b as usize].id));
    by_id
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Plan, read_batch};
    use std::fs;

    #[test]
    fn files_and_folders_come_in_natural_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        for folder in ["卷一", "卷七", "卷三", "卷九", "卷二", "卷十"] {
            fs::create_dir_all(root.join(folder)).expect("mkdir");
            fs::write(root.join(folder).join("正文.md"), "正文").expect("write");
        }
        fs::create_dir_all(root.join("左传")).expect("mkdir");
        for (name, title) in [("10.md", "十"), ("002.md", "介之推不言祿"), ("001.md", "鄭伯克段於鄢")] {
            fs::write(
                root.join("左传").join(name),
                format!("+++\ntitle = \"{title}\"\n+++\n正文"),
            )
            .expect("write");
        }
        let library = Library::from_dirs(&[root.to_path_buf()]).expect("loads");
        let names: Vec<&str> = library.categories().iter().map(|c| c.name.as_str()).collect();
        assert_eq!(names, ["卷一", "卷二", "卷三", "卷七", "卷九", "卷十", "左传"]);
        let titles: Vec<&str> = library.articles()[6..].iter().map(|a| a.meta.title.as_str()).collect();
        assert_eq!(titles, ["鄭伯克段於鄢", "介之推不言祿", "十"]);
    }

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
        assert_eq!(library.title(), Some("管理工作文选"));
        let crm = &library.articles()[library.find("yingxiao/kehu-guanxi-guanli").expect("crm")];
        assert_eq!(crm.meta.author.as_deref(), Some("admin"));
        assert_eq!(crm.meta.source(), Some("中原石化营销网"));
        let students = &library.articles()[0];
        assert_eq!(students.meta.reads(), Some(2747));
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
    fn batches_of_every_size_merge_into_one_load_s_order_and_say_where_each_went() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut seed = 11_u64;
        for n in 0..60 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let folder = ["甲", "乙", "丙"][(seed >> 40) as usize % 3];
            fs::create_dir_all(dir.path().join(folder)).expect("mkdir");
            let text = format!("+++\ntitle = \"{n}\"\norder = {}\n+++\n正文", (seed >> 20) % 5);
            fs::write(dir.path().join(folder).join(format!("{n}.md")), text).expect("write");
        }
        let whole = Library::from_dirs(&[dir.path().to_path_buf()]).expect("loads");
        let ids = |l: &Library| l.articles().iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        for size in [1, 2, 7, 59, 60] {
            let mut plan = Plan::dirs(&[dir.path().to_path_buf()]).expect("plan");
            let mut library = plan.start();
            for batch in plan.into_batches(size) {
                let batch = read_batch(batch);
                let given: Vec<String> = batch.articles.iter().map(|a| a.id.to_string()).collect();
                let placed = library.extend(batch);
                for (id, at) in given.iter().zip(placed) {
                    assert_eq!(library.articles()[at.expect("placed")].id, *id, "batches of {size}");
                }
            }
            assert_eq!(ids(&library), ids(&whole), "batches of {size}");
        }
    }

    #[test]
    fn every_article_is_found_by_its_id_whatever_the_display_order() {
        let dir = tempfile::tempdir().expect("tempdir");
        // Display order (by `order`) runs against the order of the IDs.
        for (i, name) in ["e", "d", "c", "b", "a", "f"].iter().enumerate() {
            let text = format!("+++\ntitle = \"{name}\"\norder = {i}\n+++\n正文");
            fs::write(dir.path().join(format!("{name}.md")), text).expect("write");
        }
        let mut plan = Plan::dirs(&[dir.path().to_path_buf()]).expect("plan");
        let mut library = plan.start();
        for batch in plan.into_batches(2) {
            library.extend(read_batch(batch));
            for (at, article) in library.articles().iter().enumerate() {
                assert_eq!(library.find(&article.id), Some(at), "{}", article.id);
            }
        }
        assert_eq!(library.articles()[0].id, "e");
        assert_eq!(library.find("g"), None);
        assert_eq!(library.find(""), None);
    }

    #[test]
    fn an_id_taken_twice_keeps_both_the_later_under_its_folders_name() {
        let root = tempfile::tempdir().expect("tempdir");
        let (c1, c2) = (root.path().join("c1"), root.path().join("c2"));
        for (dir, text) in [(&c1, "治安策"), (&c2, "過秦論")] {
            fs::create_dir_all(dir.join("卷一")).expect("mkdir");
            fs::write(dir.join("a.md"), text).expect("write");
            fs::write(dir.join("卷一/b.md"), text).expect("write");
        }
        fs::write(c1.join("a.txt"), "同一文件夹里的另一个 a").expect("write");
        let dirs = [c1.clone(), c2.clone()];
        let whole = Library::from_dirs(&dirs).expect("library");
        let mut plan = Plan::dirs(&dirs).expect("plan");
        let mut library = plan.start();
        for batch in plan.into_batches(2) {
            library.extend(read_batch(batch));
        }
        for library in [&whole, &library] {
            let mut ids: Vec<&str> = library.articles().iter().map(|a| a.id.as_str()).collect();
            ids.sort_unstable();
            assert_eq!(ids, ["a", "c1/a", "c2/a", "c2/卷一/b", "卷一/b"], "none left out");
            let text = |id: &str| library.articles()[library.find(id).expect(id)].body.text.to_string();
            assert_eq!(text("a"), "治安策", "the first found keeps its ID");
            assert_eq!(text("c2/a"), "過秦論");
            assert_eq!(text("c2/卷一/b"), "過秦論");
            assert!(library.problems().is_empty(), "{:?}", library.problems());
        }
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
