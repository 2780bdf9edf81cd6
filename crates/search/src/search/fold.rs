//! Folding text for matching, with a map from folded positions back to the
//! original bytes: Traditional → Simplified and variant characters to their
//! standard form (a table generated from OpenCC, one character for one
//! character), ASCII lower case, full-width letters and digits ＡＢＣ１２３ →
//! ASCII. Punctuation is not folded, so ordinary Chinese text (full-width
//! punctuation, no Latin capitals, simplified characters) folds to itself and
//! needs no copy; a query tries both forms of its punctuation instead
//! (`punctuation_variants`).

/// A folded copy of a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    /// (folded offset, original offset) after each character whose length
    /// changed; between entries the two advance together. Sparse: most
    /// Chinese text has no full-width ASCII at all.
    shifts: Vec<(u32, u32)>,
}

/// How a text is searched: as it is, as it is but with ASCII case ignored, or
/// as folding changes it. Only Traditional characters and full-width
/// letters or digits fold; Latin capitals are matched where they stand, so
/// the many texts that hold a few (CPU, RATER) need no folding at all.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Searchable {
    #[default]
    AsItIs,
    IgnoringAsciiCase,
    /// Folding changes the text: it is searched for every form of the
    /// words that folds to them, or folded when it is searched (`Folded`).
    Folds,
}

impl Searchable {
    /// Decides by bytes: every character that folds is in the Basic
    /// Multilingual Plane, and a bit set says which do.
    pub fn of(original: &str) -> Searchable {
        let changing = changing_characters();
        let bytes = original.as_bytes();
        let mut upper = false;
        let mut i = 0;
        while let Some(&lead) = bytes.get(i) {
            i += match lead {
                0..0x80 => {
                    upper |= lead.is_ascii_uppercase();
                    1
                }
                // Two-byte characters (U+0080–07FF) never fold; four-byte ones are beyond the plane.
                0x80..0xe0 => 2,
                0xe0..0xf0 => {
                    let (b1, b2) = (bytes.get(i + 1).copied(), bytes.get(i + 2).copied());
                    let code = (usize::from(lead & 0x0f) << 12)
                        | (usize::from(b1.unwrap_or(0) & 0x3f) << 6)
                        | usize::from(b2.unwrap_or(0) & 0x3f);
                    if changing[code / 64] & (1 << (code % 64)) != 0 {
                        return Searchable::Folds;
                    }
                    3
                }
                _ => 4,
            };
        }
        if upper {
            Searchable::IgnoringAsciiCase
        } else {
            Searchable::AsItIs
        }
    }
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let table = simplified_table();
        let mut text = String::with_capacity(original.len());
        let mut shifts = Vec::new();
        let mut original_at = 0usize;
        for o in original.chars() {
            let folded = fold_char(simplify(table, o));
            text.push(folded);
            original_at += o.len_utf8();
            if folded.len_utf8() != o.len_utf8() {
                shifts.push((text.len() as u32, original_at as u32));
            }
        }
        Folded { text, shifts }
    }

    /// The original byte offset of folded byte offset `at` (a character boundary).
    pub fn original_offset(&self, at: usize) -> usize {
        let i = self.shifts.partition_point(|&(folded, _)| folded as usize <= at);
        match i.checked_sub(1).map(|i| self.shifts[i]) {
            Some((folded, original)) => original as usize + (at - folded as usize),
            None => at,
        }
    }
}

/// One bit per Basic Multilingual Plane character: set where folding changes
/// a non-ASCII character (Traditional and variant characters, full-width
/// letters and digits).
fn changing_characters() -> &'static [u64; 1024] {
    static BITS: std::sync::OnceLock<Box<[u64; 1024]>> = std::sync::OnceLock::new();
    BITS.get_or_init(|| {
        let table = simplified_table();
        let mut bits = Box::new([0u64; 1024]);
        for code in 0x80..0x1_0000u32 {
            if let Some(c) = char::from_u32(code)
                && fold_char(simplify(table, c)) != c
            {
                bits[code as usize / 64] |= 1 << (code % 64);
            }
        }
        bits
    })
}

/// The folded form of one character.
pub(super) fn fold_one(c: char) -> char {
    fold_char(simplify(simplified_table(), c))
}

/// The Simplified form of one character by the folding table (variants to
/// their standard form too; case and width left alone): what the reader shows
/// when asked for Simplified text. Always of the same UTF-8 length.
pub fn simplified_char(c: char) -> char {
    simplify(simplified_table(), c)
}

/// The folded form of a query or a title.
pub fn fold(text: &str) -> String {
    Folded::new(text).text
}

/// The folding table, generated from OpenCC's dictionaries by
/// `scripts/gen-fold-table`: Traditional → Simplified, regional variants and
/// 異體字 → the standard form (峯 → 峰, 羣 → 群, 裡 → 里), compatibility
/// ideographs → unified ones. Each line is a character and its folded form,
/// both in the Basic Multilingual Plane and of the same UTF-8 length.
const TABLE: &str = include_str!("fold_table.txt");

