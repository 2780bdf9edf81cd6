//! The collection model: articles grouped by category in display order,
//! with the files that were skipped.

use std::fmt;
use std::ops::Range;
use std::path::PathBuf;

use crate::library::model::article::{Article, Origin};
use order::{first_keeps, group_categories, merge_in_order};

mod order;
mod taken;
use crate::i18n::{Lang, Text, text, tr};
pub use taken::TakenIds;

/// A loaded collection: articles grouped by category, in display order.
#[derive(Clone, Debug, Default)]
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
    /// Its whole article could not be read: the first part is all there is.
    prefix_final: bool,
}

/// A category and the range of its articles in `Library::articles`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Category {
    pub name: String,
    pub articles: Range<usize>,
}

/// A file that was skipped, and why (in every language: the CLI or the
/// reader says it in theirs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadProblem {
    pub path: String,
    pub message: Text,
}

impl LoadProblem {
    /// "path: why", in `lang`.
    pub fn say(&self, lang: Lang) -> String {
        let (path, why) = (&self.path, self.message.get(lang));
        tr!(lang, en: "{path}: {why}", hans: "{path}：{why}", hant: "{path}：{why}")
    }
}

/// Why the paths named hold nothing to read.
#[derive(Debug)]
pub enum LibraryError {
    Missing(PathBuf),
    /// Neither a folder nor a regular file: a pipe, a socket, a device.
    NotAFile(PathBuf, crate::files::Kind),
    Empty(Vec<PathBuf>),
    NoneReadable(Vec<PathBuf>, Vec<LoadProblem>),
}

impl LibraryError {
    /// The error in one sentence, in every language.
    pub fn text(&self) -> Text {
        match self {
            LibraryError::Missing(path) => {
                let path = path.display();
                text!(en: "{path} does not exist", hans: "{path} 不存在", hant: "{path} 不存在")
            }
            LibraryError::NotAFile(path, kind) => {
                let (path, kind) = (path.display(), kind.text());
                Text::build(|lang| {
                    let kind = kind.get(lang);
                    tr!(
                        lang,
                        en: "{path} is {kind}, not a file or folder of articles",
                        hans: "{path} 是{kind}，不是文章文件或文件夹",
                        hant: "{path} 是{kind}，不是文章檔案或資料夾",
                    )
                })
            }
            LibraryError::Empty(paths) => {
                let paths = list_paths(paths);
                text!(
                    en: "no articles (.md, .txt, .html or .epub files) found in {paths}",
                    hans: "{paths} 中没有文章（.md、.txt、.html 或 .epub 文件）",
                    hant: "{paths} 中沒有文章（.md、.txt、.html 或 .epub 檔案）",
                )
            }
            LibraryError::NoneReadable(paths, problems) => none_readable(paths, problems),
        }
    }
}

impl fmt::Display for LibraryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text().en())
    }
}

impl std::error::Error for LibraryError {}

/// Why nothing could be read: for one file named alone, just why that file
/// could not be read.
fn none_readable(paths: &[PathBuf], problems: &[LoadProblem]) -> Text {
    match (paths, problems) {
        ([path], [problem]) if path.as_os_str() == "-" => problem
            .message
            .map(|lang, why| tr!(lang, en: "standard input: {why}", hans: "标准输入：{why}", hant: "標準輸入：{why}")),
        ([path], [problem]) if path.is_file() => Text::build(|lang| problem.say(lang)),
        _ => {
            let paths = list_paths(paths);
            Text::build(|lang| {
                let first = problems.first().map(|p| p.say(lang)).unwrap_or_default();
                tr!(
                    lang,
                    en: "none of the article files in {paths} could be read; the first: {first}",
                    hans: "{paths} 中的文章文件都无法读取；第一个：{first}",
                    hant: "{paths} 中的文章檔案都無法讀取；第一個：{first}",
                )
            })
        }
    }
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
    pub(in crate::library) fn start(title: Option<String>, listed: Vec<String>, problems: Vec<LoadProblem>) -> Library {
        Library {
            title,
            listed,
            problems,
            ..Library::default()
        }
    }

    /// The library, or an error naming `roots` and every problem met when
    /// none of their files could be read.
    pub fn require_articles(self, roots: &[PathBuf]) -> Result<Library, LibraryError> {
        if self.articles.is_empty() {
            return Err(LibraryError::NoneReadable(roots.to_vec(), self.problems));
        }
        Ok(self)
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

    /// Whether article `index` holds only the first part of its file and
    /// its whole article may still come.
    pub fn awaits_whole(&self, index: usize) -> bool {
        self.is_prefix(index) && !self.prefix_final
    }

    /// The whole article of the file added from its first part will not
    /// come (it could not be read): the first part stays, as all there is.
    /// Its index, the first time.
    pub fn give_up_whole(&mut self) -> Option<usize> {
        if self.prefix_final {
            return None;
        }
        let at = self.find(self.prefix.as_deref()?)?;
        self.prefix_final = true;
        Some(at)
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
        let known = (self.articles.iter()).map(|a| (a.id.as_str(), a.id.contains(id) || a.meta.title.contains(id)));
        crate::suggest::ranked(id, known, 0.4, 3)
    }
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

/// The indices of `articles` in the order of their IDs.
fn sorted_by_id(articles: &[Article]) -> Vec<u32> {
    let mut by_id: Vec<u32> = (0..articles.len()).filter_map(|i| u32::try_from(i).ok()).collect();
    by_id.sort_unstable_by(|&a, &b| articles[a as usize].id.cmp(&articles[b as usize].id));
    by_id
}

#[cfg(test)]
mod tests;
