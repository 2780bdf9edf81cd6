//! The settings that change what a parse makes, carried by the plan to
//! each file it reads and fingerprinted in the article cache's header.

use super::novel::ChapterRule;
use super::ruby::Ruby;

/// The settings that change what a file's bytes make: how chapter headings
/// of `.txt` books are found (`library.chapter_pattern`) and how ruby
/// readings are shown (`reading.ruby`). The article cache is that of one
/// set of rules (`fingerprint`).
#[derive(Debug, Default)]
pub struct Rules {
    pub chapters: ChapterRule,
    pub ruby: Ruby,
}

impl Rules {
    /// What tells articles parsed under these rules from others: empty for
    /// the defaults.
    pub fn fingerprint(&self) -> String {
        let chapters = self.chapters.fingerprint();
        let chapters = (!chapters.is_empty()).then(|| format!("chapters {chapters}"));
        let ruby = Some(self.ruby.fingerprint()).filter(|r| !r.is_empty());
        [chapters.as_deref(), ruby]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ")
    }
}
