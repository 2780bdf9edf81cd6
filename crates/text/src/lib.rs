//! Text as the terminal shows it: display widths, sanitising, pinyin readings, messages in three languages, did-you-mean and the worker pool. The lowest layer: it knows nothing of the others.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod i18n;
pub mod parallel;
pub mod suggest;
pub mod text;
