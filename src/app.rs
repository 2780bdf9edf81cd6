//! The application state machine: inputs in, state changes and effects out.
//! Knows nothing about the terminal; `ui` draws it and `tui` feeds it.

pub mod bookmarks;
pub mod contents;
pub mod geometry;
mod goto;
pub mod help;
pub mod input;
mod listing;
pub mod marks;
mod navigation;
mod notices;
pub mod prompt;
mod reader;
pub mod search;
mod unread;

use bookmarks::BookmarkList;
use geometry::Screen;
pub use prompt::{Prompt, PromptKind};
pub use reader::{Reader, Row};

use crate::keymap::{Command, Context, Key, Keymap, Resolution};
use crate::layout::LayoutSettings;
use crate::library::Library;
use crate::store::{Change, State};
use crate::text::AmbiguousWidth;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Categories,
    Articles,
    Reader,
}

/// What happened, in terms the state machine understands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    Key(Key),
    /// Text pasted (or committed by an input method) in one piece.
    Paste(String),
    Resize {
        width: u16,
        height: u16,
    },
    /// Mouse wheel at a position; `down` scrolls towards the end.
    Wheel {
        x: u16,
        y: u16,
        down: bool,
    },
    Click {
        x: u16,
        y: u16,
    },
    /// More articles, read in the background, with their search index
    /// (see `Input::loaded`).
    Loaded(crate::library::Batch, crate::search::SearchIndex),
}

impl Input {
    /// A batch read in the background, with its search index built where it
    /// was read, so that the UI thread only merges it in.
    pub fn loaded(batch: crate::library::Batch) -> Input {
        let index = crate::search::SearchIndex::build_from(&batch.articles, true);
        Input::Loaded(batch, index)
    }
}

/// What the runtime must do after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save a change to bookmarks or reading positions.
    Save(Change),
    Quit,
}

pub use crate::layout::ReadingSettings;

/// Selection and scroll offset of a list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    /// The first item shown.
    pub offset: usize,
}

impl ListCursor {
    pub fn select(&mut self, index: usize, len: usize, visible: usize) {
        self.selected = index.min(len.saturating_sub(1));
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        self.offset = self.offset.min(len.saturating_sub(visible));
    }

    pub fn move_by(&mut self, delta: isize, len: usize, visible: usize) {
        self.select(self.selected.saturating_add_signed(delta), len, visible);
    }
}

/// A window over the panes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help(help::PageScroll),
    /// Every notice and skipped file (`notices`).
    Notices(help::PageScroll),
    Bookmarks(BookmarkList),
    Search(search::GlobalSearch),
    /// The open article's table of contents.
    Contents(contents::Contents),
}

pub struct App {
    pub(crate) library: Library,
    pub(crate) keymap: Keymap,
    pub(crate) settings: ReadingSettings,
    pub(crate) width: u16,
    pub(crate) height: u16,
    pub(crate) focus: Pane,
    pub(crate) focus_mode: bool,
    pub(crate) overlay: Option<Overlay>,
    pub(crate) prompt: Option<Prompt>,
    /// A one-off message for the status line, cleared by the next key.
    pub(crate) message: Option<String>,
    pub(crate) categories: ListCursor,
    /// Cursor in the article list of the selected category.
    pub(crate) articles: ListCursor,
    /// The selected category's articles in the order chosen (`listing`).
    listing: listing::Listing,
    pub(crate) reader: Option<Reader>,
    /// Bookmarks and reading positions, as this session knows them.
    pub(crate) saved: State,
    /// The key each article's state is saved under.
    keys: crate::store::identity::Keys,
    /// The last jump (from search or a bookmark), until `jump_back`.
    jump: Option<marks::Jump>,
    /// Keys of an unfinished chord.
    pub(crate) pending: Vec<Key>,
    /// A count typed before a command in the reader (`50%`, `120G`).
    pub(crate) count: Option<usize>,
    /// Let ASCII-letter queries match titles by pinyin initials.
    pub(crate) pinyin_initials: bool,
    /// Folded texts for searching, built on first use.
    search_index: Option<crate::search::SearchIndex>,
    /// The last search, the article opened from it, the history being walked.
    search_memory: search::SearchMemory,
    /// Files read so far and in all, while a large collection loads.
    pub(crate) loading: Option<(usize, usize)>,
    /// Notices that stay until dismissed.
    notices: notices::Notices,
    effects: Vec<Effect>,
    /// The characters the reader shows the text in.
    script: crate::script::Script,
}

