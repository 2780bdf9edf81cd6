//! The binary: parse the command line, load the collection, run a subcommand
//! or the full-screen reader. Exit codes: 0 ok, 1 not found, 2 usage or input errors.
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use yuedu::app::{App, ReadingSettings};
use yuedu::cli::{Cli, Command};
use yuedu::config::Config;
use yuedu::library::Library;
use yuedu::print;
use yuedu::ui::theme::Theme;

const NOT_FOUND: u8 = 1;
const INPUT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let library = match load_library(&cli) {
        Ok(library) => library,
        Err(message) => return fail(INPUT_ERROR, &message),
    };
    for problem in library.problems() {
        eprintln!("yuedu: skipped {problem}");
    }
    match cli.command {
        // In a pipe there is no screen to draw on: print the list instead.
        None if !std::io::stdout().is_terminal() => {
            write_out(&print::list_lines(&print::select(&library, None)))
        }
        None => run_reader(library),
        Some(Command::List { category, json }) => {
            let articles = print::select(&library, category.as_deref());
            if articles.is_empty()
                && let Some(category) = category
            {
                let known: Vec<&str> = library
                    .categories()
                    .iter()
                    .map(|c| c.name.as_str())
                    .collect();
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
    }
}

fn run_reader(library: Library) -> ExitCode {
    let config = match Config::default_config() {
        Ok(config) => config,
        Err(err) => return fail(INPUT_ERROR, &err.to_string()),
    };
    let keymap = match config.keymap() {
        Ok(keymap) => keymap,
        Err(err) => return fail(INPUT_ERROR, &err.to_string()),
    };
    let settings = ReadingSettings {
        max_width: config.reading.max_width,
        indent: config.reading.indent,
        paragraph_spacing: config.reading.paragraph_spacing,
        ..ReadingSettings::default()
    };
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let app = App::new(library, keymap, settings, width, height);
    match yuedu::tui::run(app, &Theme::dark(), config.interface.mouse) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => fail(INPUT_ERROR, &format!("terminal error: {err}")),
    }
}

fn load_library(cli: &Cli) -> Result<Library, String> {
    if cli.dirs.is_empty() {
        Ok(Library::bundled())
    } else {
        Library::from_dirs(&cli.dirs).map_err(|e| e.to_string())
    }
}

fn not_found_message(library: &Library, id: &str) -> String {
    let suggestions = library.suggest(id);
    if suggestions.is_empty() {
        format!("no article with ID {id:?}; `yuedu list` shows the IDs")
    } else {
        format!(
            "no article with ID {id:?}; did you mean {}?",
            suggestions.join(" or ")
        )
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
