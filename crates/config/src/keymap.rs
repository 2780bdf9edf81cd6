//! The bottom layer of interaction: keys, chords, the commands they can be
//! bound to, and the keymap that resolves a key press, or a chord of them, to
//! a command in the current context. The `[keys]` table of the configuration
//! deserialises into `Keys`; `Keymap::new` lays a user's `Keys` over the
//! defaults and refuses a keymap that could lock the user in. Pure: knows
//! nothing of the terminal, the configuration file or the app.
//!
//! # Design
//!
//! the bottom layer of interaction: `Key` (key names such as "ctrl-d", chords such as "g g"),
//! `Command` (bindable commands, their config names and help texts), `Keys` (the `[keys]` table,
//! deserialised with serde), `Keymap` (a user's `Keys` over the defaults, one place that refuses
//! conflicts, chords that can never run and keymaps that leave `quit` or `help` without a working
//! key; resolves a key press or a chord to a command; names the keys of a command for hints)

mod command;
mod key;
mod layers;

use std::collections::BTreeMap;

pub use command::Command;
pub use key::{Chord, Key, KeyCode, chord_name, parse_chord};
pub use layers::{Binding, Bindings, KeymapError, Keys};

/// Where a binding applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    Global,
    Reader,
    Lists,
}

impl Scope {
    pub const ALL: [Scope; 3] = [Scope::Global, Scope::Reader, Scope::Lists];
    /// The contexts a key press is resolved in (`Global` is their fallback).
    pub const FOCUSED: [Scope; 2] = [Scope::Reader, Scope::Lists];

    /// The table of the configuration that holds this context's keys.
    pub fn name(self) -> &'static str {
        match self {
            Scope::Global => "keys",
            Scope::Reader => "keys.reader",
            Scope::Lists => "keys.lists",
        }
    }

    /// Where the context applies, for messages.
    pub fn place(self) -> &'static str {
        match self {
            Scope::Global => "anywhere",
            Scope::Reader => "in the reader",
            Scope::Lists => "in the lists",
        }
    }
}

/// Resolved bindings per context.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Keymap {
    bindings: BTreeMap<(Scope, Chord), Command>,
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
    /// The command bound to exactly `chord` in `context`, or globally.
    fn exact(&self, context: Scope, chord: &[Key]) -> Option<(Scope, Command)> {
        [context, Scope::Global]
            .into_iter()
            .find_map(|ctx| self.bindings.get(&(ctx, chord.to_vec())).map(|command| (ctx, *command)))
    }

    /// Resolves `pending` + `key` in `context`, falling back to global bindings.
    pub fn resolve(&self, context: Scope, pending: &[Key], key: Key) -> Resolution {
        let mut chord = pending.to_vec();
        chord.push(key);
        if let Some((_, command)) = self.exact(context, &chord) {
            return Resolution::Command(command);
        }
        let starts_chord = self.bindings.keys().any(|(ctx, c)| {
            (*ctx == context || *ctx == Scope::Global) && c.len() > chord.len() && c.starts_with(&chord)
        });
        if starts_chord {
            Resolution::Pending
        } else {
            Resolution::Unbound
        }
    }

    /// Keys bound to a command in a context, for help screens and hints:
    /// single plain keys first, keys another binding hides left out.
    pub fn keys_for(&self, context: Scope, command: Command) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for chord in self.chords_for(context, command) {
            let shown = chord_name(chord);
            if !out.contains(&shown) {
                out.push(shown);
            }
        }
        out
    }

    /// The chords that run `command` in `context`, as `keys_for` orders them.
    fn chords_for(&self, context: Scope, command: Command) -> Vec<&Chord> {
        let mut chords: Vec<&Chord> = self
            .bindings
            .iter()
            .filter(|((c, chord), cmd)| {
                (*c == context || *c == Scope::Global) && **cmd == command && self.runs(context, chord) == Some(command)
            })
            .map(|((_, chord), _)| chord)
            .collect();
        chords.sort_by_key(|chord| (chord.len(), chord.iter().any(|k| k.ctrl || k.alt)));
        chords
    }

    /// The first key of `command` in `context`, for a short hint ("q 退出");
    /// `None` when nothing runs it there.
    pub fn hint(&self, context: Scope, command: Command) -> Option<String> {
        self.keys_for(context, command).into_iter().next()
    }

    /// Hints such as "? 帮助  q 退出": each command named by its first key in
    /// `context`, followed by its label; a command with no key there is left
    /// out, so a hint never names a key that does something else.
    pub fn hints(&self, context: Scope, items: &[(Command, &str)]) -> String {
        items
            .iter()
            .filter_map(|(command, label)| self.hint(context, *command).map(|key| format!("{key} {label}")))
            .collect::<Vec<_>>()
            .join("  ")
    }

    /// "KEY text" with the first key of `command`, or `text` alone when it has none.
    pub fn with_key(&self, context: Scope, command: Command, text: &str) -> String {
        match self.hint(context, command) {
            Some(key) => format!("{key} {text}"),
            None => text.to_string(),
        }
    }

    /// The keys that run `command` in a text box (the search and contents
    /// overlays, the prompts), which keeps the keys it `edits` with: the
    /// single keys bound to it in `context` that do not edit, or, when it
    /// has none there, the box's own key for it (Enter opens, Esc goes
    /// back, the arrows and page keys move), so a box can always be finished.
    pub fn text_box_keys(&self, context: Scope, command: Command, edits: impl Fn(&Key) -> bool) -> Vec<Key> {
        let bound: Vec<Key> = self
            .chords_for(context, command)
            .into_iter()
            .filter(|chord| chord.len() == 1 && !edits(&chord[0]))
            .map(|chord| chord[0])
            .collect();
        if !bound.is_empty() {
            return bound;
        }
        let own = match command {
            Command::Open => KeyCode::Enter,
            Command::Back => KeyCode::Esc,
            Command::LineDown => KeyCode::Down,
            Command::LineUp => KeyCode::Up,
            Command::PageDown => KeyCode::PageDown,
            Command::PageUp => KeyCode::PageUp,
            _ => return Vec::new(),
        };
        vec![Key::plain(own)]
    }

    /// What typing `chord` key by key runs in `context`.
    fn runs(&self, context: Scope, chord: &[Key]) -> Option<Command> {
        for end in 1..=chord.len() {
            match self.resolve(context, &chord[..end - 1], chord[end - 1]) {
                Resolution::Command(command) => return (end == chord.len()).then_some(command),
                Resolution::Pending => {}
                Resolution::Unbound => return None,
            }
        }
        None
    }

    /// Every binding, for `yuedu config --keys`.
    pub fn bindings(&self) -> impl Iterator<Item = (Scope, String, Command)> + '_ {
        self.bindings
            .iter()
            .map(|((ctx, chord), cmd)| (*ctx, chord_name(chord), *cmd))
    }
}

#[cfg(test)]
mod tests;
