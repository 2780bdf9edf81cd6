//! One article's searchable form, and the index's arena of what documents
//! keep beside the articles: the pinyin initials of titles and authors,
//! and the folded forms of titles and authors that fold. Nothing is
//! allocated per document.

use std::ops::Range;

use super::super::fold::{Folded, Searchable, fold};
use super::super::pinyin;
use super::super::query::Query;
use super::super::scan::Scanner;
use crate::library::Article;

/// One article's searchable form (24 bytes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Doc {
    /// Folding changes the tags or the summary: they are searched like
    /// bodies that fold, for every form of the words or folded as they are
    /// searched (no copy is kept; few articles have them).
    pub(super) more_fold: bool,
    /// How the body is searched: the article's own text, for every form
    /// of the words or folded when searched where Traditional, variant or
    /// full-width characters fold (no copy is kept).
    pub(super) body: Searchable,
    /// The body holds a Latin letter (ASCII or full width): without one, a
    /// word that starts with one is not looked for in it at all.
    pub(super) letters: bool,
    pub(super) folded_title: u16,
    pub(super) folded_author: u16,
    /// Where the folded title, then the folded author, are in the arena's
    /// `folded`, when either folds (`NONE` otherwise: the article's own are
    /// searched). Searched on every key typed, so kept, in one string.
    pub(super) folded_at: u32,
    /// Where the pinyin initials of the title, then of the author (see
    /// `pinyin::initials`), are in the arena's `initials`, and how many
    /// each has.
    pub(super) initials_at: u32,
    pub(super) title_initials: u32,
    pub(super) author_initials: u32,
}

const NONE: u32 = u32::MAX;

impl Default for Doc {
    /// A document searched as it stands, with no initials and no folded fields.
    fn default() -> Doc {
        Doc {
            more_fold: false,
            body: Searchable::AsItIs,
            letters: true,
            folded_title: 0,
            folded_author: 0,
            folded_at: NONE,
            initials_at: 0,
            title_initials: 0,
            author_initials: 0,
        }
    }
}

/// What the documents of an index keep, one list of each for all.
#[derive(Clone, Debug, Default)]
pub(super) struct Arena {
    pub(super) initials: Vec<u8>,
    pub(super) folded: String,
}

impl Arena {
    /// Adds `other`'s contents after this one's, and `docs` (whose places
    /// are in `other`) moved to match.
    pub(super) fn append(&mut self, other: Arena, docs: Vec<Doc>) -> impl Iterator<Item = Doc> {
        let initials = u32::try_from(self.initials.len()).unwrap_or(NONE);
        let folded = u32::try_from(self.folded.len()).unwrap_or(NONE);
        self.initials.reserve_exact(other.initials.len());
        self.initials.extend(other.initials);
        self.folded.reserve_exact(other.folded.len());
        self.folded.push_str(&other.folded);
        docs.into_iter().map(move |doc| Doc {
            initials_at: doc.initials_at.saturating_add(initials),
            folded_at: match doc.folded_at {
                NONE => NONE,
                at => at.saturating_add(folded),
            },
            ..doc
        })
    }
}

impl Doc {
    pub(super) fn of(a: &Article, with_initials: bool, arena: &mut Arena) -> Doc {
        Doc {
            body: Searchable::of(a.text()),
            letters: has_letters(a.text()),
            ..Doc::of_fields(a, with_initials, arena)
        }
    }

    /// The title and author, folded into `arena` if either folds, and
    /// whether the tags or the summary fold; the body searched as it
    /// stands, ignoring ASCII case.
    pub(super) fn of_fields(a: &Article, with_initials: bool, arena: &mut Arena) -> Doc {
        let folds = |s: &str| Searchable::of(s) != Searchable::AsItIs;
        let more_fold = (0..).map_while(|i| a.tag(i)).any(folds) || a.summary().is_some_and(folds);
        let doc = if with_initials {
            Doc::with_initials(a.title(), a.author(), arena)
        } else {
            Doc::default()
        };
        let mut doc = Doc {
            more_fold,
            body: Searchable::IgnoringAsciiCase,
            ..doc
        };
        let author = a.author().unwrap_or("");
        if folds(a.title()) || folds(author) {
            let (title, author) = (fold(a.title()), fold(author));
            // A field too long to say in 16 bits is folded as it is searched.
            if let (Ok(t), Ok(au), Ok(at)) = (
                u16::try_from(title.len()),
                u16::try_from(author.len()),
                u32::try_from(arena.folded.len()),
            ) {
                arena.folded.push_str(&title);
                arena.folded.push_str(&author);
                (doc.folded_title, doc.folded_author, doc.folded_at) = (t, au, at);
            } else {
                doc.more_fold = true;
            }
        }
        doc
    }

