use super::*;
use crate::library::BlockKind;
use crate::library::formats::plain::SAMPLE_BYTES;

fn parse(relative: &str, bytes: &[u8]) -> Article {
    parse_named(relative, bytes, Naming::File)
}

fn parse_named(relative: &str, bytes: &[u8], naming: Naming) -> Article {
    parse_article_with("a", relative, bytes, Origin::Bundled, &Rules::default(), naming).expect("parses")
}

/// Every cut the prefix finds, with the prefix aimed at `step`, 2·`step` …
/// bytes, parses to the first blocks of the whole file at the same offsets.
fn every_cut_extends(relative: &str, bytes: &[u8], step: usize) -> usize {
    every_cut_from_extends(relative, bytes, step, step)
}

/// `every_cut_extends`, the prefix aimed at `first`, `first` + `step` … bytes.
fn every_cut_from_extends(relative: &str, bytes: &[u8], first: usize, step: usize) -> usize {
    let kind = match Format::of(relative).expect("format") {
        Format::Plain => Cuts::Plain {
            every_line: lines_are_paragraphs(bytes, &ChapterRule::Builtin),
        },
        _ => Cuts::Markdown,
    };
    let full = parse(relative, bytes);
    let mut cuts = Vec::new();
    for about in (first..bytes.len()).step_by(step) {
        let Some(cut) = prefix_cut(bytes, about, kind) else {
            continue;
        };
        let prefix = parse_named(relative, &bytes[..cut], Naming::Prefix);
        assert!(
            extends(&full.body, &prefix.body),
            "{relative}: the prefix cut at byte {cut} of {} is not the whole body's start:\n{:?}",
            bytes.len(),
            prefix.body.text.chars().rev().take(40).collect::<String>()
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
    // One paragraph on each line, no blank line anywhere.
    let lines = "他说：床前明月光，疑是地上霜。举头望明月，低头思故乡。\n".repeat(400);
    assert!(every_cut_extends("诗.txt", lines.as_bytes(), 61) > 50);
}

/// A downloaded novel of `chapters` chapters: one paragraph a line,
/// indented, blank lines only around the headings, a few lines without
/// an indent.
fn downloaded_novel(chapters: usize) -> String {
    let mut text = String::from("书名\n作者：某某\n\n");
    for c in 1..=chapters {
        text.push_str(&format!("第{c}章 风起\n\n"));
        for p in 0..20 {
            let words = "他说：“走吧，天快黑了。”".repeat(1 + (c + p) % 7);
            text.push_str(&format!("　　第{p}段。{words}\n"));
        }
        text.push_str("“好。”\n\n");
    }
    text
}

/// `chapters` chapters of prose hard-wrapped at 30 characters a line, each
/// paragraph's first line indented.
fn hard_wrapped(chapters: usize) -> String {
    let mut text = String::from("书名\n\n");
    for c in 1..=chapters {
        text.push_str(&format!("第{c}章 风起\n\n"));
        for p in 0..20 {
            let paragraph = format!("　　{}。", "这是一段硬换行的文字，".repeat(2 + (c + p) % 9));
            let chars: Vec<char> = paragraph.chars().collect();
            for line in chars.chunks(30) {
                text.extend(line);
                text.push('\n');
            }
        }
        text.push('\n');
    }
    text
}

#[test]
fn a_novel_of_indented_lines_or_hard_wrapped_is_cut_where_its_whole_body_is() {
    let novel = downloaded_novel(8);
    assert!(lines_are_paragraphs(novel.as_bytes(), &ChapterRule::Builtin));
    assert!(every_cut_extends("书.txt", novel.as_bytes(), 307) > 50);
    let gb = encoding_rs::GB18030.encode(&novel).0.into_owned();
    assert!(every_cut_extends("书.txt", &gb, 557) > 30);
    // Hard-wrapped text is read in the shape of its first lines, so a part
    // is read as the whole only once it holds them, as every real one does.
    let wrapped = hard_wrapped(40);
    assert!(!lines_are_paragraphs(wrapped.as_bytes(), &ChapterRule::Builtin));
    assert!(every_cut_from_extends("书.txt", wrapped.as_bytes(), 4 * SAMPLE_BYTES, 8191) > 10);
    // The first part of large files, as the reader opens them.
    let gb = encoding_rs::GB18030.encode(&downloaded_novel(115)).0.into_owned();
    for bytes in [gb, hard_wrapped(65).into_bytes()] {
        assert!(bytes.len() > PREFIX_FROM_BYTES);
        let prefix = parse_prefix("a", "a.txt", &bytes, Origin::Bundled, &Rules::default()).expect("a prefix");
        assert!(prefix.body.blocks.len() > 50, "{} blocks", prefix.body.blocks.len());
        assert!(extends(&parse("a.txt", &bytes).body, &prefix.body));
    }
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
    // Cut inside a Markdown paragraph, the prefix ends it early.
    let full = parse("a.md", "他说了很多很多的话，一直\n说到天黑。\n".as_bytes());
    let prefix = parse("a.md", "他说了很多很多的话，一直\n".as_bytes());
    assert!(!extends(&full.body, &prefix.body));
    assert!(extends(&full.body, &full.body));
}

#[test]
fn small_files_and_other_formats_are_parsed_whole() {
    let small = novel(2, "\n");
    assert!(parse_prefix("a", "a.txt", small.as_bytes(), Origin::Bundled, &Rules::default()).is_none());
    let big = novel(800, "\n");
    let html = format!("<p>{big}</p>");
    assert!(parse_prefix("a", "a.html", html.as_bytes(), Origin::Bundled, &Rules::default()).is_none());
    let prefix = parse_prefix("a", "a.txt", big.as_bytes(), Origin::Bundled, &Rules::default()).expect("a prefix");
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
        let prefix = parse_prefix("a", relative, text.as_bytes(), Origin::Bundled, &Rules::default())
            .expect("a large file has a first part");
        // Markdown is cut after the short lines; plain text later, once the
        // lines that decide the shape of its paragraphs are all in.
        if relative == "a.md" {
            assert!(prefix.body.text.len() < 100, "the cut is after the short lines");
        }
        assert!(
            prefix.body.blocks.iter().all(|b| b.kind != BlockKind::Verse),
            "{relative}: {:?}",
            prefix.body.blocks
        );
        assert!(extends(&whole.body, &prefix.body), "{relative}");
    }
    let said = format!("+++\nlines = true\n+++\n{text}");
    let prefix = parse_prefix("a", "a.md", said.as_bytes(), Origin::Bundled, &Rules::default()).expect("part");
    assert!(
        prefix.body.blocks.iter().any(|b| b.kind == BlockKind::Verse),
        "front matter still decides"
    );
}

/// The first part holds the sample the shape of the lines is decided on,
/// and ends with the first paragraph to end after it: the less there is
/// to parse, the sooner the first frame.
#[test]
fn the_first_part_ends_at_the_first_paragraph_end_past_the_sample() {
    let mut markdown = String::from("# 长文\n\n");
    while markdown.len() < PREFIX_FROM_BYTES {
        markdown.push_str("正文*强调*与`代码`，[链接](http://a)。继续写下去，直到段落结束。\n\n");
    }
    let texts = [
        ("书.txt", novel(400, "\n").into_bytes()),
        ("书.txt", novel(400, "\r\n").into_bytes()),
        (
            "书.txt",
            encoding_rs::GB18030.encode(&downloaded_novel(115)).0.into_owned(),
        ),
        ("书.txt", hard_wrapped(65).into_bytes()),
        // The text leaves out a byte order mark and each CRLF's `\r`.
        (
            "书.txt",
            format!("\u{feff}{}", hard_wrapped(65).replace('\n', "\r\n")).into_bytes(),
        ),
        (
            "书.md",
            format!("\u{feff}{}", downloaded_novel(115).replace('\n', "\r\n")).into_bytes(),
        ),
        ("书.md", downloaded_novel(115).into_bytes()),
        ("长文.md", markdown.into_bytes()),
    ];
    for (relative, bytes) in texts {
        let kind = match Format::of(relative) {
            Some(Format::Plain) => Cuts::Plain {
                every_line: lines_are_paragraphs(&bytes, &ChapterRule::Builtin),
            },
            _ => Cuts::Markdown,
        };
        let cut = prefix_cut(&bytes, PREFIX_BYTES, kind).expect("a place to cut");
        let text = parse_named(relative, &bytes[..cut], Naming::Prefix);
        let left_out = usize::from(bytes.starts_with("\u{feff}".as_bytes())) * 3
            + bytes[..cut].iter().filter(|&&b| b == b'\r').count();
        assert!(
            (SAMPLE_BYTES..SAMPLE_BYTES + 2048).contains(&(cut - left_out)),
            "{relative}: cut at {cut}, {left_out} bytes left out of the text"
        );
        assert!(!text.body.blocks.is_empty());
        let prefix = parse_prefix("a", relative, &bytes, Origin::Bundled, &Rules::default()).expect("a prefix");
        assert!(extends(&parse(relative, &bytes).body, &prefix.body), "{relative}");
    }
}
