//! Saving off the UI thread: changes go to a writer thread, which saves all
//! that are waiting in one locked, synced write and reports back on the event
//! loop's channel. A failed save is said on screen (a notice, and again for
//! every later change); its changes stay with the writer, which writes them
//! with the next save that succeeds — a new change, a retry a few seconds
//! later, or the last try on quitting — and the notice goes once they are
//! on disk.

use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use crate::app::App;
use crate::i18n::{Text, text, tr};
use crate::store::{Change, Notice, State, Store};

use super::input::Message;

/// How long changes that could not be saved wait for another try when no
/// new change comes.
const RETRY_AFTER: Duration = Duration::from_secs(3);

/// What one write did.
pub struct Report {
    /// How many new changes it took (changes that failed before are retried too).
    changes: usize,
    result: Result<(State, Vec<Notice>), Text>,
}

/// The event loop's end of the writer thread.
pub struct Writer {
    sender: Option<Sender<Change>>,
    /// The thread; it ends with why changes are still unsaved, if they are.
    thread: Option<JoinHandle<Option<Text>>>,
    /// Changes sent and not yet reported back.
    in_flight: usize,
    /// Why the last save failed, until one succeeds.
    failing: Option<Text>,
    /// The failure notices told, withdrawn once everything is on disk.
    told: Vec<Text>,
}

impl Writer {
    /// Starts the writer for `store` (none: changes are kept in memory only);
    /// reports arrive on `replies` as `Message::Saved`.
    pub fn spawn(store: Option<Store>, replies: Sender<Message>) -> Writer {
        let mut writer = Writer {
            sender: None,
            thread: None,
            in_flight: 0,
            failing: None,
            told: Vec::new(),
        };
        if let Some(store) = store {
            let (sender, receiver) = mpsc::channel::<Change>();
            writer.sender = Some(sender);
            writer.thread = Some(std::thread::spawn(move || write_changes(&store, &receiver, &replies)));
        }
        writer
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
                if self.failing.take().is_some() {
                    app.message = Some(text!(
                        en: "saved: the bookmarks and reading positions kept meanwhile are on disk",
                        hans: "已保存：之前未能保存的书签和阅读位置已写入",
                        hant: "已儲存：之前未能儲存的書籤和閱讀位置已寫入",
                    ));
                }
                self.withdraw_notices(app);
                // What another yuedu saved meanwhile shows up too; a state
                // older than changes still on their way would hide them.
                if self.in_flight == 0 {
                    app.load_saved(merged);
                }
                for notice in notices {
                    app.add_notice(notice.text());
                }
            }
            Err(reason) => self.failed(app, reason),
        }
    }

    fn failed(&mut self, app: &mut App, reason: Text) {
        let notice = failure_message(&reason);
        app.add_notice(notice.clone());
        app.message = Some(notice.clone());
        if !self.told.contains(&notice) {
            self.told.push(notice);
        }
        self.failing = Some(reason);
    }

    /// Everything is on disk: the failure notices go.
    fn withdraw_notices(&mut self, app: &mut App) {
        for notice in self.told.drain(..) {
            app.withdraw_notice(&notice);
        }
    }

    /// Waits until everything queued is on disk, or its last try failed
    /// (then the notice says so, and it is repeated on stderr at exit).
    pub fn finish(mut self, app: &mut App) {
        self.sender = None;
        let Some(thread) = self.thread.take() else { return };
        match thread.join() {
            Ok(None) => self.withdraw_notices(app),
            Ok(Some(reason)) => self.failed(app, reason),
            Err(_) => {}
        }
    }
}

