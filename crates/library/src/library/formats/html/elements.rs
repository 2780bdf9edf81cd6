//! What each element is: left out, a block, a heading or an inline style;
//! and the whitespace rules of HTML text.

use super::tokens::Tag;

use crate::library::model::article::InlineStyle;

/// Elements whose content is never shown. (`<object>` shows its fallback
/// content, SVG its text, MathML its `alttext` or text: `state::foreign`.)
pub(super) fn always_left_out(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "nav"
            | "form"
            | "button"
            | "select"
            | "textarea"
            | "iframe"
            | "rp"
            | "annotation"
            | "annotation-xml"
            | "head"
            | "noembed"
            | "noframes"
    )
}

/// Elements left out inside a left-out one are followed this deep, so an
/// element of the same name inside ends only itself.
pub(super) const MAX_SKIPPED_DEPTH: usize = 256;

/// Elements that have no end tag.
pub(super) fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

/// Elements a web page's reader does not want; a book keeps them.
pub(super) fn page_furniture(name: &str) -> bool {
    matches!(name, "header" | "footer" | "aside" | "menu" | "dialog")
}

pub(super) fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "body"
            | "html"
            | "dt"
            | "dd"
            | "dl"
            | "table"
            | "tr"
            | "thead"
            | "tbody"
            | "tfoot"
            | "figure"
            | "figcaption"
            | "address"
            | "center"
            | "details"
            | "summary"
            | "caption"
            | "header"
            | "footer"
            | "aside"
            | "hgroup"
            | "fieldset"
            | "legend"
    )
}

pub(super) fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

pub(super) fn inline_style(name: &str) -> Option<InlineStyle> {
    Some(match name {
        "em" | "i" | "cite" | "dfn" | "var" => InlineStyle::Emphasis,
        "strong" | "b" => InlineStyle::Strong,
        "code" | "kbd" | "samp" | "tt" => InlineStyle::Code,
        "a" => InlineStyle::Link,
        _ => return None,
    })
}

/// An aside that is a footnote or endnote of a book (`epub:type`, `role`).
pub(super) fn is_note(tag: &Tag) -> bool {
    tag.attrs
        .iter()
        .any(|(name, value)| (name.ends_with("type") || name == "role") && value.contains("note"))
}

/// HTML's whitespace, and the no-break space pages use for indenting.
pub(super) fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}')
}

pub(super) fn collapse_spaces(text: &str) -> String {
    text.split(is_html_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
