//! The first screen of a large `.txt` or `.md` file without parsing all of
//! it: the file's first part, cut at a paragraph boundary, parsed as the
//! whole file is. Plain text is parsed line by line, so such a prefix parses
//! to the first blocks of the whole body, at the same byte offsets; the
//! whole article, parsed later, replaces it (`extends` checks that it holds
//! the prefix unchanged, so offsets taken in the prefix stay exact).

use std::io::Read;

use crate::library::formats::MAX_FILE_BYTES;
use crate::library::formats::parse::Rules;
use crate::library::formats::parse::{Naming, parse_article_with};
use crate::library::formats::{ChapterRule, Format};
use crate::library::load::candidate::{Candidate, Content};
use crate::library::model::article::{Article, Body, Origin};

/// Files at least this large open from a prefix.
pub const PREFIX_FROM_BYTES: usize = 256 * 1024;
/// How much of the file the prefix holds at least, where it can: the
/// sample the shape of its lines is decided on (plain text, and Markdown
/// written as a novel's indented lines), so that the first part is read in
/// the shape of the whole; four screens of text (35 rows of 40 汉字 are
/// 4 KB), read and parsed in about a tenth of a millisecond.
const PREFIX_BYTES: usize = crate::library::formats::plain::SAMPLE_BYTES;
/// How much of the file is read to find where its first part ends: a
/// paragraph may run on far past the sample.
const WINDOW_BYTES: usize = 4 * PREFIX_BYTES;

/// The article of the first part of the large `.txt` or `.md` file
/// `candidate` names, read without reading the rest; `None` for anything
/// else (a small file, another format, a file too large to be read whole).
pub fn read_prefix(candidate: &Candidate) -> Option<Article> {
    let Content::Path(path) = &candidate.content else {
        return None;
    };
    let (file, meta) = crate::files::open_regular(path).ok()?;
    if !meta.is_file() || meta.len() < PREFIX_FROM_BYTES as u64 || meta.len() > MAX_FILE_BYTES {
        return None;
    }
    let mut bytes = Vec::with_capacity(WINDOW_BYTES);
    file.take(WINDOW_BYTES as u64).read_to_end(&mut bytes).ok()?;
    let origin = candidate.origin();
    parse_prefix(&candidate.id, &candidate.relative(), &bytes, origin, &candidate.rules)
}

/// The article of the first part of a large `.txt` or `.md` file (`bytes`
/// may be only the file's first part, `WINDOW_BYTES` of it), cut after a
/// paragraph; `None` for other formats, for files too small to need it and
/// for text with no safe place to cut.
pub fn parse_prefix(id: &str, relative: &str, bytes: &[u8], origin: Origin, rules: &Rules) -> Option<Article> {
    let format = Format::of(relative).unwrap_or(Format::Markdown);
    let kind = match format {
        Format::Markdown => Cuts::Markdown,
        Format::Plain => Cuts::Plain {
            every_line: lines_are_paragraphs(bytes, &rules.chapters),
        },
        Format::Html | Format::Epub => return None,
    };
    let cut = prefix_cut(bytes, PREFIX_BYTES, kind)?;
    parse_article_with(id, relative, &bytes[..cut], origin, rules, Naming::Prefix).ok()
}

/// Where a file's paragraphs may be cut apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cuts {
    /// After a blank line, before text at the margin, outside a code fence.
    Markdown,
    /// After a blank line or before an indented line, and before any line
    /// when `every_line` is a paragraph (`plain::Shape::Lines`). Never
    /// short of the length aimed at: the shape of the lines is decided on
    /// the first `plain::SAMPLE_BYTES` of the text, which the prefix must
    /// hold to be read in the shape of the whole.
    Plain { every_line: bool },
}

/// Whether each line of the plain text that `bytes` start is a paragraph,
/// by the shape of its first lines (the whole file's shape: the same lines
/// decide it).
fn lines_are_paragraphs(bytes: &[u8], chapters: &ChapterRule) -> bool {
    let text = crate::text::sanitize_cow(crate::library::formats::decode::decode_text(bytes).text);
    crate::library::formats::plain::Shape::of(&text, chapters) == crate::library::formats::plain::Shape::Lines
}

