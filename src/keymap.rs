//! The bottom layer of interaction: keys, chords, the commands they can be
//! bound to, and the keymap that resolves a key press, or a chord of them, to
//! a command in the current context. Pure: knows nothing of the terminal, the
//! configuration file or the app.

mod command;
mod key;

use std::collections::BTreeMap;

use serde::Deserialize;
use thiserror::Error;

pub use command::Command;
pub use key::{Chord, Key, KeyCode, parse_chord};

/// Command name → keys, for all contexts and per context, as the
/// configuration's `[keys]` table holds them.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct Keys {
    #[serde(default)]
    pub reader: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub lists: BTreeMap<String, Vec<String>>,
    #[serde(flatten)]
    pub global: BTreeMap<String, Vec<String>>,
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
