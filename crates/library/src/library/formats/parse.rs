//! Turning the bytes of one file into an article.

use crate::i18n::{Text, text};
use crate::library::formats::decode::{binary_reason, decode_text};
use crate::library::formats::front_matter::{DateField, FrontMatter, split_front_matter};
use crate::library::formats::markdown::parse_markdown_with;
pub use crate::library::formats::rules::Rules;
use crate::library::formats::{ChapterRule, Format, declares_utf8, parse_epub_with, parse_html_with};
use crate::library::model::article::{Article, BlockKind, Body, Meta, MoreMeta, Order, Origin, UNCATEGORISED};
use crate::text::sanitize_inline;

/// Parses one article file. `relative` is its path below the collection root
/// (used for the format, and for the category and title fallbacks).
/// Chapters of `.txt` books are found by the built-in rule.
pub fn parse_article(id: &str, relative: &str, bytes: &[u8], origin: Origin) -> Result<Article, Text> {
    parse_article_with(id, relative, bytes, origin, &Rules::default(), Naming::File)
}

/// Where an article without a title of its own takes one from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Naming {
    /// A file: a Markdown file's first `#` heading, else the file name.
    File,
    /// Text without a file name (standard input): its first heading (of a
    /// Markdown text), else its first line, cut short.
    Text,
    /// The first part of a large file (`parse_prefix`): named as a file,
    /// and never taken for verse by the shape of its lines, which is a rule
    /// for short whole texts (the whole file is too long for it), so the
    /// part is laid out as the whole will be. Front matter still decides.
    Prefix,
}

/// A title taken from the text is cut to this many characters.
const MAX_TEXT_TITLE_CHARS: usize = 30;

/// `parse_article` under `rules` (chapters of `.txt` books, ruby), an
/// untitled article named by `naming`.
pub fn parse_article_with(
    id: &str,
    relative: &str,
    bytes: &[u8],
    origin: Origin,
    rules: &Rules,
    naming: Naming,
) -> Result<Article, Text> {
    let chapters = &rules.chapters;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(text!(en: "empty file", hans: "空文件", hant: "空檔案"));
    }
    let format = Format::of(relative).unwrap_or(Format::Markdown);
    // Damaged bytes of a page that declares UTF-8 are damaged UTF-8.
    let declared_text = format == Format::Html && declares_utf8(bytes);
    if format != Format::Epub
        && !declared_text
        && let Some(reason) = binary_reason(bytes)
    {
        return Err(reason);
    }
    let undecoded;
    let (fields, language, body) = match format {
        Format::Epub => {
            let book = parse_epub_with(bytes, rules.ruby)?;
            undecoded = book.undecoded;
            let fields = FrontMatter {
                title: book.title,
                author: book.author,
                ..FrontMatter::default()
            };
            (fields, book.language, book.body)
        }
        Format::Html => {
            let page = parse_html_with(bytes, rules.ruby);
            undecoded = page.undecoded;
            let fields = FrontMatter {
                title: page.title,
                ..FrontMatter::default()
            };
            (fields, None, page.body)
        }
        Format::Markdown | Format::Plain => {
            // Sanitise the whole file first: a Markdown parser would cut an escape
            // sequence into pieces that no longer look like one.
            let decoded = decode_text(bytes);
            undecoded = decoded.replaced;
            let text = crate::text::sanitize_cow(decoded.text);
            if format == Format::Plain {
                // Text without a name is titled by its first line, which the
                // body then leaves out when the title shows it whole.
                let (title, body_text) = match naming {
                    Naming::Text => title_line(&text, chapters),
                    Naming::File | Naming::Prefix => (None, &*text),
                };
                let fields = FrontMatter {
                    title: title.map(cut_title),
                    ..FrontMatter::default()
                };
                let by_shape = naming != Naming::Prefix;
                (
                    fields,
                    None,
                    crate::library::formats::plain::parse_plain(body_text, chapters, by_shape),
                )
            } else {
                let (fields, body_text) = split_front_matter(&text).map_err(|e| e.text())?;
                let lines = if naming == Naming::Prefix {
                    fields.lines.or(Some(false))
                } else {
                    fields.lines
                };
                let verse = crate::library::formats::verse::is_verse(body_text, lines, fields.form.as_deref());
                (fields, None, parse_markdown_with(body_text, verse, rules.ruby))
            }
        }
    };
    if body.blocks.is_empty() && matches!(format, Format::Epub | Format::Html) {
        return Err(text!(
            en: "no readable text in it",
            hans: "其中没有可读的文字",
            hant: "其中沒有可讀的文字",
        ));
    }
    let text_title = fields
        .title
        .is_none()
        .then(|| title_from_text(&body, format, naming))
        .flatten();
    Ok(Article {
        id: id.into(),
        meta: meta_of(fields, language, id, text_title, undecoded),
        body,
        origin,
    })
}

