//! What the converter keeps while it reads: the body being built, the
//! elements open, and table-of-contents entries waiting for their heading
//! (`headings`); SVG and MathML in `foreign`.

mod foreign;
mod headings;

use std::collections::VecDeque;

use super::converter::{Anchored, Mode, TocMark};
use super::elements::{
    MAX_SKIPPED_DEPTH, always_left_out, heading_level, inline_style, is_block, is_html_space, is_note, is_void,
    page_furniture,
};
use super::hints::is_hidden;
use super::outline::{Outline, has_node};
use super::tokens::Tag;
use crate::library::formats::containers::{Container, open_block, push_item};
use crate::library::formats::ruby::{Readings, Ruby, RubyTag};
use crate::library::model::article::{BlockKind, BodyBuilder};
use crate::text::sanitize_inline;

/// Whitespace seen since the last text: none, spaces, or a line break (which
/// joins Chinese characters with nothing).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Space,
    Break,
}

pub(super) struct State {
    mode: Mode,
    pub(super) builder: BodyBuilder,
    /// Left-out elements still open, innermost last.
    skipping: Vec<String>,
    containers: Vec<Container>,
    /// Inline elements whose style span is open.
    inline: Vec<String>,
    /// Inside `<pre>`: text kept as it is, as code.
    pre: bool,
    gap: Gap,
    /// A heading being read: its level and text.
    heading: Option<(u8, String)>,
    pub(super) title: Option<String>,
    in_title: bool,
    /// The first `<title>` has ended: later ones (of later documents) are not the title.
    title_closed: bool,
    pub(super) first_h1: Option<String>,
    /// Whether headings come from a table of contents (the others become bold paragraphs).
    pub(super) toc_given: bool,
    pub(super) pending: VecDeque<TocMark>,
    pub(super) anchored: Anchored,
    /// How ruby readings are shown, and the one being read.
    pub(super) ruby: Ruby,
    readings: Readings,
    /// SVG and MathML elements open (`foreign`).
    foreign: foreign::Foreign,
    /// The `<aside>`s open: whether each is a sidebar (no note), shown as a quote.
    asides: Vec<bool>,
    /// A web page's outline, to choose its article from (`extract`).
    pub(super) outline: Option<Outline>,
}

impl State {
    pub(super) fn new(mode: Mode) -> State {
        State {
            mode,
            builder: BodyBuilder::default(),
            skipping: Vec::new(),
            containers: Vec::new(),
            inline: Vec::new(),
            pre: false,
            gap: Gap::None,
            heading: None,
            title: None,
            in_title: false,
            title_closed: false,
            first_h1: None,
            toc_given: false,
            pending: VecDeque::new(),
            anchored: Anchored::default(),
            ruby: Ruby::default(),
            readings: Readings::default(),
            foreign: foreign::Foreign::default(),
            asides: Vec::new(),
            outline: None,
        }
    }

    /// A web page: its outline is kept and each block tagged with its node.
    pub(super) fn keep_outline(&mut self) {
        self.outline = Some(Outline::new());
        self.builder.record_tags();
    }

    pub(super) fn start_document(&mut self) {
        self.finish_heading();
        self.builder.close();
        self.skipping.clear();
        self.containers.clear();
        self.inline.clear();
        self.pre = false;
        self.gap = Gap::None;
        self.in_title = false;
        self.readings.clear();
        self.foreign = foreign::Foreign::default();
        self.asides.clear();
    }

