//! Where a cache's entries are read from, and the one pass that indexes a
//! cache file: every entry's checksum verified, its path hashed.
//!
//! The file is left open and each entry read where it lies when it is used
//! (a positioned read), so the cache never sits in memory beside the
//! articles made from it or the documents searched. It is not mapped: a
//! mapped file cut short by someone else while in use kills the process
//! with SIGBUS. An entry read is verified again, so a file cut short or
//! written over meanwhile gives no entry (the file is parsed again), never
//! a wrong one.

use std::fs::File;
use std::io::Read;
use std::ops::Range;

use super::entry::{EntryKey, FORMAT, FRAME, MAGIC};

/// Where one file's entry is in the cache file: its frame's offset and the
/// entry's length (8 bytes; a cache is far below 4 GiB).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Slot {
    at: u32,
    len: u32,
}

impl Slot {
    /// `None` past 4 GiB.
    fn new(at: usize, len: usize) -> Option<Slot> {
        let slot = Slot {
            at: u32::try_from(at).ok()?,
            len: u32::try_from(len).ok()?,
        };
        u32::try_from(slot.frame().end).is_ok().then_some(slot)
    }

    /// The frame: length, checksum, then the entry.
    pub(super) fn frame(&self) -> Range<usize> {
        self.at as usize..self.at as usize + FRAME + self.len as usize
    }

    pub(super) fn at(&self) -> u32 {
        self.at
    }
}

/// The frame in `slot` of the open cache file, its checksum holding; `None`
/// if the file no longer holds it whole (cut short or written over since it
/// was indexed).
pub(super) fn frame(file: &File, slot: Slot) -> Option<Vec<u8>> {
    let mut frame = vec![0; slot.frame().len()];
    read_at(file, &mut frame, u64::from(slot.at)).ok()?;
    let entry = checked(&frame)?;
    (entry.len() == slot.len as usize).then_some(frame)
}

/// The entries of a part of the files about to be loaded, read ahead in a
/// few large positioned reads instead of one each: a cache is written in
/// the order the files are found, so a part's entries lie side by side.
/// Only small entries are read ahead, and only so many bytes in all: a
/// large one is read alone when used, so a part of large books is never
/// held at once.
#[derive(Debug, Default)]
pub struct ReadAhead {
    /// Bytes of the file read, by the offset they start at.
    runs: Vec<(u32, Vec<u8>)>,
}

/// The largest frame read ahead.
const AHEAD_FRAME_BYTES: usize = 64 * 1024;
/// The most read ahead for one part.
const AHEAD_BYTES: usize = 8 << 20;
/// The most one read takes in: below the allocator's threshold for
/// mapping memory of its own (`memory::tune`), so each part's reads reuse
/// the heap instead of faulting in new pages.
const AHEAD_RUN_BYTES: usize = 96 * 1024;
/// Bytes between two frames read along rather than left for a second read.
const AHEAD_GAP_BYTES: usize = 16 * 1024;

impl ReadAhead {
    /// The frames of `slots` in `file`; a run that can no longer be read
    /// whole (a cache cut short meanwhile) is left out.
    pub(super) fn read(file: &File, slots: impl IntoIterator<Item = Slot>) -> ReadAhead {
        let mut frames: Vec<Range<usize>> = (slots.into_iter().map(|s| s.frame()))
            .filter(|f| f.len() <= AHEAD_FRAME_BYTES)
            .collect();
        frames.sort_unstable_by_key(|f| f.start);
        let mut runs = Vec::new();
        let mut budget = AHEAD_BYTES;
        let mut frames = frames.into_iter().peekable();
        while let Some(mut run) = frames.next() {
            let joins = |run: &Range<usize>, next: &Range<usize>| {
                next.start <= run.end + AHEAD_GAP_BYTES && next.end.max(run.end) - run.start <= AHEAD_RUN_BYTES
            };
            while let Some(next) = frames.next_if(|next| joins(&run, next)) {
                run.end = run.end.max(next.end);
            }
            let Some(left) = budget.checked_sub(run.len()) else {
                break;
            };
            budget = left;
            let mut bytes = vec![0; run.len()];
            if let (Ok(at), Ok(())) = (u32::try_from(run.start), read_at(file, &mut bytes, run.start as u64)) {
                runs.push((at, bytes));
            }
        }
        ReadAhead { runs }
    }

