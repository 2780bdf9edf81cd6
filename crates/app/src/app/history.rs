//! Walking the query history from a text box (the search overlay, the find
//! prompt): Up in an empty box (or one showing a history entry) shows the
//! query before, Down the one after and then an empty box again.

use super::input::TextInput;
use super::overlay::OverlayInput;
use crate::keymap::Command;

/// Where a box is in its history: the entry it shows, if any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct HistoryWalk {
    at: Option<usize>,
}

impl HistoryWalk {
    /// Up/Down in an empty box (or one showing a history entry) step
    /// through `history` (oldest first) and put the entry in `text`: Up to
    /// older queries, Down back to newer and then to an empty box. Any
    /// other input ends the walk. Returns whether the input was taken.
    pub fn step(&mut self, input: OverlayInput, text: &mut TextInput, history: &[String]) -> bool {
        let older = match input {
            OverlayInput::Command(Command::LineUp, _) => true,
            OverlayInput::Command(Command::LineDown, _) => false,
            _ => {
                self.at = None;
                return false;
            }
        };
        let shown = self.at.and_then(|at| history.get(at));
        if !(text.text().is_empty() || shown.is_some_and(|q| q == text.text())) || history.is_empty() {
            return false;
        }
        let next = match (self.at, older) {
            (None, true) => Some(history.len() - 1),
            (None, false) => return false,
            (Some(at), true) => Some(at.saturating_sub(1)),
            (Some(at), false) => (at + 1 < history.len()).then_some(at + 1),
        };
        *text = TextInput::with_text(next.and_then(|at| history.get(at)).map_or("", String::as_str));
        self.at = next;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn up_and_down_walk_the_history_of_an_empty_box_only() {
        let history = ["春".to_string(), "秋".to_string()];
        let (up, down) = (
            OverlayInput::Command(Command::LineUp, false),
            OverlayInput::Command(Command::LineDown, false),
        );
        let mut walk = HistoryWalk::default();
        let mut text = TextInput::default();
        assert!(
            !walk.step(down, &mut text, &history),
            "Down in an empty box: nothing newer"
        );
        assert!(walk.step(up, &mut text, &history));
        assert_eq!(text.text(), "秋");
        assert!(walk.step(up, &mut text, &history));
        assert!(walk.step(up, &mut text, &history), "the oldest stays");
        assert_eq!(text.text(), "春");
        assert!(walk.step(down, &mut text, &history));
        assert!(walk.step(down, &mut text, &history));
        assert_eq!(text.text(), "", "past the newest: an empty box");
        let mut typed = TextInput::with_text("夏");
        assert!(
            !HistoryWalk::default().step(up, &mut typed, &history),
            "a typed query is kept"
        );
        assert_eq!(typed.text(), "夏");
    }
}
