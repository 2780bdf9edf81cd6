//! Saving off the UI thread: changes go to a writer thread, which saves all
//! that are waiting in one locked, synced write and reports back on the event
//! loop's channel. A failed save is said on screen, and said again for every
//! later change, until a save succeeds.

use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

use crate::app::App;
use crate::store::{Change, Notice, State, Store};

use super::input::Message;

/// What one write did.
pub struct Report {
    /// How many changes it wrote.
    changes: usize,
    result: Result<(State, Vec<Notice>), String>,
}

/// The event loop's end of the writer thread.
pub struct Writer {
    sender: Option<Sender<Change>>,
    thread: Option<JoinHandle<()>>,
    /// Changes sent and not yet reported back.
    in_flight: usize,
    /// Why the last save failed, until one succeeds.
    failing: Option<String>,
}

impl Writer {
    /// Starts the writer for `store` (none: changes are kept in memory only);
    /// reports arrive on `replies` as `Message::Saved`.
    pub fn spawn(store: Option<Store>, replies: Sender<Message>) -> Writer {
        let Some(store) = store else {
            return Writer {
                sender: None,
                thread: None,
                in_flight: 0,
                failing: None,
            };
        };
        let (sender, receiver) = mpsc::channel::<Change>();
        let thread = std::thread::spawn(move || {
            while let Ok(first) = receiver.recv() {
                let mut changes = vec![first];
                changes.extend(receiver.try_iter());
                let result = store.save(&changes).map_err(|err| err.to_string());
                let report = Report {
                    changes: changes.len(),
                    result,
                };
                // The event loop may be gone (quitting): the save is done all the same.
                let _ = replies.send(Message::Saved(report));
            }
        });
        Writer {
            sender: Some(sender),
            thread: Some(thread),
            in_flight: 0,
            failing: None,
        }
    }

    /// Queues a change; while saving fails, the screen says so instead of
    /// whatever the change claimed (已加书签).
    pub fn save(&mut self, app: &mut App, change: Change) {
        let Some(sender) = &self.sender else { return };
        if sender.send(change).is_ok() {
            self.in_flight += 1;
        }
        if let Some(reason) = &self.failing {
            app.message = Some(failure_message(reason));
        }
    }

    /// Takes a report from the writer thread into the app.
    pub fn reported(&mut self, app: &mut App, report: Report) {
        self.in_flight = self.in_flight.saturating_sub(report.changes);
        match report.result {
            Ok((merged, notices)) => {
                self.failing = None;
                // What another yuedu saved meanwhile shows up too; a state
                // older than changes still on their way would hide them.
                if self.in_flight == 0 {
                    app.load_saved(merged);
                }
                if let Some(notice) = notices.first() {
                    app.message = Some(notice.to_string());
                }
            }
            Err(reason) => {
                app.message = Some(failure_message(&reason));
                self.failing = Some(reason);
            }
        }
    }

    /// Waits until everything queued is on disk.
    pub fn finish(mut self) {
        self.sender = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn failure_message(reason: &str) -> String {
    format!("未保存：无法保存书签和阅读位置（{reason}）")
}
