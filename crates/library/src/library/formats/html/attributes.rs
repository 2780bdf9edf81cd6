//! Tags with very many attributes, cut to their first `MAX_ATTRIBUTES`.
//! The tokenizer's sink checks each attribute's name against the tag's
//! earlier ones (the first of a name wins), so one tag of N attributes
//! would take time quadratic in N (a `<p>` of 200,000 distinct names, 2 MB);
//! and html5gum goes from one attribute's states to the next by calling
//! them, so its stack grows with a tag's attributes (200,000 overflow a
//! thread's stack).
//! The document is scanned once, in the tokenizer's own states, and the
//! attributes past the cap are left out of what it reads; nothing else
//! changes.

use std::borrow::Cow;
use std::ops::Range;

use super::tokens::{RawKind, raw_kind};

/// Attributes of one tag that are read; no element yuedu reads needs more.
pub(super) const MAX_ATTRIBUTES: usize = 256;

/// `html` without the attributes past the cap of each tag: `html` itself
/// when no tag has that many.
pub(super) fn kept(html: &str) -> Cow<'_, str> {
    let mut scan = Scan {
        html,
        scan: 0,
        raw: None,
    };
    let mut kept = String::new();
    let mut from = 0;
    while let Some(left_out) = scan.next_left_out() {
        // Left out are whole attributes, which start and end at ASCII bytes.
        kept.push_str(html.get(from..left_out.start).unwrap_or(""));
        from = left_out.end;
    }
    if from == 0 {
        return Cow::Borrowed(html);
    }
    kept.push_str(html.get(from..).unwrap_or(""));
    Cow::Owned(kept)
}