/// The writer thread: saves what arrives, all that waits in one write, and
/// keeps changes that could not be saved for the next write, tried again
/// after `RETRY_AFTER` if nothing new comes and once more when the event
/// loop hangs up. Returns why changes are still unsaved, if they are.
fn write_changes(store: &Store, receiver: &Receiver<Change>, replies: &Sender<Message>) -> Option<Text> {
    let mut unsaved: Vec<Change> = Vec::new();
    loop {
        let first = if unsaved.is_empty() {
            match receiver.recv() {
                Ok(change) => Some(change),
                Err(_) => return None,
            }
        } else {
            match receiver.recv_timeout(RETRY_AFTER) {
                Ok(change) => Some(change),
                Err(RecvTimeoutError::Timeout) => None,
                // Quitting: the last try.
                Err(RecvTimeoutError::Disconnected) => return store.save(&unsaved).err().map(|err| err.text()),
            }
        };
        let new: Vec<Change> = first.into_iter().chain(receiver.try_iter()).collect();
        let changes = new.len();
        unsaved.extend(new);
        let result = store.save(&unsaved).map_err(|err| err.text());
        if result.is_ok() {
            unsaved.clear();
        }
        // The event loop may be gone (quitting): the save is done all the same.
        let _ = replies.send(Message::Saved(Report { changes, result }));
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
        App::new(Library::management(), keymap, ReadingSettings::default(), 120, 35)
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
                unknown: Default::default(),
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
        writer.finish(&mut app);
        let (_, state, _) = Store::open(&blocker.join("yuedu"));
        assert_eq!(state.positions["yingxiao/kehu-guanxi-guanli"].offset, 3);
    }

    /// Carries the app's effects out through `writer` and takes every report
    /// back, as the event loop does.
    fn carry(writer: &mut Writer, app: &mut App, effects: Vec<crate::app::Effect>, replies: &mpsc::Receiver<Message>) {
        for effect in effects {
            if let crate::app::Effect::Save(change) = effect {
                writer.save(app, change);
            }
        }
        while writer.in_flight > 0 {
            let Ok(Message::Saved(report)) = replies.recv_timeout(Duration::from_secs(10)) else {
                panic!("no report from the writer");
            };
            writer.reported(app, report);
        }
    }

    fn press(app: &mut App, keys: &str) -> Vec<crate::app::Effect> {
        let mut effects = Vec::new();
        for name in keys.split_whitespace() {
            let key = crate::keymap::Key::parse(name).expect("key name");
            effects.extend(app.handle(crate::app::Input::Key(key)));
        }
        effects
    }

    #[test]
    fn changes_made_while_saving_fails_are_written_by_the_next_save_that_succeeds() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("data");
        std::fs::write(&blocker, "").expect("write");
        let folder = blocker.join("yuedu");
        let (store, _, _) = Store::open(&folder);
        let (sender, replies) = mpsc::channel();
        let mut writer = Writer::spawn(Some(store), sender);
        let mut app = app();
        // Two bookmarks with notes, made while nothing can be saved.
        let effects = press(&mut app, "j l l space m");
        carry(&mut writer, &mut app, effects, &replies);
        for c in "失败时的书签".chars() {
            app.handle(crate::app::Input::Key(crate::keymap::Key::char(c)));
        }
        let effects = press(&mut app, "enter space space m");
        carry(&mut writer, &mut app, effects, &replies);
        let effects = press(&mut app, "enter");
        carry(&mut writer, &mut app, effects, &replies);
        assert_eq!(app.saved.bookmarks.len(), 2, "shown while saving fails");
        assert!(
            app.banner().iter().any(|n| n.starts_with("未保存")),
            "{:?}",
            app.banner()
        );
        // Space again: the next change saves them all.
        std::fs::remove_file(&blocker).expect("remove");
        std::fs::create_dir_all(&folder).expect("mkdir");
        let effects = press(&mut app, "space");
        let effects = [effects, app.checkpoint()].concat();
        carry(&mut writer, &mut app, effects, &replies);
        assert_eq!(app.saved.bookmarks.len(), 2, "still shown once a save succeeds");
        assert!(
            !app.banner().iter().any(|n| n.starts_with("未保存")),
            "the notice clears once they are on disk: {:?}",
            app.banner()
        );
        writer.finish(&mut app);
        let (_, state, _) = Store::open(&folder);
        assert_eq!(state.bookmarks.len(), 2, "on disk");
        assert_eq!(state.bookmarks[0].note, "失败时的书签");
    }

    #[test]
    fn changes_that_failed_are_written_when_quitting_if_they_can_be() {
        let dir = tempfile::tempdir().expect("tempdir");
        let blocker = dir.path().join("data");
        std::fs::write(&blocker, "").expect("write");
        let folder = blocker.join("yuedu");
        let (store, _, _) = Store::open(&folder);
        let (sender, replies) = mpsc::channel();
        let mut writer = Writer::spawn(Some(store), sender);
        let mut app = app();
        let effects = press(&mut app, "j l l space m enter");
        carry(&mut writer, &mut app, effects, &replies);
        assert!(app.banner().iter().any(|n| n.starts_with("未保存")));
        std::fs::remove_file(&blocker).expect("remove");
        std::fs::create_dir_all(&folder).expect("mkdir");
        // No change after the failure: quitting writes what is pending.
        writer.finish(&mut app);
        let (_, state, _) = Store::open(&folder);
        assert_eq!(state.bookmarks.len(), 1, "on disk");
        assert!(
            !app.exit_notices().iter().any(|n| n.starts_with("未保存")),
            "{:?}",
            app.exit_notices()
        );
    }
}
