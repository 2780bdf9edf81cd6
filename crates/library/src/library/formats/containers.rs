//! Lists and quotes around the text being read, and the block that text
//! opens: one piece shared by the Markdown and the HTML readers.

use crate::library::model::article::{BlockKind, BodyBuilder, Marker};

/// Deeper nesting is shown flat; it only pushes text off the screen.
pub(crate) const MAX_DEPTH: u8 = 8;

pub(crate) enum Container {
    List { next_number: Option<u64> },
    Item { marker: Option<Marker> },
    Quote,
}

/// Starts an item of the innermost list, marked "3." in a numbered list, else "•".
pub(crate) fn push_item(stack: &mut Vec<Container>) {
    let marker = match stack.last_mut() {
        Some(Container::List { next_number: Some(n) }) => {
            let marker = Marker::number(*n);
            *n = n.saturating_add(1);
            marker
        }
        _ => Marker::Bullet,
    };
    stack.push(Container::Item { marker: Some(marker) });
}

/// Opens the block that text at this point belongs to: `kind` if given (a
/// heading, code), else a list item, quote or paragraph by the containers.
pub(crate) fn open_block(builder: &mut BodyBuilder, stack: &mut [Container], kind: Option<&BlockKind>) {
    if builder.is_open() {
        return;
    }
    let depth = stack
        .iter()
        .filter(|c| matches!(c, Container::List { .. } | Container::Quote))
        .count()
        .saturating_sub(1)
        .min(MAX_DEPTH as usize) as u8;
    let kind = if let Some(kind) = kind {
        kind.clone()
    } else {
        match stack.iter_mut().rev().find(|c| !matches!(c, Container::List { .. })) {
            Some(Container::Item { marker }) => BlockKind::ListItem { marker: marker.take() },
            Some(Container::Quote) => BlockKind::Quote,
            _ => BlockKind::Paragraph,
        }
    };
    builder.open(kind, depth);
}
