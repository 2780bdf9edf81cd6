//! The subcommands (`list`, `show`, `toc`, `search`, `bookmarks`, `config`)
//! and the list printed when there is no screen: each loads through the
//! `Context` and prints through `print`, past the one gate of `text::Shown`.
//! Exit codes: 0 ok, 1 not found, 2 usage or input errors.
//!
//! # Design
//!
//! the subcommands run on a `Context`: `list` (a category matched by prefix and folding), `show`,
//! `toc`, `search` (the query checked, one sentence when nothing matched), `bookmarks`, `config`,
//! and the list printed when stdout is no terminal; all output through `write_out`, past
//! `text::Shown`; exit codes 0, 1 (not found), 2 (usage or input)

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{BookmarksAction, Cli, Command};
use crate::config;
use crate::context::{Context, Failure, STDIN_PATH, warn};
use crate::i18n::{Lang, tr};
use crate::library::{Article, Library};
use crate::print;
use crate::search::{Query, SearchResults};
use crate::store::State;
use crate::text::Shown;

const NOT_FOUND: u8 = 1;
const INPUT_ERROR: u8 = 2;

/// `yuedu config --default`: the only command that needs no context (it
/// prints the defaults even when the user's config is broken).
pub fn without_context(command: Option<&Command>) -> Option<ExitCode> {
    matches!(command, Some(Command::Config { default: true, .. })).then(|| write_out(config::DEFAULT_TOML))
}

/// Runs a subcommand, or prints the list when there is no screen (`None`).
pub fn run(command: Option<Command>, context: &Context) -> Result<ExitCode, Failure> {
    let lang = context.lang();
    Ok(match command {
        // In a pipe there is no screen to draw on: print the list instead.
        None => write_out(&print::list_lines(&print::select(&context.load()?, None))),
        Some(Command::List { category, json, .. }) => {
            // The JSON list says how far each article was read.
            let state = if json { context.saved_state() } else { None };
            list(
                &context.load()?,
                category.as_deref(),
                json,
                &state.unwrap_or_default(),
                lang,
            )?
        }
        Some(Command::Show {
            id,
            width,
            vertical,
            height,
        }) => {
            let (library, index) = context.find_article(&id)?;
            let article = &library[index];
            if let Some(notice) = crate::present::undecoded_notice(article) {
                warn(notice.get(lang));
            }
            let settings = context.settings();
            if vertical {
                let (columns, rows) = terminal_size().unwrap_or((80, 25));
                let width = width.map_or_else(|| print::available_width(Some(columns)), usize::from);
                let height = height.map_or(usize::from(rows.saturating_sub(1)), usize::from);
                let pages = print::show_vertical(article, &settings, width, height, lang);
                return Ok(write_pages(&pages));
            }
            write_out(&match width {
                Some(width) => print::show_article_in(article, &settings, usize::from(width), lang),
                None => print::show_article(article, &settings, print::available_width(terminal_width()), lang),
            })
        }
        Some(Command::Toc { id, json }) => {
            let (library, index) = context.find_article(&id)?;
            let article = &library[index];
            write_out(&if json {
                print::toc_json(article)
            } else {
                print::toc_lines(article)
            })
        }
        Some(Command::Search { query, json, limit }) => {
            let query_words = query;
            let text = query_words.join(" ");
            if text.len() > crate::search::MAX_QUERY_BYTES {
                let (len, max) = (text.len(), crate::search::MAX_QUERY_BYTES);
                return Err(Failure::Input(tr!(
                    lang,
                    en: "the query is {len} bytes long; queries are at most {max} bytes",
                    hans: "查询有 {len} 字节；查询最多 {max} 字节",
                    hant: "查詢有 {len} 位元組；查詢最多 {max} 位元組",
                )));
            }
            let query = Query::parse(&text, context.config().search.pinyin_initials);
            if query.terms.is_empty() {
                return Err(Failure::Input(tr!(
                    lang,
                    en: "the query is empty: give a word to search for",
                    hans: "查询是空的：请给出要搜索的字词",
                    hant: "查詢是空的：請給出要搜尋的字詞",
                )));
            }
            let ambiguous = context.settings().ambiguous;
            let paths: Vec<&String> = query_words.iter().filter(|w| PathBuf::from(w).exists()).collect();
            context.search(&query, limit, |results, documents| {
                if results.total == 0 {
                    say_nothing_matched(&text, &paths, lang);
                }
                print_results(results, documents, json, ambiguous)
            })?
        }
        Some(Command::Bookmarks { json, action }) => {
            let Some(state) = context.saved_state() else {
                return Err(Failure::Input(tr!(
                    lang,
                    en: "no data folder: the home folder cannot be found",
                    hans: "没有数据文件夹：找不到主文件夹",
                    hant: "沒有資料資料夾：找不到主資料夾",
                )));
            };
            let saved: Vec<&str> = state.bookmarks.iter().map(|b| b.article.as_str()).collect();
            let library = context.load_with_files(&saved)?;
            write_out(&match (action, json) {
                (Some(BookmarksAction::Export), _) => print::bookmark_markdown(&state, &library, lang),
                (None, true) => print::bookmark_json(&state, &library),
                (None, false) => print::bookmark_lines(&state, &library, lang),
            })
        }
        Some(Command::Config { keys: true, .. }) => write_out(&print::keymap_table(&context.config().keymap, lang)),
        Some(Command::Config { .. }) => write_out(&print::places(context, &context.load()?)),
    })
}

