use super::entry::{EntryMeta, FORMAT, Header, MAGIC};
use super::*;
use crate::i18n::Text;
use crate::library::{Block, Library, MoreMeta, Plan};

pub(super) fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("write");
}

/// Marks the cache files in `cache_dir` as written two seconds from now
/// (`File::set_modified`), so that files written before are not racy
/// however coarse the file system's clock (entries of files modified in the
/// cache's own tick are read again; `racy_entries_are_read_again` tests that).
pub(super) fn written_later(cache_dir: &Path) {
    let later = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
    for entry in std::fs::read_dir(cache_dir)
        .expect("cache folder")
        .filter_map(Result::ok)
    {
        std::fs::File::options()
            .write(true)
            .open(entry.path())
            .and_then(|f| f.set_modified(later))
            .expect("set the time");
    }
}

/// Loads `root` through the cache in `cache_dir`; returns the library and
/// how many articles came from the cache.
pub(super) fn load(root: &Path, cache_dir: &Path) -> (Library, usize) {
    let plan = Plan::dirs(&[root.to_path_buf()]).expect("plan");
    let mut cache = plan.open_cache(cache_dir).expect("a folder has a cache");
    let library = plan.load_cached(Some(&mut cache));
    let reused = cache.reused();
    cache.save().expect("save");
    written_later(cache_dir);
    (library, reused)
}

pub(super) fn summary(library: &Library) -> Vec<(String, String, String)> {
    library
        .articles()
        .iter()
        .map(|a| (a.id.to_string(), a.meta.title.to_string(), a.body.text.to_string()))
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
        first.article_at(0).expect("article").body,
        second.article_at(0).expect("article").body,
        "blocks and styles too"
    );
    assert_eq!(first.problems(), second.problems());

    write(&root.path().join("二.txt"), "第二篇改过了");
    std::fs::remove_file(root.path().join("坏.md")).expect("remove");
    let (third, reused) = load(root.path(), cache_dir.path());
    assert_eq!(reused, 1);
    assert!(third.problems().is_empty());
    assert_eq!(&*third.article_at(1).expect("article").body.text, "第二篇改过了");
    let (_, reused) = load(root.path(), cache_dir.path());
    assert_eq!(reused, 2);
}

/// A cache over `bytes` (in a file of its own), as if written after every
/// file; `None` if it is not a cache this build reads at all.
pub(super) fn cache_of(bytes: Vec<u8>) -> Option<ArticleCache> {
    use std::io::Write;
    index(bytes.as_slice(), PARSER, |_, _| {})?;
    let mut file = tempfile::tempfile().expect("a file");
    file.write_all(&bytes).expect("write");
    Some(ArticleCache::of_source(
        PathBuf::from("/unused"),
        Some(file),
        i128::MAX,
        "",
    ))
}

/// The article or problem the entry of `path` holds, if it is of the file with `id`.
fn restored(cache: &ArticleCache, path: &str, id: &str) -> Option<Result<(Meta, Body), Text>> {
    let slot = cache.slot(path).expect("a slot");
    cache
        .fitting(slot, path, id, Stamp::default(), &ReadAhead::default())?
        .restore()
}

#[test]
fn metadata_comes_back_as_it_was_written() {
    let meta = Meta {
        title: "标题".into(),
        category: "分类".into(),
        author: Some("作者".into()),
        order: crate::library::model::article::Order::new(Some(-3)),
        more: MoreMeta {
            language: Some("zh".into()),
            source: None,
            date: Some("2024-01-02".into()),
            tags: vec!["一".into(), "二".into()],
            summary: Some("摘要".into()),
            reads: Some(42),
            undecoded: 3,
        }
        .boxed(),
    };
    let bytes = postcard::to_stdvec(&EntryMeta::of(&meta)).expect("serialise");
    let read: EntryMeta<'_> = postcard::from_bytes(&bytes).expect("read in place");
    assert_eq!(read, EntryMeta::of(&meta));
    assert_eq!(read.to_meta(), meta);
}

pub(super) fn header(parser: &str) -> Vec<u8> {
    let header = Header {
        format: FORMAT,
        parser: parser.into(),
    };
    postcard::to_extend(&header, MAGIC.to_vec()).expect("header")
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
        written_later(cache_dir.path());
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
    out_of_range.blocks = Box::new([Block::new(crate::library::BlockKind::Paragraph, 0, 0..2)]);
    let mut bytes = header(PARSER);
    for (path, body) in [
        ("/good.md", &Body::default()),
        ("/escape.md", &escape),
        ("/range.md", &out_of_range),
    ] {
        bytes.extend(entry_bytes(path, "id", Stamp::default(), Ok((&meta, body))).expect("entry"));
    }
    bytes.extend(entry_bytes("/bad.md", "bad", Stamp::default(), Err(&Text::same("empty file"))).expect("entry"));
    bytes.extend(
        entry_bytes(
            "/worse.md",
            "worse",
            Stamp::default(),
            Err(&Text::same("\x1b]0;title\x07")),
        )
        .expect("entry"),
    );
    {
        let cache = cache_of(bytes.clone()).expect("a cache");
        let restore = |path: &str, id: &str| restored(&cache, path, id);
        assert!(matches!(restore("/good.md", "id"), Some(Ok((m, _))) if m.title == "标题"));
        assert!(
            restore("/escape.md", "id").is_none(),
            "an escape sequence in a cached body"
        );
        assert!(restore("/range.md", "id").is_none(), "a range inside a character");
        assert_eq!(restore("/bad.md", "bad"), Some(Err(Text::same("empty file"))));
        assert_eq!(restore("/worse.md", "worse"), None, "a problem is printed: checked too");
    }

    // A cut file keeps its whole entries and is written anew; another
    // parser's file and a stranger's file are not read at all.
    let cut = cache_of(bytes[..bytes.len() - 3].to_vec()).expect("a cut cache");
    assert!(cut.slot("/worse.md").is_none() && cut.slot("/bad.md").is_some());
    assert!(cut.changed, "rewritten");
    let mut other = header("older");
    other.extend_from_slice(&bytes[header(PARSER).len()..]);
    assert!(cache_of(other).is_none());
    assert!(cache_of(b"not a cache".to_vec()).is_none());
    let older_format = Header {
        format: FORMAT - 1,
        parser: PARSER.into(),
    };
    let mut older = postcard::to_extend(&older_format, MAGIC.to_vec()).expect("header");
    older.extend_from_slice(&bytes[header(PARSER).len()..]);
    assert!(cache_of(older).is_none(), "entries of another layout");
}

