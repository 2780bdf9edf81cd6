//! `.txt` articles: paragraphs, by the shape of their lines (`shape`).

use crate::library::formats::{ChapterRule, find_headings};
use crate::library::model::article::{BlockKind, Body, BodyBuilder};

mod shape;
pub(crate) use shape::SAMPLE_BYTES;
pub(crate) use shape::Shape;

/// Paragraphs by the shape of the lines (`shape`): each line its own
/// paragraph, unless the text is hard-wrapped, when a line that is not
/// indented continues a full line before it; blank lines and chapter
/// headings of novels, found by `rule`, always end one. `text` is sanitised
/// already (`parse_article` does it for every file).
pub fn parse_plain_with(text: &str, rule: &ChapterRule) -> Body {
    parse_plain(text, rule, true)
}

/// `parse_plain_with`; verse is recognised by the shape of its lines only
/// `by_shape` (not in the first part of a large file).
pub(in crate::library) fn parse_plain(text: &str, rule: &ChapterRule, by_shape: bool) -> Body {
    // Leading ideographic spaces are the print indent; the layout adds its own.
    let lines: Vec<&str> = text.lines().collect();
    let shape = Shape::of(text, rule);
    // Verse keeps its lines: a stanza per run of lines, a line break in it.
    let verse = crate::library::formats::verse::is_verse(text, (!by_shape).then_some(false), None);
    let mut headings = find_headings(lines.iter().map(|l| l.trim()), rule)
        .into_iter()
        .peekable();
    let mut builder = BodyBuilder::default();
    let mut previous: Option<&str> = None;
    for (i, raw) in lines.into_iter().enumerate() {
        let line = raw.trim();
        let before = previous.replace(raw);
        if line.is_empty() {
            builder.close();
            previous = None;
            continue;
        }
        if let Some((_, level)) = headings.next_if(|&(at, _)| at == i) {
            builder.close();
            builder.open(BlockKind::Heading(level), 0);
            builder.push_text(&line.split_whitespace().collect::<Vec<_>>().join(" "));
            builder.close();
            previous = None;
            continue;
        }
        if verse {
            if builder.is_open() {
                builder.push_hard_break();
            }
            builder.open(BlockKind::Verse, 0);
            builder.push_text(line);
            continue;
        }
        if builder.is_open() && before.is_some_and(|before| shape.continues(before, raw)) {
            builder.push_soft_break();
        } else {
            builder.close();
        }
        builder.open(BlockKind::Paragraph, 0);
        builder.push_text(line);
    }
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_plain(text: &str) -> Body {
        parse_plain_with(text, &ChapterRule::Builtin)
    }

    fn texts(body: &Body) -> Vec<&str> {
        body.blocks.iter().map(|b| body.block_text(b)).collect()
    }

    #[test]
    fn each_line_is_a_paragraph_unless_the_text_is_hard_wrapped() {
        let body = parse_plain("　　第一段\r\n继续\r\n\r\n第二段\r\n");
        assert_eq!(texts(&body), ["第一段", "继续", "第二段"]);
        let body = parse_plain("一行\n两行\n");
        assert_eq!(body.blocks.len(), 2);
        // Hard-wrapped at 30 characters: full lines go on, short ones end.
        let paragraph = |n: usize| format!("{}。", "这是一段硬换行的文字，".repeat(n));
        let mut wrapped = String::new();
        for n in [5, 7, 4, 6, 5, 8, 3, 5] {
            let chars: Vec<char> = paragraph(n).chars().collect();
            for line in chars.chunks(30) {
                wrapped.extend(line);
                wrapped.push('\n');
            }
        }
        let body = parse_plain(&format!("书名\n作者：某某\n{wrapped}"));
        let texts = texts(&body);
        assert_eq!(texts[..3], ["书名", "作者：某某", paragraph(5).as_str()]);
        assert_eq!(texts.len(), 10, "{texts:?}");
    }

    /// A downloaded novel: one paragraph a line, indented, blank lines only
    /// around the chapter headings, the title and author on lines of their own.
    pub(crate) fn downloaded_novel() -> String {
        let mut text = String::from("古文观止·卷三\n作者：佚名\n\n");
        for chapter in ["第一章 风起", "第二章 云涌", "第三章 归来"] {
            text.push_str(&format!("{chapter}\n\n"));
            for p in 0..12 {
                let words = "他说：“走吧，天快黑了。”".repeat(1 + p % 5);
                text.push_str(&format!("　　第{p}段。{words}\n"));
            }
            text.push_str("“好。”\n\n");
        }
        text
    }

    #[test]
    fn a_downloaded_novel_keeps_every_paragraph() {
        let body = parse_plain(&downloaded_novel());
        let texts = texts(&body);
        assert_eq!(texts[..3], ["古文观止·卷三", "作者：佚名", "第一章 风起"]);
        assert_eq!(texts.len(), 2 + 3 * (1 + 12 + 1), "{texts:?}");
        assert_eq!(texts[3], "第0段。他说：“走吧，天快黑了。”");
        assert_eq!(texts[15], "“好。”");
    }

    #[test]
    fn chapter_headings_of_a_novel_become_heading_blocks() {
        let novel =
            "书名\n\n第一章　风起\n　　正文第一段，\n接着写。\n\n第六回合开始了，他挥剑。\n第二章 云涌\n正文。\n";
        let body = parse_plain(novel);
        let blocks: Vec<(BlockKind, &str)> = body
            .blocks
            .iter()
            .map(|b| (b.kind.clone(), body.block_text(b)))
            .collect();
        assert_eq!(
            blocks,
            [
                (BlockKind::Paragraph, "书名"),
                (BlockKind::Heading(1), "第一章 风起"),
                (BlockKind::Paragraph, "正文第一段，"),
                (BlockKind::Paragraph, "接着写。"),
                (BlockKind::Paragraph, "第六回合开始了，他挥剑。"),
                (BlockKind::Heading(1), "第二章 云涌"),
                (BlockKind::Paragraph, "正文。"),
            ]
        );
        let without = parse_plain("序章\n只有一个像标题的行。\n");
        assert!(without.blocks.iter().all(|b| b.kind == BlockKind::Paragraph));
    }
}
