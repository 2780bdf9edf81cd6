//! Work too heavy for a frame or that needs the file system, done off the
//! UI thread: searching the collection as the query is typed (the index
//! built first if it is not yet), finding in the open article, asking
//! whether the files saved state is keyed by are still there, and the real
//! paths of the folders the articles there at start were read from. The app hands a `Job` out as
//! `Effect::Work`; whoever carries it out calls `Job::run` (a worker
//! thread, or `App::work_here`) and gives the `Done` back as `Input::Done`.
//! Each job carries a generation: the app takes a result in only if its
//! generation is the one it awaits and the library is still the one the job
//! searched (`version`), so older results are dropped; a search running
//! when a newer one is asked for gives up between two articles. A job that failed
//! (`Job::failed`) is told in a notice, never done again on the UI thread.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::library::Library;
use crate::search::{Query, SearchIndex, SearchResults};

/// Results kept for the search overlay's list; the count says how many matched in all.
pub(super) const RESULT_LIMIT: usize = 200;

/// Work handed out by the app (`Effect::Work`), done by `run` on any thread.
#[derive(Clone)]
pub struct Job {
    generation: u64,
    /// The library's version when the job was made (`App::version`).
    version: u64,
    work: Work,
}

#[derive(Clone)]
enum Work {
    /// The collection searched for the overlay, the most recent first among
    /// equals (`recent`: when each article was last read); the index built
    /// first if it is not given.
    Search {
        library: Arc<Library>,
        index: Option<Arc<SearchIndex>>,
        query: Query,
        recent: HashMap<crate::library::ArticleId, i128>,
        /// The generation of the latest search the app asked for: the scan
        /// gives up, between articles, once it is not this job's.
        latest: Arc<AtomicU64>,
    },
    /// Every hit of the query in one article.
    Find {
        library: Arc<Library>,
        index: Option<Arc<SearchIndex>>,
        article: crate::library::ArticleId,
        query: Query,
    },
    /// Whether the file each key of saved state names is there.
    Files(Vec<String>),
    /// The real path of each folder the start's articles were read from
    /// (`identity::real_folders`), made absolute against `cwd` if it has none.
    Folders { folders: Vec<PathBuf>, cwd: PathBuf },
}

/// What a job does: a worker keeps the latest job of each kind only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum JobKind {
    Search,
    Find,
    Files,
    Folders,
}

impl JobKind {
    /// Whether a job of this kind works on the library as it was asked on
    /// (its result goes stale when the library changes); jobs about files
    /// and folders do not, and are not asked again.
    pub fn reads_library(self) -> bool {
        match self {
            JobKind::Search | JobKind::Find => true,
            JobKind::Files | JobKind::Folders => false,
        }
    }
}

/// A job's result, taken in by `App::handle(Input::Done(..))`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Done {
    pub(super) generation: u64,
    pub(super) version: u64,
    pub(super) outcome: Outcome,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Outcome {
    /// The overlay's results, and the index if the job built it.
    Searched {
        results: SearchResults,
        built: Option<Arc<SearchIndex>>,
    },
    /// The hits in the article.
    Found(Vec<Range<usize>>),
    /// Each key, and whether its file is there.
    Files(Vec<(String, bool)>),
    /// Each folder and its real path.
    Folders(Vec<(PathBuf, PathBuf)>),
    /// The job panicked.
    Failed(JobKind),
}

/// What a worker keeps from one job for the next: the index it built, so
/// jobs made before the app took it in do not build it again.
#[derive(Default)]
pub struct JobMemory {
    index: Option<(u64, Arc<SearchIndex>)>,
}

impl Job {
    /// A search, given up once `latest` holds another generation than
    /// this job's (a newer query was asked for).
    pub(super) fn search(
        (generation, version): (u64, u64),
        (library, index): (Arc<Library>, Option<Arc<SearchIndex>>),
        query: Query,
        recent: HashMap<crate::library::ArticleId, i128>,
        latest: Arc<AtomicU64>,
    ) -> Job {
        let work = Work::Search {
            library,
            index,
            query,
            recent,
            latest,
        };
        Job {
            generation,
            version,
            work,
        }
    }

