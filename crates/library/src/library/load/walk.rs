//! Finding the article files below a folder.

mod sys;

use std::cell::OnceCell;
use std::collections::HashSet;
use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use sys::Kind;

use crate::i18n::{Text, io_error, text};
use crate::library::collection::LoadProblem;
use crate::library::formats::Format;
use crate::library::formats::parse::Rules;
use crate::library::load::cache::Stamp;
use crate::library::load::candidate::Candidate;

/// The ID of a file path below its root, if it is an article file.
pub(in crate::library) fn article_id(relative: &str) -> Option<String> {
    article_stem(relative).map(str::to_string)
}

/// The part of `relative` its ID is, if it names an article file.
fn article_stem(relative: &str) -> Option<&str> {
    Format::of(relative)?;
    let (stem, _) = relative.rsplit_once('.')?;
    (!stem.is_empty() && !stem.ends_with('/')).then_some(stem)
}

/// Parents kept open a level at a time for their subfolders to be opened
/// relative to them; the subfolders of any further ones are opened by path
/// (a level this wide is a shallow one in any real collection).
const OPEN_PARENTS: usize = 128;

/// Collects article files below `root` (whose canonical path is `real_root`),
/// skipping hidden entries. Symbolic links are followed only to places inside
/// the same root, so a link to `/` or to a device is never walked or read,
/// and each real folder is entered once (link loops end). Folders are read a
/// level at a time, the folders of a level on all cores; the order is the
/// same on any machine: level by level, in name order.
///
/// The walk costs time linear in the number of entries however deep: each
/// folder is opened relative to its parent and each file stamped relative to
/// its folder (see `sys`), and paths are kept as chains of names, built whole
/// only for the files found. Only a link is resolved by its whole path.
///
/// Says whether it met a link: without one, no file was found twice.
pub(in crate::library) fn walk(
    root: &Path,
    real_root: &Path,
    rules: &Arc<Rules>,
    candidates: &mut Vec<Candidate>,
    problems: &mut Vec<LoadProblem>,
) -> bool {
    let mut links = false;
    let mut visited = HashSet::new();
    let mut level = vec![Folder {
        shown: Node::root(root),
        real: Node::root(real_root),
        open: Open::Path(root.to_path_buf()),
    }];
    while !level.is_empty() {
        let listings = crate::parallel::map(&level, 1, |folder| list_folder(folder, real_root, rules));
        let mut next = Vec::new();
        let mut parents = 0;
        for (listing, folder) in listings.into_iter().zip(&level) {
            let Some(listing) = listing else {
                problems.push(LoadProblem {
                    path: folder.shown.path().display().to_string(),
                    message: text!(en: "could not be read", hans: "无法读取", hant: "無法讀取"),
                });
                continue;
            };
            // A folder met again (through a link) is not listed twice.
            if listing.identity.is_some_and(|identity| !visited.insert(identity)) {
                continue;
            }
            links |= listing.links;
            candidates.extend(listing.candidates);
            problems.extend(listing.problems);
            if !listing.folders.is_empty() {
                parents += 1;
            }
            let too_many = parents > OPEN_PARENTS;
            next.extend(listing.folders.into_iter().map(|mut folder| {
                if too_many && matches!(folder.open, Open::At(_)) {
                    folder.open = Open::Path(folder.shown.path());
                }
                folder
            }));
        }
        level = next;
    }
    links
}

/// A folder to list: its path as given and its real path (as chains of
/// names), and how to open it.
struct Folder {
    shown: Arc<Node>,
    real: Arc<Node>,
    open: Open,
}

/// How a folder is opened.
enum Open {
    /// By path: the root, a link's checked target, or past `OPEN_PARENTS`.
    Path(PathBuf),
    /// By its name, inside its parent's open handle.
    At(Arc<sys::Handle>),
}

/// One folder's articles and subfolders.
struct Listing {
    identity: Option<sys::Identity>,
    /// Whether it holds a link.
    links: bool,
    candidates: Vec<Candidate>,
    problems: Vec<LoadProblem>,
    folders: Vec<Folder>,
}

