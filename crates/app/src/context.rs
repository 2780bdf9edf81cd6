//! One context for both front ends: built once from what the command line
//! names, the configuration and the platform folders, it loads the
//! collection (whole, through the article cache, for the subcommands; in
//! batches for the reader, and for a search that keeps only its hits),
//! holds the one check that named folders hold articles and the one way
//! skipped files are reported, and gives the reading settings. Below `app`, `print` and `tui`; above `config`,
//! `library`, `layout`, `search` and `store`.
//!
//! The design in detail follows.
#![doc = include_str!("context/design.md")]

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

mod named;
mod places;
mod search;

use crate::config::{self, Config};
use crate::i18n::{Lang, Text, tr};
use crate::layout::ReadingSettings;
use crate::library::{
    ArticleCache, Candidate, ChapterRule, Library, LoadProblem, Plan, Rules, read_batch_cached, read_prefix,
};
use crate::text::Shown;

/// The path that names standard input.
pub const STDIN_PATH: &str = "-";

/// Files in one background batch: small enough that the lists fill in visibly.
const LOAD_BATCH: usize = 2_000;

/// A single file named from this size on is parsed in the background when it
/// is not shown from its first part: a page or a book this large may take a
/// moment, and a smaller one is read before the first frame could show.
const BACKGROUND_FROM_BYTES: u64 = 256 * 1024;

/// Why a command could not do what was asked, in one sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// An unknown ID or category (exit status 1).
    NotFound(String),
    /// A usage or input error (exit status 2).
    Input(String),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::NotFound(message) | Failure::Input(message) => f.write_str(message),
        }
    }
}

/// Where yuedu keeps its files on this platform.
#[derive(Clone, Debug, Default)]
pub struct Places {
    pub config_file: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
    /// Where parsed articles are cached (`library.cache`).
    pub cache_dir: Option<PathBuf>,
    pub home: Option<PathBuf>,
}

impl Places {
    pub fn find() -> Places {
        let Some((config, data, cache, home)) = places::platform_folders() else {
            return Places::default();
        };
        Places {
            config_file: Some(config.join(config::FILE_NAME)),
            data_dir: Some(data),
            cache_dir: Some(cache),
            home: Some(home),
        }
    }
}

/// The collection and settings a run works with.
#[derive(Debug)]
pub struct Context {
    /// Files and folders named on the command line (`-`: standard input);
    /// none: the bundled collection and `library.paths`.
    sources: Vec<PathBuf>,
    config: Config,
    /// The configuration file read, if any.
    config_file: Option<PathBuf>,
    places: Places,
    /// The language of every message (`interface.language`, else the locale's).
    lang: Lang,
}

/// A collection being read for the reader: what is read already, and the
/// batches still to read in the background through `cache`.
#[derive(Debug)]
pub struct Opening {
    pub library: Library,
    pub batches: Vec<Vec<Candidate>>,
    pub cache: Option<ArticleCache>,
    /// Article files in all.
    pub total: usize,
    /// One file was named: the reader opens its article at once.
    pub single: bool,
}

impl Context {
    /// Loads the configuration (`explicit`, from `--config`, or the platform
    /// file) before anything else, and before the terminal is touched.
    /// `locale` is the language of the locale (`Lang::from_env`), spoken
    /// unless `interface.language` names another, and in a configuration
    /// error.
    pub fn new(
        sources: Vec<PathBuf>,
        explicit: Option<&Path>,
        places: Places,
        locale: Lang,
    ) -> Result<Context, Failure> {
        let (config, config_file) =
            Config::load(explicit, places.config_file.as_deref()).map_err(|err| Failure::Input(err.to_string()))?;
        let lang = config.interface.language.resolve(locale);
        Ok(Context {
            sources,
            config,
            config_file,
            places,
            lang,
        })
    }

