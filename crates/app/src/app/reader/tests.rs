//! The reader over a long article laid out lazily: what it shows is what a
//! full layout shows, wherever it opens, scrolls, jumps or is resized.

use super::*;
use crate::layout::Line;
use crate::library::{Library, Origin, parse_article};

/// The bundled articles ten times over: well past `WHOLE_BELOW_BYTES`.
fn long_body() -> Body {
    let text: String = Library::management()
        .articles()
        .iter()
        .map(|a| a.body.text.to_string() + "\n")
        .collect::<String>()
        .repeat(10);
    let body = parse_article("long", "long.md", text.as_bytes(), Origin::Bundled)
        .map(|a| a.body)
        .unwrap_or_default();
    assert!(body.text.len() > 4 * WHOLE_BELOW_BYTES);
    body
}

fn settings(width: usize) -> LayoutSettings {
    LayoutSettings::with_width(width)
}

/// The lines of text on screen.
fn page_of(reader: &Reader, page: usize) -> Vec<Line> {
    reader
        .rows(page)
        .filter_map(|row| match row {
            Row::Line(i) => reader.layout.line(i),
            _ => None,
        })
        .collect()
}

/// The lines of `full` a page at row `position` shows.
fn window(full: &[Line], position: i128, page: usize) -> &[Line] {
    let start = usize::try_from(position).unwrap_or(0);
    let end = usize::try_from(position + page as i128).unwrap_or(0).min(full.len());
    &full[start.min(end)..end]
}

const PAGE: usize = 30;

/// The reading position is on the top line (or, for a blank line on top, on
/// the line after it).
fn assert_anchor_on_top(reader: &Reader) {
    let top = reader.layout.line(reader.top).expect("a top line");
    let next = reader
        .layout
        .line(reader.top + 1)
        .map_or(top.range.end, |l| l.range.end);
    let offset = reader.offset();
    assert!(
        top.range.start <= offset && offset <= next,
        "anchor {offset} not on the top line {top:?}"
    );
}

#[test]
fn opening_in_the_middle_lays_out_around_it_and_shows_it_on_top() {
    let body = long_body();
    let full: Vec<Line> = Layout::new(&body, settings(60)).lines().collect();
    let middle = body.text.len() / 2;
    let mut reader = Reader::open(crate::library::ArticleId::at(0), &body, settings(60), middle);
    reader.fit(&body, PAGE);
    assert!(!reader.layout.is_complete());
    assert!(
        reader.layout.len() < full.len() / 4,
        "laid out {} lines",
        reader.layout.len()
    );
    let shown = page_of(&reader, PAGE);
    let at = full
        .iter()
        .position(|l| l == &shown[0])
        .expect("a line of the full layout");
    assert!(shown[0].range.start <= middle && middle <= shown[0].range.end.max(shown[0].range.start));
    assert_eq!(shown, full[at..at + PAGE]);
    assert_eq!(reader.offset(), middle);
    assert_eq!(reader.line_numbers(), None, "no line count before it is known");
}

#[test]
fn opening_lays_out_little_more_than_the_page_shows_at_any_size() {
    // The bundled articles' sentences, each a paragraph, as in a novel.
    let text = long_body().text.replace('\n', "").replace('。', "。\n\n");
    let body = parse_article("long", "long.md", text.as_bytes(), Origin::Bundled)
        .map(|a| a.body)
        .unwrap_or_default();
    let largest = body.blocks.iter().map(|b| b.range().len()).max().unwrap_or(0);
    assert!(
        body.blocks.len() > 100 && largest < 2048,
        "{} blocks, {largest} bytes",
        body.blocks.len()
    );
    let sizes = [(20, 10), (60, 30), (80, 33), (120, 60), (40, 100)].map(|(w, p)| (settings(w), p));
    // Vertical text: columns `width` rows long, a page of `page` of them.
    let vertical = [(20, 30), (35, 50)].map(|(w, p)| {
        let settings = LayoutSettings {
            direction: crate::layout::Direction::Vertical,
            ..settings(w)
        };
        (settings, p)
    });
    for (settings, page) in sizes.into_iter().chain(vertical) {
        let width = settings.width;
        let full: Vec<Line> = Layout::new(&body, settings).lines().collect();
        for (i, offset) in [0, body.text.len() / 3, body.text.len() / 2 + 7, body.text.len()]
            .into_iter()
            .enumerate()
        {
            let id = crate::library::ArticleId::at(0);
            // An article shown from its first part opens the same way.
            let mut reader = if i == 1 {
                Reader::open_part(id, &body, settings, offset)
            } else {
                Reader::open(id, &body, settings, offset)
            };
            reader.fit(&body, page);
            let shown = page_of(&reader, page);
            let at = full
                .iter()
                .position(|l| l == &shown[0])
                .expect("a line of the full layout");
            assert_eq!(
                shown,
                full[at..(at + shown.len()).min(full.len())],
                "{width}×{page} at {offset}"
            );
            // A full page, but for the head above the first line and the tail after the last.
            assert!(
                shown.len() + HEAD_ROWS >= page || at + shown.len() + TAIL_ROWS >= full.len(),
                "{width}×{page} at {offset}: {} lines of {}",
                shown.len(),
                full.len()
            );
            // What is laid out past the page: less than one step of filling
            // it (`fill_bytes`) and the block that step ended in (opening laid
            // out 8 KB each side of the place before).
            let laid = reader.layout.offset_of_line(reader.layout.len() - 1) - reader.layout.offset_of_line(0);
            let holds = shown.last().map_or(0, |l| l.range.end) - shown[0].range.start;
            assert!(
                laid <= holds + reader.fill_bytes(page) + largest,
                "{width}×{page} at {offset}: {laid} bytes laid out for a page of {holds}"
            );
        }
    }
}

