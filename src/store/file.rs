//! The state file: read, set aside when damaged, and saved atomically (temp
//! file in the same folder, synced, renamed over the old one) under an
//! exclusive lock, merging this session's changes into what is on disk. A
//! temp file exists only while its writer holds the lock, so one found by
//! the lock's holder was left by a killed process and is removed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use thiserror::Error;

use super::state::{Change, State, VERSION};

const FILE_NAME: &str = "state.json";
const LOCK_NAME: &str = "state.lock";
/// Temp files are `.state.json.tmp-PID`.
const TEMP_PREFIX: &str = ".state.json.tmp-";
/// A byte order mark some editors put first.
const BOM: &[u8] = b"\xef\xbb\xbf";
/// Far more than years of bookmarks; bounds what a wrong file costs.
const MAX_STATE_BYTES: u64 = 64 << 20;

/// Something the user should be told about their saved state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// The file could not be used and was renamed aside.
    SetAside {
        file: PathBuf,
        moved_to: PathBuf,
        reason: String,
    },
    /// Changes cannot be saved (a read-only folder, a full disk).
    CannotSave { folder: PathBuf, reason: String },
    /// The file could not be used and, read-only, was left where it is.
    LeftAsIs { file: PathBuf, reason: String },
}

impl std::fmt::Display for Notice {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::SetAside { file, moved_to, reason } => write!(
                f,
                "{} {reason}; it was moved to {} and yuedu starts with no bookmarks or positions",
                file.display(),
                moved_to.display()
            ),
            Notice::LeftAsIs { file, reason } => write!(
                f,
                "{} {reason}; it was left as it is and no bookmarks or positions are shown",
                file.display()
            ),
            Notice::CannotSave { folder, reason } => {
                write!(
                    f,
                    "bookmarks and positions cannot be saved in {}: {reason}",
                    folder.display()
                )
            }
        }
    }
}

#[derive(Debug, Error)]
pub enum StoreError {
    #[error("cannot save in {folder}: {source}")]
    Io {
        folder: String,
        #[source]
        source: io::Error,
    },
}

/// The state file in one folder.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
}

enum Loaded {
    Missing,
    Good(State),
    Damaged(String),
}

impl Store {
    /// Opens the store in `dir` (created if missing) and reads it. A damaged
    /// or newer file is set aside and reported; reading always succeeds.
    pub fn open(dir: &Path) -> (Store, State, Vec<Notice>) {
        let store = Store { dir: dir.to_path_buf() };
        let mut notices = Vec::new();
        if let Err(err) = fs::create_dir_all(dir) {
            notices.push(Notice::CannotSave {
                folder: dir.to_path_buf(),
                reason: err.to_string(),
            });
            return (store, State::default(), notices);
        }
        store.remove_stale_temporaries();
        let state = match store.read() {
            Loaded::Missing => State::default(),
            Loaded::Good(state) => {
                store.keep_older_format(&state);
                state
            }
            Loaded::Damaged(reason) => {
                notices.extend(store.set_aside(reason));
                State::default()
            }
        };
        (store, state, notices)
    }

    /// Reads the state in `dir` for a read-only command: nothing is created,
    /// moved or removed; a damaged file is reported and left as it is.
    pub fn read_only(dir: &Path) -> (State, Vec<Notice>) {
        let store = Store { dir: dir.to_path_buf() };
        match store.read() {
            Loaded::Missing => (State::default(), Vec::new()),
            Loaded::Good(state) => (state, Vec::new()),
            Loaded::Damaged(reason) => {
                let notice = Notice::LeftAsIs {
                    file: store.path(),
                    reason,
                };
                (State::default(), vec![notice])
            }
        }
    }

    /// Keeps a copy of a file in an older format (`state.json.v1`) before
    /// it is first written in this one; an existing copy is left alone.
    fn keep_older_format(&self, state: &State) {
        if state.version >= VERSION {
            return;
        }
        let backup = self.dir.join(format!("{FILE_NAME}.v{}", state.version));
        if !backup.exists() {
            let _ = fs::copy(self.path(), backup);
        }
    }

