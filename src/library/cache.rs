//! The article cache: articles parsed by earlier runs, so a large folder is
//! read again only where it changed. One file per set of collection folders
//! in the platform cache folder; an entry is used only while its file keeps
//! the size, times and inode it had when it was parsed, and only by a build
//! whose parser is the same. The cache is derived data: an unreadable,
//! damaged or foreign file is ignored and rebuilt, never an error.
//!
//! The file is a header and then one framed entry per file (length, then the
//! entry), so opening it reads only each entry's path and stamp, and a search
//! can read titles and texts in place (`CachedArticle`) without building
//! articles at all.

use std::fs::Metadata;
use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::article::{Block, Body, Document, Meta};

const MAGIC: &[u8] = b"yuedu article cache\n";
/// Changes when the code that turns files into articles changes (build.rs).
const PARSER: &str = env!("YUEDU_PARSER_FINGERPRINT");

/// What identifies one version of a file without reading it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    len: u64,
    modified_ns: i128,
    changed_ns: i128,
    inode: u64,
}

impl Stamp {
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
struct Header {
    parser: String,
}

/// One file's entry. The first three fields alone are read when the cache is
/// opened (`EntryKey`).
#[derive(Serialize)]
struct Entry<'a> {
    path: &'a str,
    id: &'a str,
    stamp: Stamp,
    #[serde(borrow)]
    parsed: Result<Parsed<'a>, &'a str>,
}

/// An entry as read back: text and structure stay bytes of the cache file
/// until used (the text is checked as UTF-8 then, by simdutf8).
#[derive(Deserialize)]
struct EntryView<'a> {
    // Read past: the slot already holds them.
    _path: &'a str,
    id: &'a str,
    _stamp: Stamp,
    #[serde(borrow)]
    parsed: Result<ParsedView<'a>, &'a str>,
}

/// `ParsedView` with metadata built, for `restore`.
#[derive(Deserialize)]
struct ParsedOwned<'a> {
    meta: Meta,
    text: &'a [u8],
    structure: &'a [u8],
}

#[derive(Deserialize)]
struct EntryOwned<'a> {
    _path: &'a str,
    _id: &'a str,
    _stamp: Stamp,
    #[serde(borrow)]
    parsed: Result<ParsedOwned<'a>, &'a str>,
}

#[derive(Deserialize)]
struct ParsedView<'a> {
    #[serde(borrow)]
    meta: MetaView<'a>,
    text: &'a [u8],
    _structure: &'a [u8],
}

/// `Meta` as written, read in place: the same fields in the same order
/// (a test holds the two together).
#[derive(Debug, Deserialize, PartialEq, Eq)]
struct MetaView<'a> {
    title: &'a str,
    category: &'a str,
    author: Option<&'a str>,
    source: Option<&'a str>,
    date: Option<&'a str>,
    #[serde(borrow)]
    tags: Vec<&'a str>,
    summary: Option<&'a str>,
    order: Option<i64>,
    reads: Option<u64>,
}

#[derive(Serialize, Deserialize)]
struct EntryKey<'a> {
    path: &'a str,
    id: &'a str,
    stamp: Stamp,
}

#[derive(Serialize)]
struct Parsed<'a> {
    meta: &'a Meta,
    text: &'a str,
    /// The blocks and 字数, serialised on their own: a search never decodes them.
    #[serde(with = "bytes")]
    structure: &'a [u8],
}

#[derive(Serialize, Deserialize)]
struct Structure {
    blocks: Vec<Block>,
    chars: usize,
}

/// Where one file's entry is in the cache file, and what it was made from:
/// ranges of the file, so opening a cache allocates nothing per entry.
#[derive(Clone, Debug)]
pub struct Slot {
    path: Range<usize>,
    id: Range<usize>,
    stamp: Stamp,
    bytes: Range<usize>,
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
}

/// The cache of one set of collection folders, open for one load.
#[derive(Debug)]
pub struct ArticleCache {
    file: PathBuf,
    /// The file as read, and where each path's entry is in it (by path).
    read: FileBytes,
    slots: Vec<Slot>,
    /// Entries for the new file: ranges of `read` still valid, and new entries.
    kept: Vec<Range<usize>>,
    added: Vec<u8>,
    changed: bool,
}

