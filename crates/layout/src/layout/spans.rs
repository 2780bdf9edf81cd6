//! A laid-out line as pieces of styled text: the prefix, then the text cut at
//! inline-style and search-hit boundaries. Styles are roles; the UI maps them
//! to colours.

use std::borrow::Cow;
use std::ops::Range;

use super::blocks::{HANG, Prefix, PrefixKind};
use super::{INDENT, Line, LineKind};
use crate::library::{BlockKind, Body, InlineStyle};

/// What a piece of a line is, for styling.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    Body,
    Heading(u8),
    Quote,
    Code,
    Indent,
    ListMarker,
    QuoteBar,
    Rule,
}

/// A search hit on a piece of text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mark {
    #[default]
    None,
    Hit,
    /// The hit the reader is on.
    Current,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece<'a> {
    pub text: Cow<'a, str>,
    pub role: Role,
    pub inline: Option<InlineStyle>,
    pub mark: Mark,
}

impl<'a> Piece<'a> {
    pub(super) fn new(text: impl Into<Cow<'a, str>>, role: Role) -> Piece<'a> {
        Piece {
            text: text.into(),
            role,
            inline: None,
            mark: Mark::None,
        }
    }
}

/// Text shown for a thematic break.
const RULE: &str = "*   *   *";

pub(crate) fn pieces<'a>(
    body: &'a Body,
    line: &Line,
    width: usize,
    prefix: Prefix,
    marks: &[(Range<usize>, Mark)],
) -> Vec<Piece<'a>> {
    let block = &body.blocks[line.block];
    let mut out = Vec::new();
    if line.kind == LineKind::Blank {
        return out;
    }
    let Some(role) = role_of(&block.kind) else {
        // The rule shrinks to a single mark in a very narrow column.
        return vec![Piece::new(if width >= RULE.len() { RULE } else { "*" }, Role::Rule)];
    };
    push_prefix(&mut out, &prefix, line.kind == LineKind::First);
    push_text(&mut out, body, line, role, marks);
    out
}

/// What a block of `kind` is drawn as: `None` for a thematic break.
pub(super) fn role_of(kind: &BlockKind) -> Option<Role> {
    Some(match kind {
        BlockKind::Heading(level) => Role::Heading(*level),
        BlockKind::Quote => Role::Quote,
        BlockKind::Code => Role::Code,
        BlockKind::Rule => return None,
        _ => Role::Body,
    })
}

/// The text of `line` as pieces, cut at inline-style and search-hit edges:
/// slices of the body, in order, covering the line's range.
pub(super) fn push_text<'a>(
    out: &mut Vec<Piece<'a>>,
    body: &'a Body,
    line: &Line,
    role: Role,
    marks: &[(Range<usize>, Mark)],
) {
    let block = &body.blocks[line.block];
    let spans = body.inline(block);
    let cuts = boundaries(line, spans, marks);
    for pair in cuts.windows(2) {
        let (start, end) = (pair[0], pair[1]);
        if start >= end {
            continue;
        }
        let inline = spans
            .iter()
            .rev()
            .find(|s| s.range().start <= start && end <= s.range().end)
            .map(|s| s.style);
        let mark = marks
            .iter()
            .filter(|(r, _)| r.start <= start && end <= r.end)
            .map(|(_, m)| *m)
            .max_by_key(|m| *m == Mark::Current)
            .unwrap_or_default();
        out.push(Piece {
            text: Cow::Borrowed(&body.text[start..end]),
            role,
            inline,
            mark,
        });
    }
}

fn push_prefix(out: &mut Vec<Piece<'_>>, prefix: &Prefix, first: bool) {
    let nest = " ".repeat(2 * prefix.depth);
    match &prefix.kind {
        PrefixKind::None => {}
        PrefixKind::Indent if first => out.push(Piece::new(INDENT, Role::Indent)),
        PrefixKind::Indent => {}
        PrefixKind::ListMarker(marker) if first => out.push(Piece::new(format!("{nest}{marker} "), Role::ListMarker)),
        PrefixKind::ListMarker(_) | PrefixKind::Hanging => {
            out.push(Piece::new(" ".repeat(prefix.rest_width), Role::Indent))
        }
        PrefixKind::Verse if first => {
            if !nest.is_empty() {
                out.push(Piece::new(nest, Role::Indent));
            }
        }
        PrefixKind::Verse => out.push(Piece::new(format!("{nest}{HANG}"), Role::Indent)),
        PrefixKind::Quote => {
            if !nest.is_empty() {
                out.push(Piece::new(nest, Role::Indent));
            }
            out.push(Piece::new("> ", Role::QuoteBar));
        }
    }
}

/// Sorted cut points inside the line: its ends and every style or mark edge.
fn boundaries(line: &Line, inline: &[crate::library::InlineSpan], marks: &[(Range<usize>, Mark)]) -> Vec<usize> {
    let range = &line.range;
    let mut cuts = vec![range.start, range.end];
    let edges = inline
        .iter()
        .map(|s| s.range())
        .chain(marks.iter().map(|(r, _)| r.clone()));
    for r in edges {
        for edge in [r.start, r.end] {
            if range.start < edge && edge < range.end {
                cuts.push(edge);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}