impl App {
    pub fn new(library: Library, keymap: Keymap, settings: ReadingSettings, width: u16, height: u16) -> App {
        let keys = crate::store::identity::Keys::new(&library);
        App {
            library,
            keymap,
            settings,
            width,
            height,
            focus: Pane::Categories,
            focus_mode: false,
            overlay: None,
            prompt: None,
            message: None,
            categories: ListCursor::default(),
            articles: ListCursor::default(),
            listing: listing::Listing::default(),
            reader: None,
            saved: State::default(),
            keys,
            jump: None,
            pending: Vec::new(),
            count: None,
            pinyin_initials: true,
            search_index: None,
            search_memory: search::SearchMemory::default(),
            loading: None,
            notices: notices::Notices::default(),
            effects: Vec::new(),
            script: crate::script::Script::Original,
        }
    }

    /// The collection being read.
    pub fn library(&self) -> &Library {
        &self.library
    }

    /// The screen's size: (width, height).
    pub fn size(&self) -> (u16, u16) {
        (self.width, self.height)
    }

    /// Lets ASCII-letter queries match titles by pinyin initials (or not).
    pub fn set_pinyin_initials(&mut self, on: bool) {
        self.pinyin_initials = on;
    }

    /// Which characters the reader shows the text in.
    pub fn script(&self) -> crate::script::Script {
        self.script
    }

    pub fn set_script(&mut self, script: crate::script::Script) {
        self.script = script;
    }

    pub fn screen(&self) -> Screen {
        self.screen_with_reader(self.reader.is_some())
    }

    /// The panes with the reader open or not; the reader's page and column
    /// are measured as they are once it is open, also while it opens.
    fn screen_with_reader(&self, reader_open: bool) -> Screen {
        Screen::new(
            self.width,
            self.height,
            self.focus,
            self.focus_mode,
            reader_open,
            self.settings.max_width,
        )
    }

    /// Library indices of the selected category's articles.
    pub fn category_articles(&self) -> std::ops::Range<usize> {
        self.library
            .categories()
            .get(self.categories.selected)
            .map_or(0..0, |c| c.articles.clone())
    }

    /// The article under the cursor in the article list.
    pub fn selected_article(&self) -> Option<usize> {
        self.listed_article(self.articles.selected)
    }

    /// Lines of text the reader shows at once.
    pub fn reader_page(&self) -> usize {
        self.screen_with_reader(true)
            .reader
            .map_or(1, |pane| usize::from(pane.height).max(1))
    }

    /// Layout settings for the reader pane at the current size.
    pub fn layout_settings(&self) -> LayoutSettings {
        let width = self
            .screen_with_reader(true)
            .reader
            .map_or(usize::from(self.width), |pane| {
                usize::from(geometry::reading_column(pane, self.settings.max_width).width)
            });
        LayoutSettings {
            width,
            indent: self.settings.indent,
            paragraph_spacing: self.settings.paragraph_spacing,
            ambiguous: self.settings.ambiguous,
        }
    }

