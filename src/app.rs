//! The application state machine: inputs in, state changes and effects out.
//! Knows nothing about the terminal; `ui` draws it and `tui` feeds it.

pub mod command;
pub mod geometry;
pub mod keys;
mod reader;

use command::Command;
use geometry::Screen;
use keys::{Context, Key, Keymap, Resolution};
pub use reader::Reader;

use crate::layout::LayoutSettings;
use crate::library::Library;
use crate::text::AmbiguousWidth;

/// Lines the mouse wheel scrolls per step.
const WHEEL_LINES: isize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Categories,
    Articles,
    Reader,
}

/// What happened, in terms the state machine understands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    Key(Key),
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
}

/// What the runtime must do after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Quit,
}

/// Reading settings the state machine needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadingSettings {
    pub max_width: usize,
    pub indent: bool,
    pub paragraph_spacing: bool,
    pub ambiguous: AmbiguousWidth,
}

impl Default for ReadingSettings {
    fn default() -> ReadingSettings {
        ReadingSettings {
            max_width: crate::layout::DEFAULT_MAX_WIDTH,
            indent: true,
            paragraph_spacing: true,
            ambiguous: AmbiguousWidth::Narrow,
        }
    }
}

/// Selection and scroll offset of a list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    /// The first item shown.
    pub offset: usize,
}

impl ListCursor {
    fn select(&mut self, index: usize, len: usize, visible: usize) {
        self.selected = index.min(len.saturating_sub(1));
        let visible = visible.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + visible {
            self.offset = self.selected + 1 - visible;
        }
        self.offset = self.offset.min(len.saturating_sub(visible));
    }

    fn move_by(&mut self, delta: isize, len: usize, visible: usize) {
        self.select(self.selected.saturating_add_signed(delta), len, visible);
    }
}

pub struct App {
    pub library: Library,
    pub keymap: Keymap,
    pub settings: ReadingSettings,
    pub width: u16,
    pub height: u16,
    pub focus: Pane,
    pub focus_mode: bool,
    pub help: bool,
    pub categories: ListCursor,
    /// Cursor in the article list of the selected category.
    pub articles: ListCursor,
    pub reader: Option<Reader>,
    /// Keys of an unfinished chord.
    pub pending: Vec<Key>,
}

impl App {
    pub fn new(
        library: Library,
        keymap: Keymap,
        settings: ReadingSettings,
        width: u16,
        height: u16,
    ) -> App {
        App {
            library,
            keymap,
            settings,
            width,
            height,
            focus: Pane::Categories,
            focus_mode: false,
            help: false,
            categories: ListCursor::default(),
            articles: ListCursor::default(),
            reader: None,
            pending: Vec::new(),
        }
    }

