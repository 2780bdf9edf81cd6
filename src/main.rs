//! The binary: parse the command line, load the configuration and the
//! collection, run a subcommand or the full-screen reader.
//! Exit codes: 0 ok, 1 not found, 2 usage or input errors.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use directories::{BaseDirs, ProjectDirs};
use yuedu::app::{App, ReadingSettings};
use yuedu::cli::{BookmarksAction, Cli, Command};
use yuedu::config::{self, AmbiguousSetting, Config};
use yuedu::library::{ArticleCache, Document, Format, InPlace, Library, Plan, read_batch_cached};
use yuedu::print;
use yuedu::search::{Query, SearchIndex, SearchResults};
use yuedu::store::Store;
use yuedu::text::{AmbiguousWidth, Shown};
use yuedu::ui::theme::Theme;

const NOT_FOUND: u8 = 1;
const INPUT_ERROR: u8 = 2;

/// Where yuedu keeps its files on this platform.
struct Places {
    config_file: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    /// Where parsed articles are cached (`library.cache`).
    cache_dir: Option<PathBuf>,
    home: Option<PathBuf>,
}

impl Places {
    fn find() -> Places {
        let project = ProjectDirs::from("", "", "yuedu");
        Places {
            config_file: project.as_ref().map(|p| p.config_dir().join(config::FILE_NAME)),
            data_dir: project.as_ref().map(|p| p.data_dir().to_path_buf()),
            cache_dir: project.as_ref().map(|p| p.cache_dir().to_path_buf()),
            home: BaseDirs::new().map(|b| b.home_dir().to_path_buf()),
        }
    }
}

fn main() -> ExitCode {
    let cli = with_all_paths(Cli::parse());
    if let Some(Command::Config { default: true, .. }) = cli.command {
        return write_out(config::DEFAULT_TOML);
    }
    let places = Places::find();
    // The configuration is checked before anything else, and before the terminal is touched.
    let (config, config_file) = match Config::load(cli.config.as_deref(), places.config_file.as_deref()) {
        Ok(loaded) => loaded,
        Err(err) => return fail(INPUT_ERROR, &err.to_string()),
    };
    if cli.command.is_none() && std::io::stdout().is_terminal() {
        // The reader starts at once and reads a large collection in the background.
        return match plan_library(&cli, &config, &places) {
            Ok(plan) => {
                let cache = article_cache(&plan, &config, &places);
                let single = plan.is_single_file();
                run_reader(plan, cache, &config, places.data_dir.as_deref(), single)
            }
            Err(message) => fail(INPUT_ERROR, &message),
        };
    }
    if let Some(Command::Search { query, json, limit }) = &cli.command {
        let query = Query::parse(&query.join(" "), config.search.pinyin_initials);
        return search(&cli, &config, &places, &query, *json, *limit);
    }
    if let Some(Command::Show { id, .. } | Command::Toc { id, .. }) = &cli.command {
        let (article, library) = match find_article(&cli, &config, &places, id) {
            Ok(found) => found,
            Err((code, message)) => return fail(code, &message),
        };
        let article = &library.articles()[article];
        return match &cli.command {
            Some(Command::Toc { json: true, .. }) => write_out(&print::toc_json(article)),
            Some(Command::Toc { .. }) => write_out(&print::toc_lines(article)),
            Some(Command::Show { width, .. }) => {
                let width = width.map_or_else(|| print::default_width(terminal_width()), usize::from);
                write_out(&print::show_article(article, width))
            }
            _ => ExitCode::SUCCESS,
        };
    }
    let library = match load_library(&cli, &config, &places) {
        Ok(library) => library,
        Err(message) => return fail(INPUT_ERROR, &message),
    };
    for problem in library.problems() {
        warn(format_args!("skipped {}", Shown::field(problem)));
    }
    match cli.command {
        None if !std::io::stdout().is_terminal() => {
            // In a pipe there is no screen to draw on: print the list instead.
            write_out(&print::list_lines(&print::select(&library, None)))
        }
        None => write_out(&print::list_lines(&print::select(&library, None))),
        Some(Command::List { category, json, .. }) => {
            // A category is matched by prefix, folded as search folds.
            let names = library.categories().iter().map(|c| c.name.as_str());
            let category = match category
                .as_deref()
                .map(|typed| (typed, yuedu::search::matching_names(names, typed)))
            {
                None => None,
                Some((_, found)) if found.len() == 1 => Some(found[0]),
                Some((typed, found)) if found.is_empty() => {
                    let known: Vec<&str> = library.categories().iter().map(|c| c.name.as_str()).collect();
                    return fail(
                        NOT_FOUND,
                        &format!("no category {typed:?}; categories: {}", known.join(", ")),
                    );
                }
                Some((typed, found)) => {
                    return fail(
                        NOT_FOUND,
                        &format!("{typed:?} matches several categories: {}", found.join(", ")),
                    );
                }
            };
            let articles = print::select(&library, category);
            if json {
                write_out(&print::list_json(&articles))
            } else {
                write_out(&print::list_lines(&articles))
            }
        }
        // Answered above, before the library is loaded: search reads the
        // article cache in place, show and toc may read one file only.
        Some(Command::Search { .. } | Command::Show { .. } | Command::Toc { .. }) => ExitCode::SUCCESS,
        Some(Command::Bookmarks { json, action }) => {
            let Some(dir) = places.data_dir.as_deref() else {
                return fail(INPUT_ERROR, "no data folder: the home folder cannot be found");
            };
            // A listing reads only: it creates, moves and removes nothing.
            let (state, notices) = Store::read_only(dir);
            for notice in notices {
                warn(Shown::field(&notice));
            }
            match (action, json) {
                (Some(BookmarksAction::Export), _) => write_out(&print::bookmark_markdown(&state, &library)),
                (None, true) => write_out(&print::bookmark_json(&state, &library)),
                (None, false) => write_out(&print::bookmark_lines(&state, &library)),
            }
        }
        Some(Command::Config { keys: true, .. }) => write_out(&print::keymap_table(&config.keymap)),
        Some(Command::Config { .. }) => {
            let config_file = config_file.or(places.config_file.clone());
            let extra = config.library_paths(places.home.as_deref());
            write_out(&print::places(
                config_file.as_deref(),
                places.data_dir.as_deref(),
                config.library.cache.then_some(places.cache_dir.as_deref()),
                &cli.dirs,
                &extra,
                &library,
            ))
        }
    }
}

