//! Layout tests: exact lines for real cases, snapshots of the bundled
//! articles, and layouts begun around a place and grown; `properties`
//! holds the properties over random mixed text.

use super::breaks::{is_no_end, is_no_start};
use super::*;
use crate::library::{Library, Origin, parse_article};
use crate::text::{AmbiguousWidth, str_width};

mod properties;
mod vertical;

fn body_of(markdown: &str) -> Body {
    // An empty file is rejected by the loader; it lays out as nothing.
    parse_article("t", "t.md", markdown.as_bytes(), Origin::Bundled)
        .map(|a| a.body)
        .unwrap_or_default()
}

fn plain_lines(markdown: &str, settings: LayoutSettings) -> Vec<String> {
    let body = body_of(markdown);
    let layout = Layout::new(&body, settings);
    (0..layout.len()).map(|i| layout.plain_line(&body, i)).collect()
}

fn narrow(width: usize) -> LayoutSettings {
    LayoutSettings::with_width(width)
}

#[test]
fn mixed_chinese_and_latin_fills_lines_without_holes() {
    assert_eq!(
        plain_lines(
            "比如Microsoft的操作系统与Intel的CPU，前者",
            LayoutSettings {
                indent: false,
                ..narrow(20)
            }
        ),
        ["比如Microsoft的操作", "系统与Intel的CPU，前", "者"]
    );
}

#[test]
fn quoted_latin_moves_as_a_whole_and_quotes_hug_their_text() {
    assert_eq!(
        plain_lines(
            "1.利用“RATER模型”提高服务质量",
            LayoutSettings {
                indent: false,
                ..narrow(12)
            }
        ),
        ["1.利用“RATER", "模型”提高服", "务质量"]
    );
    assert_eq!(
        plain_lines(
            "找到“正确的问题”，即客户",
            LayoutSettings {
                indent: false,
                ..narrow(12)
            }
        ),
        ["找到“正确的", "问题”，即客", "户"]
    );
}

#[test]
fn units_and_ratios_stay_whole() {
    assert_eq!(
        plain_lines(
            "我的速度才是180/分。",
            LayoutSettings {
                indent: false,
                ..narrow(14)
            }
        ),
        ["我的速度才是", "180/分。"]
    );
    assert_eq!(
        plain_lines(
            "按照80∶20原则",
            LayoutSettings {
                indent: false,
                ..narrow(8)
            }
        ),
        ["按照", "80∶20原", "则"]
    );
}

#[test]
fn dashes_and_ellipses_never_start_a_line_or_split() {
    assert_eq!(
        plain_lines(
            "一二三——四",
            LayoutSettings {
                indent: false,
                ..narrow(7)
            }
        ),
        ["一二", "三——四"]
    );
    assert_eq!(
        plain_lines(
            "一二三……四",
            LayoutSettings {
                indent: false,
                ..narrow(7)
            }
        ),
        ["一二", "三……四"]
    );
}

#[test]
fn paragraphs_are_indented_and_separated_headings_are_not_indented() {
    assert_eq!(
        plain_lines("## 标题\n\n第一段文字很长很长。\n\n第二段", narrow(12)),
        [
            "标题",
            "",
            "\u{3000}\u{3000}第一段文",
            "字很长很长。",
            "",
            "\u{3000}\u{3000}第二段"
        ]
    );
}

#[test]
fn verse_keeps_its_lines_unindented_and_prose_still_joins() {
    let poem = "移舟泊煙渚，日暮客愁新。\n野曠天低樹，江清月近人。\n";
    assert_eq!(
        plain_lines(poem, narrow(40)),
        ["移舟泊煙渚，日暮客愁新。", "野曠天低樹，江清月近人。"]
    );
    let essay = "很长很长的第一段\n文字，接着写完。";
    assert_eq!(
        plain_lines(essay, narrow(40)),
        ["\u{3000}\u{3000}很长很长的第一段文字，接着写完。"]
    );
}

