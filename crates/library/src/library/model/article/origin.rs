//! Where an article came from: bundled, or a file, whose path is held as
//! its folder (shared by the files read beside it) and its name.

use std::ffi::OsStr;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where an article came from, for messages and the key its state is
/// saved under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Bundled,
    File(FilePath),
}

/// A file's path in 16 bytes, with no allocation of its own: a folder
/// shared by the files found in it one after another (`FilePath::grouped`),
/// the names of all of them in one string, and where this one's is. For
/// 57,603 short poems a boxed path each took 2.2 MB, 3.3 MB of resident
/// memory with the allocator's room around so many small blocks.
#[derive(Clone)]
pub struct FilePath {
    folder: Arc<Folder>,
    /// This file's name in `Folder::names`; an empty name: the folder's
    /// path is the whole path (a name that is not UTF-8, or no name).
    start: u32,
    end: u32,
}

#[derive(Debug)]
struct Folder {
    path: Box<Path>,
    /// The names of the files of the folder that share it, one after another.
    names: Box<str>,
}

impl FilePath {
    /// The path, held whole (not shared with other files).
    pub fn new(path: &Path) -> FilePath {
        FilePath {
            folder: Arc::new(Folder {
                path: path.into(),
                names: Box::default(),
            }),
            start: 0,
            end: 0,
        }
    }

    /// The paths of `paths` (`None` for an article that is not a file), in
    /// order; paths one after another in the same folder share it.
    pub fn grouped<'a>(paths: impl IntoIterator<Item = Option<&'a Path>>) -> Vec<Option<FilePath>> {
        let paths: Vec<_> = (paths.into_iter()).map(|p| (p, p.and_then(parts))).collect();
        let mut grouped = Vec::with_capacity(paths.len());
        let mut rest = paths.as_slice();
        while let Some(&(path, parted)) = rest.first() {
            let run = parted.map_or(0, |(folder, _)| {
                (rest.iter())
                    .take_while(|(_, p)| p.is_some_and(|(f, _)| f == folder))
                    .count()
            });
            let names: String = rest[..run].iter().filter_map(|&(_, p)| Some(p?.1)).collect();
            // More names than 32-bit offsets reach: the first is kept whole.
            let (Some((folder, _)), Ok(_)) = (parted, u32::try_from(names.len())) else {
                grouped.push(path.map(FilePath::new));
                rest = &rest[1..];
                continue;
            };
            let folder = Arc::new(Folder {
                path: Path::new(folder).into(),
                names: names.into_boxed_str(),
            });
            let mut at = 0;
            for (_, p) in &rest[..run] {
                let end = at + p.map_or(0, |(_, name)| name.len());
                grouped.push(Some(FilePath {
                    folder: Arc::clone(&folder),
                    start: u32::try_from(at).unwrap_or(u32::MAX),
                    end: u32::try_from(end).unwrap_or(u32::MAX),
                }));
                at = end;
            }
            rest = &rest[run..];
        }
        grouped
    }

    /// The whole path.
    pub fn path(&self) -> PathBuf {
        match self.name() {
            Some(name) => self.folder.path.join(name),
            None => self.folder.path.to_path_buf(),
        }
    }

    /// The folder the file is in, as `Path::parent` gives it.
    pub fn parent(&self) -> Option<&Path> {
        match self.name() {
            Some(_) => Some(&self.folder.path),
            None => self.folder.path.parent(),
        }
    }

    /// The file's name, as `Path::file_name` gives it.
    pub fn file_name(&self) -> Option<&OsStr> {
        match self.name() {
            Some(name) => Some(OsStr::new(name)),
            None => self.folder.path.file_name(),
        }
    }

    /// The name in the shared folder's names (`None`: the folder's path is whole).
    fn name(&self) -> Option<&str> {
        let name = self.folder.names.get(self.start as usize..self.end as usize)?;
        (!name.is_empty()).then_some(name)
    }
}

/// The folder and name of a path that has both, its name UTF-8 (kept in
/// a shared folder's names); `None` for any other path (kept whole).
fn parts(path: &Path) -> Option<(&OsStr, &str)> {
    let name = path.file_name()?.to_str()?;
    // `Path::parent` leaves out a trailing `/`, `.` and the like: the
    // path must be its folder and its name joined again.
    let folder = path.parent()?;
    (joins_to(folder, name, path) || folder.join(name).as_os_str() == path.as_os_str())
        .then_some((folder.as_os_str(), name))
}

