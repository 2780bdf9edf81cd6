//! Keys and the keymap: parsing key names ("ctrl-d", "g g"), and resolving a
//! key press, or a chord of them, to a command in the current context.

use std::collections::BTreeMap;
use std::fmt;

use thiserror::Error;

use super::command::Command;
use crate::config::Keys;

/// A key press, independent of the terminal library.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeyCode {
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Delete,
    Up,
    Down,
    Left,
    Right,
    Home,
    End,
    PageUp,
    PageDown,
    F(u8),
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key {
            code,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn char(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key {
            code: KeyCode::Char(c),
            ctrl: true,
            alt: false,
        }
    }

    /// Parses one key name: "j", "G", "ctrl-d", "alt-x", "shift-tab", "pagedown", "f5".
    pub fn parse(name: &str) -> Option<Key> {
        let mut key = Key::plain(KeyCode::Esc);
        let mut rest = name;
        let mut shift = false;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.chars().count() > 1 && lower.starts_with("ctrl-") {
                key.ctrl = true;
                rest = &rest[5..];
            } else if rest.chars().count() > 1 && lower.starts_with("alt-") {
                key.alt = true;
                rest = &rest[4..];
            } else if rest.chars().count() > 1 && lower.starts_with("shift-") {
                shift = true;
                rest = &rest[6..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        key.code = match (chars.next(), chars.next()) {
            (Some(c), None) if shift => KeyCode::Char(c.to_ascii_uppercase()),
            (Some(c), None) => KeyCode::Char(if key.ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" if shift => KeyCode::BackTab,
                "tab" => KeyCode::Tab,
                "backtab" => KeyCode::BackTab,
                "space" => KeyCode::Char(' '),
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=12) => KeyCode::F(n),
                    _ => return None,
                },
                _ => return None,
            },
        };
        Some(key)
    }
}

impl fmt::Display for Key {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Delete => f.write_str("Delete"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::Left => f.write_str("Left"),
            KeyCode::Right => f.write_str("Right"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PageUp"),
            KeyCode::PageDown => f.write_str("PageDown"),
            KeyCode::F(n) => write!(f, "F{n}"),
        }
    }
}

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Context {
    Global,
    Reader,
    Lists,
}

impl Context {
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "keys",
            Context::Reader => "keys.reader",
            Context::Lists => "keys.lists",
        }
    }
}

/// A sequence of keys: one key, or a chord such as "g g".
pub type Chord = Vec<Key>;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum KeymapError {
    #[error("[{context}] {command}: unknown command")]
    UnknownCommand { context: &'static str, command: String },
    #[error("[{context}] {command}: {key:?} is not a key name")]
    UnknownKey {
        context: &'static str,
        command: String,
        key: String,
    },
    #[error("[{context}] {key:?} is bound to both {first} and {second}")]
    Conflict {
        context: &'static str,
        key: String,
        first: String,
        second: String,
    },
}

/// Resolved bindings per context.
#[derive(Clone, Debug, Default)]
pub struct Keymap {
    bindings: BTreeMap<(Context, Chord), Command>,
}

/// What a key press means, given the keys pressed before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    Command(Command),
    /// The start of a chord: wait for the next key.
    Pending,
    Unbound,
}

impl Keymap {
    pub fn from_config(keys: &Keys) -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap::default();
        for (context, table) in [
            (Context::Global, &keys.global),
            (Context::Reader, &keys.reader),
            (Context::Lists, &keys.lists),
        ] {
            for (name, key_names) in table {
                let command = Command::from_name(name).ok_or_else(|| KeymapError::UnknownCommand {
                    context: context.name(),
                    command: name.clone(),
                })?;
                for key_name in key_names {
                    let chord = parse_chord(key_name).ok_or_else(|| KeymapError::UnknownKey {
                        context: context.name(),
                        command: name.clone(),
                        key: key_name.clone(),
                    })?;
                    if let Some(first) = keymap.bindings.insert((context, chord), command)
                        && first != command
                    {
                        return Err(KeymapError::Conflict {
                            context: context.name(),
                            key: key_name.clone(),
                            first: first.name().to_string(),
                            second: name.clone(),
                        });
                    }
                }
            }
        }
        Ok(keymap)
    }

    /// Resolves `pending` + `key` in `context`, falling back to global bindings.
    pub fn resolve(&self, context: Context, pending: &[Key], key: Key) -> Resolution {
        let mut chord = pending.to_vec();
        chord.push(key);
        for ctx in [context, Context::Global] {
            if let Some(command) = self.bindings.get(&(ctx, chord.clone())) {
                return Resolution::Command(*command);
            }
        }
        let starts_chord = self.bindings.keys().any(|(ctx, c)| {
            (*ctx == context || *ctx == Context::Global) && c.len() > chord.len() && c.starts_with(&chord)
        });
        if starts_chord {
            Resolution::Pending
        } else {
            Resolution::Unbound
        }
    }

    /// Keys bound to each command in a context (context bindings first), for help screens.
    pub fn keys_for(&self, context: Context, command: Command) -> Vec<String> {
        let mut out = Vec::new();
        for ctx in [context, Context::Global] {
            for ((c, chord), cmd) in &self.bindings {
                if *c == ctx && *cmd == command {
                    let shown = chord.iter().map(ToString::to_string).collect::<Vec<_>>().join(" ");
                    if !out.contains(&shown) {
                        out.push(shown);
                    }
                }
            }
        }
        out
    }

    /// Every binding, for `yuedu config --keys`.
    pub fn bindings(&self) -> impl Iterator<Item = (Context, String, Command)> + '_ {
        self.bindings.iter().map(|((ctx, chord), cmd)| {
            (
                *ctx,
                chord.iter().map(ToString::to_string).collect::<Vec<_>>().join(" "),
                *cmd,
            )
        })
    }
}

