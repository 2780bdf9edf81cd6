//! SVG and MathML inside a document: of SVG, the text of its `<text>`
//! elements (each a paragraph) and its images; of MathML, the formula's
//! `alttext`, else its text, inline or, with `display="block"`, a block.

use super::State;
use crate::library::formats::html::tokens::Tag;
use crate::text::sanitize_inline;

#[derive(Debug, Default)]
pub(super) struct Foreign {
    /// `<svg>` elements open.
    svg: usize,
    /// `<text>` elements open inside them.
    svg_text: usize,
    /// `<math>` elements open: whether each is a block.
    math: Vec<bool>,
}

impl Foreign {
    pub(super) fn in_svg(&self) -> bool {
        self.svg > 0
    }

    /// Whether text here is read: outside SVG, or in its `<text>`.
    pub(super) fn reads_text(&self) -> bool {
        self.svg == 0 || self.svg_text > 0
    }
}

impl State {
    /// An `<svg>` or `<math>` element starts outside SVG.
    pub(super) fn foreign_start(&mut self, name: &str, tag: &Tag) {
        if name == "svg" {
            if !tag.self_closing {
                self.foreign.svg += 1;
            }
            return;
        }
        let block = tag
            .attribute("display")
            .is_some_and(|d| d.trim().eq_ignore_ascii_case("block"));
        if block {
            self.close_block();
        }
        let alt = tag.attribute("alttext").map(sanitize_inline).filter(|a| !a.is_empty());
        if let Some(alt) = alt {
            // The formula's own words stand for it; its markup is not read.
            self.flow(&alt);
            if block {
                self.close_block();
            }
            if !tag.self_closing {
                self.skipping.push(name.to_string());
            }
        } else if tag.self_closing {
            if block {
                self.close_block();
            }
        } else {
            self.foreign.math.push(block);
        }
    }

    /// An element starts inside SVG: only nested SVG, text and images count.
    pub(super) fn svg_start(&mut self, name: &str, tag: &Tag) {
        match name {
            "svg" if !tag.self_closing => self.foreign.svg += 1,
            "text" if !tag.self_closing => {
                self.close_block();
                self.foreign.svg_text += 1;
            }
            "image" if self.foreign.svg_text == 0 => self.image(None),
            _ => {}
        }
    }

    /// An element ends inside SVG, or a `<math>` ends.
    pub(super) fn foreign_end(&mut self, name: &str) {
        if self.foreign.in_svg() {
            match name {
                "svg" => {
                    self.foreign.svg -= 1;
                    if self.foreign.svg == 0 {
                        self.foreign.svg_text = 0;
                    }
                }
                "text" if self.foreign.svg_text > 0 => {
                    self.foreign.svg_text -= 1;
                    self.close_block();
                }
                _ => {}
            }
            return;
        }
        if self.foreign.math.pop() == Some(true) {
            self.close_block();
        }
    }
}
