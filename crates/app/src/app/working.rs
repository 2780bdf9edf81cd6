//! What the app awaits from the jobs it handed out (`jobs`): asking for a
//! search or a find, taking a result in only if it is still the one awaited
//! and the library has not changed since, asking again for what a change
//! of the library made void, and telling of a job that failed.

use std::sync::Arc;

use super::jobs::{Done, Job, JobKind, JobMemory, Outcome};
use super::{App, Effect, Input, Overlay};
use crate::i18n::text;
use crate::search::Query;

/// The jobs whose results the app waits for, by generation.
#[derive(Debug, Default)]
pub(super) struct Awaited {
    /// The generation the next job gets.
    next: u64,
    /// The generation of the search awaited for the overlay's query (0:
    /// none; set with `set_search`), which the search jobs read too: an
    /// older one still running gives up.
    pub(super) latest_search: std::sync::Arc<std::sync::atomic::AtomicU64>,
    /// A find in the open article: for which article (its ID) and what for.
    pub(super) find: Option<(u64, crate::library::ArticleId, FindFor)>,
    /// The real paths of the folders of the articles there at start
    /// (`ask_folders`): saved entries are attached only once they are
    /// known, or the job failed (`attach_state`).
    pub(super) folders: bool,
}

impl Awaited {
    /// The search awaited (`None`: none), told to the search jobs: one of
    /// another generation still running gives up.
    pub(super) fn set_search(&mut self, generation: Option<u64>) {
        // Generations start at 1: 0 is none.
        (self.latest_search).store(generation.unwrap_or(0), std::sync::atomic::Ordering::Relaxed);
    }

    /// The search awaited, if any.
    pub(super) fn search(&self) -> Option<u64> {
        Some(self.latest_search.load(std::sync::atomic::Ordering::Relaxed)).filter(|&generation| generation != 0)
    }
}

/// What the hits of a find are for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum FindFor {
    /// Marked as the query is typed.
    Preview(String),
    /// Enter: marked from where the find started, and said when none.
    Finish { text: String, from: Option<usize> },
    /// A search result opened at its first hit: the query's hits in it.
    Opened {
        text: String,
        pinyin: bool,
        first: Option<usize>,
    },
}

impl FindFor {
    fn text(&self) -> &str {
        match self {
            FindFor::Preview(text) | FindFor::Finish { text, .. } | FindFor::Opened { text, .. } => text,
        }
    }
}

impl App {
    /// Whether the search overlay's query is being searched: the results
    /// shown are an earlier query's until its own arrive.
    pub fn is_searching(&self) -> bool {
        self.awaited.search().is_some()
    }

    /// A generation for a new job, with the library's version.
    fn stamp(&mut self) -> (u64, u64) {
        self.awaited.next += 1;
        (self.awaited.next, self.version)
    }

    /// Searches the collection for the overlay, off this thread.
    pub(super) fn ask_search(
        &mut self,
        query: Query,
        recent: std::collections::HashMap<crate::library::ArticleId, i128>,
    ) {
        let stamp = self.stamp();
        self.awaited.set_search(Some(stamp.0));
        let latest = &self.awaited.latest_search;
        let job = Job::search(
            stamp,
            (Arc::clone(&self.library), self.search_index.clone()),
            query,
            recent,
            Arc::clone(latest),
        );
        self.effects.push(Effect::Work(job));
    }

    /// Builds the search index off this thread if it is not built yet, so
    /// that the first query typed finds it ready.
    pub(super) fn prepare_search(&mut self) {
        if self.search_index.is_none() {
            let stamp = self.stamp();
            // No query: only the index is built, and no search is stopped.
            let job = Job::search(
                stamp,
                (Arc::clone(&self.library), None),
                Query::default(),
                Default::default(),
                Arc::new(stamp.0.into()),
            );
            self.effects.push(Effect::Work(job));
        }
    }

    /// Finds the query in the open article, off this thread.
    pub(super) fn ask_find(&mut self, find: FindFor) {
        let Some(article) = self.reader.as_ref().map(|r| r.article) else {
            return;
        };
        let pinyin = matches!(find, FindFor::Opened { pinyin: true, .. });
        let query = Query::parse(find.text(), pinyin);
        if query.is_empty() {
            self.awaited.find = None;
            self.found(find, Vec::new());
            return;
        }
        let stamp = self.stamp();
        self.awaited.find = Some((stamp.0, article, find));
        let job = Job::find(
            stamp,
            Arc::clone(&self.library),
            self.search_index.clone(),
            article,
            query,
        );
        self.effects.push(Effect::Work(job));
    }

