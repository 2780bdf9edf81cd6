//! The gate for everything printed: whatever came from outside (file and
//! folder names, notes read back from `state.json`, config keys, paths, error
//! messages) passes here on its way to stdout, stderr or the screen.
//!
//! One rule, [`is_unsafe`], says which characters may act on a terminal or
//! hide themselves: C0 and C1 controls, DEL, bidi controls, invisible format
//! characters and the Unicode line separators. They are shown as visible
//! escapes (`\t`, `\n`, `\r`, `\u{1b}`), never passed through. Three ways out:
//! - [`Shown::field`]: one value of a record; tab and newline are escaped too,
//!   so a name can never split a tab-separated line;
//! - [`Shown::text`]: finished output whose tabs and newlines are its layout;
//! - [`to_json`]: JSON with every unsafe character written as `\uXXXX`.

use std::fmt::{self, Display, Write};

use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::sanitize::is_invisible_or_control;

/// Whether `c` must never reach a terminal as it is.
pub fn is_unsafe(c: char) -> bool {
    is_invisible_or_control(c) || c == '\u{2028}' || c == '\u{2029}'
}

/// A value on its way out, escaped as it is displayed.
pub struct Shown<T> {
    inner: T,
    keep_layout: bool,
}

impl<T: Display> Shown<T> {
    /// One field of a record (an ID, a title, a note, a path): tab and newline escaped.
    pub fn field(inner: T) -> Shown<T> {
        Shown {
            inner,
            keep_layout: false,
        }
    }

    /// Text laid out in lines and columns: tab and newline kept, the rest escaped.
    pub fn text(inner: T) -> Shown<T> {
        Shown {
            inner,
            keep_layout: true,
        }
    }
}

impl<T: Display> Display for Shown<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = Escaper {
            out: f,
            keep_layout: self.keep_layout,
        };
        write!(out, "{}", self.inner)
    }
}

/// `text` as one field of a record, escaped.
pub fn shown(text: &str) -> String {
    Shown::field(text).to_string()
}

struct Escaper<'a, 'b> {
    out: &'a mut fmt::Formatter<'b>,
    keep_layout: bool,
}

impl Write for Escaper<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let mut rest = s;
        while let Some((at, c)) = next_unsafe(rest, self.keep_layout) {
            self.out.write_str(&rest[..at])?;
            write_escape(self.out, c)?;
            rest = &rest[at + c.len_utf8()..];
        }
        self.out.write_str(rest)
    }
}

fn write_escape(out: &mut impl Write, c: char) -> fmt::Result {
    match c {
        '\t' => out.write_str("\\t"),
        '\n' => out.write_str("\\n"),
        '\r' => out.write_str("\\r"),
        c => write!(out, "\\u{{{:x}}}", u32::from(c)),
    }
}

/// The first character `Shown` escapes, with its byte offset. Scans bytes,
/// decoding only characters whose first byte could start an unsafe one
/// (most text, Chinese included, is passed over byte by byte).
fn next_unsafe(text: &str, keep_layout: bool) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            let layout = b == b'\n' || b == b'\t';
            if (b < 0x20 && !(keep_layout && layout)) || b == 0x7f {
                return Some((i, char::from(b)));
            }
        } else if matches!(b, 0xc2 | 0xd8 | 0xe1 | 0xe2 | 0xef)
            // Lead bytes of U+0080–00BF, U+061C, U+180E, U+2000–2FFF, U+F000–FFFF.
            && let Some(c) = text.get(i..).and_then(|rest| rest.chars().next())
            && is_unsafe(c)
        {
            return Some((i, c));
        }
        i += 1;
    }
    None
}

/// Pretty JSON in which every character [`is_unsafe`] names (C1 controls and
/// bidi controls included, which JSON itself allows raw) is a `\uXXXX` escape.
pub fn to_json<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = Vec::new();
    let mut serializer = serde_json::Serializer::with_formatter(&mut out, SafeJson(PrettyFormatter::new()));
    // Serialising plain data into memory does not fail; an empty answer if it did.
    if value.serialize(&mut serializer).is_err() {
        return String::new();
    }
    String::from_utf8(out).unwrap_or_default()
}

