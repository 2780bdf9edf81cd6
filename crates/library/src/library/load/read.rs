//! Reading files into articles, a batch at a time, through the article cache.

use std::path::Path;

use crate::files::ReadError;
use crate::i18n::{Text, io_error, text, tr};
use crate::library::collection::{Batch, LoadProblem};
use crate::library::formats::MAX_FILE_BYTES;
use crate::library::formats::parse::{Naming, parse_article_with};
use crate::library::load::cache::{ArticleCache, EntryChange, ReadAhead, Slot, Stamp, entry_bytes};
use crate::library::load::candidate::{Candidate, Content, split};
use crate::library::load::prefilter::Prefilter;
use crate::library::model::article::{Article, FilePath, Origin};

/// Reads and parses files on all cores.
pub fn read_batch(candidates: Vec<Candidate>) -> Batch {
    read_batch_cached(candidates, None)
}

/// Files read in parallel at a time: enough to keep every core busy, few
/// enough that the results waiting to be taken (articles and new cache
/// entries, a few hundred bytes each for a short poem) stay small.
pub(in crate::library) const CHUNK: usize = 1024;

/// Files whose cache entries are found and read ahead together, by one core.
const AHEAD_GROUP: usize = 256;

/// Reads and parses files on all cores, taking files unchanged since they
/// were cached from `cache` and adding the others to it. Candidates are
/// taken a chunk at a time and freed as they are read; the article list is
/// made at its final size.
pub fn read_batch_cached(candidates: Vec<Candidate>, cache: Option<&mut ArticleCache>) -> Batch {
    read_batch_filtered(candidates, cache, None)
}

/// `read_batch_cached` for a search: an article taken from the cache whose
/// entry `filter` rules out (it cannot be a hit) is not built but stands
/// as its ID and origin, with no fields and no text, so every other article
/// keeps the ID and place it has in the whole collection.
pub fn read_batch_filtered(
    candidates: Vec<Candidate>,
    mut cache: Option<&mut ArticleCache>,
    filter: Option<&Prefilter>,
) -> Batch {
    let files = candidates.len();
    let mut batch = Batch {
        files,
        articles: Vec::with_capacity(files),
        ..Batch::default()
    };
    // Each part is freed once read, so no candidate is left when the last
    // articles are made.
    for chunk in split(candidates, CHUNK) {
        let reading = cache.as_deref();
        // Each file's slot, found once; a group's entries in a few reads,
        // not one a file; the groups on all cores. Files one after another
        // in a folder share it.
        let groups: Vec<&[Candidate]> = chunk.chunks(AHEAD_GROUP).collect();
        let found = crate::parallel::map(&groups, 1, |group| {
            let slots: Vec<Option<Slot>> = (group.iter())
                .map(|c| reading.zip(c.cache_key()).and_then(|(cache, key)| cache.slot(key)))
                .collect();
            let ahead = reading.map_or_else(ReadAhead::default, |cache| {
                cache.read_ahead(slots.iter().flatten().copied())
            });
            (slots, ahead)
        });
        // A group whose look-up failed is read from its files.
        let none = (Vec::new(), ReadAhead::default());
        let origins = FilePath::grouped(chunk.iter().map(Candidate::path));
        let slots: Vec<(&Candidate, Option<Slot>, &ReadAhead, Origin)> = (groups.iter().zip(&found))
            .flat_map(|(group, found)| {
                let (slots, ahead) = found.as_ref().unwrap_or(&none);
                let slot = |i| slots.get(i).copied().flatten();
                group.iter().enumerate().map(move |(i, c)| (c, slot(i), ahead))
            })
            .zip(origins)
            .map(|((c, slot, ahead), file)| (c, slot, ahead, file.map_or(Origin::Bundled, Origin::File)))
            .collect();
        let results = crate::parallel::map(&slots, 64, |(candidate, slot, ahead, origin)| {
            load_candidate(
                candidate,
                *slot,
                origin.clone(),
                reading.map(|cache| (cache, *ahead)),
                filter,
            )
        });
        drop(slots);
        drop(found);
        for (loaded, candidate) in results.into_iter().zip(chunk) {
            let loaded = loaded.unwrap_or_else(|| Loaded {
                result: Err(parser_crashed()),
                cache: EntryChange::Drop,
            });
            if let Some(cache) = cache.as_deref_mut() {
                cache.record(loaded.cache);
            }
            match loaded.result {
                Ok(article) => batch.articles.push(article),
                Err(message) => batch.problems.push(LoadProblem {
                    path: candidate.relative().into_owned(),
                    message,
                }),
            }
        }
    }
    batch.articles.shrink_to_fit();
    batch
}