    /// The language of every message.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// A usage or input error, said in the context's language.
    pub fn input_error(&self, text: &Text) -> Failure {
        Failure::Input(text.get(self.lang).to_string())
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The configuration file in use: the one read, or where the platform's would be.
    pub fn config_file(&self) -> Option<&Path> {
        self.config_file.as_deref().or(self.places.config_file.as_deref())
    }

    pub fn places(&self) -> &Places {
        &self.places
    }

    /// What the command line named (empty: the bundled collection).
    pub fn sources(&self) -> &[PathBuf] {
        &self.sources
    }

    /// The folders of `library.paths` beside the bundled collection.
    pub fn extra_paths(&self) -> Vec<PathBuf> {
        self.config.library_paths(self.places.home.as_deref())
    }

    /// How text is laid out, for `show`, the reader and search snippets alike.
    pub fn settings(&self) -> ReadingSettings {
        crate::layout::reading_settings(&self.config)
    }

    /// The files of the collection, found but not read, to be parsed with
    /// the chapter rule of `library.chapter_pattern` and ruby readings shown
    /// as `reading.ruby` says.
    pub fn plan(&self) -> Result<Plan, Failure> {
        let rules = self.rules()?;
        self.find_files(rules)
    }

    /// What articles are parsed under: the chapter rule and ruby readings.
    fn rules(&self) -> Result<Arc<Rules>, Failure> {
        Ok(Arc::new(Rules {
            chapters: self.chapter_rule()?,
            ruby: self.config.reading.ruby,
        }))
    }

    /// The files and folders named, standard input left out.
    fn named_paths(&self) -> Vec<PathBuf> {
        (self.sources.iter())
            .filter(|p| p.as_os_str() != STDIN_PATH)
            .cloned()
            .collect()
    }

    /// How chapter headings of `.txt` books are found (checked already when
    /// the configuration was read).
    pub fn chapter_rule(&self) -> Result<ChapterRule, Failure> {
        ChapterRule::pattern(&self.config.library.chapter_pattern)
            .map_err(|err| Failure::Input(format!("library.chapter_pattern {err}")))
    }

    /// The files named, or the bundled articles and the extra folders, each
    /// to be parsed under `rules` (given before the folders are walked).
    fn find_files(&self, rules: Arc<Rules>) -> Result<Plan, Failure> {
        if self.sources.is_empty() {
            let mut plan = Plan::bundled();
            plan.set_rules(rules);
            plan.add_extra_dirs(&self.extra_paths());
            return Ok(plan);
        }
        let paths = self.named_paths();
        let mut plan = if paths.is_empty() {
            let mut plan = Plan::default();
            plan.set_rules(rules);
            plan
        } else {
            Plan::dirs_with(&paths, rules).map_err(|err| self.input_error(&err.text()))?
        };
        if self.sources.iter().any(|p| p.as_os_str() == STDIN_PATH) {
            plan.add_bytes(named::read_stdin(self.lang).map_err(|err| self.input_error(&err))?);
        }
        Ok(plan)
    }

    /// The article cache for `plan`, unless it is switched off.
    fn cache(&self, plan: &Plan) -> Option<ArticleCache> {
        let dir = self.cache_dir()?;
        plan.open_cache(dir)
    }

    /// Where the article cache is kept, unless it is switched off.
    fn cache_dir(&self) -> Option<&Path> {
        self.places.cache_dir.as_deref().filter(|_| self.config.library.cache)
    }

    /// `plan` and `cache`, the cache file read on a thread of its own while
    /// the folders named are walked (`Plan::open_cache_of`): for a large
    /// collection each takes a good part of a search.
    fn plan_and_cache(&self) -> Result<(Plan, Option<ArticleCache>), Failure> {
        let paths = self.named_paths();
        let Some(dir) = self.cache_dir().filter(|_| !paths.is_empty()) else {
            let plan = self.plan()?;
            let cache = self.cache(&plan);
            return Ok((plan, cache));
        };
        // The rules made once, for both (a chapter pattern compiled once).
        let rules = self.rules();
        let (plan, early) = std::thread::scope(|scope| {
            let early = scope.spawn(|| Plan::open_cache_of(dir, &paths, rules.as_deref().ok()?));
            let plan = self.find_files(rules.as_ref().map(Arc::clone).unwrap_or_default());
            (plan, early.join().ok().flatten())
        });
        let plan = plan?;
        rules?;
        let cache = plan.open_cache_from(dir, early);
        Ok((plan, cache))
    }

    /// The one check that what the command line named holds articles: an
    /// error naming it, and every problem met, when nothing could be read.
    fn require_articles(&self, library: Library) -> Result<Library, Failure> {
        if self.sources.is_empty() {
            return Ok(library);
        }
        library
            .require_articles(&self.sources)
            .map_err(|err| self.input_error(&err.text()))
    }

    /// The saved reading state, read only, for the CLI: a listing creates,
    /// moves and removes nothing; what is wrong with the file is said on
    /// stderr. None without a data folder.
    pub fn saved_state(&self) -> Option<crate::store::State> {
        let (state, notices) = crate::store::Store::read_only(self.places.data_dir.as_deref()?);
        for notice in notices {
            warn(Shown::field(notice.text().get(self.lang)));
        }
        Some(state)
    }

    /// The whole collection, read through the article cache; skipped files are reported.
    pub fn load(&self) -> Result<Library, Failure> {
        let library = self.load_plan(self.plan()?)?;
        report(library.problems(), self.lang);
        Ok(library)
    }

    /// The collection, and with no path named also the files of `keys`
    /// (saved keys that are absolute paths: bookmarks and positions of
    /// files), read on their own: `yuedu bookmarks` finds the title and
    /// progress of each file it lists, reading only those files.
    pub fn load_with_files(&self, keys: &[&str]) -> Result<Library, Failure> {
        let mut plan = self.plan()?;
        if self.sources.is_empty() {
            let files: Vec<PathBuf> = keys
                .iter()
                .filter(|key| crate::store::identity::is_file_key(key))
                .map(|key| crate::store::identity::key_path(key))
                .collect();
            plan.add_existing_files(&files);
        }
        let library = self.load_plan(plan)?;
        report(library.problems(), self.lang);
        Ok(library)
    }

    fn load_plan(&self, plan: Plan) -> Result<Library, Failure> {
        let mut cache = self.cache(&plan);
        let (mut library, batch) = plan.read_all(cache.as_mut());
        // Saved before the articles are merged in: the cache's copy of its
        // file is gone before that needs memory of its own.
        save_cache(cache);
        library.extend(batch);
        self.require_articles(library)
    }

    /// The collection for the reader: a small one read now, a large one
    /// started (the rest comes in batches). Skipped files stay in the library's
    /// problems, for the reader to show and report.
    pub fn open(&self) -> Result<Opening, Failure> {
        let mut plan = self.plan()?;
        let single = plan.is_single_file();
        // One large text: its first part now, the whole in the background,
        // without the article cache (reading it would hold up the first
        // frame, and its entry would be a second copy of the whole text).
        let prefix = plan.single_candidate().and_then(read_prefix);
        // One large file of another kind (a web page, a book): parsed on the
        // loader thread too, so the reader shows and answers keys meanwhile.
        let in_background = prefix.is_none()
            && plan
                .single_candidate()
                .and_then(Candidate::file_size)
                .is_some_and(|size| size >= BACKGROUND_FROM_BYTES);
        let mut cache = if prefix.is_some() { None } else { self.cache(&plan) };
        let mut library = plan.start();
        let total = plan.len();
        let mut batches = plan.into_batches(LOAD_BATCH);
        if let Some(article) = prefix {
            library.add_prefix(article);
        } else if total <= LOAD_BATCH && !in_background {
            for batch in batches.drain(..) {
                library.extend(read_batch_cached(batch, cache.as_mut()));
            }
            save_cache(cache.take());
            library = self.require_articles(library)?;
        }
        // The reader shows skipped files and reports them when it exits.
        Ok(Opening {
            library,
            batches,
            cache,
            total,
            single,
        })
    }
}

/// The one way skipped files are reported: a line each on stderr.
pub fn report(problems: &[LoadProblem], lang: Lang) {
    for problem in problems {
        let problem = Shown::field(problem.say(lang));
        warn(tr!(lang, en: "skipped {problem}", hans: "已跳过 {problem}", hant: "已跳過 {problem}"));
    }
}

/// One line on stderr, through the gate that lets no control character or
/// escape sequence out.
pub fn warn(message: impl fmt::Display) {
    use std::io::Write as _;
    // A closed terminal (a hung-up session) is no reason to fail: what
    // cannot be said is not said.
    let _ = writeln!(std::io::stderr().lock(), "yuedu: {}", Shown::text(message));
}

/// Writes the article cache if it changed. It is only a cache: failing to
/// write it (a read-only home, a full disk) costs speed, nothing else.
fn save_cache(cache: Option<ArticleCache>) {
    if let Some(cache) = cache {
        let _ = cache.save();
    }
}
