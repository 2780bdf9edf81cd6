//! Bookmarks and reading positions on disk: one versioned JSON file in the
//! platform data folder, written atomically under a file lock and merged with
//! what another yuedu wrote meanwhile. A file that cannot be read is set
//! aside, never overwritten.
//!
//! # Design
//!
//! `state.json` in the data folder: `State` (positions, bookmarks, last read, recent queries, the
//! column width, list orders and script chosen while reading) and `Change`s applied to it (`state`;
//! fields a newer build wrote in a file of this version are kept through every save: `Unknown`, a
//! map flattened into the state, each position, each bookmark and the history); `identity`: the key
//! an article's state is saved under (a bundled ID, a file's canonical path — a path that is not
//! UTF-8 keeps its bytes, as `//` and the path with those bytes and `%` written `%XX`, so no two
//! files share a key —, made again when asked for: `ArticleKeys` holds only a sorted list of the
//! keys' hashes with their `ArticleId`s, each batch's merged in from the back), the
//! fingerprint of its text, and the attachments of entries no article holds (format 1 IDs, moved
//! files: only when the old path no longer exists); reading (a BOM allowed; format 1 kept as
//! `state.json.v1`), setting damaged files aside (never by a read-only listing), atomic locked
//! saves that merge with the file on disk and clean up temp files, written through a state file
//! that is a symbolic link to where it points (`file`; what it tells the user in `file/notice`)

mod file;
pub mod identity;
mod state;

pub use file::{Notice, Store, StoreError};
pub use state::{ArticleOrder, Bookmark, Change, HISTORY_LEN, History, Position, QueryKind, State, Unknown, VERSION};
