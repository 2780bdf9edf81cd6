//! `yuedu toc`: an article's table of contents for scripts.

use crate::library::{Article, table_of_contents};
use crate::text::{Shown, to_json};

/// `LEVEL<TAB>OFFSET<TAB>TITLE` lines, the title indented two spaces a level
/// below the top; the offset is in bytes into the article's text, as reading
/// positions and bookmarks are.
pub fn toc_lines(article: &Article) -> String {
    table_of_contents(&article.body)
        .iter()
        .map(|e| {
            let indent = "  ".repeat(usize::from(e.level.saturating_sub(1)));
            format!("{}\t{}\t{indent}{}\n", e.level, e.offset, Shown::field(&e.title))
        })
        .collect()
}

/// The same as a JSON array of `{level, title, offset}`.
pub fn toc_json(article: &Article) -> String {
    to_json(&table_of_contents(&article.body)) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{Origin, parse_article};

    #[test]
    fn entries_print_with_level_offset_and_title() {
        let novel = "第一卷 江湖\n第一章 起\n正文。\n第二章 承\n正文。\n";
        let article = parse_article("书", "书.txt", novel.as_bytes(), Origin::Bundled).expect("valid");
        assert_eq!(
            toc_lines(&article),
            "1\t0\t第一卷 江湖\n2\t17\t  第一章 起\n2\t41\t  第二章 承\n"
        );
        let json: serde_json::Value = serde_json::from_str(&toc_json(&article)).expect("json");
        assert_eq!(json[1]["title"], "第一章 起");
        assert_eq!(json[1]["level"], 2);
        assert_eq!(json[1]["offset"], 17);
    }
}
