//! The new cache file while it is written, entry by entry as files are
//! parsed, so no second copy of the cache is built in memory.

use std::path::{Path, PathBuf};

use super::entry::{FORMAT, Header, MAGIC};

/// The new cache file while it is written: a temporary file beside the
/// cache, holding the header and the entries parsed anew, renamed over the
/// cache by `save`; removed if the cache is dropped unsaved or a write fails.
#[derive(Debug)]
pub(super) struct Spill {
    temporary: PathBuf,
    /// `None` once a write failed: the new file is given up (the cache is
    /// only a cache) and the old one stays.
    out: Option<std::io::BufWriter<std::fs::File>>,
}

impl Spill {
    /// Creates the temporary file for `file` and writes the header.
    pub(super) fn create(file: &Path, parser: &str) -> Spill {
        let temporary = file.with_extension(format!("tmp-{}", std::process::id()));
        let header = Header {
            format: FORMAT,
            parser: parser.to_string(),
        };
        let out = file
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::File::create(&temporary))
            .ok()
            .map(|f| std::io::BufWriter::with_capacity(64 * 1024, f));
        let mut spill = Spill { temporary, out };
        match postcard::to_stdvec(&header) {
            Ok(bytes) => spill.write(&[MAGIC, &bytes].concat()),
            Err(_) => spill.fail(),
        }
        spill
    }

    pub(super) fn write(&mut self, bytes: &[u8]) {
        use std::io::Write;
        if let Some(out) = &mut self.out
            && out.write_all(bytes).is_err()
        {
            self.fail();
        }
    }

    fn fail(&mut self) {
        self.out = None;
    }

    /// Flushes the file and puts it in `file`'s place (on failure, `drop`
    /// removes it; after the rename there is nothing left to remove).
    pub(super) fn finish(mut self, file: &Path) -> std::io::Result<()> {
        use std::io::Write;
        match self.out.take() {
            None => Err(std::io::Error::other("the new article cache could not be written")),
            Some(mut out) => out.flush().and_then(|()| std::fs::rename(&self.temporary, file)),
        }
    }
}

impl Drop for Spill {
    /// A cache dropped unsaved (a load cut short) or a failed write leaves
    /// no temporary file.
    fn drop(&mut self) {
        self.out = None;
        let _ = std::fs::remove_file(&self.temporary);
    }
}
