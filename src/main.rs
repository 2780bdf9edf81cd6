//! The binary: parse the command line, build the context, dispatch to the
//! full-screen reader (`tui`) or a subcommand (`commands`). Loading, checking
//! and settings are the context's (`yuedu::context`).
#![deny(clippy::unwrap_used, clippy::expect_used)]

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Parser;
use yuedu::cli::Cli;
use yuedu::commands;
use yuedu::context::{Context, Failure, Places};

fn main() -> ExitCode {
    return_freed_memory();
    let cli = commands::with_all_paths(Cli::parse());
    match run(cli) {
        Ok(code) => code,
        Err(failure) => commands::fail(&failure),
    }
}

/// Blocks of 128 KiB or more are mapped on their own and given back to the
/// system when freed. Otherwise glibc raises that bound to the size of the
/// largest block freed, and the copies a large file passes through while
/// it is read stay resident after they are freed (44 MB for an 11 MB file).
fn return_freed_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only sets a tuning value of the allocator; it is
    // called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 128 * 1024);
    }
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    if let Some(code) = commands::without_context(cli.command.as_ref()) {
        return Ok(code);
    }
    let context = Context::new(cli.dirs, cli.config.as_deref(), Places::find())?;
    match cli.command {
        None if std::io::stdout().is_terminal() => yuedu::tui::read(&context).map(|()| ExitCode::SUCCESS),
        command => commands::run(command, &context),
    }
}