    /// A job's result: taken in if it is the one awaited and the library
    /// is the one it searched; else dropped (a newer one is on its way).
    pub(super) fn job_done(&mut self, done: Done) {
        let current = done.version == self.version;
        match done.outcome {
            Outcome::Searched { results, built } => {
                if let Some(built) = built.filter(|_| current && self.search_index.is_none()) {
                    self.search_index = Some(built);
                }
                if current && self.awaited.search() == Some(done.generation) {
                    self.awaited.set_search(None);
                    self.take_results(results);
                }
            }
            Outcome::Found(hits) => {
                let Some((generation, id, _)) = &self.awaited.find else {
                    return;
                };
                let open = self.reader.as_ref().map(|r| r.article);
                if !current || *generation != done.generation || open != Some(*id) {
                    return;
                }
                if let Some((_, _, find)) = self.awaited.find.take() {
                    self.found(find, hits);
                }
            }
            Outcome::Files(files) => {
                // Facts about files, whenever asked: always taken in.
                self.files.extend(files);
                self.attach_state();
            }
            Outcome::Folders(real) => self.folders_resolved(real),
            Outcome::Failed(kind) => self.job_failed(done.generation, kind),
        }
    }

    /// A job that panicked: what waited for it waits no more, and a notice
    /// says so. It is not done again here.
    fn job_failed(&mut self, generation: u64, kind: JobKind) {
        match kind {
            JobKind::Search => {
                if self.awaited.search() == Some(generation) {
                    self.awaited.set_search(None);
                    if let Some(Overlay::Search(search)) = &mut self.overlay {
                        search.open_when_found = false;
                    }
                }
                self.add_notice(text!(
                    en: "the search failed (yuedu failed on it)",
                    hans: "搜索失败（yuedu 出错）",
                    hant: "搜尋失敗（yuedu 出錯）",
                ));
            }
            // Asked again by the next attachment.
            JobKind::Files => {}
            // The folders stay keyed by name, and the entries held back
            // for them are attached to those keys: no real path found.
            JobKind::Folders => self.folders_resolved(Vec::new()),
            JobKind::Find => {
                if self.awaited.find.as_ref().is_some_and(|(g, ..)| *g == generation) {
                    self.awaited.find = None;
                }
                self.add_notice(text!(
                    en: "finding in the article failed (yuedu failed on it)",
                    hans: "文内查找失败（yuedu 出错）",
                    hant: "文內尋找失敗（yuedu 出錯）",
                ));
            }
        }
    }

    /// Asks for the real paths of `folders` (`marks::folders_resolved`).
    pub(super) fn ask_folders(&mut self, folders: Vec<std::path::PathBuf>) {
        let stamp = self.stamp();
        let cwd = self.keys.cwd().to_path_buf();
        self.awaited.folders = true;
        self.effects.push(Effect::Work(Job::folders(stamp, folders, cwd)));
    }

    /// Asks whether the files `keys` name are there (`attach_state`).
    pub(super) fn ask_files(&mut self, keys: Vec<String>) {
        let stamp = self.stamp();
        self.effects.push(Effect::Work(Job::files(stamp, keys)));
    }

    /// The library changed: results of jobs made before are void (their
    /// article numbers may have moved), so what is awaited is asked again.
    pub(super) fn library_changed(&mut self) {
        self.version += 1;
        let searching = self.awaited.search().is_some();
        self.awaited.set_search(None);
        if searching || matches!(self.overlay, Some(Overlay::Search(_))) {
            self.refresh_search();
        }
        if let Some((_, _, find)) = self.awaited.find.take() {
            self.ask_find(find);
        }
    }

    /// Carries out the jobs among `effects` here, on this thread, and takes
    /// their results in, until none is left; returns the other effects. For
    /// callers without worker threads (tests, benchmarks).
    pub fn work_here(&mut self, effects: Vec<Effect>) -> Vec<Effect> {
        let mut memory = JobMemory::default();
        let mut others = Vec::new();
        let mut queue = effects;
        while !queue.is_empty() {
            let mut next = Vec::new();
            for effect in queue {
                match effect {
                    Effect::Work(job) => next.extend(self.handle(Input::Done(job.run(&mut memory)))),
                    other => others.push(other),
                }
            }
            queue = next;
        }
        others
    }
}
