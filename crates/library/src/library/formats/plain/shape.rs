//! How the lines of a `.txt` file make paragraphs. Downloaded novels put
//! one paragraph on each line, most of them indented (`　　`, two spaces or
//! a tab), with blank lines only around headings; other files put a blank
//! line between paragraphs of one line; only text hard-wrapped at a fixed
//! width (lines of nearly equal length, each paragraph's last line shorter)
//! spreads a paragraph over several lines. So a line is its own paragraph
//! unless the text is hard-wrapped, and then a line that is not indented
//! continues the paragraph of a full line before it.
//!
//! The shape is decided on the text's first `SAMPLE_BYTES` only, so the
//! first part of a large file (`library::prefix`), which holds at least
//! that much text (its raw bytes less a byte order mark and CRs), is read
//! in the same shape as the whole.

use crate::library::formats::ChapterRule;

/// The shape is decided on the lines in this much of the text's start.
pub(crate) const SAMPLE_BYTES: usize = 16 * 1024;
/// Fewer pairs of lines that could be one paragraph tell nothing: each line is one.
const MIN_PAIRS: usize = 8;
/// Text wrapped narrower than this (20 汉字) is not taken for hard-wrapped prose.
const MIN_WRAP_COLUMNS: usize = 40;
/// A line this many columns short of the width (two 汉字 and a mark pushed
/// down by the line-breaking rules) still fills its line.
const SLACK_COLUMNS: usize = 4;

/// How the lines of a plain text make paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Each line is a paragraph.
    Lines,
    /// Hard-wrapped at `width` columns: a line that is not indented
    /// continues the paragraph of a full line before it.
    Wrapped { width: usize },
}

impl Shape {
    /// The shape of `text`, by the lines of its first `SAMPLE_BYTES`:
    /// hard-wrapped when at least half of the lines that could continue a
    /// paragraph (not indented, after a line of text) follow a full line,
    /// and most of those full lines do not end a sentence (a poem's lines
    /// are as long as one another, and each ends one).
    pub(crate) fn of(text: &str, rule: &ChapterRule) -> Shape {
        let sample = sample(text);
        let mut pairs: Vec<(usize, usize, bool)> = Vec::new();
        let mut previous: Option<&str> = None;
        for line in sample.lines() {
            let trimmed = line.trim();
            if trimmed.is_empty() || rule.level(trimmed).is_some() {
                previous = None;
                continue;
            }
            if let Some(before) = previous
                && !is_indented(line)
            {
                pairs.push((
                    columns(before.trim_end()),
                    room_wanted(before, trimmed),
                    ends_sentence(before),
                ));
            }
            previous = Some(line);
        }
        if pairs.len() < MIN_PAIRS {
            return Shape::Lines;
        }
        let mut widths: Vec<usize> = pairs.iter().map(|p| p.0).collect();
        widths.sort_unstable();
        let width = widths[widths.len() * 9 / 10];
        if width < MIN_WRAP_COLUMNS {
            return Shape::Lines;
        }
        let shape = Shape::Wrapped { width };
        let full: Vec<&(usize, usize, bool)> = pairs.iter().filter(|p| shape.is_full(p.0, p.1, p.2)).collect();
        let ending = full.iter().filter(|p| p.2).count();
        if full.len() * 2 >= pairs.len() && ending * 2 < full.len() {
            shape
        } else {
            Shape::Lines
        }
    }

    /// Whether `line` continues the paragraph of `before` (the line of text
    /// just before it, untrimmed).
    pub(crate) fn continues(self, before: &str, line: &str) -> bool {
        match self {
            Shape::Lines => false,
            Shape::Wrapped { .. } => {
                !is_indented(line)
                    && self.is_full(
                        columns(before.trim_end()),
                        room_wanted(before, line.trim()),
                        ends_sentence(before),
                    )
            }
        }
    }

    /// Whether a line `width` columns wide was full: the next line's first
    /// word (`wanted` columns, with its space) would not have fitted on it,
    /// give or take what the line-breaking rules push down; exactly, for a
    /// line that `ends` a sentence (a paragraph's last line often does).
    fn is_full(self, width: usize, wanted: usize, ends: bool) -> bool {
        let slack = if ends { 0 } else { SLACK_COLUMNS };
        match self {
            Shape::Lines => false,
            Shape::Wrapped { width: wrap } => width + wanted + slack > wrap,
        }
    }
}

/// The lines of the first `SAMPLE_BYTES` of `text`, whole lines only (all
/// of a shorter text).
fn sample(text: &str) -> &str {
    if text.len() <= SAMPLE_BYTES {
        return text;
    }
    let end = text.floor_char_boundary(SAMPLE_BYTES);
    text[..end].rfind('\n').map_or(&text[..end], |at| &text[..at])
}

/// Whether a line starts with an indent: an ideographic space, a tab (two
/// spaces or more once expanded) or two spaces, plain or no-break.
fn is_indented(line: &str) -> bool {
    line.starts_with('\u{3000}') || line.starts_with("  ") || line.starts_with('\t') || line.starts_with("\u{a0}\u{a0}")
}

