//! Text hygiene shared by every module: sanitising what comes from files and
//! measuring display width exactly as the terminal buffer does.

mod sanitize;
mod width;

pub use sanitize::{sanitize, sanitize_inline};
pub use width::{AmbiguousWidth, grapheme_width, str_width, truncate_to_width};
