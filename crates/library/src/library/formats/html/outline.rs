//! The outline of a web page, kept while it is read: one node for each
//! element that holds blocks (`div`, `section`, `p`, `li`, headings…), with
//! its parent, what its `class`, `id` and `role` say of it, and the span of
//! nodes under it. Each block of the body is tagged with the node it was
//! read in (`BodyBuilder::set_tag`), so the article can be chosen from the
//! outline and the blocks afterwards (`extract`), in time linear in both.

use super::hints::{Hints, hints_of};
use super::tokens::Tag;

/// Elements nested deeper belong to the node of the deepest one, so that
/// finding the element an end tag closes takes a bounded time.
const MAX_DEPTH: usize = 512;

/// The node of blocks read outside every element that is kept (the document).
pub(super) const ROOT: u32 = 0;

/// What kind of element a node is, as the scoring tells them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    /// `html`, `body`: the page itself.
    Page,
    /// `div`, `article`, `section`, `main`, `center`…
    Division,
    /// `p`: a paragraph.
    Paragraph,
    /// `pre`, `td`, `blockquote`: text kept whole.
    Text,
    /// `ul`, `ol`, `dl`, `li`, `dt`, `dd`.
    List,
    /// `h1`–`h6`.
    Heading(u8),
    /// `table`, `tr`, `thead`…
    Table,
    /// `header`, `footer`, `aside`, `address`, `form`…: rarely the article.
    Other,
}

impl Kind {
    fn of(name: &str) -> Kind {
        match name {
            "html" | "body" => Kind::Page,
            "div" | "article" | "section" | "main" | "center" | "figure" | "details" => Kind::Division,
            "p" => Kind::Paragraph,
            "pre" | "blockquote" | "td" | "th" => Kind::Text,
            "ul" | "ol" | "dl" | "li" | "dt" | "dd" => Kind::List,
            "table" | "tr" | "thead" | "tbody" | "tfoot" | "caption" => Kind::Table,
            _ => match super::elements::heading_level(name) {
                Some(level) => Kind::Heading(level),
                None => Kind::Other,
            },
        }
    }
}

#[derive(Clone, Debug)]
pub(super) struct Node {
    pub parent: u32,
    /// One past the last node under this one: the nodes under it are the ones
    /// between it and `end`, as nodes are numbered in the order they open.
    pub end: u32,
    pub kind: Kind,
    pub hints: Hints,
    /// `div`, `ul`, `table`, `form`, `fieldset`: left out of the article when
    /// they look like navigation (Readability's conditional cleaning).
    pub cleanable: bool,
    /// `section`: scores as a paragraph of its whole text.
    pub section: bool,
}

/// The nodes of one page, and those still open.
pub(super) struct Outline {
    pub nodes: Vec<Node>,
    /// Open nodes, innermost last, each with its element's name.
    open: Vec<(u32, Box<str>)>,
}

/// Elements that get a node: those whose start or end closes a block.
pub(super) fn has_node(name: &str) -> bool {
    super::elements::is_block(name)
        || super::elements::heading_level(name).is_some()
        || matches!(name, "ul" | "ol" | "li" | "blockquote" | "pre" | "td" | "th")
}

impl Outline {
    pub(super) fn new() -> Outline {
        Outline {
            nodes: vec![Node {
                parent: ROOT,
                end: 1,
                kind: Kind::Page,
                hints: Hints::default(),
                cleanable: false,
                section: false,
            }],
            open: Vec::new(),
        }
    }

    /// The node blocks now belong to.
    pub(super) fn current(&self) -> u32 {
        self.open.last().map_or(ROOT, |(node, _)| *node)
    }

    /// An element with a node starts; returns the node blocks now belong to.
    /// `td` and `th` keep their row's blocks together, as the reader does.
    pub(super) fn start(&mut self, name: &str, tag: &Tag) -> u32 {
        let parent = self.current();
        if self.open.len() >= MAX_DEPTH {
            return parent;
        }
        let id = u32::try_from(self.nodes.len()).unwrap_or(u32::MAX);
        let hints = hints_of(tag.attribute("class"), tag.attribute("id"), tag.attribute("role"));
        self.nodes.push(Node {
            parent,
            end: id.saturating_add(1),
            kind: Kind::of(name),
            hints,
            cleanable: matches!(name, "div" | "ul" | "table" | "form" | "fieldset"),
            section: name == "section",
        });
        self.open.push((id, name.into()));
        id
    }

    /// An element ends: it and every node opened inside it and never closed.
    pub(super) fn end(&mut self, name: &str) -> u32 {
        if let Some(at) = self.open.iter().rposition(|(_, open)| &**open == name) {
            self.close_from(at);
        } else if matches!(name, "body" | "html") {
            self.close_from(0);
        }
        self.current()
    }

    fn close_from(&mut self, at: usize) {
        let end = u32::try_from(self.nodes.len()).unwrap_or(u32::MAX);
        for (node, _) in self.open.drain(at..) {
            if let Some(node) = self.nodes.get_mut(node as usize) {
                node.end = end;
            }
        }
    }

    /// The page has ended: nodes never closed end here.
    pub(super) fn finish(mut self) -> Vec<Node> {
        self.close_from(0);
        let end = u32::try_from(self.nodes.len()).unwrap_or(u32::MAX);
        if let Some(root) = self.nodes.first_mut() {
            root.end = end;
        }
        self.nodes
    }
}