    pub(super) fn start_tag(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        if !self.anchored.is_empty()
            && let Some(id) = tag.attribute("id")
        {
            let marks = self.anchored.take(id);
            if !marks.is_empty() {
                self.finish_heading();
                self.pending.extend(marks);
            }
        }
        let left_out = always_left_out(name)
            || (self.mode == Mode::Page && (page_furniture(name) || is_hidden(tag)))
            || (name == "rt" && self.ruby == Ruby::Drop);
        if left_out && !tag.self_closing && name != "head" && !is_void(name) {
            self.skipping.push(name.to_string());
        } else if !self.skipping.is_empty()
            && !tag.self_closing
            && !is_void(name)
            && self.skipping.len() < MAX_SKIPPED_DEPTH
        {
            // Inside a left-out element: followed, so that its end is found.
            self.skipping.push(name.to_string());
        } else if self.skipping.is_empty() && self.foreign.in_svg() {
            // Inside SVG only its text and images are read.
            self.svg_start(name, tag);
            return;
        } else if name == "title" && self.skipping.is_empty() && !tag.self_closing {
            self.in_title = true;
        }
        if !self.skipping.is_empty() || self.in_title {
            return;
        }
        if let Some(ruby) = RubyTag::of(name, false) {
            self.ruby_tag(ruby);
        }
        self.open_element(name, tag);
        if let Some(outline) = &mut self.outline
            && has_node(name)
            && !tag.self_closing
        {
            let node = outline.start(name, tag);
            self.builder.set_tag(node);
        }
    }

    fn ruby_tag(&mut self, tag: RubyTag) {
        if let Some(shown) = self.readings.tag(tag, self.ruby) {
            self.gap = Gap::None;
            self.flow(&shown);
        }
    }

