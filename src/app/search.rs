//! Searching: the global search overlay (results as you type) and finding
//! inside the open article (every hit marked, n / N to move between them).

use super::input::TextInput;
use super::overlay::{Outcome, OverlayInput};
use super::{App, ListCursor, Overlay, Pane, Prompt, PromptKind};
use crate::keymap::{Command, Context};
use crate::search::{Query, SearchIndex, SearchResults};
use crate::store::{Change, QueryKind};

/// Results kept for the list; the count says how many matched in all.
const RESULT_LIMIT: usize = 200;

/// The global search overlay.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GlobalSearch {
    pub input: TextInput,
    pub results: SearchResults,
    pub cursor: ListCursor,
}

/// What the search overlay asks of the app (`Outcome::Act`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchAct {
    /// Open the selected result.
    Open,
    /// The query was edited: search again.
    Edited,
}

impl GlobalSearch {
    /// One input, in a list that shows `rows` results at once.
    pub fn handle(&mut self, input: OverlayInput, rows: usize) -> Outcome<SearchAct> {
        let len = self.results.hits.len();
        let step = |cursor: &mut ListCursor, by: isize| {
            cursor.move_by(by, len, rows);
            Outcome::Stay
        };
        match input {
            OverlayInput::Command(Command::Back, _) => Outcome::Close,
            OverlayInput::Command(Command::Open, _) => Outcome::Act(SearchAct::Open),
            OverlayInput::Command(Command::LineDown, _) => step(&mut self.cursor, 1),
            OverlayInput::Command(Command::LineUp, _) => step(&mut self.cursor, -1),
            OverlayInput::Command(Command::PageDown, _) => step(&mut self.cursor, rows as isize),
            OverlayInput::Command(Command::PageUp, _) => step(&mut self.cursor, -(rows as isize)),
            OverlayInput::Command(..) => Outcome::Stay,
            OverlayInput::Edit(key) if self.input.edit(key) => Outcome::Act(SearchAct::Edited),
            OverlayInput::Edit(_) => Outcome::Stay,
        }
    }
}

/// What searching remembers between one opening of a box and the next.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchMemory {
    /// The overlay as it was last left, for `s` and for coming back to it.
    last: Option<GlobalSearch>,
    /// The ID of the article opened from the results: Esc there goes back to them.
    opened: Option<String>,
    /// Where the reader was when `/` was pressed: hits are looked for from
    /// there as the query is typed, and a cancelled find goes back there.
    find_from: Option<usize>,
    /// The history entry shown while Up/Down walk the history of the open box.
    walking: Option<usize>,
}

impl App {
    /// The search index, with the library it indexes: built here on first use
    /// for the articles read before the reader started; batches read in the
    /// background bring their own part.
    pub(super) fn index(&mut self) -> (&SearchIndex, &crate::library::Library) {
        let index = self
            .search_index
            .get_or_insert_with(|| SearchIndex::build(&self.library));
        (index, &self.library)
    }

    /// Opens the overlay with the last query, selected: typing replaces it.
    pub(super) fn open_search(&mut self) {
        self.reopen_search(true);
    }

    /// Opens the overlay as it was last left, its results found again (the
    /// library may have grown) with the same selection and scroll.
    fn reopen_search(&mut self, select_query: bool) {
        self.search_memory.walking = None;
        // Nothing searched yet in this session: the last query of the history.
        let remembered = || GlobalSearch {
            input: TextInput::with_text(self.saved.history.search.last().map_or("", String::as_str)),
            ..GlobalSearch::default()
        };
        let Some(mut last) = self
            .search_memory
            .last
            .clone()
            .or_else(|| (select_query && !self.saved.history.search.is_empty()).then(remembered))
        else {
            self.index();
            self.overlay = Some(Overlay::Search(GlobalSearch::default()));
            return;
        };
        if select_query {
            last.input.select_all();
        }
        let cursor = last.cursor;
        self.overlay = Some(Overlay::Search(last));
        self.refresh_search();
        let rows = self.search_rows();
        if let Some(Overlay::Search(search)) = &mut self.overlay {
            let len = search.results.hits.len();
            search.cursor.offset = cursor.offset.min(len.saturating_sub(1));
            search.cursor.select(cursor.selected, len, rows);
        }
    }

    /// Esc in an article opened from the results goes back to them.
    pub(super) fn back_to_results(&mut self) -> bool {
        let current = self
            .reader
            .as_ref()
            .map(|r| self.library.articles()[r.article].id.as_str());
        if self.focus != Pane::Reader || current.is_none() || current != self.search_memory.opened.as_deref() {
            return false;
        }
        self.search_memory.opened = None;
        self.reopen_search(false);
        true
    }

    /// Keeps the overlay for next time and its query in the history.
    fn leave_search(&mut self) {
        let Some(Overlay::Search(search)) = self.overlay.take() else {
            return;
        };
        self.remember_query(QueryKind::Search, search.input.text());
        self.search_memory.last = Some(search);
    }

    fn remember_query(&mut self, kind: QueryKind, query: &str) {
        if !query.trim().is_empty() {
            self.save(Change::RememberQuery {
                kind,
                query: query.to_string(),
            });
        }
    }

