//! Configuration: the embedded `config/default.toml` is the only source of
//! defaults. Pure: parsing and validation, no terminal.

use std::collections::BTreeMap;

use serde::Deserialize;
use thiserror::Error;

use crate::app::keys::{Keymap, KeymapError};

/// The default configuration, compiled in.
pub const DEFAULT_TOML: &str = include_str!("../config/default.toml");

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    pub reading: Reading,
    pub interface: Interface,
    pub keys: Keys,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Reading {
    pub max_width: usize,
    pub indent: bool,
    pub paragraph_spacing: bool,
}

#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Interface {
    pub mouse: bool,
}

/// Command name → keys, for all contexts and per context.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
pub struct Keys {
    #[serde(default)]
    pub reader: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub lists: BTreeMap<String, Vec<String>>,
    #[serde(flatten)]
    pub global: BTreeMap<String, Vec<String>>,
}

#[derive(Debug, Error)]
pub enum ConfigError {
    #[error("{file}: line {line}, column {column}: {message}")]
    Syntax {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("{file}: {source}")]
    Keys {
        file: String,
        #[source]
        source: KeymapError,
    },
    #[error("{file}: reading.max_width must be at least 10, not {value}")]
    MaxWidth { file: String, value: usize },
}

impl Config {
    /// The built-in configuration.
    pub fn default_config() -> Result<Config, ConfigError> {
        Config::parse("default configuration", DEFAULT_TOML)
    }

    /// Parses and validates a complete configuration file.
    pub fn parse(file: &str, text: &str) -> Result<Config, ConfigError> {
        let config: Config = toml::from_str(text).map_err(|err| {
            let at = err.span().map_or(0, |s| s.start);
            let (line, column) = crate::text::line_and_column(text, at);
            ConfigError::Syntax {
                file: file.to_string(),
                line,
                column,
                message: err.message().trim().to_string(),
            }
        })?;
        if config.reading.max_width < 10 {
            return Err(ConfigError::MaxWidth {
                file: file.to_string(),
                value: config.reading.max_width,
            });
        }
        config.keymap().map_err(|source| ConfigError::Keys {
            file: file.to_string(),
            source,
        })?;
        Ok(config)
    }

    /// The keymap these settings describe.
    pub fn keymap(&self) -> Result<Keymap, KeymapError> {
        Keymap::from_config(&self.keys)
    }
}
