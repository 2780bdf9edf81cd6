//! The article cache: articles parsed by earlier runs, so a large folder is
//! read again only where it changed. One file per set of collection folders
//! in the platform cache folder; an entry is used only while its file keeps
//! the size, times and inode it had when it was parsed, and only by a build
//! whose parser is the same. The cache is derived data: an unreadable,
//! damaged or foreign file is ignored and rebuilt, never an error.
//!
//! The file is a header (the entry layout's version and the parser's
//! fingerprint) and then one framed `Entry` per file (length, CRC-32, then
//! the entry). Opening a cache reads the file once to index it: 16 bytes
//! per entry (a hash of its path and where it is). Each entry is then read
//! where it lies when it is used (`source`; the small entries of a part of
//! the files, side by side in the file, in a few reads: `ReadAhead`), so the
//! cache is never held in memory beside the articles made from it.
//!
//! Nothing in it is trusted blindly: every entry's checksum is verified when
//! the file is opened (a damaged entry is parsed again and the file
//! rewritten), and again when it is read; an entry is used only if its
//! path, ID and stamp are the file's, and its file was last modified before
//! the cache was written (git's rule for racy timestamps: a file rewritten
//! at the same size within the same clock tick as the cache looks unchanged
//! by its stamp, so it is read again); the file is never mapped, so a cache
//! truncated by someone else while it is in use cannot crash the process;
//! and entries are keyed by files' real paths, so `d`, `./d` and `/abs/d`
//! share them.

#[cfg(test)]
mod damage_tests;
mod entry;
#[cfg(test)]
mod find_tests;
mod housekeeping;
mod source;
mod spill;
#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::fs::File;
use std::hash::BuildHasher;
use std::path::{Path, PathBuf};

use foldhash::fast::RandomState;

use crate::i18n::Text;
use crate::library::load::prefilter::Prefilter;
use crate::library::model::article::{Body, Meta};
use entry::{EntryKey, FRAME, PARSER, Parsed, Structure};
pub use entry::{Stamp, entry_bytes};
use housekeeping::MAX_TOTAL_BYTES;
pub use housekeeping::{Usage, usage};
use source::index;
pub use source::{ReadAhead, Slot};
use spill::Spill;

/// What became of one file's entry while loading.
#[derive(Debug)]
pub enum EntryChange {
    /// Not a file from a folder: nothing to cache.
    None,
    /// The entry was still valid: write it out again as it is.
    Keep(Slot),
    /// Parsed now: the new entry (from `entry_bytes`).
    Add(Vec<u8>),
    /// An entry is gone (its file vanished or could not be cached).
    Drop,
}

/// The cache of one set of collection folders, open for one load.
#[derive(Debug)]
pub struct ArticleCache {
    file: PathBuf,
    /// The cache file read, left open: each entry is read from it where it
    /// lies when used (`source`); `None` if nothing usable was read.
    source: Option<File>,
    /// Every entry's slot by a hash of its path (foldhash: fast on short
    /// keys), sorted by hash, found in one binary search rather than by
    /// comparing long paths with a common prefix; a hash taken twice (a path
    /// twice) is in neither. The path itself is checked in the entry.
    slots: Vec<(u64, Slot)>,
    /// Entries in the file read.
    entries: usize,
    hasher: RandomState,
    /// When the file read was written (its modification time, in ns since
    /// the epoch): entries of files modified at or after it are not trusted.
    written_ns: i128,
    /// The parser's fingerprint with the rules': the header of the
    /// file written, and the only header whose entries are used.
    parser: String,
    /// The file read must be written anew (damaged, or a path twice).
    changed: bool,
    /// What became of the entries so far (`record`).
    recorded: Recorded,
}

/// Entries for the new file: slots of the file read still valid; new
/// entries go straight to the new file as they come (`Spill`), so no second
/// copy of the cache is built in memory.
#[derive(Debug, Default)]
struct Recorded {
    kept: Vec<Slot>,
    added: Option<Spill>,
    changed: bool,
}

/// The entry of a file, made from the file as it is now (`ArticleCache::fitting`).
#[derive(Debug)]
pub struct Fitting<'a> {
    /// The entry, read ahead, or its frame read alone.
    frame: Cow<'a, [u8]>,
    /// Where in `frame` the entry's `parsed` starts, after its key (read once).
    parsed_at: usize,
}

impl ArticleCache {
    /// The cache for the folders `roots` (canonical paths) in `dir`, for
    /// articles parsed under the rules of `rules` (their fingerprint, the
    /// chapter rule and ruby: `Rules::fingerprint`; a cache made under other
    /// rules is parsed anew). Nothing read yet, or nothing usable, gives an
    /// empty cache that will be written.
    pub fn open(dir: &Path, roots: &[PathBuf], rules: &str) -> ArticleCache {
        let file = file_of(dir, roots);
        remove_stale_temporaries(dir);
        let (source, written_ns) = open_cache_file(&file);
        ArticleCache::of_source(file, source, written_ns, rules)
    }

