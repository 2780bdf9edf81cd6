//! The `[keys]` table as the configuration holds it, and the keymap built by
//! laying a user's table over the defaults. A keymap is refused when it could
//! lock the user in: `quit` or `help` without a working key somewhere, or a
//! chord that can never run because another binding is its start.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use super::{Chord, Command, Keymap, Scope, chord_name, parse_chord};

/// One key or chord as written in the configuration ("ctrl-d", "g g").
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct Binding {
    pub chord: Chord,
    /// As written, for messages.
    pub name: String,
}

impl TryFrom<String> for Binding {
    type Error = String;

    fn try_from(name: String) -> Result<Binding, String> {
        match parse_chord(&name) {
            Some(chord) => Ok(Binding { chord, name }),
            None => Err(format!("has {name:?}, which is not a key name")),
        }
    }
}

/// Command → its keys, in one context.
pub type Bindings = BTreeMap<Command, Vec<Binding>>;

/// The `[keys]` table: bindings that apply everywhere, and the `reader` and
/// `lists` tables that take precedence in their context.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keys {
    pub global: Bindings,
    pub reader: Bindings,
    pub lists: Bindings,
}

impl Keys {
    pub fn table(&self, context: Scope) -> &Bindings {
        match context {
            Scope::Global => &self.global,
            Scope::Reader => &self.reader,
            Scope::Lists => &self.lists,
        }
    }
}

/// A key of `[keys]`: a context table or a command.
enum Entry {
    Scope(Scope),
    Command(Command),
}

impl<'de> Deserialize<'de> for Entry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Entry, D::Error> {
        let name = String::deserialize(deserializer)?;
        match name.as_str() {
            "reader" => Ok(Entry::Scope(Scope::Reader)),
            "lists" => Ok(Entry::Scope(Scope::Lists)),
            _ => Command::try_from(name).map(Entry::Command).map_err(de::Error::custom),
        }
    }
}

impl<'de> Deserialize<'de> for Keys {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Keys, D::Error> {
        struct KeysVisitor;

        impl<'de> Visitor<'de> for KeysVisitor {
            type Value = Keys;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a table")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Keys, A::Error> {
                let mut keys = Keys::default();
                while let Some(entry) = map.next_key::<Entry>()? {
                    match entry {
                        Entry::Scope(Scope::Reader) => keys.reader = map.next_value()?,
                        Entry::Scope(_) => keys.lists = map.next_value()?,
                        Entry::Command(command) => {
                            keys.global.insert(command, map.next_value()?);
                        }
                    }
                }
                Ok(keys)
            }
        }

        deserializer.deserialize_map(KeysVisitor)
    }
}

/// A keymap that cannot be used; it names the settings it is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeymapError {
    /// Two commands on one key in one context.
    Conflict {
        context: Scope,
        command: Command,
        key: String,
        other: Command,
    },
    /// A chord that never runs because a binding of its start runs first.
    Unreachable {
        context: Scope,
        command: Command,
        key: String,
        start: String,
        other: (Scope, Command),
    },
    /// `quit` or `help` without a key that works in `context`; `taken_by`
    /// is the binding that took the last of its keys there.
    LockedOut {
        context: Scope,
        command: Command,
        taken_by: Option<(Scope, Command)>,
    },
}

impl KeymapError {
    /// The settings the error is about, as (context, command), the most
    /// likely place of the mistake first.
    pub fn settings(&self) -> Vec<(Scope, Command)> {
        match self {
            KeymapError::Conflict { context, command, .. } => vec![(*context, *command)],
            KeymapError::Unreachable {
                context,
                command,
                other,
                ..
            } => vec![(*context, *command), *other],
            KeymapError::LockedOut {
                context,
                command,
                taken_by,
            } => {
                let mut out: Vec<(Scope, Command)> = taken_by.iter().copied().collect();
                out.extend([(Scope::Global, *command), (*context, *command)]);
                out
            }
        }
    }