/// Poems written a couplet to a paragraph are verse at every width: no
/// indent, a couplet to a line where it fits, and a couplet that must wrap
/// hangs what it wraps by one ideographic space, so that no part of it
/// looks like a line of its own (將進酒's 回。 alone at 40 columns).
#[test]
fn couplets_a_paragraph_each_are_verse_at_every_width() {
    let jing = "# 靜夜思\n\n床前明月光，疑是地上霜。\n\n舉頭望明月，低頭思故鄉。\n";
    let jiang = "# 將進酒\n\n君不見黃河之水天上來，奔流到海不復回。\n\n君不見高堂明鏡悲白髮，朝如青絲暮成雪。\n\n\
                 人生得意須盡歡，莫使金樽空對月。\n";
    for poem in [jing, jiang] {
        let couplets: Vec<&str> = poem.lines().skip(1).filter(|l| !l.is_empty()).collect();
        for width in [20, 40, 80] {
            let lines = plain_lines(poem, narrow(width));
            let text: Vec<&String> = lines[2..].iter().filter(|l| !l.is_empty()).collect();
            let mut at = 0;
            for couplet in &couplets {
                let first = text[at];
                assert!(!first.starts_with('\u{3000}'), "{width}: {first}");
                let mut joined = first.to_string();
                at += 1;
                while let Some(hung) = text.get(at).and_then(|l| l.strip_prefix('\u{3000}')) {
                    assert!(!hung.starts_with('\u{3000}'), "{width}: hung once");
                    joined.push_str(hung);
                    at += 1;
                }
                assert_eq!(&joined, couplet, "at {width} columns");
            }
            assert_eq!(at, text.len(), "{width}: {lines:?}");
            assert!(lines.iter().all(|l| str_width(l, AmbiguousWidth::Narrow) <= width));
            if width >= 40 {
                assert_eq!(text.len(), couplets.len(), "a couplet to a line at {width}: {text:?}");
            }
        }
    }
    assert_eq!(
        plain_lines(jing, narrow(20))[2..],
        [
            "床前明月光，疑是地上",
            "\u{3000}霜。",
            "",
            "舉頭望明月，低頭思故",
            "\u{3000}鄉。"
        ]
    );
}

/// In wide mode every East Asian Ambiguous character is two columns in the
/// layout (and so in `show`, which prints its lines): a line of nothing else
/// holds at most half as many characters as columns.
#[test]
fn every_ambiguous_character_is_two_columns_in_a_wide_layout() {
    let text: String = crate::text::ambiguous_characters()
        .filter(|&c| !('\u{e000}'..='\u{f8ff}').contains(&c) && c < '\u{f0000}')
        .collect();
    let body = parse_article("t", "t.txt", text.as_bytes(), Origin::Bundled)
        .expect("text")
        .body;
    for width in [20, 41, 80] {
        let settings = LayoutSettings {
            ambiguous: AmbiguousWidth::Wide,
            indent: false,
            ..narrow(width)
        };
        let layout = Layout::new(&body, settings);
        let lines: Vec<String> = (0..layout.len()).map(|i| layout.plain_line(&body, i)).collect();
        let chars: usize = lines.iter().map(|l| l.chars().count()).sum();
        assert!(chars + 8 >= text.chars().count(), "every character laid out: {chars}");
        for line in lines {
            assert!(line.chars().count() <= width / 2, "{width} columns: {line}");
        }
    }
}

#[test]
fn lists_hang_and_quotes_are_marked() {
    assert_eq!(
        plain_lines("1. 判断客户是一次性客户\n2. 了解客户\n\n> 引用一段话", narrow(14)),
        ["1. 判断客户是", "   一次性客户", "2. 了解客户", "", "> 引用一段话"]
    );
}

#[test]
fn indent_and_prefixes_give_way_on_tiny_widths() {
    assert_eq!(plain_lines("一二三", narrow(4)), ["一二", "三"]);
    assert_eq!(plain_lines("1. 一二三", narrow(4)), ["一二", "三"]);
}

#[test]
fn paragraph_spacing_can_be_turned_off_but_headings_keep_theirs() {
    let settings = LayoutSettings {
        paragraph_spacing: false,
        indent: false,
        ..narrow(20)
    };
    assert_eq!(
        plain_lines("甲\n\n乙\n\n## 丙\n\n丁", settings),
        ["甲", "乙", "", "丙", "", "丁"]
    );
}

#[test]
fn wide_ambiguous_characters_take_two_columns() {
    let wide = LayoutSettings {
        ambiguous: AmbiguousWidth::Wide,
        indent: false,
        ..narrow(10)
    };
    // “ and ” take two columns each in wide mode, so less fits on a line.
    assert_eq!(plain_lines("“一二”三四五", wide), ["“一二”三", "四五"]);
    let narrow_mode = LayoutSettings {
        indent: false,
        ..narrow(10)
    };
    assert_eq!(plain_lines("“一二”三四五", narrow_mode), ["“一二”三四", "五"]);
}

#[test]
fn offsets_map_to_lines_and_back() {
    let library = Library::management();
    let article = library.article_at(1).expect("article");
    let layout = Layout::new(&article.body, narrow(40));
    for (i, line) in layout.lines().enumerate() {
        if line.kind != LineKind::Blank && !line.range.is_empty() {
            assert_eq!(layout.line_at_offset(line.range.start), i);
            assert_eq!(layout.offset_of_line(i), line.range.start);
            assert_eq!(layout.line_at_offset(line.range.end - 1), i);
        }
    }
}

