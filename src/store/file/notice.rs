//! What the state file's reader and writer tell the user: a file set aside
//! or left as it is, and saves that cannot be made.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

/// Something the user should be told about their saved state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The file could not be used and was renamed aside.
    SetAside {
        file: PathBuf,
        moved_to: PathBuf,
        reason: String,
    },
    /// Changes cannot be saved (a read-only folder, a full disk).
    CannotSave { folder: PathBuf, reason: String },
    /// The file could not be used and, read-only, was left where it is.
    LeftAsIs { file: PathBuf, reason: String },
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::SetAside { file, moved_to, reason } => write!(
                f,
                "书签和阅读位置文件 {} {reason}；原文件已原样保留为 {}，本次从没有书签和阅读位置开始",
                file.display(),
                moved_to.display()
            ),
            Notice::LeftAsIs { file, reason } => write!(
                f,
                "书签和阅读位置文件 {} {reason}；文件原样保留未改动，不显示书签和阅读位置",
                file.display()
            ),
            Notice::CannotSave { folder, reason } => {
                write!(f, "无法在 {} 保存书签和阅读位置：{reason}", folder.display())
            }
        }
    }
}

/// Why the state file cannot be used, as the notices say it.
pub(super) fn unreadable(err: &crate::files::ReadError) -> String {
    use crate::files::ReadError;
    match err {
        ReadError::NotRegular => "不是普通文件（是文件夹、管道或设备）".to_string(),
        ReadError::TooLarge(limit) => format!("超过 {} MB，未读取", limit >> 20),
        ReadError::Io(err) => format!("无法读取（{err}）"),
    }
}

/// Why the state file's JSON cannot be used: where it breaks off or goes wrong.
pub(super) fn unparsable(err: &serde_json::Error) -> String {
    let (line, column) = (err.line(), err.column());
    if err.is_eof() {
        format!("不完整，在第 {line} 行第 {column} 列中断")
    } else {
        format!("无法解析（第 {line} 行第 {column} 列：{err}）")
    }
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