/// Files in one background batch: enough to amortise re-sorting, small enough
/// that the lists fill in visibly.
const LOAD_BATCH: usize = 2_000;

/// The reader on `plan`; on the one article of a `single` file, opened.
fn run_reader(
    mut plan: Plan,
    mut cache: Option<ArticleCache>,
    config: &Config,
    data_dir: Option<&Path>,
    single: bool,
) -> ExitCode {
    let keymap = config.keymap.clone();
    let ambiguous = match config.reading.ambiguous_width {
        AmbiguousSetting::Wide => Some(AmbiguousWidth::Wide),
        AmbiguousSetting::Narrow => Some(AmbiguousWidth::Narrow),
        AmbiguousSetting::Auto => None,
    };
    let settings = ReadingSettings {
        max_width: config.reading.max_width,
        indent: config.reading.indent,
        paragraph_spacing: config.reading.paragraph_spacing,
        ambiguous: ambiguous.unwrap_or(AmbiguousWidth::Narrow),
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::from_settings(&config.theme, no_color);
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut library = plan.start();
    let total = plan.len();
    let mut batches = plan.into_batches(LOAD_BATCH);
    // A small collection is read before the first frame; a large one after.
    if total <= LOAD_BATCH {
        for batch in batches.drain(..) {
            library.extend(read_batch_cached(batch, cache.as_mut()));
        }
        save_cache(cache.take());
    }
    for problem in library.problems() {
        warn(format_args!("skipped {}", Shown::field(problem)));
    }
    let mut app = App::new(library, keymap, settings, width, height);
    if !batches.is_empty() {
        app.start_loading(total);
    }
    app.set_pinyin_initials(config.search.pinyin_initials);
    let store = data_dir.map(|dir| {
        let (store, state, notices) = Store::open(dir);
        app.load_saved(state);
        if !notices.is_empty() {
            let text: Vec<String> = notices.iter().map(ToString::to_string).collect();
            app.notify(text.join("; "));
        }
        store
    });
    if single && app.library().articles().len() == 1 {
        // As `less FILE`: straight into the text; the lists are one key away.
        app.open_article(0, None);
    }
    let options = yuedu::tui::Options {
        mouse: config.interface.mouse,
        detect_ambiguous_width: ambiguous.is_none(),
    };
    let loading = yuedu::tui::Loading { batches, cache };
    match yuedu::tui::run(app, &theme, options, store, loading) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(INPUT_ERROR, &format!("terminal error: {err}")),
    }
}

