//! Vertical layout: columns of real cases, the rules at column tops and
//! bottoms, prefixes, and pages.

use super::*;
use crate::layout::{Layout, LayoutSettings, ReadingSettings};
use crate::library::{Origin, parse_article};

fn body_of(markdown: &str) -> Body {
    parse_article("t", "t.md", markdown.as_bytes(), Origin::Bundled)
        .map(|a| a.body)
        .unwrap_or_default()
}

fn vertical(rows: usize) -> LayoutSettings {
    ReadingSettings::default().vertical(rows)
}

/// Each column's rows as strings, prefixes as spaces.
fn columns(markdown: &str, settings: LayoutSettings) -> Vec<Vec<String>> {
    let body = body_of(markdown);
    let layout = Layout::new(&body, settings);
    (0..layout.len())
        .map(|i| {
            let mut rows: Vec<String> = Vec::new();
            for cell in layout.column(&body, i, &[]) {
                while rows.len() <= cell.row {
                    rows.push(String::new());
                }
                rows[cell.row].push_str(&cell.piece.text);
            }
            rows.into_iter()
                .map(|r| if r.is_empty() { " ".into() } else { r })
                .collect()
        })
        .collect()
}

fn joined(columns: &[Vec<String>]) -> Vec<String> {
    columns.iter().map(|c| c.concat()).collect()
}

#[test]
fn han_characters_fill_columns_a_row_each() {
    let settings = LayoutSettings {
        indent: false,
        ..vertical(4)
    };
    assert_eq!(joined(&columns("一二三四五六七", settings)), ["一二三四", "五六七"]);
}

#[test]
fn paragraphs_are_indented_two_rows_and_separated_by_an_empty_column() {
    let cols = columns("甲乙丙丁戊己庚辛\n\n壬癸", vertical(6));
    assert_eq!(joined(&cols), ["  甲乙丙丁", "戊己庚辛", "", "  壬癸"]);
}

#[test]
fn headings_have_columns_of_their_own() {
    let body = body_of("## 標題\n\n正文。");
    let layout = Layout::new(&body, vertical(8));
    let roles: Vec<Option<Role>> = (0..layout.len())
        .map(|i| layout.column(&body, i, &[]).first().map(|c| c.piece.role))
        .collect();
    assert_eq!(roles, [Some(Role::Heading(2)), None, Some(Role::Body)]);
}

#[test]
fn punctuation_takes_its_vertical_forms() {
    let settings = LayoutSettings {
        indent: false,
        ..vertical(20)
    };
    assert_eq!(
        joined(&columns("他說：「《詩》云……」——好。", settings)),
        ["他說︓﹁︽詩︾云︙︙﹂︱︱好︒"]
    );
}

#[test]
fn no_column_starts_with_a_closing_mark_or_ends_with_an_opening_one() {
    let settings = LayoutSettings {
        indent: false,
        ..vertical(4)
    };
    // 。 would start the second column: 三 goes with it.
    assert_eq!(joined(&columns("一二三四。五", settings)), ["一二三", "四︒五"]);
    // 《 would end the first column: it goes to the next.
    assert_eq!(joined(&columns("一二三《四》", settings)), ["一二三", "︽四︾"]);
    // —— never splits nor starts a column.
    assert_eq!(joined(&columns("一二三——四", settings)), ["一二", "三︱︱四"]);
    assert_eq!(joined(&columns("一二三……四", settings)), ["一二", "三︙︙四"]);
}

#[test]
fn one_or_two_half_width_characters_share_a_row() {
    let settings = LayoutSettings {
        indent: false,
        ..vertical(20)
    };
    let cols = columns("第18回用AI在2024年", settings);
    assert_eq!(cols[0], ["第", "18", "回", "用", "AI", "在", "2", "0", "2", "4", "年"]);
}

#[test]
fn latin_words_move_whole_and_long_ones_are_cut_without_loss() {
    let settings = LayoutSettings {
        indent: false,
        ..vertical(5)
    };
    assert_eq!(joined(&columns("一二三CPU", settings)), ["一二三", "CPU"]);
    assert_eq!(
        joined(&columns("supercalifragilistic", settings)),
        ["super", "calif", "ragil", "istic"]
    );
}

#[test]
fn list_markers_stand_above_their_item() {
    let settings = LayoutSettings {
        indent: false,
        ..vertical(6)
    };
    let cols = columns("1. 一二三四五", settings);
    assert_eq!(cols[0], ["1.", " ", "一", "二", "三", "四"]);
    assert_eq!(cols[1], [" ", " ", "五"]);
}

#[test]
fn search_hits_are_marked_in_place() {
    let body = body_of("甲乙丙丁");
    let layout = Layout::new(
        &body,
        LayoutSettings {
            indent: false,
            ..vertical(8)
        },
    );
    let hit = 3..9;
    let cells = layout.column(&body, 0, &[(hit, Mark::Current)]);
    let marked: Vec<(usize, &str)> = cells
        .iter()
        .filter(|c| c.piece.mark == Mark::Current)
        .map(|c| (c.row, c.piece.text.as_ref()))
        .collect();
    assert_eq!(marked, [(1, "乙"), (2, "丙")]);
}

#[test]
fn a_page_sets_columns_from_its_right_edge() {
    let body = body_of("一二三四五六七");
    let layout = Layout::new(
        &body,
        LayoutSettings {
            indent: false,
            ..vertical(3)
        },
    );
    let columns: Vec<_> = (0..layout.len()).map(|i| layout.column(&body, i, &[])).collect();
    assert_eq!(columns_per_page(8, 1), 3);
    let lines = page_lines(&columns, 8, 3, 1, AmbiguousWidth::Narrow);
    assert_eq!(lines, ["七 四 一", "   五 二", "   六 三"]);
    // A cell to spare goes to the left: the first column keeps the right edge.
    let wider = page_lines(&columns[..2], 9, 3, 1, AmbiguousWidth::Narrow);
    assert_eq!(wider, ["    四 一", "    五 二", "    六 三"]);
}

#[test]
fn a_line_of_verse_that_wraps_hangs_its_rest_one_row_in() {
    let verse = "白日依山盡，黃河入海流。\n欲窮千里目，更上一層樓。";
    let body = body_of(verse);
    assert!(
        body.blocks.iter().any(|b| b.kind == BlockKind::Verse),
        "{:?}",
        body.blocks
    );
    let cols = columns(verse, vertical(6));
    assert_eq!(
        joined(&cols),
        [
            "白日依山盡︐",
            " 黃河入海",
            " 流︒",
            "欲窮千里目︐",
            " 更上一層",
            " 樓︒"
        ]
    );
}