/// `yuedu list`: a category is matched by prefix, folded as search folds.
fn list(library: &Library, category: Option<&str>, json: bool, state: &State, lang: Lang) -> Result<ExitCode, Failure> {
    let names = library.categories().iter().map(|c| c.name.as_str());
    let category = match category.map(|typed| (typed, crate::search::matching_names(names, typed))) {
        None => None,
        Some((_, found)) if found.len() == 1 => Some(found[0]),
        Some((typed, found)) if found.is_empty() => {
            let known: Vec<&str> = library.categories().iter().map(|c| c.name.as_str()).collect();
            let known = known.join(", ");
            return Err(Failure::NotFound(tr!(
                lang,
                en: "no category {typed:?}; categories: {known}",
                hans: "没有分类 {typed:?}；分类有：{known}",
                hant: "沒有分類 {typed:?}；分類有：{known}",
            )));
        }
        Some((typed, found)) => {
            let found = found.join(", ");
            return Err(Failure::NotFound(tr!(
                lang,
                en: "{typed:?} matches several categories: {found}",
                hans: "{typed:?} 对应多个分类：{found}",
                hant: "{typed:?} 對應多個分類：{found}",
            )));
        }
    };
    let articles = print::select(library, category);
    Ok(write_out(&if json {
        print::list_json(&articles, library, state)
    } else {
        print::list_lines(&articles)
    }))
}

/// The command line's paths all in `dirs`: PATH arguments, `--dir` and
/// `list PATH`; standard input, when piped to a bare `yuedu`, as `-`.
pub fn with_all_paths(mut cli: Cli) -> Cli {
    cli.dirs.append(&mut cli.paths);
    if let Some(Command::List { paths, .. }) = &mut cli.command {
        cli.dirs.append(paths);
    }
    if cli.command.is_none() && cli.dirs.is_empty() && crate::library::stdin_is_piped() {
        cli.dirs.push(PathBuf::from(STDIN_PATH));
    }
    cli
}

/// One sentence on stderr when a search finds nothing; a query word that
/// names a file or folder was most likely meant as a path.
fn say_nothing_matched(text: &str, paths: &[&String], lang: Lang) {
    if paths.is_empty() {
        return warn(tr!(lang, en: "nothing matched “{text}”", hans: "没有找到“{text}”", hant: "沒有找到「{text}」"));
    }
    let named: Vec<&str> = paths.iter().map(|p| p.as_str()).collect();
    let words: Vec<&str> = text.split(' ').filter(|w| !named.contains(w)).collect();
    let (named, words) = (named.join(" "), words.join(" "));
    warn(tr!(
        lang,
        en: "nothing matched “{text}”; “{named}” names a file or folder here: to search it, write `yuedu {named} search {words}`",
        hans: "没有找到“{text}”；“{named}”是这里的文件或文件夹：要在其中搜索，请写 `yuedu {named} search {words}`",
        hant: "沒有找到「{text}」；「{named}」是這裡的檔案或資料夾：要在其中搜尋，請寫 `yuedu {named} search {words}`",
    ));
}

/// Prints search results; exit status 1 when nothing matched.
fn print_results(
    results: &SearchResults,
    articles: &[Article],
    json: bool,
    ambiguous: crate::text::AmbiguousWidth,
) -> ExitCode {
    let out = if json {
        print::search_json(results, articles, ambiguous)
    } else {
        print::search_lines(results, articles, ambiguous)
    };
    if results.total == 0 {
        let _ = write_out(&out);
        return ExitCode::from(NOT_FOUND);
    }
    write_out(&out)
}

fn terminal_width() -> Option<u16> {
    terminal_size().map(|(width, _)| width)
}

/// The terminal's size when stdout is one.
fn terminal_size() -> Option<(u16, u16)> {
    std::io::stdout()
        .is_terminal()
        .then(|| ratatui::crossterm::terminal::size().ok())
        .flatten()
}

/// Pages of text, each line through the gate of `write_out`, a line of one
/// form feed (our own, never the text's) between two pages.
fn write_pages(pages: &[Vec<String>]) -> ExitCode {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let mut write = || {
        for (i, page) in pages.iter().enumerate() {
            if i > 0 {
                out.write_all(PAGE_BREAK.as_bytes())?;
            }
            for line in page {
                writeln!(out, "{}", Shown::text(line))?;
            }
        }
        out.flush()
    };
    written(write())
}

/// What separates two pages of `show --vertical`.
const PAGE_BREAK: &str = "\u{c}\n";

/// Writes to stdout, through the gate that lets no control character or
/// escape sequence out; a closed pipe (`yuedu list | head`) is not an error.
/// Written as it passes the gate, not copied first: the list of a large
/// collection (4.5 MB for 57,603 poems) is held once.
pub fn write_out(text: &str) -> ExitCode {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    written(write!(out, "{}", Shown::text(text)).and_then(|()| out.flush()))
}

/// The exit code of a write to stdout.
fn written(result: std::io::Result<()>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        // Said in English: no language is known here (nor, most likely, a working stderr).
        Err(e) => fail(&Failure::Input(format!("cannot write output: {e}"))),
    }
}

pub fn fail(failure: &Failure) -> ExitCode {
    warn(failure);
    ExitCode::from(match failure {
        Failure::NotFound(_) => NOT_FOUND,
        Failure::Input(_) => INPUT_ERROR,
    })
}
