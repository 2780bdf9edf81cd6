//! Lays the user's TOML over the defaults, checking every user setting against
//! the defaults' shape, so each mistake is reported at its place in the file.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::{Table, Value};

use super::style::parse_style;
use super::{Config, ConfigError, Keys};
use crate::keymap::Command;
use crate::keymap::{Chord, parse_chord};
use crate::text::line_and_column;

/// Tables whose entries are not fixed by the defaults.
const OPEN_TABLES: [&str; 4] = ["theme.colors", "keys", "keys.reader", "keys.lists"];
const KEY_CONTEXTS: [&str; 3] = ["keys", "keys.reader", "keys.lists"];

pub fn load(file: &str, default_text: &str, user_text: &str) -> Result<Config, ConfigError> {
    let builtin = |message: String| ConfigError {
        file: "the built-in configuration".into(),
        position: None,
        setting: None,
        message,
    };
    let mut merged: Table = toml::from_str(default_text).map_err(|e| builtin(e.to_string()))?;
    let user = UserFile::parse(file, user_text)?;
    overlay(&mut merged, &user.table, &mut Vec::new(), &user)?;
    let mut config: Config = Value::Table(merged)
        .try_into()
        .map_err(|e: toml::de::Error| builtin(e.to_string()))?;
    take_keys_from_defaults(&mut config.keys, &user)?;
    config
        .keymap()
        .map_err(|e| user.error_at(&["keys"], Spot::Key, e.to_string()))?;
    Ok(config)
}

/// The user's file: its values, and where each one stands.
struct UserFile<'a> {
    file: &'a str,
    text: &'a str,
    table: Table,
    spans: Option<DeTable<'a>>,
}

#[derive(Clone, Copy)]
enum Spot {
    Key,
    Value,
}

impl<'a> UserFile<'a> {
    fn parse(file: &'a str, text: &'a str) -> Result<UserFile<'a>, ConfigError> {
        let table: Table = toml::from_str(text).map_err(|err| {
            let position = err.span().map(|span| line_and_column(text, span.start));
            ConfigError {
                file: file.into(),
                position,
                setting: None,
                message: err.message().trim().to_string(),
            }
        })?;
        let spans = DeTable::parse(text).ok().map(|t| t.into_inner());
        Ok(UserFile {
            file,
            text,
            table,
            spans,
        })
    }

    /// An error about the setting at `path`.
    fn error_at(&self, path: &[&str], spot: Spot, message: String) -> ConfigError {
        let position = self.span(path, spot).map(|span| line_and_column(self.text, span.start));
        ConfigError {
            file: self.file.into(),
            position,
            setting: Some(path.join(".")),
            message,
        }
    }

    fn span(&self, path: &[&str], spot: Spot) -> Option<Range<usize>> {
        let mut table = self.spans.as_ref()?;
        for (i, segment) in path.iter().enumerate() {
            let (key, value) = table.iter().find(|(k, _)| k.get_ref().as_ref() == *segment)?;
            if i + 1 == path.len() {
                return Some(match spot {
                    Spot::Key => key.span(),
                    Spot::Value => value.span(),
                });
            }
            match value.get_ref() {
                DeValue::Table(inner) => table = inner,
                _ => return Some(value.span()),
            }
        }
        None
    }
}

fn overlay(base: &mut Table, user: &Table, path: &mut Vec<String>, file: &UserFile<'_>) -> Result<(), ConfigError> {
    let parent = path.join(".");
    for (key, value) in user {
        path.push(key.clone());
        let at: Vec<&str> = path.iter().map(String::as_str).collect();
        match base.get_mut(key) {
            Some(Value::Table(base_table)) if value.is_table() => {
                if let Value::Table(user_table) = value {
                    overlay(base_table, user_table, path, file)?;
                }
            }
            Some(existing) => {
                if existing.type_str() != value.type_str() {
                    let message = format!("must be {}, not {}", kind(existing), kind(value));
                    return Err(file.error_at(&at, Spot::Value, message));
                }
                if OPEN_TABLES.contains(&parent.as_str()) {
                    check_open_entry(&parent, key, value, &at, file)?;
                }
                check_value(&at, value).map_err(|m| file.error_at(&at, Spot::Value, m))?;
                *existing = value.clone();
            }
            None if OPEN_TABLES.contains(&parent.as_str()) => {
                check_open_entry(&parent, key, value, &at, file)?;
                base.insert(key.clone(), value.clone());
            }
            None => {
                let known: Vec<&String> = base.keys().collect();
                let message = match closest(key, &known) {
                    Some(close) => format!("is not a setting (did you mean {close}?)"),
                    None => "is not a setting".to_string(),
                };
                return Err(file.error_at(&at, Spot::Key, message));
            }
        }
        path.pop();
    }
    Ok(())
}

