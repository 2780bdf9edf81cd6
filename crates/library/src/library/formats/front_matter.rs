//! TOML front matter between two `+++` lines at the top of a `.md` file.

use crate::i18n::{Text, text};
use serde::Deserialize;

use crate::text::line_and_column;

/// The fields yuedu reads; unknown fields are ignored.
#[derive(Debug, Default, Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub category: Option<String>,
    pub author: Option<String>,
    pub source: Option<String>,
    pub date: Option<DateField>,
    #[serde(default)]
    pub tags: Vec<String>,
    pub summary: Option<String>,
    pub order: Option<i64>,
    pub reads: Option<u64>,
    /// `lines = true`: keep the text's lines (verse); `false`: never.
    pub lines: Option<bool>,
    /// `form = "poem"`: verse, as `lines = true`.
    pub form: Option<String>,
}

/// `date` may be a TOML date (`2024-05-01`) or a string ("2024年5月").
#[derive(Debug, Deserialize)]
#[serde(untagged)]
pub enum DateField {
    Date(toml::value::Datetime),
    Text(String),
}

impl DateField {
    pub fn into_string(self) -> String {
        match self {
            DateField::Date(d) => d.to_string(),
            DateField::Text(s) => s,
        }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub enum FrontMatterError {
    Unterminated,
    Invalid {
        line: usize,
        column: usize,
        /// The TOML parser's own words (it has no other language).
        message: String,
    },
}

impl FrontMatterError {
    /// The error in every language.
    pub fn text(&self) -> Text {
        match self {
            FrontMatterError::Unterminated => text!(
                en: "front matter opened with +++ on line 1 is never closed by a +++ line",
                hans: "第 1 行以 +++ 开始的前置元数据没有以 +++ 行结束",
                hant: "第 1 行以 +++ 開始的前置元資料沒有以 +++ 行結束",
            ),
            FrontMatterError::Invalid { line, column, message } => text!(
                en: "front matter line {line}, column {column}: {message}",
                hans: "前置元数据第 {line} 行第 {column} 列：{message}",
                hant: "前置元資料第 {line} 行第 {column} 列：{message}",
            ),
        }
    }
}

impl std::fmt::Display for FrontMatterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.text().en())
    }
}

/// Splits `source` into its front matter (if it starts with a `+++` line) and
/// the body, and parses the front matter.
pub fn split_front_matter(source: &str) -> Result<(FrontMatter, &str), FrontMatterError> {
    let mut lines = source.split_inclusive('\n');
    let Some(first) = lines.next() else {
        return Ok((FrontMatter::default(), source));
    };
    if first.trim_end() != "+++" {
        return Ok((FrontMatter::default(), source));
    }
    let toml_start = first.len();
    let mut offset = toml_start;
    for line in lines {
        if line.trim_end() == "+++" {
            let toml_text = &source[toml_start..offset];
            let body = &source[offset + line.len()..];
            return parse(toml_text).map(|fm| (fm, body));
        }
        offset += line.len();
    }
    Err(FrontMatterError::Unterminated)
}

fn parse(toml_text: &str) -> Result<FrontMatter, FrontMatterError> {
    toml::from_str(toml_text).map_err(|err| {
        let at = err.span().map_or(0, |span| span.start);
        let (line, column) = line_and_column(toml_text, at);
        FrontMatterError::Invalid {
            // The TOML starts on the file's second line.
            line: line + 1,
            column,
            message: err.message().trim().to_string(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_fields_and_returns_the_body() {
        let src = "+++\ntitle = \"标题\"\ncategory = \"营销管理\"\ntags = [\"a\"]\ndate = 2024-05-01\nextra = 1\n+++\n\n正文\n";
        let (fm, body) = split_front_matter(src).expect("valid");
        assert_eq!(fm.title.as_deref(), Some("标题"));
        assert_eq!(fm.category.as_deref(), Some("营销管理"));
        assert_eq!(fm.tags, vec!["a"]);
        assert_eq!(fm.date.map(DateField::into_string).as_deref(), Some("2024-05-01"));
        assert_eq!(body, "\n正文\n");
    }

    #[test]
    fn no_front_matter_means_the_whole_file_is_body() {
        let (fm, body) = split_front_matter("# 标题\n正文").expect("valid");
        assert!(fm.title.is_none());
        assert_eq!(body, "# 标题\n正文");
    }

    #[test]
    fn crlf_front_matter_is_accepted() {
        let (fm, body) = split_front_matter("+++\r\ntitle = \"T\"\r\n+++\r\nbody").expect("valid");
        assert_eq!(fm.title.as_deref(), Some("T"));
        assert_eq!(body, "body");
    }

    #[test]
    fn malformed_toml_is_reported_with_file_line_and_column() {
        let err = split_front_matter("+++\ntitle = \"ok\"\norder = \"x\n+++\n").unwrap_err();
        match err {
            FrontMatterError::Invalid { line, column, .. } => {
                assert_eq!(line, 3);
                assert!(column >= 9, "column {column}");
            }
            other => panic!("unexpected {other:?}"),
        }
        let wrong_type = split_front_matter("+++\ntitle = 5\n+++\n").unwrap_err();
        assert!(
            matches!(wrong_type, FrontMatterError::Invalid { line: 2, .. }),
            "{wrong_type:?}"
        );
    }

    #[test]
    fn unterminated_front_matter_is_an_error() {
        assert_eq!(
            split_front_matter("+++\ntitle = \"x\"\n").unwrap_err(),
            FrontMatterError::Unterminated
        );
    }
}