impl ArticleCache {
    /// The cache for the folders `roots` (canonical paths) in `dir`. Nothing
    /// read yet, or nothing usable, gives an empty cache that will be written.
    pub fn open(dir: &Path, roots: &[PathBuf]) -> ArticleCache {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        for byte in roots
            .iter()
            .flat_map(|r| r.to_string_lossy().into_owned().into_bytes().into_iter().chain([0]))
        {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        let file = dir.join(format!("articles-{hash:016x}.cache"));
        let read = FileBytes::of(&file);
        let slots = index(&read);
        ArticleCache {
            file,
            changed: slots.is_none(),
            slots: slots.unwrap_or_default(),
            read,
            kept: Vec::new(),
            added: Vec::new(),
        }
    }

    fn find(&self, path: &str) -> Option<usize> {
        self.slots
            .binary_search_by(|slot| self.read[slot.path.clone()].cmp(path.as_bytes()))
            .ok()
    }

    /// The slot for the file at `path`, left in place.
    pub fn slot(&self, path: &str) -> Option<&Slot> {
        self.slots.get(self.find(path)?)
    }

    /// Whether `slot` was made from this very file.
    pub fn fits(&self, slot: &Slot, id: &str, stamp: Stamp) -> bool {
        slot.stamp == stamp && self.read.get(slot.id.clone()) == Some(id.as_bytes())
    }

    /// The article or problem stored in `slot`, built anew; `None` if the
    /// entry is damaged or holds text the parser could not have produced.
    pub fn restore(&self, slot: &Slot) -> Option<Result<(Meta, Body), String>> {
        let entry: EntryOwned<'_> = postcard::from_bytes(self.read.get(slot.bytes.clone())?).ok()?;
        match entry.parsed {
            Err(problem) => crate::text::is_clean(problem).then(|| Err(problem.to_string())),
            Ok(parsed) => {
                let structure: Structure = postcard::from_bytes(parsed.structure).ok()?;
                let text = simdutf8::basic::from_utf8(parsed.text).ok()?;
                let body = Body::from_parts(text.to_string(), structure.blocks, structure.chars);
                (body.is_sound() && meta_is_clean(&parsed.meta)).then_some(Ok((parsed.meta, body)))
            }
        }
    }

    /// The article (or the problem) stored in `slot`, read in place; `None`
    /// for a damaged entry. Its metadata is checked; its text is not (that
    /// would cost as much as building it): whoever shows it checks it.
    pub fn view(&self, slot: &Slot) -> Option<Result<CachedArticle<'_>, &str>> {
        let entry: EntryView<'_> = postcard::from_bytes(self.read.get(slot.bytes.clone())?).ok()?;
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
                    text,
                }))
            }
        }
    }

    /// Records what became of one file's entry, for `save`.
    pub fn record(&mut self, change: Change) {
        match change {
            Change::Keep(slot) => self.kept.push(slot.bytes),
            Change::Add(bytes) => {
                self.added.extend_from_slice(&bytes);
                self.changed = true;
            }
            Change::Drop => self.changed = true,
            Change::None => {}
        }
    }

    /// Entries used so far (files not read again).
    pub fn reused(&self) -> usize {
        self.kept.len()
    }

    /// Writes the cache if anything changed: files parsed anew, or files gone
    /// (entries never taken). Written to a temporary file and renamed, so a
    /// reader never sees half a cache and two writers never mix theirs.
    pub fn save(self) -> std::io::Result<bool> {
        if !self.changed && self.kept.len() == self.slots.len() {
            return Ok(false);
        }
        let dir = self.file.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let header = Header {
            parser: PARSER.to_string(),
        };
        let mut bytes = postcard::to_extend(&header, MAGIC.to_vec()).map_err(std::io::Error::other)?;
        for range in &self.kept {
            bytes.extend_from_slice(self.read.get(range.start - 4..range.end).unwrap_or_default());
        }
        bytes.extend_from_slice(&self.added);
        let temporary = self.file.with_extension(format!("tmp-{}", std::process::id()));
        std::fs::write(&temporary, &bytes)?;
        std::fs::rename(&temporary, &self.file).inspect_err(|_| {
            let _ = std::fs::remove_file(&temporary);
        })?;
        Ok(true)
    }
}

/// The bytes of a cache file: mapped (a large collection's cache is read in
/// place, with no copy and no fresh pages to fault in), or read.
#[derive(Debug)]
enum FileBytes {
    Mapped(memmap2::Mmap),
    Read(Vec<u8>),
}

