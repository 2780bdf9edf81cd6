//! `yuedu bookmarks`: the saved bookmarks as text, JSON or Markdown.

use serde::Serialize;

use crate::i18n::{Lang, tr};
use crate::library::Library;
use crate::present::{bookmark_time, by_article, chapter_at, newest_first, percent};
use crate::store::identity::{self, ArticleKeys};
use crate::store::{Bookmark, State};
use crate::text::{Shown, to_json};

fn title<'a>(library: &'a Library, keys: &ArticleKeys, bookmark: &Bookmark) -> Option<&'a str> {
    keys.article(&bookmark.article, library)
        .map(|i| library[i].meta.title.as_str())
}

/// The chapter a bookmark is in, as the reader's status line names it
/// there; none before the first heading or for an unattached bookmark.
fn chapter(library: &Library, keys: &ArticleKeys, bookmark: &Bookmark) -> Option<String> {
    keys.article(&bookmark.article, library)
        .and_then(|i| chapter_at(&library[i], bookmark.offset))
}

/// How far into its article a bookmark is, 0–100, as the reader's status
/// line says it there; none for an unattached bookmark.
fn progress(library: &Library, keys: &ArticleKeys, bookmark: &Bookmark) -> Option<u8> {
    keys.article(&bookmark.article, library)
        .map(|i| percent(&library[i].body, bookmark.offset))
}

/// `state` with what the loaded articles newly match attached (in memory:
/// listing changes nothing on disk), and the articles' keys.
pub(super) fn attached(state: &State, library: &Library) -> (State, ArticleKeys) {
    let keys = ArticleKeys::new(library);
    let mut state = state.clone();
    for change in identity::attachments(&state, library, &keys) {
        state.apply(&change);
    }
    (state, keys)
}

/// One line per bookmark: `TIME<TAB>ARTICLE<TAB>TITLE<TAB>NOTE<TAB>SNIPPET<TAB>PROGRESS<TAB>CHAPTER`
/// (ARTICLE: a bundled ID or a file path; TITLE `(unattached)` and PROGRESS
/// empty when no loaded article holds it; PROGRESS as `37%`; CHAPTER the
/// chapter it is in, empty when none).
pub fn bookmark_lines(state: &State, library: &Library, lang: Lang) -> String {
    let (state, keys) = attached(state, library);
    let unattached = tr!(lang, en: "(unattached)", hans: "（未关联）", hant: "（未關聯）");
    newest_first(&state.bookmarks)
        .into_iter()
        .map(|b| {
            let title = title(library, &keys, b).unwrap_or(&unattached);
            let progress = progress(library, &keys, b).map_or(String::new(), |p| format!("{p}%"));
            let chapter = chapter(library, &keys, b).unwrap_or_default();
            format!(
                "{}\t{}\t{}\t{}\t{}\t{progress}\t{}\n",
                bookmark_time(b),
                Shown::field(&b.article),
                Shown::field(title),
                Shown::field(&b.note),
                Shown::field(&b.snippet),
                Shown::field(&chapter)
            )
        })
        .collect()
}

#[derive(Serialize)]
struct Entry<'a> {
    article: &'a str,
    title: Option<&'a str>,
    /// The chapter it is in; none before the first heading or unattached.
    chapter: Option<String>,
    missing: bool,
    offset: usize,
    /// Percent of the article's text before the bookmark; none when unattached.
    progress: Option<u8>,
    snippet: &'a str,
    note: &'a str,
    created: String,
}

pub fn bookmark_json(state: &State, library: &Library) -> String {
    let (state, keys) = attached(state, library);
    let entries: Vec<Entry<'_>> = newest_first(&state.bookmarks)
        .into_iter()
        .map(|b| Entry {
            article: &b.article,
            title: title(library, &keys, b),
            chapter: chapter(library, &keys, b),
            missing: title(library, &keys, b).is_none(),
            offset: b.offset,
            progress: progress(library, &keys, b),
            snippet: &b.snippet,
            note: &b.note,
            created: b.created.to_string(),
        })
        .collect();
    to_json(&entries) + "\n"
}

