//! Markdown written as a downloaded novel is: one paragraph a line, each
//! line indented (`　　`, or two spaces or more before Chinese text), with
//! no blank line between them. Markdown would join the lines into one
//! paragraph; read as the `.txt` reader reads such lines, each is its own.
//!
//! Only a text whose lines are mostly like that is read so, decided on its
//! first `SAMPLE_BYTES` (as the `.txt` shape is), so the first part of a
//! large file reads as the whole does. Code fences are left alone, and so is
//! everything in a text of ordinary Markdown, where four spaces start code.

use std::borrow::Cow;

/// The lines in this much of the text's start decide.
const SAMPLE_BYTES: usize = 16 * 1024;
/// Fewer indented lines than this tell nothing.
const MIN_INDENTED: usize = 3;

/// `source` with a blank line before each indented line of Chinese text
/// that follows another line, when the text is made of such lines; their
/// ASCII indent goes (after a blank line four spaces would start code), an
/// ideographic one stays, as it stays in any Markdown paragraph.
pub(super) fn split_indented_lines(source: &str) -> Cow<'_, str> {
    if !is_indented_text(source) {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len() + source.len() / 16);
    let mut fence = false;
    let mut previous_blank = true;
    for line in source.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        if is_fence(content) {
            fence = !fence;
        }
        if !fence && is_indented_line(content) {
            if !previous_blank {
                out.push('\n');
            }
            out.push_str(line.trim_start_matches([' ', '\t']));
        } else {
            out.push_str(line);
        }
        previous_blank = content.trim().is_empty();
    }
    Cow::Owned(out)
}

/// Whether most lines of text in the sample (outside code fences, headings
/// aside) are indented lines of Chinese text, and some of them follow
/// another line directly.
fn is_indented_text(source: &str) -> bool {
    let mut end = source.len().min(SAMPLE_BYTES);
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    let (mut text_lines, mut indented, mut joined) = (0, 0, 0);
    let mut fence = false;
    let mut previous_text = false;
    for line in source[..end].lines() {
        if is_fence(line) {
            fence = !fence;
            previous_text = false;
            continue;
        }
        let trimmed = line.trim();
        if fence || trimmed.is_empty() || trimmed.starts_with('#') {
            previous_text = false;
            continue;
        }
        text_lines += 1;
        if is_indented_line(line) {
            indented += 1;
            if previous_text {
                joined += 1;
            }
        }
        previous_text = true;
    }
    indented >= MIN_INDENTED && joined > 0 && indented * 4 >= text_lines * 3
}

/// A line indented as a novel's paragraph is: an ideographic space first,
/// or two ASCII spaces or more (or a tab) before a Chinese character.
fn is_indented_line(line: &str) -> bool {
    if line.starts_with('\u{3000}') {
        return true;
    }
    let rest = line.trim_start_matches([' ', '\t']);
    let indent = &line[..line.len() - rest.len()];
    (indent.len() >= 2 || indent.contains('\t')) && rest.chars().next().is_some_and(is_chinese)
}

/// Han characters and the full-width punctuation that opens a Chinese
/// sentence (“「『（《).
fn is_chinese(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{20000}'..='\u{3134f}'
        | '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}' | '“' | '‘')
}

fn is_fence(line: &str) -> bool {
    let trimmed = line.trim_start_matches(' ');
    line.len() - trimmed.len() < 4 && (trimmed.starts_with("```") || trimmed.starts_with("~~~"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn novel_lines_become_paragraphs_and_other_markdown_stays() {
        let novel = "# 第一章\n　　第一段。\n　　第二段。\n　　第三段。\n";
        assert_eq!(
            split_indented_lines(novel),
            "# 第一章\n\n　　第一段。\n\n　　第二段。\n\n　　第三段。\n"
        );
        let spaces = "  第一段。\n    第二段。\n  第三段。\n";
        assert_eq!(split_indented_lines(spaces), "第一段。\n\n第二段。\n\n第三段。\n");
        // Ordinary Markdown: soft-wrapped lines, code indented four spaces.
        for text in [
            "第一行\n第二行\n\n    let x = 1;\n    let y = 2;\n    let z = 3;\n",
            "段落一\n\n段落二\n",
            "1. 甲\n   乙\n2. 丙\n   丁\n",
        ] {
            assert!(matches!(split_indented_lines(text), Cow::Borrowed(_)), "{text}");
        }
        // A fence is left alone inside a novel.
        let fenced = "　　一。\n　　二。\n　　三。\n```\n　　代码\n　　代码\n```\n";
        assert!(split_indented_lines(fenced).ends_with("```\n　　代码\n　　代码\n```\n"));
    }

    /// A downloaded novel saved as `.md`, in GB18030 and in UTF-8.
    #[test]
    fn a_novel_shaped_markdown_file_reads_a_paragraph_a_line_in_any_encoding() {
        use crate::library::{BlockKind, Origin, parse_article};
        let mut novel = String::from("# 第一章 风起\n");
        for i in 1..=40 {
            novel.push_str(&format!("　　第{i}段，他说：“走吧。”于是两人一同上路，直到天黑。\n"));
        }
        novel.push_str("\n## 第二章 云涌\n  第一段用空格缩进。\n  第二段也是。\n");
        let (gb, _, _) = encoding_rs::GB18030.encode(&novel);
        for bytes in [novel.as_bytes(), &gb[..]] {
            let article = parse_article("书", "书.md", bytes, Origin::Bundled).expect("parses");
            let body = &article.body;
            let paragraphs: Vec<&str> = body
                .blocks
                .iter()
                .filter(|b| b.kind == BlockKind::Paragraph)
                .map(|b| body.block_text(b))
                .collect();
            assert_eq!(paragraphs.len(), 42, "{paragraphs:?}");
            assert!(
                paragraphs[0].contains("第1段") && paragraphs[0].ends_with("直到天黑。"),
                "{:?}",
                paragraphs[0]
            );
            assert_eq!(paragraphs[41], "第二段也是。");
            let headings = body
                .blocks
                .iter()
                .filter(|b| matches!(b.kind, BlockKind::Heading(_)))
                .count();
            assert_eq!(headings, 2);
        }
    }
}
