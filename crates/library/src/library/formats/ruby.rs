//! Ruby (振り仮名, 注音): the reading set over a word in `<ruby>`. A terminal
//! cannot set it above the line, so it follows the word in parentheses
//! (束(つか)の間(ま)) or is left out (束の間), by `reading.ruby`. Web pages,
//! EPUB chapters and the inline HTML of Markdown follow the same rule.

use serde::Deserialize;

/// How the reading of a ruby annotation is shown (`reading.ruby`).
#[derive(Clone, Copy, Debug, Default, Deserialize, PartialEq, Eq, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Ruby {
    /// After its word, in parentheses: 束(つか).
    #[default]
    Parentheses,
    /// Not shown: the word alone.
    Drop,
}

impl Ruby {
    /// What follows the word for its reading `reading` (whitespace made
    /// single spaces), if anything.
    pub(crate) fn shown(self, reading: &str) -> Option<String> {
        let reading = reading.split_whitespace().collect::<Vec<_>>().join(" ");
        match self {
            Ruby::Parentheses if !reading.is_empty() => Some(format!("({reading})")),
            _ => None,
        }
    }

    /// The rule's part of the parser's fingerprint (empty for the default).
    pub(crate) fn fingerprint(self) -> &'static str {
        match self {
            Ruby::Parentheses => "",
            Ruby::Drop => "ruby drop",
        }
    }
}

/// The markup of ruby that a parser meets: where a reading starts and ends,
/// and the parentheses (`<rp>`) a page gives browsers without ruby, which
/// are never shown (the rule adds its own).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RubyTag {
    /// `<rt>`: a reading starts (one left open ends).
    ReadingStart,
    /// `</rt>`, `<rb>`, `</ruby>`, `</rtc>`: a reading open ends.
    ReadingEnd,
    RpStart,
    RpEnd,
}

impl RubyTag {
    /// The ruby markup a tag is, by its lowercase name.
    pub(crate) fn of(name: &str, end: bool) -> Option<RubyTag> {
        Some(match (name, end) {
            ("rt", false) => RubyTag::ReadingStart,
            ("rt" | "ruby" | "rtc", true) | ("rb" | "rtc", false) => RubyTag::ReadingEnd,
            ("rp", false) => RubyTag::RpStart,
            ("rp", true) => RubyTag::RpEnd,
            _ => return None,
        })
    }

    /// The ruby markup a piece of inline HTML is (`<rt>`, `</rt >`, `<rp class=x>`).
    pub(crate) fn of_html(html: &str) -> Option<RubyTag> {
        let inner = html.trim().strip_prefix('<')?.strip_suffix('>')?;
        let (end, inner) = match inner.strip_prefix('/') {
            Some(rest) => (true, rest),
            None => (false, inner),
        };
        let name_end = inner
            .find(|c: char| c.is_ascii_whitespace() || c == '/')
            .unwrap_or(inner.len());
        RubyTag::of(&inner[..name_end].to_ascii_lowercase(), end)
    }
}

/// A reading being read, and whether the parser is inside `<rp>`.
#[derive(Debug, Default)]
pub(crate) struct Readings {
    reading: Option<String>,
    rp: usize,
}

impl Readings {
    /// Takes a tag; what to show after the word when a reading ends.
    pub(crate) fn tag(&mut self, tag: RubyTag, ruby: Ruby) -> Option<String> {
        match tag {
            RubyTag::RpStart => self.rp += 1,
            RubyTag::RpEnd => self.rp = self.rp.saturating_sub(1),
            RubyTag::ReadingStart => {
                let ended = self.end(ruby);
                self.reading = Some(String::new());
                return ended;
            }
            RubyTag::ReadingEnd => return self.end(ruby),
        }
        None
    }

    /// Takes text: true when it belongs to ruby markup (a reading, `<rp>`)
    /// rather than to the flow.
    pub(crate) fn text(&mut self, text: &str) -> bool {
        if self.rp > 0 {
            return true;
        }
        match &mut self.reading {
            Some(reading) => {
                reading.push_str(text);
                true
            }
            None => false,
        }
    }

    fn end(&mut self, ruby: Ruby) -> Option<String> {
        self.rp = 0;
        self.reading.take().and_then(|reading| ruby.shown(&reading))
    }

    /// Forgets a reading left open (a new document starts).
    pub(crate) fn clear(&mut self) {
        *self = Readings::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(parts: &[Result<RubyTag, &str>], ruby: Ruby) -> String {
        let mut readings = Readings::default();
        let mut out = String::new();
        for part in parts {
            match part {
                Ok(tag) => out.extend(readings.tag(*tag, ruby)),
                Err(text) if !readings.text(text) => out.push_str(text),
                Err(_) => {}
            }
        }
        out
    }

    #[test]
    fn readings_follow_their_word_or_are_dropped_and_rp_is_never_shown() {
        use RubyTag::*;
        let parts = [
            Err("束"),
            Ok(RpStart),
            Err("（"),
            Ok(RpEnd),
            Ok(ReadingStart),
            Err(" つか "),
            Ok(ReadingEnd),
            Ok(RpStart),
            Err("）"),
            Ok(RpEnd),
            Err("の間"),
            Ok(ReadingStart),
            Err("ま"),
            // An `<rt>` left open ends at `</ruby>`.
            Ok(ReadingEnd),
            Err("の命"),
        ];
        assert_eq!(read(&parts, Ruby::Parentheses), "束(つか)の間(ま)の命");
        assert_eq!(read(&parts, Ruby::Drop), "束の間の命");
        let empty = [Err("字"), Ok(ReadingStart), Err("  "), Ok(ReadingEnd)];
        assert_eq!(read(&empty, Ruby::Parentheses), "字");
    }

    #[test]
    fn inline_html_is_told_apart_by_its_name() {
        assert_eq!(RubyTag::of_html("<rt>"), Some(RubyTag::ReadingStart));
        assert_eq!(RubyTag::of_html("<RT class=\"x\">"), Some(RubyTag::ReadingStart));
        assert_eq!(RubyTag::of_html("</rt >"), Some(RubyTag::ReadingEnd));
        assert_eq!(RubyTag::of_html("</ruby>"), Some(RubyTag::ReadingEnd));
        assert_eq!(RubyTag::of_html("<rp>"), Some(RubyTag::RpStart));
        assert_eq!(RubyTag::of_html("<ruby>"), None);
        assert_eq!(RubyTag::of_html("<rtx>"), None);
        assert_eq!(RubyTag::of_html("<b>"), None);
    }
}
