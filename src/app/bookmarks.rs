//! The bookmark list: its order (newest first, or grouped by article), its
//! cursor and the undo slot for the last deletion.

use crate::library::{Body, Library};
use crate::store::identity::Keys;
use crate::store::{Bookmark, State};

/// Characters of text a bookmark keeps from its spot (about 30 字).
const SNIPPET_CHARS: usize = 30;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BookmarkList {
    pub cursor: usize,
    /// First row shown.
    pub offset: usize,
    /// Grouped by article (in library order) instead of newest first.
    pub grouped: bool,
    /// The last deleted bookmark, for `undo`.
    pub deleted: Option<Bookmark>,
}

impl BookmarkList {
    /// The bookmarks in display order.
    pub fn ordered<'a>(&self, state: &'a State, keys: &Keys, library: &Library) -> Vec<&'a Bookmark> {
        if self.grouped {
            crate::present::by_article(&state.bookmarks, |article| keys.article(article, library))
        } else {
            crate::present::newest_first(&state.bookmarks)
        }
    }
}

/// About 30 字 of text from `offset`, on one line.
pub fn snippet(body: &Body, offset: usize) -> String {
    let mut start = offset.min(body.text.len());
    while !body.text.is_char_boundary(start) {
        start -= 1;
    }
    let text: String = body.text[start..]
        .chars()
        .skip_while(|c| c.is_whitespace())
        .map(|c| if c == '\n' { ' ' } else { c })
        .take(SNIPPET_CHARS)
        .collect();
    text.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_take_about_thirty_characters_on_one_line() {
        let library = Library::bundled();
        let body = &library.articles()[1].body;
        let s = snippet(body, 0);
        assert_eq!(s.chars().count(), SNIPPET_CHARS);
        assert!(s.starts_with("一个公司营销目标"));
        let near_end = snippet(body, body.text.len() - 3);
        assert!(near_end.chars().count() <= 1);
    }
}