/// Columns of a line as a fixed-width wrapper counts them: one for ASCII,
/// two for anything else (near enough for telling full lines apart).
fn columns(line: &str) -> usize {
    line.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The columns `line`'s first word wants at the end of `before`: a Latin
/// word with the space before it, else one wide character.
fn room_wanted(before: &str, line: &str) -> usize {
    let word = line.split(|c: char| !c.is_ascii_alphanumeric()).next().unwrap_or("");
    let latin_before = before
        .trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    match word.len() {
        0 => 2,
        n if latin_before => n + 1,
        n => n,
    }
}

/// Whether a line ends a sentence (closing quotes and brackets aside).
fn ends_sentence(line: &str) -> bool {
    let closing = |c: char| matches!(c, '」' | '』' | '”' | '’' | '）' | ')' | '》' | '"' | '\'');
    line.trim_end()
        .trim_end_matches(closing)
        .ends_with(['。', '！', '？', '；', '…', '.', '!', '?', ';', '：', ':'])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(text: &str) -> Shape {
        Shape::of(text, &ChapterRule::Builtin)
    }

    /// Prose of `chars` characters from a fixed list, with a comma now and
    /// then and a full stop at the end.
    fn prose(seed: usize, chars: usize) -> String {
        const COMMON: &[char] = &[
            '的', '一', '是', '不', '了', '人', '我', '在', '有', '他', '这', '为', '之', '大', '来',
        ];
        let mut out: String = (0..chars)
            .map(|i| {
                if i % 9 == 8 {
                    '，'
                } else {
                    COMMON[(seed * 7 + i * 13) % COMMON.len()]
                }
            })
            .collect();
        out.push('。');
        out
    }

    /// `text` hard-wrapped at `chars` characters a line.
    fn hard_wrap(text: &str, chars: usize) -> String {
        let all: Vec<char> = text.chars().collect();
        all.chunks(chars).map(|c| c.iter().collect::<String>() + "\n").collect()
    }

    #[test]
    fn one_paragraph_a_line_is_each_line_a_paragraph() {
        let indented: String = (0..60)
            .map(|i| format!("　　{}\n", prose(i, 10 + i * 7 % 90)))
            .collect();
        assert_eq!(shape(&indented), Shape::Lines);
        let bare: String = (0..60).map(|i| format!("{}\n", prose(i, 10 + i * 7 % 90))).collect();
        assert_eq!(shape(&bare), Shape::Lines);
        let spaced: String = (0..60).map(|i| format!("{}\n\n", prose(i, 10 + i * 7 % 90))).collect();
        assert_eq!(shape(&spaced), Shape::Lines);
    }

    #[test]
    fn hard_wrapped_text_is_wrapped_with_or_without_indents_and_blank_lines() {
        let paragraphs: Vec<String> = (0..40).map(|i| prose(i, 40 + i * 11 % 100)).collect();
        let indented: String = paragraphs.iter().map(|p| hard_wrap(&format!("　　{p}"), 35)).collect();
        assert_eq!(shape(&indented), Shape::Wrapped { width: 70 });
        let bare: String = paragraphs.iter().map(|p| hard_wrap(p, 30)).collect();
        assert_eq!(shape(&bare), Shape::Wrapped { width: 60 });
        let spaced: String = paragraphs.iter().map(|p| hard_wrap(p, 30) + "\n").collect();
        assert_eq!(shape(&spaced), Shape::Wrapped { width: 60 });
        let english = "It was the best of times, it was the worst of times, it was the age of wisdom, it was the \
            age of foolishness, it was the epoch of belief, it was the epoch of incredulity. ";
        let mut wrapped = String::new();
        let mut line = String::new();
        for word in english.repeat(6).split_whitespace() {
            if line.len() + 1 + word.len() > 72 {
                wrapped.push_str(&line);
                wrapped.push('\n');
                line.clear();
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        wrapped.push_str(&line);
        assert!(
            matches!(shape(&wrapped), Shape::Wrapped { width: 65..=72 }),
            "{:?}",
            shape(&wrapped)
        );
    }

    #[test]
    fn lines_of_equal_length_that_each_end_a_sentence_are_not_wrapped() {
        let poems = "床前明月光，疑是地上霜。举头望明月，低头思故乡。\n".repeat(40);
        assert_eq!(shape(&poems), Shape::Lines);
        let short = hard_wrap(&prose(1, 400), 12);
        assert_eq!(shape(&short), Shape::Lines, "narrower than any wrapped prose");
    }

    #[test]
    fn a_wrapped_line_continues_only_after_a_full_line_and_without_an_indent() {
        let wrapped = Shape::Wrapped { width: 60 };
        let full = "的".repeat(30);
        let short = "的".repeat(10);
        assert!(wrapped.continues(&full, "接着写。"));
        assert!(!wrapped.continues(&full, "　　新的一段。"));
        assert!(!wrapped.continues(&short, "新的一段。"));
        assert!(!Shape::Lines.continues(&full, "接着写。"));
    }

    #[test]
    fn the_shape_is_that_of_the_first_lines_only() {
        let paragraphs: String = (0..40).map(|i| hard_wrap(&prose(i, 80), 30)).collect();
        let mut text = paragraphs.repeat(SAMPLE_BYTES / paragraphs.len() + 1);
        let wrapped = shape(&text);
        text.push_str(&"短。\n".repeat(50_000));
        assert_eq!(shape(&text), wrapped);
        assert_eq!(wrapped, Shape::Wrapped { width: 60 });
    }
}
