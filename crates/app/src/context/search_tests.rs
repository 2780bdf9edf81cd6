use std::fs;
use std::path::{Path, PathBuf};

use super::*;
use crate::search::Hit;

/// Two folders of poems in three categories (one listed first), some with
/// an `order`, titles and texts that hit 月 and 明月 as often as each other
/// (so places decide between many), IDs taken twice (the same name in both
/// folders, and `a.md` beside `a.txt`) and a file that cannot be read.
fn collection(root: &Path) -> Vec<PathBuf> {
    let roots = vec![root.join("一"), root.join("二")];
    for (r, dir) in roots.iter().enumerate() {
        fs::create_dir_all(dir.join("sub")).expect("mkdir");
        fs::write(dir.join("collection.toml"), "categories = [\"甲\"]\n").expect("toml");
        for i in 0..150 {
            let title = match i % 5 {
                0 => format!("明月{}", i % 3),
                1 => "月".to_string(),
                _ => format!("詩{i}"),
            };
            let category = ["卷十", "卷二", "甲"][(i + r) % 3];
            let order = if i % 7 == 0 {
                format!("order = {}\n", i % 4)
            } else {
                String::new()
            };
            let body = format!(
                "{}山{}\n\n春風{}",
                "明月".repeat(i % 3),
                "月".repeat(i % 4),
                "。".repeat(i % 2)
            );
            let text =
                format!("+++\ntitle = \"{title}\"\ncategory = \"{category}\"\nauthor = \"李白\"\n{order}+++\n{body}");
            let name = if i % 2 == 0 {
                format!("{i}.md")
            } else {
                format!("sub/{i}.md")
            };
            fs::write(dir.join(name), text).expect("write");
        }
        fs::write(dir.join("0.txt"), "明月").expect("write");
        fs::write(dir.join("bad.md"), "+++\ntitle = \"x\norder = \"y\n+++\n月").expect("write");
    }
    roots
}

/// What a user sees of the results: each hit's article and how it matched.
fn shown(results: &SearchResults, articles: &[Article]) -> (usize, Vec<(String, String, Hit)>) {
    let hits = results.hits.iter().map(|hit| {
        let article = &articles[hit.article.index()];
        let hit = Hit {
            article: crate::library::ArticleId::at(0),
            ..hit.clone()
        };
        (article.id.to_string(), article.meta.title.to_string(), hit)
    });
    (results.total, hits.collect())
}

fn whole(library: &Library, query: &Query, limit: usize) -> (usize, Vec<(String, String, Hit)>) {
    let index = SearchIndex::for_query(library.articles().stored(), query);
    shown(&index.search(library, query, limit), library.articles().stored())
}

#[test]
fn a_search_read_batch_by_batch_finds_and_ranks_as_over_the_whole_collection() {
    let dir = tempfile::tempdir().expect("tempdir");
    let roots = collection(dir.path());
    let library = Plan::dirs(&roots).expect("plan").load();
    for text in ["月", "月 -山", "title:月", "my", "不在"] {
        let query = Query::parse(text, false);
        for limit in [0, 3, 1000] {
            let expected = whole(&library, &query, limit);
            for size in [7, 10_000] {
                let plan = Plan::dirs(&roots).expect("plan");
                let found = search_plan(plan, None, &query, limit, size);
                assert_eq!(found.read, 302, "every file but the bad ones");
                assert_eq!(found.library.problems().len(), 2, "{:?}", found.library.problems());
                let got = shown(&found.results, found.library.articles().stored());
                assert_eq!(got, expected, "{text} --limit {limit}, {size} files a batch");
            }
        }
    }
}

/// Warm, the cached articles that hold no form of a word are not built:
/// what is found, how it ranks and the IDs (`0.md` beside `0.txt`, passed
/// over for 春風) stay as without the cache, for words in any field, in
/// another script (春风 finds 春風), by pinyin, excluded or found nowhere.
#[test]
fn a_search_through_the_article_cache_finds_what_it_finds_without_it_cold_and_warm() {
    let dir = tempfile::tempdir().expect("tempdir");
    let roots = collection(dir.path());
    let cache_dir = dir.path().join("cache");
    fs::create_dir_all(&cache_dir).expect("mkdir");
    let library = Plan::dirs(&roots).expect("plan").load();
    let queries = [
        "明月",
        "春風",
        "春风",
        "author:李白 山",
        "title:明月",
        "月 -山",
        "my",
        "=my",
        "不在",
        "-月",
    ];
    for (i, text) in queries.into_iter().enumerate() {
        let query = Query::parse(text, true);
        let expected = whole(&library, &query, 20);
        assert!(
            text == "不在" || text == "-月" || text == "=my" || expected.0 > 0,
            "{text} finds"
        );
        for run in 0..2 {
            // Only the first search of all finds no cache.
            let warm = i > 0 || run > 0;
            let plan = Plan::dirs(&roots).expect("plan");
            let mut cache = plan.open_cache(&cache_dir).expect("a cache for folders");
            // Batches of 300 read their cache entries in two groups (`AHEAD_GROUP`).
            let found = search_plan(plan, Some(&mut cache), &query, 20, [64, 300][i % 2]);
            assert_eq!(cache.reused() > 0, warm, "{text}");
            assert_eq!(found.read, 302, "{text}, warm {warm}: every file but the bad ones");
            cache.save().expect("saved");
            assert_eq!(
                shown(&found.results, found.library.articles().stored()),
                expected,
                "{text}, warm {warm}"
            );
        }
    }
}
