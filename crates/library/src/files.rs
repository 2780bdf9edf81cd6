//! Reading files that come from outside (articles, `collection.toml`,
//! `state.json`, the article cache, the config) with bounds: only regular
//! files are read, never more than a stated size. A FIFO does not block (it
//! is opened without waiting for a writer, then refused), a device such as
//! `/dev/zero` is refused before a byte is read, and a file that grows while
//! it is read stops at the limit.
//!
//! # Design
//!
//! reading files from outside with bounds (`read_regular`): only regular files (what else a path
//! is, to say so: `Kind`) (opened without blocking, checked on the open file, so a FIFO or
//! `/dev/zero` is refused at once), never more than a stated size; used for articles,
//! `collection.toml`, `state.json`, the config and the article cache

use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

use crate::i18n::{Text, io_error, text, tr};

/// Why a file was not read, displayed to follow the file's name:
/// "state.json: not a regular file (a folder, pipe or device)".
#[derive(Debug)]
pub enum ReadError {
    /// A folder, FIFO, socket or device.
    NotRegular,
    /// Larger than the limit, in bytes.
    TooLarge(u64),
    /// Read as text, but not UTF-8.
    NotUtf8,
    Io(std::io::Error),
}

impl ReadError {
    /// The file is not there (not an error for optional files).
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

impl ReadError {
    /// Why, in every language, to follow the file's name.
    pub fn text(&self) -> Text {
        match self {
            ReadError::NotRegular => text!(
                en: "not a regular file (a folder, pipe or device)",
                hans: "不是普通文件（是文件夹、管道或设备）",
                hant: "不是一般檔案（是資料夾、管道或裝置）",
            ),
            ReadError::TooLarge(limit) => {
                let size = size(*limit);
                text!(en: "larger than {size}, not read", hans: "超过 {size}，未读取", hant: "超過 {size}，未讀取")
            }
            ReadError::NotUtf8 => text!(
                en: "cannot be read: not UTF-8 text",
                hans: "无法读取：不是 UTF-8 文本",
                hant: "無法讀取：不是 UTF-8 文字",
            ),
            ReadError::Io(err) => io_error(err).map(
                |lang, why| tr!(lang, en: "cannot be read: {why}", hans: "无法读取：{why}", hant: "無法讀取：{why}"),
            ),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().en())
    }
}

impl std::error::Error for ReadError {}

/// What a path that is not a regular file is, to say so.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Folder,
    /// A named pipe (FIFO).
    Pipe,
    Socket,
    /// A character or block device (`/dev/urandom`).
    Device,
    /// Anything else that is not a regular file.
    Other,
}

impl Kind {
    /// What `meta` describes, if it is not a regular file.
    pub fn of(meta: &Metadata) -> Option<Kind> {
        let kind = meta.file_type();
        if kind.is_file() {
            return None;
        }
        if kind.is_dir() {
            return Some(Kind::Folder);
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            if kind.is_fifo() {
                return Some(Kind::Pipe);
            }
            if kind.is_socket() {
                return Some(Kind::Socket);
            }
            if kind.is_char_device() || kind.is_block_device() {
                return Some(Kind::Device);
            }
        }
        Some(Kind::Other)
    }

    /// What it is, in every language: "a named pipe (FIFO)".
    pub fn text(self) -> Text {
        match self {
            Kind::Folder => text!(en: "a folder", hans: "文件夹", hant: "資料夾"),
            Kind::Pipe => text!(en: "a named pipe (FIFO)", hans: "命名管道（FIFO）", hant: "具名管道（FIFO）"),
            Kind::Socket => text!(en: "a socket", hans: "套接字", hant: "通訊端"),
            Kind::Device => text!(en: "a device", hans: "设备", hant: "裝置"),
            Kind::Other => text!(en: "a special file", hans: "特殊文件", hant: "特殊檔案"),
        }
    }
}

/// The one way sizes are written for people: "64 MB", "2.5 MB", "512 KB"
/// (binary units; tenths only between 1 and 10 MB, where they tell sizes apart).
pub fn size(bytes: u64) -> String {
    const MB: u64 = 1 << 20;
    if bytes >= 10 * MB || (bytes >= MB && bytes.is_multiple_of(MB)) {
        format!("{} MB", bytes / MB)
    } else if bytes >= MB {
        format!("{:.1} MB", bytes as f64 / MB as f64)
    } else {
        // Anything at all is at least 1 KB.
        format!("{} KB", (bytes / 1024).max(u64::from(bytes > 0)))
    }
}

