//! What yuedu remembers on disk: reading positions, bookmarks, history and settings chosen in the reader.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use yuedu_library::{files, library};
use yuedu_text::{i18n, text};

pub mod store;