    /// Up/Down in an empty box (or one showing a history entry) step through
    /// the history of that box: Up to older queries, Down back to newer and
    /// then to an empty box. Returns whether the input was taken.
    pub(super) fn walk_history(&mut self, kind: QueryKind, input: OverlayInput) -> bool {
        let older = match input {
            OverlayInput::Command(Command::LineUp, _) => true,
            OverlayInput::Command(Command::LineDown, _) => false,
            _ => {
                self.search_memory.walking = None;
                return false;
            }
        };
        let input = match (&mut self.overlay, &mut self.prompt) {
            (_, Some(prompt)) => &mut prompt.input,
            (Some(Overlay::Search(search)), None) => &mut search.input,
            _ => return false,
        };
        let history = self.saved.history.of(kind);
        let walking = self.search_memory.walking;
        let shown = walking.and_then(|at| history.get(at));
        if !(input.text().is_empty() || shown.is_some_and(|q| q == input.text())) || history.is_empty() {
            return false;
        }
        let next = match (walking, older) {
            (None, true) => Some(history.len() - 1),
            (None, false) => return !input.text().is_empty(),
            (Some(at), true) => Some(at.saturating_sub(1)),
            (Some(at), false) => (at + 1 < history.len()).then_some(at + 1),
        };
        *input = TextInput::with_text(next.and_then(|at| history.get(at)).map_or("", String::as_str));
        self.search_memory.walking = next;
        true
    }

    /// Rows of results the overlay shows at once (two rows per result).
    pub fn search_rows(&self) -> usize {
        usize::from(super::geometry::overlay_body(self.width, self.height).height / 2).max(1)
    }

    /// An input in the search overlay: Up/Down in an empty box walk the
    /// history; otherwise the overlay moves, edits or asks to open a result.
    pub(super) fn search_input(&mut self, input: OverlayInput) {
        if self.walk_history(QueryKind::Search, input) {
            self.refresh_search();
            return;
        }
        let rows = self.search_rows();
        let Some(Overlay::Search(search)) = &mut self.overlay else {
            return;
        };
        match search.handle(input, rows) {
            Outcome::Stay => {}
            Outcome::Close => self.leave_search(),
            Outcome::Quit => self.run(Command::Quit),
            Outcome::Act(SearchAct::Open) => self.open_search_result(),
            Outcome::Act(SearchAct::Edited) => self.refresh_search(),
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
        let Some(Overlay::Search(search)) = &self.overlay else {
            return;
        };
        let Some(hit) = search.results.hits.get(search.cursor.selected).cloned() else {
            return;
        };
        let query = Query::parse(search.input.text(), pinyin);
        self.leave_search();
        let (index, library) = self.index();
        let hits = index.hits_in(library, hit.article, &query);
        self.search_memory.opened = Some(library.articles()[hit.article].id.to_string());
        let first = hit.first.as_ref().map(|r| r.start);
        let back = self.jump_start(hit.article);
        self.open_article(hit.article, Some(first.unwrap_or(0)));
        self.after_geometry_change();
        self.mark_hits(hits, first);
        self.jump_end(back);
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
        let body = &self.library.articles()[reader.article].body;
        reader.show_hit(body, index, page);
    }

    /// `/`: find in the article when reading, search everything from the lists.
    pub(super) fn find(&mut self) {
        if let Some(reader) = self.reader.as_ref().filter(|_| self.focus == Pane::Reader) {
            self.search_memory.find_from = Some(reader.offset());
            self.search_memory.walking = None;
            self.prompt = Some(Prompt {
                kind: PromptKind::Find,
                input: TextInput::default(),
            });
        } else {
            self.open_search();
        }
    }

    /// The find prompt's text marked in the article, as it is typed or pasted.
    pub(super) fn mark_find_hits(&mut self) {
        if let Some(prompt) = &self.prompt {
            let text = prompt.input.text().to_string();
            let hits = self.find_hits(&text);
            self.mark_hits(hits, self.search_memory.find_from);
        }
    }

    /// Esc in the find prompt: no marks, and back where the find started.
    pub(super) fn cancel_find(&mut self) {
        let page = self.reader_page();
        let from = self.search_memory.find_from.take();
        if let Some(reader) = &mut self.reader {
            reader.hits.clear();
            reader.current_hit = None;
            if let Some(from) = from {
                let body = &self.library.articles()[reader.article].body;
                reader.scroll_to_offset(body, from, page);
            }
        }
    }

    /// The hits of `text` in the open article: through the index once it is
    /// built, else folding the article on the spot (no index for one article).
    fn find_hits(&mut self, text: &str) -> Vec<std::ops::Range<usize>> {
        let Some(article) = self.reader.as_ref().map(|r| r.article) else {
            return Vec::new();
        };
        let query = Query::parse(text, false);
        match &self.search_index {
            Some(index) => index.hits_in(&self.library, article, &query),
            None => SearchIndex::hits_in_text(&self.library.articles()[article].body.text, &query),
        }
    }

    pub(super) fn finish_find(&mut self, text: &str) {
        self.remember_query(QueryKind::Find, text);
        let query = Query::parse(text, false);
        let hits = self.find_hits(text);
        if hits.is_empty() && !query.is_empty() {
            self.message = Some(format!("没有找到 {text}"));
        }
        let from = self.search_memory.find_from.take();
        self.mark_hits(hits, from);
    }

    pub(super) fn step_hit(&mut self, command: Command) {
        let page = self.reader_page();
        let Some(reader) = &mut self.reader else { return };
        let count = reader.hits.len();
        if count == 0 {
            self.message = Some(match self.keymap.hint(Context::Reader, Command::Find) {
                Some(key) => format!("没有查找结果：按 {key} 查找"),
                None => "没有查找结果".to_string(),
            });
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
        let body = &self.library.articles()[reader.article].body;
        reader.show_hit(body, next, page);
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
