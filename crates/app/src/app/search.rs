//! Searching the collection: the global search overlay (results as you
//! type, Up/Down in an empty box walk the history), what it remembers
//! between openings, and marking a result's hits in the reader. Finding
//! inside the open article is `find`.

use super::history::HistoryWalk;
use super::input::TextInput;
use super::overlay::{Outcome, OverlayInput};
use super::working::FindFor;
use super::{App, ListCursor, Overlay, Pane};
use crate::keymap::Command;
use crate::library::ArticleId;
use crate::search::{Query, SearchResults};
use crate::store::{Change, QueryKind};

/// The global search overlay.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GlobalSearch {
    pub input: TextInput,
    pub results: SearchResults,
    pub cursor: ListCursor,
    /// The history entry shown, while Up/Down walk it.
    walk: HistoryWalk,
    /// The selection to show again once the results of the query arrive
    /// (the overlay reopened as it was left).
    restore: Option<ListCursor>,
    /// Open was pressed before the results of the query arrived: the
    /// selected one opens when they do.
    pub(super) open_when_found: bool,
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
    /// One input, in a list that shows `rows` results at once, with the
    /// search history (oldest first): Up/Down in an empty box walk it;
    /// otherwise the overlay moves, edits or asks to open a result.
    pub fn handle(&mut self, input: OverlayInput, rows: usize, history: &[String]) -> Outcome<SearchAct> {
        if self.walk.step(input, &mut self.input, history) {
            return Outcome::Act(SearchAct::Edited);
        }
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
    pub(super) find_from: Option<usize>,
}

impl App {
    /// Opens the overlay with the last query, selected: typing replaces it.
    pub(super) fn open_search(&mut self) {
        self.reopen_search(true);
    }

