//! The application state machine: inputs in, state changes and effects out.
//! Knows nothing about the terminal; `ui` draws it and `tui` feeds it.
//!
//! The design in detail follows.
#![doc = include_str!("app/design.md")]

pub mod bookmarks;
pub mod contents;
mod dispatch;
mod find;
pub mod geometry;
mod goto;
pub mod help;
mod history;
pub mod input;
pub mod jobs;
mod list;
mod listing;
mod loading;
pub mod marks;
mod navigation;
mod notices;
pub mod overlay;
pub mod page;
pub mod prompt;
mod reader;
mod screen;
pub mod search;
pub mod text_box;
mod unread;
mod working;

pub use jobs::{Done, Job, JobKind, JobMemory};
pub use list::ListCursor;
pub use overlay::Overlay;
pub use prompt::{Prompt, PromptKind};
pub use reader::{Reader, Row};

use crate::i18n::{Lang, Text};
use crate::keymap::{Key, Keymap};
use crate::library::Library;
use crate::store::identity::KeyBatch;
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
    /// More articles, read in the background, with their search index, the
    /// keys their state is saved under and, when worked out where they were
    /// read, their place in the library (see `Input::loaded`).
    Loaded(
        crate::library::Batch,
        crate::search::SearchIndex,
        KeyBatch,
        Option<Box<crate::library::Merge>>,
    ),
    /// A job handed out by `Effect::Work`, done.
    Done(Done),
}

impl Input {
    /// A batch read in the background, with its search index built and its
    /// keys made (folders resolved with the file system) where it was read,
    /// so that the UI thread only merges them in.
    pub fn loaded(batch: crate::library::Batch) -> Input {
        let index = crate::search::SearchIndex::build_from(&batch.articles, true);
        let keys = KeyBatch::of(&batch.articles);
        Input::Loaded(batch, index, keys, None)
    }

    /// Works out a loaded batch's place in `library` (`Library::prepare`,
    /// which gives its articles the IDs it is worked out with; its index
    /// and keys need none): if the app's library is still `library` when
    /// the batch arrives, the UI thread only appends its articles and takes
    /// the new order in. Nothing for any other input.
    pub fn place_on(&mut self, library: &Library) {
        if let Input::Loaded(batch, _, _, merge) = self {
            *merge = library.prepare(batch).map(Box::new);
        }
    }
}

/// What the runtime must do after an update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Save a change to bookmarks or reading positions.
    Save(Change),
    /// Work to do off the UI thread (`Job::run`), whose result comes back
    /// as `Input::Done`.
    Work(Job),
    Quit,
}

pub use crate::layout::ReadingSettings;

pub struct App {
    /// Shared with the jobs handed out; changed only while none holds it.
    pub library: std::sync::Arc<Library>,
    pub keymap: Keymap,
    pub settings: ReadingSettings,
    pub width: u16,
    pub height: u16,
    pub focus: Pane,
    pub focus_mode: bool,
    pub overlay: Option<Overlay>,
    pub prompt: Option<Prompt>,
    /// A one-off message for the status line, cleared by the next key.
    pub message: Option<Text>,
    pub categories: ListCursor,
    /// Cursor in the article list of the selected category.
    pub articles: ListCursor,
    /// The selected category's articles in the order chosen (`listing`).
    listing: listing::Listing,
    pub reader: Option<Reader>,
    /// Bookmarks and reading positions, as this session knows them.
    pub saved: State,
    /// The key each article's state is saved under.
    keys: crate::store::identity::ArticleKeys,
    /// The last jump (from search or a bookmark), until `jump_back`.
    jump: Option<marks::Jump>,
    /// A place asked for while only the first part of a large file is read.
    waiting: Option<goto::Waiting>,
    /// The one file named opens in the reader when it arrives (`open_single`).
    open_single: bool,
    /// ArticleKeys of an unfinished chord.
    pub pending: Vec<Key>,
    /// A count typed before a command in the reader (`50%`, `120G`).
    pub count: Option<usize>,
    /// Let ASCII-letter queries match titles by pinyin initials.
    pub pinyin_initials: bool,
    /// Folded texts for searching, built by the first search job.
    search_index: Option<std::sync::Arc<crate::search::SearchIndex>>,
    /// Counts the changes of the library: a job's result is taken in only
    /// if it has not changed since the job was made.
    version: u64,
    /// The jobs whose results are awaited.
    awaited: working::Awaited,
    /// Whether the file each key of saved state names was there, as a job
    /// found (`attach_state`).
    files: std::collections::HashMap<String, bool>,
    /// The last search, the article opened from it, the history being walked.
    search_memory: search::SearchMemory,
    /// Files read so far and in all, while a large collection loads.
    pub loading: Option<(usize, usize)>,
    /// Notices that stay until dismissed.
    notices: notices::Notices,
    effects: Vec<Effect>,
    /// The characters the reader shows the text in.
    script: crate::script::Script,
    /// The language of the interface, as the text is shown as written.
    lang: Lang,
}

