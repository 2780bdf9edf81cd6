//! The first screen of a large `.txt` or `.md` file without parsing all of
//! it: the file's first part, cut at a paragraph boundary, parsed as the
//! whole file is. Plain text is parsed line by line, so such a prefix parses
//! to the first blocks of the whole body, at the same byte offsets; the
//! whole article, parsed later, replaces it (`extends` checks that it holds
//! the prefix unchanged, so offsets taken in the prefix stay exact).

use std::io::Read;

use super::article::{Article, Body, Origin};
use super::formats::{ChapterRule, Format};
use super::parse::{Naming, parse_article_with};
use super::plan::{Candidate, Content};
use super::read::MAX_FILE_BYTES;

/// Files at least this large open from a prefix.
pub const PREFIX_FROM_BYTES: usize = 256 * 1024;
/// About how much of the file the prefix holds: many screens of text.
const PREFIX_BYTES: usize = 64 * 1024;

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
    let mut bytes = Vec::with_capacity(2 * PREFIX_BYTES);
    file.take(2 * PREFIX_BYTES as u64).read_to_end(&mut bytes).ok()?;
    let origin = candidate.origin();
    parse_prefix(
        &candidate.id,
        &candidate.relative(),
        &bytes,
        origin,
        &candidate.chapters,
    )
}

/// The article of the first part of a large `.txt` or `.md` file (`bytes`
/// may be only the file's first part, at least `PREFIX_BYTES` of it), cut
/// after a paragraph; `None` for other formats, for files too small to
/// need it and for text with no safe place to cut.
pub fn parse_prefix(id: &str, relative: &str, bytes: &[u8], origin: Origin, chapters: &ChapterRule) -> Option<Article> {
    let format = Format::of(relative).unwrap_or(Format::Markdown);
    if !matches!(format, Format::Plain | Format::Markdown) {
        return None;
    }
    let cut = prefix_cut(bytes, PREFIX_BYTES, format)?;
    parse_article_with(id, relative, &bytes[..cut], origin, chapters, Naming::Prefix).ok()
}

/// Where the prefix of `bytes` ends, at most `about` bytes in (and at most
/// twice that when no paragraph ends earlier): after the blank line that
/// ends a paragraph, in the raw bytes. Line breaks and spaces are the same
/// bytes in UTF-8, GB18030, GBK and Big5 and never part of another
/// character there, so the cut is on a character boundary; UTF-16 files
/// (with a BOM) are not cut.
pub(crate) fn prefix_cut(bytes: &[u8], about: usize, format: Format) -> Option<usize> {
    if bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff]) {
        return None;
    }
    if bytes.len() <= about {
        return None;
    }
    let window = &bytes[..bytes.len().min(2 * about)];
    // Line starts after the first half of the window, then before it.
    let starts = line_starts(window);
    let blank_line_ends = starts
        .windows(2)
        .filter(|pair| is_blank(&window[pair[0]..pair[1]]))
        .map(|pair| pair[1]);
    let candidates: Vec<usize> = blank_line_ends
        .filter(|&end| end < window.len() && safe_next_line(&window[end..], format))
        .collect();
    // A file without blank lines has a paragraph on each line (plain text only).
    let candidates = if candidates.is_empty() && format == Format::Plain && !has_blank_line(bytes) {
        starts.into_iter().filter(|&s| s > 0 && s < window.len()).collect()
    } else {
        candidates
    };
    let fenced = |end: usize| format == Format::Markdown && fence_open(&bytes[..end]);
    let best = candidates.iter().rev().find(|&&c| c <= about && !fenced(c));
    best.or_else(|| candidates.iter().find(|&&c| !fenced(c))).copied()
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

/// Whether the whole file holds a blank line between two lines of text (a
/// plain-text file with one cuts paragraphs only at blank lines).
fn has_blank_line(bytes: &[u8]) -> bool {
    let starts = line_starts(bytes);
    starts.windows(2).any(|pair| is_blank(&bytes[pair[0]..pair[1]]))
}

/// Whether the line after a cut starts a new paragraph whatever came
/// before: text at the margin, not a list item, quote, table, code or
/// indented continuation that Markdown might join to what is above.
fn safe_next_line(next: &[u8], format: Format) -> bool {
    let Some(&first) = next.first() else {
        return false;
    };
    match format {
        Format::Markdown => first >= 0x80 || first.is_ascii_alphabetic() || first == b'#',
        _ => !is_blank(&next[..memchr::memchr(b'\n', next).map_or(next.len(), |i| i + 1)]),
    }
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
            .all(|(f, p)| f.range() == p.range() && f.depth == p.depth && f.inline == p.inline)
}

#[cfg(test)]
#[path = "prefix_tests.rs"]
mod tests;
