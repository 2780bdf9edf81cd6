//! HTML and XHTML into a `Body`: the readable content only. html5ever's
//! tokenizer (the browsers' tokenizing rules, so broken markup reads as a
//! browser would read it) feeds a small converter that keeps headings,
//! paragraphs, lists, quotes, preformatted text and emphasis, shows images
//! as a placeholder with their alt text and links as their text, and leaves
//! out scripts, styles, navigation, headers, footers, asides and forms.
//! EPUB chapters go through the same converter, one document after another.

use std::borrow::Cow;
use std::cell::RefCell;

use encoding_rs::Encoding;
use html5ever::TokenizerResult;
use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts};

use crate::library::article::{BlockKind, Body, BodyBuilder, InlineStyle};
use crate::library::containers::{Container, open_block, push_item};
use crate::text::sanitize_inline;

/// How far into a page a `<meta charset>` is looked for.
const CHARSET_PRESCAN_BYTES: usize = 4096;

/// A web page read for reading.
#[derive(Debug)]
pub struct HtmlPage {
    /// From `<title>`, else the first `<h1>`.
    pub title: Option<String>,
    pub body: Body,
}

/// Reads a saved web page: its charset from a byte order mark, the page's
/// own `<meta charset>`, or detected.
pub fn parse_html(bytes: &[u8]) -> HtmlPage {
    let text = decode_html(bytes);
    let converter = Converter::new(Mode::Page);
    converter.feed(&text, Vec::new(), Vec::new());
    let converted = converter.finish();
    HtmlPage {
        title: converted.title.or(converted.first_h1),
        body: converted.body,
    }
}

/// The page's text in the charset it declares, else as `.txt` files are read.
pub fn decode_html(bytes: &[u8]) -> Cow<'_, str> {
    if Encoding::for_bom(bytes).is_none()
        && let Some(encoding) = declared_charset(&bytes[..bytes.len().min(CHARSET_PRESCAN_BYTES)])
    {
        // A page that says UTF-8 but is not is decoded as if it said nothing.
        let trusted = encoding != encoding_rs::UTF_8 || simdutf8::basic::from_utf8(bytes).is_ok();
        if trusted {
            return encoding.decode_without_bom_handling(bytes).0;
        }
    }
    crate::library::plain::decode_text(bytes)
}

/// The encoding named by `charset=` in the start of a page, if it names one.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = find(&lower[from..], b"charset") {
        let rest = &lower[from + at + b"charset".len()..];
        from += at + 1;
        let rest = trim_ascii_start(rest);
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = trim_ascii_start(rest);
        let rest = rest
            .strip_prefix(b"\"")
            .or_else(|| rest.strip_prefix(b"'"))
            .unwrap_or(rest);
        let end = rest
            .iter()
            .position(|b| matches!(b, b'"' | b'\'' | b';' | b'>' | b'/') || b.is_ascii_whitespace())
            .unwrap_or(rest.len());
        if let Some(encoding) = Encoding::for_label(&rest[..end]) {
            // UTF-16 cannot be declared from inside an ASCII-compatible page.
            return Some(encoding.output_encoding());
        }
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_ascii_start(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[start..]
}

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

/// What the converter made of its documents.
pub(crate) struct Converted {
    pub title: Option<String>,
    pub first_h1: Option<String>,
    pub body: Body,
}

/// Turns one or more documents into one body.
pub(crate) struct Converter {
    state: RefCell<State>,
}

/// Whitespace seen since the last text: none, spaces, or a line break (which
/// joins Chinese characters with nothing).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    None,
    Space,
    Break,
}

struct State {
    mode: Mode,
    builder: BodyBuilder,
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
    title: Option<String>,
    in_title: bool,
    /// The first `<title>` has ended: later ones (of later documents) are not the title.
    title_closed: bool,
    first_h1: Option<String>,
    /// Whether headings come from a table of contents (the others become bold paragraphs).
    toc_given: bool,
    pending: Vec<TocMark>,
    anchored: Vec<(String, TocMark)>,
}

impl Converter {
    pub fn new(mode: Mode) -> Converter {
        Converter {
            state: RefCell::new(State {
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
                pending: Vec::new(),
                anchored: Vec::new(),
            }),
        }
    }

