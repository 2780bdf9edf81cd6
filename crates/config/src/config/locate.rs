//! Where a mistake stands in a file: serde's errors, and the keymap's, turned
//! into one sentence with line, column and the setting's dotted name. serde's
//! own wording ("invalid type", "unknown field") is put in the words of the
//! configuration ("must be true or false", "is not a setting").

use std::ops::Range;

use serde::de::DeserializeOwned;
use toml::de::{DeTable, DeValue};

use super::ConfigError;
use crate::keymap::KeymapError;
use crate::text::line_and_column;

/// A file's text, whose keys and values are placed when a mistake is to be
/// explained (a file read without one is parsed once).
pub(super) struct Spans<'a> {
    file: &'a str,
    text: &'a str,
}

/// Parses `text` into `T`; a mistake is located and explained.
pub(super) fn parse<'a, T: DeserializeOwned>(file: &'a str, text: &'a str) -> Result<(T, Spans<'a>), ConfigError> {
    let spans = Spans { file, text };
    match toml::from_str(text) {
        Ok(value) => Ok((value, spans)),
        Err(err) => Err(match spans.table() {
            Ok(table) => spans.explain(&table, &err),
            Err(syntax) => syntax,
        }),
    }
}

impl<'a> Spans<'a> {
    /// Every key and value of the file with its place; a syntax error at its place.
    fn table(&self) -> Result<DeTable<'a>, ConfigError> {
        match DeTable::parse(self.text) {
            Ok(table) => Ok(table.into_inner()),
            Err(err) => Err(ConfigError {
                file: self.file.into(),
                position: err.span().map(|span| line_and_column(self.text, span.start)),
                setting: None,
                message: err.message().trim().to_string(),
            }),
        }
    }

    /// A deserialisation error at its place, in the configuration's words.
    fn explain(&self, table: &DeTable<'_>, err: &toml::de::Error) -> ConfigError {
        let message = err.message().trim();
        let Some(span) = err.span() else {
            return self.error(None, None, message.to_string());
        };
        let path = find(table, span.start).unwrap_or_default();
        let setting = (!path.is_empty()).then(|| path.join("."));
        self.error(Some(span.start), setting, reword(message))
    }

    /// A keymap error at the first of its settings the file has.
    pub(super) fn keymap_error(&self, err: &KeymapError) -> ConfigError {
        let mut candidates: Vec<Vec<&str>> = err
            .settings()
            .into_iter()
            .map(|(context, command)| {
                let mut path: Vec<&str> = context.name().split('.').collect();
                path.push(command.name());
                path
            })
            .collect();
        candidates.push(vec!["keys"]);
        let table = self.table().ok();
        let place = candidates.iter().find_map(|path| {
            let span = value_span(table.as_ref()?, path)?;
            Some((path, span.start))
        });
        let (path, at) = match place {
            Some((path, at)) => (path.join("."), Some(at)),
            None => (candidates[0].join("."), None),
        };
        self.error(at, Some(path), err.detail())
    }

    fn error(&self, at: Option<usize>, setting: Option<String>, message: String) -> ConfigError {
        ConfigError {
            file: self.file.into(),
            position: at.map(|at| line_and_column(self.text, at)),
            setting,
            message,
        }
    }
}

/// Where the value of the setting at `path` stands.
fn value_span(whole: &DeTable<'_>, path: &[&str]) -> Option<Range<usize>> {
    let mut table = whole;
    let (last, parents) = path.split_last()?;
    for segment in parents {
        match table.get(*segment).map(|v| v.get_ref()) {
            Some(DeValue::Table(inner)) => table = inner,
            _ => return None,
        }
    }
    table.get(*last).map(|v| v.span())
}

/// The dotted path of the key or value that holds byte `at`, deepest first.
fn find(table: &DeTable<'_>, at: usize) -> Option<Vec<String>> {
    for (key, value) in table.iter() {
        let name = key.get_ref().to_string();
        if key.span().contains(&at) {
            return Some(vec![name]);
        }
        if let DeValue::Table(inner) = value.get_ref()
            && let Some(mut rest) = find(inner, at)
        {
            rest.insert(0, name);
            return Some(rest);
        }
        if value.span().contains(&at) {
            return Some(vec![name]);
        }
    }
    None
}

/// serde's message in the configuration's words; messages of the setting
/// types themselves pass unchanged.
fn reword(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let name = rest.split('`').next().unwrap_or_default();
        let known = quoted_after_expected(rest);
        return match crate::suggest::closest(name, known.iter().copied()) {
            Some(close) => format!("is not a setting (did you mean {close}?)"),
            None => "is not a setting".into(),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let value = rest.split('`').next().unwrap_or_default();
        return format!("must be {}, not {value:?}", quoted_after_expected(rest).join(" or "));
    }
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!("must be {}, not {}", expected_kind(expected), found_kind(found));
    }
    message.to_string()
}

/// The `quoted` names after "expected" in serde's message.
fn quoted_after_expected(message: &str) -> Vec<&str> {
    let Some((_, list)) = message.split_once("expected") else {
        return Vec::new();
    };
    list.split('`').skip(1).step_by(2).collect()
}

fn found_kind(found: &str) -> &'static str {
    let kinds = [
        ("string", "a string"),
        ("integer", "a whole number"),
        ("floating point", "a number"),
        ("boolean", "true or false"),
        ("sequence", "a list"),
        ("map", "a table"),
    ];
    kinds
        .iter()
        .find(|(word, _)| found.starts_with(word))
        .map_or("something else", |(_, kind)| kind)
}

fn expected_kind(expected: &str) -> String {
    let kind = if expected.contains("bool") {
        "true or false"
    } else if expected.contains("sequence") {
        "a list"
    } else if expected.contains("string") {
        "a string"
    } else if expected.contains("struct") || expected.contains("map") || expected.contains("table") {
        "a table"
    } else if expected.contains("integer") || expected.starts_with('i') || expected.starts_with('u') {
        "a whole number"
    } else {
        return expected.to_string();
    };
    kind.to_string()
}