/// Parses a key or a chord of keys separated by spaces ("g g").
pub fn parse_chord(text: &str) -> Option<Chord> {
    let keys: Option<Chord> = if text == " " {
        Some(vec![Key::char(' ')])
    } else {
        text.split_whitespace().map(Key::parse).collect()
    };
    keys.filter(|k| !k.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(global: &[(&str, &[&str])], reader: &[(&str, &[&str])]) -> Keys {
        let table = |pairs: &[(&str, &[&str])]| {
            pairs
                .iter()
                .map(|(c, ks)| (c.to_string(), ks.iter().map(|k| k.to_string()).collect()))
                .collect()
        };
        Keys {
            global: table(global),
            reader: table(reader),
            lists: BTreeMap::new(),
        }
    }

    #[test]
    fn parses_key_names() {
        assert_eq!(Key::parse("j"), Some(Key::char('j')));
        assert_eq!(Key::parse("G"), Some(Key::char('G')));
        assert_eq!(Key::parse("ctrl-d"), Some(Key::ctrl('d')));
        assert_eq!(Key::parse("Ctrl-D"), Some(Key::ctrl('d')));
        assert_eq!(Key::parse("shift-tab"), Some(Key::plain(KeyCode::BackTab)));
        assert_eq!(Key::parse("shift-g"), Some(Key::char('G')));
        assert_eq!(Key::parse("pagedown"), Some(Key::plain(KeyCode::PageDown)));
        assert_eq!(Key::parse("f12"), Some(Key::plain(KeyCode::F(12))));
        assert_eq!(Key::parse("-"), Some(Key::char('-')));
        assert_eq!(Key::parse("f13"), None);
        assert_eq!(Key::parse("hyper-x"), None);
    }

    #[test]
    fn chords_wait_for_their_second_key() {
        let map = Keymap::from_config(&keys(&[("top", &["g g"]), ("quit", &["q"])], &[])).expect("valid");
        assert_eq!(map.resolve(Context::Reader, &[], Key::char('g')), Resolution::Pending);
        assert_eq!(
            map.resolve(Context::Reader, &[Key::char('g')], Key::char('g')),
            Resolution::Command(Command::Top)
        );
        assert_eq!(map.resolve(Context::Reader, &[], Key::char('x')), Resolution::Unbound);
    }

    #[test]
    fn context_bindings_take_precedence() {
        let map = Keymap::from_config(&keys(&[("quit", &["q"])], &[("back", &["q"])])).expect("valid");
        assert_eq!(
            map.resolve(Context::Reader, &[], Key::char('q')),
            Resolution::Command(Command::Back)
        );
        assert_eq!(
            map.resolve(Context::Lists, &[], Key::char('q')),
            Resolution::Command(Command::Quit)
        );
    }

    #[test]
    fn errors_name_the_setting() {
        let err = Keymap::from_config(&keys(&[("fly", &["x"])], &[])).unwrap_err();
        assert_eq!(err.to_string(), "[keys] fly: unknown command");
        let err = Keymap::from_config(&keys(&[("quit", &["hyper-q"])], &[])).unwrap_err();
        assert_eq!(err.to_string(), "[keys] quit: \"hyper-q\" is not a key name");
        let err = Keymap::from_config(&keys(&[("quit", &["q"]), ("help", &["q"])], &[])).unwrap_err();
        assert_eq!(err.to_string(), "[keys] \"q\" is bound to both help and quit");
    }
}