    /// What is wrong, to follow the setting's name.
    pub fn detail(&self) -> String {
        match self {
            KeymapError::Conflict { key, other, .. } => {
                format!("binds {key:?}, which {} has too", other.name())
            }
            KeymapError::Unreachable { key, start, other, .. } => format!(
                "binds {key:?}, which can never run: {start:?} runs {} first",
                other.1.name()
            ),
            KeymapError::LockedOut { context, command, .. } => format!(
                "leaves {0} without a key {1}; {0} must keep one that works everywhere",
                command.name(),
                context.place()
            ),
        }
    }
}

impl fmt::Display for KeymapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (context, command) = self.settings()[0];
        write!(f, "{}.{} {}", context.name(), command.name(), self.detail())
    }
}

impl std::error::Error for KeymapError {}

/// Commands that must always keep a working key, so the user is never locked in.
const ESSENTIAL: [Command; 2] = [Command::Quit, Command::Help];

impl Keymap {
    /// `user` laid over `defaults`: in each context a command the user binds
    /// gets exactly the user's keys, and a key the user binds is taken away
    /// from the default command that had it there.
    pub fn new(defaults: &Keys, user: &Keys) -> Result<Keymap, KeymapError> {
        let mut keymap = Keymap::default();
        for context in Scope::ALL {
            let user_table = user.table(context);
            let claimed: Vec<&Chord> = user_table.values().flatten().map(|b| &b.chord).collect();
            let kept = defaults
                .table(context)
                .iter()
                .filter(|(command, _)| !user_table.contains_key(command))
                .flat_map(|(command, bindings)| bindings.iter().map(move |b| (*command, b)))
                .filter(|(_, b)| !claimed.contains(&&b.chord));
            let chosen = user_table
                .iter()
                .flat_map(|(command, bindings)| bindings.iter().map(move |b| (*command, b)));
            for (command, binding) in chosen.chain(kept) {
                if let Some(other) = keymap.bindings.insert((context, binding.chord.clone()), command)
                    && other != command
                {
                    return Err(KeymapError::Conflict {
                        context,
                        command,
                        key: binding.name.clone(),
                        other,
                    });
                }
            }
        }
        keymap.check_chords()?;
        for command in ESSENTIAL {
            keymap.check_reachable(command)?;
        }
        Ok(keymap)
    }

    /// Refuses a chord whose start runs another command in every context it applies to.
    fn check_chords(&self) -> Result<(), KeymapError> {
        for ((context, chord), command) in &self.bindings {
            let applies: &[Scope] = match context {
                Scope::Global => &Scope::FOCUSED,
                _ => std::slice::from_ref(context),
            };
            let blocked: Vec<_> = applies
                .iter()
                .filter_map(|ctx| (1..chord.len()).find_map(|end| self.exact(*ctx, &chord[..end]).map(|o| (end, o))))
                .collect();
            if let Some(&(end, other)) = blocked.first()
                && blocked.len() == applies.len()
            {
                return Err(KeymapError::Unreachable {
                    context: *context,
                    command: *command,
                    key: chord_name(chord),
                    start: chord_name(&chord[..end]),
                    other,
                });
            }
        }
        Ok(())
    }

    /// Refuses a keymap that leaves `command` no working key in some context.
    fn check_reachable(&self, command: Command) -> Result<(), KeymapError> {
        for context in Scope::FOCUSED {
            let chords: Vec<&Chord> = self
                .bindings
                .iter()
                .filter(|((ctx, _), cmd)| **cmd == command && (*ctx == context || *ctx == Scope::Global))
                .map(|((_, chord), _)| chord)
                .collect();
            if chords.iter().any(|chord| self.runs(context, chord) == Some(command)) {
                continue;
            }
            let taken_by = chords
                .iter()
                .find_map(|chord| (1..=chord.len()).find_map(|end| self.exact(context, &chord[..end])));
            return Err(KeymapError::LockedOut {
                context,
                command,
                taken_by,
            });
        }
        Ok(())
    }
}
