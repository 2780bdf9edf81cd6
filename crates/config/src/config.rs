//! Configuration: the embedded `config/default.toml` is the only source of
//! defaults; a user's file overrides any subset of it. The defaults are also
//! written out in code (`built_in`), so that a start without a user file
//! parses no TOML; a test parses the file and fails when the two differ.
//! The file and the user's deserialise into the same checked types
//! (`values`), so every mistake in the user's file is refused by serde and
//! reported with file, line, column and setting (`locate`) before the
//! terminal is touched. Pure: no terminal here.
//!
//! # Design
//!
//! `config/default.toml` (embedded, the only source of defaults; written out in `built_in`, which
//! a test checks against it) and the user's file deserialise into the same checked types
//! (`values`: numbers with their range, folder lists, style strings, theme element names;
//! `deny_unknown_fields` everywhere), declared once per table as complete settings and as the
//! subset a file gives; the user's subset is laid over the defaults; `locate` turns serde's and the
//! keymap's errors into one sentence with file, line, column and setting via `toml::de::DeTable`
//! spans; `style` parses style strings

mod built_in;
mod locate;
pub mod style;
mod values;

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::i18n::Lang;
use crate::keymap::{Keymap, Keys};
pub use values::{ChapterPattern, Colors, ColumnGap, FolderPaths, MaxWidth, ThemeElement, ThemeStyle};

/// The default configuration, compiled in.
pub const DEFAULT_TOML: &str = include_str!("../../../config/default.toml");
/// The file name inside the platform config folder.
pub const FILE_NAME: &str = "config.toml";
/// How the built-in configuration is named in messages.
const BUILT_IN: &str = "the built-in configuration";

/// Declares a table of settings twice from one list of fields: as the
/// complete settings the program uses, and as the subset a file may give
/// (`Option` fields, checked types, unknown names refused).
macro_rules! settings_table {
    ($(#[$meta:meta])* $name:ident / $patch:ident {
        $($(#[$field_meta:meta])* $field:ident: $ty:ty = $raw:ty,)*
    }) => {
        $(#[$meta])*
        #[derive(Clone, Debug, PartialEq, Eq)]
        pub struct $name {
            $($(#[$field_meta])* pub $field: $ty,)*
        }

        #[derive(Debug, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        struct $patch {
            $($field: Option<$raw>,)*
        }

        impl $patch {
            /// These settings over `base`.
            fn over(self, base: $name) -> $name {
                $name {
                    $($field: self.$field.map(Into::into).unwrap_or(base.$field),)*
                }
            }

            /// These settings alone: they must be complete (the defaults, as
            /// parsed from `config/default.toml` to check the built-in ones).
            #[cfg(test)]
            fn complete(self) -> Result<$name, &'static str> {
                Ok($name {
                    $($field: self.$field.map(Into::into).ok_or(stringify!($field))?,)*
                })
            }
        }
    };
}

settings_table! {
    /// Where articles come from.
    LibrarySettings / LibraryPatch {
        /// Extra article folders, as written ("~/" not yet expanded).
        paths: Vec<String> = FolderPaths,
        cache: bool = bool,
        /// The user's pattern for chapter headings of `.txt` books (empty: the built-in rule).
        chapter_pattern: String = ChapterPattern,
    }
}

settings_table! {
    /// How articles are laid out.
    Reading / ReadingPatch {
        max_width: usize = MaxWidth,
        indent: bool = bool,
        paragraph_spacing: bool = bool,
        ambiguous_width: AmbiguousSetting = AmbiguousSetting,
        script: ScriptSetting = ScriptSetting,
        /// How ruby readings (振り仮名) are shown: after their word, or not.
        ruby: crate::library::Ruby = crate::library::Ruby,
        direction: DirectionSetting = DirectionSetting,
        column_gap: usize = ColumnGap,
    }
}

settings_table! {
    /// The theme and its per-element overrides.
    ThemeSettings / ThemePatch {
        name: ThemeName = ThemeName,
        colors: Colors = Colors,
    }
}

settings_table! {
    Interface / InterfacePatch {
        mouse: bool = bool,
        language: LanguageSetting = LanguageSetting,
    }
}

/// The language of every message (`interface.language`): the locale's, or
/// the one named.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
pub enum LanguageSetting {
    #[serde(rename = "auto")]
    Auto,
    #[serde(rename = "en")]
    English,
    #[serde(rename = "zh")]
    Chinese,
    #[serde(rename = "zh-Hans")]
    Simplified,
    #[serde(rename = "zh-Hant")]
    Traditional,
}

impl LanguageSetting {
    /// The language to speak, given the one the locale chose.
    pub fn resolve(self, locale: Lang) -> Lang {
        match self {
            LanguageSetting::Auto => locale,
            LanguageSetting::English => Lang::English,
            // Chinese, in the form the locale prefers (zh_TW: Traditional).
            LanguageSetting::Chinese if locale == Lang::Traditional => Lang::Traditional,
            LanguageSetting::Chinese | LanguageSetting::Simplified => Lang::Simplified,
            LanguageSetting::Traditional => Lang::Traditional,
        }
    }
}

settings_table! {
    Search / SearchPatch {
        pinyin_initials: bool = bool,
    }
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum AmbiguousSetting {
    Auto,
    Narrow,
    Wide,
}

/// Which characters the reader shows text in (`reading.script`).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ScriptSetting {
    Original,
    Simplified,
    Traditional,
}

/// Which way the reader sets text (`reading.direction`): lines (横排) or
/// columns right to left (竖排).
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum DirectionSetting {
    Horizontal,
    Vertical,
}

#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum ThemeName {
    Dark,
    Light,
}

/// A whole file: any subset of the tables.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigPatch {
    library: Option<LibraryPatch>,
    reading: Option<ReadingPatch>,
    theme: Option<ThemePatch>,
    interface: Option<InterfacePatch>,
    search: Option<SearchPatch>,
    keys: Option<Keys>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    pub library: LibrarySettings,
    pub reading: Reading,
    pub theme: ThemeSettings,
    pub interface: Interface,
    pub search: Search,
    /// The keys of the defaults with the user's laid over them.
    pub keymap: Keymap,
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
    /// One sentence; control and bidi characters from the file (in a
    /// setting's name or value) are shown escaped, never sent raw.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", visible(&self.file))?;
        if let Some((line, column)) = self.position {
            write!(f, ", line {line}, column {column}")?;
        }
        match &self.setting {
            Some(setting) => write!(f, ": {} {}", visible(setting), visible(&self.message)),
            None => write!(f, ": {}", visible(&self.message)),
        }
    }
}