    /// Opens the overlay as it was last left, its results found again (the
    /// library may have grown) with the same selection and scroll.
    fn reopen_search(&mut self, select_query: bool) {
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
            self.overlay = Some(Overlay::Search(GlobalSearch::default()));
            // The index is built now, off this thread, if it is not yet.
            self.prepare_search();
            return;
        };
        last.walk = HistoryWalk::default();
        if select_query {
            last.input.select_all();
        }
        last.restore = Some(last.cursor);
        last.open_when_found = false;
        self.overlay = Some(Overlay::Search(last));
        self.refresh_search();
    }

    /// Esc in an article opened from the results goes back to them.
    pub(super) fn back_to_results(&mut self) -> bool {
        let current = self.reader.as_ref().map(|r| self.library[r.article].id.as_str());
        if self.focus != Pane::Reader || current.is_none() || current != self.search_memory.opened.as_deref() {
            return false;
        }
        self.search_memory.opened = None;
        self.reopen_search(false);
        true
    }

    /// Keeps the overlay for next time and its query in the history.
    pub(super) fn leave_search(&mut self) {
        let Some(Overlay::Search(search)) = self.overlay.take() else {
            return;
        };
        self.remember_query(QueryKind::Search, search.input.text());
        self.search_memory.last = Some(search);
    }

    pub(super) fn remember_query(&mut self, kind: QueryKind, query: &str) {
        if !query.trim().is_empty() {
            self.save(Change::RememberQuery {
                kind,
                query: query.to_string(),
            });
        }
    }

    /// Rows of results the overlay shows at once (two rows per result).
    pub fn search_rows(&self) -> usize {
        usize::from(super::geometry::overlay_body(self.width, self.height).height / 2).max(1)
    }

    /// Carries out what the search overlay asked for (`Act::Search`).
    pub(super) fn search_act(&mut self, act: SearchAct) {
        match act {
            SearchAct::Open => self.open_search_result(),
            SearchAct::Edited => self.refresh_search(),
        }
    }

    /// Pasted or composed text goes into the query.
    pub(super) fn search_paste(&mut self, text: &str) {
        if let Some(Overlay::Search(search)) = &mut self.overlay {
            search.input.insert(text);
            self.refresh_search();
        }
    }

    /// Runs the query as it stands, off this thread (`Job`): its results
    /// replace the old ones when they arrive (`take_results`), unless the
    /// query changed again meanwhile. An empty query has none, at once.
    pub(super) fn refresh_search(&mut self) {
        let pinyin = self.pinyin_initials;
        let Some(Overlay::Search(search)) = &mut self.overlay else {
            return;
        };
        let query = Query::parse(search.input.text(), pinyin);
        if query.is_empty() {
            search.open_when_found = false;
            self.awaited.set_search(None);
            self.take_results(SearchResults::default());
            return;
        }
        let recent = self.history_times();
        self.ask_search(query, recent);
    }

    /// The results of the query in the box: the list starts at the top, or
    /// where it was left when the overlay was opened again; what Open
    /// waited for opens.
    pub(super) fn take_results(&mut self, results: SearchResults) {
        let rows = self.search_rows();
        let Some(Overlay::Search(search)) = &mut self.overlay else {
            return;
        };
        search.results = results;
        search.cursor = ListCursor::default();
        if let Some(cursor) = search.restore.take() {
            let len = search.results.hits.len();
            search.cursor.offset = cursor.offset.min(len.saturating_sub(1));
            search.cursor.select(cursor.selected, len, rows);
        }
        if std::mem::take(&mut search.open_when_found) {
            self.open_search_result();
        }
    }

    /// When the reader last read or bookmarked each article (nanoseconds),
    /// by article: results that rank alike come most recent first.
    fn history_times(&self) -> std::collections::HashMap<ArticleId, i128> {
        let mut times = std::collections::HashMap::new();
        let positions = self.saved.positions.iter().map(|(key, p)| (key.as_str(), p.updated));
        let bookmarks = self.saved.bookmarks.iter().map(|b| (b.article.as_str(), b.created));
        for (key, at) in positions.chain(bookmarks) {
            if let Some(article) = self.article_of_key(key) {
                let at = at.as_nanosecond();
                times
                    .entry(article)
                    .and_modify(|t: &mut i128| *t = (*t).max(at))
                    .or_insert(at);
            }
        }
        times
    }

    /// Opens the selected result at its first hit, with every hit marked.
    fn open_search_result(&mut self) {
        let pinyin = self.pinyin_initials;
        let awaited = self.awaited.search().is_some();
        let Some(Overlay::Search(search)) = &mut self.overlay else {
            return;
        };
        if awaited {
            // The results shown are an older query's: open what this one finds.
            search.open_when_found = true;
            return;
        }
        let Some(hit) = search.results.hits.get(search.cursor.selected).cloned() else {
            return;
        };
        let text = search.input.text().to_string();
        self.leave_search();
        self.search_memory.opened = Some(self.library[hit.article].id.to_string());
        let first = hit.first.as_ref().map(|r| r.start);
        let back = self.jump_start(hit.article);
        self.open_article(hit.article, Some(first.unwrap_or(0)));
        self.after_geometry_change();
        self.jump_end(back);
        // Every hit in the article is found off this thread (a long text
        // takes more than a frame) and marked when found: the first, where
        // the article opened, is on screen already.
        self.ask_find(FindFor::Opened { text, pinyin, first });
    }

    /// Sets the reader's hits and moves to the first one at or after `from`.
    pub(super) fn mark_hits(&mut self, hits: Vec<std::ops::Range<usize>>, from: Option<usize>) {
        let page = self.reader_page();
        let Some(reader) = &mut self.reader else { return };
        reader.hits = hits;
        reader.current_hit = None;
        if reader.hits.is_empty() {
            return;
        }
        let from = from.unwrap_or_else(|| reader.offset());
        let index = reader.hits.partition_point(|h| h.start < from) % reader.hits.len();
        let body = &self.library[reader.article].body;
        reader.show_hit(body, index, page);
    }
}