/// The folded form of every Basic Multilingual Plane character, indexed by
/// code point: one lookup per character, built once from `TABLE`.
fn simplified_table() -> &'static [u16] {
    static MAP: std::sync::OnceLock<Vec<u16>> = std::sync::OnceLock::new();
    MAP.get_or_init(|| {
        let mut map: Vec<u16> = (0..=u16::MAX).collect();
        for line in TABLE.lines().filter(|l| !l.starts_with('#')) {
            let mut chars = line.chars();
            if let (Some(from), Some(to), None) = (chars.next(), chars.next(), chars.next())
                && let (Ok(from), Ok(to)) = (u16::try_from(u32::from(from)), u16::try_from(u32::from(to)))
                && from >= 0x80
                && char::from_u32(u32::from(to)).is_some_and(|t| t.len_utf8() == 3)
            {
                map[usize::from(from)] = to;
            }
        }
        map
    })
}

/// The folded form of one Han character (others pass through).
pub(super) fn simplify(table: &[u16], c: char) -> char {
    table
        .get(c as usize)
        .and_then(|&to| char::from_u32(u32::from(to)))
        .unwrap_or(c)
}

fn fold_char(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        // Middle dots: katakana ・, half-width ･ and the hyphenation point ‧ are typed as ·.
        '\u{30fb}' | '\u{ff65}' | '\u{2027}' => '\u{b7}',
        // Full-width letters and digits: U+FF01–FF5E is U+0021–007E shifted by 0xFEE0.
        '\u{ff10}'..='\u{ff19}' | '\u{ff21}'..='\u{ff3a}' | '\u{ff41}'..='\u{ff5a}' => {
            char::from_u32(c as u32 - 0xfee0).map_or(c, |a| a.to_ascii_lowercase())
        }
        _ => c,
    }
}

/// Every character that folds to `c` other than `c` itself (and ASCII
/// capitals, which a caseless match covers): 峰 ← 峯, a ← ａ Ａ.
pub(super) fn preimages(c: char) -> &'static [char] {
    static REVERSE: std::sync::OnceLock<std::collections::HashMap<char, Vec<char>>> = std::sync::OnceLock::new();
    let reverse = REVERSE.get_or_init(|| {
        let mut reverse: std::collections::HashMap<char, Vec<char>> = std::collections::HashMap::new();
        for (code, &to) in simplified_table().iter().enumerate() {
            if usize::from(to) != code
                && let (Some(from), Some(to)) = (char::from_u32(code as u32), char::from_u32(u32::from(to)))
            {
                reverse.entry(to).or_default().push(from);
            }
        }
        for code in 0xff01..=0xff5eu32 {
            if let Some(wide) = char::from_u32(code)
                && fold_char(wide) != wide
            {
                reverse.entry(fold_char(wide)).or_default().push(wide);
            }
        }
        for dot in ['\u{30fb}', '\u{ff65}', '\u{2027}'] {
            reverse.entry('\u{b7}').or_default().push(dot);
        }
        reverse
    });
    reverse.get(&c).map_or(&[], Vec::as_slice)
}

/// Every text that folds to `folded` (itself folded), up to ASCII case, if
/// there are at most `limit`: searching a text for these finds what
/// searching its folded copy for `folded` would, without the copy.
pub fn unfolded_forms(folded: &str, limit: usize) -> Option<Vec<String>> {
    let mut forms = vec![String::new()];
    for c in folded.chars() {
        let others = preimages(c);
        if forms.len() * (others.len() + 1) > limit {
            return None;
        }
        forms = forms
            .iter()
            .flat_map(|form| {
                std::iter::once(c).chain(others.iter().copied()).map(move |o| {
                    let mut form = form.clone();
                    form.push(o);
                    form
                })
            })
            .collect();
    }
    Some(forms)
}

/// The other form of a punctuation mark: ASCII ↔ full width.
fn other_form(c: char) -> Option<char> {
    match c {
        '!'..='~' if !c.is_ascii_alphanumeric() => char::from_u32(c as u32 + 0xfee0),
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0).filter(|a| !a.is_ascii_alphanumeric()),
        _ => None,
    }
}

