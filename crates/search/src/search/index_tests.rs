use super::*;
use crate::search::fold::fold;

fn bundled() -> (Library, SearchIndex) {
    let library = Library::management();
    let index = SearchIndex::build(&library);
    (library, index)
}

fn ids(library: &Library, results: &SearchResults) -> Vec<String> {
    results.hits.iter().map(|h| library[h.article].id.to_string()).collect()
}

/// A library of one Markdown article per text (front matter allowed).
pub(super) fn library_of(texts: &[&str]) -> Library {
    let mut library = Library::default();
    let articles = texts
        .iter()
        .enumerate()
        .map(|(i, text)| {
            let id = format!("t/{i:03}");
            crate::library::parse_article(
                &id,
                &format!("{id}.md"),
                text.as_bytes(),
                crate::library::Origin::Bundled,
            )
            .expect("parses")
        })
        .collect();
    library.extend(crate::library::Batch {
        articles,
        problems: Vec::new(),
        files: texts.len(),
    });
    library
}

pub(super) fn poem(title: &str, author: &str, text: &str) -> String {
    format!("+++\ntitle = \"{title}\"\nauthor = \"{author}\"\ncategory = \"詩\"\n+++\n\n{text}\n")
}

fn titles(library: &Library, results: &SearchResults) -> Vec<String> {
    results
        .hits
        .iter()
        .map(|h| library[h.article].meta.title.to_string())
        .collect()
}

fn sorted(titles: &[String]) -> Vec<String> {
    let mut titles = titles.to_vec();
    titles.sort();
    titles
}

#[test]
fn real_text_hit_counts() {
    let (library, index) = bundled();
    let results = index.search(&library, &Query::parse("客户关系", false), 10);
    assert_eq!(ids(&library, &results), ["yingxiao/kehu-guanxi-guanli"]);
    let crm = &results.hits[0];
    assert_eq!(crm.field, Field::Title);
    let expected = library
        .article_at(1)
        .expect("article")
        .body
        .text
        .matches("客户关系")
        .count();
    assert_eq!(crm.count, expected);
    assert!(expected > 20);
}

#[test]
fn traditional_full_width_and_case_are_folded() {
    let (library, index) = bundled();
    for query in ["關係", "客戶關係", "ＣＰＵ", "cpu", "rater", "ＲＡＴＥＲ"] {
        let results = index.search(&library, &Query::parse(query, false), 10);
        assert!(
            ids(&library, &results).contains(&"yingxiao/kehu-guanxi-guanli".to_string()),
            "{query}"
        );
    }
    let results = index.search(&library, &Query::parse("ＣＰＵ", false), 10);
    let first = results.hits[0].first.clone().expect("a body hit");
    assert_eq!(&library.article_at(1).expect("article").body.text[first], "CPU");
}

#[test]
fn all_terms_must_match_and_titles_rank_first() {
    let (library, index) = bundled();
    let both = index.search(&library, &Query::parse("统计 病案", false), 10);
    assert_eq!(ids(&library, &both), ["yiyuan/tongji-xinxi"]);
    let none = index.search(&library, &Query::parse("统计 RATER", false), 10);
    assert_eq!(none.total, 0);
    let many = index.search(&library, &Query::parse("管理", false), 10);
    assert_eq!(many.total, 3);
    // 医院统计信息工作 has 管理 only in its text: it comes last.
    assert_eq!(
        many.hits.iter().map(|h| h.field).collect::<Vec<_>>(),
        [Field::Title, Field::Title, Field::Text]
    );
    assert_eq!(ids(&library, &many)[2], "yiyuan/tongji-xinxi");
}

