//! The loader thread: the article files still to read when the reader
//! started, read batch by batch (through the article cache) and sent to the
//! event loop as `Input::Loaded`, each with its search index.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::Sender;

use super::Loading;
use super::input::Message;
use crate::app::Input;
use crate::library::{Batch, LoadProblem, read_batch_cached};

/// Reads the remaining batches on a thread of their own. Each file is parsed
/// as its own task (`parallel::map`), so a parser panic skips that file only;
/// a panic anywhere else in a batch skips that batch.
pub fn spawn(loading: Loading, sender: Sender<Message>) {
    std::thread::spawn(move || {
        let Loading { batches, mut cache } = loading;
        for batch in batches {
            let files = batch.len();
            let read = catch_unwind(AssertUnwindSafe(|| read_batch_cached(batch, cache.as_mut())));
            let batch = read.unwrap_or_else(|_| {
                // The cache may be half-updated: it is not written.
                cache = None;
                crashed(files)
            });
            // The batch's search index is built here too, off the UI thread.
            if sender.send(Message::Input(Input::loaded(batch))).is_err() {
                return;
            }
        }
        // Only a complete load is written: a cache missing files would be read in vain.
        if let Some(cache) = cache {
            let _ = cache.save();
        }
    });
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
