use super::*;
use crate::library::BlockKind;

fn parse(relative: &str, bytes: &[u8]) -> Article {
    parse_article_with(
        "a",
        relative,
        bytes,
        Origin::Bundled,
        &ChapterRule::Builtin,
        Naming::File,
    )
    .expect("parses")
}

/// Every cut the prefix finds, with the prefix aimed at `step`, 2·`step` …
/// bytes, parses to the first blocks of the whole file at the same offsets.
fn every_cut_extends(relative: &str, bytes: &[u8], step: usize) -> usize {
    let format = Format::of(relative).expect("format");
    let full = parse(relative, bytes);
    let mut cuts = Vec::new();
    for about in (step..bytes.len()).step_by(step) {
        let Some(cut) = prefix_cut(bytes, about, format) else {
            continue;
        };
        let prefix = parse(relative, &bytes[..cut]);
        assert!(
            extends(&full.body, &prefix.body),
            "{relative}: the prefix cut at byte {cut} of {} is not the whole body's start:\n{:?}",
            bytes.len(),
            &prefix.body.text[prefix.body.text.len().saturating_sub(80)..]
        );
        assert!(!prefix.body.blocks.is_empty());
        cuts.push(cut);
    }
    cuts.dedup();
    cuts.len()
}

fn novel(chapters: usize, line_end: &str) -> String {
    let mut text = format!("书名{line_end}{line_end}");
    for c in 1..=chapters {
        text.push_str(&format!("第{c}章 风起{line_end}{line_end}"));
        for p in 0..6 {
            text.push_str(&format!(
                "　　他说：“第{p}段，走吧。”{line_end}接着写，Microsoft的CPU。{line_end}{line_end}"
            ));
        }
    }
    text
}

#[test]
fn a_plain_prefix_parses_to_the_start_of_the_whole_body_at_every_cut() {
    let lf = novel(40, "\n");
    assert!(every_cut_extends("书.txt", lf.as_bytes(), 97) > 50);
    let crlf = novel(40, "\r\n");
    assert!(every_cut_extends("书.txt", crlf.as_bytes(), 101) > 50);
    let gb = encoding_rs::GB18030.encode(&lf).0.into_owned();
    assert!(every_cut_extends("书.txt", &gb, 89) > 50);
    // One paragraph on each line, no blank line anywhere. (Lines of verse
    // would be kept as verse in a cut this small; a real prefix, 64 KiB of a
    // file of 256 KiB or more, is far longer than any text read as verse.)
    let lines = "他说：床前明月光，疑是地上霜。举头望明月，低头思故乡。\n".repeat(400);
    assert!(every_cut_extends("诗.txt", lines.as_bytes(), 61) > 50);
}

#[test]
fn a_markdown_prefix_parses_to_the_start_of_the_whole_body_at_every_cut() {
    let mut text = String::from("+++\ntitle = \"长文\"\n+++\n\n# 长文\n\n");
    for i in 0..60 {
        text.push_str(&format!(
            "## 第{i}节\n\n正文*强调*与`代码`，[链接](http://a)。\n继续。\n\n\
             - 一项\n\n  还是这一项\n- 二项\n\n> 引文\n>\n> 引文二\n\n\
             ```\n代码\n\n代码\n```\n\n1. 甲\n2. 乙\n\n    缩进代码\n\n结尾段落。\n\n"
        ));
    }
    assert!(every_cut_extends("长文.md", text.as_bytes(), 83) > 50);
}

#[test]
fn a_prefix_that_the_whole_file_does_not_extend_is_found_out() {
    // Without the second chapter heading, the first is a line of its paragraph.
    let full = parse("书.txt", "第一章 起\n正文。\n\n第二章 承\n正文。\n".as_bytes());
    let prefix = parse("书.txt", "第一章 起\n正文。\n\n".as_bytes());
    assert!(!extends(&full.body, &prefix.body));
    assert!(extends(&full.body, &full.body));
}

#[test]
fn small_files_and_other_formats_are_parsed_whole() {
    let small = novel(2, "\n");
    assert!(parse_prefix("a", "a.txt", small.as_bytes(), Origin::Bundled, &ChapterRule::Builtin).is_none());
    let big = novel(800, "\n");
    let html = format!("<p>{big}</p>");
    assert!(parse_prefix("a", "a.html", html.as_bytes(), Origin::Bundled, &ChapterRule::Builtin).is_none());
    let prefix = parse_prefix("a", "a.txt", big.as_bytes(), Origin::Bundled, &ChapterRule::Builtin).expect("a prefix");
    assert!(prefix.body.text.len() < big.len() / 2);
    assert!(extends(&parse("a.txt", big.as_bytes()).body, &prefix.body));
}

/// Verse by the shape of its lines is a rule for short whole texts: the
/// first part of a large file is never read as verse for being short, or
/// it would be laid out otherwise than the whole that follows it.
#[test]
fn a_first_part_of_short_lines_is_not_taken_for_verse() {
    let mut text = String::from("户，\n客户，\n\n");
    while text.len() < PREFIX_FROM_BYTES + 1024 {
        text.push_str("客户关系管理是企业为提高核心竞争力而采用的管理方法，它在一行里写得很长很长。\n");
    }
    for relative in ["a.md", "a.txt"] {
        let whole = parse(relative, text.as_bytes());
        let prefix = parse_prefix("a", relative, text.as_bytes(), Origin::Bundled, &ChapterRule::Builtin)
            .expect("a large file has a first part");
        assert!(
            prefix.body.text.len() < 100,
            "{relative}: the cut is after the short lines"
        );
        assert!(
            prefix.body.blocks.iter().all(|b| b.kind != BlockKind::Verse),
            "{relative}: {:?}",
            prefix.body.blocks
        );
        assert!(extends(&whole.body, &prefix.body), "{relative}");
    }
    let said = format!("+++\nlines = true\n+++\n{text}");
    let prefix = parse_prefix("a", "a.md", said.as_bytes(), Origin::Bundled, &ChapterRule::Builtin).expect("part");
    assert!(
        prefix.body.blocks.iter().any(|b| b.kind == BlockKind::Verse),
        "front matter still decides"
    );
}
