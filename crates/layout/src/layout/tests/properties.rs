//! Layout properties over random mixed text: the width bound, no control
//! or invisible character shown, the Chinese line-start and line-end rules,
//! nothing lost, a layout grown from anywhere equal to the full layout, and
//! the first part of a large file laid out as the whole's start.

use proptest::prelude::*;

use super::{all_lines, body_of, grown};
use crate::layout::breaks::{is_no_end, is_no_start};
use crate::layout::{Layout, LayoutSettings, LineKind};
use crate::library::{Origin, parse_article};
use crate::text::{AmbiguousWidth, str_width};

/// Mixed text as readers meet it: Han, Latin words, numbers, punctuation used
/// the way Chinese text uses it, emoji, and hostile bytes the loader must drop.
pub(super) fn mixed_text() -> impl Strategy<Value = String> {
    let han = prop::sample::select(vec![
        "客", "户", "关", "系", "管", "理", "的", "营", "销", "是", "一", "国",
    ]);
    let word = prop::sample::select(vec![
        "Microsoft",
        "CPU",
        "RATER",
        "IT",
        "Wal-mart",
        "a",
        "supercalifragilistic",
    ]);
    let number = prop::sample::select(vec!["2747", "180/分", "80∶20", "20世纪", "3.5%", "050091"]);
    let closing = prop::sample::select(vec![
        "，", "。", "、", "：", "；", "？", "！", "”", "）", "》", "——", "……", "·",
    ]);
    let opening = prop::sample::select(vec!["“", "（", "《", "「"]);
    let other = prop::sample::select(vec![
        " ",
        "　",
        "👍",
        "👨\u{200d}👩\u{200d}👧",
        "🇨🇳",
        "e\u{301}",
        "\u{1b}[31m",
        "\u{1b}]0;t\u{7}",
        "\t",
        "\u{202e}",
        "\u{200b}",
        "\u{7}",
        "①",
        "※",
        "\n",
    ]);
    let token = prop_oneof![
        6 => han.prop_map(str::to_string),
        1 => word.prop_map(str::to_string),
        1 => number.prop_map(str::to_string),
        // Opening marks come before a character and closing marks after one, as in real text.
        1 => (opening, prop::sample::select(vec!["客", "R"])).prop_map(|(o, c)| format!("{o}{c}")),
        2 => (prop::sample::select(vec!["户", "U"]), closing).prop_map(|(c, p)| format!("{c}{p}")),
        1 => other.prop_map(str::to_string),
    ];
    prop::collection::vec(token, 0..120).prop_map(|tokens| tokens.concat())
}

proptest! {
    // PROPTEST_CASES raises the number of cases (default 256) for a longer run.
    #![proptest_config(ProptestConfig::default())]

    #[test]
    fn layout_properties_hold(
        paragraphs in prop::collection::vec(mixed_text(), 1..4),
        width in 2usize..200,
        indent: bool,
        wide: bool,
        start: prop::sample::Index,
        step in 0usize..40,
        about in 1usize..400,
    ) {
        let ambiguous = if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow };
        let settings = LayoutSettings { width, indent, paragraph_spacing: true, ambiguous, direction: Default::default() };
        let text = paragraphs.join("\n\n");
        let body = body_of(&text);
        // The first part of the text as a large file is first shown: its
        // body is the whole body's start, and so are its lines (which are
        // checked below with the rest). Text that is refused whole (many
        // control bytes read as a binary file) has no body to extend.
        let whole_is_text = parse_article("t", "t.md", text.as_bytes(), Origin::Bundled).is_ok();
        let cut = crate::library::prefix_cut(text.as_bytes(), about, crate::library::Cuts::Markdown);
        if let Some(cut) = cut.filter(|_| whole_is_text) {
            let prefix = crate::library::parse_article_with(
                "t",
                "t.md",
                &text.as_bytes()[..cut],
                Origin::Bundled,
                &crate::library::Rules::default(),
                crate::library::Naming::Prefix,
            )
            .map(|a| a.body)
            .unwrap_or_default();
            prop_assert!(crate::library::extends(&body, &prefix), "cut at {}", cut);
            let lines = all_lines(&Layout::new(&prefix, settings));
            let full = all_lines(&Layout::new(&body, settings));
            // The last line of the prefix may be the blank line after its last block.
            let same = lines.iter().zip(&full).take_while(|(a, b)| a == b).count();
            prop_assert!(same + 1 >= lines.len(), "the prefix's lines differ from line {}", same);
        }
        // The properties are checked on a layout grown from a random place in
        // small steps, which must be the full layout, line for line.
        let full = Layout::new(&body, settings);
        let layout = grown(&body, settings, start.index(body.text.len() + 1), step);
        prop_assert_eq!(all_lines(&layout), all_lines(&full));
        let lines: Vec<String> = (0..layout.len()).map(|i| layout.plain_line(&body, i)).collect();

        for line in &lines {
            // Width bound, measured as the buffer measures.
            prop_assert!(str_width(line, ambiguous) <= width, "too wide for {}: {:?}", width, line);
            // No control character or escape sequence reaches the output.
            prop_assert!(!line.chars().any(|c| c.is_control()), "control character in {:?}", line);
            let invisible = ['\u{202e}', '\u{200b}'];
            prop_assert!(!line.contains(invisible), "invisible format character in {:?}", line);
        }

        // Chinese rules wherever the width allows two wide characters and a mark.
        if width >= 6 {
            for (i, line) in layout.lines().enumerate() {
                if line.kind == LineKind::Blank || line.range.is_empty() { continue; }
                let shown = &body.text[line.range.clone()];
                let first = shown.chars().next();
                let last = shown.chars().next_back();
                let block_start = body.blocks[line.block].range().start == line.range.start;
                if !block_start {
                    prop_assert!(!first.is_some_and(is_no_start), "line {} starts badly: {:?}", i, shown);
                }
                let block_end = body.blocks[line.block].range().end == line.range.end;
                if !block_end {
                    prop_assert!(!last.is_some_and(is_no_end), "line {} ends badly: {:?}", i, shown);
                }
            }
        }

        // Nothing lost: the ranges, in order, cover every visible character once.
        let mut shown = String::new();
        let mut previous_end = 0;
        for line in layout.lines() {
            prop_assert!(line.range.start >= previous_end, "ranges overlap or go backwards");
            previous_end = line.range.end;
            shown.push_str(&body.text[line.range.clone()]);
        }
        let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        prop_assert_eq!(visible(&shown), visible(&body.text));
    }
}
