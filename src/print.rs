//! Plain-text output for the non-interactive subcommands: what scripts and
//! pipes read. Pure functions returning strings.
//!
//! # Design
//!
//! plain-text output of the subcommands (`search`: search results; `bookmarks`; `toc`); `show` lays
//! text out with the same `ReadingSettings` as the reader, and `vertical` sets it in vertical pages
//! of a given size (`show --vertical`) through the same `Layout` and `layout::vertical::page_lines`

mod bookmarks;
mod search;
mod toc;
mod vertical;

use bookmarks::attached;
pub use bookmarks::{bookmark_json, bookmark_lines, bookmark_markdown};
pub use search::{search_json, search_lines};
use serde::Serialize;
pub use toc::{toc_json, toc_lines};
pub use vertical::show_vertical;

use std::borrow::Cow;

use crate::i18n::{Lang, tr};
use crate::layout::{Layout, LayoutSettings, ReadingSettings};
use crate::library::{Article, Library, Origin, parse_article};
use crate::present::{ReadStatus, meta_line, saved_position};
use crate::store::State;
use crate::text::{Shown, sanitize_inline, to_json};

/// `ID<TAB>CATEGORY<TAB>TITLE` lines, optionally for one category.
pub fn list_lines(articles: &[&Article]) -> String {
    articles
        .iter()
        .map(|a| {
            format!(
                "{}\t{}\t{}\n",
                Shown::field(&a.id),
                Shown::field(&a.meta.category),
                Shown::field(&a.meta.title)
            )
        })
        .collect()
}

#[derive(Serialize)]
struct ListEntry<'a> {
    id: &'a str,
    category: &'a str,
    title: &'a str,
    author: Option<&'a str>,
    source: Option<&'a str>,
    chars: usize,
    /// `unread`, `reading` or `finished`.
    read: &'static str,
    /// Percent read, as the reader's status line and article list say it
    /// (100 once finished).
    progress: u8,
}

/// The same list as a JSON array, with how far each article was read
/// (`state`, the saved reading state of `library`).
pub fn list_json(articles: &[&Article], library: &Library, state: &State) -> String {
    let (state, keys) = attached(state, library);
    let entries: Vec<ListEntry<'_>> = articles
        .iter()
        .map(|a| {
            let (read, progress) = match ReadStatus::of(saved_position(&state, &keys.key(a), &a.body.text)) {
                ReadStatus::Unread => ("unread", 0),
                ReadStatus::InProgress(percent) => ("reading", percent),
                ReadStatus::Finished => ("finished", 100),
            };
            ListEntry {
                id: &a.id,
                category: &a.meta.category,
                title: &a.meta.title,
                author: a.meta.author.as_deref(),
                source: a.meta.source(),
                chars: a.body.char_count(),
                read,
                progress,
            }
        })
        .collect();
    to_json(&entries) + "\n"
}

/// Articles of one category (all when `None`), in library order.
pub fn select<'a>(library: &'a Library, category: Option<&str>) -> Vec<&'a Article> {
    library
        .articles()
        .iter()
        .filter(|a| category.is_none_or(|c| a.meta.category == c))
        .collect()
}

/// An article as `yuedu show` prints it: title, metadata, then the body,
/// laid out as the reader lays it out with `settings` in `available`
/// columns (the reading column is capped at `settings.max_width`).
/// The metadata line speaks `lang`.
pub fn show_article(article: &Article, settings: &ReadingSettings, available: usize, lang: Lang) -> String {
    show_in(article, settings.layout(available), lang)
}

/// `show_article` in exactly `width` columns (`show --width`).
pub fn show_article_in(article: &Article, settings: &ReadingSettings, width: usize, lang: Lang) -> String {
    show_in(
        article,
        LayoutSettings {
            width: width.max(crate::layout::MIN_WIDTH),
            ..settings.layout(width)
        },
        lang,
    )
}

fn show_in(article: &Article, settings: LayoutSettings, lang: Lang) -> String {
    let mut out = String::new();
    for line in wrap_line(&article.meta.title, settings) {
        out.push_str(&line);
        out.push('\n');
    }
    for line in wrap_line(&meta_line(article, lang, Cow::Borrowed), settings) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push('\n');
    let layout = Layout::new(&article.body, settings);
    for i in 0..layout.len() {
        out.push_str(layout.plain_line(&article.body, i).trim_end());
        out.push('\n');
    }
    out
}

/// Wraps one line of text (a title, a metadata line) with the layout
/// engine, as `settings` lay out text but without an indent.
pub fn wrap_line(text: &str, settings: LayoutSettings) -> Vec<String> {
    let body = parse_article("_", "_.txt", sanitize_inline(text).as_bytes(), Origin::Bundled)
        .map(|a| a.body)
        .unwrap_or_default();
    let settings = LayoutSettings {
        indent: false,
        ..settings
    };
    let layout = Layout::new(&body, settings);
    (0..layout.len()).map(|i| layout.plain_line(&body, i)).collect()
}

