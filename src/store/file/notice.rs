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
                "{} {reason}; it was moved to {} and yuedu starts with no bookmarks or positions",
                file.display(),
                moved_to.display()
            ),
            Notice::LeftAsIs { file, reason } => write!(
                f,
                "{} {reason}; it was left as it is and no bookmarks or positions are shown",
                file.display()
            ),
            Notice::CannotSave { folder, reason } => {
                write!(
                    f,
                    "bookmarks and positions cannot be saved in {}: {reason}",
                    folder.display()
                )
            }
        }
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