/// The command line's paths all in `dirs`: PATH arguments, `--dir` and
/// `list PATH`; standard input, when piped to a bare `yuedu`, as `-`.
fn with_all_paths(mut cli: Cli) -> Cli {
    cli.dirs.append(&mut cli.paths);
    if let Some(Command::List { paths, .. }) = &mut cli.command {
        cli.dirs.append(paths);
    }
    if cli.command.is_none() && cli.dirs.is_empty() && yuedu::library::stdin_is_piped() {
        cli.dirs.push(PathBuf::from(STDIN_PATH));
    }
    cli
}

/// The path that names standard input.
const STDIN_PATH: &str = "-";

fn plan_library(cli: &Cli, config: &Config, places: &Places) -> Result<Plan, String> {
    if cli.dirs.is_empty() {
        let mut plan = Plan::bundled();
        plan.add_extra_dirs(&config.library_paths(places.home.as_deref()));
        return Ok(plan);
    }
    let (stdin, paths): (Vec<&PathBuf>, Vec<&PathBuf>) = cli.dirs.iter().partition(|p| p.as_os_str() == STDIN_PATH);
    let paths: Vec<PathBuf> = paths.into_iter().cloned().collect();
    let mut plan = if paths.is_empty() {
        Plan::default()
    } else {
        Plan::dirs(&paths).map_err(|e| e.to_string())?
    };
    if !stdin.is_empty() {
        plan.add_bytes(yuedu::library::read_stdin()?);
    }
    Ok(plan)
}

/// The article `id` names for `show` and `toc`: standard input (`-`), a
/// file, or an ID of the collection (with or without the file's extension).
/// Only what is named is read: a file, not the whole collection.
fn find_article(cli: &Cli, config: &Config, places: &Places, id: &str) -> Result<(usize, Library), (u8, String)> {
    let path = Path::new(id);
    let single = (id == STDIN_PATH || path.is_file()).then(|| Cli {
        dirs: vec![path.to_path_buf()],
        paths: Vec::new(),
        config: None,
        command: None,
    });
    let library = load_library(single.as_ref().unwrap_or(cli), config, places).map_err(|m| (INPUT_ERROR, m))?;
    if single.is_some() {
        return Ok((0, library));
    }
    let stem = Format::of(id).and_then(|_| id.rsplit_once('.')).map(|(stem, _)| stem);
    match library.find(id).or_else(|| stem.and_then(|s| library.find(s))) {
        Some(index) => Ok((index, library)),
        // Named like a file: say so, as for a wrong path on the command line.
        None if stem.is_some() || id.starts_with(['.', '/', '~']) => {
            Err((INPUT_ERROR, format!("{id} does not exist, and no article has that ID")))
        }
        None => Err((NOT_FOUND, not_found_message(&library, id))),
    }
}

/// Reads the whole collection, through the article cache.
fn load_library(cli: &Cli, config: &Config, places: &Places) -> Result<Library, String> {
    let plan = plan_library(cli, config, places)?;
    let cache = article_cache(&plan, config, places);
    load_plan(plan, cache, cli)
}

/// Reads every file of `plan`, through `cache`, and writes the cache; `--dir`
/// folders must hold at least one article.
fn load_plan(plan: Plan, mut cache: Option<ArticleCache>, cli: &Cli) -> Result<Library, String> {
    let library = plan.load_cached(cache.as_mut());
    save_cache(cache);
    if cli.dirs.is_empty() {
        Ok(library)
    } else {
        library.require_articles(&cli.dirs).map_err(|e| e.to_string())
    }
}

