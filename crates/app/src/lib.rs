//! The reader as a state machine (`App::handle(Input) -> Vec<Effect>`), and the context the reader and the command line share: loading, settings and places.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use yuedu_config::{config, keymap};
use yuedu_layout::layout;
use yuedu_library::{fault, files, library};
use yuedu_search::search;
use yuedu_store::store;
use yuedu_text::{i18n, text};

pub mod app;
pub mod context;
pub mod present;
pub mod script;
