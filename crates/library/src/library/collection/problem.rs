//! Why files were skipped and why a collection could not be read, in
//! every language.

use std::fmt;
use std::path::PathBuf;

use crate::i18n::{Lang, Text, text, tr};

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