impl App {
    pub fn new(library: Library, keymap: Keymap, settings: ReadingSettings, width: u16, height: u16) -> App {
        // Keyed by name: the folders' real paths are asked of a job
        // (`ask_folders`), no file system call before the first frame.
        let (keys, folders) = crate::store::identity::ArticleKeys::by_name(&library);
        let articles = library.articles().len();
        let mut app = App {
            library: std::sync::Arc::new(library),
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
            waiting: None,
            open_single: false,
            pending: Vec::new(),
            count: None,
            pinyin_initials: true,
            search_index: None,
            version: 0,
            awaited: working::Awaited::default(),
            files: std::collections::HashMap::new(),
            search_memory: search::SearchMemory::default(),
            loading: None,
            notices: notices::Notices::default(),
            effects: Vec::new(),
            script: crate::script::Script::Original,
            lang: Lang::Simplified,
        };
        app.notice_undecoded((0..articles).map(crate::library::ArticleId::at));
        if !folders.is_empty() {
            app.ask_folders(folders);
        }
        app
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

    /// Text from an article (a title, a category, an author, a heading, a
    /// snippet) as the reader shows it: in the script chosen with `T`, the
    /// same converter as the article's text, so lists, the status line and
    /// the overlays agree with the page. Never for the interface's own
    /// words, which are written out in each form (`lang`).
    pub fn shown<'a>(&self, text: &'a str) -> std::borrow::Cow<'a, str> {
        self.script.convert(text)
    }

    /// The language of the interface (the locale's or `interface.language`).
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    /// The language the interface speaks now: its Chinese in the form of
    /// the script the text is shown in (`T` turns 分钟 into 分鐘).
    pub fn lang(&self) -> Lang {
        self.script.interface(self.lang)
    }

    /// A one-off message for the status line, in every language.
    pub fn say(&mut self, text: Text) {
        self.message = Some(text);
    }

    /// The status line's message as the interface says it now.
    #[cfg(any(test, feature = "test-support"))]
    pub fn said(&self) -> Option<&str> {
        self.message.as_ref().map(|m| m.get(self.lang()))
    }

    /// Library indices of the selected category's articles.
    /// The selected category's articles, as positions in collection order
    /// (`Library::at`).
    pub fn category_articles(&self) -> std::ops::Range<usize> {
        self.library
            .categories()
            .get(self.categories.selected)
            .map_or(0..0, |c| c.articles.clone())
    }

    /// The article under the cursor in the article list.
    pub fn selected_article(&self) -> Option<crate::library::ArticleId> {
        self.listed_article(self.articles.selected)
    }

    /// Applies one input and returns what the runtime must do.
    pub fn handle(&mut self, input: Input) -> Vec<Effect> {
        match input {
            Input::Key(key) => {
                self.message = None;
                if self.prompt.is_some() || self.overlay.as_ref().is_some_and(Overlay::is_text_box) {
                    // A text box: its keys edit, the others are commands.
                    self.overlay_input(self.text_box().input(key));
                } else {
                    self.handle_key(key);
                }
                self.say_if_cut();
            }
            Input::Paste(text) => {
                if self.prompt.is_some() {
                    self.prompt_paste(&text);
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
            Input::Loaded(batch, index, keys, merge) => self.add_articles(batch, index, keys, merge),
            Input::Done(done) => self.job_done(done),
        }
        self.refresh_listing();
        std::mem::take(&mut self.effects)
    }

    /// Sets how wide ambiguous characters are drawn and re-lays out the reader.
    pub fn set_ambiguous_width(&mut self, ambiguous: AmbiguousWidth) {
        self.settings.ambiguous = ambiguous;
        self.after_geometry_change();
    }
}

#[cfg(test)]
pub mod tests;