#[test]
fn paging_down_and_up_through_a_lazy_layout_shows_the_full_layout() {
    let body = long_body();
    let full: Vec<Line> = Layout::new(&body, settings(47)).lines().collect();
    let mut reader = Reader::open(
        crate::library::ArticleId::at(0),
        &body,
        settings(47),
        body.text.len() / 3,
    );
    reader.fit(&body, PAGE);
    let start = full
        .iter()
        .position(|l| l == &page_of(&reader, PAGE)[0])
        .expect("in the full layout");
    let (len, step) = (full.len() as i128, PAGE as i128 - 1);
    let last = len + TAIL_ROWS as i128 - PAGE as i128;
    let mut at = start as i128;
    while !reader.at_bottom(PAGE) {
        reader.scroll_by(&body, PAGE as isize - 1, PAGE);
        at = (at + step).min(last);
        assert_eq!(page_of(&reader, PAGE), window(&full, at, PAGE), "paging down");
        assert_anchor_on_top(&reader);
    }
    assert!(reader.at_end(PAGE));
    assert_eq!(at, last);
    let rows: Vec<Row> = reader.rows(PAGE).collect();
    assert_eq!(
        rows[PAGE - TAIL_ROWS..],
        [Row::Blank, Row::End, Row::Next],
        "the end mark at the bottom"
    );
    while at > -(HEAD_ROWS as i128) {
        reader.scroll_by(&body, -(PAGE as isize - 1), PAGE);
        at = (at - step).max(-(HEAD_ROWS as i128));
        assert_eq!(page_of(&reader, PAGE), window(&full, at, PAGE), "paging up");
        assert_anchor_on_top(&reader);
    }
    let rows: Vec<Row> = reader.rows(PAGE).take(4).collect();
    assert_eq!(
        rows,
        [Row::Title, Row::Meta, Row::Blank, Row::Line(0)],
        "the head above the text"
    );
    assert_eq!(reader.offset(), full[0].range.start);
    assert!(reader.layout.is_complete());
    assert_eq!(reader.line_numbers(), Some((1, full.len())), "line 1 under the head");
}

#[test]
fn home_and_end_and_far_hits_lay_out_where_they_land() {
    let body = long_body();
    let full: Vec<Line> = Layout::new(&body, settings(80)).lines().collect();
    let mut reader = Reader::open(
        crate::library::ArticleId::at(0),
        &body,
        settings(80),
        body.text.len() / 2,
    );
    reader.scroll_to_offset(&body, body.text.len(), PAGE);
    assert!(reader.at_end(PAGE) && reader.at_bottom(PAGE));
    assert_eq!(page_of(&reader, PAGE), full[full.len() - (PAGE - TAIL_ROWS)..]);
    reader.scroll_to_offset(&body, 0, PAGE);
    assert_eq!(page_of(&reader, PAGE), full[..PAGE - HEAD_ROWS]);
    assert_eq!((reader.offset(), reader.percent()), (0, 0));

    let far = body.text.len() - 100;
    let far = (far..).find(|&i| body.text.is_char_boundary(i)).expect("a boundary");
    reader.hits = std::iter::once(far..far + 1).collect();
    reader.show_hit(&body, 0, PAGE);
    assert_anchor_on_top(&reader);
    let line = reader.layout.line_at_offset(far);
    assert!(reader.layout.covers(&body, far) && (reader.top..reader.top + PAGE).contains(&line));
    assert!(
        !reader.layout.is_complete(),
        "a jump lays out around the hit, not all the way to it"
    );
}

