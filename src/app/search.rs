//! Searching: the global search overlay (results as you type) and finding
//! inside the open article (every hit marked, n / N to move between them).

use super::input::TextInput;
use super::{App, ListCursor, Overlay, Pane, Prompt, PromptKind};
use crate::keymap::Command;
use crate::keymap::{Key, KeyCode};
use crate::search::{Query, SearchIndex, SearchResults};

/// Results kept for the list; the count says how many matched in all.
const RESULT_LIMIT: usize = 200;

/// The global search overlay.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GlobalSearch {
    pub input: TextInput,
    pub results: SearchResults,
    pub cursor: ListCursor,
}

impl App {
    /// The search index, folded on first use, with the library it indexes.
    fn index(&mut self) -> (&SearchIndex, &crate::library::Library) {
        let index = self
            .search_index
            .get_or_insert_with(|| SearchIndex::build(&self.library));
        (index, &self.library)
    }

    pub(super) fn open_search(&mut self) {
        self.index();
        self.overlay = Some(Overlay::Search(GlobalSearch::default()));
    }

    /// Rows of results the overlay shows at once (two rows per result).
    pub fn search_rows(&self) -> usize {
        usize::from(super::geometry::overlay_body(self.width, self.height).height / 2).max(1)
    }

    /// Keys in the search overlay: editing keys edit the query; arrows move.
    pub(super) fn search_key(&mut self, key: Key) {
        let rows = self.search_rows();
        let Some(Overlay::Search(search)) = &mut self.overlay else {
            return;
        };
        let len = search.results.hits.len();
        match (key.code, key.ctrl) {
            (KeyCode::Esc, _) | (KeyCode::Char('c'), true) => self.overlay = None,
            (KeyCode::Enter, _) => self.open_search_result(),
            (KeyCode::Down, _) | (KeyCode::Char('n'), true) | (KeyCode::Char('j'), true) => {
                search.cursor.move_by(1, len, rows)
            }
            (KeyCode::Up, _) | (KeyCode::Char('p'), true) | (KeyCode::Char('k'), true) => {
                search.cursor.move_by(-1, len, rows)
            }
            (KeyCode::PageDown, _) => search.cursor.move_by(rows as isize, len, rows),
            (KeyCode::PageUp, _) => search.cursor.move_by(-(rows as isize), len, rows),
            _ => {
                if search.input.edit(key) {
                    self.refresh_search();
                }
            }
        }
    }

    /// Pasted or composed text goes into the query.
    pub(super) fn search_paste(&mut self, text: &str) {
        if let Some(Overlay::Search(search)) = &mut self.overlay {
            search.input.insert(text);
            self.refresh_search();
        }
    }

    /// Runs the query as it stands; the results replace the old ones at once,
    /// so nothing stale is ever shown.
    pub(super) fn refresh_search(&mut self) {
        let pinyin = self.pinyin_initials;
        let Some(Overlay::Search(search)) = &self.overlay else {
            return;
        };
        let query = Query::parse(search.input.text(), pinyin);
        let (index, library) = self.index();
        let results = index.search(library, &query, RESULT_LIMIT);
        if let Some(Overlay::Search(search)) = &mut self.overlay {
            search.results = results;
            search.cursor = ListCursor::default();
        }
    }

    /// Opens the selected result at its first hit, with every hit marked.
    fn open_search_result(&mut self) {
        let pinyin = self.pinyin_initials;
        let Some(Overlay::Search(search)) = self.overlay.take() else {
            return;
        };
        let Some(hit) = search.results.hits.get(search.cursor.selected) else {
            self.overlay = Some(Overlay::Search(search));
            return;
        };
        let query = Query::parse(search.input.text(), pinyin);
        let (index, library) = self.index();
        let hits = index.hits_in(library, hit.article, &query);
        let first = hit.first.as_ref().map(|r| r.start);
        self.open_article(hit.article, Some(first.unwrap_or(0)));
        self.after_geometry_change();
        self.mark_hits(hits, first);
    }

    /// Sets the reader's hits and moves to the first one at or after `from`.
    fn mark_hits(&mut self, hits: Vec<std::ops::Range<usize>>, from: Option<usize>) {
        let page = self.reader_page();
        let Some(reader) = &mut self.reader else { return };
        reader.hits = hits;
        reader.current_hit = None;
        if reader.hits.is_empty() {
            return;
        }
        let from = from.unwrap_or_else(|| reader.offset());
        let index = reader.hits.partition_point(|h| h.start < from) % reader.hits.len();
        reader.show_hit(index, page);
    }

    /// `/`: find in the article when reading, search everything from the lists.
    pub(super) fn find(&mut self) {
        if self.focus == Pane::Reader && self.reader.is_some() {
            self.prompt = Some(Prompt {
                kind: PromptKind::Find,
                input: TextInput::default(),
            });
        } else {
            self.open_search();
        }
    }

    pub(super) fn finish_find(&mut self, text: &str) {
        let Some(article) = self.reader.as_ref().map(|r| r.article) else {
            return;
        };
        let query = Query::parse(text, false);
        let (index, library) = self.index();
        let hits = index.hits_in(library, article, &query);
        if hits.is_empty() && !query.is_empty() {
            self.message = Some(format!("没有找到 {text}"));
        }
        self.mark_hits(hits, None);
    }

    pub(super) fn step_hit(&mut self, command: Command) {
        let page = self.reader_page();
        let Some(reader) = &mut self.reader else { return };
        let count = reader.hits.len();
        if count == 0 {
            self.message = Some("没有查找结果：按 / 查找".into());
            return;
        }
        let current = reader.current_hit.unwrap_or(0);
        let next = match command {
            Command::NextHit if reader.current_hit.is_none() => 0,
            Command::NextHit => (current + 1) % count,
            _ => (current + count - 1) % count,
        };
        let wrapped =
            (command == Command::NextHit && next < current) || (command != Command::NextHit && next > current);
        reader.show_hit(next, page);
        if wrapped {
            self.message = Some("已从另一头继续".into());
        }
    }

    /// Esc in the reader first clears the marked hits.
    pub(super) fn clear_hits(&mut self) -> bool {
        match &mut self.reader {
            Some(reader) if !reader.hits.is_empty() && self.focus == Pane::Reader => {
                reader.hits.clear();
                reader.current_hit = None;
                true
            }
            _ => false,
        }
    }
}
