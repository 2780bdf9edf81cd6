//! The state file: read, set aside when damaged, and saved atomically (temp
//! file in the same folder, synced, renamed over the old one) under an
//! exclusive lock, merging this session's changes into what is on disk. A
//! temp file exists only while its writer holds the lock, so one found by
//! the lock's holder was left by a killed process and is removed.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::state::{Change, State, VERSION};
use crate::i18n::Text;

mod notice;
pub use notice::{Notice, StoreError};

const FILE_NAME: &str = "state.json";
const LOCK_NAME: &str = "state.lock";
/// Temp files are `.state.json.tmp-PID`.
const TEMP_PREFIX: &str = ".state.json.tmp-";
/// A byte order mark some editors put first.
const BOM: &[u8] = b"\xef\xbb\xbf";
/// Far more than years of bookmarks; bounds what a wrong file costs.
const MAX_STATE_BYTES: u64 = 64 << 20;

/// The state file in one folder.
#[derive(Debug)]
pub struct Store {
    dir: PathBuf,
}

enum Loaded {
    Missing,
    Good(State),
    Damaged(Text),
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
                reason: crate::i18n::io_error(&err),
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
            Err(err) => return Loaded::Damaged(notice::unreadable(&err)),
        };
        #[derive(serde::Deserialize)]
        struct VersionOnly {
            version: u32,
        }
        let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes);
        match serde_json::from_slice::<VersionOnly>(bytes) {
            Ok(v) if v.version > VERSION => {
                return Loaded::Damaged(notice::newer(v.version, VERSION));
            }
            Ok(_) => {}
            Err(err) => return Loaded::Damaged(notice::unparsable(&err)),
        }
        match serde_json::from_slice::<State>(bytes) {
            Ok(state) => Loaded::Good(state),
            Err(err) => Loaded::Damaged(notice::unparsable(&err)),
        }
    }

    /// Renames a damaged file aside, e.g. `state.json.corrupt-20261127T103000`.
    fn set_aside(&self, reason: Text) -> Option<Notice> {
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
                reason: notice::not_moved(&reason, &err),
            }),
        }
    }

    /// Writes `bytes` as the new state file; on any failure the temp file is
    /// removed and the old state file stays as it was. A state file that is
    /// a symbolic link (kept with other dotfiles, say) is written where it
    /// points, so it stays a link.
    fn replace(&self, bytes: &[u8]) -> io::Result<()> {
        let target = self.written_path();
        let folder = target.parent().unwrap_or(&self.dir);
        let temp = folder.join(format!("{TEMP_PREFIX}{}", std::process::id()));
        self.write_temp(&temp, bytes)
            .and_then(|()| commit(&temp, &target))
            .inspect_err(|_| {
                let _ = fs::remove_file(&temp);
            })
    }

    /// The file the state's bytes go to: the state file, or the file it
    /// links to (a link to nowhere yet: where it points).
    fn written_path(&self) -> PathBuf {
        let path = self.path();
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(&path)
                .or_else(|_| fs::read_link(&path).map(|to| self.dir.join(to)))
                .unwrap_or(path),
            _ => path,
        }
    }

    fn write_temp(&self, temp: &Path, bytes: &[u8]) -> io::Result<()> {
        let mut file = File::create(temp)?;
        file.write_all(bytes)?;
        file.sync_all()
    }
}

/// Renames `temp` over `target`, in the same folder, and makes the rename
/// durable (not every platform can sync a folder).
fn commit(temp: &Path, target: &Path) -> io::Result<()> {
    fs::rename(temp, target)?;
    if let Some(dir) = target.parent().and_then(|folder| File::open(folder).ok()) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests;
