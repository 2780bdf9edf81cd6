//! Long property runs ("fuzzing" on stable Rust) for the parsers and the
//! layout engine. Ignored in normal test runs; `scripts/fuzz` runs them for a
//! fixed time. A failure is saved by proptest under proptest-regressions/ and
//! replayed by every later run, so a crash found once stays a regression test.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use yuedu::layout::{Layout, LayoutSettings, LineKind};
use yuedu::library::{Body, Origin, parse_article};
use yuedu::text::{AmbiguousWidth, str_width};

/// Text made of the pieces that break parsers: Markdown syntax, front matter
/// delimiters, CJK, emoji, controls and escape sequences.
fn markdownish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "+++",
        "\n",
        "\n\n",
        "# ",
        "## ",
        "> ",
        "- ",
        "* ",
        "1. ",
        "  ",
        "`",
        "```",
        "*",
        "**",
        "_",
        "[",
        "]",
        "(",
        ")",
        "<b>",
        "</b>",
        "|",
        "---",
        "title = \"",
        "\"",
        "=",
        "客户",
        "关系",
        "，",
        "。",
        "“",
        "”",
        "——",
        "……",
        "《",
        "》",
        "abc",
        "123",
        "👨\u{200d}👩\u{200d}👧",
        "e\u{301}",
        "\u{1b}[2J",
        "\u{1b}]0;t\u{7}",
        "\u{7}",
        "\u{0}",
        "\r",
        "\t",
        "\u{202e}",
        "\u{200b}",
        "\u{feff}",
        "\u{85}",
        "\u{3000}",
    ]);
    prop::collection::vec(pieces, 0..200).prop_map(|p| p.concat())
}

fn check_body(body: &Body) -> Result<(), TestCaseError> {
    prop_assert!(
        !body.text.chars().any(|c| c.is_control() && c != '\n'),
        "control character in {:?}",
        body.text
    );
    for block in &body.blocks {
        prop_assert!(block.range.start <= block.range.end && block.range.end <= body.text.len());
        prop_assert!(body.text.is_char_boundary(block.range.start) && body.text.is_char_boundary(block.range.end));
        for span in &block.inline {
            prop_assert!(block.range.start <= span.range.start && span.range.end <= block.range.end);
        }
    }
    Ok(())
}

fn check_layout(body: &Body, settings: LayoutSettings) -> Result<(), TestCaseError> {
    let layout = Layout::new(body, settings);
    let mut shown = String::new();
    for (i, line) in layout.lines().enumerate() {
        let text = layout.plain_line(body, i);
        // Only a single grapheme wider than the whole column (some Indic
        // clusters take three columns) may stand alone on a line too narrow for it.
        let alone = text.trim().graphemes(true).count() <= 1;
        prop_assert!(
            alone || str_width(&text, settings.ambiguous) <= settings.width.max(2),
            "too wide: {:?}",
            text
        );
        prop_assert!(!text.chars().any(char::is_control));
        if line.kind != LineKind::Blank && !line.range.is_empty() {
            shown.push_str(&body.text[line.range.clone()]);
            prop_assert_eq!(layout.line_at_offset(line.range.start), i);
        }
    }
    let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    prop_assert_eq!(visible(&shown), visible(&body.text));
    Ok(())
}

proptest! {
    #[test]
    #[ignore = "long run: scripts/fuzz"]
    fn markdown_and_front_matter_never_panic(text in markdownish(), width in 2usize..120, wide: bool) {
        if let Ok(article) = parse_article("f/x", "f/x.md", text.as_bytes(), Origin::Bundled) {
            check_body(&article.body)?;
            let ambiguous = if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow };
            check_layout(&article.body, LayoutSettings { ambiguous, ..LayoutSettings::with_width(width) })?;
        }
    }

    #[test]
    #[ignore = "long run: scripts/fuzz"]
    fn arbitrary_bytes_decode_as_text_articles(bytes in prop::collection::vec(any::<u8>(), 0..4000)) {
        if let Ok(article) = parse_article("f/x", "f/x.txt", &bytes, Origin::Bundled) {
            check_body(&article.body)?;
            check_layout(&article.body, LayoutSettings::with_width(33))?;
        }
        if let Ok(article) = parse_article("f/x", "f/x.md", &bytes, Origin::Bundled) {
            check_body(&article.body)?;
        }
    }

    #[test]
    #[ignore = "long run: scripts/fuzz"]
    fn layout_holds_for_any_text(text in "\\PC{0,600}", width in 2usize..200, indent: bool, spacing: bool) {
        if let Ok(article) = parse_article("f/x", "f/x.txt", text.as_bytes(), Origin::Bundled) {
            let settings = LayoutSettings { indent, paragraph_spacing: spacing, ..LayoutSettings::with_width(width) };
            check_layout(&article.body, settings)?;
        }
    }
}

/// Inputs the long runs found, kept as ordinary tests so CI replays them.
#[test]
fn cases_found_by_fuzzing_stay_fixed() {
    let check = |text: &str, file: &str, width: usize| {
        let article = parse_article("f/x", file, text.as_bytes(), Origin::Bundled).expect("parses");
        proptest::test_runner::TestRunner::default()
            .run(&Just(()), |()| {
                check_body(&article.body)?;
                check_layout(&article.body, LayoutSettings::with_width(width))
            })
            .expect("holds");
    };
    // A thematic break in a two-column reading column.
    check("---\r**", "f/x.md", 2);
    // A grapheme cluster three columns wide.
    check("Aෲେ", "f/x.txt", 2);
    // A prepended mark joins the following space into one cluster.
    check("ൎ 𞋿\"AaΣA'𑬀\"ꟓ\"ῶ𑵪ᜀµA0a\"ꭰ®0ׯa𐊀®A𓑠0𞹝𛲀AΣ", "f/x.txt", 2);
}
