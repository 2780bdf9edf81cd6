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
use yuedu::library::{Library, Plan, read_batch};
use yuedu::print;
use yuedu::search::{Query, SearchIndex};
use yuedu::store::Store;
use yuedu::text::AmbiguousWidth;
use yuedu::ui::theme::Theme;

const NOT_FOUND: u8 = 1;
const INPUT_ERROR: u8 = 2;

/// Where yuedu keeps its files on this platform.
struct Places {
    config_file: Option<PathBuf>,
    data_dir: Option<PathBuf>,
    home: Option<PathBuf>,
}

impl Places {
    fn find() -> Places {
        let project = ProjectDirs::from("", "", "yuedu");
        Places {
            config_file: project.as_ref().map(|p| p.config_dir().join(config::FILE_NAME)),
            data_dir: project.as_ref().map(|p| p.data_dir().to_path_buf()),
            home: BaseDirs::new().map(|b| b.home_dir().to_path_buf()),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
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
            Ok(plan) => run_reader(plan, &config, places.data_dir.as_deref()),
            Err(message) => fail(INPUT_ERROR, &message),
        };
    }
    // A search parses only the files that can match.
    let prefilter = match &cli.command {
        Some(Command::Search { query, .. }) => Some(Query::parse(&query.join(" "), config.search.pinyin_initials)),
        _ => None,
    };
    let library = match prefilter {
        Some(query) => plan_library(&cli, &config, &places).map(|plan| plan.load_where(&|raw| query.may_match(raw))),
        None => load_library(&cli, &config, &places),
    };
    let library = match library {
        Ok(library) => library,
        Err(message) => return fail(INPUT_ERROR, &message),
    };
    for problem in library.problems() {
        eprintln!("yuedu: skipped {problem}");
    }
    match cli.command {
        None if !std::io::stdout().is_terminal() => {
            // In a pipe there is no screen to draw on: print the list instead.
            write_out(&print::list_lines(&print::select(&library, None)))
        }
        None => write_out(&print::list_lines(&print::select(&library, None))),
        Some(Command::List { category, json }) => {
            let articles = print::select(&library, category.as_deref());
            if articles.is_empty()
                && let Some(category) = category
            {
                let known: Vec<&str> = library.categories().iter().map(|c| c.name.as_str()).collect();
                return fail(
                    NOT_FOUND,
                    &format!("no category {category:?}; categories: {}", known.join(", ")),
                );
            }
            if json {
                write_out(&print::list_json(&articles))
            } else {
                write_out(&print::list_lines(&articles))
            }
        }
        Some(Command::Show { id, width }) => {
            let Some(index) = library.find(&id) else {
                return fail(NOT_FOUND, &not_found_message(&library, &id));
            };
            let width = width.map_or_else(|| print::default_width(terminal_width()), usize::from);
            write_out(&print::show_article(&library.articles()[index], width))
        }
        Some(Command::Search { query, json, limit }) => {
            let query = Query::parse(&query.join(" "), config.search.pinyin_initials);
            let index = SearchIndex::build(&library);
            let results = index.search(&library, &query, limit);
            let out = if json {
                print::search_json(&results, &library)
            } else {
                print::search_lines(&results, &library)
            };
            if results.total == 0 {
                let _ = write_out(&out);
                return ExitCode::from(NOT_FOUND);
            }
            write_out(&out)
        }
        Some(Command::Bookmarks { json, action }) => {
            let Some(dir) = places.data_dir.as_deref() else {
                return fail(INPUT_ERROR, "no data folder: the home folder cannot be found");
            };
            let (_, state, notices) = Store::open(dir);
            for notice in notices {
                eprintln!("yuedu: {notice}");
            }
            match (action, json) {
                (Some(BookmarksAction::Export), _) => write_out(&print::bookmark_markdown(&state, &library)),
                (None, true) => write_out(&print::bookmark_json(&state, &library)),
                (None, false) => write_out(&print::bookmark_lines(&state, &library)),
            }
        }
        Some(Command::Config { keys: true, .. }) => match config.keymap() {
            Ok(keymap) => write_out(&print::keymap_table(&keymap)),
            Err(err) => fail(INPUT_ERROR, &err.to_string()),
        },
        Some(Command::Config { .. }) => {
            let config_file = config_file.or(places.config_file.clone());
            let extra = config.library_paths(places.home.as_deref());
            write_out(&print::places(
                config_file.as_deref(),
                places.data_dir.as_deref(),
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

fn run_reader(mut plan: Plan, config: &Config, data_dir: Option<&Path>) -> ExitCode {
    let keymap = match config.keymap() {
        Ok(keymap) => keymap,
        Err(err) => return fail(INPUT_ERROR, &err.to_string()),
    };
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
            library.extend(read_batch(batch));
        }
    }
    for problem in library.problems() {
        eprintln!("yuedu: skipped {problem}");
    }
    let mut app = App::new(library, keymap, settings, width, height);
    if !batches.is_empty() {
        app.start_loading(total);
    }
    app.pinyin_initials = config.search.pinyin_initials;
    let store = data_dir.map(|dir| {
        let (store, state, notices) = Store::open(dir);
        app.load_saved(state);
        if !notices.is_empty() {
            let text: Vec<String> = notices.iter().map(ToString::to_string).collect();
            app.message = Some(text.join("; "));
        }
        store
    });
    let options = yuedu::tui::Options {
        mouse: config.interface.mouse,
        detect_ambiguous_width: ambiguous.is_none(),
    };
    match yuedu::tui::run(app, &theme, options, store, batches) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(INPUT_ERROR, &format!("terminal error: {err}")),
    }
}

fn plan_library(cli: &Cli, config: &Config, places: &Places) -> Result<Plan, String> {
    if cli.dirs.is_empty() {
        let mut plan = Plan::bundled();
        plan.add_extra_dirs(&config.library_paths(places.home.as_deref()));
        Ok(plan)
    } else {
        Plan::dirs(&cli.dirs).map_err(|e| e.to_string())
    }
}

fn load_library(cli: &Cli, config: &Config, places: &Places) -> Result<Library, String> {
    if cli.dirs.is_empty() {
        Ok(Library::bundled_with(&config.library_paths(places.home.as_deref())))
    } else {
        Library::from_dirs(&cli.dirs).map_err(|e| e.to_string())
    }
}

fn not_found_message(library: &Library, id: &str) -> String {
    let suggestions = library.suggest(id);
    if suggestions.is_empty() {
        format!("no article with ID {id:?}; `yuedu list` shows the IDs")
    } else {
        format!("no article with ID {id:?}; did you mean {}?", suggestions.join(" or "))
    }
}

fn terminal_width() -> Option<u16> {
    std::io::stdout()
        .is_terminal()
        .then(|| ratatui::crossterm::terminal::size().ok().map(|(w, _)| w))
        .flatten()
}

/// Writes to stdout; a closed pipe (`yuedu list | head`) is not an error.
fn write_out(text: &str) -> ExitCode {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(INPUT_ERROR, &format!("cannot write output: {e}")),
    }
}

fn fail(code: u8, message: &str) -> ExitCode {
    eprintln!("yuedu: {message}");
    ExitCode::from(code)
}
