//! The state file: read, set aside when damaged, and saved atomically (temp
//! file in the same folder, synced, renamed over the old one) under an
//! exclusive lock, merging this session's changes into what is on disk.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use thiserror::Error;

use super::state::{Change, State, VERSION};

const FILE_NAME: &str = "state.json";
const LOCK_NAME: &str = "state.lock";

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
        let state = match store.read() {
            Loaded::Missing => State::default(),
            Loaded::Good(state) => state,
            Loaded::Damaged(reason) => {
                notices.extend(store.set_aside(reason));
                State::default()
            }
        };
        (store, state, notices)
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
        let lock = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.dir.join(LOCK_NAME))
            .map_err(io_error)?;
        lock.lock().map_err(io_error)?;
        let mut notices = Vec::new();
        let mut state = match self.read() {
            Loaded::Missing => State::default(),
            Loaded::Good(state) => state,
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
        let temp = self.write_temp(&bytes).map_err(io_error)?;
        self.commit(&temp).map_err(io_error)?;
        // Unlocks on drop as well; explicit for clarity.
        let _ = lock.unlock();
        Ok((state, notices))
    }

    fn read(&self) -> Loaded {
        let bytes = match fs::read(self.path()) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Loaded::Missing,
            Err(err) => return Loaded::Damaged(format!("cannot be read ({err})")),
        };
        #[derive(serde::Deserialize)]
        struct VersionOnly {
            version: u32,
        }
        match serde_json::from_slice::<VersionOnly>(&bytes) {
            Ok(v) if v.version > VERSION => {
                return Loaded::Damaged(format!(
                    "was written by a newer yuedu (format {}, this one reads {VERSION})",
                    v.version
                ));
            }
            Ok(_) => {}
            Err(err) => return Loaded::Damaged(format!("cannot be parsed ({err})")),
        }
        match serde_json::from_slice::<State>(&bytes) {
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

    fn write_temp(&self, bytes: &[u8]) -> io::Result<PathBuf> {
        let temp = self.dir.join(format!(".{FILE_NAME}.tmp-{}", std::process::id()));
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        Ok(temp)
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
        store.write_temp(b"{ half a file").expect("temp");
        let (_, loaded, notices) = Store::open(dir.path());
        assert!(notices.is_empty());
        assert_eq!(loaded.positions["yingxiao/kehu-guanxi-guanli"].offset, 1);
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

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_reads_but_reports_it_cannot_save() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("tempdir");
        let (store, _, _) = Store::open(dir.path());
        store.save(&[position(9)]).expect("save");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).expect("chmod");
        let (store, state, _) = Store::open(dir.path());
        assert_eq!(state.positions["yingxiao/kehu-guanxi-guanli"].offset, 9);
        let result = store.save(&[position(10)]);
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod back");
        // Root ignores permissions; then the save simply succeeds.
        if let Err(err) = result {
            assert!(err.to_string().contains("cannot save in"), "{err}");
        }
    }
}