struct SafeJson(PrettyFormatter<'static>);

type Io = std::io::Result<()>;

impl Formatter for SafeJson {
    fn write_string_fragment<W: std::io::Write + ?Sized>(&mut self, writer: &mut W, fragment: &str) -> Io {
        let mut rest = fragment;
        while let Some((at, c)) = next_unsafe(rest, false) {
            writer.write_all(&rest.as_bytes()[..at])?;
            // Every unsafe character is in the Basic Multilingual Plane.
            write!(writer, "\\u{:04x}", u32::from(c))?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }
    fn begin_array<W: std::io::Write + ?Sized>(&mut self, w: &mut W) -> Io {
        self.0.begin_array(w)
    }
    fn end_array<W: std::io::Write + ?Sized>(&mut self, w: &mut W) -> Io {
        self.0.end_array(w)
    }
    fn begin_array_value<W: std::io::Write + ?Sized>(&mut self, w: &mut W, first: bool) -> Io {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: std::io::Write + ?Sized>(&mut self, w: &mut W) -> Io {
        self.0.end_array_value(w)
    }
    fn begin_object<W: std::io::Write + ?Sized>(&mut self, w: &mut W) -> Io {
        self.0.begin_object(w)
    }
    fn end_object<W: std::io::Write + ?Sized>(&mut self, w: &mut W) -> Io {
        self.0.end_object(w)
    }
    fn begin_object_key<W: std::io::Write + ?Sized>(&mut self, w: &mut W, first: bool) -> Io {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: std::io::Write + ?Sized>(&mut self, w: &mut W) -> Io {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: std::io::Write + ?Sized>(&mut self, w: &mut W) -> Io {
        self.0.end_object_value(w)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a\x1b]0;PWNED\x07b\x1b]52;c;eA==\x07\tc\nd\u{9b}2J\u{202e}e\u{200b}\u{85}\x7f";

    fn has_unsafe(text: &str, allowed: &[char]) -> bool {
        text.chars().any(|c| is_unsafe(c) && !allowed.contains(&c))
    }

    #[test]
    fn a_field_escapes_everything_unsafe_visibly() {
        let out = shown(HOSTILE);
        assert!(!has_unsafe(&out, &[]), "{out:?}");
        assert_eq!(
            out,
            "a\\u{1b}]0;PWNED\\u{7}b\\u{1b}]52;c;eA==\\u{7}\\tc\\nd\\u{9b}2J\\u{202e}e\\u{200b}\\u{85}\\u{7f}"
        );
        assert_eq!(shown("客户/关系 管理"), "客户/关系 管理");
    }

    #[test]
    fn text_keeps_its_tabs_and_lines() {
        let out = Shown::text("id\t标题\n\x1b[2J").to_string();
        assert_eq!(out, "id\t标题\n\\u{1b}[2J");
    }

    #[test]
    fn any_display_passes_through_the_gate() {
        let path = std::path::PathBuf::from("dir/\x1b]0;x\x07.md");
        assert_eq!(Shown::field(path.display()).to_string(), "dir/\\u{1b}]0;x\\u{7}.md");
    }

    #[test]
    fn json_escapes_c0_c1_and_bidi_controls_and_reads_back() {
        let out = to_json(&[HOSTILE]);
        assert!(!has_unsafe(&out, &['\n']), "{out:?}");
        assert!(
            out.contains("\\u009b") && out.contains("\\u202e") && out.contains("\\u001b"),
            "{out}"
        );
        let back: Vec<String> = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(back, [HOSTILE]);
    }

    #[test]
    fn every_unsafe_character_is_found() {
        for c in (0..=0x3000u32).chain(0xfe00..=0xffff).filter_map(char::from_u32) {
            let text = format!("中{c}文");
            let found = next_unsafe(&text, false).map(|(_, c)| c);
            assert_eq!(found.is_some(), is_unsafe(c), "{c:?}");
        }
    }
}
