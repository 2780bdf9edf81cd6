//! The library: the article model, the file formats (Markdown, plain text, verse, novels, web pages, EPUB) and loading collections through the article cache.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use yuedu_text::{i18n, parallel, suggest, text};

pub mod fault;
pub mod files;
pub mod library;