/// One file read, and what its cache entry becomes.
pub(in crate::library) struct Loaded {
    pub result: Result<Article, Text>,
    pub cache: EntryChange,
}

/// Reads one candidate, whose article comes from `origin`: from its cache
/// entry (in `slot` of the cache, or read ahead) if that was made from the
/// file as it is, else from the file (and the new entry is made). An entry
/// `filter` rules out gives the article without fields or text.
pub(in crate::library) fn load_candidate(
    candidate: &Candidate,
    slot: Option<Slot>,
    origin: Origin,
    reading: Option<(&ArticleCache, &ReadAhead)>,
    filter: Option<&Prefilter>,
) -> Loaded {
    let cache = reading.map(|(cache, _)| cache);
    let loaded = |result, action| Loaded { result, cache: action };
    let path = match &candidate.content {
        Content::Bytes { bytes, .. } => {
            return loaded(parse_bytes(candidate, bytes, origin, Naming::File), EntryChange::None);
        }
        Content::Owned(owned) => {
            return loaded(
                parse_bytes(candidate, &owned.1, origin, Naming::Text),
                EntryChange::None,
            );
        }
        Content::Path(path) => path,
    };
    let key = candidate.cache_key();
    let gone = if slot.is_some() {
        EntryChange::Drop
    } else {
        EntryChange::None
    };
    // The walk stamped the file already; only a file it could not stamp is asked again.
    let stamp = match candidate
        .stamp
        .map_or_else(|| std::fs::metadata(path).map(|m| Stamp::of(&m)), Ok)
    {
        Ok(stamp) => stamp,
        Err(err) => return loaded(Err(cannot_read(&err)), gone),
    };
    if let (Some(slot), Some((cache, ahead)), Some(key)) = (slot, reading, key)
        && let Some(fitting) = cache.fitting(slot, key, &candidate.id, stamp, ahead)
    {
        let restored = match filter {
            Some(filter) if fitting.ruled_out_by(filter) => Some(Ok(Default::default())),
            _ => fitting.restore(),
        };
        if let Some(restored) = restored {
            let result = restored.map(|(meta, body)| Article {
                id: candidate.id.as_str().into(),
                meta,
                body,
                origin,
            });
            return loaded(result, EntryChange::Keep(slot));
        }
    }
    crate::fault::inject("parse", &candidate.relative());
    crate::fault::stall("parse", &candidate.relative());
    let result = read_file(path).and_then(|bytes| {
        // A file that changed size since it was found and no longer reads
        // (cut short in the middle of a character, say) failed for that.
        parse_bytes(candidate, &bytes, origin, Naming::File).map_err(|why| match bytes.len() as u64 {
            now if now < stamp.size() => cut_short(stamp.size(), now),
            _ => why,
        })
    });
    let action = if let (Some(_), Some(key)) = (cache, key) {
        let parsed = result.as_ref().map(|a| (&a.meta, &a.body));
        entry_bytes(key, &candidate.id, stamp, parsed).map_or(EntryChange::Drop, EntryChange::Add)
    } else {
        EntryChange::None
    };
    loaded(result, action)
}

