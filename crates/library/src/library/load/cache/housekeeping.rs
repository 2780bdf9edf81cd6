//! Keeping the cache folder bounded: one cache file is written per set of
//! folders, so files of folders no longer read are dropped after a while,
//! and the oldest go first when the folder holds too much.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

/// A cache file not used for this long is removed.
pub const MAX_AGE: Duration = Duration::from_secs(30 * 24 * 60 * 60);
/// The cache folder holds at most this much; the least recently used files go first.
pub const MAX_TOTAL_BYTES: u64 = 1 << 30;

/// What the cache folder holds: cache files and their bytes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    pub files: usize,
    pub bytes: u64,
}

/// The article cache files in `dir` (and temporary files left by a writer
/// that died), with their size and last use (modification time).
fn cache_files(dir: &Path) -> Vec<(PathBuf, u64, SystemTime)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("articles-") && (name.ends_with(".cache") || name.contains(".tmp-"))
        })
        .filter_map(|e| {
            let meta = e.metadata().ok().filter(std::fs::Metadata::is_file)?;
            Some((e.path(), meta.len(), meta.modified().unwrap_or(SystemTime::UNIX_EPOCH)))
        })
        .collect()
}

/// How much the cache folder `dir` holds.
pub fn usage(dir: &Path) -> Usage {
    let files = cache_files(dir);
    Usage {
        files: files.len(),
        bytes: files.iter().map(|(_, len, _)| len).sum(),
    }
}

/// Removes cache files of `dir` unused since `MAX_AGE` before `now`, then
/// the least recently used until at most `max_bytes` remain; `keep` (the
/// file just used) stays. Failing to remove one is no error: it is a cache.
pub fn tidy(dir: &Path, keep: &Path, now: SystemTime, max_bytes: u64) {
    let mut files = cache_files(dir);
    files.retain(|(path, _, used)| {
        let old = now.duration_since(*used).is_ok_and(|age| age > MAX_AGE);
        let gone = old && path != keep && std::fs::remove_file(path).is_ok();
        !gone
    });
    // Newest first: what remains past the limit is the least recently used.
    files.sort_by_key(|file| std::cmp::Reverse(file.2));
    let mut total = 0;
    for (path, len, _) in files {
        total += len;
        if total > max_bytes && path != keep {
            let _ = std::fs::remove_file(&path);
            total -= len;
        }
    }
}

/// Marks `file` as used now, so a cache read but not rewritten is kept; a
/// file used within the last day is left as it is (a day is all the
/// precision `MAX_AGE` needs, and an unchanged cache stays untouched).
pub fn touch(file: &Path) {
    let now = SystemTime::now();
    let Ok(open) = std::fs::File::options().append(true).open(file) else {
        return;
    };
    let used = open.metadata().and_then(|m| m.modified());
    if used.is_ok_and(|used| now.duration_since(used).is_ok_and(|age| age > TOUCH_AFTER)) {
        let _ = open.set_modified(now);
    }
}

/// How stale a file's time may be before a use is recorded.
const TOUCH_AFTER: Duration = Duration::from_secs(24 * 60 * 60);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_files_go_and_the_folder_stays_within_its_size() {
        let dir = tempfile::tempdir().expect("tempdir");
        let now = SystemTime::now();
        let day = Duration::from_secs(24 * 60 * 60);
        let file = |name: &str, len: usize, age: Duration| {
            let path = dir.path().join(name);
            std::fs::write(&path, vec![0u8; len]).expect("write");
            let open = std::fs::File::options().append(true).open(&path).expect("open");
            open.set_modified(now - age).expect("set time");
            path
        };
        let stale = file("articles-0000000000000001.cache", 10, 40 * day);
        let kept_though_old = file("articles-0000000000000002.cache", 10, 40 * day);
        let recent = file("articles-0000000000000003.cache", 100, day);
        let older = file("articles-0000000000000004.cache", 100, 2 * day);
        let oldest = file("articles-0000000000000005.cache", 100, 3 * day);
        let left_over = file("articles-0000000000000006.tmp-123", 10, 31 * day);
        let other = file("notes.txt", 10, 400 * day);
        assert_eq!(usage(dir.path()), Usage { files: 6, bytes: 330 });

        tidy(dir.path(), &kept_though_old, now, 250);
        for gone in [&stale, &left_over, &oldest] {
            assert!(!gone.exists(), "{gone:?} removed");
        }
        for kept in [&kept_though_old, &recent, &older, &other] {
            assert!(kept.exists(), "{kept:?} kept");
        }
        assert_eq!(usage(dir.path()), Usage { files: 3, bytes: 210 });

        touch(&older);
        tidy(dir.path(), &kept_though_old, now + day, 120);
        assert!(older.exists(), "used again: now the newest");
        assert!(!recent.exists());
    }
}
