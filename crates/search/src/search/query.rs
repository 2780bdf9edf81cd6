//! Parsing a query: words that must all match, each perhaps limited to one
//! field (`title:`, `author:`, `tag:`, `summary:`, `text:`) or excluded with
//! a leading `-`; a word of ASCII letters may also match titles and authors
//! by pinyin.

use super::fold::{fold, punctuation_variants, unfolded_forms};

/// Queries longer than this (in bytes, as typed) are refused, never cut: a
/// query cut short would match text that does not hold it. The reader's
/// input line holds no more either.
pub const MAX_QUERY_BYTES: usize = 16 * 1024;
/// Most unfolded forms of a word searched for where texts stand.
const MAX_UNFOLDED: usize = 32;
/// Prefix that turns pinyin off for one query.
pub const LITERAL_PREFIX: char = '=';

/// Where a word was found, best first: a title hit ranks above an author
/// hit, which ranks above the tags, the summary and the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Field {
    Title,
    Author,
    Tags,
    Summary,
    Text,
}

impl Field {
    pub const ALL: [Field; 5] = [Field::Title, Field::Author, Field::Tags, Field::Summary, Field::Text];

    /// The name used in queries (`author:`) and in `--json`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Author => "author",
            Field::Tags => "tags",
            Field::Summary => "summary",
            Field::Text => "text",
        }
    }

    fn from_prefix(prefix: &str) -> Option<Field> {
        match prefix.to_ascii_lowercase().as_str() {
            "title" => Some(Field::Title),
            "author" => Some(Field::Author),
            "tag" | "tags" => Some(Field::Tags),
            "summary" => Some(Field::Summary),
            "text" => Some(Field::Text),
            _ => None,
        }
    }
}

/// One word of a query.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// Folded.
    pub text: String,
    /// The one field it must be found in; `None`: any.
    pub field: Option<Field>,
    /// `-word`: an article holding it is left out.
    pub exclude: bool,
    /// The word in every mix of ASCII and full-width punctuation.
    pub variants: Vec<String>,
    /// Every text that folds to one of the variants, when there are few:
    /// what to look for in a text that has no folded copy.
    pub unfolded: Option<Vec<String>>,
    /// Lower-case ASCII letters to try as pinyin (initials or full readings
    /// without tones) of titles and authors.
    pub pinyin: Option<String>,
}

impl Term {
    /// Whether the term is looked for in `field`.
    pub fn searches(&self, field: Field) -> bool {
        self.field.is_none_or(|f| f == field)
    }
}

/// A parsed query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    pub terms: Vec<Term>,
}

impl Query {
    /// Splits at whitespace and folds each word. A word repeated counts once.
    /// A word of two or more ASCII letters may also match by pinyin, unless
    /// `pinyin` is off or the query starts with "=".
    pub fn parse(text: &str, pinyin: bool) -> Query {
        let (text, literal) = match text.trim_start().strip_prefix(LITERAL_PREFIX) {
            Some(rest) => (rest, true),
            None => (text, false),
        };
        // Searched whole: a query is never cut (the caller refuses one too long).
        let folded = fold(text);
        let mut terms: Vec<Term> = Vec::new();
        for word in folded.split_whitespace() {
            let (exclude, word) = match word.strip_prefix('-') {
                Some(rest) if !rest.is_empty() => (true, rest),
                _ => (false, word),
            };
            let (field, word) = split_field(word);
            if word.is_empty() {
                continue;
            }
            let is_letters = word.len() >= 2 && word.bytes().all(|b| b.is_ascii_lowercase());
            let variants = punctuation_variants(word);
            let unfolded = variants
                .iter()
                .map(|v| unfolded_forms(v, MAX_UNFOLDED))
                .collect::<Option<Vec<Vec<String>>>>()
                .map(|forms| forms.concat())
                .filter(|forms| forms.len() <= MAX_UNFOLDED);
            let term = Term {
                text: word.to_string(),
                field,
                exclude,
                variants,
                unfolded,
                pinyin: (pinyin
                    && !literal
                    && !exclude
                    && is_letters
                    && field.is_none_or(|f| f == Field::Title || f == Field::Author))
                .then(|| word.to_string()),
            };
            if !terms.contains(&term) {
                terms.push(term);
            }
        }
        Query { terms }
    }