/// `yuedu search`: files unchanged since the article cache took them in are
/// searched where they lie in it, the others are parsed (and cached); without
/// a cache, over the loaded library.
fn search(cli: &Cli, config: &Config, places: &Places, query: &Query, json: bool, limit: usize) -> ExitCode {
    let plan = match plan_library(cli, config, places) {
        Ok(plan) => plan,
        Err(message) => return fail(INPUT_ERROR, &message),
    };
    let mut cache = article_cache(&plan, config, places);
    if let Some(open) = cache.as_mut() {
        let mut collection = plan.read_in_place(open);
        let changes = std::mem::take(&mut collection.changes);
        let shown = search_in_place(&collection, cli, query, json, limit);
        drop(collection);
        if let Some(code) = shown {
            changes.into_iter().for_each(|change| open.record(change));
            save_cache(cache);
            return code;
        }
        // Text in the cache that may not be shown: load anew (such entries are
        // not restored) and write the cache again.
        cache = article_cache(&plan, config, places);
    }
    let library = match load_plan(plan, cache, cli) {
        Ok(library) => library,
        Err(message) => return fail(INPUT_ERROR, &message),
    };
    for problem in library.problems() {
        warn(format_args!("skipped {}", Shown::field(problem)));
    }
    let index = SearchIndex::for_query(library.articles(), query);
    let results = index.search(&library, query, limit);
    print_results(&results, library.articles(), json)
}

/// Searches a collection read in place and prints the results; `None` (and
/// nothing printed) when a text to show is not as the parser leaves text
/// (a damaged cache), or when `--dir` folders hold no article (the full load
/// says why).
fn search_in_place(collection: &InPlace<'_>, cli: &Cli, query: &Query, json: bool, limit: usize) -> Option<ExitCode> {
    if (collection.documents.is_empty() && !cli.dirs.is_empty()) || collection.collides {
        return None;
    }
    let index = SearchIndex::for_query(&collection.documents, query);
    let results = index.search_in(&collection.documents, query, limit);
    let shown_clean = results.hits.iter().all(|hit| {
        collection
            .documents
            .get(hit.article)
            .is_some_and(|d| yuedu::text::is_clean(d.text()))
    });
    if !shown_clean {
        return None;
    }
    for problem in &collection.problems {
        warn(format_args!("skipped {}", Shown::field(problem)));
    }
    Some(print_results(&results, &collection.documents, json))
}

/// Prints search results; exit status 1 when nothing matched.
fn print_results<D: Document>(results: &SearchResults, articles: &[D], json: bool) -> ExitCode {
    let out = if json {
        print::search_json(results, articles)
    } else {
        print::search_lines(results, articles)
    };
    if results.total == 0 {
        let _ = write_out(&out);
        return ExitCode::from(NOT_FOUND);
    }
    write_out(&out)
}

fn article_cache(plan: &Plan, config: &Config, places: &Places) -> Option<ArticleCache> {
    let dir = places.cache_dir.as_deref().filter(|_| config.library.cache)?;
    plan.open_cache(dir)
}

/// Writes the article cache if it changed. It is only a cache: failing to
/// write it (a read-only home, a full disk) costs speed, nothing else.
fn save_cache(cache: Option<ArticleCache>) {
    if let Some(cache) = cache {
        let _ = cache.save();
    }
}

fn not_found_message(library: &Library, id: &str) -> String {
    let suggestions = library.suggest(id);
    if suggestions.is_empty() {
        format!("no article with ID {id:?}; `yuedu list` shows the IDs")
    } else {
        let suggestions: Vec<String> = suggestions.into_iter().map(yuedu::text::shown).collect();
        format!("no article with ID {id:?}; did you mean {}?", suggestions.join(" or "))
    }
}

fn terminal_width() -> Option<u16> {
    std::io::stdout()
        .is_terminal()
        .then(|| ratatui::crossterm::terminal::size().ok().map(|(w, _)| w))
        .flatten()
}

/// Writes to stdout, through the gate that lets no control character or
/// escape sequence out; a closed pipe (`yuedu list | head`) is not an error.
fn write_out(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match write!(out, "{}", Shown::text(text)).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(INPUT_ERROR, &format!("cannot write output: {e}")),
    }
}

fn fail(code: u8, message: &str) -> ExitCode {
    warn(message);
    ExitCode::from(code)
}

/// One line on stderr, through the same gate as stdout.
fn warn(message: impl std::fmt::Display) {
    eprintln!("yuedu: {}", Shown::text(message));
}
