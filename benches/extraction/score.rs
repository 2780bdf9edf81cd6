//! How an extraction is scored against the expected article: both are
//! made visible text (an HTML output's text as a browser shows it, scripts,
//! styles and the head left out), cut into tokens (each Han, kana or Hangul
//! character one token, every other run of letters and digits one token,
//! lower-cased; punctuation and spaces are not tokens), and compared as bags:
//! precision is the share of the output's tokens found in the expected text,
//! recall the share of the expected tokens found in the output, each token
//! counted at most as often as it occurs on the other side. A page's F1 is
//! the harmonic mean of its two; a suite's figures are the means over pages.

use std::collections::HashMap;

use html5gum::{State, Token, Tokenizer};

/// One page's figures.
#[derive(Clone, Copy, Debug, Default)]
pub struct Score {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Score {
    /// The score of `output` against `expected`, both visible text.
    pub fn of(output: &str, expected: &str) -> Score {
        let out = bag(output);
        let want = bag(expected);
        let out_total: usize = out.values().sum();
        let want_total: usize = want.values().sum();
        if out_total == 0 || want_total == 0 {
            let same = out_total == want_total;
            let one = if same { 1.0 } else { 0.0 };
            return Score {
                precision: one,
                recall: one,
                f1: one,
            };
        }
        let common: usize = out
            .iter()
            .map(|(token, n)| (*n).min(want.get(token).copied().unwrap_or(0)))
            .sum();
        let precision = common as f64 / out_total as f64;
        let recall = common as f64 / want_total as f64;
        let f1 = if common == 0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Score { precision, recall, f1 }
    }

    /// The mean of several pages' figures.
    pub fn mean(scores: &[Score]) -> Score {
        let n = scores.len().max(1) as f64;
        Score {
            precision: scores.iter().map(|s| s.precision).sum::<f64>() / n,
            recall: scores.iter().map(|s| s.recall).sum::<f64>() / n,
            f1: scores.iter().map(|s| s.f1).sum::<f64>() / n,
        }
    }
}

/// Characters that are each a token of their own: Han, kana, Hangul.
fn is_character_token(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30ff | 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xac00..=0xd7af
        | 0xf900..=0xfaff | 0x20000..=0x3134f)
}

pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4dbf | 0x4e00..=0x9fff | 0xf900..=0xfaff | 0x20000..=0x3134f)
}

pub fn is_kana(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30ff)
}

/// The text's tokens, in order.
pub fn tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if is_character_token(c) {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            tokens.push(c.to_string());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            tokens.push(std::mem::take(&mut word));
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
}

fn bag(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for token in tokens(text) {
        *bag.entry(token).or_insert(0) += 1;
    }
    bag
}

/// The text of an HTML document or fragment as a browser shows it: the
/// contents of scripts, styles, templates and the head left out, a space
/// at every element that is not inline.
pub fn visible_text(html: &str) -> String {
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    let mut text = Text::default();
    let mut tokenizer = Tokenizer::new(html);
    while let Some(Ok(token)) = tokenizer.next() {
        if let Some(state) = text.read(token) {
            // The content of a script, style or title is text until its end tag.
            tokenizer.set_state(state);
        }
    }
    text.out
}

#[derive(Default)]
struct Text {
    out: String,
    /// Elements whose content is not shown, still open.
    hidden: Vec<String>,
}

const HIDDEN: &[&str] = &[
    "script", "style", "template", "noscript", "head", "title", "svg", "math",
];
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "rp", "rt",
    "ruby", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
];

impl Text {
    /// Takes one token; the state the tokenizer goes on in, when it changes.
    fn read(&mut self, token: Token) -> Option<State> {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name);
                self.element(&name);
                if HIDDEN.contains(&&*name) && !tag.self_closing {
                    self.hidden.push(name.to_string());
                    return match &*name {
                        "script" => Some(State::ScriptData),
                        "style" | "noscript" => Some(State::RawText),
                        "title" => Some(State::RcData),
                        _ => None,
                    };
                }
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name);
                self.element(&name);
                if let Some(at) = self.hidden.iter().rposition(|h| *h == name) {
                    self.hidden.truncate(at);
                }
            }
            // A U+0000 in text is not shown.
            Token::String(chars) if self.hidden.is_empty() => {
                self.out.push_str(&String::from_utf8_lossy(&chars).replace('\0', ""));
            }
            _ => {}
        }
        None
    }

    fn element(&mut self, name: &str) {
        if !INLINE.contains(&name) {
            self.out.push(' ');
        }
    }
}
