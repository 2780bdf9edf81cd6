//! Input threads: terminal events and signals both become messages on one
//! channel, so the event loop blocks on a single receiver and uses no CPU
//! while nothing happens.

use std::sync::mpsc::Sender;

use ratatui::crossterm::event::{
    self, Event, KeyCode as TermKey, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEventKind,
};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

use crate::app::Input;
use crate::keymap::{Key, KeyCode};

pub enum Message {
    Input(Input),
    /// A terminal event the app has no use for (key releases, focus changes).
    Ignored,
    /// SIGTERM or SIGHUP: quit cleanly.
    Signal,
    Failed(std::io::Error),
}

pub fn spawn_terminal_reader(sender: Sender<Message>) {
    std::thread::spawn(move || {
        loop {
            let message = match event::read() {
                Ok(event) => translate(event).map_or(Message::Ignored, Message::Input),
                Err(err) => Message::Failed(err),
            };
            let failed = matches!(message, Message::Failed(_));
            if sender.send(message).is_err() || failed {
                return;
            }
        }
    });
}

pub fn spawn_signal_listener(sender: Sender<Message>) -> std::io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let _ = sender.send(Message::Signal);
        }
    });
    Ok(())
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
