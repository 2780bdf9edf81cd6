//! The article cache as a search reads it: a part at a time, entries read
//! in place, IDs taken twice found, new entries written as they come.

use super::tests::{load, settle, summary, write};
use super::*;
use crate::library::{Document, Plan};

/// A plan read for a search: what was met, and every document's ID, title
/// and text in collection order, as the search saw them part by part.
pub(super) fn read_for_search(
    plan: Plan,
    cache: &ArticleCache,
) -> (crate::library::InPlace, Vec<(String, String, String)>) {
    let listed = plan.listed_categories();
    let mut seen = Vec::new();
    let read = plan.read_in_place(cache, |documents| {
        seen.extend(documents.iter().map(|d| {
            (
                d.place(),
                (d.id().to_string(), d.title().to_string(), d.text().to_string()),
            )
        }));
    });
    seen.sort_by(|a, b| a.0.cmp(&b.0, &listed));
    (read, seen.into_iter().map(|(_, summary)| summary).collect())
}

#[test]
fn ids_taken_twice_make_a_search_load_the_collection_instead() {
    let root = tempfile::tempdir().expect("tempdir");
    let cache_dir = tempfile::tempdir().expect("tempdir");
    write(&root.path().join("乙.md"), "乙的内容。");
    write(&root.path().join("乙.txt"), "另一个乙。");
    let plan = Plan::dirs(&[root.path().to_path_buf()]).expect("plan");
    let cache = plan.open_cache(cache_dir.path()).expect("cache");
    assert!(read_for_search(plan, &cache).0.collides);
}

#[test]
fn a_search_reads_unchanged_files_in_place_and_parses_the_rest() {
    let root = tempfile::tempdir().expect("tempdir");
    let cache_dir = tempfile::tempdir().expect("tempdir");
    write(&root.path().join("甲.md"), "+++\ntitle = \"甲\"\n+++\n甲的内容。");
    write(&root.path().join("乙.md"), "乙的内容。");
    write(&root.path().join("坏.md"), "+++\ntitle = [\n+++\n");
    let (library, _) = load(root.path(), cache_dir.path());
    let expected = summary(&library);
    let read = || {
        let plan = Plan::dirs(&[root.path().to_path_buf()]).expect("plan");
        let cache = plan.open_cache(cache_dir.path()).expect("cache");
        let (read, seen) = read_for_search(plan, &cache);
        assert_eq!(seen, expected);
        assert_eq!(read.problems, library.problems());
        assert_eq!((read.documents, read.in_place), (2, 2), "read in place");
        assert_eq!(cache.reused(), 3, "every entry kept");
        cache.save().expect("save")
    };
    assert!(!read(), "nothing changed: nothing written");

    std::thread::sleep(std::time::Duration::from_millis(10));
    write(
        &root.path().join("甲.md"),
        "+++\ntitle = \"甲\"\n+++\n甲的新内容，长一些。",
    );
    settle();
    let fresh_load = Plan::dirs(&[root.path().to_path_buf()]).expect("plan").load();
    let expected_after = summary(&fresh_load);
    assert_ne!(expected, expected_after);
    let plan = Plan::dirs(&[root.path().to_path_buf()]).expect("plan");
    let cache = plan.open_cache(cache_dir.path()).expect("cache");
    let (read, seen) = read_for_search(plan, &cache);
    assert_eq!(seen, expected_after);
    assert_eq!((read.documents, read.in_place), (2, 1), "the edited file is parsed");
    assert_eq!(cache.reused(), 2, "the edited file is parsed again");
    assert!(cache.save().expect("save"), "the edit is written");
    let (_, reused) = load(root.path(), cache_dir.path());
    assert_eq!(reused, 3, "every file from the cache again");
}

/// A search writes the entries of the files it parses to the new cache
/// file as it reads them, not after the search: all of them at once would
/// be a second copy of every text searched.
#[test]
fn a_search_writes_the_entries_it_parses_while_it_reads() {
    let root = tempfile::tempdir().expect("tempdir");
    let cache_dir = tempfile::tempdir().expect("tempdir");
    let poem = "床前明月光，疑是地上霜。\n".repeat(60);
    for i in 0..80 {
        write(&root.path().join(format!("{i:02}.md")), &format!("第{i}首\n\n{poem}"));
    }
    settle();
    let plan = Plan::dirs(&[root.path().to_path_buf()]).expect("plan");
    let cache = plan.open_cache(cache_dir.path()).expect("cache");
    let mut written: Vec<u64> = Vec::new();
    let read = plan.read_in_place(&cache, |_| {
        written = std::fs::read_dir(cache_dir.path())
            .expect("cache folder")
            .map(|e| e.expect("entry").metadata().expect("metadata").len())
            .collect();
    });
    assert_eq!(read.documents, 80);
    assert!(
        written.len() == 1 && written[0] > 64 * 1024,
        "the new entries are in the temporary file while the documents are searched: {written:?}"
    );
    assert!(cache.save().expect("save"));
    let plan = Plan::dirs(&[root.path().to_path_buf()]).expect("plan");
    let cache = plan.open_cache(cache_dir.path()).expect("cache");
    assert_eq!(plan.read_in_place(&cache, |_| {}).in_place, 80);
    assert_eq!(cache.reused(), 80, "every entry was written");
}