/// `yuedu config --keys`: every binding, by context.
pub fn keymap_table(keymap: &crate::keymap::Keymap, lang: Lang) -> String {
    let mut out = String::new();
    for (context, keys, command) in keymap.bindings() {
        out.push_str(&format!(
            "{:<12}\t{:<14}\t{:<18}\t{}\n",
            context.name(),
            Shown::field(keys).to_string(),
            command.name(),
            command.description(lang)
        ));
    }
    out
}

/// `yuedu config`: the files and folders in use (`cache_dir` is `None` when
/// the article cache is off).
pub fn places(context: &crate::context::Context, library: &Library) -> String {
    let config_file = context.config_file();
    let data_dir = context.places().data_dir.as_deref();
    let cache_dir = (context.config().library.cache).then_some(context.places().cache_dir.as_deref());
    let dirs = context.sources();
    let extra = context.extra_paths();
    let lang = context.lang();
    let shown = |p: Option<&std::path::Path>| {
        p.map_or_else(
            || tr!(lang, en: "(no home folder found)", hans: "（找不到主文件夹）", hant: "（找不到主資料夾）"),
            |p| Shown::field(p.display()).to_string(),
        )
    };
    let mut out = String::new();
    let config_state = match config_file {
        Some(path) if path.exists() => String::new(),
        Some(_) => tr!(
            lang,
            en: "  (not present: built-in defaults)",
            hans: "  （不存在：使用内置默认设置）",
            hant: "  （不存在：使用內建預設設定）",
        ),
        None => String::new(),
    };
    let config = shown(config_file);
    out.push_str(&tr!(
        lang,
        en: "config file\t{config}{config_state}\n",
        hans: "配置文件\t{config}{config_state}\n",
        hant: "設定檔\t{config}{config_state}\n",
    ));
    let data = shown(data_dir);
    out.push_str(&tr!(lang, en: "data folder\t{data}\n", hans: "数据文件夹\t{data}\n", hant: "資料資料夾\t{data}\n"));
    match cache_dir {
        Some(dir) => {
            let usage = dir.map(crate::library::cache_usage).unwrap_or_default();
            let (dir, files, size) = (shown(dir), usage.files, crate::files::size(usage.bytes));
            let files = match (lang, files) {
                (Lang::English, 1) => "1 file".to_string(),
                _ => tr!(lang, en: "{files} files", hans: "{files} 个文件", hant: "{files} 個檔案"),
            };
            out.push_str(&tr!(
                lang,
                en: "cache folder\t{dir}  ({files}, {size}; files unused for 30 days are removed)\n",
                hans: "缓存文件夹\t{dir}  （{files}，{size}；30 天未用的文件会被删除）\n",
                hant: "快取資料夾\t{dir}  （{files}，{size}；30 天未用的檔案會被刪除）\n",
            ));
        }
        None => out.push_str(&tr!(
            lang,
            en: "cache folder\toff (library.cache = false)\n",
            hans: "缓存文件夹\t关闭（library.cache = false）\n",
            hant: "快取資料夾\t關閉（library.cache = false）\n",
        )),
    }
    let collections: Vec<String> = if dirs.is_empty() {
        std::iter::once(tr!(lang, en: "bundled", hans: "内置", hant: "內建"))
            .chain(extra.iter().map(|p| Shown::field(p.display()).to_string()))
            .collect()
    } else {
        dirs.iter().map(|p| Shown::field(p.display()).to_string()).collect()
    };
    let collections = collections.join(", ");
    out.push_str(&tr!(
        lang,
        en: "collections\t{collections}\n",
        hans: "文集\t{collections}\n",
        hant: "文集\t{collections}\n",
    ));
    let (articles, categories) = (library.articles().len(), library.categories().len());
    out.push_str(&tr!(
        lang,
        en: "articles\t{articles} in {categories} categories\n",
        hans: "文章\t{articles} 篇，{categories} 个分类\n",
        hant: "文章\t{articles} 篇，{categories} 個分類\n",
    ));
    out
}

