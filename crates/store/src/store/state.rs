//! What is stored, and the changes a session makes to it. Changes, not whole
//! states, are written: each save applies this session's changes to what is
//! on disk, so two sessions never undo each other's work.

use std::collections::BTreeMap;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::i18n::{Lang, tr};

/// The file format version this build writes and reads.
pub const VERSION: u32 = 2;

/// Fields a newer yuedu wrote in a file of this version that this build does
/// not know: read at every level of the file (the state, a position, a
/// bookmark, the history), kept as they were and written back, so a save
/// here loses nothing a newer build keeps. (A bookmark's ID then goes
/// through a JSON number: any 64-bit one, which every ID made from a time
/// in nanoseconds before the year 2262 is.)
pub type Unknown = BTreeMap<String, serde_json::Value>;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub version: u32,
    /// Reading position per article ID.
    #[serde(default)]
    pub positions: BTreeMap<String, Position>,
    /// Bookmarks, oldest first.
    #[serde(default)]
    pub bookmarks: Vec<Bookmark>,
    /// The article read most recently, for "continue reading".
    #[serde(default)]
    pub last_read: Option<String>,
    /// Recent queries of the search and find boxes.
    #[serde(default)]
    pub history: History,
    /// The reading column's width as last set with `+`/`-`, in terminal
    /// columns; none until it is changed there (the configuration decides).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading_width: Option<usize>,
    /// The bookmark list grouped by article (`o`) rather than newest first.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub bookmarks_grouped: bool,
    /// The article list's order, as last chosen with `o`.
    #[serde(default, skip_serializing_if = "ArticleOrder::is_folder")]
    pub article_order: ArticleOrder,
    /// The script the text was last shown in (`T`): "original",
    /// "simplified" or "traditional"; none until changed (the
    /// configuration decides).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub script: Option<String>,
    /// The direction text was last read in (`V`): "horizontal" or
    /// "vertical"; none until changed (the configuration decides).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub direction: Option<String>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// The order of the article list: as in the folder (natural order of the
/// file paths), by title in pinyin, or the most recently read first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ArticleOrder {
    #[default]
    Folder,
    Title,
    Recent,
}

impl ArticleOrder {
    fn is_folder(&self) -> bool {
        *self == ArticleOrder::Folder
    }

    /// The next order in the cycle.
    pub fn next(self) -> ArticleOrder {
        match self {
            ArticleOrder::Folder => ArticleOrder::Title,
            ArticleOrder::Title => ArticleOrder::Recent,
            ArticleOrder::Recent => ArticleOrder::Folder,
        }
    }

    /// How the list names it.
    pub fn label(self, lang: Lang) -> String {
        match self {
            ArticleOrder::Folder => tr!(lang, en: "by folder", hans: "按文件夹", hant: "按資料夾"),
            ArticleOrder::Title => tr!(lang, en: "by pinyin", hans: "按拼音", hant: "按拼音"),
            ArticleOrder::Recent => tr!(lang, en: "recently read", hans: "按最近阅读", hant: "按最近閱讀"),
        }
    }
}

/// Queries typed into the search (`s`) and find (`/`) boxes, oldest first,
/// each at most once, the last `HISTORY_LEN` of each kind.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    #[serde(default)]
    pub search: Vec<String>,
    #[serde(default)]
    pub find: Vec<String>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// Queries kept per kind.
pub const HISTORY_LEN: usize = 100;
/// Longest query kept, in bytes: longer ones are cut.
const HISTORY_QUERY_BYTES: usize = 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QueryKind {
    Search,
    Find,
}

impl History {
    pub fn of(&self, kind: QueryKind) -> &[String] {
        match kind {
            QueryKind::Search => &self.search,
            QueryKind::Find => &self.find,
        }
    }

    fn remember(&mut self, kind: QueryKind, query: &str) {
        let end = query.floor_char_boundary(HISTORY_QUERY_BYTES);
        let query = query[..end].trim();
        if query.is_empty() {
            return;
        }
        let list = match kind {
            QueryKind::Search => &mut self.search,
            QueryKind::Find => &mut self.find,
        };
        list.retain(|q| q != query);
        list.push(query.to_string());
        let over = list.len().saturating_sub(HISTORY_LEN);
        list.drain(..over);
    }
}