    /// The entry in `slot`, if its frame was read ahead and its length and
    /// checksum hold.
    pub(super) fn entry(&self, slot: Slot) -> Option<&[u8]> {
        let i = self
            .runs
            .partition_point(|(start, _)| *start <= slot.at)
            .checked_sub(1)?;
        let (start, bytes) = self.runs.get(i)?;
        let from = (slot.at - start) as usize;
        let entry = checked(bytes.get(from..from + slot.frame().len())?)?;
        (entry.len() == slot.len as usize).then_some(entry)
    }
}

/// The entry of a frame that starts `bytes` and fills it, if its length and
/// checksum hold.
fn checked(bytes: &[u8]) -> Option<&[u8]> {
    let word = |at: usize| -> Option<u32> { Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?)) };
    let (len, checksum) = (word(0)? as usize, word(4)?);
    let entry = bytes.get(FRAME..)?;
    (entry.len() == len && crc32fast::hash(entry) == checksum).then_some(entry)
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    let mut done = 0;
    while done < buf.len() {
        match file.seek_read(&mut buf[done..], at + done as u64)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => done += n,
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn read_at(_: &File, _: &mut [u8], _: u64) -> std::io::Result<()> {
    Err(std::io::ErrorKind::Unsupported.into())
}

/// The longest parser fingerprint read (with a chapter rule, a few hundred bytes).
const MAX_PARSER_BYTES: u64 = 64 * 1024;

/// Reads a cache file from `reader` in one pass and calls `each` with every
/// entry's key and slot, in the file's order, verifying every checksum on
/// the way; says whether the whole file was sound. `None` if it is not a
/// file this build wrote with the parser `parser` (fingerprint and chapter
/// rule): then it is ignored. A damaged entry and those after it (their
/// frames can no longer be trusted) are left out, to be parsed again and
/// written anew.
pub(super) fn index(mut reader: impl Read, parser: &str, mut each: impl FnMut(&EntryKey<'_>, Slot)) -> Option<bool> {
    let mut magic = [0; MAGIC.len()];
    reader.read_exact(&mut magic).ok()?;
    // The header as postcard writes it: the layout's number, then the
    // parser's fingerprint (its length, then its bytes).
    let (format, format_bytes) = varint(&mut reader)?;
    let (len, len_bytes) = varint(&mut reader)?;
    if magic != MAGIC || format != u64::from(FORMAT) || len != parser.len() as u64 || len > MAX_PARSER_BYTES {
        return None;
    }
    let mut written = Vec::new();
    reader.by_ref().take(len).read_to_end(&mut written).ok()?;
    if written != parser.as_bytes() {
        return None;
    }
    let mut at = MAGIC.len() + format_bytes + len_bytes + parser.len();
    let mut frame = Vec::new();
    loop {
        let mut head = [0; FRAME];
        match read_full(&mut reader, &mut head) {
            0 => return Some(true),
            FRAME => {}
            _ => return Some(false),
        }
        let len = u32::from_le_bytes([head[0], head[1], head[2], head[3]]);
        frame.clear();
        frame.extend_from_slice(&head);
        // Read, not reserved: a damaged length cannot make it allocate more than the file holds.
        if reader.by_ref().take(u64::from(len)).read_to_end(&mut frame).is_err() {
            return Some(false);
        }
        let found = checked(&frame)
            .and_then(|entry| postcard::take_from_bytes::<EntryKey<'_>>(entry).ok())
            .zip(Slot::new(at, len as usize));
        let Some(((key, _), slot)) = found else {
            return Some(false);
        };
        each(&key, slot);
        at = slot.frame().end;
    }
}

/// Fills `buf` as far as the reader goes; how much it filled.
fn read_full(reader: &mut impl Read, buf: &mut [u8]) -> usize {
    let mut done = 0;
    while done < buf.len() {
        match reader.read(&mut buf[done..]) {
            Ok(0) => break,
            Ok(n) => done += n,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => break,
        }
    }
    done
}

/// An unsigned number as postcard writes it (seven bits a byte, low
/// first), and how many bytes it took.
fn varint(reader: &mut impl Read) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for n in 0..5 {
        let mut byte = [0];
        reader.read_exact(&mut byte).ok()?;
        value |= u64::from(byte[0] & 0x7f) << (7 * n);
        if byte[0] & 0x80 == 0 {
            return Some((value, n + 1));
        }
    }
    // Longer than a 32-bit number's: not a header this build wrote.
    None
}
