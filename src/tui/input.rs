//! Input threads: terminal events and signals both become messages on one
//! channel, so the event loop blocks on a single receiver and uses no CPU
//! while nothing happens.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::Sender;

use ratatui::crossterm::event::{
    self, Event, KeyCode as TermKey, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use super::terminal::ambiguous_width_answer;
use super::writer::Report;
use crate::app::Input;
use crate::keymap::{Key, KeyCode};
use crate::text::AmbiguousWidth;

pub enum Message {
    Input(Input),
    /// A terminal event the app has no use for (key releases, focus changes):
    /// nothing changes, nothing is drawn.
    Ignored,
    /// SIGINT, SIGQUIT, SIGTERM or SIGHUP: save and quit cleanly.
    Terminate,
    /// `Ctrl-z` or SIGTSTP: restore the terminal and stop until continued.
    Suspend,
    /// SIGCONT: the terminal may have been used meanwhile; draw it all again.
    Continued,
    /// The writer thread saved (or failed to save) changes.
    Saved(Report),
    /// How wide the terminal draws ambiguous characters, if it answered.
    AmbiguousWidth(Option<AmbiguousWidth>),
    Failed(std::io::Error),
}

/// Reads terminal events on a thread of their own; first the answer to
/// the question about ambiguous characters when `asked` (keys typed
/// meanwhile wait in crossterm's queue).
pub fn spawn_terminal_reader(sender: Sender<Message>, asked: bool) {
    std::thread::spawn(move || {
        // A panic here would leave the reader without keys: end it instead.
        let stopped = catch_unwind(AssertUnwindSafe(|| {
            if asked && sender.send(Message::AmbiguousWidth(ambiguous_width_answer())).is_err() {
                return;
            }
            read_terminal(&sender)
        }));
        if stopped.is_err() {
            let _ = sender.send(Message::Failed(std::io::Error::other("reading the keyboard failed")));
        }
    });
}

fn read_terminal(sender: &Sender<Message>) {
    loop {
        let message = match event::read() {
            Ok(event) if is_suspend_key(&event) => Message::Suspend,
            Ok(event) => translate(event).map_or(Message::Ignored, Message::Input),
            Err(err) => Message::Failed(err),
        };
        let failed = matches!(message, Message::Failed(_));
        if sender.send(message).is_err() || failed {
            return;
        }
    }
}

/// `Ctrl-z` suspends, as the terminal's own suspend character would if raw
/// mode had not turned it off.
fn is_suspend_key(event: &Event) -> bool {
    matches!(event, Event::Key(KeyEvent { code: TermKey::Char('z' | 'Z'), modifiers, kind: KeyEventKind::Press, .. })
        if modifiers.contains(KeyModifiers::CONTROL))
}

/// Catches the signals that end, suspend or continue the reader from now
/// on; those that come before `spawn_signal_listener` wait for it.
pub fn catch_signals() -> std::io::Result<Signals> {
    Signals::new([SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGTSTP, SIGCONT])
}

/// Hands the signals caught on as messages, on a thread of their own.
pub fn spawn_signal_listener(mut signals: Signals, sender: Sender<Message>) {
    std::thread::spawn(move || {
        for signal in signals.forever() {
            let message = match signal {
                SIGTSTP => Message::Suspend,
                SIGCONT => Message::Continued,
                _ => Message::Terminate,
            };
            if sender.send(message).is_err() {
                return;
            }
        }
    });
}

/// Terminal event → app input. Only key presses count: some terminals also
/// report repeats and releases.
pub fn translate(event: Event) -> Option<Input> {
    match event {
        Event::Key(key) if key.kind == KeyEventKind::Press => translate_key(key).map(Input::Key),
        Event::Resize(width, height) => Some(Input::Resize { width, height }),
        Event::Paste(text) => Some(Input::Paste(text)),
        Event::Mouse(mouse) => match mouse.kind {
            MouseEventKind::ScrollDown => Some(Input::Wheel {
                x: mouse.column,
                y: mouse.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Input::Wheel {
                x: mouse.column,
                y: mouse.row,
                down: false,
            }),
            MouseEventKind::Down(MouseButton::Left) => Some(Input::Click {
                x: mouse.column,
                y: mouse.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

fn translate_key(key: KeyEvent) -> Option<Key> {
    let code = match key.code {
        TermKey::Char(c) => KeyCode::Char(c),
        TermKey::Enter => KeyCode::Enter,
        TermKey::Esc => KeyCode::Esc,
        TermKey::Tab => KeyCode::Tab,
        TermKey::BackTab => KeyCode::BackTab,
        TermKey::Backspace => KeyCode::Backspace,
        TermKey::Delete => KeyCode::Delete,
        TermKey::Up => KeyCode::Up,
        TermKey::Down => KeyCode::Down,
        TermKey::Left => KeyCode::Left,
        TermKey::Right => KeyCode::Right,
        TermKey::Home => KeyCode::Home,
        TermKey::End => KeyCode::End,
        TermKey::PageUp => KeyCode::PageUp,
        TermKey::PageDown => KeyCode::PageDown,
        TermKey::F(n) => KeyCode::F(n),
        _ => return None,
    };
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let code = match code {
        // Ctrl-letter arrives as the letter with CONTROL; keep it lowercase.
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        other => other,
    };
    Some(Key {
        code,
        ctrl,
        alt: key.modifiers.contains(KeyModifiers::ALT),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventState;

    fn press(code: TermKey, modifiers: KeyModifiers) -> Event {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        })
    }

    #[test]
    fn shifted_letters_arrive_as_capitals_and_ctrl_as_lowercase() {
        assert_eq!(
            translate(press(TermKey::Char('G'), KeyModifiers::SHIFT)),
            Some(Input::Key(Key::char('G')))
        );
        assert_eq!(
            translate(press(TermKey::Char('D'), KeyModifiers::CONTROL)),
            Some(Input::Key(Key::ctrl('d')))
        );
    }

    #[test]
    fn key_releases_are_ignored() {
        let release = Event::Key(KeyEvent {
            code: TermKey::Char('j'),
            modifiers: KeyModifiers::NONE,
            kind: KeyEventKind::Release,
            state: KeyEventState::NONE,
        });
        assert_eq!(translate(release), None);
    }
}
