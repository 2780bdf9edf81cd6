//! The worker thread that does the app's jobs (`app::jobs`): the event loop
//! hands each `Effect::Work` to `Jobs::submit`, which keeps the latest job
//! of each kind (an older one not yet started is dropped: its result would
//! be stale); the worker runs one at a time and sends its result back as an
//! input on the loop's channel. A job that panics is answered with
//! `Job::failed`, which the app tells in a notice.
//!
//! A job holds the app's library and index while it waits and runs. The
//! app changes them only when no job holds them (else the change would copy
//! them): before a batch is merged the loop drops the jobs waiting
//! (`drop_waiting`, the app asks again for what it awaits; a job about
//! files or folders holds no library, its result never stale, and is
//! kept: the app asks for it once) and holds the batch back while a job
//! runs (`is_running`), until its result is in.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};

use super::input::Message;
use crate::app::{Input, Job, JobMemory};

#[derive(Default)]
struct State {
    /// The latest job of each kind not yet started.
    waiting: Vec<Job>,
    running: bool,
    /// Jobs are kept waiting, not started, while batches are merged.
    paused: bool,
    /// What the worker keeps from one job for the next (taken while it runs).
    memory: Option<JobMemory>,
}

pub struct Jobs {
    shared: Arc<(Mutex<State>, Condvar)>,
}

impl Jobs {
    /// Starts the worker thread; it sends results on `sender` and ends when
    /// the loop's receiver is gone.
    pub fn spawn(sender: Sender<Message>) -> Jobs {
        let shared = Arc::new((
            Mutex::new(State {
                memory: Some(JobMemory::default()),
                ..State::default()
            }),
            Condvar::new(),
        ));
        let worker = Arc::clone(&shared);
        std::thread::spawn(move || work(&worker, &sender));
        Jobs { shared }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.shared.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Hands a job to the worker, in place of a waiting job of its kind.
    pub fn submit(&self, job: Job) {
        let mut state = self.state();
        let kind = job.kind();
        state.waiting.retain(|waiting| waiting.kind() != kind);
        state.waiting.push(job);
        drop(state);
        self.shared.1.notify_all();
    }

    /// Whether a job runs now (and holds the library).
    pub fn is_running(&self) -> bool {
        self.state().running
    }

    /// Drops the jobs not yet started and what the worker kept: when the
    /// library changes, their results would be stale. Jobs that do not read
    /// the library stay (`JobKind::reads_library`).
    pub fn drop_waiting(&self) {
        let mut state = self.state();
        let (kept, dropped): (Vec<Job>, Vec<Job>) = std::mem::take(&mut state.waiting)
            .into_iter()
            .partition(|job| !job.kind().reads_library());
        state.waiting = kept;
        if let Some(memory) = &mut state.memory {
            memory.clear();
        }
        drop(state);
        drop(dropped);
    }

    /// Holds jobs back (`true`) or lets the worker start them again.
    pub fn pause(&self, paused: bool) {
        self.state().paused = paused;
        self.shared.1.notify_all();
    }
}

fn work(shared: &(Mutex<State>, Condvar), sender: &Sender<Message>) {
    let lock = || shared.0.lock().unwrap_or_else(PoisonError::into_inner);
    loop {
        let mut state = lock();
        while state.paused || state.waiting.is_empty() {
            state = shared.1.wait(state).unwrap_or_else(PoisonError::into_inner);
        }
        let job = state.waiting.remove(0);
        let mut memory = state.memory.take().unwrap_or_default();
        state.running = true;
        drop(state);
        let failed = job.failed();
        let done = catch_unwind(AssertUnwindSafe(|| job.run(&mut memory))).unwrap_or_else(|_| {
            // What it kept may be half made.
            memory = JobMemory::default();
            failed
        });
        // The job and what it held are gone before it is said not to run.
        let mut state = lock();
        state.memory = Some(memory);
        state.running = false;
        drop(state);
        if sender.send(Message::Input(Input::Done(done))).is_err() {
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{App, Effect, JobKind, ReadingSettings};
    use crate::config::Config;
    use crate::keymap::Key;
    use crate::library::Library;

    /// The job of `kind` among `effects`.
    fn job_of(effects: Vec<Effect>, kind: JobKind) -> Job {
        (effects.into_iter())
            .find_map(|e| match e {
                Effect::Work(job) if job.kind() == kind => Some(job),
                _ => None,
            })
            .expect("a job of that kind")
    }

    /// The search job a key typed in the search box hands out.
    fn search_job(app: &mut App, c: char) -> Job {
        job_of(app.handle(Input::Key(Key::char(c))), JobKind::Search)
    }

    /// With the worker paused, `jobs` are submitted and those waiting
    /// dropped; then the search for `c` is submitted and the worker let go:
    /// that search's result, as it runs here.
    fn after_dropping(jobs: &Jobs, before: Vec<Job>, app: &mut App, c: char) -> crate::app::Done {
        jobs.pause(true);
        for job in before {
            jobs.submit(job);
        }
        jobs.drop_waiting();
        let last = search_job(app, c);
        let expected = last.clone().run(&mut JobMemory::default());
        jobs.submit(last);
        jobs.pause(false);
        expected
    }

    fn done(receiver: &std::sync::mpsc::Receiver<Message>) -> crate::app::Done {
        match receiver.recv() {
            Ok(Message::Input(Input::Done(done))) => done,
            _ => panic!("a job's result"),
        }
    }

    /// The management articles' app with the search box open.
    fn searching_app(keymap: crate::keymap::Keymap) -> App {
        let mut app = App::new(Library::management(), keymap, ReadingSettings::default(), 120, 35);
        app.handle(Input::Key(Key::char('s')));
        app
    }

    #[test]
    fn a_job_waiting_is_replaced_by_a_newer_one_of_its_kind_and_pausing_holds_jobs() {
        let mut app = searching_app(Config::default_config().expect("config").keymap);
        let (sender, receiver) = std::sync::mpsc::channel();
        let jobs = Jobs::spawn(sender);
        jobs.pause(true);
        let (older, newer) = (search_job(&mut app, '管'), search_job(&mut app, '理'));
        let expected = newer.clone().run(&mut JobMemory::default());
        jobs.submit(older);
        jobs.submit(newer);
        jobs.pause(false);
        assert_eq!(done(&receiver), expected, "only the newer search is done");
        // Dropped before it starts: the next result is the next job's.
        let dropped = search_job(&mut app, '学');
        let expected = after_dropping(&jobs, vec![dropped], &mut app, '科');
        assert_eq!(done(&receiver), expected);
    }

    #[test]
    fn a_job_about_folders_is_kept_when_the_waiting_jobs_are_dropped() {
        let root = tempfile::tempdir().expect("tempdir");
        std::fs::write(root.path().join("a.md"), "# 甲\n\n正文。").expect("write");
        let library = Library::from_dirs(&[root.path().to_path_buf()]).expect("library");
        let keymap = Config::default_config().expect("config").keymap;
        let mut app = App::new(library, keymap.clone(), ReadingSettings::default(), 120, 35);
        let folders = job_of(app.handle(Input::Resize { width: 120, height: 35 }), JobKind::Folders);
        let expected = folders.clone().run(&mut JobMemory::default());
        let mut other = searching_app(keymap);
        let (sender, receiver) = std::sync::mpsc::channel();
        let jobs = Jobs::spawn(sender);
        let waiting = search_job(&mut other, '管');
        let after = after_dropping(&jobs, vec![folders, waiting], &mut other, '理');
        assert_eq!(done(&receiver), expected, "the folders job is done");
        assert_eq!(done(&receiver), after, "the search waiting was dropped");
    }
}
