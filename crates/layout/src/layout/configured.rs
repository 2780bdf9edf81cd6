//! The reading settings from the configuration: `[reading]` made into the
//! `ReadingSettings` that `show`, the reader and search snippets lay text
//! out with, and their defaults, whose only source is `config/default.toml`.

use super::{Direction, LayoutSettings, ReadingSettings};
use crate::config::{AmbiguousSetting, Config, DirectionSetting};
use crate::text::AmbiguousWidth;

/// The reading settings of `[reading]`; with `ambiguous_width = "auto"`
/// narrow until the terminal is asked (`Config::detects_ambiguous_width`).
pub fn reading_settings(config: &Config) -> ReadingSettings {
    let reading = &config.reading;
    ReadingSettings {
        max_width: reading.max_width,
        indent: reading.indent,
        paragraph_spacing: reading.paragraph_spacing,
        ambiguous: match reading.ambiguous_width {
            AmbiguousSetting::Wide => AmbiguousWidth::Wide,
            AmbiguousSetting::Narrow | AmbiguousSetting::Auto => AmbiguousWidth::Narrow,
        },
        direction: match reading.direction {
            DirectionSetting::Horizontal => Direction::Horizontal,
            DirectionSetting::Vertical => Direction::Vertical,
        },
        column_gap: reading.column_gap,
    }
}

/// The reading settings of `config/default.toml`, their only source (read
/// once).
impl Default for ReadingSettings {
    fn default() -> ReadingSettings {
        static DEFAULTS: std::sync::OnceLock<ReadingSettings> = std::sync::OnceLock::new();
        *DEFAULTS.get_or_init(|| {
            #[allow(clippy::expect_used)]
            // Not input: the embedded defaults, which a test loads.
            let defaults = Config::default_config().expect("the built-in configuration loads");
            reading_settings(&defaults)
        })
    }
}

impl LayoutSettings {
    /// A column of `width` with the other reading settings' defaults (from
    /// `config/default.toml`, as `ReadingSettings::default`).
    pub fn with_width(width: usize) -> LayoutSettings {
        let defaults = ReadingSettings::default();
        LayoutSettings {
            width,
            indent: defaults.indent,
            paragraph_spacing: defaults.paragraph_spacing,
            ambiguous: defaults.ambiguous,
            direction: Direction::Horizontal,
        }
    }
}
