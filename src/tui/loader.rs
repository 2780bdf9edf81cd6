//! The loader thread: the article files still to read when the reader
//! started, read batch by batch (through the article cache) and sent to the
//! event loop as `Input::Loaded`, each with its search index and its place
//! in the library worked out (`Library::prepare`), so that the UI thread
//! only appends it.
//!
//! Where a batch goes depends on the batches before it: the loop hands the
//! library back after merging each (`Loader::merged`), and the loader waits
//! for the library with every batch it sent before working out the next
//! one's place. It holds the library (a `Weak` kept, upgraded only while
//! it works) only while the loop merges nothing: no batch of its own is on
//! the way then, so the app never copies its library to change it.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError, Weak};

use super::Loading;
use super::input::Message;
use crate::app::Input;
use crate::library::{Batch, Library, LoadProblem, read_batch_cached};

/// The library as the loop last merged a batch into it.
struct Base {
    library: Weak<Library>,
    /// Batches merged into it.
    merged: usize,
    /// The loop is gone: nothing will be merged again.
    closed: bool,
}

type Shared = Arc<(Mutex<Base>, Condvar)>;

/// What the loop and the loader share, on `library` as it is before any batch.
fn shared(library: &Arc<Library>) -> Shared {
    let base = Base {
        library: Arc::downgrade(library),
        merged: 0,
        closed: false,
    };
    Arc::new((Mutex::new(base), Condvar::new()))
}

fn lock(shared: &Shared) -> MutexGuard<'_, Base> {
    shared.0.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The loop's side of the loader: it says when a batch is merged.
pub struct Loader {
    shared: Shared,
}

impl Loader {
    /// A batch is merged into `library` (the app's, after `App::handle`).
    pub fn merged(&self, library: &Arc<Library>) {
        let mut base = lock(&self.shared);
        base.library = Arc::downgrade(library);
        base.merged += 1;
        drop(base);
        self.shared.1.notify_all();
    }
}

impl Drop for Loader {
    fn drop(&mut self) {
        lock(&self.shared).closed = true;
        self.shared.1.notify_all();
    }
}

/// Reads the remaining batches on a thread of their own, into `library`
/// (the app's, before any batch). Each file is parsed as its own task
/// (`parallel::map`), so a parser panic skips that file only; a panic
/// anywhere else in a batch skips that batch.
pub fn spawn(loading: Loading, sender: Sender<Message>, library: &Arc<Library>) -> Loader {
    let shared = shared(library);
    let base = Arc::clone(&shared);
    std::thread::spawn(move || {
        let Loading { batches, mut cache } = loading;
        for (sent, batch) in batches.into_iter().enumerate() {
            let files = batch.len();
            let read = catch_unwind(AssertUnwindSafe(|| read_batch_cached(batch, cache.as_mut())));
            let batch = read.unwrap_or_else(|_| {
                // The cache may be half-updated: it is not written.
                cache = None;
                crashed(files)
            });
            // The batch's search index and keys need nothing of the library:
            // made while the batches before are merged. Its place is worked
            // out here too once they are, off the UI thread.
            let mut input = Input::loaded(batch);
            if let Some(library) = merged_library(&base, sent) {
                // A panic there leaves the place to be worked out on the UI thread.
                let _ = catch_unwind(AssertUnwindSafe(|| input.place_on(&library)));
            }
            if sender.send(Message::Input(input)).is_err() {
                return;
            }
        }
        // Only a complete load is written: a cache missing files would be read in vain.
        if let Some(cache) = cache {
            let _ = cache.save();
        }
    });
    Loader { shared }
}

/// The app's library once the loop has merged the `sent` batches sent
/// before; `None` when the loop is gone.
fn merged_library(shared: &Shared, sent: usize) -> Option<Arc<Library>> {
    let mut base = lock(shared);
    while base.merged < sent && !base.closed {
        base = shared.1.wait(base).unwrap_or_else(PoisonError::into_inner);
    }
    if base.closed {
        return None;
    }
    base.library.upgrade()
}

/// A batch whose reading failed as a whole: its files skipped, and said so.
fn crashed(files: usize) -> Batch {
    Batch {
        files,
        problems: vec![LoadProblem {
            path: format!("{files} files read in the background"),
            message: crate::i18n::text!(
                en: "could not be read (yuedu failed on them)",
                hans: "无法读取（yuedu 读取时出错）",
                hant: "無法讀取（yuedu 讀取時出錯）",
            ),
        }],
        ..Batch::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{App, ReadingSettings};
    use crate::config::Config;
    use crate::library::Plan;

    #[test]
    fn each_batch_comes_placed_on_the_library_merged_so_far_which_the_loader_no_longer_holds() {
        let dir = tempfile::tempdir().expect("tempdir");
        for n in 0..12 {
            let folder = dir.path().join(["甲", "乙", "丙"][n % 3]);
            std::fs::create_dir_all(&folder).expect("mkdir");
            let text = format!("+++\ntitle = \"{n}\"\norder = {}\n+++\n正文", (n * 7) % 5);
            std::fs::write(folder.join(format!("{n}.md")), text).expect("write");
        }
        let roots = [dir.path().to_path_buf()];
        let whole = Library::from_dirs(&roots).expect("loads");
        let mut plan = Plan::dirs(&roots).expect("plan");
        let keymap = Config::default_config().expect("config").keymap;
        let mut app = App::new(plan.start(), keymap, ReadingSettings::default(), 80, 24);
        app.start_loading(plan.len());
        let batches = plan.into_batches(5);
        let count = batches.len();
        let (sender, receiver) = std::sync::mpsc::channel();
        let loader = spawn(Loading { batches, cache: None }, sender, &app.library);
        for _ in 0..count {
            let Ok(Message::Input(input @ Input::Loaded(..))) = receiver.recv() else {
                panic!("a batch");
            };
            let Input::Loaded(_, _, _, Some(merge)) = &input else {
                panic!("placed where read");
            };
            assert!(merge.fits(&app.library), "on the library as it is: only appended");
            // Nothing but the app holds its library: merging copies nothing.
            assert_eq!(Arc::strong_count(&app.library), 1);
            let stamp = |l: &Library| (l.articles().len(), l.order().to_vec());
            let before = stamp(&app.library);
            app.handle(input);
            assert_ne!(stamp(&app.library), before);
            loader.merged(&app.library);
        }
        assert!(app.is_loaded());
        let ids = |l: &Library| l.articles().iter().map(|a| a.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids(&app.library), ids(&whole));
        assert_eq!(app.library.categories(), whole.categories());
    }

    #[test]
    fn the_loader_waits_for_the_batch_before_to_be_merged_and_stops_waiting_when_the_loop_is_gone() {
        let library = Arc::new(Library::default());
        let shared = shared(&library);
        let loader = Loader {
            shared: Arc::clone(&shared),
        };
        assert!(
            merged_library(&shared, 0).is_some(),
            "the first batch goes on the library there at start"
        );
        let waiting = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || merged_library(&shared, 2).is_some())
        };
        loader.merged(&library);
        loader.merged(&library);
        assert!(waiting.join().expect("joins"), "given once both batches are merged");
        let waiting = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || merged_library(&shared, 3).is_some())
        };
        drop(loader);
        assert!(!waiting.join().expect("joins"), "none once the loop is gone");
    }
}
