//! Search across articles and inside one: folding, pinyin, variant characters, fields and ranking.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use yuedu_library::library;
use yuedu_text::{parallel, text};

pub mod search;
