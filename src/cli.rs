//! The command line: options and subcommands (clap derive).
//!
//! # Design
//!
//! command-line definitions (clap); `Cli::from_args` reads `yuedu PATH`, the way a file is
//! opened, without clap

use std::ffi::OsString;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "yuedu",
    version,
    about = "阅读 yuedu: a full-screen terminal reader for Chinese articles",
    // `yuedu c1 c2 search 秦`: paths before a subcommand are its paths, not
    // a path named "search" (a folder of that name is `./search`).
    subcommand_precedence_over_arg = true
)]
pub struct Cli {
    /// Files and folders to read instead of the bundled collection (.md, .txt, .html, .epub;
    /// folders recursively); one file opens straight in the reader; `-` reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// A file or folder to read, as PATH; repeatable.
    #[arg(long = "dir", value_name = "PATH", global = true)]
    pub dirs: Vec<PathBuf>,

    /// Use this configuration file instead of the one in the platform config folder.
    #[arg(long = "config", value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The words an argument alone is a subcommand by: `Command`'s and clap's `help`.
const SUBCOMMANDS: [&str; 7] = ["list", "show", "search", "toc", "bookmarks", "config", "help"];

impl Cli {
    /// The command line of this process. `yuedu PATH`, how a file is opened,
    /// is read as it stands: setting clap's parser up takes about a tenth of
    /// a millisecond, which the first frame would wait for. Anything else,
    /// errors and help included, goes through clap.
    pub fn from_args() -> Cli {
        let mut args = std::env::args_os().skip(1);
        match (args.next(), args.next()) {
            (Some(arg), None) => Cli::path_alone(arg).unwrap_or_else(Cli::parse),
            _ => Cli::parse(),
        }
    }

    /// `yuedu ARG` as clap reads it when ARG can only be a PATH: not empty,
    /// not an option or `-`, not a subcommand.
    fn path_alone(arg: OsString) -> Option<Cli> {
        let bytes = arg.as_encoded_bytes();
        if bytes.is_empty() || bytes.starts_with(b"-") || SUBCOMMANDS.iter().any(|s| s.as_bytes() == bytes) {
            return None;
        }
        Some(Cli {
            paths: vec![PathBuf::from(arg)],
            dirs: Vec::new(),
            config: None,
            command: None,
        })
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// List articles: ID, category and title, one per line.
    List {
        /// Only articles of this category.
        #[arg(long, value_name = "NAME")]
        category: Option<String>,
        /// Print a JSON array instead.
        #[arg(long)]
        json: bool,
        /// Files and folders to list instead of the bundled collection.
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Print one article laid out for reading.
    Show {
        /// The article ID as `yuedu list` prints it (the file's extension may be added), a file,
        /// or `-` for standard input.
        id: String,
        /// Columns to lay the text out in (default: the terminal's width up to 80, or 80 in a pipe).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(2..))]
        width: Option<u16>,
        /// Print the text in vertical columns read from the right (竖排), in pages of
        /// --width × --height cells separated by a form feed.
        #[arg(long)]
        vertical: bool,
        /// Rows of a vertical page (default: the terminal's height less one, or 24 in a pipe).
        #[arg(long, value_name = "N", requires = "vertical", value_parser = clap::value_parser!(u16).range(2..))]
        height: Option<u16>,
    },
    /// Search all articles; prints ID, title, hit count and a snippet per result.
    Search {
        /// Words to find; all of them must occur. `title:`, `author:` or `tag:` limit a word
        /// to one field, a leading `-` excludes it (quote the query, or put `--` before it).
        /// Start with "=" to skip pinyin.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Print a JSON array instead.
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, value_name = "N", default_value_t = 20)]
        limit: usize,
    },
    /// Print an article's table of contents: level, byte offset and title of each heading.
    Toc {
        /// The article ID (the file's extension may be added), a file, or `-` for standard input.
        id: String,
        /// Print a JSON array of {level, title, offset} instead.
        #[arg(long)]
        json: bool,
    },
    /// List bookmarks, newest first, or export them as Markdown.
    Bookmarks {
        /// Print a JSON array instead.
        #[arg(long)]
        json: bool,
        #[command(subcommand)]
        action: Option<BookmarksAction>,
    },
    /// Show the files and folders in use, the default configuration, or the keys.
    Config {
        /// Print the built-in default configuration (a commented TOML file to start from).
        #[arg(long, conflicts_with = "keys")]
        default: bool,
        /// Print the effective key bindings.
        #[arg(long)]
        keys: bool,
    },
}

#[derive(Debug, Subcommand)]
pub enum BookmarksAction {
    /// Write all bookmarks as Markdown, grouped by article.
    Export,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_subcommands_are_the_words_known() {
        let mut command = Cli::command();
        command.build();
        let mut names: Vec<&str> = command
            .get_subcommands()
            .flat_map(|c| std::iter::once(c.get_name()).chain(c.get_all_aliases()))
            .collect();
        names.sort_unstable();
        let mut known = SUBCOMMANDS.to_vec();
        known.sort_unstable();
        assert_eq!(names, known);
    }

    #[test]
    fn a_path_alone_is_read_as_clap_reads_it() {
        for arg in [
            "article.md",
            "文章.txt",
            "dir/",
            "./list",
            "List",
            "a b",
            "=x",
            "x-y",
            "/tmp/-",
        ] {
            let direct = Cli::path_alone(arg.into());
            let parsed = Cli::try_parse_from(["yuedu", arg]).ok();
            assert_eq!(format!("{direct:?}"), format!("{parsed:?}"), "{arg}");
        }
        for arg in [
            "",
            "-",
            "--",
            "-h",
            "--help",
            "--version",
            "--dir",
            "list",
            "show",
            "help",
        ] {
            assert!(Cli::path_alone(arg.into()).is_none(), "{arg}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_path_not_in_utf8_is_read_too() {
        use std::os::unix::ffi::OsStringExt;
        let arg = OsString::from_vec(b"\xff.md".to_vec());
        let direct = Cli::path_alone(arg.clone());
        let parsed = Cli::try_parse_from([OsString::from("yuedu"), arg]).ok();
        assert_eq!(format!("{direct:?}"), format!("{parsed:?}"));
    }
}