/// A scan of a document for attributes past the cap.
struct Scan<'a> {
    html: &'a str,
    /// Where scanning goes on.
    scan: usize,
    /// The raw text element the scan is in: its kind and name.
    raw: Option<(RawKind, &'a str)>,
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// Whether `bytes` at `at` is `</name` then a space, `/` or `>`: the end tag of a raw text element.
fn is_end_tag_of(bytes: &[u8], at: usize, name: &str) -> bool {
    let tag = at + 2;
    bytes.get(at..tag) == Some(b"</")
        && bytes
            .get(tag..tag + name.len())
            .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
        && bytes
            .get(tag + name.len())
            .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
}

/// Whether `bytes` at `at` is `<script` then a space, `/` or `>`.
fn is_script_start(bytes: &[u8], at: usize) -> bool {
    bytes
        .get(at + 1..at + 7)
        .is_some_and(|n| n.eq_ignore_ascii_case(b"script"))
        && bytes
            .get(at + 7)
            .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
}

fn find(bytes: &[u8], from: usize, byte: u8) -> Option<usize> {
    memchr::memchr(byte, bytes.get(from..)?).map(|at| from + at)
}

impl<'a> Scan<'a> {
    /// The next run of attributes past the cap, from the scan on.
    fn next_left_out(&mut self) -> Option<Range<usize>> {
        let bytes = self.html.as_bytes();
        loop {
            if let Some((kind, name)) = self.raw.take() {
                self.scan = match kind {
                    RawKind::ScriptData => script_end(bytes, self.scan),
                    _ => raw_text_end(bytes, self.scan, name),
                };
            }
            let open = find(bytes, self.scan, b'<')?;
            self.scan = open + 1;
            match bytes.get(open + 1) {
                Some(b'!') if bytes[open..].starts_with(b"<!--") => self.scan = comment_end(bytes, open + 4),
                Some(b'!' | b'?') => self.scan = find(bytes, open, b'>').map_or(bytes.len(), |e| e + 1),
                Some(b'/') => match bytes.get(open + 2) {
                    Some(b) if b.is_ascii_alphabetic() => {
                        if let Some(left_out) = self.tag(open + 2, false) {
                            return Some(left_out);
                        }
                    }
                    Some(b'>') => self.scan = open + 3,
                    Some(_) => self.scan = find(bytes, open, b'>').map_or(bytes.len(), |e| e + 1),
                    None => return None,
                },
                Some(b) if b.is_ascii_alphabetic() => {
                    if let Some(left_out) = self.tag(open + 1, true) {
                        return Some(left_out);
                    }
                }
                _ => {}
            }
        }
    }

    /// Reads the tag whose name starts at `start`, in the tokenizer's states
    /// from its name to its `>`, and returns its attributes past the cap.
    fn tag(&mut self, start: usize, start_tag: bool) -> Option<Range<usize>> {
        let bytes = self.html.as_bytes();
        let mut at = start;
        while at < bytes.len() && !is_space(bytes[at]) && !matches!(bytes[at], b'/' | b'>') {
            at += 1;
        }
        let name = self.html.get(start..at).unwrap_or("");
        let mut attributes = 0;
        let mut left_out_from = None;
        let mut state = Attr::Before;
        // The tag's `>`, and whether a `/` before it made it self-closing.
        let mut end = None;
        while at < bytes.len() {
            let b = bytes[at];
            match state {
                Attr::Before | Attr::AfterName if is_space(b) => at += 1,
                Attr::Before | Attr::AfterName | Attr::AfterQuoted if b == b'/' => {
                    if bytes.get(at + 1) == Some(&b'>') {
                        end = Some((at + 1, true));
                        break;
                    }
                    at += 1;
                    state = Attr::Before;
                }
                Attr::Before | Attr::AfterName | Attr::AfterQuoted | Attr::BeforeValue | Attr::Unquoted
                    if b == b'>' =>
                {
                    end = Some((at, false));
                    break;
                }
                Attr::AfterName if b == b'=' => {
                    at += 1;
                    state = Attr::BeforeValue;
                }
                Attr::AfterQuoted if is_space(b) => {
                    at += 1;
                    state = Attr::Before;
                }
                Attr::Before | Attr::AfterName | Attr::AfterQuoted => {
                    attributes += 1;
                    if attributes > MAX_ATTRIBUTES && left_out_from.is_none() {
                        left_out_from = Some(at);
                    }
                    // The name's first character may be anything, `=` too.
                    at += 1;
                    state = Attr::Name;
                }
                Attr::Name => {
                    if is_space(b) || b == b'/' || b == b'>' {
                        state = Attr::AfterName;
                    } else if b == b'=' {
                        at += 1;
                        state = Attr::BeforeValue;
                    } else {
                        at += 1;
                    }
                }
                Attr::BeforeValue if is_space(b) => at += 1,
                Attr::BeforeValue if b == b'"' || b == b'\'' => {
                    at = find(bytes, at + 1, b).map_or(bytes.len(), |close| close + 1);
                    state = Attr::AfterQuoted;
                }
                Attr::BeforeValue => state = Attr::Unquoted,
                Attr::Unquoted => {
                    if is_space(b) {
                        state = Attr::Before;
                    }
                    at += 1;
                }
            }
        }
        let Some((gt, self_closing)) = end else {
            // A tag cut off by the end of the document is not a tag.
            self.scan = bytes.len();
            return left_out_from.map(|from| from..bytes.len());
        };
        self.scan = gt + 1;
        if start_tag && let Some(kind) = raw_kind(&name.to_ascii_lowercase(), self_closing) {
            self.raw = Some((kind, name));
        }
        let kept_end = if self_closing { gt - 1 } else { gt };
        left_out_from.map(|from| from..kept_end)
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Attr {
    Before,
    Name,
    AfterName,
    BeforeValue,
    Unquoted,
    AfterQuoted,
}

/// Where a comment's text that starts at `from` ends: after `-->` or
/// `--!>`, or at once for `<!-->` and `<!--->`.
fn comment_end(bytes: &[u8], from: usize) -> usize {
    let rest = &bytes[from.min(bytes.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut at = from;
    while let Some(dashes) = memchr::memmem::find(&bytes[at..], b"--").map(|d| at + d) {
        let after = dashes + 2;
        match bytes.get(after) {
            Some(b'>') => return after + 1,
            Some(b'!') if bytes.get(after + 1) == Some(&b'>') => return after + 2,
            _ => at = dashes + 1,
        }
    }
    bytes.len()
}

/// Where the RCDATA or RAWTEXT content of element `name` from `from` ends:
/// at its end tag's `<`.
fn raw_text_end(bytes: &[u8], from: usize, name: &str) -> usize {
    let mut at = from;
    while let Some(open) = find(bytes, at, b'<') {
        if is_end_tag_of(bytes, open, name) {
            return open;
        }
        at = open + 1;
    }
    bytes.len()
}

/// Where a script's content from `from` ends: at its `</script`, which
/// inside `<!--` … `<script>` … `-->` ends only the inner script.
fn script_end(bytes: &[u8], from: usize) -> usize {
    #[derive(PartialEq)]
    enum Escape {
        None,
        Escaped,
        Double,
    }
    let mut escape = Escape::None;
    let mut dashes = 0;
    let mut at = from;
    while at < bytes.len() {
        if escape == Escape::None {
            let Some(open) = find(bytes, at, b'<') else {
                break;
            };
            if is_end_tag_of(bytes, open, "script") {
                return open;
            }
            if bytes[open..].starts_with(b"<!--") {
                escape = Escape::Escaped;
                dashes = 2;
                at = open + 4;
            } else {
                at = open + 1;
            }
            continue;
        }
        match bytes[at] {
            b'-' => dashes += 1,
            b'>' if dashes >= 2 => {
                escape = Escape::None;
                dashes = 0;
            }
            b'<' => {
                dashes = 0;
                if is_end_tag_of(bytes, at, "script") {
                    if escape == Escape::Escaped {
                        return at;
                    }
                    escape = Escape::Escaped;
                    at += "</script".len();
                    continue;
                }
                if escape == Escape::Escaped && is_script_start(bytes, at) {
                    escape = Escape::Double;
                    at += "<script".len();
                    continue;
                }
            }
            _ => dashes = 0,
        }
        at += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the tokenizer is given of `html`.
    fn fed(html: &str) -> String {
        kept(html).into_owned()
    }

    fn attributes(count: usize) -> String {
        (0..count).map(|i| format!(" a{i}=\"{i}\"")).collect()
    }

    #[test]
    fn tags_within_the_cap_are_fed_unchanged() {
        for html in [
            "<p class=\"x\" id='y' hidden data-z=w>文字</p>",
            "<p a=\"1>2\" b='<' c=d/e>文</p><br/><img src=x.png />",
            "<!-- <p a b c> --><!--><!---><![CDATA[<x>]]><?php ?></ p>",
            "<script>if (a < b && c > d) { x = '</p>'; }</script><style>p>a{}</style>",
            "半个标签 <p a=\"1",
        ] {
            assert_eq!(fed(html), html);
            assert!(matches!(kept(html), Cow::Borrowed(_)), "read in place");
        }
    }

    #[test]
    fn attributes_past_the_cap_are_left_out_of_start_and_end_tags() {
        let html = format!(
            "<p{}>正文</p{}><br{} />",
            attributes(300),
            attributes(300),
            attributes(300)
        );
        let capped = format!(
            "<p{} >正文</p{} ><br{} />",
            attributes(256),
            attributes(256),
            attributes(256)
        );
        assert_eq!(fed(&html), capped);
    }

    #[test]
    fn tags_inside_raw_text_and_comments_are_not_read() {
        let many = attributes(300);
        for html in [
            format!("<script>var s = \"<p{many}>\";</script>"),
            format!("<title><p{many}></title>"),
            format!("<!--<p{many}>-->"),
            format!("<script><!--<script></script><p{many}>--></script>"),
        ] {
            assert_eq!(fed(&html), html);
        }
        // After the raw text ends, tags are read again.
        let html = format!("<script><!-- </script><p{many}>");
        assert_eq!(fed(&html), format!("<script><!-- </script><p{} >", attributes(256)));
        let html = format!("<script/><p{many}>");
        assert_eq!(fed(&html), format!("<script/><p{} >", attributes(256)));
    }
}