/// The columns `show` has: the terminal's, or 80 when the output is not a terminal.
pub fn available_width(terminal_width: Option<u16>) -> usize {
    terminal_width.map_or(80, usize::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{AmbiguousWidth, str_width};

    #[test]
    fn list_prints_id_category_and_title() {
        let library = Library::management();
        let out = list_lines(&select(&library, Some("营销管理")));
        assert_eq!(out, "yingxiao/kehu-guanxi-guanli\t营销管理\t如何做好客户关系管理\n");
    }

    #[test]
    fn json_list_has_the_extra_fields() {
        let library = Library::management();
        let json = list_json(&select(&library, None), &library, &State::default());
        let value: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(value[1]["author"], "admin");
        assert!(value[0]["chars"].as_u64().unwrap_or(0) > 1000);
        assert_eq!(
            (&value[0]["read"], &value[0]["progress"]),
            (&"unread".into(), &0.into())
        );
    }

    #[test]
    fn json_list_says_how_far_each_article_was_read_as_the_reader_does() {
        use crate::store::{Position, identity};
        let library = Library::management();
        let article = |index| library.article_at(index).expect("article");
        let mut state = State::default();
        let mut position = |index: usize, offset, finished, fingerprint| {
            let position = Position {
                offset,
                percent: crate::present::percent(&article(index).body, offset),
                finished,
                updated: jiff::Timestamp::from_second(1).expect("time"),
                fingerprint,
                unknown: Default::default(),
            };
            state.positions.insert(article(index).id.to_string(), position);
        };
        let half = article(1).body.text.len() / 2;
        position(0, 10, true, None);
        position(1, half, false, Some(identity::fingerprint(&article(1).body.text)));
        position(2, 10, false, Some(1));
        let json = list_json(&select(&library, None), &library, &state);
        let value: serde_json::Value = serde_json::from_str(&json).expect("json");
        let read = |i: usize| {
            (
                value[i]["read"].as_str().unwrap_or(""),
                value[i]["progress"].as_u64().unwrap_or(999),
            )
        };
        assert_eq!(read(0), ("finished", 100));
        let percent = crate::present::percent(&article(1).body, half);
        assert!((45..=55).contains(&percent), "{percent}");
        assert_eq!(read(1), ("reading", u64::from(percent)));
        assert_eq!(read(2), ("unread", 0), "a position saved for other text");
    }

    fn defaults() -> ReadingSettings {
        crate::layout::reading_settings(&crate::config::Config::default_config().expect("defaults"))
    }

    #[test]
    fn show_is_width_correct_and_starts_with_title_and_metadata() {
        let library = Library::management();
        let article = library.article_at(0).expect("article");
        let out = show_article_in(article, &defaults(), 40, Lang::Simplified);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "如何做好学生管理工作");
        assert!(
            lines[1].starts_with("来源：河北外国语学院  阅读\u{a0}2747\u{a0}次"),
            "{}",
            lines[1]
        );
        assert!(out.contains("\n\n\u{3000}\u{3000}作为老师，"), "{out}");
        assert!(lines.iter().all(|l| str_width(l, AmbiguousWidth::Narrow) <= 40));
    }

    #[test]
    fn show_lays_text_out_as_the_reader_does() {
        let config = crate::config::Config::from_user_text(
            "test.toml",
            "[reading]\nmax_width = 30\nindent = false\nparagraph_spacing = false\nambiguous_width = \"wide\"\n",
        )
        .expect("config");
        let settings = crate::layout::reading_settings(&config);
        let library = Library::management();
        let index = library.find("yingxiao/kehu-guanxi-guanli").expect("article");
        let article = &library[index];
        for terminal in [24, 60, 80, 200] {
            let keymap = config.keymap.clone();
            let mut app = crate::app::App::new(Library::management(), keymap, settings, terminal, 30);
            app.open_article(index, None);
            let column = app.layout_settings();
            assert_eq!(
                column,
                settings.layout(column.width),
                "one settings type, config to layout"
            );
            let reader = Layout::new(&article.body, column);
            let reader: Vec<String> = (0..reader.len())
                .map(|i| reader.plain_line(&article.body, i).trim_end().to_string())
                .collect();
            let shown = show_article_in(article, &settings, column.width, Lang::Simplified);
            let body: Vec<&str> = shown.lines().skip_while(|l| !l.is_empty()).skip(1).collect();
            assert_eq!(body, reader, "at {terminal} columns");
            let all: Vec<&str> = shown.lines().collect();
            assert!(all.iter().all(|l| str_width(l, AmbiguousWidth::Wide) <= 30), "{shown}");
            assert!(!shown.contains('\u{3000}'), "no indent");
        }
    }

    #[test]
    fn numbers_stay_with_their_units_when_the_metadata_wraps() {
        let library = Library::management();
        let lines = wrap_line(
            &meta_line(library.article_at(1).expect("article"), Lang::Simplified, Cow::Borrowed),
            defaults().layout(40),
        );
        assert!(
            lines.iter().all(|l| !l.ends_with(|c: char| c.is_ascii_digit())),
            "{lines:?}"
        );
    }
}
