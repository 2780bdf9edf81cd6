//! The binary: parse the command line, build the context, dispatch to the
//! full-screen reader (`tui`) or a subcommand (`commands`). Loading, checking
//! and settings are the context's (`yuedu::context`).
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::io::IsTerminal;
use std::process::ExitCode;

use yuedu::cli::Cli;
use yuedu::commands;
use yuedu::context::{Context, Failure, Places};
use yuedu::i18n::Lang;

fn main() -> ExitCode {
    yuedu::memory::tune();
    let cli = commands::with_all_paths(Cli::from_args());
    match run(cli) {
        Ok(code) => code,
        Err(failure) => commands::fail(&failure),
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    if let Some(code) = commands::without_context(cli.command.as_ref()) {
        return Ok(code);
    }
    let context = Context::new(cli.dirs, cli.config.as_deref(), Places::find(), Lang::from_env())?;
    match cli.command {
        None if std::io::stdout().is_terminal() => yuedu::tui::read(&context).map(|()| ExitCode::SUCCESS),
        command => commands::run(command, &context),
    }
}