    pub fn screen(&self) -> Screen {
        Screen::new(
            self.width,
            self.height,
            self.focus,
            self.focus_mode,
            self.reader.is_some(),
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
        let range = self.category_articles();
        let index = range.start + self.articles.selected;
        range.contains(&index).then_some(index)
    }

    /// Lines of text the reader shows at once.
    pub fn reader_page(&self) -> usize {
        self.screen().reader.map_or(1, |pane| {
            usize::from(geometry::reader_text(pane).height).max(1)
        })
    }

    fn visible_categories(&self) -> usize {
        self.screen()
            .categories
            .map_or(1, |pane| usize::from(geometry::list_body(pane).height))
    }

    fn visible_articles(&self) -> usize {
        self.screen().articles.map_or(1, |pane| {
            usize::from(geometry::list_body(pane).height / geometry::ARTICLE_ROWS)
        })
    }

    /// Layout settings for the reader pane at the current size.
    pub fn layout_settings(&self) -> LayoutSettings {
        let width = self
            .screen()
            .reader
            .map_or(usize::from(self.width), |pane| {
                usize::from(
                    geometry::reading_column(geometry::reader_text(pane), self.settings.max_width)
                        .width,
                )
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
            Input::Key(key) => self.handle_key(key),
            Input::Resize { width, height } => {
                self.width = width;
                self.height = height;
                self.after_geometry_change();
                Vec::new()
            }
            Input::Wheel { x, y, down } => {
                self.wheel(x, y, down);
                Vec::new()
            }
            Input::Click { x, y } => {
                self.click(x, y);
                Vec::new()
            }
        }
    }

    fn handle_key(&mut self, key: Key) -> Vec<Effect> {
        let context = if self.focus == Pane::Reader {
            Context::Reader
        } else {
            Context::Lists
        };
        match self.keymap.resolve(context, &self.pending, key) {
            Resolution::Pending => {
                self.pending.push(key);
                Vec::new()
            }
            Resolution::Command(command) => {
                self.pending.clear();
                self.run(command)
            }
            Resolution::Unbound => {
                // An unfinished chord followed by another key: try that key alone.
                if self.pending.is_empty() {
                    Vec::new()
                } else {
                    self.pending.clear();
                    self.handle_key(key)
                }
            }
        }
    }

    /// Runs one command.
    pub fn run(&mut self, command: Command) -> Vec<Effect> {
        if command == Command::Quit {
            return vec![Effect::Quit];
        }
        if self.help {
            if matches!(command, Command::Back | Command::Help) {
                self.help = false;
            }
            return Vec::new();
        }
        match command {
            Command::Help => self.help = true,
            Command::Back => self.back(),
            Command::Open => self.open_selected(),
            Command::FocusLeft => self.focus_left(),
            Command::FocusRight => self.focus_right(),
            Command::FocusNext => self.cycle_focus(true),
            Command::FocusPrevious => self.cycle_focus(false),
            Command::ToggleFocusMode => self.toggle_focus_mode(),
            Command::NextArticle => self.step_article(1),
            Command::PreviousArticle => self.step_article(-1),
            Command::LineDown => self.move_by(1),
            Command::LineUp => self.move_by(-1),
            Command::PageDown => self.move_by_pages(1, 1),
            Command::PageUp => self.move_by_pages(-1, 1),
            Command::HalfPageDown => self.move_by_pages(1, 2),
            Command::HalfPageUp => self.move_by_pages(-1, 2),
            Command::Top => self.move_to_end(false),
            Command::Bottom => self.move_to_end(true),
            Command::Quit => {}
        }
        Vec::new()
    }

    fn back(&mut self) {
        if self.focus_mode {
            self.focus_mode = false;
            self.after_geometry_change();
            return;
        }
        self.focus_left();
    }

    fn focus_left(&mut self) {
        self.focus = match self.focus {
            Pane::Reader => Pane::Articles,
            Pane::Articles | Pane::Categories => Pane::Categories,
        };
        self.focus_mode = false;
        self.after_geometry_change();
    }

    fn focus_right(&mut self) {
        match self.focus {
            Pane::Categories => self.focus = Pane::Articles,
            Pane::Articles => self.open_selected(),
            Pane::Reader => {}
        }
        self.after_geometry_change();
    }

    fn cycle_focus(&mut self, forward: bool) {
        let order = if self.reader.is_some() {
            &[Pane::Categories, Pane::Articles, Pane::Reader][..]
        } else {
            &[Pane::Categories, Pane::Articles][..]
        };
        let at = order.iter().position(|p| *p == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % order.len()
        } else {
            (at + order.len() - 1) % order.len()
        };
        self.focus = order[next];
        self.focus_mode = false;
        self.after_geometry_change();
    }

    fn toggle_focus_mode(&mut self) {
        if self.reader.is_none() {
            self.open_selected();
        }
        if self.reader.is_some() {
            self.focus_mode = !self.focus_mode;
            self.focus = Pane::Reader;
            self.after_geometry_change();
        }
    }

    fn open_selected(&mut self) {
        match self.focus {
            Pane::Categories => {
                self.focus = Pane::Articles;
                self.after_geometry_change();
            }
            Pane::Articles | Pane::Reader => {
                if let Some(article) = self.selected_article() {
                    self.open_article(article, 0);
                }
            }
        }
    }

    /// Opens library article `index` with `offset` at the top, selecting it in the lists.
    pub fn open_article(&mut self, index: usize, offset: usize) {
        let Some(category) = self.library.category_of(index) else {
            return;
        };
        let in_category = index - self.library.categories()[category].articles.start;
        let category_count = self.library.categories().len();
        self.categories
            .select(category, category_count, self.visible_categories());
        self.focus = Pane::Reader;
        let article_count = self.category_articles().len();
        self.articles
            .select(in_category, article_count, self.visible_articles());
        let settings = self.layout_settings();
        let body = &self.library.articles()[index].body;
        self.reader = Some(Reader::open(index, body, settings, offset));
    }

    fn step_article(&mut self, delta: isize) {
        let count = self.library.articles().len();
        let current = match (self.focus, &self.reader) {
            (Pane::Reader, Some(reader)) => reader.article,
            _ => self.selected_article().unwrap_or(0),
        };
        let next = current
            .saturating_add_signed(delta)
            .min(count.saturating_sub(1));
        if next == current {
            return;
        }
        if self.focus == Pane::Reader {
            self.open_article(next, 0);
        } else if let Some(category) = self.library.category_of(next) {
            let start = self.library.categories()[category].articles.start;
            let category_count = self.library.categories().len();
            let visible = self.visible_categories();
            if category != self.categories.selected {
                self.categories.select(category, category_count, visible);
                self.articles = ListCursor::default();
            }
            let (len, visible) = (self.category_articles().len(), self.visible_articles());
            self.articles.select(next - start, len, visible);
        }
    }

    fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::Categories => self.select_category_by(delta),
            Pane::Articles => {
                let (len, visible) = (self.category_articles().len(), self.visible_articles());
                self.articles.move_by(delta, len, visible);
            }
            Pane::Reader => {
                let page = self.reader_page();
                if let Some(reader) = &mut self.reader {
                    reader.scroll_by(delta, page);
                }
            }
        }
    }