#[test]
fn resizes_keep_the_anchor_and_come_back_to_the_same_top_line() {
    let body = long_body();
    let offset = body.text.len() * 2 / 3;
    let offset = (offset..).find(|&i| body.text.is_char_boundary(i)).expect("a boundary");
    let mut reader = Reader::open(crate::library::ArticleId::at(0), &body, settings(80), offset);
    reader.fit(&body, PAGE);
    let first = reader.layout.line(reader.top).expect("top");
    let mut fulls = std::collections::HashMap::new();
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..100 {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let width = [11, 23, 40, 57, 80, 120][(seed % 6) as usize];
        let page = 5 + (seed % 40) as usize;
        reader.relayout(&body, settings(width), page);
        let top = reader.layout.line(reader.top).expect("top");
        assert!(
            top.range.start <= offset && offset <= top.range.end,
            "width {width}: {top:?}"
        );
        assert_eq!(reader.offset(), offset);
        let full = fulls
            .entry(width)
            .or_insert_with(|| Layout::new(&body, settings(width)).lines().collect::<Vec<Line>>());
        let at = full.iter().position(|l| *l == top).expect("a line of the full layout");
        assert_eq!(page_of(&reader, page), full[at..(at + page).min(full.len())]);
    }
    reader.relayout(&body, settings(80), PAGE);
    assert_eq!(reader.layout.line(reader.top), Some(first));
}

#[test]
fn a_short_article_shows_its_head_and_its_end_mark_on_one_page_and_a_small_page_keeps_text_on_top() {
    let body = parse_article("short", "short.md", "第一段。\n\n第二段。".as_bytes(), Origin::Bundled)
        .map(|a| a.body)
        .unwrap_or_default();
    let mut reader = Reader::open(crate::library::ArticleId::at(0), &body, settings(40), 0);
    reader.fit(&body, PAGE);
    let len = reader.layout.len();
    let rows: Vec<Row> = reader.rows(PAGE).collect();
    let mut expected = vec![Row::Title, Row::Meta, Row::Blank];
    expected.extend((0..len).map(Row::Line));
    expected.extend([Row::Blank, Row::End, Row::Next]);
    assert_eq!(rows, expected);
    assert!(reader.at_end(PAGE) && reader.at_bottom(PAGE));
    reader.scroll_by(&body, 10, PAGE);
    assert_eq!(reader.position(), -(HEAD_ROWS as i128), "nothing to scroll");
    // Four rows (a 20×5 window): paging ends with the last line on top.
    for _ in 0..5 {
        reader.scroll_by(&body, 3, 4);
    }
    let rows: Vec<Row> = reader.rows(4).collect();
    assert_eq!(rows, [Row::Line(len - 1), Row::Blank, Row::End, Row::Next]);
    assert!(reader.at_bottom(4));
    reader.scroll_by(&body, -100, 4);
    assert_eq!(reader.rows(4).next(), Some(Row::Title));
    assert_eq!(reader.offset(), 0);
}

#[test]
fn laid_out_in_idle_slices_the_layout_becomes_the_full_layout_with_the_same_line_on_top() {
    let body = long_body();
    let full = Layout::new(&body, settings(37));
    let full_lines: Vec<Line> = full.lines().collect();
    for offset in [0, body.text.len() / 3, body.text.len()] {
        let mut reader = Reader::open(crate::library::ArticleId::at(0), &body, settings(37), offset);
        reader.fit(&body, 20);
        let shown = page_of(&reader, 20);
        assert!(!reader.layout.is_complete());
        let mut slices = 0;
        while reader.lay_out_more(&body, 4096) {
            slices += 1;
            assert_eq!(page_of(&reader, 20), shown, "the page stays while the rest is laid out");
        }
        assert!(slices > 2);
        assert_eq!(reader.layout.lines().collect::<Vec<_>>(), full_lines);
        assert_eq!(page_of(&reader, 20), shown);
        assert!(reader.line_numbers().is_some(), "the line count is known");
        // A new width starts again from the lines around the anchor.
        reader.relayout(&body, settings(50), 20);
        while reader.lay_out_more(&body, 1 << 16) {}
        let wide: Vec<Line> = Layout::new(&body, settings(50)).lines().collect();
        assert_eq!(reader.layout.lines().collect::<Vec<_>>(), wide);
    }
}
