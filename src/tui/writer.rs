//! Saving off the UI thread: changes go to a writer thread, which saves all
//! that are waiting in one locked, synced write and reports back on the event
//! loop's channel. A failed save is said on screen, and said again for every
//! later change, until a save succeeds.

use std::sync::mpsc::{self, Sender};
use std::thread::JoinHandle;

use crate::app::App;
use crate::i18n::{Text, tr};
use crate::store::{Change, Notice, State, Store};

use super::input::Message;

/// What one write did.
pub struct Report {
    /// How many changes it wrote.
    changes: usize,
    result: Result<(State, Vec<Notice>), Text>,
}

/// The event loop's end of the writer thread.
pub struct Writer {
    sender: Option<Sender<Change>>,
    thread: Option<JoinHandle<()>>,
    /// Changes sent and not yet reported back.
    in_flight: usize,
    /// Why the last save failed, until one succeeds.
    failing: Option<Text>,
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
                let result = store.save(&changes).map_err(|err| err.text());
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
                for notice in notices {
                    app.add_notice(notice.text());
                }
            }
            Err(reason) => {
                app.add_notice(failure_message(&reason));
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

fn failure_message(reason: &Text) -> Text {
    reason.map(|lang, reason| {
        tr!(
            lang,
            en: "not saved: bookmarks and reading positions cannot be saved ({reason})",
            hans: "未保存：无法保存书签和阅读位置（{reason}）",
            hant: "未儲存：無法儲存書籤和閱讀位置（{reason}）",
        )
    })
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use jiff::Timestamp;

    use super::*;
    use crate::app::ReadingSettings;
    use crate::config::Config;
    use crate::library::Library;
    use crate::store::Position;

    fn app() -> App {
        let keymap = Config::default_config().expect("config").keymap;
        App::new(Library::bundled(), keymap, ReadingSettings::default(), 120, 35)
    }

    fn change() -> Change {
        Change::SetPosition {
            article: "yingxiao/kehu-guanxi-guanli".into(),
            position: Position {
                fingerprint: None,
                offset: 3,
                percent: 1,
                finished: false,
                updated: Timestamp::now(),
            },
        }
    }

    /// Sends one change, as the app would after claiming 已加书签, and takes
    /// the writer's report back.
    fn save_once(writer: &mut Writer, app: &mut App, replies: &mpsc::Receiver<Message>) {
        app.say(crate::i18n::Text::same("已加书签"));
        writer.save(app, change());
        let Ok(Message::Saved(report)) = replies.recv_timeout(Duration::from_secs(10)) else {
            panic!("no report from the writer");
        };
        writer.reported(app, report);
    }

    #[test]
    fn a_failed_save_is_said_after_every_change_until_one_succeeds() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("data");
        std::fs::write(&blocker, "").expect("write");
        // Below a regular file: no one can save there, root included.
        let (store, _, _) = Store::open(&blocker.join("yuedu"));
        let (sender, replies) = mpsc::channel();
        let mut writer = Writer::spawn(Some(store), sender);
        let mut app = app();
        for _ in 0..3 {
            save_once(&mut writer, &mut app, &replies);
            assert!(app.said().is_some_and(|m| m.starts_with("未保存")), "{:?}", app.message);
        }
        // Said at once for the next change, before the writer even reports.
        app.say(crate::i18n::Text::same("已加书签"));
        writer.save(&mut app, change());
        assert!(app.said().is_some_and(|m| m.starts_with("未保存")));
        let Ok(Message::Saved(report)) = replies.recv_timeout(Duration::from_secs(10)) else {
            panic!("no report");
        };
        writer.reported(&mut app, report);
        // The folder can be made now: the next save succeeds and says nothing more.
        std::fs::remove_file(&blocker).expect("remove");
        std::fs::create_dir_all(blocker.join("yuedu")).expect("mkdir");
        save_once(&mut writer, &mut app, &replies);
        app.say(crate::i18n::Text::same("已加书签"));
        writer.save(&mut app, change());
        assert_eq!(app.said(), Some("已加书签"));
        writer.finish();
        let (_, state, _) = Store::open(&blocker.join("yuedu"));
        assert_eq!(state.positions["yingxiao/kehu-guanxi-guanli"].offset, 3);
    }
}
