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
//! let article = &library.articles()[index];
//! let layout = Layout::new(&article.body, LayoutSettings::with_width(40));
//! let first = layout.plain_line(&article.body, 0);
//! assert!(first.starts_with("\u{3000}\u{3000}作为老师，"));
//! // Byte offsets map to lines and back: reading positions survive resizes.
//! let offset = layout.offset_of_line(10);
//! assert_eq!(layout.line_at_offset(offset), 10);
//! ```
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
mod fault;
pub mod files;
pub mod i18n;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod memory;
pub mod parallel;
pub mod present;
pub mod print;
pub mod script;
pub mod search;
pub mod store;
pub mod suggest;
pub mod text;
pub mod tui;
pub mod ui;