    /// Reads one document. `at_start` are table-of-contents entries for its
    /// start, `anchored` entries for elements with an `id`; entries whose
    /// element never comes are placed at the end.
    pub fn feed(&self, html: &str, at_start: Vec<TocMark>, anchored: Vec<(String, TocMark)>) {
        {
            let mut state = self.state.borrow_mut();
            state.start_document();
            state.toc_given |= !at_start.is_empty() || !anchored.is_empty();
            state.pending.extend(at_start);
            state.anchored = anchored;
        }
        let queue = BufferQueue::default();
        queue.push_back(StrTendril::from_slice(html));
        let tokenizer = Tokenizer::new(Sink(&self.state), TokenizerOpts::default());
        // The sink never asks the tokenizer to stop (for a script or a charset).
        let _: TokenizerResult<()> = tokenizer.feed(&queue);
        tokenizer.end();
        let mut state = self.state.borrow_mut();
        state.finish_heading();
        let unplaced: Vec<TocMark> = std::mem::take(&mut state.anchored)
            .into_iter()
            .map(|(_, m)| m)
            .collect();
        state.pending.extend(unplaced);
        state.flush_pending();
        state.builder.close();
    }

    /// Marks that a table of contents places the headings, even where a document brings none.
    pub fn use_toc(&self) {
        self.state.borrow_mut().toc_given = true;
    }

    pub fn finish(self) -> Converted {
        let state = self.state.into_inner();
        Converted {
            title: state.title.map(|t| sanitize_inline(&t)).filter(|t| !t.is_empty()),
            first_h1: state.first_h1.filter(|t| !t.is_empty()),
            body: state.builder.finish(),
        }
    }
}

struct Sink<'a>(&'a RefCell<State>);

impl TokenSink for Sink<'_> {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut state = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => return state.start_tag(&tag),
                TagKind::EndTag => state.end_tag(&tag.name),
            },
            Token::CharacterTokens(text) => state.text(&text),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Elements whose content is never shown.
fn always_left_out(name: &str) -> bool {
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
            | "svg"
            | "math"
            | "object"
            | "iframe"
            | "head"
            | "noembed"
            | "noframes"
    )
}

/// Elements a web page's reader does not want; a book keeps them.
fn page_furniture(name: &str) -> bool {
    matches!(name, "header" | "footer" | "aside" | "menu" | "dialog")
}

fn is_block(name: &str) -> bool {
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

fn heading_level(name: &str) -> Option<u8> {
    match name.as_bytes() {
        [b'h', d @ b'1'..=b'6'] => Some(d - b'0'),
        _ => None,
    }
}

fn inline_style(name: &str) -> Option<InlineStyle> {
    Some(match name {
        "em" | "i" | "cite" | "dfn" | "var" => InlineStyle::Emphasis,
        "strong" | "b" => InlineStyle::Strong,
        "code" | "kbd" | "samp" | "tt" => InlineStyle::Code,
        "a" => InlineStyle::Link,
        _ => return None,
    })
}

fn attribute<'t>(tag: &'t Tag, name: &str) -> Option<&'t str> {
    tag.attrs.iter().find(|a| &*a.name.local == name).map(|a| &*a.value)
}

impl State {
    fn start_document(&mut self) {
        self.finish_heading();
        self.builder.close();
        self.skipping.clear();
        self.containers.clear();
        self.inline.clear();
        self.pre = false;
        self.gap = Gap::None;
        self.in_title = false;
    }

