//! `yuedu search` output: a line per result (`ID`, title, hits, snippet)
//! or a JSON array, over the articles searched.

use serde::Serialize;

use crate::library::Article;
use crate::text::{AmbiguousWidth, Shown, to_json};

/// Columns of snippet in `yuedu search` output.
const SEARCH_SNIPPET_WIDTH: usize = 60;

/// `ID<TAB>TITLE<TAB>HITS<TAB>SNIPPET` per result.
/// `articles` are those searched (`results` index them).
pub fn search_lines(results: &crate::search::SearchResults, articles: &[Article], ambiguous: AmbiguousWidth) -> String {
    results
        .hits
        .iter()
        .filter_map(|hit| {
            let article = articles.get(hit.article.index())?;
            Some(format!(
                "{}\t{}\t{}\t{}\n",
                Shown::field(article.id()),
                Shown::field(article.title()),
                hit.count,
                Shown::field(search_snippet(hit, article, ambiguous))
            ))
        })
        .collect()
}

#[derive(Serialize)]
struct SearchEntry<'a> {
    id: &'a str,
    title: &'a str,
    category: &'a str,
    hits: usize,
    /// The best field a word was found in: title, author, tags, summary or text.
    field: &'static str,
    /// Found there by pinyin.
    pinyin: bool,
    title_hit: bool,
    snippet: String,
}

pub fn search_json(results: &crate::search::SearchResults, articles: &[Article], ambiguous: AmbiguousWidth) -> String {
    let entries: Vec<SearchEntry<'_>> = results
        .hits
        .iter()
        .filter_map(|hit| {
            let article = articles.get(hit.article.index())?;
            Some(SearchEntry {
                id: article.id(),
                title: article.title(),
                category: article.category(),
                hits: hit.count,
                field: hit.field.name(),
                pinyin: hit.pinyin,
                title_hit: hit.field == crate::search::Field::Title,
                snippet: search_snippet(hit, article, ambiguous),
            })
        })
        .collect();
    to_json(&entries) + "\n"
}

/// Text around the first hit, or the text's start when the words were found
/// in the title, author or tags only.
fn search_snippet(hit: &crate::search::Hit, article: &Article, ambiguous: AmbiguousWidth) -> String {
    let around = hit.first.clone().unwrap_or(0..0);
    crate::search::snippet(article.text(), around, SEARCH_SNIPPET_WIDTH, ambiguous).text
}
