//! Markdown bodies into blocks: paragraphs, headings, lists, quotes, code,
//! emphasis; links are shown as their text and raw HTML is dropped, but
//! for the readings of `<ruby>`, shown by the ruby rule.

mod indented;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use crate::library::formats::containers::{Container, open_block, push_item};
use crate::library::formats::ruby::{Readings, Ruby, RubyTag};
use crate::library::model::article::{BlockKind, Body, BodyBuilder, InlineStyle};

#[cfg(test)]
pub fn parse_markdown(source: &str) -> Body {
    parse_markdown_with(source, false, Ruby::default())
}

/// `parse_markdown`; with `verse`, paragraphs outside lists and quotes are
/// stanzas whose lines are kept (`verse::is_verse` decides); ruby readings
/// shown by `ruby`.
pub fn parse_markdown_with(source: &str, verse: bool, ruby: Ruby) -> Body {
    let mut builder = BodyBuilder::default();
    let mut readings = Readings::default();
    let mut stack: Vec<Container> = Vec::new();
    let mut pending_kind: Option<BlockKind> = None;
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // A novel's indented lines are paragraphs, as in a `.txt` file.
    let source = indented::split_indented_lines(source);
    for event in Parser::new_ext(&source, options) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph => {
                    builder.close();
                    if verse && stack.is_empty() {
                        pending_kind = Some(BlockKind::Verse);
                    }
                }
                Tag::Heading { level, .. } => {
                    builder.close();
                    pending_kind = Some(BlockKind::Heading(level as u8));
                }
                Tag::CodeBlock(_) => {
                    builder.close();
                    pending_kind = Some(BlockKind::Code);
                }
                Tag::BlockQuote(_) => {
                    builder.close();
                    stack.push(Container::Quote);
                }
                Tag::List(start) => {
                    builder.close();
                    stack.push(Container::List { next_number: start });
                }
                Tag::Item => {
                    builder.close();
                    push_item(&mut stack);
                }
                Tag::TableRow | Tag::TableHead => builder.close(),
                Tag::Emphasis | Tag::Strikethrough => builder.start_inline(InlineStyle::Emphasis),
                Tag::Strong => builder.start_inline(InlineStyle::Strong),
                Tag::Link { .. } | Tag::Image { .. } => builder.start_inline(InlineStyle::Link),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::CodeBlock => {
                    builder.close();
                    pending_kind = None;
                }
                TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item => {
                    builder.close();
                    stack.pop();
                }
                TagEnd::TableRow | TagEnd::TableHead => builder.close(),
                TagEnd::TableCell => builder.push_text(" | "),
                TagEnd::Emphasis | TagEnd::Strikethrough | TagEnd::Strong | TagEnd::Link | TagEnd::Image => {
                    builder.end_inline()
                }
                _ => {}
            },
            Event::InlineHtml(html) => {
                if let Some(shown) = RubyTag::of_html(&html).and_then(|tag| readings.tag(tag, ruby)) {
                    open_block(&mut builder, &mut stack, pending_kind.as_ref());
                    builder.push_text(&shown);
                }
            }
            Event::Text(text) if readings.text(&text) => {}
            Event::Text(text) => {
                open_block(&mut builder, &mut stack, pending_kind.as_ref());
                if pending_kind == Some(BlockKind::Code) {
                    push_code(&mut builder, &text);
                } else {
                    builder.push_text(&text);
                }
            }
            Event::Code(text) => {
                open_block(&mut builder, &mut stack, pending_kind.as_ref());
                builder.start_inline(InlineStyle::Code);
                builder.push_text(&text);
                builder.end_inline();
            }
            Event::SoftBreak if pending_kind == Some(BlockKind::Verse) => builder.push_hard_break(),
            Event::SoftBreak => builder.push_soft_break(),
            Event::HardBreak => builder.push_hard_break(),
            Event::Rule => {
                builder.close();
                builder.open(BlockKind::Rule, 0);
                builder.close();
            }
            // Raw HTML, footnotes and the like are not shown.
            _ => {}
        }
    }
    builder.finish()
}