    fn start_tag(&mut self, tag: &Tag) -> TokenSinkResult<()> {
        let name: &str = &tag.name;
        if let Some(id) = attribute(tag, "id")
            && let Some(i) = self.anchored.iter().position(|(anchor, _)| anchor == id)
        {
            let (_, mark) = self.anchored.remove(i);
            self.finish_heading();
            self.pending.push(mark);
        }
        // `<script/>` in XHTML is empty; as HTML it would swallow the page.
        let raw = match name {
            _ if tag.self_closing => None,
            "script" => Some(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Some(RawKind::Rawtext),
            "title" | "textarea" => Some(RawKind::Rcdata),
            _ => None,
        };
        let left_out = always_left_out(name)
            || (self.mode == Mode::Page && page_furniture(name))
            || (name == "aside" && !is_note(tag));
        if left_out && !tag.self_closing && name != "head" {
            self.skipping.push(name.to_string());
        } else if name == "title" && self.skipping.is_empty() && !tag.self_closing {
            self.in_title = true;
        }
        if !self.skipping.is_empty() || self.in_title {
            return raw.map_or(TokenSinkResult::Continue, TokenSinkResult::RawData);
        }
        self.open_element(name, tag);
        raw.map_or(TokenSinkResult::Continue, TokenSinkResult::RawData)
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
            "img" => {
                let alt = attribute(tag, "alt").map(sanitize_inline).unwrap_or_default();
                let placeholder = if alt.is_empty() {
                    "〔图〕".to_string()
                } else {
                    format!("〔图：{alt}〕")
                };
                self.gap = Gap::None;
                self.flow(&placeholder);
            }
            "pre" => {
                self.close_block();
                self.pre = true;
            }
            "ul" | "ol" => {
                self.close_block();
                let start = attribute(tag, "start").and_then(|s| s.trim().parse().ok()).unwrap_or(1);
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
            _ if is_block(name) || name == "aside" => self.close_block(),
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

    fn end_tag(&mut self, name: &str) {
        if let Some(at) = self.skipping.iter().rposition(|open| open == name) {
            self.skipping.truncate(at);
            return;
        }
        if matches!(name, "body" | "html") {
            // An unclosed `<header>` must not hide the rest of the page.
            self.skipping.clear();
        }
        if !self.skipping.is_empty() {
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
            _ if is_block(name) || name == "aside" => self.close_block(),
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

    fn text(&mut self, text: &str) {
        if !self.skipping.is_empty() {
            return;
        }
        if self.in_title {
            if self.title_closed {
                return;
            }
            self.title.get_or_insert_with(String::new).push_str(text);
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
        // The newline straight after `<pre>` is not content.
        let text = if self.builder.is_empty_block() {
            text.strip_prefix('\n').unwrap_or(text)
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

    /// Table-of-contents entries still waiting become headings of their own.
    fn flush_pending(&mut self) {
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

    /// Places a heading that was read: as a table-of-contents entry whose
    /// label it matches (entries before that one get headings of their own),
    /// as a plain heading when there is no table of contents, else as a bold
    /// paragraph (the book's contents do not list it).
    fn finish_heading(&mut self) {
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
        let key = without_spaces(&text);
        if let Some(at) = self.pending.iter().position(|m| without_spaces(&m.label) == key) {
            let rest = self.pending.split_off(at + 1);
            let matched = self.pending.pop();
            self.flush_pending();
            self.pending = rest;
            if let Some(mark) = matched {
                self.push_heading(mark.level, &text);
            }
            return;
        }
        if let Some(mark) = (self.pending.len() == 1).then(|| self.pending.pop()).flatten() {
            // The only entry here, worded differently: the heading takes its place.
            self.push_heading(mark.level, &text);
            return;
        }
        self.flush_pending();
        self.builder.close();
        self.builder.open(BlockKind::Paragraph, 0);
        self.builder.start_inline(InlineStyle::Strong);
        self.builder.push_text(&text);
        self.builder.end_inline();
        self.builder.close();
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

/// An aside that is a footnote or endnote of a book (`epub:type`, `role`).
fn is_note(tag: &Tag) -> bool {
    tag.attrs.iter().any(|a| {
        let name: &str = &a.name.local;
        (name.ends_with("type") || name == "role") && a.value.contains("note")
    })
}

/// HTML's whitespace, and the no-break space pages use for indenting.
fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}')
}

fn collapse_spaces(text: &str) -> String {
    text.split(is_html_space)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(body: &Body) -> Vec<(BlockKind, &str)> {
        body.blocks
            .iter()
            .map(|b| (b.kind.clone(), body.block_text(b)))
            .collect()
    }

    const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>春 &amp; 秋 - 网站</title>
<style>p { color: red }</style><script>var x = "<p>不是正文</p>";</script></head>
<body><header><h1>网站名</h1><nav><a href="/">首页</a></nav></header>
<article><h1>春</h1>
<p>盼望着，盼望着，
东风来了。<em>春天</em>的脚步近了&hellip;</p>
<ul><li>一</li><li>二<ol><li>甲</ol></ul>
<blockquote><p>引用</p></blockquote>
<p>见<a href="x.html">链接</a>。<img src="a.png" alt="桃花"><img src="b.png"></p>
<pre>
  缩进的代码
第二行</pre>
<form><input value="x"><button>提交</button></form>
</article><aside>广告</aside><footer>版权所有</footer></body></html>"#;

    #[test]
    fn a_page_keeps_its_readable_content_only() {
        let page = parse_html(PAGE.as_bytes());
        assert_eq!(page.title.as_deref(), Some("春 & 秋 - 网站"));
        let body = &page.body;
        let texts: Vec<&str> = body.blocks.iter().map(|b| body.block_text(b)).collect();
        assert_eq!(
            texts,
            [
                "春",
                "盼望着，盼望着，东风来了。春天的脚步近了…",
                "一",
                "二",
                "甲",
                "引用",
                "见链接。〔图：桃花〕〔图〕",
                "缩进的代码\n第二行"
            ]
        );
        let kinds = blocks(body);
        assert_eq!(kinds[0].0, BlockKind::Heading(1));
        assert_eq!(
            kinds[2].0,
            BlockKind::ListItem {
                marker: Some("•".into())
            }
        );
        assert_eq!(body.blocks[4].depth, 1);
        assert_eq!(
            kinds[4].0,
            BlockKind::ListItem {
                marker: Some("1.".into())
            }
        );
        assert_eq!(kinds[5].0, BlockKind::Quote);
        assert_eq!(kinds[7].0, BlockKind::Code);
        let emphasis = &body.blocks[1].inline[0];
        assert_eq!(&body.text[emphasis.range.clone()], "春天");
        for gone in ["网站名", "首页", "不是正文", "color", "提交", "广告", "版权"] {
            assert!(!body.text.contains(gone), "{gone} in {:?}", body.text);
        }
    }

    #[test]
    fn the_title_falls_back_to_the_first_h1_and_latin_keeps_its_spaces() {
        let page = parse_html(b"<h1>Hello  <b>World</b></h1><p>one\ntwo <i>three</i> four</p>");
        assert_eq!(page.title.as_deref(), Some("Hello World"));
        assert_eq!(page.body.block_text(&page.body.blocks[1]), "one two three four");
    }

    #[test]
    fn the_declared_charset_is_used_and_otherwise_detected() {
        let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>客户关系管理是一门学问。</p></body></html>";
        let (gbk, _, _) = encoding_rs::GBK.encode(html);
        let page = parse_html(&gbk);
        assert_eq!(page.body.text, "客户关系管理是一门学问。");
        let undeclared = "<p>客户关系管理是一门学问，销售人员应当重视。</p>".repeat(3);
        let (gbk, _, _) = encoding_rs::GBK.encode(&undeclared);
        assert!(parse_html(&gbk).body.text.starts_with("客户关系管理"));
    }

    #[test]
    fn broken_markup_and_escapes_read_as_a_browser_would() {
        let page = parse_html(b"<header><p>unclosed header</body><p>after &#x1b;[2J<b>bold<p>next &lt;tag&gt;");
        assert!(!page.body.text.contains('\u{1b}'));
        assert!(page.body.text.contains("next <tag>"), "{:?}", page.body.text);
        let page = parse_html("<div>".repeat(100_000).as_bytes());
        assert!(page.body.text.is_empty());
        let page = parse_html(b"<script/><p>xhtml</p>");
        assert_eq!(page.body.text, "xhtml");
    }

    #[test]
    fn table_of_contents_marks_place_headings() {
        let converter = Converter::new(Mode::Book);
        let mark = |level, label: &str| TocMark {
            level,
            label: label.into(),
        };
        converter.feed(
            "<h1>第一部</h1><h2>第一章 起</h2><p>正文。</p><h3>小标题</h3><p id=\"s2\">第二节。</p>",
            vec![mark(1, "第一部"), mark(2, "第一章　起")],
            vec![("s2".into(), mark(3, "第二节"))],
        );
        converter.feed("<p>无标题的章。</p>", vec![mark(2, "第二章")], Vec::new());
        let body = converter.finish().body;
        assert_eq!(
            blocks(&body),
            [
                (BlockKind::Heading(1), "第一部"),
                (BlockKind::Heading(2), "第一章 起"),
                (BlockKind::Paragraph, "正文。"),
                (BlockKind::Paragraph, "小标题"),
                (BlockKind::Heading(3), "第二节"),
                (BlockKind::Paragraph, "第二节。"),
                (BlockKind::Heading(2), "第二章"),
                (BlockKind::Paragraph, "无标题的章。"),
            ]
        );
        assert_eq!(body.blocks[3].inline[0].style, InlineStyle::Strong);
    }
}