/// Values with rules beyond their TOML type.
fn check_value(path: &[&str], value: &Value) -> Result<(), String> {
    match path.join(".").as_str() {
        "reading.max_width" => match value.as_integer() {
            Some(10..=1000) => Ok(()),
            _ => Err(format!("must be between 10 and 1000, not {value}")),
        },
        "reading.ambiguous_width" => one_of(value, &["auto", "narrow", "wide"]),
        "theme.name" => one_of(value, &["dark", "light"]),
        "library.paths" => match value.as_array() {
            Some(items) if items.iter().all(Value::is_str) => Ok(()),
            _ => Err("must be a list of folder paths (strings)".into()),
        },
        _ => Ok(()),
    }
}

fn check_open_entry(
    parent: &str,
    key: &str,
    value: &Value,
    at: &[&str],
    file: &UserFile<'_>,
) -> Result<(), ConfigError> {
    if parent == "theme.colors" {
        if !super::THEME_ELEMENTS.contains(&key) {
            return Err(file.error_at(at, Spot::Key, "is not an element of the theme".into()));
        }
        let style = value
            .as_str()
            .ok_or_else(|| file.error_at(at, Spot::Value, format!("must be a string, not {}", kind(value))))?;
        return parse_style(style)
            .map(|_| ())
            .map_err(|m| file.error_at(at, Spot::Value, m));
    }
    if Command::from_name(key).is_none() {
        return Err(file.error_at(
            at,
            Spot::Key,
            "is not a command; `yuedu config --keys` lists them".into(),
        ));
    }
    let names = key_names(value).ok_or_else(|| {
        file.error_at(
            at,
            Spot::Value,
            "must be a list of key names, such as [\"j\", \"down\"]".into(),
        )
    })?;
    for name in names {
        if parse_chord(name).is_none() {
            return Err(file.error_at(at, Spot::Value, format!("has {name:?}, which is not a key name")));
        }
    }
    Ok(())
}

/// A key bound in the user's file is taken away from the commands that had it
/// by default in the same context; two user commands on one key is an error.
fn take_keys_from_defaults(keys: &mut Keys, file: &UserFile<'_>) -> Result<(), ConfigError> {
    let Some(Value::Table(user_keys)) = file.table.get("keys") else {
        return Ok(());
    };
    for context in KEY_CONTEXTS {
        let user_table = match context.strip_prefix("keys.") {
            Some(sub) => user_keys.get(sub).and_then(Value::as_table),
            None => Some(user_keys),
        };
        let Some(user_table) = user_table else {
            continue;
        };
        let mut claimed: BTreeMap<Chord, String> = BTreeMap::new();
        for (command, value) in user_table {
            let Some(names) = key_names(value) else {
                continue;
            };
            for name in names {
                let Some(chord) = parse_chord(name) else {
                    continue;
                };
                if let Some(first) = claimed.insert(chord, command.clone())
                    && first != *command
                {
                    let mut at: Vec<&str> = context.split('.').collect();
                    at.push(command);
                    return Err(file.error_at(&at, Spot::Value, format!("binds {name:?}, which {first} has too")));
                }
            }
        }
        let user_commands: BTreeSet<&String> = user_table.keys().collect();
        let table = match context {
            "keys.reader" => &mut keys.reader,
            "keys.lists" => &mut keys.lists,
            _ => &mut keys.global,
        };
        for (command, names) in table.iter_mut() {
            if !user_commands.contains(command) {
                names.retain(|name| parse_chord(name).is_none_or(|chord| !claimed.contains_key(&chord)));
            }
        }
    }
    Ok(())
}

fn key_names(value: &Value) -> Option<Vec<&str>> {
    value.as_array()?.iter().map(Value::as_str).collect()
}

fn one_of(value: &Value, allowed: &[&str]) -> Result<(), String> {
    match value.as_str() {
        Some(v) if allowed.contains(&v) => Ok(()),
        _ => Err(format!("must be {}, not {value}", allowed.join(" or "))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "a string",
        Value::Integer(_) => "a whole number",
        Value::Float(_) => "a number",
        Value::Boolean(_) => "true or false",
        Value::Datetime(_) => "a date",
        Value::Array(_) => "a list",
        Value::Table(_) => "a table",
    }
}

fn closest<'k>(key: &str, known: &[&'k String]) -> Option<&'k String> {
    known
        .iter()
        .map(|k| (strsim::normalized_levenshtein(key, k), *k))
        .filter(|(score, _)| *score >= 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}
