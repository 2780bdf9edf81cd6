//! `yuedu show --vertical`: an article in vertical text (竖排) as pages of
//! text `width` × `height` cells, through the layout the reader draws: the
//! title, the metadata and a blank column as the reader's head, then the
//! body's columns, each page set from its right edge
//! (`layout::vertical::page_lines`).

use std::borrow::Cow;

use crate::i18n::Lang;
use crate::layout::vertical::{columns_per_page, page_lines};
use crate::layout::{Layout, LayoutSettings, ReadingSettings, RowPiece};
use crate::library::{Article, Body, Origin, parse_article};
use crate::present::meta_line;
use crate::text::sanitize_inline;

/// The pages of `article` set vertically in `width` × `height` cells, each
/// `height` lines at most `width` cells wide (at least one column, two cells
/// wide, and two rows are laid out whatever the size).
pub fn show_vertical(
    article: &Article,
    settings: &ReadingSettings,
    width: usize,
    height: usize,
    lang: Lang,
) -> Vec<Vec<String>> {
    let layout_settings = settings.vertical(height);
    let height = layout_settings.width;
    let gap = settings.column_gap;
    let title = short_body(&article.meta.title);
    let meta = short_body(&meta_line(article, lang, Cow::Borrowed));
    let mut columns: Vec<Vec<RowPiece<'_>>> = Vec::new();
    let head = LayoutSettings {
        indent: false,
        ..layout_settings
    };
    for body in [&title, &meta] {
        columns.extend(all_columns(body, head));
    }
    columns.push(Vec::new());
    columns.extend(all_columns(&article.body, layout_settings));
    columns
        .chunks(columns_per_page(width, gap))
        .map(|page| page_lines(page, width, height, gap, settings.ambiguous))
        .collect()
}

/// A title or a metadata line as a body of one paragraph.
fn short_body(text: &str) -> Body {
    parse_article("_", "_.txt", sanitize_inline(text).as_bytes(), Origin::Bundled)
        .map(|a| a.body)
        .unwrap_or_default()
}

fn all_columns(body: &Body, settings: LayoutSettings) -> Vec<Vec<RowPiece<'_>>> {
    let layout = Layout::new(body, settings);
    (0..layout.len()).map(|i| layout.column(body, i, &[])).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;
    use crate::text::{AmbiguousWidth, str_width};

    #[test]
    fn pages_hold_the_head_then_the_text_from_the_right() {
        let library = Library::management();
        let article = library.article_at(0).expect("article");
        let settings = ReadingSettings::default();
        let pages = show_vertical(article, &settings, 20, 8, Lang::Simplified);
        assert!(pages.len() > 10);
        for page in &pages {
            assert_eq!(page.len(), 8);
            assert!(page.iter().all(|l| str_width(l, AmbiguousWidth::Narrow) <= 20));
        }
        // The title's column at the right edge, read down.
        let first: String = pages[0].iter().map(|l| l.chars().last().unwrap_or(' ')).collect();
        assert_eq!(first.trim(), "如何做好学生管理");
    }
}
