//! Texts that fold (Traditional, variant and full-width characters) are
//! searched without folded copies: for every form of the words, or folded
//! as they are searched, finding what folding the whole text finds.

use super::tests::{library_of, poem};
use super::*;
use crate::library::ArticleId;
use crate::search::Query;

/// Queries whose every word has few forms: 峰 and 峯, full-width and ASCII
/// letters and punctuation, exclusions, fields, tags.
const FEW_FORMS: [&str; 14] = [
    "峰",
    "峯 群",
    "线里",
    "cpu",
    "ｃｐｕ",
    "客户关系",
    "3.5%",
    "-峰 cpu",
    "author:李白",
    "唐诗",
    "峰峰",
    "群 -cpu",
    "关系 cpu",
    "李白",
];

/// Traditional and variant characters in titles, authors, bodies and tags;
/// full-width letters, digits and punctuation; Latin capitals.
fn folding() -> Library {
    library_of(&[
        &poem("山峯", "李白", "山峯與羣山，綫裏溫鷄。峯峯相連，山峰。"),
        &poem("山峰", "杜甫", "山峰与群山，线里温鸡，峰峰。"),
        "+++\ntitle = \"CPU\"\n+++\n\n用ＣＰＵ和cpu与Cpu，客戶關係。RATER、ｒａｔｅｒ。\n",
        "+++\ntitle = \"标点\"\ntags = [\"唐詩\"]\n+++\n\n3.5%，3．5％，三點五。\n",
        &poem("全角", "某人", "只有ｒａｔｅｒ一詞。"),
    ])
}

#[test]
fn an_index_for_one_query_finds_what_the_folded_index_finds() {
    let library = folding();
    let folded = SearchIndex::build(&library);
    for text in FEW_FORMS {
        let query = Query::parse(text, true);
        let unfolded = SearchIndex::for_query(library.articles().stored(), &query);
        assert!(unfolded.unfolded, "{text}: few forms");
        assert_eq!(
            unfolded.search(&library, &query, 10),
            folded.search(&library, &query, 10),
            "{text}"
        );
    }
    let many = Query::parse("rater", true);
    assert!(!SearchIndex::for_query(library.articles().stored(), &many).unfolded);
}

/// Bodies and fields that fold keep no folded copy: the reader's index searches them
/// for every form of the words, or folds them as it searches when a word
/// has too many forms; both find what folding the whole text finds.
#[test]
fn bodies_that_fold_are_searched_by_their_forms_as_if_folded() {
    let library = folding();
    let index = SearchIndex::build(&library);
    let docs = library.articles().stored();
    for text in FEW_FORMS {
        let query = Query::parse(text, true);
        assert!(query.terms.iter().all(|t| t.unfolded.is_some()), "{text}: few forms");
        let by_forms = index.search_by(docs, &query, 10, true, &|_| None, &ArticleId::index, &|| false);
        assert_eq!(
            by_forms,
            index.search_by(docs, &query, 10, false, &|_| None, &ArticleId::index, &|| false),
            "{text}"
        );
        assert!(by_forms.total > 0, "{text}");
    }
    // One word of many forms: the bodies are folded as they are searched.
    let many = Query::parse("rater", true);
    let found = index.search_in(docs, &many, 10);
    assert_eq!(
        (found.total, found.hits[0].count),
        (2, 2),
        "ASCII or full-width letters, either case"
    );
    let at = docs.iter().position(|a| a.meta.title == "山峯").expect("the poem");
    let hits = index.hits_in(&library, ArticleId::at(at), &Query::parse("峰", true));
    let text = &docs[at].body.text;
    let shown: Vec<&str> = hits.iter().map(|r| &text[r.clone()]).collect();
    assert_eq!(shown, ["峯", "峯", "峯", "峰"], "original ranges of the folded hits");
}

/// For 57,603 poems the index is one document each: no copy of any body,
/// and the pinyin initials and folded titles in one list each, not an
/// allocation per document.
#[test]
fn a_document_of_the_index_stays_small() {
    assert!(std::mem::size_of::<Doc>() <= 24, "{}", std::mem::size_of::<Doc>());
}