    /// Whether this is the cache `open` gives for `roots` in `dir` under `rules`.
    pub fn is_for(&self, dir: &Path, roots: &[PathBuf], rules: &str) -> bool {
        self.file == file_of(dir, roots) && self.parser == parser_of(rules)
    }

    /// A cache over `source`, the open cache file `file` as written at `written_ns`.
    fn of_source(file: PathBuf, source: Option<File>, written_ns: i128, rules: &str) -> ArticleCache {
        let parser = parser_of(rules);
        let hasher = RandomState::default();
        let mut slots = Vec::new();
        let each = |key: &EntryKey<'_>, slot| slots.push((hasher.hash_one(key.path), slot));
        let sound = source.as_ref().and_then(|mut file| {
            use std::io::Seek;
            file.rewind().ok()?;
            index(std::io::BufReader::with_capacity(64 * 1024, file), &parser, each)
        });
        let (source, mut sound) = match sound {
            Some(sound) => (source, sound),
            None => (None, true),
        };
        let entries = slots.len();
        slots.sort_unstable_by_key(|(hash, _)| *hash);
        // Two entries for one path cannot be told apart (nor, rarely, two
        // paths of one hash): neither is used; the files are parsed again.
        let mut kept = 0;
        for i in 0..slots.len() {
            let hash = slots[i].0;
            let twice = (i > 0 && slots[i - 1].0 == hash) || slots.get(i + 1).is_some_and(|next| next.0 == hash);
            if twice {
                sound = false;
            } else {
                slots[kept] = slots[i];
                kept += 1;
            }
        }
        slots.truncate(kept);
        slots.shrink_to_fit();
        ArticleCache {
            file,
            source,
            slots,
            entries,
            hasher,
            written_ns,
            parser,
            changed: !sound,
            recorded: Recorded::default(),
        }
    }

    /// The slot of the entry for the file at `key` (its real path), if the
    /// cache may have one; `fitting` checks that it is that file's.
    pub fn slot(&self, key: &str) -> Option<Slot> {
        let hash = self.hasher.hash_one(key.as_bytes());
        let at = find_hash(&self.slots, hash)?;
        Some(self.slots[at].1)
    }

    /// The entry in `slot`, read, if it was made from this very file: the
    /// same real path `key`, ID and stamp, and a file last changed before
    /// the cache was written (else a change within the same tick of the
    /// file system's clock could hide behind it). `None` too if the entry
    /// is damaged or can no longer be read whole.
    /// The entry is taken from `ahead` if it was read ahead there.
    pub fn fitting<'a>(
        &self,
        slot: Slot,
        key: &str,
        id: &str,
        stamp: Stamp,
        ahead: &'a ReadAhead,
    ) -> Option<Fitting<'a>> {
        if stamp.newest_ns() >= self.written_ns {
            return None;
        }
        let (frame, entry_at) = match ahead.entry(slot) {
            Some(entry) => (Cow::Borrowed(entry), 0),
            None => (Cow::Owned(source::frame(self.source.as_ref()?, slot)?), FRAME),
        };
        let entry = frame.get(entry_at..)?;
        let (found, parsed) = postcard::take_from_bytes::<EntryKey<'_>>(entry).ok()?;
        let fits = found.path == key.as_bytes() && found.id == id.as_bytes() && found.stamp == stamp;
        let parsed_at = entry_at + (entry.len() - parsed.len());
        fits.then_some(Fitting { frame, parsed_at })
    }

    /// The entries of `slots` read ahead, for `fitting` (see `ReadAhead`).
    pub fn read_ahead(&self, slots: impl IntoIterator<Item = Slot>) -> ReadAhead {
        match &self.source {
            Some(file) => ReadAhead::read(file, slots),
            None => ReadAhead::default(),
        }
    }

    /// Records what became of one file's entry, for `save`.
    pub fn record(&mut self, change: EntryChange) {
        let recorded = &mut self.recorded;
        match change {
            EntryChange::Keep(slot) => recorded.kept.push(slot),
            EntryChange::Add(bytes) => {
                recorded
                    .added
                    .get_or_insert_with(|| Spill::create(&self.file, &self.parser))
                    .write(&bytes);
                recorded.changed = true;
            }
            EntryChange::Drop => recorded.changed = true,
            EntryChange::None => {}
        }
    }

    /// Entries used so far (files not read again).
    pub fn reused(&self) -> usize {
        self.recorded.kept.len()
    }

    /// Writes the cache if anything changed: files parsed anew, or files gone
    /// (entries never taken). Written to a temporary file and renamed, so a
    /// reader never sees half a cache and two writers never mix theirs.
    /// Either way the file counts as used now, and the cache folder is
    /// tidied (`housekeeping`).
    pub fn save(mut self) -> std::io::Result<bool> {
        let written = self.write();
        if let Some(dir) = self.file.parent() {
            if matches!(written, Ok(false)) {
                housekeeping::touch(&self.file);
            }
            housekeeping::tidy(dir, &self.file, std::time::SystemTime::now(), MAX_TOTAL_BYTES);
        }
        written
    }

    fn write(&mut self) -> std::io::Result<bool> {
        let recorded = &mut self.recorded;
        if !self.changed && !recorded.changed && recorded.kept.len() == self.entries {
            return Ok(false);
        }
        let mut spill = recorded
            .added
            .take()
            .unwrap_or_else(|| Spill::create(&self.file, &self.parser));
        // In the file's order: one pass over it. An entry that can no longer
        // be read whole is left out (its file is parsed next time).
        recorded.kept.sort_unstable_by_key(Slot::at);
        for slot in &recorded.kept {
            if let Some(frame) = self.source.as_ref().and_then(|file| source::frame(file, *slot)) {
                spill.write(&frame);
            }
        }
        spill.finish(&self.file)?;
        Ok(true)
    }
}