/// A folded term in every mix of ASCII and full-width punctuation, so "，"
/// finds "," and the other way round. Past four marks, only the all-ASCII and
/// all-full-width forms are tried besides the term as typed.
pub fn punctuation_variants(term: &str) -> Vec<String> {
    let marks = term.chars().filter(|&c| other_form(c).is_some()).count();
    if marks == 0 {
        return vec![term.to_string()];
    }
    let mut variants: Vec<String> = if marks <= 4 {
        (0..1u32 << marks)
            .map(|mask| {
                let mut i = 0;
                term.chars()
                    .map(|c| match other_form(c) {
                        Some(other) => {
                            let flip = mask & (1 << i) != 0;
                            i += 1;
                            if flip { other } else { c }
                        }
                        None => c,
                    })
                    .collect()
            })
            .collect()
    } else {
        let ascii = term
            .chars()
            .map(|c| if c.is_ascii() { c } else { other_form(c).unwrap_or(c) })
            .collect();
        let wide = term
            .chars()
            .map(|c| if c.is_ascii() { other_form(c).unwrap_or(c) } else { c })
            .collect();
        vec![term.to_string(), ascii, wide]
    };
    variants.sort();
    variants.dedup();
    variants
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_table() {
        for (input, folded) in [
            ("RATER", "rater"),
            ("ＲＡＴＥＲ", "rater"),
            ("ＣＰＵ１２３", "cpu123"),
            ("，", "，"),
            ("客戶關係", "客户关系"),
            ("銷售人員", "销售人员"),
            ("峯羣綫線裏裡溫鷄雞牀", "峰群线线里里温鸡鸡床"),
            ("峰群线里温鸡床", "峰群线里温鸡床"),
            ("着著", "着著"),
            ("卷一・周文‧･", "卷一·周文··"),
            ("　", "　"),
            ("客户关系", "客户关系"),
        ] {
            assert_eq!(fold(input), folded, "{input}");
        }
    }

    #[test]
    fn only_traditional_and_full_width_text_folds() {
        assert_eq!(
            Searchable::of("简体中文，标点是全角的：“引号”也是。1、2、3"),
            Searchable::AsItIs
        );
        assert_eq!(Searchable::of("有Latin大写"), Searchable::IgnoringAsciiCase);
        assert_eq!(Searchable::of("客戶"), Searchable::Folds);
        assert_eq!(Searchable::of("用ＣＰＵ"), Searchable::Folds);
    }

    #[test]
    fn the_byte_scan_agrees_with_folding_character_by_character() {
        let samples = [
            "简体",
            "繁體",
            "ＡＢＣ",
            "ａ",
            "１",
            "é中文",
            "👨‍👩‍👧",
            "Latin",
            "\u{9fff}\u{f900}",
            "\u{3400}",
            "。，",
        ];
        for sample in samples {
            let by_chars = if sample
                .chars()
                .any(|c| !c.is_ascii() && fold_char(simplify(simplified_table(), c)) != c)
            {
                "copy"
            } else if sample.bytes().any(|b| b.is_ascii_uppercase()) {
                "case"
            } else {
                "as is"
            };
            let by_bytes = match Searchable::of(sample) {
                Searchable::Folds => "copy",
                Searchable::IgnoringAsciiCase => "case",
                Searchable::AsItIs => "as is",
            };
            assert_eq!(by_bytes, by_chars, "{sample}");
        }
    }

    #[test]
    fn punctuation_is_tried_in_both_forms() {
        assert_eq!(punctuation_variants("，"), [",", "，"]);
        assert_eq!(punctuation_variants("3.5%").len(), 4);
        assert_eq!(punctuation_variants("客户"), ["客户"]);
        assert_eq!(punctuation_variants("a,b,c,d,e,f"), ["a,b,c,d,e,f", "a，b，c，d，e，f"]);
    }

    #[test]
    fn unfolded_forms_are_every_text_that_folds_to_the_term() {
        let mut forms = unfolded_forms("峰群", 16).expect("few");
        forms.sort();
        assert_eq!(forms, ["峯羣", "峯群", "峰羣", "峰群"]);
        for form in &forms {
            assert_eq!(fold(form), "峰群");
        }
        let forms = unfolded_forms("cpu", 64).expect("few");
        assert!(forms.contains(&"ｃＰｕ".to_string()));
        assert_eq!(forms.len(), 27);
        assert!(unfolded_forms("rater", 64).is_none(), "3^5 forms: too many");
        assert_eq!(unfolded_forms("明月", 16), Some(vec!["明月".to_string()]));
        let mut lines = unfolded_forms("线", 16).expect("few");
        lines.sort();
        assert_eq!(lines, ["綫", "線", "线"]);
    }

    #[test]
    fn offsets_map_back_through_length_changes() {
        let original = "用ＣＰＵ的客戶";
        let folded = Folded::new(original);
        assert_eq!(folded.text, "用cpu的客户");
        let at = folded.text.find("的").expect("的");
        assert_eq!(&original[folded.original_offset(at)..], "的客戶");
        let cpu = folded.text.find("cpu").expect("cpu");
        assert_eq!(
            &original[folded.original_offset(cpu)..folded.original_offset(cpu + 3)],
            "ＣＰＵ"
        );
        assert_eq!(folded.original_offset(folded.text.len()), original.len());
    }
}
