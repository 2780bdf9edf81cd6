//! Turning the bytes of one file into an article.

use super::article::{Article, Meta, Origin};
use super::front_matter::{DateField, split_front_matter};
use super::markdown::parse_markdown;
use super::plain::{decode_text, parse_plain};
use crate::text::sanitize_inline;

/// Category of articles that name none and sit directly in a collection root.
pub const UNCATEGORISED: &str = "未分类";

/// Parses one article file. `relative` is its path below the collection root
/// (used for the category and title fallbacks).
pub fn parse_article(id: &str, relative: &str, bytes: &[u8], origin: Origin) -> Result<Article, String> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err("empty file".into());
    }
    if bytes.iter().take(8192).any(|&b| b == 0) {
        return Err("binary file (contains NUL bytes), not text".into());
    }
    // Sanitise the whole file first: a Markdown parser would cut an escape
    // sequence into pieces that no longer look like one.
    let text = crate::text::sanitize(&decode_text(bytes));
    let file_stem = id.rsplit('/').next().unwrap_or(id).to_string();
    let folder_category = id.split_once('/').map(|(folder, _)| folder.to_string());
    let is_markdown = !relative.to_ascii_lowercase().ends_with(".txt");
    let (fields, body) = if is_markdown {
        let (fm, body_text) = split_front_matter(&text).map_err(|e| e.to_string())?;
        (fm, parse_markdown(body_text))
    } else {
        (Default::default(), parse_plain(&text))
    };
    let clean = |value: Option<String>| value.map(|v| sanitize_inline(&v)).filter(|v| !v.is_empty());
    let meta = Meta {
        title: clean(fields.title).unwrap_or_else(|| sanitize_inline(&file_stem)),
        category: clean(fields.category)
            .or_else(|| folder_category.map(|f| sanitize_inline(&f)))
            .unwrap_or_else(|| UNCATEGORISED.to_string()),
        author: clean(fields.author),
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
    };
    Ok(Article {
        id: id.to_string(),
        meta,
        body,
        origin,
    })
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
    }
}