fn list_folder(folder: &Folder, real_root: &Path, rules: &Arc<Rules>) -> Listing {
    let problem = |path: &Path, message: Text| LoadProblem {
        path: path.display().to_string(),
        message,
    };
    let mut listing = Listing {
        identity: None,
        links: false,
        candidates: Vec::new(),
        problems: Vec::new(),
        folders: Vec::new(),
    };
    let opened = match &folder.open {
        Open::Path(path) => sys::open_path(path),
        Open::At(parent) => sys::open_child(parent, &folder.shown.name),
    };
    let listed = opened.and_then(|handle| {
        let identity = sys::identity(&handle, || folder.real.path())?;
        let entries = sys::entries(&handle)?;
        Ok((handle, identity, entries))
    });
    let (handle, identity, mut entries) = match listed {
        Ok(listed) => listed,
        Err(err) => {
            listing.problems.push(problem(&folder.shown.path(), io_error(&err)));
            return listing;
        }
    };
    listing.identity = Some(identity);
    let handle = Arc::new(handle);
    entries.retain(|(name, _)| !name.as_encoded_bytes().starts_with(b"."));
    sort_by_name(&mut entries);
    // Whole paths and the IDs' folder part, built once a folder holds a file to name.
    let (shown, real, prefix) = (OnceCell::new(), OnceCell::new(), OnceCell::new());
    let same = OnceCell::new();
    // Made at its final size: a file's ID (its stem) or a link's path below the root.
    let relative = |name: &str| match prefix.get_or_init(|| folder.shown.relative()) {
        prefix if prefix.is_empty() => name.to_string(),
        prefix => [prefix, "/", name].concat(),
    };
    let shown = || shown.get_or_init(|| folder.shown.path());
    let real = || real.get_or_init(|| folder.real.path());
    // Whether the folder's path as found is its real path (and so its files' are).
    let same = || *same.get_or_init(|| shown() == real());
    for (os_name, kind) in entries {
        let name = os_name.to_string_lossy();
        // Whether it is named as an article: its name tells as well as its path.
        let stem = article_stem(&name);
        let article = stem.is_some();
        let stat = match kind {
            Kind::Unknown => sys::stat_at(&handle, &os_name).map(|(kind, stamp)| (kind, Some(stamp))),
            Kind::File if article => sys::stat_at(&handle, &os_name).map(|(kind, stamp)| (kind, Some(stamp))),
            kind => Ok((kind, None)),
        };
        let (kind, stamp) = match stat {
            Ok(stat) => stat,
            Err(err) => {
                if article {
                    listing
                        .problems
                        .push(problem(&joined(shown(), &os_name), io_error(&err)));
                }
                continue;
            }
        };
        match kind {
            Kind::Folder => listing.folders.push(Folder {
                shown: folder.shown.child(&os_name),
                real: folder.real.child(&os_name),
                open: Open::At(Arc::clone(&handle)),
            }),
            Kind::Link => {
                listing.links = true;
                follow(
                    folder,
                    &joined(shown(), &os_name),
                    &relative(&name),
                    real_root,
                    rules,
                    &mut listing,
                )
            }
            Kind::File => {
                if let Some(stem) = stem {
                    let real = (!same()).then(|| joined(real(), &os_name));
                    let (path, id) = (joined(shown(), &os_name), relative(stem));
                    let candidate = Candidate::file(id, path, real.as_deref(), stamp, Arc::clone(rules));
                    listing.candidates.push(candidate);
                }
            }
            // A FIFO or device named like an article would block or never end.
            Kind::Special | Kind::Unknown => {
                if article {
                    listing
                        .problems
                        .push(problem(&joined(shown(), &os_name), not_regular()));
                }
            }
        }
    }
    listing
}

/// An article's name on a folder, pipe or device.
fn not_regular() -> Text {
    text!(en: "not a regular file", hans: "不是普通文件", hant: "不是一般檔案")
}