/// The title an untitled article takes from its text (`Naming`).
fn title_from_text(body: &Body, format: Format, naming: Naming) -> Option<String> {
    let heading = |top_only: bool| {
        body.blocks
            .iter()
            .find(|b| matches!(b.kind, BlockKind::Heading(level) if level == 1 || !top_only))
            .map(|b| body.block_text(b))
    };
    let text = match (format, naming) {
        (Format::Markdown, Naming::File | Naming::Prefix) => heading(true)?,
        (Format::Markdown, Naming::Text) => heading(false).or_else(|| first_line(&body.text))?,
        (_, Naming::Text) => first_line(&body.text)?,
        (_, Naming::File | Naming::Prefix) => return None,
    };
    Some(cut_title(text))
}

/// The first line of a plain text as its title, and the text the body is
/// made of: what follows that line, when the line is short enough for the
/// title to show it whole, is not a chapter heading (a book's contents
/// keep it) and text follows it; else all of it.
fn title_line<'a>(text: &'a str, chapters: &ChapterRule) -> (Option<&'a str>, &'a str) {
    let mut end = 0;
    for line in text.split_inclusive('\n') {
        end += line.len();
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let after = &text[end..];
        let whole = line.chars().count() <= MAX_TEXT_TITLE_CHARS;
        let drop = whole && chapters.level(line).is_none() && !after.trim().is_empty();
        return (Some(line), if drop { after } else { text });
    }
    (None, text)
}

fn first_line(text: &str) -> Option<&str> {
    text.lines().map(str::trim).find(|l| !l.is_empty())
}

