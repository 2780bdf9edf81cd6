//! Vertical layout properties over random mixed text and the bundled
//! articles (prose, essays and verse), at column lengths of 5–60 rows and
//! pages 6–200 cells wide: the Chinese rules at column tops and bottoms, a
//! paragraph's first column two rows down and a wrapped line of verse's
//! rest one row down, no row wider than its column,
//! every character shown once and in order (marks in their vertical
//! forms), every page within its size, and a layout grown from anywhere
//! equal to the full one.

use proptest::prelude::*;

use super::properties::mixed_text;
use super::{all_lines, body_of, grown};
use crate::layout::breaks::{is_no_end, is_no_start};
use crate::layout::vertical::{COLUMN_CELLS, columns_per_page, page_lines, vertical_grapheme};
use crate::layout::{Layout, LayoutSettings, LineKind, ReadingSettings, Role};
use crate::library::{BlockKind, Body, Library};
use crate::text::{AmbiguousWidth, str_width};
use unicode_segmentation::UnicodeSegmentation;

/// Checks every property of `body` set vertically in columns `height` rows
/// long, on pages `width` cells wide.
fn check(
    body: &Body,
    settings: LayoutSettings,
    width: usize,
    gap: usize,
    grow: (usize, usize),
) -> Result<(), TestCaseError> {
    let height = settings.width;
    let ambiguous = settings.ambiguous;
    let full = Layout::new(body, settings);
    let layout = grown(body, settings, grow.0.min(body.text.len()), grow.1);
    prop_assert_eq!(all_lines(&layout), all_lines(&full));

    // The rules at column tops and bottoms, inside a block.
    for (i, line) in layout.lines().enumerate() {
        if line.kind == LineKind::Blank || line.range.is_empty() {
            continue;
        }
        let shown = &body.text[line.range.clone()];
        let block = body.blocks[line.block].range();
        if block.start != line.range.start {
            let first = shown.chars().next();
            prop_assert!(
                !first.is_some_and(is_no_start),
                "column {} starts badly: {:?}",
                i,
                shown
            );
        }
        if block.end != line.range.end {
            let last = shown.chars().next_back();
            prop_assert!(!last.is_some_and(is_no_end), "column {} ends badly: {:?}", i, shown);
        }
    }

    // A paragraph's first column starts two rows down, the rest of a
    // wrapped line of verse one row down.
    for (i, line) in layout.lines().enumerate() {
        let kind = &body.blocks[line.block].kind;
        let first_row = layout.column(body, i, &[]).iter().map(|c| c.row).min();
        if line.range.is_empty() || line.kind == LineKind::Blank {
            continue;
        }
        if *kind == BlockKind::Paragraph && line.kind == LineKind::First && settings.indent && height >= 6 {
            prop_assert_eq!(first_row, Some(2), "column {} is not indented", i);
        }
        if *kind == BlockKind::Verse {
            let wrapped = line.kind == LineKind::Continuation;
            prop_assert_eq!(
                first_row,
                Some(usize::from(wrapped) + usize::from(body.blocks[line.block].depth())),
                "verse column {}",
                i
            );
        }
    }

    // Rows: none wider than the column, none below its end; the text, in order.
    let mut text = String::new();
    let columns: Vec<_> = (0..layout.len()).map(|i| layout.column(body, i, &[])).collect();
    for (i, column) in columns.iter().enumerate() {
        let mut row_width = vec![0; height];
        for cell in column {
            prop_assert!(cell.row < height, "column {} has row {} of {}", i, cell.row, height);
            row_width[cell.row] += str_width(&cell.piece.text, ambiguous);
            if !matches!(cell.piece.role, Role::ListMarker | Role::Rule) {
                text.push_str(&cell.piece.text);
            }
        }
        prop_assert!(
            row_width.iter().all(|&w| w <= COLUMN_CELLS),
            "column {} too wide: {:?}",
            i,
            row_width
        );
    }
    let visible = |s: &str| -> String {
        s.graphemes(true)
            .filter(|g| !g.chars().all(char::is_whitespace) && str_width(g, ambiguous) > 0)
            .map(|g| vertical_grapheme(g).unwrap_or(g))
            .collect()
    };
    let text_of_blocks: String = body
        .blocks
        .iter()
        .filter(|b| !matches!(b.kind, crate::library::BlockKind::Rule))
        .map(|b| body.block_text(b))
        .collect();
    prop_assert_eq!(visible(&text), visible(&text_of_blocks));

    // Pages of `width` × `height`.
    for page in columns.chunks(columns_per_page(width, gap)) {
        let lines = page_lines(page, width, height, gap, ambiguous);
        prop_assert!(lines.len() <= height);
        for line in &lines {
            prop_assert!(
                str_width(line, ambiguous) <= width,
                "{:?} is wider than {}",
                line,
                width
            );
        }
    }
    Ok(())
}

fn settings(height: usize, indent: bool, wide: bool) -> LayoutSettings {
    let ambiguous = if wide {
        AmbiguousWidth::Wide
    } else {
        AmbiguousWidth::Narrow
    };
    LayoutSettings {
        indent,
        ambiguous,
        ..ReadingSettings::default().vertical(height)
    }
}

proptest! {
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn vertical_layout_properties_hold_for_mixed_text(
        paragraphs in prop::collection::vec(mixed_text(), 1..4),
        height in 5usize..=60,
        width in 6usize..=200,
        gap in 0usize..=3,
        indent: bool,
        wide: bool,
        start: prop::sample::Index,
        step in 0usize..40,
    ) {
        let body = body_of(&paragraphs.join("\n\n"));
        let start = start.index(body.text.len() + 1);
        check(&body, settings(height, indent, wide), width, gap, (start, step))?;
    }

}

/// The bundled collection, read once for every case: the management
/// articles, the essays of 古文觀止 and the Tang poems (verse).
fn bundled() -> &'static Library {
    static BUNDLED: std::sync::OnceLock<Library> = std::sync::OnceLock::new();
    BUNDLED.get_or_init(Library::bundled)
}

proptest! {
    // Each case sets a whole article (a tenth of a second unoptimised).
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn vertical_layout_properties_hold_for_the_bundled_articles(
        article: prop::sample::Index,
        height in 5usize..=60,
        width in 6usize..=200,
        gap in 0usize..=3,
        indent: bool,
        start: prop::sample::Index,
    ) {
        let library = bundled();
        let body = &library.article_at(article.index(library.articles().len())).expect("article").body;
        let start = start.index(body.text.len() + 1);
        check(body, settings(height, indent, false), width, gap, (start, 4096))?;
    }
}

#[test]
fn every_bundled_article_keeps_the_rules_at_the_common_sizes() {
    for article in bundled().articles() {
        for (height, width) in [(5, 6), (20, 60), (23, 80), (33, 120), (60, 200)] {
            let result = check(&article.body, settings(height, true, false), width, 1, (0, 4096));
            assert!(result.is_ok(), "{} at {width}×{height}: {result:?}", article.id);
        }
    }
}