    pub(super) fn find(
        (generation, version): (u64, u64),
        library: Arc<Library>,
        index: Option<Arc<SearchIndex>>,
        article: crate::library::ArticleId,
        query: Query,
    ) -> Job {
        let work = Work::Find {
            library,
            index,
            article,
            query,
        };
        Job {
            generation,
            version,
            work,
        }
    }

    /// Asks whether the files `keys` name are there.
    pub(super) fn files((generation, version): (u64, u64), keys: Vec<String>) -> Job {
        Job {
            generation,
            version,
            work: Work::Files(keys),
        }
    }

    /// Asks for the real paths of `folders`.
    pub(super) fn folders((generation, version): (u64, u64), folders: Vec<PathBuf>, cwd: PathBuf) -> Job {
        Job {
            generation,
            version,
            work: Work::Folders { folders, cwd },
        }
    }

    pub fn kind(&self) -> JobKind {
        match self.work {
            Work::Search { .. } => JobKind::Search,
            Work::Find { .. } => JobKind::Find,
            Work::Files(_) => JobKind::Files,
            Work::Folders { .. } => JobKind::Folders,
        }
    }

    /// What to give back if `run` panics.
    pub fn failed(&self) -> Done {
        self.done(Outcome::Failed(self.kind()))
    }

    fn done(&self, outcome: Outcome) -> Done {
        Done {
            generation: self.generation,
            version: self.version,
            outcome,
        }
    }

    /// Does the work. Everything the job holds of the app (the library, the
    /// index) is let go before it returns.
    pub fn run(self, memory: &mut JobMemory) -> Done {
        let (generation, version) = (self.generation, self.version);
        let outcome = match self.work {
            Work::Search {
                library,
                index,
                query,
                recent,
                latest,
            } => {
                // Test switches: a search held or failing (`fault`).
                let words: Vec<&str> = query.terms.iter().map(|t| t.text.as_str()).collect();
                crate::fault::stall("search", &words.join(" "));
                crate::fault::inject("search", &words.join(" "));
                let (index, built) = match index {
                    Some(index) => (index, None),
                    None => {
                        let index = match memory.index.take() {
                            Some((built_for, index)) if built_for == version => index,
                            _ => Arc::new(SearchIndex::build(&library)),
                        };
                        memory.index = Some((version, Arc::clone(&index)));
                        (Arc::clone(&index), Some(index))
                    }
                };
                let recent = |article: crate::library::ArticleId| recent.get(&article).copied();
                // A search made void by a newer query ends between two
                // articles; its empty result is dropped (not awaited).
                let stop = || latest.load(Ordering::Relaxed) != generation;
                let results = (index.search_until(&library, &query, RESULT_LIMIT, &recent, &stop)).unwrap_or_default();
                Outcome::Searched { results, built }
            }
            Work::Find {
                library,
                index,
                article,
                query,
            } => Outcome::Found(match (&index, library.get(article)) {
                (Some(index), _) => index.hits_in(&library, article, &query),
                (None, Some(found)) => SearchIndex::hits_in_text(&found.body.text, &query),
                (None, None) => Vec::new(),
            }),
            Work::Files(keys) => Outcome::Files(
                keys.into_iter()
                    .map(|key| {
                        let there = crate::store::identity::file_there(&key);
                        (key, there)
                    })
                    .collect(),
            ),
            Work::Folders { folders, cwd } => Outcome::Folders(crate::store::identity::real_folders(folders, &cwd)),
        };
        Done {
            generation,
            version,
            outcome,
        }
    }
}

impl JobMemory {
    /// Lets go of what was kept (before the library changes, so that the
    /// app holds the only copy of the index it changes).
    pub fn clear(&mut self) {
        self.index = None;
    }
}

/// Jobs are told apart by their generation.
impl PartialEq for Job {
    fn eq(&self, other: &Job) -> bool {
        self.generation == other.generation && self.kind() == other.kind()
    }
}

impl Eq for Job {}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("kind", &self.kind())
            .field("generation", &self.generation)
            .field("version", &self.version)
            .finish()
    }
}