/// A line of text as a title: runs of spaces made one, cut short with "…".
fn cut_title(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match text.char_indices().nth(MAX_TEXT_TITLE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// A file's or folder's name as a title or category: sanitised, or, if
/// nothing is left of it (a name of escape sequences and controls only),
/// escaped to show what it is, so it is never an empty name.
fn visible_name(name: &str) -> String {
    let clean = sanitize_inline(name);
    if clean.is_empty() {
        crate::text::Shown::field(name).to_string()
    } else {
        clean
    }
}

/// The article's metadata: its own fields, sanitised, with the category
/// falling back to the first folder and the title to `text_title`, then to
/// the file name; and how many places of the file did not decode.
fn meta_of(
    fields: FrontMatter,
    language: Option<String>,
    id: &str,
    text_title: Option<String>,
    undecoded: usize,
) -> Meta {
    let file_stem = id.rsplit('/').next().unwrap_or(id);
    let folder_category = id.split_once('/').map(|(folder, _)| folder);
    let clean = |value: Option<String>| value.map(|v| sanitize_inline(&v)).filter(|v| !v.is_empty());
    Meta {
        title: clean(fields.title)
            .or_else(|| clean(text_title))
            .unwrap_or_else(|| visible_name(file_stem))
            .as_str()
            .into(),
        category: clean(fields.category)
            .or_else(|| folder_category.map(visible_name).filter(|c| !c.is_empty()))
            .unwrap_or_else(|| UNCATEGORISED.to_string())
            .as_str()
            .into(),
        author: clean(fields.author).as_deref().map(Into::into),
        order: Order::new(fields.order),
        more: MoreMeta {
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
            reads: fields.reads,
            undecoded: u32::try_from(undecoded).unwrap_or(u32::MAX),
        }
        .boxed(),
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
    fn a_folder_or_file_named_only_with_an_escape_sequence_keeps_a_name_that_shows_it() {
        let article = parse_article(
            "\x1b[31m/\x1b[0m",
            "\x1b[31m/\x1b[0m.md",
            "正文".as_bytes(),
            Origin::Bundled,
        )
        .expect("valid");
        for name in [article.meta.category.as_str(), article.meta.title.as_str()] {
            assert!(name.contains("[31m") || name.contains("[0m"), "{name:?}");
            assert!(crate::text::is_clean(name) && !name.contains('\x1b'), "{name:?}");
        }
    }

    #[test]
    fn untitled_markdown_takes_its_first_heading_and_text_without_a_name_its_first_line() {
        let title = |relative: &str, text: &str, naming| {
            let rule = Rules::default();
            parse_article_with("a", relative, text.as_bytes(), Origin::Bundled, &rule, naming)
                .expect("valid")
                .meta
                .title
        };
        let markdown = "引言。\n\n## 小节\n\n# 春  晓\n\n正文。\n";
        assert_eq!(title("a.md", markdown, Naming::File), "春 晓");
        assert_eq!(
            title("a.md", "## 小节\n\n正文。\n", Naming::File),
            "a",
            "no # heading: the file name"
        );
        assert_eq!(title("a.md", "+++\ntitle = \"题\"\n+++\n# 春晓\n", Naming::File), "题");
        assert_eq!(title("a.txt", "第一行\n第二行\n", Naming::File), "a");
        // Standard input: its first heading, else its first line, cut short.
        assert_eq!(title("stdin.md", markdown, Naming::Text), "小节");
        assert_eq!(
            title("stdin.txt", "\n  静夜思  \n床前明月光，\n", Naming::Text),
            "静夜思"
        );
        let long = "长".repeat(50);
        assert_eq!(title("stdin.txt", "\n\n静夜思\n", Naming::Text), "静夜思");
        assert_eq!(title("stdin.txt", &long, Naming::Text), format!("{}…", "长".repeat(30)));
        assert_eq!(title("stdin.html", "<p>网页正文。</p>", Naming::Text), "网页正文。");
    }

    /// Standard input's first line, made its title, is not repeated in its
    /// body; a line too long for the title, or the only one, stays.
    #[test]
    fn a_text_without_a_name_does_not_repeat_its_title_line() {
        let body = |text: &str| {
            let rule = Rules::default();
            let article = parse_article_with("-", "stdin.txt", text.as_bytes(), Origin::Bundled, &rule, Naming::Text)
                .expect("valid");
            (article.meta.title.to_string(), article.body.text.to_string())
        };
        let (title, text) = body("静夜思\n李白\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n");
        assert_eq!(title, "静夜思");
        assert!(text.starts_with("李白\n床前明月光"), "{text:?}");
        assert!(!text.contains("静夜思"), "{text:?}");
        let (title, text) = body("\n\n　　静夜思\n\n　　床前明月光。\n");
        assert_eq!((title.as_str(), text.as_str()), ("静夜思", "床前明月光。"));
        let long = format!("{}。\n第二行。\n", "长".repeat(40));
        let (title, text) = body(&long);
        assert!(title.ends_with('…'));
        assert!(
            text.starts_with(&"长".repeat(40)),
            "a line cut short in the title stays"
        );
        assert_eq!(body("只有一行。\n"), ("只有一行。".into(), "只有一行。".into()));
        // A chapter heading stays, for the book's contents.
        let (title, text) = body("第一章 风起\n正文。\n第二章 云涌\n正文。\n");
        assert_eq!(title, "第一章 风起");
        assert!(text.starts_with("第一章 风起\n"), "{text:?}");
        // A file keeps its first line: its title is its name.
        let file = parse_article("诗", "诗.txt", "静夜思\n李白\n".as_bytes(), Origin::Bundled).expect("valid");
        assert!(file.body.text.starts_with("静夜思"));
    }

    #[test]
    fn empty_binary_and_malformed_files_are_reported() {
        assert_eq!(
            parse_article("a", "a.md", b"  \n", Origin::Bundled).unwrap_err().en(),
            "empty file"
        );
        assert!(
            parse_article("a", "a.md", b"abc\0def", Origin::Bundled)
                .unwrap_err()
                .en()
                .contains("binary")
        );
        let err = parse_article("a", "a.md", b"+++\ntitle = \n+++\n", Origin::Bundled)
            .unwrap_err()
            .en()
            .to_string();
        assert!(err.contains("line 2"), "{err}");
        let err = parse_article("a", "a.html", b"<script>x</script>", Origin::Bundled)
            .unwrap_err()
            .en()
            .to_string();
        assert_eq!(err, "no readable text in it");
        let err = parse_article("a", "a.epub", b"PK\x03\x04\0\0", Origin::Bundled)
            .unwrap_err()
            .en()
            .to_string();
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
