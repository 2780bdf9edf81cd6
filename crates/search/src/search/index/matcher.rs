//! One query matched against one document: its fields by literal form and
//! pinyin, then its body, ranked by the best field and how well it matched.

use super::{Arena, BodyText, Doc, Hit};
use crate::library::{Article, ArticleId};
use memchr::memmem::Finder;

use crate::search::fold::{Searchable, fold, preimages};
use crate::search::pinyin::{self, Tier};
use crate::search::query::{Field, Query, Term};
use std::sync::OnceLock;

use crate::search::scan::{Scanner, VariantFinder, term_finders, term_in};

/// One search's finders, shared by the documents of one thread.
pub(super) struct Matcher<'m, 'q> {
    pub(super) query: &'q Query,
    pub(super) finders: &'m [Vec<VariantFinder<'q>>],
    pub(super) scanner: &'m Scanner<'q>,
    /// Fields and bodies are as they stand: look for the unfolded forms.
    pub(super) unfolded: bool,
    /// Every word has few forms: bodies that fold are searched for these
    /// finders' forms where they stand, not folded for each search.
    pub(super) by_forms: Option<&'m OnceLock<ByForms<'q>>>,
    /// What the index's documents keep (initials, folded titles and authors).
    pub(super) arena: &'m Arena,
    /// Which bodies may hold a word of this search at all.
    pub(super) fold_filter: &'m FoldFilter,
}

/// The finders and scanner of every form of the query's words.
pub(super) type ByForms<'q> = (Vec<Vec<VariantFinder<'q>>>, Scanner<'q>);

/// Whether a body or field may hold one of the query's words: it holds a
/// form of the first character of one. Folding a body to search it costs far
/// more than this look, and most bodies hold none. ASCII forms are looked
/// for three at a time with memchr, the others with memmem; and when every
/// form of every first character is a Latin letter, a body the index marks
/// as holding none is not looked at at all.
pub(super) struct FoldFilter {
    bytes: Vec<u8>,
    others: Vec<Finder<'static>>,
    letters_only: bool,
}

impl FoldFilter {
    pub(super) fn new(query: &Query) -> FoldFilter {
        let mut needles: Vec<String> = Vec::new();
        let firsts = (query.terms.iter()).flat_map(|t| t.variants.iter().filter_map(|v| v.chars().next()));
        for first in firsts {
            for form in std::iter::once(first).chain(preimages(first).iter().copied()) {
                needles.push(form.to_string());
                needles.push(form.to_ascii_uppercase().to_string());
            }
        }
        needles.sort_unstable();
        needles.dedup();
        let latin = |c: char| c.is_ascii_alphabetic() || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ');
        let letters_only = (query.terms.iter()).all(|t| {
            let mut forms = t.variants.iter().map(|v| v.chars().next());
            forms.all(|first| first.is_some_and(|c| latin(c) && preimages(c).iter().all(|&p| latin(p))))
        });
        let (bytes, others): (Vec<String>, Vec<String>) = needles.into_iter().partition(|n| n.len() == 1);
        FoldFilter {
            bytes: bytes.iter().map(|b| b.as_bytes()[0]).collect(),
            others: others.iter().map(|n| Finder::new(n.as_bytes()).into_owned()).collect(),
            letters_only,
        }
    }

    /// Whether `doc`'s body cannot hold a word, told from the index alone.
    fn rules_out(&self, doc: &Doc) -> bool {
        self.letters_only && !doc.letters
    }

    /// `false` only where folding `text` would find none of the words.
    fn may_hold(&self, text: &str) -> bool {
        let text = text.as_bytes();
        self.bytes.chunks(3).any(|bytes| match *bytes {
            [a] => memchr::memchr(a, text).is_some(),
            [a, b] => memchr::memchr2(a, b, text).is_some(),
            [a, b, c] => memchr::memchr3(a, b, c, text).is_some(),
            _ => true,
        }) || self.others.iter().any(|finder| finder.find(text).is_some())
    }
}