    fn open_element(&mut self, name: &str, tag: &Tag) {
        if let Some(level) = heading_level(name) {
            self.close_block();
            self.heading = Some((level, String::new()));
            return;
        }
        match name {
            "br" => {
                if self.pre || self.builder.is_open() {
                    self.builder.push_hard_break();
                }
                self.gap = Gap::None;
            }
            "hr" => {
                self.close_block();
                self.builder.open(BlockKind::Rule, 0);
                self.builder.close();
            }
            "img" => self.image(tag.attribute("alt")),
            "svg" | "math" => self.foreign_start(name, tag),
            "aside" => {
                // A book's sidebar is set off as a quote; its notes stay as they are.
                self.close_block();
                let sidebar = !is_note(tag);
                if sidebar {
                    self.containers.push(Container::Quote);
                }
                self.asides.push(sidebar);
            }
            "pre" => {
                self.close_block();
                self.pre = true;
            }
            "ul" | "ol" => {
                self.close_block();
                let start = tag.attribute("start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
                let next_number = (name == "ol").then_some(start);
                self.containers.push(Container::List { next_number });
            }
            "li" => {
                self.close_block();
                if matches!(self.containers.last(), Some(Container::Item { .. })) {
                    self.containers.pop();
                }
                push_item(&mut self.containers);
            }
            "blockquote" => {
                self.close_block();
                self.containers.push(Container::Quote);
            }
            "td" | "th" => {
                if self.builder.is_open() {
                    self.gap = Gap::Space;
                }
            }
            _ if is_block(name) => self.close_block(),
            _ => {
                if let Some(style) = inline_style(name)
                    && self.heading.is_none()
                {
                    self.builder.start_inline(style);
                    self.inline.push(name.to_string());
                }
            }
        }
    }

    pub(super) fn end_tag(&mut self, name: &str) {
        let skipped = !self.skipping.is_empty();
        self.end_element(name);
        if (!skipped || matches!(name, "body" | "html"))
            && let Some(outline) = &mut self.outline
            && (has_node(name) || matches!(name, "body" | "html"))
        {
            let node = outline.end(name);
            self.builder.set_tag(node);
        }
    }

    fn end_element(&mut self, name: &str) {
        if let Some(at) = self.skipping.iter().rposition(|open| open == name) {
            self.skipping.truncate(at);
            return;
        }
        if matches!(name, "body" | "html") {
            // An unclosed `<header>` must not hide the rest of the page.
            self.skipping.clear();
            self.foreign = foreign::Foreign::default();
        }
        if !self.skipping.is_empty() {
            return;
        }
        if self.foreign.in_svg() || name == "math" {
            self.foreign_end(name);
            return;
        }
        if let Some(ruby) = RubyTag::of(name, true) {
            self.ruby_tag(ruby);
        }
        if name == "aside" {
            match self.asides.pop() {
                Some(true) => self.pop_container(|c| matches!(c, Container::Quote)),
                _ => self.close_block(),
            }
            return;
        }
        if name == "title" {
            self.in_title = false;
            self.title_closed = self.title.is_some();
            return;
        }
        if heading_level(name).is_some() {
            self.finish_heading();
            return;
        }
        match name {
            "pre" => {
                self.builder.close();
                self.pre = false;
            }
            "ul" | "ol" => self.pop_container(|c| matches!(c, Container::List { .. })),
            "li" => self.pop_container(|c| matches!(c, Container::Item { .. })),
            "blockquote" => self.pop_container(|c| matches!(c, Container::Quote)),
            _ if is_block(name) => self.close_block(),
            _ => {
                if let Some(at) = self.inline.iter().rposition(|open| open == name) {
                    for _ in at..self.inline.len() {
                        self.builder.end_inline();
                    }
                    self.inline.truncate(at);
                }
            }
        }
    }

    fn pop_container(&mut self, is_it: impl Fn(&Container) -> bool) {
        self.close_block();
        if let Some(at) = self.containers.iter().rposition(is_it) {
            self.containers.truncate(at);
        }
    }

    /// Whether `text` would read text given now: text is given whole
    /// between two tags, and what decides this changes only at a tag.
    pub(super) fn reads_text(&self) -> bool {
        self.skipping.is_empty() && !(self.in_title && self.title_closed) && self.foreign.reads_text()
    }

    pub(super) fn text(&mut self, text: &str) {
        if !self.reads_text() {
            return;
        }
        if self.in_title {
            self.title.get_or_insert_with(String::new).push_str(text);
            return;
        }
        if self.readings.text(text) {
            return;
        }
        if let Some((_, heading)) = &mut self.heading {
            heading.push_str(text);
            return;
        }
        if self.pre {
            self.preformatted(text);
            return;
        }
        let mut rest = text;
        while !rest.is_empty() {
            let space = rest.find(|c: char| !is_html_space(c)).unwrap_or(rest.len());
            if space > 0 {
                // A line break in the run joins Chinese with nothing, as in `.txt` files.
                let gap = if rest[..space].contains('\n') {
                    Gap::Break
                } else {
                    Gap::Space
                };
                self.gap = self.gap.max_with(gap);
                rest = &rest[space..];
            }
            let word = rest.find(is_html_space).unwrap_or(rest.len());
            if word > 0 {
                self.flow(&rest[..word]);
                rest = &rest[word..];
            }
        }
    }

    fn preformatted(&mut self, text: &str) {
        self.flush_pending();
        self.open_block(Some(BlockKind::Code));
        // Line breaks straight after `<pre>` are not kept (a browser drops
        // the first; a code block does not open with blank lines).
        let text = if self.builder.is_empty_block() {
            text.trim_start_matches('\n')
        } else {
            text
        };
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.builder.push_hard_break();
            }
            self.builder.push_text(line);
        }
    }

    /// An image, as a placeholder with its alt text.
    fn image(&mut self, alt: Option<&str>) {
        let alt = alt.map(sanitize_inline).unwrap_or_default();
        let placeholder = if alt.is_empty() {
            "〔图〕".to_string()
        } else {
            format!("〔图：{alt}〕")
        };
        self.gap = Gap::None;
        self.flow(&placeholder);
    }

    /// Text in the flow of a block, after the whitespace before it.
    fn flow(&mut self, word: &str) {
        if let Some((_, heading)) = &mut self.heading {
            heading.push_str(word);
            return;
        }
        self.flush_pending();
        self.open_block(None);
        match std::mem::replace(&mut self.gap, Gap::None) {
            Gap::None => {}
            Gap::Break => self.builder.push_soft_break(),
            Gap::Space => {
                if !self.builder.is_empty_block() {
                    self.builder.push_text(" ");
                }
            }
        }
        self.builder.push_text(word);
    }

    fn close_block(&mut self) {
        self.finish_heading();
        self.builder.close();
        self.gap = Gap::None;
    }

    /// Opens the block that text at this point belongs to.
    fn open_block(&mut self, kind: Option<BlockKind>) {
        open_block(&mut self.builder, &mut self.containers, kind.as_ref());
    }
}

impl Gap {
    fn max_with(self, other: Gap) -> Gap {
        match (self, other) {
            (Gap::Break, _) | (_, Gap::Break) => Gap::Break,
            (Gap::Space, _) | (_, Gap::Space) => Gap::Space,
            _ => Gap::None,
        }
    }
}