/// Parses a candidate's bytes, its article from `origin`.
fn parse_bytes(candidate: &Candidate, bytes: &[u8], origin: Origin, naming: Naming) -> Result<Article, Text> {
    parse_article_with(
        &candidate.id,
        &candidate.relative(),
        bytes,
        origin,
        &candidate.rules,
        naming,
    )
}

/// Reads a regular file of at most `MAX_FILE_BYTES` (a FIFO or device that
/// took a file's place since the walk is refused, not read).
fn read_file(path: &Path) -> Result<Vec<u8>, Text> {
    crate::files::read_regular(path, MAX_FILE_BYTES).map_err(|err| match err {
        ReadError::TooLarge(_) => too_large(),
        ReadError::Io(err) => cannot_read(&err),
        err => err.text(),
    })
}

/// A file too large to be an article.
fn too_large() -> Text {
    let size = crate::files::size(MAX_FILE_BYTES);
    text!(
        en: "too large: articles are at most {size}",
        hans: "太大：文章最多 {size}",
        hant: "太大：文章最多 {size}",
    )
}

/// A file shorter than when it was found, that no longer reads.
fn cut_short(found: u64, now: u64) -> Text {
    text!(
        en: "cut short while it was being read ({found} bytes when found, {now} now)",
        hans: "读取时文件被截短了（发现时 {found} 字节，现在 {now} 字节）",
        hant: "讀取時檔案被截短了（發現時 {found} 位元組，現在 {now} 位元組）",
    )
}

fn cannot_read(err: &std::io::Error) -> Text {
    io_error(err).map(|lang, why| tr!(lang, en: "cannot read: {why}", hans: "无法读取：{why}", hant: "無法讀取：{why}"))
}

/// A file whose parsing panicked (it is skipped, nothing else is lost).
pub(in crate::library) fn parser_crashed() -> Text {
    text!(
        en: "the parser crashed on this file",
        hans: "解析这个文件时程序出错",
        hant: "解析這個檔案時程式出錯",
    )
}

/// Reads an article's bytes from `source` (a file, standard input), at most
/// `MAX_FILE_BYTES`: more is an error, not a long wait.
pub fn read_bounded(source: impl std::io::Read) -> Result<Vec<u8>, Text> {
    use std::io::Read;
    let mut bytes = Vec::new();
    source
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(&e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn files_past_the_size_limit_are_refused_without_reading_them_whole() {
        let dir = tempfile::tempdir().expect("tempdir");
        let big = dir.path().join("big.md");
        let file = fs::File::create(&big).expect("create");
        file.set_len(MAX_FILE_BYTES + 1).expect("sparse file");
        assert_eq!(
            read_file(&big).unwrap_err().en(),
            "too large: articles are at most 64 MB"
        );
        file.set_len(3).expect("shrink");
        assert_eq!(read_file(&big).expect("reads"), vec![0; 3]);
    }

    #[test]
    fn a_file_cut_short_after_it_was_found_reads_as_far_as_it_goes_or_says_it_was_cut() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("长夜.txt");
        let text = "第一章 风起\n\n　　夜色深沉，风从北方吹来。\n\n".repeat(20_000);
        // Cut in the middle of a character, then to nothing, after the walk found the file.
        let inside = (text.len() / 3..)
            .find(|&i| !text.is_char_boundary(i))
            .expect("inside a character");
        for cut in [inside, 0] {
            fs::write(&file, &text).expect("write");
            let plan = crate::library::Plan::dirs(&[dir.path().to_path_buf()]).expect("plan");
            fs::File::options()
                .write(true)
                .open(&file)
                .expect("open")
                .set_len(cut as u64)
                .expect("cut");
            let batch = read_batch(plan.into_batches(10).into_iter().flatten().collect());
            let problem = batch.problems.first().map(|p| p.message.en().to_string());
            match cut {
                0 => assert!(problem.is_some_and(|p| p.contains("cut short")), "{:?}", batch.problems),
                _ => assert!(batch.articles.len() == 1 && problem.is_none(), "{problem:?}"),
            }
        }
    }
}