#[cfg(target_os = "linux")]
#[test]
fn temp_files_of_killed_writers_are_removed_and_a_live_one_kept() {
    let root = tempfile::tempdir().expect("tempdir");
    let cache_dir = tempfile::tempdir().expect("tempdir");
    write(&root.path().join("一.md"), "第一篇。");
    // No process has a PID this high; this test's own process is alive.
    let killed = cache_dir.path().join("articles-0123456789abcdef.tmp-4294967295");
    let live = cache_dir
        .path()
        .join(format!("articles-0123456789abcdef.tmp-{}", std::process::id()));
    let other = cache_dir.path().join("notes.tmp-4294967295");
    for path in [&killed, &live, &other] {
        write(path, "half a cache");
    }
    load(root.path(), cache_dir.path());
    assert!(!killed.exists(), "a killed writer's temp file is removed");
    assert!(live.exists() && other.exists(), "a live writer's file and others stay");
}

#[test]
fn a_path_with_two_entries_is_found_in_neither_and_the_cache_rewritten() {
    let mut bytes = header(PARSER);
    for (path, problem) in [("/a.md", "first"), ("/b.md", "only"), ("/a.md", "second")] {
        bytes.extend(entry_bytes(path, "id", Stamp::default(), Err(&Text::same(problem))).expect("entry"));
    }
    let cache = cache_of(bytes).expect("a cache");
    assert!(cache.slot("/a.md").is_none());
    assert!(cache.slot("/b.md").is_some());
    assert!(cache.slot("/c.md").is_none());
    assert!(cache.changed, "rewritten");
}

/// New entries go to a temporary file as they are parsed: a load cut short
/// (the cache dropped unsaved, as when the reader quits mid-load) leaves the
/// old cache as it was and no temporary file.
#[test]
fn a_load_cut_short_leaves_the_old_cache_and_no_temporary_file() {
    let root = tempfile::tempdir().expect("tempdir");
    let cache_dir = tempfile::tempdir().expect("tempdir");
    write(&root.path().join("一.md"), "第一篇。");
    load(root.path(), cache_dir.path());
    let files = || {
        let mut names: Vec<_> = std::fs::read_dir(cache_dir.path())
            .expect("cache folder")
            .map(|e| e.expect("entry").file_name())
            .collect();
        names.sort();
        names
    };
    let before = files();
    let cache_file = cache_dir.path().join(&before[0]);
    let old = std::fs::read(&cache_file).expect("the cache");

    write(&root.path().join("二.md"), "第二篇。");
    let plan = Plan::dirs(&[root.path().to_path_buf()]).expect("plan");
    let mut cache = plan.open_cache(cache_dir.path()).expect("a folder has a cache");
    let library = plan.load_cached(Some(&mut cache));
    assert_eq!(library.articles().len(), 2);
    assert_eq!(
        files().len(),
        2,
        "the new entry is written to a temporary file beside the cache"
    );
    drop(cache);
    assert_eq!(files(), before, "no temporary file is left");
    assert_eq!(
        std::fs::read(&cache_file).expect("the cache"),
        old,
        "the old cache is as it was"
    );
    let (_, reused) = load(root.path(), cache_dir.path());
    assert_eq!(reused, 1, "the old entry is still used");
}

/// A slot is held per cached file while the collection is read: where its
/// entry is; the path, ID and stamp are read from the entry, and any of
/// them changed misses, as does a file changed after the cache was written.
#[test]
fn a_slot_is_eight_bytes_and_an_entry_fits_only_the_file_it_was_made_from() {
    assert_eq!(std::mem::size_of::<Slot>(), 8);
    let stamp = Stamp::new(3, 10, 20, 7);
    let mut bytes = header(PARSER);
    bytes.extend(entry_bytes("/a.md", "a", stamp, Err(&Text::same("empty file"))).expect("entry"));
    {
        let mut cache = cache_of(bytes.clone()).expect("a cache");
        let slot = cache.slot("/a.md").expect("a slot");
        let fits = |cache: &ArticleCache, key: &str, id: &str, stamp: Stamp| {
            cache.fitting(slot, key, id, stamp, &ReadAhead::default()).is_some()
        };
        assert!(fits(&cache, "/a.md", "a", stamp));
        assert!(!fits(&cache, "/a.md", "a", Stamp::new(4, 10, 20, 7)), "another size");
        assert!(!fits(&cache, "/a.md", "b", stamp), "another ID");
        assert!(!fits(&cache, "/b.md", "a", stamp), "another path (of the same hash)");
        cache.written_ns = 20;
        assert!(!fits(&cache, "/a.md", "a", stamp), "changed in the cache's own tick");
    }
}
