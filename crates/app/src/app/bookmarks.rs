//! The bookmark list: its order (newest first, or grouped by article), its
//! cursor and the undo slot for the last deletion; the commands it takes
//! (`BookmarkList::handle` moves and decides, `App::bookmark_act` carries
//! out); `ui::bookmarks` draws it with its hints from the keymap.

use super::overlay::Outcome;
use super::{App, ListCursor, Overlay, Pane, Prompt};
use crate::i18n::text;
use crate::keymap::{Command, Scope};
use crate::library::{Body, Library};
use crate::store::identity::ArticleKeys;
use crate::store::{Bookmark, Change, State};

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
    pub fn ordered<'a>(&self, state: &'a State, keys: &ArticleKeys, library: &Library) -> Vec<&'a Bookmark> {
        if self.grouped {
            crate::present::by_article(&state.bookmarks, |article| {
                keys.article(article, library).and_then(|id| library.position(id))
            })
        } else {
            crate::present::newest_first(&state.bookmarks)
        }
    }
}

/// What a command asks of the app, beyond moving the list's cursor
/// (`Outcome::Act`); the Ctrl key bound to quit quits from anywhere
/// (`Outcome::Quit`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Open(Bookmark),
    Delete(Bookmark),
    Restore(Bookmark),
    EditNote(Bookmark),
    /// The order was switched (grouped or not), to be kept in the state.
    Reordered(bool),
}

impl BookmarkList {
    /// Runs `command`, typed with Ctrl or not, on the list of `ordered`
    /// bookmarks that shows `rows` at once. As in less, the quit and help
    /// keys close it.
    pub fn handle(&mut self, command: Command, ctrl: bool, ordered: &[&Bookmark], rows: usize) -> Outcome<Action> {
        let len = ordered.len();
        let mut cursor = ListCursor {
            selected: self.cursor,
            offset: self.offset,
        };
        // Only the bookmark acted on is copied, not the list.
        let selected = ordered.get(cursor.selected).map(|&b| b.clone());
        let action = match command {
            Command::Quit if ctrl => Outcome::Quit,
            Command::Back | Command::Bookmarks | Command::Quit | Command::Help => Outcome::Close,
            Command::LineDown => {
                cursor.move_by(1, len, rows);
                Outcome::Stay
            }
            Command::LineUp => {
                cursor.move_by(-1, len, rows);
                Outcome::Stay
            }
            Command::PageDown | Command::HalfPageDown => {
                cursor.move_by(rows as isize, len, rows);
                Outcome::Stay
            }
            Command::PageUp | Command::HalfPageUp => {
                cursor.move_by(-(rows as isize), len, rows);
                Outcome::Stay
            }
            Command::Top => {
                cursor.select(0, len, rows);
                Outcome::Stay
            }
            Command::Bottom => {
                cursor.select(len, len, rows);
                Outcome::Stay
            }
            Command::CycleOrder => {
                self.grouped = !self.grouped;
                cursor = ListCursor::default();
                Outcome::Act(Action::Reordered(self.grouped))
            }
            Command::Open | Command::FocusRight => selected.map_or(Outcome::Stay, |b| Outcome::Act(Action::Open(b))),
            Command::DeleteBookmark => match selected {
                Some(bookmark) => {
                    self.deleted = Some(bookmark.clone());
                    cursor.select(cursor.selected, len.saturating_sub(1), rows);
                    Outcome::Act(Action::Delete(bookmark))
                }
                None => Outcome::Stay,
            },
            Command::Undo => self
                .deleted
                .take()
                .map_or(Outcome::Stay, |b| Outcome::Act(Action::Restore(b))),
            Command::EditNote => selected.map_or(Outcome::Stay, |b| Outcome::Act(Action::EditNote(b))),
            _ => Outcome::Stay,
        };
        self.cursor = cursor.selected;
        self.offset = cursor.offset;
        action
    }
}

impl App {
    pub(super) fn open_bookmarks(&mut self) {
        if self.focus == Pane::Reader {
            self.leave_article();
        }
        self.overlay = Some(Overlay::Bookmarks(BookmarkList {
            grouped: self.saved.bookmarks_grouped,
            ..BookmarkList::default()
        }));
    }

    /// Bookmarks the list shows at once: two rows each, and when grouped
    /// room for a heading above each.
    pub fn bookmark_rows(&self, grouped: bool) -> usize {
        let per = if grouped { 3 } else { 2 };
        usize::from(super::geometry::overlay_body(self.width, self.height).height / per).max(1)
    }

    /// Carries out what the bookmark list asked for (`Act::Bookmarks`).
    pub(super) fn bookmark_act(&mut self, action: Action) {
        match action {
            Action::Reordered(grouped) => self.save(Change::SetBookmarksGrouped(grouped)),
            Action::Open(bookmark) => match self.article_of_key(&bookmark.article) {
                Some(index) => {
                    self.overlay = None;
                    let back = self.jump_start(index);
                    self.open_article(index, Some(bookmark.offset));
                    self.after_geometry_change();
                    self.jump_end(back);
                }
                None => {
                    let article = &bookmark.article;
                    self.say(text!(
                        en: "a bookmark of no article loaded: {article}",
                        hans: "未关联的书签：{article}",
                        hant: "未關聯的書籤：{article}",
                    ));
                }
            },
            Action::Delete(bookmark) => {
                self.save(Change::DeleteBookmark { id: bookmark.id });
                self.say(match self.keymap.hint(Scope::Lists, Command::Undo) {
                    Some(key) => text!(
                        en: "bookmark deleted ({key} undoes)",
                        hans: "已删除书签（{key} 撤销）",
                        hant: "已刪除書籤（{key} 復原）",
                    ),
                    None => text!(en: "bookmark deleted", hans: "已删除书签", hant: "已刪除書籤"),
                });
            }
            Action::Restore(bookmark) => {
                self.save(Change::RestoreBookmark(bookmark));
                self.say(text!(en: "bookmark restored", hans: "已恢复书签", hant: "已恢復書籤"));
            }
            Action::EditNote(bookmark) => self.prompt = Some(Prompt::edit_note(bookmark.id, &bookmark.note)),
        }
    }
}

/// About 30 字 of text from `offset`, on one line.
pub fn snippet(body: &Body, offset: usize) -> String {
    let start = body.text.floor_char_boundary(offset);
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
        let library = Library::management();
        let body = &library.article_at(1).expect("article").body;
        let s = snippet(body, 0);
        assert_eq!(s.chars().count(), SNIPPET_CHARS);
        assert!(s.starts_with("一个公司营销目标"));
        let near_end = snippet(body, body.text.len() - 3);
        assert!(near_end.chars().count() <= 1);
    }
}