/// Code keeps its line breaks; its last newline is not content.
fn push_code(builder: &mut BodyBuilder, text: &str) {
    let text = text.strip_suffix('\n').unwrap_or(text);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            builder.push_hard_break();
        }
        builder.push_text(line);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(body: &Body) -> Vec<(BlockKind, String)> {
        body.blocks
            .iter()
            .map(|b| (b.kind.clone(), body.block_text(b).to_string()))
            .collect()
    }

    #[test]
    fn paragraphs_headings_and_lists() {
        let body =
            parse_markdown("## 什么是客户关系管理\n\n所谓客户\n关系管理。\n\n1. 判断客户\n2. 了解客户\n\n- 甲\n");
        assert_eq!(
            kinds(&body),
            vec![
                (BlockKind::Heading(2), "什么是客户关系管理".into()),
                (BlockKind::Paragraph, "所谓客户关系管理。".into()),
                (
                    BlockKind::ListItem {
                        marker: Some(crate::library::Marker::Number(1))
                    },
                    "判断客户".into()
                ),
                (
                    BlockKind::ListItem {
                        marker: Some(crate::library::Marker::Number(2))
                    },
                    "了解客户".into()
                ),
                (
                    BlockKind::ListItem {
                        marker: Some(crate::library::Marker::Bullet)
                    },
                    "甲".into()
                ),
            ]
        );
    }

    #[test]
    fn quotes_emphasis_links_and_html() {
        let body = parse_markdown("> 引用的*话*\n\n见[链接](http://x)。<b>粗</b>\n");
        assert_eq!(body.blocks[0].kind, BlockKind::Quote);
        assert_eq!(body.block_text(&body.blocks[0]), "引用的话");
        let emphasis = &body.inline(&body.blocks[0])[0];
        assert_eq!(&body.text[emphasis.range()], "话");
        assert_eq!(body.block_text(&body.blocks[1]), "见链接。粗");
    }

    #[test]
    fn ruby_readings_follow_their_word_or_are_dropped() {
        let source = "# <ruby>草<rt>くさ</rt>枕<rt>まくら</rt></ruby>\n\n<ruby>束<rp>(</rp><rt>つか</rt><rp>)</rp>の間<rt>ま</rt></ruby>の命\n";
        let shown = parse_markdown(source);
        assert_eq!(kinds(&shown)[0], (BlockKind::Heading(1), "草(くさ)枕(まくら)".into()));
        assert_eq!(kinds(&shown)[1], (BlockKind::Paragraph, "束(つか)の間(ま)の命".into()));
        let dropped = parse_markdown_with(source, false, Ruby::Drop);
        assert_eq!(&*dropped.text, "草枕\n束の間の命");
    }

    #[test]
    fn loose_list_items_keep_later_paragraphs_without_a_marker() {
        let body = parse_markdown("1. 第一段\n\n   第二段\n");
        assert_eq!(
            body.blocks[0].kind,
            BlockKind::ListItem {
                marker: Some(crate::library::Marker::Number(1))
            }
        );
        assert_eq!(body.blocks[1].kind, BlockKind::ListItem { marker: None });
    }

    #[test]
    fn control_characters_made_by_entities_are_dropped() {
        let body = parse_markdown("前&#x1b;[2J后&#7;。");
        assert_eq!(&*body.text, "前[2J后。");
    }

    #[test]
    fn deeply_nested_markdown_is_flattened_not_fatal() {
        let source = format!("{}深\n", "> ".repeat(500));
        let body = parse_markdown(&source);
        assert_eq!(body.block_text(&body.blocks[0]), "深");
        assert!(body.blocks[0].depth() <= crate::library::formats::containers::MAX_DEPTH);
    }

    #[test]
    fn sanitised_markdown_keeps_no_escape_sequence() {
        let body = parse_markdown(&crate::text::sanitize("前\x1b[2J后\x1b]0;title\x07。"));
        assert_eq!(&*body.text, "前后。");
    }
}