/// Markdown: a section per article (in library order, unattached ones last),
/// each bookmark with its time, note and quoted snippet.
pub fn bookmark_markdown(state: &State, library: &Library, lang: Lang) -> String {
    let (state, keys) = attached(state, library);
    let list = by_article(&state.bookmarks, |article| {
        keys.article(article, library).and_then(|id| library.position(id))
    });
    let mut out = tr!(lang, en: "# Bookmarks\n", hans: "# 书签\n", hant: "# 書籤\n");
    let mut current: Option<&str> = None;
    for bookmark in list {
        if current != Some(bookmark.article.as_str()) {
            current = Some(&bookmark.article);
            let heading = title(library, &keys, bookmark).map_or_else(
                || {
                    let article = Shown::field(&bookmark.article);
                    tr!(lang, en: "{article} (unattached)", hans: "{article}（未关联）", hant: "{article}（未關聯）")
                },
                |title| Shown::field(title).to_string(),
            );
            out.push_str(&format!("\n## {heading}\n\n"));
        }
        let note = if bookmark.note.is_empty() {
            String::new()
        } else {
            let note = Shown::field(&bookmark.note);
            tr!(lang, en: ": {note}", hans: "：{note}", hant: "：{note}")
        };
        let chapter =
            chapter(library, &keys, bookmark).map_or(String::new(), |chapter| format!(" · {}", Shown::field(&chapter)));
        out.push_str(&format!(
            "- {}{chapter}{note}\n  > {}\n",
            bookmark_time(bookmark),
            Shown::field(&bookmark.snippet)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Change;
    use jiff::Timestamp;

    fn state() -> State {
        let mut state = State::default();
        for (id, article, note) in [(1, "yingxiao/kehu-guanxi-guanli", "重点"), (2, "gone/article", "")] {
            state.apply(&Change::AddBookmark(Bookmark {
                id,
                article: article.into(),
                offset: 0,
                snippet: "所谓客户关系管理".into(),
                created: Timestamp::from_second(1_800_000_000 + id as i64).expect("time"),
                note: note.into(),
                unknown: Default::default(),
            }));
        }
        state
    }

    #[test]
    fn lists_newest_first_and_marks_missing_articles() {
        let library = Library::management();
        let text = bookmark_lines(&state(), &library, Lang::English);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].contains("gone/article\t(unattached)"));
        assert!(lines[0].ends_with("\t"), "no progress unattached: {:?}", lines[0]);
        assert!(lines[1].contains("yingxiao/kehu-guanxi-guanli\t如何做好客户关系管理\t重点\t所谓客户关系管理"));
        let json: serde_json::Value = serde_json::from_str(&bookmark_json(&state(), &library)).expect("json");
        assert_eq!(json[0]["missing"], true);
        assert_eq!(json[0]["progress"], serde_json::Value::Null);
        assert_eq!(json[1]["note"], "重点");
    }

    #[test]
    fn a_bookmarks_progress_is_the_share_of_its_article_before_it() {
        let library = Library::management();
        let index = library.find("yingxiao/kehu-guanxi-guanli").expect("crm");
        let body = &library[index].body;
        let mut state = state();
        state.bookmarks[0].offset = body.text.len() * 3 / 4;
        let expected = percent(body, state.bookmarks[0].offset);
        assert!((70..=80).contains(&expected), "{expected}");
        let text = bookmark_lines(&state, &library, Lang::English);
        assert!(
            text.lines()
                .nth(1)
                .is_some_and(|l| l.split('\t').nth(5) == Some(format!("{expected}%").as_str())),
            "{text}"
        );
        let json: serde_json::Value = serde_json::from_str(&bookmark_json(&state, &library)).expect("json");
        assert_eq!(json[1]["progress"], u64::from(expected));
    }

    #[test]
    fn markdown_groups_by_article() {
        let library = Library::management();
        let md = bookmark_markdown(&state(), &library, Lang::Simplified);
        assert!(md.starts_with("# 书签\n\n## 如何做好客户关系管理\n\n- "));
        assert!(md.contains("：重点\n  > 所谓客户关系管理"));
        assert!(md.contains("## gone/article（未关联）"));
    }

    #[test]
    fn every_form_names_the_chapter_a_bookmark_is_in() {
        let library = Library::management();
        let index = library.find("yingxiao/kehu-guanxi-guanli").expect("crm");
        let body = &library[index].body;
        let mut state = state();
        let toc = crate::library::table_of_contents(body);
        let heading = toc.iter().find(|e| e.title == "关系营销的基础").expect("heading");
        state.bookmarks[0].offset = heading.offset + 30;
        let text = bookmark_lines(&state, &library, Lang::Simplified);
        let crm = text.lines().nth(1).expect("the crm bookmark");
        assert!(crm.ends_with("%\t关系营销的基础"), "{crm}");
        assert!(
            text.lines().next().is_some_and(|l| l.ends_with("\t\t")),
            "none unattached: {text}"
        );
        let json: serde_json::Value = serde_json::from_str(&bookmark_json(&state, &library)).expect("json");
        assert_eq!(json[1]["chapter"], "关系营销的基础");
        assert_eq!(json[0]["chapter"], serde_json::Value::Null);
        let md = bookmark_markdown(&state, &library, Lang::Simplified);
        assert!(md.contains(" · 关系营销的基础：重点\n"), "{md}");
    }
}