impl FileBytes {
    fn of(path: &Path) -> FileBytes {
        let Ok(file) = std::fs::File::open(path) else {
            return FileBytes::Read(Vec::new());
        };
        // SAFETY: the mapping is only undefined if the file changes under it.
        // yuedu never changes a cache file in place: it writes a new file and
        // renames it over the old one, which leaves this mapping untouched.
        match unsafe { memmap2::Mmap::map(&file) } {
            Ok(map) => FileBytes::Mapped(map),
            Err(_) => FileBytes::Read(std::fs::read(path).unwrap_or_default()),
        }
    }
}

impl std::ops::Deref for FileBytes {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            FileBytes::Mapped(map) => map,
            FileBytes::Read(bytes) => bytes,
        }
    }
}

/// The framed entry of a file parsed now; `None` when its path is not UTF-8
/// (such files are just parsed every time).
pub fn entry_bytes(path: &Path, id: &str, stamp: Stamp, parsed: Result<(&Meta, &Body), &str>) -> Option<Vec<u8>> {
    let parsed = match parsed {
        Ok((meta, body)) => {
            let structure = Structure {
                blocks: body.blocks.clone(),
                chars: body.char_count(),
            };
            Ok((meta, &body.text, postcard::to_stdvec(&structure).ok()?))
        }
        Err(problem) => Err(problem),
    };
    let parsed = match &parsed {
        Ok((meta, text, structure)) => Ok(Parsed { meta, text, structure }),
        Err(problem) => Err(*problem),
    };
    let entry = Entry {
        path: path.to_str()?,
        id,
        stamp,
        parsed,
    };
    let bytes = postcard::to_stdvec(&entry).ok()?;
    let mut framed = u32::try_from(bytes.len()).ok()?.to_le_bytes().to_vec();
    framed.extend_from_slice(&bytes);
    Some(framed)
}

/// Where each path's entry is in a cache file, sorted by path, or `None` if
/// it is not one this build wrote or is damaged (then the whole file is ignored).
fn index(bytes: &[u8]) -> Option<Vec<Slot>> {
    let rest = bytes.strip_prefix(MAGIC)?;
    let (header, rest) = postcard::take_from_bytes::<Header>(rest).ok()?;
    if header.parser != PARSER {
        return None;
    }
    let mut at = bytes.len() - rest.len();
    let mut slots = Vec::new();
    // Where a string borrowed from `bytes` lies in it.
    let span = |s: &str| {
        let start = s.as_ptr() as usize - bytes.as_ptr() as usize;
        start..start + s.len()
    };
    while at < bytes.len() {
        let len = u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize;
        let range = at + 4..(at + 4).checked_add(len)?;
        let key: EntryKey<'_> = postcard::take_from_bytes(bytes.get(range.clone())?).ok()?.0;
        slots.push(Slot {
            path: span(key.path),
            id: span(key.id),
            stamp: key.stamp,
            bytes: range.clone(),
        });
        at = range.end;
    }
    slots.sort_unstable_by(|a, b| bytes[a.path.clone()].cmp(&bytes[b.path.clone()]));
    Some(slots)
}

/// `&[u8]` written as postcard writes a `&str` or bytes (length, then the
/// bytes), not as a sequence of numbers.
mod bytes {
    pub fn serialize<S: serde::Serializer>(bytes: &[u8], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bytes(bytes)
    }
}