impl std::error::Error for ConfigError {}

/// `text` with control, bidi and line-breaking characters escaped (`\u{1b}`).
fn visible(text: &str) -> String {
    let hidden = |c: char| {
        c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{2028}' | '\u{2029}')
            || ('\u{202a}'..='\u{202e}').contains(&c)
            || ('\u{2066}'..='\u{2069}').contains(&c)
    };
    text.chars()
        .map(|c| {
            if hidden(c) {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

impl Config {
    /// Whether the terminal is to be asked how it draws ambiguous characters.
    pub fn detects_ambiguous_width(&self) -> bool {
        self.reading.ambiguous_width == AmbiguousSetting::Auto
    }

    /// The built-in configuration: the settings of `config/default.toml`,
    /// written out in `built_in` (no TOML is parsed).
    pub fn default_config() -> Result<Config, ConfigError> {
        Config::layered(ConfigPatch::default(), None)
    }

    /// The defaults with a user's file laid over them.
    pub fn from_user_text(file: &str, text: &str) -> Result<Config, ConfigError> {
        let (user, spans) = locate::parse::<ConfigPatch>(file, text)?;
        Config::layered(user, Some(&spans))
    }

    /// The built-in settings with `user`'s over them; `spans` place a
    /// mistake in the keys in the user's file.
    fn layered(user: ConfigPatch, spans: Option<&locate::Spans<'_>>) -> Result<Config, ConfigError> {
        let defaults = built_in::defaults();
        let keymap =
            Keymap::new(&defaults.keys, user.keys.as_ref().unwrap_or(&Keys::default())).map_err(|err| match spans {
                Some(spans) => spans.keymap_error(&err),
                None => ConfigError {
                    file: BUILT_IN.into(),
                    position: None,
                    setting: None,
                    message: err.detail(),
                },
            })?;
        Ok(Config {
            library: layer(defaults.library, user.library, LibraryPatch::over),
            reading: layer(defaults.reading, user.reading, ReadingPatch::over),
            theme: layer(defaults.theme, user.theme, ThemePatch::over),
            interface: layer(defaults.interface, user.interface, InterfacePatch::over),
            search: layer(defaults.search, user.search, SearchPatch::over),
            keymap,
        })
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

/// A table of the defaults with the user's table, if any, over it.
fn layer<P, T>(defaults: T, user: Option<P>, over: fn(P, T) -> T) -> T {
    match user {
        Some(user) => over(user, defaults),
        None => defaults,
    }
}

#[cfg(test)]
mod tests;