impl Fitting<'_> {
    /// Whether the entry holds an article whose bytes `filter` rules out (a
    /// search could not find it); an entry that holds why its file is not
    /// an article is never ruled out, so the problem is still reported.
    pub fn ruled_out_by(&self, filter: &Prefilter) -> bool {
        // Postcard writes `Ok` as the variant 0, a single byte.
        match self.frame.get(self.parsed_at..) {
            Some([0, rest @ ..]) => !filter.may_match(rest),
            _ => false,
        }
    }

    /// The article or problem stored, built anew; `None` if the entry is
    /// damaged or holds text the parser could not have produced.
    pub fn restore(&self) -> Option<Result<(Meta, Body), Text>> {
        // The rest of an `Entry` after its key: postcard writes a struct's fields one after another.
        let parsed: Result<Parsed<'_>, [&str; 3]> = postcard::from_bytes(self.frame.get(self.parsed_at..)?).ok()?;
        match parsed {
            Err(problem) => problem_of(problem).map(Err),
            Ok(parsed) => {
                let structure: Structure = postcard::from_bytes(parsed.structure).ok()?;
                let text = simdutf8::basic::from_utf8(parsed.text).ok()?;
                let body = Body::from_parts(text.to_string(), structure.blocks, structure.spans, structure.chars);
                (body.is_sound() && parsed.meta.is_clean()).then(|| Ok((parsed.meta.to_meta(), body)))
            }
        }
    }
}

/// The cache file of the folders `roots` (canonical paths) in `dir`.
fn file_of(dir: &Path, roots: &[PathBuf]) -> PathBuf {
    let hash = crate::text::fnv1a(
        roots
            .iter()
            .flat_map(|r| r.to_string_lossy().into_owned().into_bytes().into_iter().chain([0])),
    );
    dir.join(format!("articles-{hash:016x}.cache"))
}

/// The header of a cache of articles parsed under `rules` (their fingerprint).
fn parser_of(rules: &str) -> String {
    if rules.is_empty() {
        PARSER.to_string()
    } else {
        format!("{PARSER} {rules}")
    }
}

/// Why a file is not an article, as its entry keeps it: printed, so
/// checked like the text shown; `None` for a damaged entry.
fn problem_of(forms: [&str; 3]) -> Option<Text> {
    forms
        .iter()
        .all(|form| crate::text::is_clean(form))
        .then(|| Text::from_forms(forms))
}

/// Where `hash` is in `slots` (sorted by hash). Hashes spread evenly, so
/// the search starts where `hash` would lie and widens, doubling, until it
/// brackets it: a few neighbouring reads instead of a bisection's sixteen
/// far-apart ones over 57,603 entries, each a likely cache miss.
fn find_hash<T>(slots: &[(u64, T)], hash: u64) -> Option<usize> {
    let len = slots.len();
    let guess = usize::try_from((u128::from(hash) * len as u128) >> 64).unwrap_or(len);
    let (mut lo, mut hi) = (guess.min(len), guess.saturating_add(1).min(len));
    let mut step = 1;
    while lo > 0 && slots[lo - 1].0 >= hash {
        lo = lo.saturating_sub(step);
        step *= 2;
    }
    step = 1;
    while hi < len && slots[hi].0 <= hash {
        hi = hi.saturating_add(step).min(len);
        step *= 2;
    }
    let at = lo + slots[lo..hi].binary_search_by_key(&hash, |(h, _)| *h).ok()?;
    Some(at)
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

/// The cache file, left open, and when it was written; nothing (an empty
/// cache) if it is missing, not a regular file, too large or unreadable.
fn open_cache_file(path: &Path) -> (Option<File>, i128) {
    match crate::files::open_regular(path) {
        Ok((file, meta)) if meta.len() <= MAX_CACHE_BYTES => (Some(file), Stamp::of(&meta).modified_ns()),
        _ => (None, 0),
    }
}