/// Whether `path` is `folder`, a separator unless it ends in one or is
/// empty, and `name`: what `Path::join` makes of them, told without
/// building it (each file read asks). Any other join falls to building it.
fn joins_to(folder: &Path, name: &str, path: &Path) -> bool {
    let folder = folder.as_os_str().as_encoded_bytes();
    let Some(rest) = path.as_os_str().as_encoded_bytes().strip_prefix(folder) else {
        return false;
    };
    let rest = match folder.last() {
        Some(&last) if !std::path::is_separator(char::from(last)) => {
            rest.strip_prefix(std::path::MAIN_SEPARATOR_STR.as_bytes())
        }
        _ => Some(rest),
    };
    rest == Some(name.as_bytes())
}

impl From<&Path> for FilePath {
    fn from(path: &Path) -> FilePath {
        FilePath::new(path)
    }
}

impl PartialEq for FilePath {
    fn eq(&self, other: &FilePath) -> bool {
        self.path() == other.path()
    }
}

impl Eq for FilePath {}

impl fmt::Debug for FilePath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.path().fmt(f)
    }
}

const _: () = assert!(size_of::<Origin>() <= 16);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_join_is_told_from_the_bytes_as_path_join_makes_it() {
        for path in [
            "/诗/唐/静夜思.md",
            "a/b.md",
            "书.txt",
            "/书.txt",
            "a/b/",
            "a/./b.md",
            "a//b.md",
            "a/b/..",
            "./a",
        ] {
            let path = Path::new(path);
            let (Some(folder), Some(name)) = (path.parent(), path.file_name().and_then(OsStr::to_str)) else {
                continue;
            };
            if joins_to(folder, name, path) {
                assert_eq!(folder.join(name), path, "{path:?}");
            }
        }
        assert!(joins_to(Path::new("/诗/唐"), "春晓.md", Path::new("/诗/唐/春晓.md")));
        assert!(joins_to(Path::new(""), "书.txt", Path::new("书.txt")));
        assert!(joins_to(Path::new("/"), "书.txt", Path::new("/书.txt")));
        assert!(!joins_to(Path::new("a"), "b.md", Path::new("a//b.md")));
    }

    #[test]
    fn paths_in_one_folder_share_it_and_come_back_whole() {
        let paths = [
            Some(Path::new("/诗/唐/静夜思.md")),
            Some(Path::new("/诗/唐/春晓.md")),
            None,
            Some(Path::new("/诗/唐/登鹳雀楼.md")),
            Some(Path::new("/诗/宋/水调歌头.md")),
            Some(Path::new("书.txt")),
            Some(Path::new("/")),
            Some(Path::new("a/b/")),
            Some(Path::new("a/./b.md")),
            Some(Path::new("a/b/..")),
        ];
        let grouped = FilePath::grouped(paths);
        assert_eq!(grouped.len(), paths.len());
        for (path, file) in paths.iter().zip(&grouped) {
            let (Some(path), Some(file)) = (path, file) else {
                assert!(path.is_none() && file.is_none());
                continue;
            };
            assert_eq!(file.path().as_os_str(), path.as_os_str());
            assert_eq!((file.parent(), file.file_name()), (path.parent(), path.file_name()));
            assert_eq!(*file, FilePath::new(path));
        }
        let folder = |i: usize| grouped[i].as_ref().map(|f| Arc::as_ptr(&f.folder));
        assert_eq!(folder(0), folder(1), "one after another");
        assert_ne!(folder(1), folder(3), "apart");
        assert_ne!(folder(3), folder(4));
        assert_eq!(grouped[5].as_ref().and_then(FilePath::parent), Some(Path::new("")));
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_is_kept_whole() {
        use std::os::unix::ffi::OsStrExt;
        let odd = Path::new("/诗").join(OsStr::from_bytes(b"\xff.md"));
        let grouped = FilePath::grouped([Some(Path::new("/诗/a.md")), Some(odd.as_path())]);
        let file = grouped[1].as_ref().expect("a file");
        assert_eq!(file.path(), odd);
        assert_eq!(file.file_name(), odd.file_name());
        assert_eq!(file.parent(), Some(Path::new("/诗")));
    }
}
