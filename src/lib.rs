//! yuedu (阅读): a full-screen terminal reader for Chinese articles.
//!
//! The library holds all logic so tests and benchmarks can reach it; the
//! binary (`src/main.rs`) only parses the command line and picks a front end.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod app;
pub mod cli;
pub mod config;
pub mod layout;
pub mod library;
pub mod print;
pub mod text;
pub mod tui;
pub mod ui;