impl Matcher<'_, '_> {
    pub(super) fn matches(&self, article: ArticleId, doc: &Doc, document: &Article) -> Option<Hit> {
        let (text, (finders, scanner)) = match (doc.body, self.by_forms) {
            // No word can be in a body without Latin letters: search it as empty.
            _ if self.fold_filter.rules_out(doc) => (BodyText::AsItIs("", false), (self.finders, self.scanner)),
            (Searchable::Folds, Some(by_forms)) => {
                let (finders, scanner) =
                    by_forms.get_or_init(|| (term_finders(self.query, true), Scanner::new(self.query, true)));
                (BodyText::AsItIs(document.text(), true), (finders.as_slice(), scanner))
            }
            // Folding this body would find nothing: search it as empty.
            (Searchable::Folds, None) if !self.fold_filter.may_hold(document.text()) => {
                (BodyText::AsItIs("", false), (self.finders, self.scanner))
            }
            _ => (doc.body_text(document.text()), (self.finders, self.scanner)),
        };
        let (body, ignore_case) = (text.bytes(), text.ignore_case());
        let wanted = self.query.wanted().count();
        let mut best: Option<(Field, Tier, bool)> = None;
        let mut needs_body = false;
        for (term, finders) in self.query.terms.iter().zip(finders) {
            let found = self.in_fields(term, doc, document);
            if term.exclude {
                if found.is_some() || (term.searches(Field::Text) && term_in(finders, body, ignore_case)) {
                    return None;
                }
                continue;
            }
            match found {
                Some(m) => best = best.max_by_rank(m),
                None if !term.searches(Field::Text) => return None,
                // With one word the count says whether it is there.
                None if wanted == 1 => needs_body = true,
                None if !term_in(finders, body, ignore_case) => return None,
                None => {}
            }
        }
        let mut count = 0;
        let mut first = None;
        scanner.each(body, ignore_case, |start, end| {
            count += 1;
            first.get_or_insert(start..end);
        });
        if needs_body && count == 0 {
            return None;
        }
        let (field, tier, pinyin) = best.unwrap_or((Field::Text, Tier::Contains, false));
        Some(Hit {
            article,
            field,
            tier,
            pinyin,
            count,
            first: first.map(|r| text.original_offset(r.start)..text.original_offset(r.end)),
        })
    }

    /// The best field other than the body that `term` is found in, and how
    /// well (literally, or by pinyin in the title and the author).
    fn in_fields(&self, term: &Term, doc: &Doc, document: &Article) -> Option<(Field, Tier, bool)> {
        // Tags and summaries that fold are searched like bodies that fold:
        // for every form of the word, or folded now.
        let by_forms = self.unfolded || (doc.more_fold && self.by_forms.is_some());
        let more_tier = |text: &str, term: &Term| match (&term.unfolded, by_forms) {
            (Some(forms), true) => literal_tier(text, forms, true),
            _ if doc.more_fold && !self.unfolded => {
                // Folded only where folding could find a word.
                (self.fold_filter.may_hold(text)).then(|| literal_tier(&fold(text), &term.variants, false))?
            }
            _ => literal_tier(text, &term.variants, false),
        };
        let (title_initials, author_initials) = doc.title_and_author_initials(self.arena);
        let author = document.author().unwrap_or("");
        // Titles and authors that fold are kept folded.
        let (title_text, author_text) = match doc.folded_title_and_author(self.arena) {
            Some(folded) if !self.unfolded => folded,
            _ => (document.title(), author),
        };
        let fields: [(Field, &str, &str, &[u8]); 2] = [
            (Field::Title, title_text, document.title(), title_initials),
            (Field::Author, author_text, author, author_initials),
        ];
        for (field, text, original, initials) in fields {
            if !term.searches(field) {
                continue;
            }
            let literal = match (&term.unfolded, self.unfolded) {
                (Some(forms), true) => literal_tier(text, forms, true),
                _ => literal_tier(text, &term.variants, false),
            };
            let by_pinyin = term
                .pinyin
                .as_deref()
                .filter(|_| !initials.is_empty())
                .and_then(|letters| pinyin::matches(original, initials, letters.as_bytes()));
            match (literal, by_pinyin) {
                (Some(l), Some(p)) if p > l => return Some((field, p, true)),
                (Some(l), _) => return Some((field, l, false)),
                (None, Some(p)) => return Some((field, p, true)),
                (None, None) => {}
            }
        }
        if term.searches(Field::Tags) {
            let found = (0..)
                .map_while(|i| document.tag(i))
                .filter_map(|tag| more_tier(tag, term))
                .max();
            if let Some(tier) = found {
                return Some((Field::Tags, tier, false));
            }
        }
        if term.searches(Field::Summary)
            && let Some(tier) = document.summary().and_then(|s| more_tier(s, term))
        {
            return Some((Field::Summary, tier, false));
        }
        None
    }
}

/// How a field holds one of a word's forms: whole, at its start, or inside;
/// ASCII case ignored with `ignore_case` (a field as it stands).
fn literal_tier(text: &str, forms: &[String], ignore_case: bool) -> Option<Tier> {
    let text = text.trim();
    let lower;
    let text = if ignore_case && text.bytes().any(|b| b.is_ascii_uppercase()) {
        lower = text.to_ascii_lowercase();
        lower.as_str()
    } else {
        text
    };
    forms
        .iter()
        .filter_map(|v| {
            if text == v {
                Some(Tier::Exact)
            } else if text.starts_with(v.as_str()) {
                Some(Tier::Prefix)
            } else {
                text.contains(v.as_str()).then_some(Tier::Contains)
            }
        })
        .max()
}

trait BestMatch {
    fn max_by_rank(self, other: (Field, Tier, bool)) -> Self;
}

impl BestMatch for Option<(Field, Tier, bool)> {
    /// The better of two matches: the earlier field, then the better tier.
    fn max_by_rank(self, other: (Field, Tier, bool)) -> Self {
        match self {
            Some(current) if (current.0, std::cmp::Reverse(current.1)) <= (other.0, std::cmp::Reverse(other.1)) => {
                Some(current)
            }
            _ => Some(other),
        }
    }
}
