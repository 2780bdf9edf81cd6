//! The cache file's layout: a header, then one framed `Entry` per file.

use std::fs::Metadata;

use serde::{Deserialize, Serialize};

use crate::i18n::Text;
use crate::library::model::article::{Block, Body, InlineSpan, Meta, MoreMeta, Order};

pub(super) const MAGIC: &[u8] = b"yuedu article cache\n";
/// Changes when the code that turns files into articles changes (build.rs);
/// a user's chapter rule is added to it (`ArticleCache::open`).
pub(super) const PARSER: &str = env!("YUEDU_PARSER_FINGERPRINT");

/// What identifies one version of a file without reading it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    modified_ns: i128,
    changed_ns: i128,
    inode: u64,
}

impl Stamp {
    /// The file's size in bytes.
    pub fn size(&self) -> u64 {
        self.len
    }

    /// The file's modification time.
    pub(super) fn modified_ns(&self) -> i128 {
        self.modified_ns
    }

    /// The later of the file's modification and change times.
    pub(super) fn newest_ns(&self) -> i128 {
        self.modified_ns.max(self.changed_ns)
    }

    /// A stamp from a file's size, modification and change times (ns since
    /// the epoch) and inode, as a directory-relative `stat` gives them.
    pub fn new(len: u64, modified_ns: i128, changed_ns: i128, inode: u64) -> Stamp {
        Stamp {
            len,
            modified_ns,
            changed_ns,
            inode,
        }
    }

    pub fn of(meta: &Metadata) -> Stamp {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            let ns = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
            Stamp {
                len: meta.len(),
                modified_ns: ns(meta.mtime(), meta.mtime_nsec()),
                changed_ns: ns(meta.ctime(), meta.ctime_nsec()),
                inode: meta.ino(),
            }
        }
        #[cfg(not(unix))]
        {
            let modified_ns = meta
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i128);
            Stamp {
                len: meta.len(),
                modified_ns,
                ..Stamp::default()
            }
        }
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct Header {
    /// The layout of `Entry`; a file of another is ignored (and rebuilt).
    pub(super) format: u32,
    pub(super) parser: String,
}

/// The layout of `Entry` this build writes and reads.
pub(super) const FORMAT: u32 = 5;
/// Before each entry: its length and its CRC-32, four bytes each.
pub(super) const FRAME: usize = 8;

/// One file's entry, as written and as read back: strings borrow from the
/// cache file, and the text and structure stay bytes of it until used (the
/// text is checked as UTF-8 then, by simdutf8).
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Entry<'a> {
    pub(super) path: &'a str,
    pub(super) id: &'a str,
    pub(super) stamp: Stamp,
    /// The article, or why the file is not one.
    #[serde(borrow)]
    pub(super) parsed: Result<Parsed<'a>, [&'a str; 3]>,
}

/// The first fields of an `Entry`, read without the rest; the path and ID
/// as the bytes they are written as (postcard writes a `&str` as bytes), only
/// compared with a file's, so never checked as UTF-8.
#[derive(Deserialize)]
pub(super) struct EntryKey<'a> {
    #[serde(with = "bytes")]
    pub(super) path: &'a [u8],
    #[serde(with = "bytes")]
    pub(super) id: &'a [u8],
    pub(super) stamp: Stamp,
}

#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Parsed<'a> {
    #[serde(borrow)]
    pub(super) meta: EntryMeta<'a>,
    #[serde(with = "bytes")]
    pub(super) text: &'a [u8],
    /// The blocks and 字数 (`Structure`), serialised on their own: a search never decodes them.
    #[serde(with = "bytes")]
    pub(super) structure: &'a [u8],
}

/// `Meta`, borrowed: written from an article's and read in place.
#[derive(Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct EntryMeta<'a> {
    pub(super) title: &'a str,
    pub(super) category: &'a str,
    pub(super) author: Option<&'a str>,
    pub(super) language: Option<&'a str>,
    pub(super) source: Option<&'a str>,
    pub(super) date: Option<&'a str>,
    #[serde(borrow)]
    pub(super) tags: Vec<&'a str>,
    pub(super) summary: Option<&'a str>,
    pub(super) order: Option<i64>,
    pub(super) reads: Option<u64>,
    pub(super) undecoded: u32,
}

impl<'a> EntryMeta<'a> {
    pub(super) fn of(meta: &'a Meta) -> EntryMeta<'a> {
        EntryMeta {
            title: &meta.title,
            category: &meta.category,
            author: meta.author.as_deref(),
            language: meta.language(),
            source: meta.source(),
            date: meta.date(),
            tags: meta.tags().iter().map(String::as_str).collect(),
            summary: meta.summary(),
            order: meta.order(),
            reads: meta.reads(),
            undecoded: meta.undecoded(),
        }
    }

    pub(super) fn to_meta(&self) -> Meta {
        let owned = |s: Option<&str>| s.map(str::to_string);
        Meta {
            title: self.title.into(),
            category: self.category.into(),
            author: self.author.map(Into::into),
            order: Order::new(self.order),
            more: MoreMeta {
                language: owned(self.language),
                source: owned(self.source),
                date: owned(self.date),
                tags: self.tags.iter().map(|t| t.to_string()).collect(),
                summary: owned(self.summary),
                reads: self.reads,
                undecoded: self.undecoded,
            }
            .boxed(),
        }
    }

    /// Whether every field is one line of sanitised text, as the parser leaves it.
    pub(super) fn is_clean(&self) -> bool {
        let clean = |s: &str| crate::text::is_clean(s) && !s.contains('\n');
        [self.title, self.category].into_iter().all(clean)
            && [self.author, self.language, self.source, self.date, self.summary]
                .into_iter()
                .flatten()
                .all(clean)
            && self.tags.iter().all(|s| clean(s))
    }
}

#[derive(Serialize, Deserialize)]
pub(super) struct Structure {
    pub(super) blocks: Vec<Block>,
    pub(super) spans: Vec<InlineSpan>,
    pub(super) chars: usize,
}

/// The framed entry of a file parsed now, under `key` (its real path).
pub fn entry_bytes(key: &str, id: &str, stamp: Stamp, parsed: Result<(&Meta, &Body), &Text>) -> Option<Vec<u8>> {
    let structure = match parsed {
        Ok((_, body)) => postcard::to_stdvec(&Structure {
            blocks: body.blocks.to_vec(),
            spans: body.spans().to_vec(),
            chars: body.char_count(),
        })
        .ok()?,
        Err(_) => Vec::new(),
    };
    let entry = Entry {
        path: key,
        id,
        stamp,
        parsed: parsed
            .map(|(meta, body)| Parsed {
                meta: EntryMeta::of(meta),
                text: body.text.as_bytes(),
                structure: &structure,
            })
            .map_err(Text::forms),
    };
    let bytes = postcard::to_stdvec(&entry).ok()?;
    let mut framed = u32::try_from(bytes.len()).ok()?.to_le_bytes().to_vec();
    framed.extend_from_slice(&crc32fast::hash(&bytes).to_le_bytes());
    framed.extend_from_slice(&bytes);
    Some(framed)
}

/// `&[u8]` written as postcard writes a `&str` or bytes (length, then the
/// bytes), not as a sequence of numbers, and read back in place.
mod bytes {
    pub fn serialize<S: serde::Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(bytes)
    }

    pub fn deserialize<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<&'de [u8], D::Error> {
        serde::Deserialize::deserialize(deserializer)
    }
}
