//! Keys and commands turned into what they do: a key resolved through the
//! keymap (chords, counts, an open overlay), a command run.

use super::{App, Effect, Overlay, Pane, overlay, page};
use crate::keymap::{Command, Key, Resolution, Scope};

impl App {
    pub(super) fn handle_key(&mut self, key: Key) {
        let context = match (&self.overlay, self.focus) {
            (Some(Overlay::Bookmarks(_)), _) => Scope::Lists,
            (_, Pane::Reader) => Scope::Reader,
            _ => Scope::Lists,
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
                if self.overlay.is_some() {
                    self.overlay_command(command, key.ctrl);
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

    /// A command typed while an overlay is open: the overlay's own.
    fn overlay_command(&mut self, command: Command, ctrl: bool) {
        self.overlay_input(overlay::OverlayInput::Command(command, ctrl));
    }

    /// Runs one command as if its key was pressed.
    pub fn command(&mut self, command: Command) -> Vec<Effect> {
        self.run(command);
        self.refresh_listing();
        std::mem::take(&mut self.effects)
    }

    pub(super) fn run(&mut self, command: Command) {
        if command == Command::Quit {
            self.leave_article();
            self.effects.push(Effect::Quit);
            return;
        }
        if self.overlay.is_some() {
            self.overlay_command(command, false);
            return;
        }
        match command {
            Command::Help => self.overlay = Some(Overlay::Help(page::PageScroll::default())),
            Command::Notices => self.open_notices(),
            Command::Back => {
                // Focus mode is left first, before going back to search results.
                if !self.dismiss_notices() && !self.leave_focus_mode() && !self.back_to_results() && !self.clear_hits()
                {
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
            Command::ToggleDirection => self.toggle_direction(),
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
}