    /// Applies one input and returns what the runtime must do.
    pub fn handle(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Key(key) => {
                self.message = None;
                if self.prompt.is_some() {
                    self.prompt_key(key);
                } else if matches!(self.overlay, Some(Overlay::Search(_))) {
                    self.search_key(key);
                } else if matches!(self.overlay, Some(Overlay::Contents(_))) {
                    self.contents_key(key);
                } else {
                    self.handle_key(key);
                }
                self.say_if_cut();
            }
            Input::Paste(text) => {
                if let Some(prompt) = &mut self.prompt {
                    prompt.input.insert(&text);
                    if prompt.kind == PromptKind::Find {
                        self.find_paste();
                    }
                } else {
                    self.search_paste(&text);
                }
                self.say_if_cut();
            }
            Input::Resize { width, height } => {
                self.width = width;
                self.height = height;
                self.after_geometry_change();
            }
            Input::Wheel { x, y, down } => self.wheel(x, y, down),
            Input::Click { x, y } => self.click(x, y),
            Input::Loaded(batch, index) => self.add_articles(batch, index),
        }
        self.refresh_listing();
        std::mem::take(&mut self.effects)
    }

    fn handle_key(&mut self, key: Key) {
        let context = match (&self.overlay, self.focus) {
            (Some(Overlay::Bookmarks(_)), _) => Context::Lists,
            (_, Pane::Reader) => Context::Reader,
            _ => Context::Lists,
        };
        let resolution = self.keymap.resolve(context, &self.pending, key);
        if resolution == Resolution::Unbound && self.pending.is_empty() && self.count_digit(context, key) {
            return;
        }
        let count = self.count.take();
        match resolution {
            Resolution::Pending => {
                self.count = count;
                self.pending.push(key);
            }
            Resolution::Command(command) => {
                self.pending.clear();
                if matches!(self.overlay, Some(Overlay::Help(_) | Overlay::Notices(_))) {
                    self.page_command(command, key.ctrl);
                } else if self.closes_overlay(command, key) {
                    self.overlay = None;
                } else if !self.run_counted(command, count) {
                    self.run(command);
                }
            }
            Resolution::Unbound => {
                // An unfinished chord followed by another key: try that key alone.
                if !self.pending.is_empty() {
                    self.pending.clear();
                    self.handle_key(key);
                }
            }
        }
    }

    /// Whether `command`, typed as `key`, closes the bookmark list: as in
    /// less, the quit and help keys close it; a Ctrl chord bound to quit
    /// still quits from anywhere.
    fn closes_overlay(&self, command: Command, key: Key) -> bool {
        match (&self.overlay, command) {
            (Some(Overlay::Bookmarks(_)), Command::Quit) => !key.ctrl,
            (Some(Overlay::Bookmarks(_)), Command::Help) => true,
            _ => false,
        }
    }

    /// Runs one command as if its key was pressed.
    pub fn command(&mut self, command: Command) -> Vec<Effect> {
        self.run(command);
        self.refresh_listing();
        std::mem::take(&mut self.effects)
    }

    fn run(&mut self, command: Command) {
        if command == Command::Quit {
            self.leave_article();
            self.effects.push(Effect::Quit);
            return;
        }
        match &self.overlay {
            Some(Overlay::Help(_) | Overlay::Notices(_)) => {
                self.page_command(command, false);
                return;
            }
            Some(Overlay::Bookmarks(_)) => {
                self.run_in_bookmarks(command);
                return;
            }
            // Keys reach the search overlay directly (`search_key`).
            Some(Overlay::Search(_) | Overlay::Contents(_)) => return,
            None => {}
        }
        match command {
            Command::Help => self.overlay = Some(Overlay::Help(help::PageScroll::default())),
            Command::Notices => self.open_notices(),
            Command::Back => {
                if !self.dismiss_notices() && !self.back_to_results() && !self.clear_hits() {
                    self.back();
                }
            }
            Command::Search => self.open_search(),
            Command::Find => self.find(),
            Command::NextHit | Command::PreviousHit => self.step_hit(command),
            Command::Open => self.open_selected(),
            Command::FocusLeft => self.focus_left(),
            Command::FocusRight => self.focus_right(),
            Command::FocusNext => self.cycle_focus(true),
            Command::FocusPrevious => self.cycle_focus(false),
            Command::ToggleFocusMode => self.toggle_focus_mode(),
            Command::Widen => self.change_column(2),
            Command::Narrow => self.change_column(-2),
            Command::CycleScript => self.cycle_script(),
            Command::NextArticle => self.step_article(1),
            Command::PreviousArticle => self.step_article(-1),
            Command::Contents => self.open_contents(),
            Command::NextChapter => self.step_chapter(true),
            Command::PreviousChapter => self.step_chapter(false),
            Command::LineDown => self.move_by(1),
            Command::LineUp => self.move_by(-1),
            Command::PageDown => self.move_by_pages(1, 1),
            Command::PageUp => self.move_by_pages(-1, 1),
            Command::HalfPageDown => self.move_by_pages(1, 2),
            Command::HalfPageUp => self.move_by_pages(-1, 2),
            Command::Top => self.move_to_end(false),
            Command::Bottom => self.move_to_end(true),
            Command::JumpPercent => self.jump_to_percent(0),
            Command::ToggleRead => self.toggle_read(),
            Command::NextUnread => self.next_unread(),
            Command::ContinueReading => self.continue_reading(),
            Command::JumpBack => self.jump_back(),
            Command::AddBookmark => self.add_bookmark(),
            Command::Bookmarks => self.open_bookmarks(),
            Command::CycleOrder => self.cycle_article_order(),
            Command::EditNote | Command::DeleteBookmark | Command::Undo => {}
            Command::Quit => {}
        }
    }

    /// Expects `total` article files to arrive in batches.
    pub fn start_loading(&mut self, total: usize) {
        self.loading = (total > 0).then_some((0, total));
    }

    /// Adds a batch of articles; the open article and the selections stay on
    /// the same articles although their positions in the library change.
    /// Puts the whole articles of files shown from their first part
    /// (`Library::add_prefix`) in their place, the reader keeping its place;
    /// true when the batch held nothing else.
    fn complete_prefixes(&mut self, batch: &mut crate::library::Batch) -> bool {
        let library = &self.library;
        let shown_from_prefix =
            |article: &crate::library::Article| library.find(&article.id).is_some_and(|at| library.is_prefix(at));
        if batch.articles.is_empty() || !batch.articles.iter().all(shown_from_prefix) {
            return false;
        }
        for article in std::mem::take(&mut batch.articles) {
            let Some(at) = self.library.replace(article) else {
                continue;
            };
            if let Some(reader) = self.reader.as_mut().filter(|r| r.article == at) {
                reader.reload(&self.library.articles()[at].body);
            }
        }
        // Built from the prefix: built again from the whole text when next searched.
        self.search_index = None;
        batch.problems.is_empty()
    }

    fn add_articles(&mut self, mut batch: crate::library::Batch, index: crate::search::SearchIndex) {
        if self.complete_prefixes(&mut batch) {
            if let Some((loaded, total)) = self.loading {
                let loaded = loaded + batch.files;
                self.loading = (loaded < total).then_some((loaded, total));
            }
            return;
        }
        let id_of = |app: &App, index: Option<usize>| index.map(|i| app.library.articles()[i].id.clone());
        let reader_id = id_of(self, self.reader.as_ref().map(|r| r.article));
        let selected_id = id_of(self, self.selected_article());
        let category = self
            .library
            .categories()
            .get(self.categories.selected)
            .map(|c| c.name.clone());
        let files = batch.files;
        // The articles there before are indexed now if they never were: the
        // first part of the collection, read before the reader started.
        self.index();
        let placed = self.library.extend(batch);
        let articles = self.library.articles();
        self.keys.add(placed.iter().flatten().filter_map(|&i| articles.get(i)));
        if let Some(search_index) = &mut self.search_index {
            search_index.merge(&placed, index);
        }
        self.attach_state();
        if let Some((loaded, total)) = self.loading {
            let loaded = loaded + files;
            self.loading = (loaded < total).then_some((loaded, total));
        }
        if let Some(reader) = &mut self.reader
            && let Some(index) = reader_id.and_then(|id| self.library.find(&id))
        {
            reader.article = index;
        }
        // Untouched lists stay at the top while articles arrive.
        let untouched = self.reader.is_none() && self.categories.selected == 0 && self.articles.selected == 0;
        let category = if untouched { None } else { category };
        let selected_id = if untouched { None } else { selected_id };
        let categories = self.library.categories();
        let category_index = category
            .and_then(|name| categories.iter().position(|c| c.name == name))
            .unwrap_or(0);
        self.categories.selected = category_index;
        if untouched {
            self.categories.offset = 0;
        }
        self.refresh_listing();
        self.articles.selected = selected_id
            .and_then(|id| self.library.find(&id))
            .and_then(|i| self.list_position(i))
            .unwrap_or(0);
        if matches!(self.overlay, Some(Overlay::Search(_))) {
            self.refresh_search();
        }
        self.after_geometry_change();
    }

    /// Sets how wide ambiguous characters are drawn and re-lays out the reader.
    pub fn set_ambiguous_width(&mut self, ambiguous: AmbiguousWidth) {
        self.settings.ambiguous = ambiguous;
        self.after_geometry_change();
    }
}

#[cfg(test)]
pub(crate) mod tests;