impl Default for State {
    fn default() -> State {
        State {
            version: VERSION,
            positions: BTreeMap::new(),
            bookmarks: Vec::new(),
            last_read: None,
            history: History::default(),
            reading_width: None,
            bookmarks_grouped: false,
            article_order: ArticleOrder::Folder,
            script: None,
            direction: None,
            unknown: Unknown::new(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Byte offset in the article's text of the first line shown.
    pub offset: usize,
    /// How far through the article, 0–100, when it was last left.
    pub percent: u8,
    /// The end of the article was reached at some point.
    pub finished: bool,
    pub updated: Timestamp,
    /// The fingerprint of the article's text (`identity::fingerprint`);
    /// none in format 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<u64>,
    #[serde(flatten)]
    pub unknown: Unknown,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Bookmark {
    /// Unique: creation time in nanoseconds, made unique within the session.
    pub id: i128,
    pub article: String,
    /// Byte offset in the article's text.
    pub offset: usize,
    /// About 30 字 of text from the offset.
    pub snippet: String,
    pub created: Timestamp,
    #[serde(default)]
    pub note: String,
    #[serde(flatten)]
    pub unknown: Unknown,
}

/// One change a session made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    SetPosition {
        article: String,
        position: Position,
    },
    AddBookmark(Bookmark),
    DeleteBookmark {
        id: i128,
    },
    /// Brings a deleted bookmark back (undo).
    RestoreBookmark(Bookmark),
    EditNote {
        id: i128,
        note: String,
    },
    /// Moves everything saved under key `from` to key `to` (an entry found
    /// its article: `identity::attachments`).
    Attach {
        from: String,
        to: String,
    },
    /// A query typed into the search or find box, to walk back to.
    RememberQuery {
        kind: QueryKind,
        query: String,
    },
    /// An article marked read or unread from the list. Read keeps the
    /// position and sets it finished (an article never opened gets one at
    /// its start); unread forgets the position, as if never opened.
    MarkRead {
        article: String,
        read: bool,
        fingerprint: Option<u64>,
        updated: Timestamp,
    },
    /// The reading column's width, set while reading.
    SetReadingWidth(usize),
    /// The bookmark list's order: grouped by article, or newest first.
    SetBookmarksGrouped(bool),
    /// The article list's order.
    SetArticleOrder(ArticleOrder),
    /// The script chosen with `T`, by its name.
    SetScript(String),
    /// The direction chosen with `V`, by its name.
    SetDirection(String),
}

impl State {
    /// Applies a change. Positions keep the newer of two writes; bookmarks are
    /// added once (by ID) and deleted by ID.
    pub fn apply(&mut self, change: &Change) {
        match change {
            Change::SetPosition { article, position } => {
                let newer = self
                    .positions
                    .get(article)
                    .is_none_or(|old| old.updated <= position.updated);
                if newer {
                    let old = self.positions.remove(article);
                    let finished = position.finished || old.as_ref().is_some_and(|p| p.finished);
                    // What a newer build keeps with the position stays with it.
                    let unknown = match old {
                        Some(old) if position.unknown.is_empty() => old.unknown,
                        _ => position.unknown.clone(),
                    };
                    self.positions.insert(
                        article.clone(),
                        Position {
                            finished,
                            unknown,
                            ..position.clone()
                        },
                    );
                }
                let latest = self
                    .last_read
                    .as_ref()
                    .and_then(|id| self.positions.get(id))
                    .is_none_or(|p| p.updated <= position.updated);
                if latest {
                    self.last_read = Some(article.clone());
                }
            }
            Change::AddBookmark(bookmark) | Change::RestoreBookmark(bookmark) => {
                if !self.bookmarks.iter().any(|b| b.id == bookmark.id) {
                    let at = self.bookmarks.partition_point(|b| b.created <= bookmark.created);
                    self.bookmarks.insert(at, bookmark.clone());
                }
            }
            Change::DeleteBookmark { id } => self.bookmarks.retain(|b| b.id != *id),
            Change::EditNote { id, note } => {
                if let Some(bookmark) = self.bookmarks.iter_mut().find(|b| b.id == *id) {
                    bookmark.note = note.clone();
                }
            }
            Change::Attach { from, to } => {
                if let Some(position) = self.positions.remove(from) {
                    let newer_there = self.positions.get(to).is_some_and(|p| p.updated > position.updated);
                    if !newer_there {
                        self.positions.insert(to.clone(), position);
                    }
                }
                for bookmark in self.bookmarks.iter_mut().filter(|b| b.article == *from) {
                    bookmark.article.clone_from(to);
                }
                if self.last_read.as_ref() == Some(from) {
                    self.last_read = Some(to.clone());
                }
            }
            Change::RememberQuery { kind, query } => self.history.remember(*kind, query),
            Change::MarkRead {
                article,
                read: true,
                fingerprint,
                updated,
            } => {
                let position = self.positions.entry(article.clone()).or_insert_with(|| Position {
                    offset: 0,
                    percent: 100,
                    finished: true,
                    updated: *updated,
                    fingerprint: *fingerprint,
                    unknown: Unknown::new(),
                });
                position.finished = true;
            }
            Change::MarkRead {
                article, read: false, ..
            } => {
                self.positions.remove(article);
            }
            Change::SetReadingWidth(width) => self.reading_width = Some(*width),
            Change::SetBookmarksGrouped(grouped) => self.bookmarks_grouped = *grouped,
            Change::SetArticleOrder(order) => self.article_order = *order,
            Change::SetScript(name) => self.script = Some(name.clone()),
            Change::SetDirection(name) => self.direction = Some(name.clone()),
        }
    }
}

#[cfg(test)]
mod tests;