#[test]
fn bundled_articles_at_reading_widths() {
    let library = Library::management();
    for article in library.articles() {
        for width in [20, 21, 40, 79, 80] {
            let layout = Layout::new(&article.body, narrow(width));
            let text: Vec<String> = (0..layout.len()).map(|i| layout.plain_line(&article.body, i)).collect();
            check_lines(&text, width, AmbiguousWidth::Narrow);
            let name = format!("{}_{width}", article.id.replace('/', "_"));
            insta::assert_snapshot!(name, text.join("\n"));
        }
    }
}

/// Width bound and Chinese line-start/line-end rules on finished lines.
fn check_lines(lines: &[String], width: usize, ambiguous: AmbiguousWidth) {
    for line in lines {
        assert!(str_width(line, ambiguous) <= width, "too wide for {width}: {line:?}");
        let text = line.trim_start_matches(|c: char| c.is_whitespace() || c == '>');
        if let Some(first) = text.chars().next() {
            assert!(
                !is_no_start(first) || text.starts_with("•"),
                "line starts with {first:?}: {line:?}"
            );
        }
        if let Some(last) = line.chars().next_back() {
            assert!(!is_no_end(last), "line ends with {last:?}: {line:?}");
        }
    }
}

#[test]
fn a_long_article_laid_out_on_all_cores_equals_one_core() {
    let body = bundled_times(60);
    assert!(body.text.len() > super::PARALLEL_FROM_BYTES);
    let settings = narrow(37);
    let parallel = Layout::new(&body, settings);
    let sequential = super::lay_out_blocks(&body, settings, 0..body.blocks.len());
    assert_eq!(parallel.lines.iter().copied().collect::<Vec<_>>(), sequential);
}

fn all_lines(layout: &Layout) -> Vec<Line> {
    layout.lines().collect()
}

/// A layout begun `around` byte `start` and grown by `step` bytes at a time,
/// alternately down and up, until it holds the whole article.
fn grown(body: &Body, settings: LayoutSettings, start: usize, step: usize) -> Layout {
    let mut layout = Layout::around(body, settings, start, step);
    while !layout.is_complete() {
        layout.extend_down(body, step);
        layout.extend_up(body, step);
    }
    layout
}

/// A long body: the bundled articles, `times` over.
fn bundled_times(times: usize) -> Body {
    let library = Library::management();
    let text: String = library
        .articles()
        .iter()
        .map(|a| a.body.text.to_string() + "\n")
        .collect::<String>()
        .repeat(times);
    body_of(&text)
}

fn long_body() -> Body {
    bundled_times(4)
}

#[test]
fn a_layout_grown_from_anywhere_is_the_full_layout_at_every_step() {
    let body = long_body();
    for width in [9, 40, 80] {
        let settings = narrow(width);
        let full = all_lines(&Layout::new(&body, settings));
        for start in [0, body.text.len() / 3, body.text.len() - 1, body.text.len()] {
            let mut layout = Layout::around(&body, settings, start, 2000);
            let shown = layout.line(layout.line_at_offset(start)).expect("a line");
            assert!(shown.range.start <= start, "the line at {start} starts after it");
            let mut step = 0;
            loop {
                // The lines laid out are the full layout's lines of those blocks.
                let b = layout.blocks.start;
                let before = full.partition_point(|l| l.block < b && !(l.kind == LineKind::Blank && l.block + 1 == b));
                assert_eq!(all_lines(&layout), full[before..before + layout.len()], "width {width}");
                if layout.is_complete() {
                    break;
                }
                step += 1;
                if step % 2 == 0 {
                    layout.extend_down(&body, 4000 * step);
                } else {
                    layout.extend_up(&body, 3000 * step);
                }
            }
        }
    }
}

#[test]
fn a_layout_around_a_place_covers_it_and_little_else() {
    let body = long_body();
    let middle = body.text.len() / 2;
    let layout = Layout::around(&body, narrow(80), middle, EXTEND_BYTES);
    assert!(layout.covers(&body, middle));
    assert!(!layout.covers(&body, 0) && !layout.covers(&body, body.text.len() - 1));
    let first = layout.offset_of_line(0);
    let last = layout.line(layout.len() - 1).expect("lines").range.end;
    assert!(first + EXTEND_BYTES <= middle && middle + EXTEND_BYTES <= last);
    assert!(last - first < 8 * EXTEND_BYTES, "laid out {} bytes", last - first);
}

#[test]
fn lines_are_sixteen_bytes() {
    assert_eq!(std::mem::size_of::<Packed>(), 16);
}