    /// A document holding only the pinyin initials of `title` and `author`,
    /// added to `arena`.
    pub(super) fn with_initials(title: &str, author: Option<&str>, arena: &mut Arena) -> Doc {
        let initials = &mut arena.initials;
        let count = |from: usize, initials: &Vec<u8>| u32::try_from(initials.len() - from).unwrap_or(NONE);
        let at = initials.len();
        initials.extend(pinyin::initials(title));
        let title_initials = count(at, initials);
        initials.extend(author.into_iter().flat_map(pinyin::initials));
        Doc {
            initials_at: u32::try_from(at).unwrap_or(NONE),
            title_initials,
            author_initials: count(at, initials) - title_initials,
            ..Doc::default()
        }
    }

    /// The pinyin initials of the title and of the author.
    pub(super) fn title_and_author_initials<'a>(&self, arena: &'a Arena) -> (&'a [u8], &'a [u8]) {
        let at = self.initials_at as usize;
        let title = at..at.saturating_add(self.title_initials as usize);
        let author = title.end..title.end.saturating_add(self.author_initials as usize);
        (
            arena.initials.get(title).unwrap_or_default(),
            arena.initials.get(author).unwrap_or_default(),
        )
    }

    /// The folded title and author, if either folds (else the article's
    /// own are searched as they stand).
    pub(super) fn folded_title_and_author<'a>(&self, arena: &'a Arena) -> Option<(&'a str, &'a str)> {
        if self.folded_at == NONE {
            return None;
        }
        let at = self.folded_at as usize;
        let title = at..at + self.folded_title as usize;
        let author = title.end..title.end + self.folded_author as usize;
        Some((arena.folded.get(title)?, arena.folded.get(author)?))
    }

    /// Every hit of the query in the body (`original`), as original ranges.
    pub(super) fn hits(&self, original: &str, query: &Query, unfolded: bool) -> Vec<Range<usize>> {
        let body = self.body_text(original);
        let mut ranges = Vec::new();
        Scanner::new(query, unfolded).each(body.bytes(), body.ignore_case(), |start, end| {
            ranges.push(body.original_offset(start)..body.original_offset(end));
        });
        ranges
    }

    /// The body as it is searched for the query's words as folded.
    pub(super) fn body_text<'a>(&self, original: &'a str) -> BodyText<'a> {
        match self.body {
            Searchable::AsItIs => BodyText::AsItIs(original, false),
            Searchable::IgnoringAsciiCase => BodyText::AsItIs(original, true),
            Searchable::Folds => BodyText::Folded(Folded::new(original)),
        }
    }
}

/// Whether `text` holds a Latin letter, ASCII or full width (Ａ–Ｚ, ａ–ｚ:
/// EF BC A1–BA, EF BD 81–9A in UTF-8).
fn has_letters(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().any(u8::is_ascii_alphabetic)
        || memchr::memchr_iter(0xEF, bytes).any(|at| {
            matches!(
                (bytes.get(at + 1), bytes.get(at + 2)),
                (Some(0xBC), Some(0xA1..=0xBA)) | (Some(0xBD), Some(0x81..=0x9A))
            )
        })
}

/// A body as one search reads it: the text as it stands (ASCII case
/// ignored or not), or a copy folded for this search only.
pub(super) enum BodyText<'a> {
    AsItIs(&'a str, bool),
    Folded(Folded),
}

impl BodyText<'_> {
    pub(super) fn bytes(&self) -> &[u8] {
        match self {
            BodyText::AsItIs(text, _) => text.as_bytes(),
            BodyText::Folded(folded) => folded.text.as_bytes(),
        }
    }

    pub(super) fn ignore_case(&self) -> bool {
        matches!(self, BodyText::AsItIs(_, true))
    }

    /// The original offset of an offset into `bytes`.
    pub(super) fn original_offset(&self, at: usize) -> usize {
        match self {
            BodyText::AsItIs(..) => at,
            BodyText::Folded(folded) => folded.original_offset(at),
        }
    }
}