#[test]
fn poems_are_found_by_their_author_above_poems_that_name_him() {
    let library = library_of(&[
        &poem("贈李白", "杜甫", "秋來相顧尚飄蓬，李白一斗詩百篇。"),
        &poem("靜夜思", "李白", "床前明月光，疑是地上霜。"),
        &poem("將進酒", "李白", "君不見黃河之水天上來。"),
        &poem("李白墓", "白居易", "采石江邊李白墳。"),
        &poem("春曉", "孟浩然", "春眠不覺曉。"),
        &poem("龍女詞", "明月潭龍女", "坐久風頗寒。"),
    ]);
    let index = SearchIndex::build(&library);
    let results = index.search(&library, &Query::parse("李白", false), 10);
    let fields: Vec<Field> = results.hits.iter().map(|h| h.field).collect();
    let found = titles(&library, &results);
    assert_eq!(found[..2], ["李白墓", "贈李白"], "exact, then start, then inside");
    assert_eq!(sorted(&found[2..]), ["將進酒", "靜夜思"]);
    assert_eq!(fields, [Field::Title, Field::Title, Field::Author, Field::Author]);
    let only = index.search(&library, &Query::parse("author:李白", false), 10);
    assert_eq!(sorted(&titles(&library, &only)), ["將進酒", "靜夜思"]);
    let without = index.search(&library, &Query::parse("author:李白 -明月", false), 10);
    assert_eq!(titles(&library, &without), ["將進酒"]);
    let moon = index.search(&library, &Query::parse("明月", false), 10);
    assert_eq!(
        titles(&library, &moon),
        ["龍女詞", "靜夜思"],
        "the author's poem comes first"
    );
    assert_eq!(moon.hits[0].count, 0);
    let title_only = index.search(&library, &Query::parse("title:李白", false), 10);
    assert_eq!(title_only.total, 2);
    assert_eq!(index.search(&library, &Query::parse("-李白", false), 10).total, 0);
}

#[test]
fn tags_and_summaries_are_searched() {
    let library = library_of(&[
        "+++\ntitle = \"甲\"\ntags = [\"唐詩\", \"五絕\"]\n+++\n\n正文。\n",
        "+++\ntitle = \"乙\"\nsummary = \"一首唐詩的賞析\"\n+++\n\n正文。\n",
        "+++\ntitle = \"丙\"\n+++\n\n唐诗三百首。\n",
    ]);
    let index = SearchIndex::build(&library);
    let results = index.search(&library, &Query::parse("唐诗", false), 10);
    let fields: Vec<Field> = results.hits.iter().map(|h| h.field).collect();
    assert_eq!(fields, [Field::Tags, Field::Summary, Field::Text]);
    assert_eq!(index.search(&library, &Query::parse("tag:五绝", false), 10).total, 1);
    assert_eq!(
        index
            .search(&library, &Query::parse("tag:唐诗 -tag:五绝", false), 10)
            .total,
        0
    );
}

#[test]
fn pinyin_ranks_the_exact_title_first_then_prefixes_then_the_rest() {
    let library = library_of(&[
        &poem("七絕一首", "某", "江樓月夜思。"),
        &poem("三山望金陵寄殷淑", "李白", "金陵夜寂。"),
        &poem("靜夜思其二", "某", "夜。"),
        &poem("秋日靜夜思鄉", "某", "夜。"),
        &poem("靜夜思", "李白", "床前明月光，疑是地上霜。"),
        &poem("静夜思", "某", "简体的。"),
    ]);
    let index = SearchIndex::build(&library);
    for query in ["jys", "jingyesi"] {
        let results = index.search(&library, &Query::parse(query, true), 10);
        let found = titles(&library, &results);
        assert_eq!(sorted(&found[..2]), ["静夜思", "靜夜思"], "{query}");
        assert_eq!(found[2], "靜夜思其二", "{query}");
        let tiers: Vec<Tier> = results.hits.iter().map(|h| h.tier).collect();
        assert_eq!(tiers[..3], [Tier::Exact, Tier::Exact, Tier::Prefix]);
        assert!(tiers[3..].iter().all(|&t| t == Tier::Contains));
        assert!(found.contains(&"秋日靜夜思鄉".to_string()));
        assert!(results.hits.iter().all(|h| h.pinyin && h.field == Field::Title));
    }
    let by_author = index.search(&library, &Query::parse("author:libai", true), 10);
    assert_eq!(sorted(&titles(&library, &by_author)), ["三山望金陵寄殷淑", "靜夜思"]);
    assert_eq!(index.search(&library, &Query::parse("=jys", true), 10).total, 0);
    assert_eq!(index.search(&library, &Query::parse("jys", false), 10).total, 0);
}

