//! Typesetting: Chinese line breaking by the clreq rules, widths, indent and the centred column, horizontal and vertical.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

use yuedu_config::config;
use yuedu_library::library;
use yuedu_text::{parallel, text};

pub mod layout;