/// A link: resolved by its whole path, and followed only when it stays
/// inside the collection and leads to a folder or a regular file.
fn follow(folder: &Folder, path: &Path, relative: &str, real_root: &Path, rules: &Arc<Rules>, listing: &mut Listing) {
    let problem = |message: Text| LoadProblem {
        path: path.display().to_string(),
        message,
    };
    let target = match std::fs::canonicalize(path) {
        Ok(target) if !target.starts_with(real_root) => {
            listing.problems.push(problem(text!(
                en: "a link out of the collection, not followed",
                hans: "指向文集之外的链接，未跟随",
                hant: "指向文集之外的連結，未跟隨",
            )));
            return;
        }
        Ok(target) => target,
        Err(err) => {
            listing.problems.push(problem(io_error(&err)));
            return;
        }
    };
    match std::fs::metadata(&target) {
        Ok(meta) if meta.is_dir() => listing.folders.push(Folder {
            shown: folder.shown.child(path.file_name().unwrap_or_default()),
            real: Node::root(&target),
            open: Open::Path(target),
        }),
        Ok(meta) if meta.is_file() => {
            // The ID is the path below the root without its extension.
            if let Some(id) = article_stem(relative) {
                let stamp = Some(Stamp::of(&meta));
                let candidate = Candidate::file(
                    id.to_string(),
                    path.to_path_buf(),
                    Some(&target),
                    stamp,
                    Arc::clone(rules),
                );
                listing.candidates.push(candidate);
            }
        }
        Ok(_) => {
            if article_stem(relative).is_some() {
                listing.problems.push(problem(not_regular()));
            }
        }
        Err(err) => listing.problems.push(problem(io_error(&err))),
    }
}

/// `dir` joined with `name`, made at its final size.
fn joined(dir: &Path, name: &OsStr) -> PathBuf {
    let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + name.len());
    path.push(dir);
    path.push(name);
    path
}

/// Sorts a folder's entries by name: by their bytes when every name is
/// UTF-8 (the order of the names as text), else by the names as shown.
fn sort_by_name(entries: &mut [(OsString, Kind)]) {
    if entries.iter().all(|(name, _)| name.to_str().is_some()) {
        entries.sort_unstable_by(|a, b| a.0.as_encoded_bytes().cmp(b.0.as_encoded_bytes()));
    } else {
        entries.sort_by_cached_key(|(name, _)| name.to_string_lossy().into_owned());
    }
}

/// A path kept as a chain of names, so that a folder deep down costs one
/// name, not a copy of its whole path.
struct Node {
    parent: Option<Arc<Node>>,
    /// A name, or for the first node a whole path.
    name: OsString,
}

impl Node {
    fn root(path: &Path) -> Arc<Node> {
        Arc::new(Node {
            parent: None,
            name: path.as_os_str().to_os_string(),
        })
    }

    fn child(self: &Arc<Node>, name: &OsStr) -> Arc<Node> {
        Arc::new(Node {
            parent: Some(Arc::clone(self)),
            name: name.to_os_string(),
        })
    }

    /// The names from the first node down to this one.
    fn names(&self) -> Vec<&OsStr> {
        let mut names = vec![self.name.as_os_str()];
        let mut node = self;
        while let Some(parent) = &node.parent {
            names.push(&parent.name);
            node = parent;
        }
        names.reverse();
        names
    }

    /// The whole path.
    fn path(&self) -> PathBuf {
        self.names().into_iter().collect()
    }

    /// The names below the first node, joined by `/` (an ID's folder part).
    fn relative(&self) -> String {
        let names = self.names();
        let below: Vec<_> = names[1..].iter().map(|name| name.to_string_lossy()).collect();
        below.join("/")
    }
}

impl Drop for Node {
    /// Frees a long chain one node at a time, not by deep recursion.
    fn drop(&mut self) {
        let mut parent = self.parent.take();
        while let Some(node) = parent {
            parent = match Arc::try_unwrap(node) {
                Ok(mut node) => node.parent.take(),
                Err(_) => None,
            };
        }
    }
}

#[cfg(test)]
#[path = "walk_tests.rs"]
mod tests;
