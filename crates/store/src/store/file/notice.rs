//! What the state file's reader and writer tell the user: a file set aside
//! or left as it is, and saves that cannot be made.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

use crate::i18n::{Text, io_error, text, tr};

/// Something the user should be told about their saved state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The file could not be used and was renamed aside.
    SetAside {
        file: PathBuf,
        moved_to: PathBuf,
        reason: Text,
    },
    /// Changes cannot be saved (a read-only folder, a full disk).
    CannotSave { folder: PathBuf, reason: Text },
    /// The file could not be used and, read-only, was left where it is.
    LeftAsIs { file: PathBuf, reason: Text },
}

impl Notice {
    /// The notice in every language.
    pub fn text(&self) -> Text {
        match self {
            Notice::SetAside { file, moved_to, reason } => {
                let (file, moved_to) = (file.display(), moved_to.display());
                Text::build(|lang| {
                    let reason = reason.get(lang);
                    tr!(
                        lang,
                        en: "the bookmarks and reading positions file {file} could not be used ({reason}): it was kept as it was as {moved_to}, and this session starts without bookmarks or positions",
                        hans: "书签和阅读位置文件 {file} {reason}；原文件已原样保留为 {moved_to}，本次从没有书签和阅读位置开始",
                        hant: "書籤和閱讀位置檔案 {file} {reason}；原檔案已原樣保留為 {moved_to}，本次從沒有書籤和閱讀位置開始",
                    )
                })
            }
            Notice::LeftAsIs { file, reason } => {
                let file = file.display();
                Text::build(|lang| {
                    let reason = reason.get(lang);
                    tr!(
                        lang,
                        en: "the bookmarks and reading positions file {file} could not be used ({reason}): it was left unchanged, and no bookmarks or positions are shown",
                        hans: "书签和阅读位置文件 {file} {reason}；文件原样保留未改动，不显示书签和阅读位置",
                        hant: "書籤和閱讀位置檔案 {file} {reason}；檔案原樣保留未改動，不顯示書籤和閱讀位置",
                    )
                })
            }
            Notice::CannotSave { folder, reason } => {
                let folder = folder.display();
                Text::build(|lang| {
                    let reason = reason.get(lang);
                    tr!(
                        lang,
                        en: "cannot save bookmarks and reading positions in {folder}: {reason}",
                        hans: "无法在 {folder} 保存书签和阅读位置：{reason}",
                        hant: "無法在 {folder} 儲存書籤和閱讀位置：{reason}",
                    )
                })
            }
        }
    }
}

/// In English, for logs and tests.
impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().en())
    }
}

/// Why the state file cannot be used, as the notices say it.
pub(super) fn unreadable(err: &crate::files::ReadError) -> Text {
    err.text()
}

/// Why the state file's JSON cannot be used: where it breaks off or goes wrong.
pub(super) fn unparsable(err: &serde_json::Error) -> Text {
    let (line, column) = (err.line(), err.column());
    if err.is_eof() {
        text!(
            en: "incomplete: it breaks off at line {line}, column {column}",
            hans: "不完整，在第 {line} 行第 {column} 列中断",
            hant: "不完整，在第 {line} 行第 {column} 列中斷",
        )
    } else {
        text!(
            en: "not valid JSON (line {line}, column {column}: {err})",
            hans: "无法解析（第 {line} 行第 {column} 列：{err}）",
            hant: "無法解析（第 {line} 行第 {column} 列：{err}）",
        )
    }
}

/// The state file was written by a newer yuedu.
pub(super) fn newer(version: u32, known: u32) -> Text {
    text!(
        en: "written by a newer yuedu (format {version}; this one reads format {known})",
        hans: "由较新的 yuedu 写入（格式 {version}，这个版本读格式 {known}）",
        hant: "由較新的 yuedu 寫入（格式 {version}，這個版本讀格式 {known}）",
    )
}

/// A damaged file that could not be moved aside either.
pub(super) fn not_moved(reason: &Text, err: &io::Error) -> Text {
    let err = io_error(err);
    Text::build(|lang| {
        let (reason, err) = (reason.get(lang), err.get(lang));
        tr!(
            lang,
            en: "{reason}, and it cannot be moved aside ({err})",
            hans: "{reason}，且无法移开（{err}）",
            hant: "{reason}，且無法移開（{err}）",
        )
    })
}

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot save in {folder}: {source}")]
    Io {
        folder: String,
        #[source]
        source: io::Error,
    },
}

impl StoreError {
    /// Why saving failed, in every language.
    pub fn text(&self) -> Text {
        match self {
            StoreError::Io { folder, source } => {
                let why = io_error(source);
                Text::build(|lang| {
                    let why = why.get(lang);
                    tr!(
                        lang,
                        en: "cannot save in {folder}: {why}",
                        hans: "无法在 {folder} 保存：{why}",
                        hant: "無法在 {folder} 儲存：{why}",
                    )
                })
            }
        }
    }
}
