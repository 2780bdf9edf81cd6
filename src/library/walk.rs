//! Finding the article files below a folder.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::article::Origin;
use super::cache::Stamp;
use super::collection::LoadProblem;
use super::formats::Format;
use super::plan::{Candidate, Content};

/// The ID of a file path below its root, if it is an article file.
pub(super) fn article_id(relative: &str) -> Option<String> {
    Format::of(relative)?;
    let (stem, _) = relative.rsplit_once('.')?;
    (!stem.is_empty() && !stem.ends_with('/')).then(|| stem.to_string())
}

/// Collects article files below `root` (whose canonical path is `real_root`),
/// skipping hidden entries. Symbolic links are followed only to places inside
/// the same root, so a link to `/` or to a device is never walked or read,
/// and each real folder is entered once (link loops end). Folders are read a
/// level at a time, the folders of a level on all cores; the order is the
/// same on any machine: level by level, in name order. Real paths are built
/// from the parent's (one `canonicalize` per link, none per folder), so the
/// walk costs time linear in the number of entries, however deep.
pub(super) fn walk(root: &Path, real_root: &Path, candidates: &mut Vec<Candidate>, problems: &mut Vec<LoadProblem>) {
    let mut visited = HashSet::new();
    visited.insert(real_root.to_path_buf());
    let mut level = vec![Folder {
        path: root.to_path_buf(),
        real: real_root.to_path_buf(),
        prefix: String::new(),
    }];
    while !level.is_empty() {
        let listings = crate::parallel::map(&level, 1, |folder| list_folder(folder, real_root));
        let mut next = Vec::new();
        for (listing, folder) in listings.into_iter().zip(&level) {
            let Some(listing) = listing else {
                problems.push(LoadProblem {
                    path: folder.path.display().to_string(),
                    message: "could not be read".into(),
                });
                continue;
            };
            candidates.extend(listing.candidates);
            problems.extend(listing.problems);
            next.extend(listing.folders.into_iter().filter(|f| visited.insert(f.real.clone())));
        }
        level = next;
    }
}

/// A folder to list: its path as given, its real path, and its prefix in IDs.
struct Folder {
    path: PathBuf,
    real: PathBuf,
    prefix: String,
}

/// One folder's articles and subfolders.
struct Listing {
    candidates: Vec<Candidate>,
    problems: Vec<LoadProblem>,
    folders: Vec<Folder>,
}

fn list_folder(folder: &Folder, real_root: &Path) -> Listing {
    let problem = |path: &Path, message: String| LoadProblem {
        path: path.display().to_string(),
        message,
    };
    let mut listing = Listing {
        candidates: Vec::new(),
        problems: Vec::new(),
        folders: Vec::new(),
    };
    let entries = match std::fs::read_dir(&folder.path) {
        Ok(entries) => entries,
        Err(err) => {
            listing.problems.push(problem(&folder.path, err.to_string()));
            return listing;
        }
    };
    let mut entries: Vec<(String, std::fs::DirEntry)> = entries
        .filter_map(Result::ok)
        .map(|entry| {
            let name = entry
                .file_name()
                .into_string()
                .unwrap_or_else(|name| name.to_string_lossy().into_owned());
            (name, entry)
        })
        .filter(|(name, _)| !name.starts_with('.'))
        .collect();
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, entry) in entries {
        let path = entry.path();
        let relative = format!("{}{name}", folder.prefix);
        // The entry's own type costs no system call; a link is resolved, and
        // followed only when it stays inside the collection.
        let real = folder.real.join(entry.file_name());
        let kind = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => Ok((kind, real, None)),
            _ => match std::fs::canonicalize(&path) {
                Ok(target) if !target.starts_with(real_root) => {
                    listing
                        .problems
                        .push(problem(&path, "a link out of the collection, not followed".into()));
                    continue;
                }
                Ok(target) => std::fs::metadata(&target).map(|meta| (meta.file_type(), target, Some(meta))),
                Err(err) => Err(err),
            },
        };
        match kind {
            Ok((kind, real, _)) if kind.is_dir() => listing.folders.push(Folder {
                path,
                real,
                prefix: relative + "/",
            }),
            Ok((kind, _, _)) if !kind.is_file() => {
                // A FIFO or device named like an article would block or never end.
                if article_id(&relative).is_some() {
                    listing.problems.push(problem(&path, "not a regular file".into()));
                }
            }
            Ok((_, _, followed)) => {
                if let Some(id) = article_id(&relative) {
                    // Stamped here, relative to the open folder (cheaper than by
                    // path later): the article cache compares it with its entry.
                    let meta = followed.or_else(|| entry.metadata().ok());
                    // Cached under its place in the real folder, however the
                    // collection was named (`d`, `./d`, `/abs/d`).
                    let cache_key = folder.real.join(&name).to_str().map(str::to_string);
                    listing.candidates.push(Candidate {
                        id,
                        relative: path.to_string_lossy().into_owned(),
                        origin: Origin::File(path.clone()),
                        content: Content::Path(path),
                        stamp: meta.as_ref().map(Stamp::of),
                        cache_key,
                        chapters: Default::default(),
                    });
                }
            }
            Err(err) => listing.problems.push(problem(&path, err.to_string())),
        }
    }
    listing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;
    use std::fs;

    #[test]
    fn ids_are_relative_paths_without_extension() {
        assert_eq!(article_id("yingxiao/kehu.md").as_deref(), Some("yingxiao/kehu"));
        assert_eq!(article_id("a/b/c.TXT").as_deref(), Some("a/b/c"));
        assert_eq!(article_id("picture.png"), None);
        assert_eq!(article_id("书/红楼梦.epub").as_deref(), Some("书/红楼梦"));
        assert_eq!(article_id("saved.HTM").as_deref(), Some("saved"));
        assert_eq!(article_id(".md"), None);
    }

    #[test]
    fn folders_load_recursively_skip_hidden_and_report_bad_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir_all(root.join("散文/.草稿")).expect("mkdir");
        fs::create_dir_all(root.join(".git")).expect("mkdir");
        fs::write(root.join("散文/春.md"), "+++\ntitle = \"春\"\norder = 2\n+++\n盼望着。").expect("write");
        fs::write(root.join("散文/秋.md"), "+++\ntitle = \"秋\"\norder = 1\n+++\n秋天。").expect("write");
        fs::write(root.join("散文/.草稿/x.md"), "hidden").expect("write");
        fs::write(root.join(".git/y.md"), "hidden").expect("write");
        fs::write(root.join("散文/坏.md"), "+++\ntitle = [\n+++\n").expect("write");
        fs::write(root.join("笔记.txt"), "一行").expect("write");
        let library = Library::from_dirs(&[root.to_path_buf()]).expect("loads");
        let ids: Vec<&str> = library.articles().iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["散文/秋", "散文/春", "笔记"]);
        assert_eq!(library.problems().len(), 1);
        assert!(library.problems()[0].path.ends_with("坏.md"));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_do_not_hang() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        fs::create_dir_all(root.join("a")).expect("mkdir");
        fs::write(root.join("a/x.md"), "正文").expect("write");
        std::os::unix::fs::symlink(root, root.join("a/loop")).expect("symlink");
        let library = Library::from_dirs(&[root.to_path_buf()]).expect("loads");
        assert_eq!(library.articles().len(), 1);
    }
}
