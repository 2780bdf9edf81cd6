//! Settings and key bindings: the embedded `config/default.toml`, the user file, checked with file, line and setting in every message.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use yuedu_library::{files, library};
use yuedu_text::{i18n, suggest, text};

pub mod config;
pub mod keymap;