fn meta_is_clean(meta: &Meta) -> bool {
    let clean = |s: &str| crate::text::is_clean(s) && !s.contains('\n');
    [&meta.title, &meta.category].into_iter().all(|s| clean(s))
        && [&meta.author, &meta.source, &meta.date, &meta.summary]
            .into_iter()
            .flatten()
            .all(|s| clean(s))
        && meta.tags.iter().all(|s| clean(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Document, Library, Plan};

    fn write(path: &Path, text: &str) {
        std::fs::write(path, text).expect("write");
    }

    /// Loads `root` through the cache in `cache_dir`; returns the library and
    /// how many articles came from the cache.
    fn load(root: &Path, cache_dir: &Path) -> (Library, usize) {
        let plan = Plan::dirs(&[root.to_path_buf()]).expect("plan");
        let mut cache = plan.open_cache(cache_dir).expect("a folder has a cache");
        let library = plan.load_cached(Some(&mut cache));
        let reused = cache.reused();
        cache.save().expect("save");
        (library, reused)
    }

    fn summary(library: &Library) -> Vec<(String, String, String)> {
        library
            .articles()
            .iter()
            .map(|a| (a.id.clone(), a.meta.title.clone(), a.body.text.clone()))
            .collect()
    }

    #[test]
    fn unchanged_files_come_from_the_cache_and_changed_ones_are_read() {
        let root = tempfile::tempdir().expect("tempdir");
        let cache_dir = tempfile::tempdir().expect("tempdir");
        write(
            &root.path().join("一.md"),
            "+++\ntitle = \"一\"\n+++\n第一篇，**强调**。",
        );
        write(&root.path().join("二.txt"), "第二篇\n\n两段。");
        write(&root.path().join("坏.md"), "+++\ntitle = [\n+++\n");
        let (first, reused) = load(root.path(), cache_dir.path());
        assert_eq!(reused, 0);
        let (second, reused) = load(root.path(), cache_dir.path());
        assert_eq!(reused, 3, "two articles and the broken file's problem");
        assert_eq!(summary(&first), summary(&second));
        assert_eq!(
            first.articles()[0].body,
            second.articles()[0].body,
            "blocks and styles too"
        );
        assert_eq!(first.problems(), second.problems());

        write(&root.path().join("二.txt"), "第二篇改过了");
        std::fs::remove_file(root.path().join("坏.md")).expect("remove");
        let (third, reused) = load(root.path(), cache_dir.path());
        assert_eq!(reused, 1);
        assert!(third.problems().is_empty());
        assert_eq!(third.articles()[1].body.text, "第二篇改过了");
        let (_, reused) = load(root.path(), cache_dir.path());
        assert_eq!(reused, 2);
    }

    fn cache_of(bytes: Vec<u8>) -> Option<ArticleCache> {
        let slots = index(&bytes)?;
        Some(ArticleCache {
            file: PathBuf::from("/unused"),
            read: FileBytes::Read(bytes),
            slots,
            kept: Vec::new(),
            added: Vec::new(),
            changed: false,
        })
    }

    #[test]
    fn the_metadata_view_reads_what_meta_writes() {
        let meta = Meta {
            title: "标题".into(),
            category: "分类".into(),
            author: Some("作者".into()),
            source: None,
            date: Some("2024-01-02".into()),
            tags: vec!["一".into(), "二".into()],
            summary: Some("摘要".into()),
            order: Some(-3),
            reads: Some(42),
        };
        let bytes = postcard::to_stdvec(&meta).expect("serialise");
        let view: MetaView<'_> = postcard::from_bytes(&bytes).expect("read in place");
        assert_eq!(
            view,
            MetaView {
                title: "标题",
                category: "分类",
                author: Some("作者"),
                source: None,
                date: Some("2024-01-02"),
                tags: vec!["一", "二"],
                summary: Some("摘要"),
                order: Some(-3),
                reads: Some(42),
            }
        );
    }

    fn header(parser: &str) -> Vec<u8> {
        postcard::to_extend(&Header { parser: parser.into() }, MAGIC.to_vec()).expect("header")
    }

    fn in_place_summary(collection: &crate::library::InPlace<'_>) -> Vec<(String, String, String)> {
        collection
            .documents
            .iter()
            .map(|d| (d.id().to_string(), d.title().to_string(), d.text().to_string()))
            .collect()
    }

    #[test]
    fn a_search_reads_unchanged_files_in_place_and_parses_the_rest() {
        let root = tempfile::tempdir().expect("tempdir");
        let cache_dir = tempfile::tempdir().expect("tempdir");
        write(&root.path().join("甲.md"), "+++\ntitle = \"甲\"\n+++\n甲的内容。");
        write(&root.path().join("乙.md"), "乙的内容。");
        // The same ID twice: the first found wins, as in a library.
        write(&root.path().join("乙.txt"), "另一个乙。");
        write(&root.path().join("坏.md"), "+++\ntitle = [\n+++\n");
        let (library, _) = load(root.path(), cache_dir.path());
        let expected = summary(&library);
        let read = |changes_expected: &dyn Fn(&[Change]) -> bool| {
            let plan = Plan::dirs(&[root.path().to_path_buf()]).expect("plan");
            let mut cache = plan.open_cache(cache_dir.path()).expect("cache");
            let mut collection = plan.read_in_place(&cache);
            assert_eq!(in_place_summary(&collection), expected);
            assert_eq!(collection.problems, library.problems());
            let changes = std::mem::take(&mut collection.changes);
            assert!(changes_expected(&changes), "{changes:?}");
            drop(collection);
            changes.into_iter().for_each(|c| cache.record(c));
            cache.save().expect("save")
        };
        let kept = |changes: &[Change]| changes.iter().all(|c| matches!(c, Change::Keep(_)));
        assert!(!read(&kept), "nothing changed: nothing written");

        std::thread::sleep(std::time::Duration::from_millis(10));
        write(
            &root.path().join("甲.md"),
            "+++\ntitle = \"甲\"\n+++\n甲的新内容，长一些。",
        );
        let fresh_load = Plan::dirs(&[root.path().to_path_buf()]).expect("plan").load();
        let expected_after = summary(&fresh_load);
        assert_ne!(expected, expected_after);
        let plan = Plan::dirs(&[root.path().to_path_buf()]).expect("plan");
        let mut cache = plan.open_cache(cache_dir.path()).expect("cache");
        let mut collection = plan.read_in_place(&cache);
        assert_eq!(in_place_summary(&collection), expected_after);
        let changes = std::mem::take(&mut collection.changes);
        assert_eq!(
            changes.iter().filter(|c| matches!(c, Change::Add(_))).count(),
            1,
            "{changes:?}"
        );
        drop(collection);
        changes.into_iter().for_each(|c| cache.record(c));
        assert!(cache.save().expect("save"), "the edit is written");
        let (_, reused) = load(root.path(), cache_dir.path());
        assert_eq!(reused, 4, "every file from the cache again");
    }

    #[test]
    fn batches_read_in_the_background_share_one_cache() {
        let root = tempfile::tempdir().expect("tempdir");
        let cache_dir = tempfile::tempdir().expect("tempdir");
        for i in 0..10 {
            write(&root.path().join(format!("{i}.md")), &format!("第{i}篇。"));
        }
        let load_in_batches = || {
            let mut plan = Plan::dirs(&[root.path().to_path_buf()]).expect("plan");
            let mut cache = plan.open_cache(cache_dir.path()).expect("cache");
            let mut library = plan.start();
            for batch in plan.into_batches(3) {
                library.extend(crate::library::read_batch_cached(batch, Some(&mut cache)));
            }
            let reused = cache.reused();
            cache.save().expect("save");
            (summary(&library), reused)
        };
        let (first, reused) = load_in_batches();
        assert_eq!((first.len(), reused), (10, 0));
        let (second, reused) = load_in_batches();
        assert_eq!(second, first);
        assert_eq!(reused, 10, "every batch took its files from the cache");
    }

    #[test]
    fn entries_that_the_parser_could_not_have_made_are_refused() {
        let meta = Meta {
            title: "标题".into(),
            ..Meta::default()
        };
        let mut escape = Body::default();
        escape.text = "文本\u{1b}]0;title\u{7}".into();
        let mut out_of_range = Body::default();
        out_of_range.text = "文".into();
        out_of_range.blocks = vec![Block {
            kind: crate::library::BlockKind::Paragraph,
            depth: 0,
            range: 0..2,
            inline: Vec::new(),
        }];
        let mut bytes = header(PARSER);
        for (path, body) in [
            ("/good.md", &Body::default()),
            ("/escape.md", &escape),
            ("/range.md", &out_of_range),
        ] {
            bytes.extend(entry_bytes(Path::new(path), "id", Stamp::default(), Ok((&meta, body))).expect("entry"));
        }
        bytes.extend(entry_bytes(Path::new("/bad.md"), "bad", Stamp::default(), Err("empty file")).expect("entry"));
        bytes.extend(
            entry_bytes(
                Path::new("/worse.md"),
                "worse",
                Stamp::default(),
                Err("\x1b]0;title\x07"),
            )
            .expect("entry"),
        );
        let cache = cache_of(bytes.clone()).expect("a cache");
        let restore = |path: &str| {
            let slot = cache.slot(path).cloned().expect("a slot");
            cache.restore(&slot)
        };
        assert!(matches!(restore("/good.md"), Some(Ok((m, _))) if m.title == "标题"));
        assert!(restore("/escape.md").is_none(), "an escape sequence in a cached body");
        assert!(restore("/range.md").is_none(), "a range inside a character");
        assert_eq!(restore("/bad.md"), Some(Err("empty file".to_string())));
        assert_eq!(restore("/worse.md"), None, "a problem is printed: checked too");

        // A cut file, another parser's file and a stranger's file are not read at all.
        assert!(cache_of(bytes[..bytes.len() - 3].to_vec()).is_none());
        let mut other = header("older");
        other.extend_from_slice(&bytes[header(PARSER).len()..]);
        assert!(cache_of(other).is_none());
        assert!(cache_of(b"not a cache".to_vec()).is_none());
    }
}
