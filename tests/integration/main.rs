//! The tests of the real binary and of the library's public interface, in
//! one test binary (one link, one process for all of them). The tests whose
//! global allocator counts the heap keep a process of their own
//! (`tests/big_page.rs`).

#[path = "../support/mod.rs"]
mod support;

mod books;
mod bounded;
mod bundled_text;
mod cache;
mod cli;
mod config;
mod context;
mod fuzz;
mod hostile;
mod html_bounded;
mod languages;
mod layers;
mod names;
mod pages;
mod pty;
mod pty_cache;
mod pty_emoji;
mod pty_frames;
mod pty_large_txt;
mod pty_resize;
mod pty_saving;
mod pty_signals;
mod pty_vertical;
mod pty_workers;
mod screenshot;
mod store;
mod verse_corpus;
