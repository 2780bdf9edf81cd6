//! The settings a layout is made for: the measure, the indent, paragraph
//! spacing, the width of ambiguous characters and the direction; and the
//! reading settings of `[reading]` they are made from.

use super::MIN_WIDTH;
use crate::text::AmbiguousWidth;

/// Which way text runs: lines left to right, top to bottom (横排), or
/// columns top to bottom, right to left (竖排).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Direction {
    #[default]
    Horizontal,
    Vertical,
}

impl Direction {
    /// The other direction.
    pub fn flipped(self) -> Direction {
        match self {
            Direction::Horizontal => Direction::Vertical,
            Direction::Vertical => Direction::Horizontal,
        }
    }

    /// The name of the direction in the configuration and the state file.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Horizontal => "horizontal",
            Direction::Vertical => "vertical",
        }
    }

    pub fn from_name(name: &str) -> Option<Direction> {
        match name {
            "horizontal" => Some(Direction::Horizontal),
            "vertical" => Some(Direction::Vertical),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LayoutSettings {
    /// The measure: content width in columns (the reading column, not the
    /// screen), or in vertical text the length of a column in rows.
    pub width: usize,
    /// Indent the first line of each paragraph by two ideographic spaces.
    pub indent: bool,
    /// A blank line between paragraphs (headings always get one).
    pub paragraph_spacing: bool,
    pub ambiguous: AmbiguousWidth,
    pub direction: Direction,
}

/// How text is laid out for reading, as the configuration's `[reading]`
/// says (`layout::reading_settings`; its defaults are those of
/// `config/default.toml`): the same for `show`, the reader and search snippets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReadingSettings {
    /// The widest reading column.
    pub max_width: usize,
    pub indent: bool,
    pub paragraph_spacing: bool,
    pub ambiguous: AmbiguousWidth,
    /// Lines or columns (`reading.direction`, `V` while reading).
    pub direction: Direction,
    /// Cells between the columns of vertical text.
    pub column_gap: usize,
}

impl ReadingSettings {
    /// The horizontal layout settings for `available` columns: the reading
    /// column is that, capped at `max_width`.
    pub fn layout(&self, available: usize) -> LayoutSettings {
        LayoutSettings {
            width: column_width(available, self.max_width),
            indent: self.indent,
            paragraph_spacing: self.paragraph_spacing,
            ambiguous: self.ambiguous,
            direction: Direction::Horizontal,
        }
    }

    /// The vertical layout settings for columns `rows` rows long.
    pub fn vertical(&self, rows: usize) -> LayoutSettings {
        LayoutSettings {
            width: rows.max(MIN_WIDTH),
            indent: self.indent,
            paragraph_spacing: self.paragraph_spacing,
            ambiguous: self.ambiguous,
            direction: Direction::Vertical,
        }
    }
}

/// The width of the reading column: the available width, capped.
pub fn column_width(available: usize, max_width: usize) -> usize {
    available.min(max_width.max(MIN_WIDTH))
}
