//! Turning the bytes of one file into an article.

use super::article::{Article, Meta, Origin};
use super::formats::{ChapterRule, Format, parse_epub, parse_html};
use super::front_matter::{DateField, FrontMatter, split_front_matter};
use super::markdown::parse_markdown;
use super::plain::{binary_reason, decode_text, parse_plain_with};
use crate::text::sanitize_inline;

/// Category of articles that name none and sit directly in a collection root.
pub const UNCATEGORISED: &str = "未分类";

/// Parses one article file. `relative` is its path below the collection root
/// (used for the format, and for the category and title fallbacks).
/// Chapters of `.txt` books are found by the built-in rule.
pub fn parse_article(id: &str, relative: &str, bytes: &[u8], origin: Origin) -> Result<Article, String> {
    parse_article_with(id, relative, bytes, origin, &ChapterRule::Builtin)
}

/// `parse_article` with chapters of `.txt` books found by `chapters`.
pub fn parse_article_with(
    id: &str,
    relative: &str,
    bytes: &[u8],
    origin: Origin,
    chapters: &ChapterRule,
) -> Result<Article, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".into());
    }
    let format = Format::of(relative).unwrap_or(Format::Markdown);
    if format != Format::Epub
        && let Some(reason) = binary_reason(bytes)
    {
        return Err(reason.into());
    }
    let (fields, language, body) = match format {
        Format::Epub => {
            let book = parse_epub(bytes)?;
            let fields = FrontMatter {
                title: book.title,
                author: book.author,
                ..FrontMatter::default()
            };
            (fields, book.language, book.body)
        }
        Format::Html => {
            let page = parse_html(bytes);
            let fields = FrontMatter {
                title: page.title,
                ..FrontMatter::default()
            };
            (fields, None, page.body)
        }
        Format::Markdown | Format::Plain => {
            // Sanitise the whole file first: a Markdown parser would cut an escape
            // sequence into pieces that no longer look like one.
            let text = crate::text::sanitize(&decode_text(bytes));
            if format == Format::Plain {
                (FrontMatter::default(), None, parse_plain_with(&text, chapters))
            } else {
                let (fields, body_text) = split_front_matter(&text).map_err(|e| e.to_string())?;
                (fields, None, parse_markdown(body_text))
            }
        }
    };
    if body.blocks.is_empty() && matches!(format, Format::Epub | Format::Html) {
        return Err("no readable text in it".into());
    }
    Ok(Article {
        id: id.to_string(),
        meta: meta_of(fields, language, id),
        body,
        origin,
    })
}

/// The article's metadata: its own fields, sanitised, with the category
/// falling back to the first folder and the title to the file name.
fn meta_of(fields: FrontMatter, language: Option<String>, id: &str) -> Meta {
    let file_stem = id.rsplit('/').next().unwrap_or(id);
    let folder_category = id.split_once('/').map(|(folder, _)| folder);
    let clean = |value: Option<String>| value.map(|v| sanitize_inline(&v)).filter(|v| !v.is_empty());
    Meta {
        title: clean(fields.title).unwrap_or_else(|| sanitize_inline(file_stem)),
        category: clean(fields.category)
            .or_else(|| folder_category.map(sanitize_inline))
            .unwrap_or_else(|| UNCATEGORISED.to_string()),
        author: clean(fields.author),
        language: clean(language),
        source: clean(fields.source),
        date: clean(fields.date.map(DateField::into_string)),
        tags: fields
            .tags
            .iter()
            .map(|t| sanitize_inline(t))
            .filter(|t| !t.is_empty())
            .collect(),
        summary: clean(fields.summary),
        order: fields.order,
        reads: fields.reads,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_falls_back_to_the_first_folder_and_title_to_the_file_name() {
        let article = parse_article(
            "随笔/旅行/第一天",
            "随笔/旅行/第一天.md",
            "正文".as_bytes(),
            Origin::Bundled,
        )
        .expect("valid");
        assert_eq!(article.meta.category, "随笔");
        assert_eq!(article.meta.title, "第一天");
        let root_level = parse_article("note", "note.txt", "正文".as_bytes(), Origin::Bundled).expect("valid");
        assert_eq!(root_level.meta.category, UNCATEGORISED);
    }

    #[test]
    fn empty_binary_and_malformed_files_are_reported() {
        assert_eq!(
            parse_article("a", "a.md", b"  \n", Origin::Bundled).unwrap_err(),
            "empty file"
        );
        assert!(
            parse_article("a", "a.md", b"abc\0def", Origin::Bundled)
                .unwrap_err()
                .contains("binary")
        );
        let err = parse_article("a", "a.md", b"+++\ntitle = \n+++\n", Origin::Bundled).unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        let err = parse_article("a", "a.html", b"<script>x</script>", Origin::Bundled).unwrap_err();
        assert_eq!(err, "no readable text in it");
        let err = parse_article("a", "a.epub", b"PK\x03\x04\0\0", Origin::Bundled).unwrap_err();
        assert!(err.contains("damaged or truncated"), "{err}");
    }

    #[test]
    fn pages_and_novels_are_articles_with_their_own_titles() {
        let page = parse_article(
            "网页/春",
            "网页/春.html",
            "<title>春天</title><p>正文。</p>".as_bytes(),
            Origin::Bundled,
        )
        .expect("valid");
        assert_eq!(
            (page.meta.title.as_str(), page.meta.category.as_str()),
            ("春天", "网页")
        );
        let novel = "第一章 起\n正文。\n第二章 承\n正文。\n";
        let book = parse_article("书", "书.txt", novel.as_bytes(), Origin::Bundled).expect("valid");
        assert_eq!(crate::library::table_of_contents(&book.body).len(), 2);
    }
}
