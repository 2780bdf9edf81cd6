//! The article cache: articles parsed by earlier runs, so a large folder is
//! read again only where it changed. One file per set of collection folders
//! in the platform cache folder; an entry is used only while its file keeps
//! the size, times and inode it had when it was parsed, and only by a build
//! whose parser is the same. The cache is derived data: an unreadable,
//! damaged or foreign file is ignored and rebuilt, never an error.
//!
//! The file is a header (the entry layout's version and the parser's
//! fingerprint) and then one framed `Entry` per file (length, CRC-32, then
//! the entry). Entries are read in place: opening the file allocates nothing
//! per entry, and a search reads titles and texts (`CachedArticle`) without
//! building articles at all.
//!
//! Nothing in it is trusted blindly: every entry's checksum is verified when
//! the file is opened (a damaged entry is parsed again and the file
//! rewritten); an entry is used only if its file was last modified before
//! the cache was written (git's rule for racy timestamps: a file rewritten
//! at the same size within the same clock tick as the cache looks unchanged
//! by its stamp, so it is read again); the file is read into memory, not
//! mapped, so a cache truncated by someone else while it is in use cannot
//! crash the process; and entries are keyed by files' real paths, so `d`,
//! `./d` and `/abs/d` share them.

#[cfg(test)]
mod damage_tests;
mod entry;
mod housekeeping;
mod spill;
#[cfg(test)]
mod tests;

use std::hash::BuildHasher;

use foldhash::HashMap;
use foldhash::fast::RandomState;
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use super::article::{Body, Document, Meta};
use entry::{Entry, EntryKey, FRAME, PARSER, Structure, index};
pub use entry::{Stamp, entry_bytes};
use housekeeping::MAX_TOTAL_BYTES;
pub use housekeeping::{Usage, usage};
use spill::Spill;

/// Where one file's entry is in the cache file: ranges of the file, so
/// opening a cache allocates nothing per entry but this (24 bytes; a cache
/// is far below 4 GiB). The file's stamp is read from the entry when asked.
#[derive(Clone, Debug)]
pub struct Slot {
    path: Range<u32>,
    id: Range<u32>,
    bytes: Range<u32>,
}

impl Slot {
    /// `None` for a range past 4 GiB.
    pub(super) fn new(path: Range<usize>, id: Range<usize>, bytes: Range<usize>) -> Option<Slot> {
        let narrow = |r: Range<usize>| Some(u32::try_from(r.start).ok()?..u32::try_from(r.end).ok()?);
        Some(Slot {
            path: narrow(path)?,
            id: narrow(id)?,
            bytes: narrow(bytes)?,
        })
    }

    fn path(&self) -> Range<usize> {
        wide(&self.path)
    }

    fn id(&self) -> Range<usize> {
        wide(&self.id)
    }

    /// The entry (after its frame).
    pub(super) fn bytes(&self) -> Range<usize> {
        wide(&self.bytes)
    }
}

fn wide(range: &Range<u32>) -> Range<usize> {
    range.start as usize..range.end as usize
}

/// What became of one file's entry while loading.
#[derive(Debug)]
pub enum Change {
    /// Not a file from a folder: nothing to cache.
    None,
    /// The entry was still valid: write it out again as it is.
    Keep(Slot),
    /// Parsed now: the new entry (from `entry_bytes`).
    Add(Vec<u8>),
    /// An entry is gone (its file vanished or could not be cached).
    Drop,
}

/// An article read in place from the cache: what search, its ranking and its
/// output need.
#[derive(Debug)]
pub struct CachedArticle<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub category: &'a str,
    pub order: Option<i64>,
    pub author: Option<&'a str>,
    pub tags: Vec<&'a str>,
    pub summary: Option<&'a str>,
    pub text: &'a str,
}

impl Document for CachedArticle<'_> {
    fn id(&self) -> &str {
        self.id
    }
    fn title(&self) -> &str {
        self.title
    }
    fn category(&self) -> &str {
        self.category
    }
    fn text(&self) -> &str {
        self.text
    }
    fn author(&self) -> Option<&str> {
        self.author
    }
    fn tag(&self, i: usize) -> Option<&str> {
        self.tags.get(i).copied()
    }
    fn summary(&self) -> Option<&str> {
        self.summary
    }
}

/// In `ArticleCache::lookup`: no slot is used for this hash.
const NOT_USED: u32 = u32::MAX;

