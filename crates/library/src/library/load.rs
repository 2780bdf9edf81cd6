//! Loading a collection: the files of its folders found (`plan`, `walk`,
//! one `candidate` each), read in batches through the article cache
//! (`read`, `cache`; a search may pass over the cached articles it could
//! not find, `prefilter`), standard input (`stdin`) and the first part of one
//! large text (`prefix`).

pub(in crate::library) mod cache;
pub(in crate::library) mod candidate;
pub(in crate::library) mod plan;
pub(in crate::library) mod prefilter;
pub(in crate::library) mod prefix;
pub(in crate::library) mod read;
pub(in crate::library) mod stdin;
pub(in crate::library) mod walk;