/// Opens `path` for reading if it is a regular file (links followed), without
/// blocking on a FIFO; returns the file and its metadata, taken from the open
/// file (so it cannot be swapped between the check and the read).
pub fn open_regular(path: &Path) -> Result<(File, Metadata), ReadError> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    let file = match options.open(path) {
        #[cfg(unix)]
        Err(err) if err.raw_os_error() == Some(libc::ENAMETOOLONG) => open_long(path),
        opened => opened,
    }
    .map_err(ReadError::Io)?;
    let meta = file.metadata().map_err(ReadError::Io)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular);
    }
    Ok((file, meta))
}

/// Opens a file whose path is longer than the system takes in one call (a
/// file deep in a folder tree): its folders are opened a part of the path at
/// a time, each relative to the last, so the cost stays linear in its length.
#[cfg(unix)]
fn open_long(path: &Path) -> std::io::Result<File> {
    use rustix::fs::{CWD, Mode, OFlags, openat};
    use std::os::unix::ffi::OsStrExt;
    /// Well below `PATH_MAX` on every Unix.
    const PART: usize = 1024;
    let flags = OFlags::RDONLY.union(OFlags::CLOEXEC).union(OFlags::NOCTTY);
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return Err(std::io::ErrorKind::InvalidInput.into());
    };
    let mut dir = None;
    let mut part = Vec::new();
    let open_part = |dir: &mut Option<rustix::fd::OwnedFd>, part: &mut Vec<u8>| -> std::io::Result<()> {
        let at = match dir.as_ref() {
            Some(fd) => openat(fd, part.as_slice(), flags.union(OFlags::DIRECTORY), Mode::empty()),
            None => openat(CWD, part.as_slice(), flags.union(OFlags::DIRECTORY), Mode::empty()),
        }?;
        *dir = Some(at);
        part.clear();
        Ok(())
    };
    for component in folder.components() {
        let bytes = component.as_os_str().as_bytes();
        if !part.is_empty() && part.len() + bytes.len() + 1 > PART {
            open_part(&mut dir, &mut part)?;
        }
        if !part.is_empty() && !part.ends_with(b"/") {
            part.push(b'/');
        }
        part.extend_from_slice(bytes);
    }
    if !part.is_empty() {
        open_part(&mut dir, &mut part)?;
    }
    let flags = flags.union(OFlags::NONBLOCK);
    let fd = match dir.as_ref() {
        Some(fd) => openat(fd, name, flags, Mode::empty()),
        None => openat(CWD, name, flags, Mode::empty()),
    }?;
    Ok(File::from(fd))
}

/// The whole of the regular file at `path`, if it holds at most `limit` bytes.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (file, meta) = open_regular(path)?;
    read_open(file, &meta, limit)
}

/// The rest of an open regular file, at most `limit` bytes.
pub fn read_open(file: File, meta: &Metadata, limit: u64) -> Result<Vec<u8>, ReadError> {
    if meta.len() > limit {
        return Err(ReadError::TooLarge(limit));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
    // One byte past the limit tells a file that grew since its size was taken.
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// Like [`read_regular`], as UTF-8 text (a leading byte-order mark dropped).
pub fn read_regular_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let mut bytes = read_regular(path, limit)?;
    if bytes.starts_with(b"\xef\xbb\xbf") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::time::{Duration, Instant};

    #[test]
    fn devices_folders_and_fifos_are_refused_at_once() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("fifo");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        let started = Instant::now();
        assert!(matches!(
            read_regular(Path::new("/dev/zero"), 1 << 20),
            Err(ReadError::NotRegular)
        ));
        assert!(matches!(read_regular(dir.path(), 1 << 20), Err(ReadError::NotRegular)));
        if made.is_ok_and(|s| s.success()) {
            assert!(matches!(read_regular(&fifo, 1 << 20), Err(ReadError::NotRegular)));
        }
        assert!(started.elapsed() < Duration::from_secs(5));
    }

    #[test]
    fn sizes_are_bounded_and_missing_files_told_apart() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("f");
        std::fs::write(&file, [b'x'; 2000]).expect("write");
        assert_eq!(read_regular(&file, 2000).expect("fits").len(), 2000);
        let err = read_regular(&file, 1999).expect_err("too large");
        assert_eq!(err.to_string(), "larger than 1 KB, not read");
        assert!(
            read_regular(&dir.path().join("none"), 10)
                .expect_err("missing")
                .is_not_found()
        );
        std::fs::write(&file, "\u{feff}[a]").expect("write");
        assert_eq!(read_regular_text(&file, 100).expect("text"), "[a]");
    }
}