    fn select_category_by(&mut self, delta: isize) {
        let before = self.categories.selected;
        let (len, visible) = (self.library.categories().len(), self.visible_categories());
        self.categories.move_by(delta, len, visible);
        if self.categories.selected != before {
            self.articles = ListCursor::default();
        }
    }

    fn move_by_pages(&mut self, direction: isize, divisor: usize) {
        let page = match self.focus {
            Pane::Categories => self.visible_categories(),
            Pane::Articles => self.visible_articles(),
            // Keep one line of context when paging through text.
            Pane::Reader if divisor == 1 => self.reader_page().saturating_sub(1),
            Pane::Reader => self.reader_page(),
        };
        let step = (page / divisor).max(1) as isize;
        self.move_by(direction * step);
    }

    fn move_to_end(&mut self, end: bool) {
        match self.focus {
            Pane::Reader => {
                let page = self.reader_page();
                if let Some(reader) = &mut self.reader {
                    reader.scroll_to(if end { usize::MAX } else { 0 }, page);
                }
            }
            _ => self.move_by(if end { isize::MAX } else { isize::MIN }),
        }
    }

    fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let Some(pane) = self.screen().pane_at(x, y) else {
            return;
        };
        let saved = self.focus;
        self.focus = pane;
        let step = if pane == Pane::Reader { WHEEL_LINES } else { 1 };
        self.move_by(if down { step } else { -step });
        self.focus = saved;
    }

    fn click(&mut self, x: u16, y: u16) {
        let screen = self.screen();
        match screen.pane_at(x, y) {
            Some(Pane::Categories) => {
                self.focus = Pane::Categories;
                if let Some(pane) = screen.categories {
                    let body = geometry::list_body(pane);
                    if y >= body.y {
                        let index = self.categories.offset + usize::from(y - body.y);
                        if index < self.library.categories().len()
                            && index != self.categories.selected
                        {
                            let (len, visible) =
                                (self.library.categories().len(), self.visible_categories());
                            self.categories.select(index, len, visible);
                            self.articles = ListCursor::default();
                        }
                    }
                }
            }
            Some(Pane::Articles) => {
                self.focus = Pane::Articles;
                if let Some(pane) = screen.articles {
                    let body = geometry::list_body(pane);
                    if y >= body.y {
                        let index = self.articles.offset
                            + usize::from((y - body.y) / geometry::ARTICLE_ROWS);
                        let (len, visible) =
                            (self.category_articles().len(), self.visible_articles());
                        if index < len {
                            self.articles.select(index, len, visible);
                        }
                    }
                }
            }
            Some(Pane::Reader) => self.focus = Pane::Reader,
            None => {}
        }
        self.after_geometry_change();
    }

    /// Size, focus or focus mode changed: re-lay out the reader for its new
    /// column width and keep list selections in view.
    fn after_geometry_change(&mut self) {
        if self.focus == Pane::Reader && self.reader.is_none() {
            self.focus = Pane::Articles;
        }
        let settings = self.layout_settings();
        let page = self.reader_page();
        if let Some(reader) = &mut self.reader {
            let body = &self.library.articles()[reader.article].body;
            reader.relayout(body, settings);
            reader.scroll_by(0, page);
        }
        let (len, visible) = (self.library.categories().len(), self.visible_categories());
        self.categories
            .select(self.categories.selected, len, visible);
        let (len, visible) = (self.category_articles().len(), self.visible_articles());
        self.articles.select(self.articles.selected, len, visible);
    }
}

#[cfg(test)]
mod tests;
