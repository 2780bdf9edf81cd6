//! What html5gum's tokenizer hands the converter: its `Emitter`, `Sink`,
//! gathers each tag (`Tag`) and each run of text between tags, and passes
//! them to the `State` as they end. A start tag of an element whose content
//! is raw text (`raw_kind`) switches the tokenizer into that
//! text's state, until the tag's own end tag.
//!
//! The sink keeps what the converter reads the way a browser's tokenizer
//! gives it: an attribute named twice keeps its first value, a U+0000 in
//! text is dropped (in raw text and attributes the tokenizer makes it
//! U+FFFD), and comments, doctypes and `<![CDATA[` sections (bogus comments
//! outside a tree builder's foreign content) are not read.
//! Text the converter would not read (a script, an element left out) is
//! not gathered.

use html5gum::{Emitter, Error, State as TokenizerState};

use super::state::State;

/// The kinds of raw text: script data, raw text (`<style>`), and text with
/// character references but no tags (`<title>`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RawKind {
    ScriptData,
    Rawtext,
    Rcdata,
}

/// The raw text an element's content is, by its start tag, as the converter
/// tells the tokenizer: no tags inside until its end tag. `<script/>` in
/// XHTML is empty; as HTML it would swallow the page.
pub(super) fn raw_kind(name: &str, self_closing: bool) -> Option<RawKind> {
    match name {
        _ if self_closing => None,
        "script" => Some(RawKind::ScriptData),
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(RawKind::Rawtext),
        "title" | "textarea" => Some(RawKind::Rcdata),
        _ => None,
    }
}

/// A start tag: its name and its attributes' names lower-cased as the
/// tokenizer gives them, the attributes in document order.
#[derive(Debug, Default)]
pub(super) struct Tag {
    pub name: String,
    pub self_closing: bool,
    pub attrs: Vec<(String, String)>,
}

impl Tag {
    /// The value of the attribute `name`, if the tag has one.
    pub(super) fn attribute(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// The tokenizer's emitter, reading into the converter's `State`.
pub(super) struct Sink<'a> {
    state: &'a mut State,
    /// Text since the last tag.
    text: Vec<u8>,
    /// Whether the converter reads the text after the last tag.
    reads_text: bool,
    /// The tag being read: an end tag's attributes are not kept.
    end_tag: bool,
    name: Vec<u8>,
    self_closing: bool,
    attrs: Vec<(String, String)>,
    /// The attribute being read: its name and value.
    attribute: Option<(Vec<u8>, Vec<u8>)>,
    /// The name of the last start tag, which the end of raw text must match.
    last_start_tag: Vec<u8>,
}

impl<'a> Sink<'a> {
    pub(super) fn new(state: &'a mut State) -> Sink<'a> {
        Sink {
            state,
            text: Vec::new(),
            reads_text: true,
            end_tag: false,
            name: Vec::new(),
            self_closing: false,
            attrs: Vec::new(),
            attribute: None,
            last_start_tag: Vec::new(),
        }
    }

    fn flush_text(&mut self) {
        if self.text.is_empty() {
            return;
        }
        self.state.text(&utf8(&self.text));
        self.text.clear();
    }

    fn init_tag(&mut self, end_tag: bool) {
        self.end_tag = end_tag;
        self.name.clear();
        self.self_closing = false;
        self.attrs.clear();
        self.attribute = None;
    }

    fn finish_attribute(&mut self) {
        let Some((name, value)) = self.attribute.take() else {
            return;
        };
        if self.end_tag {
            return;
        }
        let name = owned(name);
        if !self.attrs.iter().any(|(n, _)| *n == name) {
            self.attrs.push((name, owned(value)));
        }
    }
}

/// The tokenizer's bytes as text: its input is a `&str`, and what it makes
/// of it (character references, U+FFFD) is UTF-8 too.
fn utf8(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}

fn owned(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

impl RawKind {
    fn state(self) -> TokenizerState {
        match self {
            RawKind::ScriptData => TokenizerState::ScriptData,
            RawKind::Rawtext => TokenizerState::RawText,
            RawKind::Rcdata => TokenizerState::RcData,
        }
    }
}

impl Emitter for Sink<'_> {
    type Token = std::convert::Infallible;

    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.last_start_tag.clear();
        self.last_start_tag
            .extend_from_slice(last_start_tag.unwrap_or_default());
    }

    fn emit_eof(&mut self) {
        self.flush_text();
    }

    fn emit_error(&mut self, _error: Error) {}

    fn should_emit_errors(&mut self) -> bool {
        false
    }

    fn pop_token(&mut self) -> Option<Self::Token> {
        None
    }

    fn emit_string(&mut self, s: &[u8]) {
        if !self.reads_text {
            return;
        }
        // Only text in the data state keeps its U+0000 here.
        if memchr::memchr(0, s).is_some() {
            self.text.extend(s.iter().filter(|&&b| b != 0));
        } else {
            self.text.extend_from_slice(s);
        }
    }

    fn init_start_tag(&mut self) {
        self.init_tag(false);
    }

    fn init_end_tag(&mut self) {
        self.init_tag(true);
    }

    fn init_comment(&mut self) {}

    fn emit_current_tag(&mut self) -> Option<TokenizerState> {
        self.finish_attribute();
        self.flush_text();
        let name = utf8(&self.name).into_owned();
        if self.end_tag {
            self.state.end_tag(&name);
            self.reads_text = self.state.reads_text();
            return None;
        }
        self.last_start_tag.clone_from(&self.name);
        let tag = Tag {
            name,
            self_closing: self.self_closing,
            attrs: std::mem::take(&mut self.attrs),
        };
        self.state.start_tag(&tag);
        self.reads_text = self.state.reads_text();
        raw_kind(&tag.name, tag.self_closing).map(RawKind::state)
    }

    fn emit_current_comment(&mut self) {}

    fn emit_current_doctype(&mut self) {}

    fn set_self_closing(&mut self) {
        self.self_closing = !self.end_tag;
    }

    fn set_force_quirks(&mut self) {}

    fn push_tag_name(&mut self, s: &[u8]) {
        self.name.extend_from_slice(s);
    }

    fn push_comment(&mut self, _s: &[u8]) {}

    fn push_doctype_name(&mut self, _s: &[u8]) {}

    fn init_doctype(&mut self) {}

    fn init_attribute(&mut self) {
        self.finish_attribute();
        self.attribute = Some((Vec::new(), Vec::new()));
    }

    fn push_attribute_name(&mut self, s: &[u8]) {
        if let Some((name, _)) = &mut self.attribute {
            name.extend_from_slice(s);
        }
    }

    fn push_attribute_value(&mut self, s: &[u8]) {
        if let Some((_, value)) = &mut self.attribute {
            value.extend_from_slice(s);
        }
    }

    fn set_doctype_public_identifier(&mut self, _value: &[u8]) {}

    fn set_doctype_system_identifier(&mut self, _value: &[u8]) {}

    fn push_doctype_public_identifier(&mut self, _s: &[u8]) {}

    fn push_doctype_system_identifier(&mut self, _s: &[u8]) {}

    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.end_tag && !self.last_start_tag.is_empty() && self.name == self.last_start_tag
    }
}
