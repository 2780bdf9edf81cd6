//! The converter documents are fed to: html5gum's tokenizer hands its sink
//! (`tokens`) each tag and run of text, which the `State` turns into blocks.

use std::collections::HashMap;

use html5gum::Tokenizer;

use super::attributes::kept;
use super::outline::Node;
use super::state::State;
use super::tokens::Sink;
use crate::library::model::article::Body;
use crate::text::sanitize_inline;

/// What is left out differs: an EPUB chapter's header, footer and footnote
/// asides are part of the book; a web page's are not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mode {
    Page,
    Book,
}

/// An entry of a book's table of contents waiting for its place: it becomes
/// the next heading, or a heading of its own before the next other block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct TocMark {
    pub level: u8,
    pub label: String,
}

/// Table-of-contents entries waiting for the element whose `id` they name,
/// found by that id in one look, so a navigation of many fragment links is
/// placed in time linear in its size.
#[derive(Default)]
pub(super) struct Anchored {
    /// In the contents' order; `None` once placed.
    marks: Vec<Option<TocMark>>,
    by_id: HashMap<String, Vec<usize>>,
}

impl Anchored {
    fn new(anchored: Vec<(String, TocMark)>) -> Anchored {
        let mut by_id: HashMap<String, Vec<usize>> = HashMap::with_capacity(anchored.len());
        let mut marks = Vec::with_capacity(anchored.len());
        for (i, (id, mark)) in anchored.into_iter().enumerate() {
            by_id.entry(id).or_default().push(i);
            marks.push(Some(mark));
        }
        Anchored { marks, by_id }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// The entries for the element with this `id`, in order, taken.
    pub(super) fn take(&mut self, id: &str) -> Vec<TocMark> {
        let Some(indices) = self.by_id.remove(id) else {
            return Vec::new();
        };
        indices.into_iter().filter_map(|i| self.marks[i].take()).collect()
    }

    /// The entries whose element never came, in order.
    fn into_rest(self) -> impl Iterator<Item = TocMark> {
        self.marks.into_iter().flatten()
    }
}

/// What the converter made of its documents.
pub(crate) struct Converted {
    pub title: Option<String>,
    pub first_h1: Option<String>,
    pub body: Body,
    /// A web page's outline, and the node of each block (`Mode::Page` only).
    pub(super) outline: Option<(Vec<Node>, Vec<u32>)>,
}

/// Turns one or more documents into one body.
pub(crate) struct Converter {
    state: State,
}

impl Converter {
    pub fn new(mode: Mode) -> Converter {
        let mut state = State::new(mode);
        if mode == Mode::Page {
            state.keep_outline();
        }
        Converter { state }
    }

    /// Reads one document. `at_start` are table-of-contents entries for its
    /// start, `anchored` entries for elements with an `id`; entries whose
    /// element never comes are placed at the end.
    pub fn feed(&mut self, html: &str, at_start: Vec<TocMark>, anchored: Vec<(String, TocMark)>) {
        let state = &mut self.state;
        state.start_document();
        state.toc_given |= !at_start.is_empty() || !anchored.is_empty();
        state.pending.extend(at_start);
        state.anchored = Anchored::new(anchored);
        // A byte order mark is not content.
        let html = html.strip_prefix('\u{feff}').unwrap_or(html);
        // Attributes past the cap of a tag are left out (`attributes`): the
        // document is read in place unless a tag has that many.
        let kept = kept(html);
        let Ok(()) = Tokenizer::new_with_emitter(&*kept, Sink::new(state)).finish();
        state.finish_heading();
        let unplaced = std::mem::take(&mut state.anchored).into_rest();
        state.pending.extend(unplaced);
        state.flush_pending();
        state.builder.close();
    }

    /// Shows ruby readings by `ruby` (after their word, by default).
    pub fn set_ruby(&mut self, ruby: crate::library::formats::ruby::Ruby) {
        self.state.ruby = ruby;
    }

    /// The bytes of text made so far.
    pub fn text_len(&self) -> usize {
        self.state.builder.text_len()
    }

    /// Marks that a table of contents places the headings, even where a document brings none.
    pub fn use_toc(&mut self) {
        self.state.toc_given = true;
    }

    pub fn finish(self) -> Converted {
        let state = self.state;
        let (body, tags) = state.builder.finish_tagged();
        Converted {
            title: state.title.map(|t| sanitize_inline(&t)).filter(|t| !t.is_empty()),
            first_h1: state.first_h1.filter(|t| !t.is_empty()),
            body,
            outline: state.outline.map(|outline| (outline.finish(), tags)),
        }
    }
}