/// Where the prefix of `bytes` ends: at the first place to cut after which
/// its text holds at least `about` bytes (the raw bytes less a byte order
/// mark and the `\r` of each CRLF, which the text leaves out), at most four
/// times `about` in, after the end of a paragraph in the raw bytes;
/// Markdown, when no paragraph ends there, at the last place before. Other
/// bytes the text leaves out (control characters, escape sequences) are too
/// rare in text to count. Line breaks and spaces are the same
/// bytes in UTF-8, GB18030, GBK and Big5 and never part of another
/// character there, so the cut is on a character boundary; UTF-16 files
/// (with a BOM) are not cut.
pub fn prefix_cut(bytes: &[u8], about: usize, cuts: Cuts) -> Option<usize> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return None;
    }
    if bytes.len() <= about {
        return None;
    }
    let window = &bytes[..bytes.len().min(4 * about)];
    let starts = line_starts(window);
    let inside = |at: usize| at > 0 && at < window.len();
    let candidates: Vec<usize> = match cuts {
        Cuts::Markdown => blank_line_ends(window, &starts)
            .filter(|&end| inside(end) && starts_at_margin(&window[end..]))
            .collect(),
        Cuts::Plain { every_line: true } => starts
            .iter()
            .copied()
            .filter(|&s| inside(s) && !is_blank(line_at(window, s)))
            .collect(),
        Cuts::Plain { every_line: false } => {
            let after_blank =
                blank_line_ends(window, &starts).filter(|&end| inside(end) && !is_blank(line_at(window, end)));
            let indented = starts
                .iter()
                .copied()
                .filter(|&s| inside(s) && starts_indented(&window[s..]));
            let mut all: Vec<usize> = after_blank.chain(indented).collect();
            all.sort_unstable();
            all.dedup();
            all
        }
    };
    let usable = |c: usize| !(cuts == Cuts::Markdown && fence_open(&bytes[..c]));
    let bom = if bytes.starts_with(&[0xef, 0xbb, 0xbf]) { 3 } else { 0 };
    let holds_about = |c: usize| c - bom - memchr::memchr_iter(b'\r', &bytes[..c]).count() >= about;
    let after = candidates.iter().find(|&&c| c >= about && holds_about(c) && usable(c));
    let before = || match cuts {
        Cuts::Markdown => candidates.iter().rev().find(|&&c| c < about && usable(c)),
        Cuts::Plain { .. } => None,
    };
    after.or_else(before).copied()
}

/// Offsets just after each blank line of `window` (`starts`: its line starts).
fn blank_line_ends<'a>(window: &'a [u8], starts: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    starts
        .windows(2)
        .filter(|pair| is_blank(&window[pair[0]..pair[1]]))
        .map(|pair| pair[1])
}

/// The line of `bytes` that starts at `start`, with its `\n`.
fn line_at(bytes: &[u8], start: usize) -> &[u8] {
    let rest = &bytes[start..];
    &rest[..memchr::memchr(b'\n', rest).map_or(rest.len(), |i| i + 1)]
}

/// Whether a line starts with an indent (`plain::is_indented`): two spaces,
/// a tab, or an ideographic space in UTF-8, GB18030 or Big5.
fn starts_indented(line: &[u8]) -> bool {
    line.starts_with(b"  ")
        || line.starts_with(b"\t")
        || line.starts_with(&[0xe3, 0x80, 0x80])
        || line.starts_with(&[0xa1, 0xa1])
        || line.starts_with(&[0xa1, 0x40])
        || line.starts_with(&[0xc2, 0xa0, 0xc2, 0xa0])
}

/// Byte offsets where lines start (0 and after each `\n`), and the end.
fn line_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
    if starts.last() != Some(&bytes.len()) {
        starts.push(bytes.len());
    }
    starts
}

/// Whether a line (with its `\n`) holds only spaces, tabs, `\r` and
/// ideographic spaces (U+3000 in UTF-8, GB18030 and Big5).
fn is_blank(line: &[u8]) -> bool {
    let mut rest = line;
    while let Some((&b, tail)) = rest.split_first() {
        rest = match b {
            b' ' | b'\t' | b'\r' | b'\n' => tail,
            _ if rest.starts_with(&[0xe3, 0x80, 0x80]) => &rest[3..],
            _ if rest.starts_with(&[0xa1, 0xa1]) || rest.starts_with(&[0xa1, 0x40]) => &rest[2..],
            _ => return false,
        };
    }
    true
}

/// Whether the Markdown line after a cut starts a new paragraph whatever
/// came before: text at the margin, not a list item, quote, table, code or
/// indented continuation that Markdown might join to what is above.
fn starts_at_margin(next: &[u8]) -> bool {
    next.first()
        .is_some_and(|&first| first >= 0x80 || first.is_ascii_alphabetic() || first == b'#')
}

/// Whether a Markdown code fence (a line starting with ``` or ~~~) is open
/// at the end of `text`.
fn fence_open(text: &[u8]) -> bool {
    let starts = line_starts(text);
    let fences = starts
        .iter()
        .filter(|&&s| {
            let line = &text[s..];
            let line = &line[line.iter().take(3).take_while(|&&b| b == b' ').count()..];
            line.starts_with(b"```") || line.starts_with(b"~~~")
        })
        .count();
    fences % 2 == 1
}

/// Whether `full` holds `prefix` unchanged at its start: the same text and
/// the same blocks at the same byte offsets, so any offset taken in the
/// prefix means the same place in `full`. A block's kind may differ: a
/// book's chapter lines are headings once the whole book shows two of
/// them, at levels set by all its headings.
pub fn extends(full: &Body, prefix: &Body) -> bool {
    full.text.starts_with(&*prefix.text)
        && full.blocks.len() >= prefix.blocks.len()
        && full
            .blocks
            .iter()
            .zip(&prefix.blocks)
            .all(|(f, p)| f.range() == p.range() && f.depth() == p.depth() && full.inline(f) == prefix.inline(p))
}

#[cfg(test)]
#[path = "prefix_tests.rs"]
mod tests;
