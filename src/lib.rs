//! yuedu (阅读): a full-screen terminal reader for Chinese articles.
//!
//! The library holds all logic so tests and benchmarks can reach it; the
//! binary (`src/main.rs`) only parses the command line and picks a front end.
//!
//! Laying out an article for a 40-column reading column:
//!
//! ```
//! use yuedu::layout::{Layout, LayoutSettings};
//! use yuedu::library::Library;
//!
//! let library = Library::bundled();
//! let index = library.find("jiaoyu/xuesheng-guanli").expect("a bundled article");
//! let article = &library[index];
//! let layout = Layout::new(&article.body, LayoutSettings::with_width(40));
//! let first = layout.plain_line(&article.body, 0);
//! assert!(first.starts_with("\u{3000}\u{3000}作为老师，"));
//! // Byte offsets map to lines and back: reading positions survive resizes.
//! let offset = layout.offset_of_line(10);
//! assert_eq!(layout.line_at_offset(offset), 10);
//! ```
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub use yuedu_app::app;
pub mod cli;
pub mod commands;
pub use yuedu_app::context;
pub use yuedu_config::config;
pub use yuedu_config::keymap;
pub use yuedu_layout::layout;
use yuedu_library::fault;
pub use yuedu_library::files;
pub use yuedu_library::library;
pub use yuedu_text::i18n;
pub mod memory;
pub use yuedu_app::present;
pub use yuedu_text::parallel;
pub mod print;
pub use yuedu_app::script;
pub use yuedu_search::search;
pub use yuedu_store::store;
pub use yuedu_text::suggest;
pub use yuedu_text::text;
pub mod tui;
pub mod ui;