    /// Removes temp files left by killed writers, if no writer holds the
    /// lock now (then it is done on a later start).
    fn remove_stale_temporaries(&self) {
        let Ok(lock) = self.open_lock() else { return };
        if lock.try_lock().is_ok() {
            self.remove_temporaries();
        }
    }

    /// With the lock held: every temp file is a killed writer's.
    fn remove_temporaries(&self) {
        let Ok(entries) = fs::read_dir(&self.dir) else { return };
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name();
            let is_temp = name.to_str().is_some_and(|n| n.starts_with(TEMP_PREFIX));
            if is_temp && entry.file_type().is_ok_and(|t| t.is_file()) {
                let _ = fs::remove_file(entry.path());
            }
        }
    }

    fn open_lock(&self) -> io::Result<File> {
        OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK_NAME))
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Applies `changes` to what is on disk now and writes the result; returns
    /// the merged state. Holds the lock from reading to renaming, so a second
    /// yuedu saving at the same moment waits and then merges in turn.
    pub fn save(&self, changes: &[Change]) -> Result<(State, Vec<Notice>), StoreError> {
        let io_error = |source| StoreError::Io {
            folder: self.dir.display().to_string(),
            source,
        };
        let lock = self.open_lock().map_err(io_error)?;
        lock.lock().map_err(io_error)?;
        self.remove_temporaries();
        let mut notices = Vec::new();
        let mut state = match self.read() {
            Loaded::Missing => State::default(),
            Loaded::Good(state) => {
                self.keep_older_format(&state);
                state
            }
            Loaded::Damaged(reason) => {
                notices.extend(self.set_aside(reason));
                State::default()
            }
        };
        for change in changes {
            state.apply(change);
        }
        state.version = VERSION;
        let bytes = serde_json::to_vec_pretty(&state).map_err(|e| io_error(io::Error::other(e)))?;
        self.replace(&bytes).map_err(io_error)?;
        // Unlocks on drop as well; explicit for clarity.
        let _ = lock.unlock();
        Ok((state, notices))
    }

    fn read(&self) -> Loaded {
        // Only a regular file, and not more than any real state holds.
        let bytes = match crate::files::read_regular(&self.path(), MAX_STATE_BYTES) {
            Ok(bytes) => bytes,
            Err(err) if err.is_not_found() => return Loaded::Missing,
            Err(crate::files::ReadError::Io(err)) => return Loaded::Damaged(format!("cannot be read ({err})")),
            Err(err) => return Loaded::Damaged(format!("is {err}")),
        };
        #[derive(serde::Deserialize)]
        struct VersionOnly {
            version: u32,
        }
        let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes);
        match serde_json::from_slice::<VersionOnly>(bytes) {
            Ok(v) if v.version > VERSION => {
                return Loaded::Damaged(format!(
                    "was written by a newer yuedu (format {}, this one reads {VERSION})",
                    v.version
                ));
            }
            Ok(_) => {}
            Err(err) => return Loaded::Damaged(format!("cannot be parsed ({err})")),
        }
        match serde_json::from_slice::<State>(bytes) {
            Ok(state) => Loaded::Good(state),
            Err(err) => Loaded::Damaged(format!("cannot be parsed ({err})")),
        }
    }

    /// Renames a damaged file aside, e.g. `state.json.corrupt-20261127T103000`.
    fn set_aside(&self, reason: String) -> Option<Notice> {
        let file = self.path();
        let stamp = Timestamp::now().strftime("%Y%m%dT%H%M%S").to_string();
        let mut moved_to = self.dir.join(format!("{FILE_NAME}.corrupt-{stamp}"));
        let mut n = 2;
        while moved_to.exists() {
            moved_to = self.dir.join(format!("{FILE_NAME}.corrupt-{stamp}-{n}"));
            n += 1;
        }
        match fs::rename(&file, &moved_to) {
            Ok(()) => Some(Notice::SetAside { file, moved_to, reason }),
            // Cannot move it: leave it, and never write over it.
            Err(err) => Some(Notice::CannotSave {
                folder: self.dir.clone(),
                reason: format!("{reason}, and it cannot be moved aside ({err})"),
            }),
        }
    }

    /// Writes `bytes` as the new state file; on any failure the temp file is
    /// removed and the old state file stays as it was.
    fn replace(&self, bytes: &[u8]) -> io::Result<()> {
        let temp = self.dir.join(format!("{TEMP_PREFIX}{}", std::process::id()));
        self.write_temp(&temp, bytes)
            .and_then(|()| self.commit(&temp))
            .inspect_err(|_| {
                let _ = fs::remove_file(&temp);
            })
    }

    fn write_temp(&self, temp: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut file = File::create(temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    }

    fn commit(&self, temp: &Path) -> io::Result<()> {
        fs::rename(temp, self.path())?;
        // Make the rename itself durable; not every platform can sync a folder.
        if let Ok(dir) = File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::state::{Bookmark, Position};

    fn position(offset: usize) -> Change {
        Change::SetPosition {
            article: "yingxiao/kehu-guanxi-guanli".into(),
            position: Position {
                fingerprint: None,
                offset,
                percent: 12,
                finished: false,
                updated: Timestamp::now(),
            },
        }
    }

    fn bookmark(id: i128) -> Change {
        Change::AddBookmark(Bookmark {
            id,
            article: "a".into(),
            offset: 0,
            snippet: "所谓客户关系管理".into(),
            created: Timestamp::now(),
            note: "笔记".into(),
        })
    }

    #[test]
    fn round_trip() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, state, notices) = Store::open(&dir.path().join("new/folder"));
        assert!(notices.is_empty());
        assert_eq!(state, State::default());
        let (saved, _) = store.save(&[position(42), bookmark(1)]).expect("save");
        let (_, loaded, notices) = Store::open(&dir.path().join("new/folder"));
        assert!(notices.is_empty());
        assert_eq!(loaded, saved);
        assert_eq!(loaded.positions["yingxiao/kehu-guanxi-guanli"].offset, 42);
        assert_eq!(loaded.bookmarks[0].note, "笔记");
    }

    #[test]
    fn a_crash_between_writing_and_renaming_leaves_the_old_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _, _) = Store::open(dir.path());
        store.save(&[position(1)]).expect("save");
        // Crash: the new file is written but never renamed.
        let temp = dir.path().join(format!("{TEMP_PREFIX}4294967295"));
        store.write_temp(&temp, b"{ half a file").expect("temp");
        let (_, loaded, notices) = Store::open(dir.path());
        assert!(notices.is_empty());
        assert_eq!(loaded.positions["yingxiao/kehu-guanxi-guanli"].offset, 1);
        assert!(
            !temp.exists(),
            "the killed writer's temp file is cleaned on the next start"
        );
    }

    #[test]
    fn a_failed_save_leaves_no_temp_file_and_the_old_state() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _, _) = Store::open(dir.path());
        // The rename fails, for root too: the target is a folder with something in it.
        fs::create_dir_all(store.path().join("inside")).expect("mkdir");
        assert!(store.replace(b"{}").is_err());
        let names: Vec<String> = fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert!(!names.iter().any(|n| n.starts_with(TEMP_PREFIX)), "{names:?}");
        assert!(store.path().join("inside").is_dir());
    }

    #[test]
    fn a_format_1_file_reads_and_is_kept_as_a_backup_before_it_is_rewritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let old = r#"{"version": 1, "positions": {"a": {"offset": 5, "percent": 10, "finished": false,
            "updated": "2026-01-01T00:00:00Z"}}, "bookmarks": [], "last_read": "a"}"#;
        fs::write(dir.path().join(FILE_NAME), old).expect("write");
        let (store, state, notices) = Store::open(dir.path());
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.positions["a"].offset, 5);
        assert_eq!(
            fs::read_to_string(dir.path().join("state.json.v1")).expect("backup"),
            old
        );
        let (saved, _) = store.save(&[position(1)]).expect("save");
        assert_eq!(saved.version, VERSION);
        assert_eq!(saved.positions["a"].offset, 5, "nothing lost");
        assert_eq!(
            fs::read_to_string(dir.path().join("state.json.v1")).expect("backup"),
            old
        );
    }

    #[test]
    fn a_state_file_with_a_byte_order_mark_reads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _, _) = Store::open(dir.path());
        store.save(&[position(7)]).expect("save");
        let mut bytes = BOM.to_vec();
        bytes.extend(fs::read(store.path()).expect("read"));
        fs::write(store.path(), bytes).expect("write");
        let (_, state, notices) = Store::open(dir.path());
        assert!(notices.is_empty(), "{notices:?}");
        assert_eq!(state.positions["yingxiao/kehu-guanxi-guanli"].offset, 7);
        assert!(Store::read_only(dir.path()).1.is_empty());
    }

    #[test]
    fn reading_only_never_moves_a_damaged_file() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join(FILE_NAME), "{ not json").expect("write");
        let (state, notices) = Store::read_only(dir.path());
        assert_eq!(state, State::default());
        assert!(matches!(notices.as_slice(), [Notice::LeftAsIs { .. }]), "{notices:?}");
        assert!(notices[0].to_string().contains("left as it is"));
        assert_eq!(
            fs::read_to_string(dir.path().join(FILE_NAME)).expect("kept"),
            "{ not json"
        );
        assert_eq!(
            fs::read_dir(dir.path()).expect("list").count(),
            1,
            "nothing created or moved"
        );
        // A missing folder is not created either.
        let missing = dir.path().join("missing");
        assert_eq!(Store::read_only(&missing).0, State::default());
        assert!(!missing.exists());
    }

    #[test]
    fn a_corrupt_file_is_set_aside_and_reported() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join(FILE_NAME), "{ not json").expect("write");
        let (store, state, notices) = Store::open(dir.path());
        assert_eq!(state, State::default());
        let [Notice::SetAside { moved_to, .. }] = notices.as_slice() else {
            panic!("expected one set-aside notice, got {notices:?}");
        };
        assert!(
            moved_to
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("state.json.corrupt-"))
        );
        assert_eq!(fs::read_to_string(moved_to).expect("kept"), "{ not json");
        assert!(notices[0].to_string().contains("moved to"));
        store.save(&[position(5)]).expect("save after");
    }

    #[test]
    fn a_newer_version_is_set_aside_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        fs::write(dir.path().join(FILE_NAME), r#"{"version": 99, "future": true}"#).expect("write");
        let (_, _, notices) = Store::open(dir.path());
        assert!(notices[0].to_string().contains("newer yuedu"), "{}", notices[0]);
    }

    #[test]
    fn concurrent_saves_from_threads_lose_nothing() {
        let dir = tempfile::tempdir().expect("tempdir");
        let threads: Vec<_> = (0..8)
            .map(|t| {
                let path = dir.path().to_path_buf();
                std::thread::spawn(move || {
                    let (store, _, _) = Store::open(&path);
                    for i in 0..10 {
                        store.save(&[bookmark(t * 100 + i)]).expect("save");
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().expect("thread");
        }
        let (_, state, _) = Store::open(dir.path());
        assert_eq!(state.bookmarks.len(), 80);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_folder_that_cannot_be_created_still_reads_and_says_why() {
        // Not even root can create folders in /proc.
        let (store, state, notices) = Store::open(Path::new("/proc/yuedu-cannot-exist"));
        assert_eq!(state, State::default());
        assert!(matches!(notices.as_slice(), [Notice::CannotSave { .. }]), "{notices:?}");
        assert!(store.save(&[position(1)]).is_err());
    }

    #[test]
    fn a_data_folder_that_cannot_exist_reads_and_reports_it_cannot_save() {
        // A folder below a regular file can be created by no one, root included.
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("a-file");
        fs::write(&file, "").expect("write");
        let (store, state, notices) = Store::open(&file.join("yuedu"));
        assert_eq!(state, State::default());
        assert!(matches!(notices.as_slice(), [Notice::CannotSave { .. }]), "{notices:?}");
        assert!(notices[0].to_string().contains("cannot be saved"), "{}", notices[0]);
        let err = store.save(&[position(10)]).expect_err("nowhere to save");
        assert!(err.to_string().contains("cannot save in"), "{err}");
        assert_eq!(fs::read(&file).expect("file"), b"", "the file is untouched");
    }
}
