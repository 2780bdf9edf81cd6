//! What every overlay shares (help, notices, bookmarks, search, contents)
//! and the prompt at the bottom, which may stand over one of them: each
//! takes an `OverlayInput` — a command resolved through the keymap in force,
//! or in a text box a key that edits its text — and answers with one
//! `Outcome`. `App::overlay_input` is the one way in: the one on top (the
//! prompt, else the overlay) takes the input, and the app carries out its
//! outcome (`App::carry_out`). No overlay reads raw keys for anything but
//! editing its text.

use super::App;
use super::bookmarks::{self, BookmarkList};
use super::contents::{Contents, contents_rows};
use super::page::PageScroll;
use super::prompt::PromptAct;
use super::search::{GlobalSearch, SearchAct};
use crate::keymap::{Command, Key, KeyCode};
use crate::store::QueryKind;

/// A window over the panes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help(PageScroll),
    /// Every notice and skipped file (`notices`).
    Notices(PageScroll),
    Bookmarks(BookmarkList),
    Search(GlobalSearch),
    /// The open article's table of contents.
    Contents(Contents),
}

/// One key typed while an overlay is open.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OverlayInput {
    /// A command of the keymap in force (with Ctrl or not).
    Command(Command, bool),
    /// A key that edits a text box's text.
    Edit(Key),
}

/// What an overlay asks for after an input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome<A = ()> {
    /// Handled; the overlay stays open.
    Stay,
    /// The overlay closes.
    Close,
    /// Not the overlay's: the key quits the reader.
    Quit,
    /// The overlay's own request (open a result, jump to a chapter, …).
    Act(A),
}

impl<A> Outcome<A> {
    /// The same outcome with the request turned by `f`.
    pub fn map<B>(self, f: impl FnOnce(A) -> B) -> Outcome<B> {
        match self {
            Outcome::Stay => Outcome::Stay,
            Outcome::Close => Outcome::Close,
            Outcome::Quit => Outcome::Quit,
            Outcome::Act(act) => Outcome::Act(f(act)),
        }
    }
}

/// The requests of every overlay and of the prompt, for the app to carry out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Act {
    Bookmarks(bookmarks::Action),
    Search(SearchAct),
    /// Jump to this byte offset of the open article (from the contents).
    Jump(usize),
    Prompt(PromptAct),
}

/// The control keys every text box takes as readline does, besides the
/// keymap's: Ctrl-c goes back, Ctrl-n/Ctrl-j and Ctrl-p/Ctrl-k move down and up.
pub fn readline_command(key: Key) -> Option<Command> {
    match (key.code, key.ctrl) {
        (KeyCode::Char('c'), true) => Some(Command::Back),
        (KeyCode::Char('n' | 'j'), true) => Some(Command::LineDown),
        (KeyCode::Char('p' | 'k'), true) => Some(Command::LineUp),
        _ => None,
    }
}

impl Overlay {
    /// Whether the overlay has a text box: its keys are read as edits but
    /// for the box's commands (`App::text_box`).
    pub fn is_text_box(&self) -> bool {
        matches!(self, Overlay::Search(_) | Overlay::Contents(_))
    }

    /// One input, with what the overlay needs of the app around it: its
    /// page, the rows it shows, the bookmarks in order, the query history.
    fn handle(&mut self, input: OverlayInput, app: &App) -> Outcome<Act> {
        match self {
            Overlay::Help(scroll) => {
                typed(input, |c, ctrl| scroll.handle(c, ctrl, &app.help_page())).map(|n| match n {})
            }
            Overlay::Notices(scroll) => {
                typed(input, |c, ctrl| scroll.handle(c, ctrl, &app.notices_page())).map(|n| match n {})
            }
            Overlay::Bookmarks(list) => {
                let ordered = list.ordered(&app.saved, &app.keys, &app.library);
                let rows = app.bookmark_rows(list.grouped);
                typed(input, |c, ctrl| list.handle(c, ctrl, &ordered, rows)).map(Act::Bookmarks)
            }
            Overlay::Search(search) => {
                let history = app.saved.history.of(QueryKind::Search);
                search.handle(input, app.search_rows(), history).map(Act::Search)
            }
            Overlay::Contents(contents) => contents.handle(input, contents_rows(app.height)).map(Act::Jump),
        }
    }
}

/// An overlay without a text box takes commands only.
fn typed<A>(input: OverlayInput, handle: impl FnOnce(Command, bool) -> Outcome<A>) -> Outcome<A> {
    match input {
        OverlayInput::Command(command, ctrl) => handle(command, ctrl),
        OverlayInput::Edit(_) => Outcome::Stay,
    }
}

impl App {
    /// The one way into the prompt and the overlays: the one on top takes
    /// the input, and its outcome is carried out.
    pub(super) fn overlay_input(&mut self, input: OverlayInput) {
        let outcome = if let Some(mut prompt) = self.prompt.take() {
            let history = prompt
                .history_kind()
                .map_or(&[][..], |kind| self.saved.history.of(kind));
            let outcome = prompt.handle(input, history).map(Act::Prompt);
            self.prompt = Some(prompt);
            outcome
        } else if let Some(mut overlay) = self.overlay.take() {
            let outcome = overlay.handle(input, self);
            self.overlay = Some(overlay);
            outcome
        } else {
            return;
        };
        self.carry_out(outcome);
    }

    /// Carries out what the prompt or the overlay on top asked for.
    pub(super) fn carry_out(&mut self, outcome: Outcome<Act>) {
        match outcome {
            Outcome::Stay => {}
            Outcome::Close => self.close_top(),
            Outcome::Quit => self.run(Command::Quit),
            Outcome::Act(Act::Bookmarks(action)) => self.bookmark_act(action),
            Outcome::Act(Act::Search(act)) => self.search_act(act),
            Outcome::Act(Act::Jump(offset)) => self.contents_jump(offset),
            Outcome::Act(Act::Prompt(act)) => self.prompt_act(act),
        }
    }

    /// Closes the prompt, else the overlay: the search is kept for next
    /// time, closing the notices dismisses them.
    fn close_top(&mut self) {
        if self.prompt.take().is_some() {
            return;
        }
        match self.overlay {
            Some(Overlay::Search(_)) => self.leave_search(),
            Some(Overlay::Notices(_)) => {
                self.dismiss_notices();
                self.overlay = None;
            }
            _ => self.overlay = None,
        }
    }
}