#[test]
fn pinyin_initials_match_titles_with_every_reading() {
    let (library, index) = bundled();
    let results = index.search(&library, &Query::parse("khgx", true), 10);
    assert_eq!(ids(&library, &results), ["yingxiao/kehu-guanxi-guanli"]);
    assert!(results.hits[0].pinyin);
    assert!(
        index.search(&library, &Query::parse("=khgx", true), 10).hits.is_empty(),
        "= searches literally"
    );
    assert!(
        index.search(&library, &Query::parse("khgx", false), 10).hits.is_empty(),
        "the toggle turns it off"
    );
}

#[test]
fn variant_characters_find_each_other() {
    let library = library_of(&["山峯與羣山", "山峰与群山", "綫裏溫鷄", "线里温鸡", "線裡温雞"]);
    let index = SearchIndex::build(&library);
    for query in ["峰", "峯", "羣", "群山"] {
        assert_eq!(
            index.search(&library, &Query::parse(query, false), 10).total,
            2,
            "{query}"
        );
    }
    for query in ["綫", "線", "裏", "裡", "温", "溫", "鷄", "雞", "线里温鸡"] {
        assert_eq!(
            index.search(&library, &Query::parse(query, false), 10).total,
            3,
            "{query}"
        );
    }
    // The original characters are marked.
    let first = library.at(0).expect("article");
    let text = &library[first].body.text;
    let marked: Vec<&str> = index
        .hits_in(&library, first, &Query::parse("峰", false))
        .into_iter()
        .map(|r| &text[r])
        .collect();
    assert_eq!(marked, ["峯"]);
}

#[test]
fn every_hit_counts_once_and_touching_hits_are_separate() {
    let library = library_of(&["好好学习，天天向上。好人好事。", "one to one, and One."]);
    let index = SearchIndex::build(&library);
    let good = Query::parse("好", false);
    assert_eq!(index.search(&library, &good, 10).hits[0].count, 4);
    let first = library.at(0).expect("article");
    let text = &library[first].body.text;
    let hits = index.hits_in(&library, first, &good);
    assert_eq!(hits.len(), 4);
    assert!(hits.iter().all(|r| &text[r.clone()] == "好"));
    let one = index.search(&library, &Query::parse("one", false), 10).hits[0].count;
    let repeated = index.search(&library, &Query::parse("one to one", false), 10).hits[0].count;
    assert_eq!((one, repeated), (3, 4));
}

#[test]
fn awkward_queries_are_handled() {
    let (library, index) = bundled();
    for query in [
        "",
        "   ",
        "的",
        "，",
        "。。。",
        ".*[(",
        "\\",
        "-",
        "author:",
        &"长".repeat(3_500),
    ] {
        let results = index.search(&library, &Query::parse(query, true), 10);
        assert!(results.total <= 3, "{query:?}");
    }
    assert!(
        index.search(&library, &Query::parse("，", false), 10).total == 3,
        "punctuation is searchable"
    );
}