/// The cache of one set of collection folders, open for one load.
#[derive(Debug)]
pub struct ArticleCache {
    file: PathBuf,
    /// The file as read, and where each path's entry is in it (by path).
    read: Vec<u8>,
    slots: Vec<Slot>,
    /// Each slot's place in `slots` by a hash of its path (foldhash: fast
    /// on short keys), found in one step rather than by comparing long paths
    /// with a common prefix; `NOT_USED` for a path or hash taken twice.
    lookup: HashMap<u64, u32>,
    hasher: RandomState,
    /// When the file read was written (its modification time, in ns since
    /// the epoch): entries of files modified at or after it are not trusted.
    written_ns: i128,
    /// The parser's fingerprint with the chapter rule's: the header of the
    /// file written, and the only header whose entries are used.
    parser: String,
    /// The file read must be written anew (damaged, or a path twice).
    changed: bool,
    /// What became of the entries so far (`record`), behind a lock so that
    /// a search records entries while its documents borrow the cache.
    recorded: Mutex<Recorded>,
}

/// Entries for the new file: ranges of `read` still valid; new entries go
/// straight to the new file as they come (`Spill`), so no second copy of
/// the cache is built in memory.
#[derive(Debug, Default)]
struct Recorded {
    kept: Vec<Range<u32>>,
    added: Option<Spill>,
    changed: bool,
}

impl ArticleCache {
    /// The cache for the folders `roots` (canonical paths) in `dir`, for
    /// articles parsed with the chapter rule of `chapters` (its fingerprint;
    /// a cache made under another rule is parsed anew). Nothing read yet, or
    /// nothing usable, gives an empty cache that will be written.
    pub fn open(dir: &Path, roots: &[PathBuf], chapters: &str) -> ArticleCache {
        let hash = crate::text::fnv1a(
            roots
                .iter()
                .flat_map(|r| r.to_string_lossy().into_owned().into_bytes().into_iter().chain([0])),
        );
        let file = dir.join(format!("articles-{hash:016x}.cache"));
        remove_stale_temporaries(dir);
        let (read, written_ns) = read_cache_file(&file);
        ArticleCache::of_bytes(file, read, written_ns, chapters)
    }

    /// A cache over `read`, the bytes of `file` as written at `written_ns`.
    fn of_bytes(file: PathBuf, read: Vec<u8>, written_ns: i128, chapters: &str) -> ArticleCache {
        let parser = if chapters.is_empty() {
            PARSER.to_string()
        } else {
            format!("{PARSER} chapters {chapters}")
        };
        let (slots, mut sound) = index(&read, &parser).unwrap_or_default();
        let hasher = RandomState::default();
        let mut lookup = HashMap::with_capacity_and_hasher(slots.len(), RandomState::default());
        for (n, slot) in slots.iter().enumerate() {
            let n = u32::try_from(n).unwrap_or(NOT_USED);
            lookup
                .entry(hasher.hash_one(&read[slot.path()]))
                .and_modify(|taken| {
                    // Two entries for one path cannot be told apart (nor two
                    // paths of one hash): neither is used; the files are parsed.
                    sound &= slots
                        .get(*taken as usize)
                        .is_some_and(|other| read[other.path()] != read[slot.path()]);
                    *taken = NOT_USED;
                })
                .or_insert(n);
        }
        ArticleCache {
            lookup,
            hasher,
            file,
            parser,
            changed: !sound,
            slots,
            read,
            written_ns,
            recorded: Mutex::default(),
        }
    }

    fn find(&self, path: &str) -> Option<usize> {
        let n = *self.lookup.get(&self.hasher.hash_one(path.as_bytes()))? as usize;
        let slot = self.slots.get(n)?;
        (self.read.get(slot.path())? == path.as_bytes()).then_some(n)
    }

    /// The slot for the file at `path`, left in place.
    pub fn slot(&self, path: &str) -> Option<&Slot> {
        self.slots.get(self.find(path)?)
    }

    /// Whether `slot` was made from this very file: the same stamp, and a
    /// file last changed before the cache was written (else a change within
    /// the same tick of the file system's clock could hide behind it).
    pub fn fits(&self, slot: &Slot, id: &str, stamp: Stamp) -> bool {
        stamp.newest_ns() < self.written_ns
            && self.read.get(slot.id()) == Some(id.as_bytes())
            && self
                .read
                .get(slot.bytes())
                .and_then(|entry| postcard::take_from_bytes::<EntryKey<'_>>(entry).ok())
                .is_some_and(|(key, _)| key.stamp == stamp)
    }

    /// The article or problem stored in `slot`, built anew; `None` if the
    /// entry is damaged or holds text the parser could not have produced.
    pub fn restore(&self, slot: &Slot) -> Option<Result<(Meta, Body), String>> {
        match self.entry(slot)?.parsed {
            Err(problem) => crate::text::is_clean(problem).then(|| Err(problem.to_string())),
            Ok(parsed) => {
                let structure: Structure = postcard::from_bytes(parsed.structure).ok()?;
                let text = simdutf8::basic::from_utf8(parsed.text).ok()?;
                let body = Body::from_parts(text.to_string(), structure.blocks, structure.chars);
                (body.is_sound() && parsed.meta.is_clean()).then(|| Ok((parsed.meta.to_meta(), body)))
            }
        }
    }

    /// The article (or the problem) stored in `slot`, read in place; `None`
    /// for a damaged entry. Its metadata is checked; its text is not (that
    /// would cost as much as building it): whoever shows it checks it.
    pub fn view(&self, slot: &Slot) -> Option<Result<CachedArticle<'_>, &str>> {
        let entry = self.entry(slot)?;
        match entry.parsed {
            // Problems are printed: they are checked like the text shown.
            Err(problem) => crate::text::is_clean(problem).then_some(Err(problem)),
            Ok(parsed) => {
                let text = simdutf8::basic::from_utf8(parsed.text).ok()?;
                let meta = parsed.meta;
                let clean = |s: &str| crate::text::is_clean(s) && !s.contains('\n');
                (clean(entry.id) && clean(meta.title) && clean(meta.category)).then_some(Ok(CachedArticle {
                    id: entry.id,
                    title: meta.title,
                    category: meta.category,
                    order: meta.order,
                    author: meta.author,
                    tags: meta.tags,
                    summary: meta.summary,
                    text,
                }))
            }
        }
    }

