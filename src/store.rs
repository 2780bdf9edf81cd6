//! Bookmarks and reading positions on disk: one versioned JSON file in the
//! platform data folder, written atomically under a file lock and merged with
//! what another yuedu wrote meanwhile. A file that cannot be read is set
//! aside, never overwritten.

mod file;
pub mod identity;
mod state;

pub use file::{Notice, Store, StoreError};
pub use state::{ArticleOrder, Bookmark, Change, HISTORY_LEN, History, Position, QueryKind, State, Unknown, VERSION};