#[test]
fn each_kind_of_text_finds_the_same_hits() {
    // As it is; Latin capitals kept (searched ignoring case); Traditional
    // and full width (searched in a folded copy).
    let library = library_of(&["模型与rater模型", "RATER模型与Rater模型", "RATER模型與ＲＡＴＥＲ模型"]);
    let index = SearchIndex::build(&library);
    for query in ["rater模型", "RATER", "ｒａｔｅｒ", "模型"] {
        let query = Query::parse(query, false);
        assert_eq!(index.search(&library, &query, 10).total, 3, "{query:?}");
        for at in 0..3 {
            let article = library.at(at).expect("article");
            let text = &library[article].body.text;
            let hits: Vec<&str> = index
                .hits_in(&library, article, &query)
                .into_iter()
                .map(|r| &text[r])
                .collect();
            let expected = if at == 0 && query.terms[0].text != "模型" {
                1
            } else {
                2
            };
            assert_eq!(hits.len(), expected, "{query:?} in {text}");
            assert!(hits.iter().all(|h| fold(h).contains(&query.terms[0].text)), "{hits:?}");
        }
    }
}

#[test]
fn an_index_added_to_batch_by_batch_equals_one_built_at_once() {
    let article = |title: &str, text: &str| {
        let source = format!("+++\ntitle = \"{title}\"\n+++\n\n{text}\n");
        crate::library::parse_article(
            title,
            &format!("{title}.md"),
            source.as_bytes(),
            crate::library::Origin::Bundled,
        )
        .expect("parses")
    };
    // Batches whose articles go between the ones already there, and a
    // duplicate ID that is kept under another (`bundled/b`).
    let batches = [
        vec![article("b", "乙乙"), article("d", "丁")],
        vec![article("c", "丙乙"), article("a", "甲"), article("b", "又一个乙")],
        vec![article("e", "戊甲"), article("aa", "甲甲乙")],
    ];
    let mut library = Library::default();
    let mut index = SearchIndex::default();
    for batch in batches {
        let part = SearchIndex::build_from(&batch, true);
        library.extend(crate::library::Batch {
            files: batch.len(),
            articles: batch,
            problems: Vec::new(),
        });
        index.append_batch(part);
        assert_eq!(index, SearchIndex::build(&library));
    }
    assert_eq!(library.articles().len(), 7);
    let results = index.search(&library, &Query::parse("乙", false), 10);
    let found: Vec<&str> = results.hits.iter().map(|h| library[h.article].id.as_str()).collect();
    assert_eq!(found, ["b", "aa", "bundled/b", "c"]);
}

#[test]
fn hits_in_an_article_cover_every_occurrence_even_across_lines() {
    let (library, index) = bundled();
    let second = library.at(1).expect("article");
    let hits = index.hits_in(&library, second, &Query::parse("客户", false));
    let text = &library[second].body.text;
    assert_eq!(hits.len(), text.matches("客户").count());
    assert!(hits.iter().all(|r| &text[r.clone()] == "客户"));
}

#[test]
fn a_search_told_to_stop_asks_between_articles_and_gives_up_at_once() {
    let articles = (0..600)
        .map(|n| {
            let source = format!("+++\ntitle = \"{n}\"\n+++\n\n管理第{n}篇\n");
            let name = format!("{n}.md");
            crate::library::parse_article(&name, &name, source.as_bytes(), crate::library::Origin::Bundled)
                .expect("parses")
        })
        .collect();
    let mut library = Library::default();
    library.extend(crate::library::Batch {
        files: 600,
        articles,
        problems: Vec::new(),
    });
    let index = SearchIndex::build(&library);
    let query = Query::parse("管理", false);
    let all = index.search(&library, &query, 10);
    assert_eq!(all.total, 600);
    let going = index.search_until(&library, &query, 10, &|_| None, &|| false);
    assert_eq!(going, Some(all));
    let asked = std::sync::atomic::AtomicUsize::new(0);
    let stop = || asked.fetch_add(1, std::sync::atomic::Ordering::Relaxed) >= 3;
    assert_eq!(index.search_until(&library, &query, 10, &|_| None, &stop), None);
    let asked = asked.into_inner();
    assert!(
        asked < library.articles().len() / 2,
        "stopped after 3 articles: asked {asked} times for {} articles",
        library.articles().len()
    );
}
