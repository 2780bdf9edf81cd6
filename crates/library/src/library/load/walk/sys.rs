//! What the walk asks of the operating system. On Unix every folder below
//! the root is opened relative to its parent's open handle and every file is
//! stamped relative to its folder's (`openat`, `fstatat` through `rustix`),
//! so the system resolves one name per call however deep the folder lies;
//! elsewhere folders are opened by path.

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Path, PathBuf};

use crate::library::load::cache::Stamp;

/// What a folder entry is, as its listing or a `stat` tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Folder,
    File,
    Link,
    /// A FIFO, socket or device.
    Special,
    /// The listing did not say; ask with [`stat_at`].
    Unknown,
}

#[cfg(unix)]
pub(super) use unix::*;

#[cfg(not(unix))]
pub(super) use other::*;

#[cfg(unix)]
mod unix {
    use super::*;
    use rustix::fd::OwnedFd;
    use rustix::fs::{AtFlags, CWD, Dir, FileType, Mode, OFlags, Stat};
    use std::os::unix::ffi::OsStrExt;

    /// An open folder.
    pub(in crate::library::load::walk) struct Handle(OwnedFd);

    /// What tells two folders apart: device and inode.
    pub(in crate::library::load::walk) type Identity = (u64, u64);

    const FOLDER: OFlags = OFlags::RDONLY
        .union(OFlags::DIRECTORY)
        .union(OFlags::CLOEXEC)
        .union(OFlags::NOCTTY);

    /// Opens the folder at `path`, following links (a root named by a link,
    /// or a link's checked target).
    pub(in crate::library::load::walk) fn open_path(path: &Path) -> io::Result<Handle> {
        Ok(Handle(rustix::fs::openat(CWD, path, FOLDER, Mode::empty())?))
    }

    /// Opens the folder `name` inside `parent`; a link put in its place
    /// since the listing is refused, not followed.
    pub(in crate::library::load::walk) fn open_child(parent: &Handle, name: &OsStr) -> io::Result<Handle> {
        let flags = FOLDER.union(OFlags::NOFOLLOW);
        Ok(Handle(rustix::fs::openat(&parent.0, name, flags, Mode::empty())?))
    }

    /// The folder's entries but `.` and `..`, with the kind the listing gives.
    pub(in crate::library::load::walk) fn entries(folder: &Handle) -> io::Result<Vec<(OsString, Kind)>> {
        let mut dir = Dir::read_from(&folder.0)?;
        let mut entries = Vec::new();
        while let Some(entry) = dir.read() {
            let entry = entry?;
            let name = entry.file_name().to_bytes();
            if name == b"." || name == b".." {
                continue;
            }
            entries.push((OsStr::from_bytes(name).to_os_string(), kind(entry.file_type())));
        }
        Ok(entries)
    }

    fn kind(file_type: FileType) -> Kind {
        match file_type {
            FileType::Directory => Kind::Folder,
            FileType::RegularFile => Kind::File,
            FileType::Symlink => Kind::Link,
            FileType::Unknown => Kind::Unknown,
            _ => Kind::Special,
        }
    }

    /// The kind and stamp of `name` inside `folder`, the link itself if it is one.
    pub(in crate::library::load::walk) fn stat_at(folder: &Handle, name: &OsStr) -> io::Result<(Kind, Stamp)> {
        let stat = rustix::fs::statat(&folder.0, name, AtFlags::SYMLINK_NOFOLLOW)?;
        Ok((kind(FileType::from_raw_mode(stat.st_mode)), stamp(&stat)))
    }

    /// The device and inode of an open folder.
    pub(in crate::library::load::walk) fn identity(
        folder: &Handle,
        _real: impl FnOnce() -> PathBuf,
    ) -> io::Result<Identity> {
        let stat = rustix::fs::fstat(&folder.0)?;
        #[allow(clippy::unnecessary_cast, clippy::useless_conversion)]
        Ok((stat.st_dev as u64, stat.st_ino as u64))
    }

    // The field types differ between platforms.
    #[allow(clippy::unnecessary_cast, clippy::useless_conversion)]
    fn stamp(stat: &Stat) -> Stamp {
        let ns = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
        Stamp::new(
            stat.st_size as u64,
            ns(stat.st_mtime as i64, stat.st_mtime_nsec as i64),
            ns(stat.st_ctime as i64, stat.st_ctime_nsec as i64),
            stat.st_ino as u64,
        )
    }
}

#[cfg(not(unix))]
mod other {
    use super::*;

    /// An open folder: here, its path.
    pub(in crate::library::load::walk) struct Handle(PathBuf);

    /// What tells two folders apart: the real path.
    pub(in crate::library::load::walk) type Identity = PathBuf;

    pub(in crate::library::load::walk) fn open_path(path: &Path) -> io::Result<Handle> {
        if !std::fs::metadata(path)?.is_dir() {
            return Err(io::Error::new(io::ErrorKind::Other, "not a folder"));
        }
        Ok(Handle(path.to_path_buf()))
    }

    pub(in crate::library::load::walk) fn open_child(parent: &Handle, name: &OsStr) -> io::Result<Handle> {
        let path = parent.0.join(name);
        if !std::fs::symlink_metadata(&path)?.is_dir() {
            return Err(io::Error::new(io::ErrorKind::Other, "not a folder"));
        }
        Ok(Handle(path))
    }

    pub(in crate::library::load::walk) fn entries(folder: &Handle) -> io::Result<Vec<(OsString, Kind)>> {
        Ok(std::fs::read_dir(&folder.0)?
            .filter_map(Result::ok)
            .map(|entry| (entry.file_name(), entry.file_type().map_or(Kind::Unknown, kind)))
            .collect())
    }

    fn kind(file_type: std::fs::FileType) -> Kind {
        if file_type.is_symlink() {
            Kind::Link
        } else if file_type.is_dir() {
            Kind::Folder
        } else if file_type.is_file() {
            Kind::File
        } else {
            Kind::Special
        }
    }

    pub(in crate::library::load::walk) fn stat_at(folder: &Handle, name: &OsStr) -> io::Result<(Kind, Stamp)> {
        let meta = std::fs::symlink_metadata(folder.0.join(name))?;
        Ok((kind(meta.file_type()), Stamp::of(&meta)))
    }

    pub(in crate::library::load::walk) fn identity(
        _folder: &Handle,
        real: impl FnOnce() -> PathBuf,
    ) -> io::Result<Identity> {
        Ok(real())
    }
}
