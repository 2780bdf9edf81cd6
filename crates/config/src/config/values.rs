//! Setting types that check themselves while they are deserialised, so a
//! value out of range or misspelt is refused by serde at its place in the file.

use std::collections::BTreeMap;

use ratatui_core::style::Style;
use serde::{Deserialize, Deserializer};

use super::style::parse_style;

/// A whole number setting within `MIN..=MAX`; an error names the range and
/// the value, however large it was written.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(try_from = "i128")]
pub struct Bounded<const MIN: usize, const MAX: usize>(usize);

impl<const MIN: usize, const MAX: usize> TryFrom<i128> for Bounded<MIN, MAX> {
    type Error = String;

    fn try_from(value: i128) -> Result<Self, String> {
        match usize::try_from(value) {
            Ok(v) if (MIN..=MAX).contains(&v) => Ok(Bounded(v)),
            _ => Err(format!("must be between {MIN} and {MAX}, not {value}")),
        }
    }
}

impl<const MIN: usize, const MAX: usize> From<Bounded<MIN, MAX>> for usize {
    fn from(value: Bounded<MIN, MAX>) -> usize {
        value.0
    }
}

/// `reading.max_width`: the widest reading column, in terminal columns.
pub type MaxWidth = Bounded<10, 1000>;

/// `reading.column_gap`: cells between the columns of vertical text.
pub type ColumnGap = Bounded<0, 8>;

/// `library.paths`: a list of folders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderPaths(Vec<String>);

impl<'de> Deserialize<'de> for FolderPaths {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<FolderPaths, D::Error> {
        Vec::<String>::deserialize(deserializer)
            .map(FolderPaths)
            .map_err(|_| serde::de::Error::custom("must be a list of folder paths (strings)"))
    }
}

impl From<FolderPaths> for Vec<String> {
    fn from(paths: FolderPaths) -> Vec<String> {
        paths.0
    }
}

/// `library.chapter_pattern`: a regular expression for the chapter headings
/// of `.txt` books, checked where it is written; empty: the built-in rule.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(try_from = "String")]
pub struct ChapterPattern(String);

impl TryFrom<String> for ChapterPattern {
    type Error = String;

    fn try_from(pattern: String) -> Result<ChapterPattern, String> {
        crate::library::ChapterRule::pattern(&pattern).map(|_| ChapterPattern(pattern))
    }
}

impl From<ChapterPattern> for String {
    fn from(pattern: ChapterPattern) -> String {
        pattern.0
    }
}

/// A style string of `[theme.colors]`, parsed.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(try_from = "String")]
pub struct ThemeStyle(pub Style);

impl TryFrom<String> for ThemeStyle {
    type Error = String;

    fn try_from(text: String) -> Result<ThemeStyle, String> {
        parse_style(&text).map(ThemeStyle)
    }
}

/// `[theme.colors]`: element → style.
pub type Colors = BTreeMap<ThemeElement, ThemeStyle>;

/// Declares the theme's elements with their names in the configuration.
macro_rules! theme_elements {
    ($($variant:ident = $name:literal,)*) => {
        /// An element of the interface a theme styles: a key of `[theme.colors]`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
        #[serde(try_from = "String")]
        pub enum ThemeElement {
            $($variant,)*
        }

        impl ThemeElement {
            pub const ALL: &'static [ThemeElement] = &[$(ThemeElement::$variant,)*];

            pub fn name(self) -> &'static str {
                match self {
                    $(ThemeElement::$variant => $name,)*
                }
            }
        }
    };
}

theme_elements! {
    Text = "text",
    Heading = "heading",
    Title = "title",
    Meta = "meta",
    Quote = "quote",
    QuoteBar = "quote_bar",
    Code = "code",
    ListMarker = "list_marker",
    Emphasis = "emphasis",
    Strong = "strong",
    Link = "link",
    Hit = "hit",
    CurrentHit = "current_hit",
    PaneTitle = "pane_title",
    PaneTitleFocused = "pane_title_focused",
    Selected = "selected",
    SelectedUnfocused = "selected_unfocused",
    Dim = "dim",
    Status = "status",
    ScrollbarThumb = "scrollbar_thumb",
    Overlay = "overlay",
    OverlayKey = "overlay_key",
    Input = "input",
}

impl TryFrom<String> for ThemeElement {
    type Error = String;

    fn try_from(name: String) -> Result<ThemeElement, String> {
        let names = || ThemeElement::ALL.iter().map(|e| e.name());
        ThemeElement::ALL
            .iter()
            .copied()
            .find(|e| e.name() == name)
            .ok_or_else(|| match crate::suggest::closest(&name, names()) {
                Some(close) => format!("is not an element of the theme (did you mean {close}?)"),
                None => format!(
                    "is not an element of the theme ({})",
                    names().collect::<Vec<_>>().join(", ")
                ),
            })
    }
}
