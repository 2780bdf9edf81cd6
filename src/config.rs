//! Configuration: the embedded `config/default.toml` is the only source of
//! defaults; a user's file overrides any subset of it. Every mistake in the
//! user's file is reported with file, line, column and setting before the
//! terminal is touched. Pure: no terminal here.

mod merge;
pub mod style;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::keymap::{Keymap, KeymapError, Keys};

/// The default configuration, compiled in.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");
/// The file name inside the platform config folder.
pub const FILE_NAME: &str = "config.toml";

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub library: LibrarySettings,
    pub reading: Reading,
    pub theme: ThemeSettings,
    pub interface: Interface,
    pub search: Search,
    pub keys: Keys,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct LibrarySettings {
    pub paths: Vec<String>,
    pub cache: bool,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub max_width: usize,
    pub indent: bool,
    pub paragraph_spacing: bool,
    pub ambiguous_width: AmbiguousSetting,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AmbiguousSetting {
    Auto,
    Narrow,
    Wide,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ThemeSettings {
    pub name: ThemeName,
    pub colors: BTreeMap<String, String>,
}

/// The elements of the interface a theme styles: the keys of `[theme.colors]`.
pub const THEME_ELEMENTS: &[&str] = &[
    "text",
    "heading",
    "title",
    "meta",
    "quote",
    "quote_bar",
    "code",
    "list_marker",
    "emphasis",
    "strong",
    "link",
    "hit",
    "current_hit",
    "pane_title",
    "pane_title_focused",
    "selected",
    "selected_unfocused",
    "dim",
    "status",
    "scrollbar_thumb",
    "overlay",
    "overlay_key",
    "input",
];

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    Dark,
    Light,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Interface {
    pub mouse: bool,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Search {
    pub pinyin_initials: bool,
}

/// A configuration file is a few kilobytes; this bounds what a wrong path reads.
const MAX_FILE_BYTES: u64 = 1 << 20;

/// A configuration mistake, located in its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub file: String,
    /// 1-based line and column, where the mistake has a place in the file.
    pub position: Option<(usize, usize)>,
    /// The setting, e.g. `reading.max_width`.
    pub setting: Option<String>,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some((line, column)) = self.position {
            write!(f, ", line {line}, column {column}")?;
        }
        match &self.setting {
            Some(setting) => write!(f, ": {setting} {}", self.message),
            None => write!(f, ": {}", self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl Config {
    /// The built-in configuration.
    pub fn default_config() -> Result<Config, ConfigError> {
        Config::from_user_text("the built-in configuration", "")
    }

    /// The defaults with a user's file laid over them.
    pub fn from_user_text(file: &str, text: &str) -> Result<Config, ConfigError> {
        merge::load(file, DEFAULT_TOML, text)
    }

    /// Loads the user's file: `explicit` (from `--config`, which must exist)
    /// or the platform file (used when present). Returns the file that was read.
    pub fn load(explicit: Option<&Path>, platform: Option<&Path>) -> Result<(Config, Option<PathBuf>), ConfigError> {
        let path = match (explicit, platform) {
            (Some(path), _) => Some(path.to_path_buf()),
            (None, Some(path)) if path.exists() => Some(path.to_path_buf()),
            _ => None,
        };
        let Some(path) = path else {
            return Ok((Config::default_config()?, None));
        };
        let shown = path.display().to_string();
        let text = crate::files::read_regular_text(&path, MAX_FILE_BYTES).map_err(|err| ConfigError {
            file: shown.clone(),
            position: None,
            setting: None,
            message: err.to_string(),
        })?;
        Ok((Config::from_user_text(&shown, &text)?, Some(path)))
    }

    /// The keymap these settings describe.
    pub fn keymap(&self) -> Result<Keymap, KeymapError> {
        Keymap::from_config(&self.keys)
    }

    /// Extra article folders with a leading "~/" expanded.
    pub fn library_paths(&self, home: Option<&Path>) -> Vec<PathBuf> {
        self.library
            .paths
            .iter()
            .map(|p| match (p.strip_prefix("~/"), home) {
                (Some(rest), Some(home)) => home.join(rest),
                _ => PathBuf::from(p),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
