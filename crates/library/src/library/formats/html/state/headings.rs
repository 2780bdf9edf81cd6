//! Headings read in a document, and the table-of-contents entries waiting
//! for them: an entry's heading shows the book's own label (its navigation's
//! words), the heading's text kept beside it when it says more.

use super::State;
use crate::library::formats::html::converter::TocMark;
use crate::library::formats::html::elements::collapse_spaces;
use crate::library::model::article::{BlockKind, InlineStyle};
use crate::text::sanitize_inline;

/// A heading or label as compared: its letters, digits and ideographs only,
/// so link glyphs (↑ ¶ §), punctuation and spaces do not tell them apart.
fn key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

impl State {
    /// Table-of-contents entries still waiting become headings of their own.
    pub(in crate::library::formats::html) fn flush_pending(&mut self) {
        for mark in std::mem::take(&mut self.pending) {
            self.push_heading(mark.level, &mark.label);
        }
    }

    fn push_heading(&mut self, level: u8, text: &str) {
        self.builder.close();
        self.builder.open(BlockKind::Heading(level.clamp(1, 6)), 0);
        self.builder.push_text(text);
        self.builder.close();
    }

    /// A heading no entry lists: a bold paragraph.
    fn push_bold(&mut self, text: &str) {
        self.builder.close();
        self.builder.open(BlockKind::Paragraph, 0);
        self.builder.start_inline(InlineStyle::Strong);
        self.builder.push_text(text);
        self.builder.end_inline();
        self.builder.close();
    }

    /// Places a heading that was read: as the table-of-contents entry whose
    /// label it matches (entries before that one get headings of their own),
    /// or that is the only one waiting, under the entry's label; as a plain
    /// heading when there is no table of contents; else as a bold paragraph
    /// (the book's contents do not list it).
    pub(in crate::library::formats::html) fn finish_heading(&mut self) {
        let Some((level, text)) = self.heading.take() else {
            return;
        };
        let text = collapse_spaces(&text);
        if text.is_empty() {
            return;
        }
        if level == 1 && self.first_h1.is_none() {
            self.first_h1 = Some(sanitize_inline(&text));
        }
        if !self.toc_given {
            self.push_heading(level, &text);
            return;
        }
        let text_key = key(&text);
        let at = self.pending.iter().position(|m| key(&m.label) == text_key);
        if let Some(at) = at.filter(|_| !text_key.is_empty()) {
            // Taken from the front: each entry is passed over once, however many wait.
            let before: Vec<TocMark> = self.pending.drain(..at).collect();
            for mark in before {
                self.push_heading(mark.level, &mark.label);
            }
            if let Some(mark) = self.pending.pop_front() {
                self.push_heading(mark.level, &mark.label);
            }
            return;
        }
        if let Some(mark) = (self.pending.len() == 1).then(|| self.pending.pop_front()).flatten() {
            // The only entry here, worded differently: its label is the
            // heading, and the heading's own words follow when they hold any.
            self.push_heading(mark.level, &mark.label);
            if !text_key.is_empty() {
                self.push_bold(&text);
            }
            return;
        }
        self.flush_pending();
        self.push_bold(&text);
    }
}