    /// The entry in `slot`; `None` if it is damaged.
    fn entry(&self, slot: &Slot) -> Option<Entry<'_>> {
        postcard::from_bytes(self.read.get(slot.bytes())?).ok()
    }

    /// Records what became of one file's entry, for `save`.
    pub fn record(&self, change: Change) {
        let mut recorded = self.recorded();
        match change {
            Change::Keep(slot) => recorded.kept.push(slot.bytes),
            Change::Add(bytes) => {
                recorded
                    .added
                    .get_or_insert_with(|| Spill::create(&self.file, &self.parser))
                    .write(&bytes);
                recorded.changed = true;
            }
            Change::Drop => recorded.changed = true,
            Change::None => {}
        }
    }

    fn recorded(&self) -> std::sync::MutexGuard<'_, Recorded> {
        self.recorded.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Entries used so far (files not read again).
    pub fn reused(&self) -> usize {
        self.recorded().kept.len()
    }

    /// Writes the cache if anything changed: files parsed anew, or files gone
    /// (entries never taken). Written to a temporary file and renamed, so a
    /// reader never sees half a cache and two writers never mix theirs.
    /// Either way the file counts as used now, and the cache folder is
    /// tidied (`housekeeping`).
    pub fn save(self) -> std::io::Result<bool> {
        let written = self.write();
        if let Some(dir) = self.file.parent() {
            if matches!(written, Ok(false)) {
                housekeeping::touch(&self.file);
            }
            housekeeping::tidy(dir, &self.file, std::time::SystemTime::now(), MAX_TOTAL_BYTES);
        }
        written
    }

    fn write(&self) -> std::io::Result<bool> {
        let mut recorded = self.recorded();
        if !self.changed && !recorded.changed && recorded.kept.len() == self.slots.len() {
            return Ok(false);
        }
        let mut spill = recorded
            .added
            .take()
            .unwrap_or_else(|| Spill::create(&self.file, &self.parser));
        for range in recorded.kept.iter().map(wide) {
            spill.write(self.read.get(range.start - FRAME..range.end).unwrap_or_default());
        }
        spill.finish(&self.file)?;
        Ok(true)
    }
}

/// Removes the temp files of cache writers that were killed (their process
/// is gone, or an hour has passed: a cache is written in seconds).
fn remove_stale_temporaries(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let pid = name
            .to_str()
            .filter(|n| n.starts_with("articles-"))
            .and_then(|n| n.rsplit_once(".tmp-"))
            .and_then(|(_, pid)| pid.parse::<u32>().ok());
        let Some(pid) = pid else { continue };
        let gone = cfg!(target_os = "linux") && !Path::new("/proc").join(pid.to_string()).exists();
        let old = entry
            .metadata()
            .and_then(|m| m.modified())
            .is_ok_and(|t| t.elapsed().is_ok_and(|age| age.as_secs() > 3600));
        if pid != std::process::id() && (gone || old) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// Far more than the cache of any collection a person reads.
const MAX_CACHE_BYTES: u64 = 2 << 30;

/// The bytes of the cache file and when it was written; nothing (an empty
/// cache) if it is missing, not a regular file, too large or unreadable.
/// Read whole rather than mapped: a mapped file cut short by someone else
/// while in use kills the process with SIGBUS; a copy cannot change.
fn read_cache_file(path: &Path) -> (Vec<u8>, i128) {
    let Ok((file, meta)) = crate::files::open_regular(path) else {
        return (Vec::new(), 0);
    };
    let written_ns = Stamp::of(&meta).modified_ns();
    match crate::files::read_open(file, &meta, MAX_CACHE_BYTES) {
        Ok(bytes) => (bytes, written_ns),
        Err(_) => (Vec::new(), 0),
    }
}