    /// Whether nothing is asked for: no word that must match.
    pub fn is_empty(&self) -> bool {
        self.terms.iter().all(|t| t.exclude)
    }

    /// Whether some word may match by pinyin (the index then needs initials).
    pub fn uses_pinyin(&self) -> bool {
        self.terms.iter().any(|t| t.pinyin.is_some())
    }

    /// The words that must match.
    pub fn wanted(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().filter(|t| !t.exclude)
    }

    /// For each word that must match and is found only where one of its
    /// forms stands (none may match by pinyin, and none holds a Latin letter,
    /// whose case a search ignores), every form of it: an article holds one
    /// of each list, in a field or its text, byte for byte, or it is no hit.
    /// Empty when no word is found so.
    pub fn literal_forms(&self) -> Vec<&[String]> {
        self.wanted()
            .filter(|t| t.pinyin.is_none())
            .filter_map(|t| t.unfolded.as_deref())
            .filter(|forms| forms.iter().all(|f| !f.bytes().any(|b| b.is_ascii_alphabetic())))
            .collect()
    }
}

/// `author:李白` → (Author, "李白"); a word without a known field prefix is
/// kept whole (`http://…`, `3:5`).
fn split_field(word: &str) -> (Option<Field>, &str) {
    for colon in [':', '：'] {
        if let Some((prefix, rest)) = word.split_once(colon)
            && let Some(field) = Field::from_prefix(prefix)
        {
            return (Some(field), rest);
        }
    }
    (None, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_exclusions_and_repeats() {
        let query = Query::parse("author:李白 -月 title：靜夜思 Tag:唐詩 one to one", true);
        let summary: Vec<(&str, Option<Field>, bool)> = query
            .terms
            .iter()
            .map(|t| (t.text.as_str(), t.field, t.exclude))
            .collect();
        assert_eq!(
            summary,
            [
                ("李白", Some(Field::Author), false),
                ("月", None, true),
                ("静夜思", Some(Field::Title), false),
                ("唐诗", Some(Field::Tags), false),
                ("one", None, false),
                ("to", None, false),
            ]
        );
        assert_eq!(query.terms[4].pinyin.as_deref(), Some("one"));
        assert!(query.terms[1].pinyin.is_none(), "an exclusion is literal");
    }

    #[test]
    fn literal_forms_are_those_of_words_found_only_as_they_stand() {
        let query = Query::parse("峰 author:李白 -山 jys cpu 3:5 =x", true);
        let forms: Vec<Vec<&str>> = (query.literal_forms().iter())
            .map(|forms| forms.iter().map(String::as_str).collect())
            .collect();
        // Not the exclusion, the pinyin or the words with Latin letters.
        assert_eq!(forms[0][0], "峰");
        assert!(forms[0].contains(&"峯"));
        // 李 has a compatibility ideograph that folds to it.
        assert_eq!(forms[1][0], "李白");
        assert!(forms[1].iter().all(|f| fold(f) == "李白"));
        assert!(forms[2].contains(&"3:5") && forms[2].contains(&"3：5"), "{forms:?}");
        assert_eq!(forms.len(), 3);
        assert!(Query::parse("-月", true).literal_forms().is_empty());
        assert!(Query::parse("jys", false).literal_forms().is_empty(), "ignoring case");
    }

    #[test]
    fn odd_words_stay_literal() {
        let query = Query::parse("- http://x 3:5 author:", true);
        let texts: Vec<&str> = query.terms.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["-", "http://x", "3:5"]);
        assert!(query.terms.iter().all(|t| t.field.is_none() && !t.exclude));
        assert!(Query::parse("-月", true).is_empty());
        assert!(Query::parse("=jys", true).terms[0].pinyin.is_none());
        assert!(Query::parse("jys", false).terms[0].pinyin.is_none());
    }
}
