//! Presentation shared by the command line (`print`) and the screen (`ui`,
//! `app`): the metadata line under a title, list details, bookmark times and
//! the two orders of the bookmark list, and how far an article was read.
//! Pure: strings and orders, no output.
//!
//! # Design
//!
//! presentation shared by `print` and `ui`/`app`: the metadata line, list details, bookmark times,
//! the chapter a place is in (`chapter_at`: the status line, the bookmark list, `yuedu bookmarks`
//! and its export), the bookmark list's two orders, the one measure of progress (`percent`,
//! `ReadStatus`, `saved_position`) that the status line, the article list, `list --json` and
//! `bookmarks` share, and the notice for a file with bytes that did not decode (`undecoded_notice`,
//! on screen and on `show`'s stderr)

use std::borrow::Cow;

use jiff::tz::TimeZone;

use crate::i18n::{Lang, Text, tr};
use crate::library::{Article, Body, Origin};
use crate::store::{Bookmark, Position, State, identity};
use crate::text::Shown;

/// The chapter that holds byte `offset` of `article`, as the status line,
/// the bookmark list and `yuedu bookmarks` name it: its last heading at or
/// before the offset on one line; none before the first heading, or when
/// that heading only repeats the title.
pub fn chapter_at(article: &Article, offset: usize) -> Option<String> {
    crate::library::heading_at(&article.body, offset)
        .filter(|heading| *heading != article.meta.title)
        .map(|heading| heading.replace('\n', " "))
}

/// How far through `body` a reader at byte `offset` is, 0–100: the share of
/// the text before it, whatever the window size. The one measure of progress:
/// the status line (`offset` = the top of the screen), saved positions, the
/// article list, `yuedu list --json` and `yuedu bookmarks`.
pub fn percent(body: &Body, offset: usize) -> u8 {
    share_before(offset, text_end(body))
}

/// Where the text of `body` ends, for `share_before`.
pub fn text_end(body: &Body) -> usize {
    body.blocks.last().map_or(0, |b| b.range().end)
}

/// `percent` for a text of `end` bytes.
pub fn share_before(offset: usize, end: usize) -> u8 {
    if end == 0 {
        return 0;
    }
    ((offset.min(end) * 100) / end) as u8
}

/// How far an article has been read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadStatus {
    Unread,
    InProgress(u8),
    /// The last line has been on screen.
    Finished,
}

impl ReadStatus {
    /// The status a saved position gives.
    pub fn of(position: Option<&Position>) -> ReadStatus {
        match position {
            None => ReadStatus::Unread,
            Some(p) if p.finished => ReadStatus::Finished,
            Some(p) => ReadStatus::InProgress(p.percent),
        }
    }

    /// As lists and the status line say it: 未读, 37%, 读完.
    pub fn label(self, lang: Lang) -> String {
        match self {
            ReadStatus::Unread => tr!(lang, en: "unread", hans: "未读", hant: "未讀"),
            ReadStatus::InProgress(percent) => format!("{percent}%"),
            ReadStatus::Finished => tr!(lang, en: "read", hans: "读完", hant: "讀完"),
        }
    }
}

/// The position saved under `key` for an article of text `text`, unless
/// that text was replaced since (another fingerprint).
pub fn saved_position<'a>(state: &'a State, key: &str, text: &str) -> Option<&'a Position> {
    let position = state.positions.get(key)?;
    position
        .fingerprint
        .is_none_or(|f| f == identity::fingerprint(text))
        .then_some(position)
}

/// The metadata line shown under a title: author, source, date, reads,
/// length, time. The article's own words (author, source) are shown through
/// `shown` (the script the reader shows text in), the interface's in `lang`.
pub fn meta_line<'a>(article: &'a Article, lang: Lang, shown: impl Fn(&'a str) -> Cow<'a, str>) -> String {
    let meta = &article.meta;
    let mut parts = Vec::new();
    if let Some(author) = &meta.author {
        let author = shown(author);
        parts.push(tr!(lang, en: "Author: {author}", hans: "作者：{author}", hant: "作者：{author}"));
    }
    if let Some(source) = meta.source() {
        let source = shown(source);
        parts.push(tr!(lang, en: "Source: {source}", hans: "来源：{source}", hant: "來源：{source}"));
    }
    if let Some(date) = meta.date() {
        parts.push(date.to_string());
    }
    if let Some(reads) = meta.reads() {
        parts.push(tr!(
            lang,
            en: "read\u{a0}{reads}\u{a0}times",
            hans: "阅读\u{a0}{reads}\u{a0}次",
            hant: "閱讀\u{a0}{reads}\u{a0}次",
        ));
    }
    // No-break spaces keep a number with its unit when the line wraps.
    parts.push(char_length(article.body.char_count(), "\u{a0}", lang));
    let time = reading_time(article.reading_minutes(), "\u{a0}", lang);
    parts.push(tr!(lang, en: "about\u{a0}{time}", hans: "约\u{a0}{time}", hant: "約\u{a0}{time}"));
    parts.join("  ")
}

/// A length in characters as Chinese readers say it: "3200 字", from ten
/// thousand up in 万 ("16.3 万字", "163 万字"); `gap` goes before the unit.
/// In English: "3200 characters", "16k characters", "1.6M characters".
pub fn char_length(chars: usize, gap: &str, lang: Lang) -> String {
    if !lang.is_chinese() {
        return match chars {
            0..10_000 => format!("{chars}{gap}characters"),
            10_000..1_000_000 => format!("{}k{gap}characters", (chars + 500) / 1000),
            _ => {
                let tenths = (chars + 50_000) / 100_000;
                format!("{}.{}M{gap}characters", tenths / 10, tenths % 10)
            }
        };
    }
    let wan = tr!(lang, en: "", hans: "万字", hant: "萬字");
    match chars {
        0..10_000 => format!("{chars}{gap}字"),
        10_000..1_000_000 => {
            let tenths = (chars + 500) / 1000;
            match tenths % 10 {
                0 => format!("{}{gap}{wan}", tenths / 10),
                d => format!("{}.{d}{gap}{wan}", tenths / 10),
            }
        }
        _ => format!("{}{gap}{wan}", (chars + 5000) / 10_000),
    }
}

/// A reading time in minutes, or in hours from one hour up ("45 分钟",
/// "2 小时 10 分钟", "153 小时"); `gap` goes between numbers and units.
pub fn reading_time(minutes: usize, gap: &str, lang: Lang) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    let (minute, hour) = (
        tr!(lang, en: "min", hans: "分钟", hant: "分鐘"),
        tr!(lang, en: "h", hans: "小时", hant: "小時"),
    );
    match (hours, rest) {
        (0, _) => format!("{minutes}{gap}{minute}"),
        (1..10, 0) => format!("{hours}{gap}{hour}"),
        (1..10, _) => format!("{hours}{gap}{hour}{gap}{rest}{gap}{minute}"),
        _ => format!("{}{gap}{hour}", (minutes + 30) / 60),
    }
}

/// One line of details for article lists: author or source, length,
/// reading time; the article's words through `shown`, as in `meta_line`.
pub fn article_details<'a>(article: &'a Article, lang: Lang, shown: impl Fn(&'a str) -> Cow<'a, str>) -> String {
    let meta = &article.meta;
    let who = meta.author.as_deref().or(meta.source()).map(shown);
    // Compact: list columns are narrow.
    let gap = if lang.is_chinese() { "" } else { " " };
    let chars = char_length(article.body.char_count(), gap, lang);
    let time = reading_time(article.reading_minutes(), gap, lang);
    let length = tr!(lang, en: "{chars}, {time}", hans: "{chars} 约{time}", hant: "{chars} 約{time}");
    match who {
        Some(who) => format!("{who}  {length}"),
        None => length,
    }
}

/// The notice for an article whose file held places that did not decode,
/// each shown as U+FFFD: the file (or standard input) and how many, said
/// on the reader's screen and on stderr by `show`.
pub fn undecoded_notice(article: &Article) -> Option<Text> {
    let count = article.meta.undecoded();
    if count == 0 {
        return None;
    }
    let file = match &article.origin {
        Origin::File(file) => Some(Shown::field(file.path().display()).to_string()),
        Origin::Bundled if article.id == crate::library::STDIN_ID => None,
        Origin::Bundled => Some(Shown::field(&article.id).to_string()),
    };
    Some(Text::build(|lang| {
        let name = file
            .clone()
            .unwrap_or_else(|| tr!(lang, en: "standard input", hans: "标准输入", hant: "標準輸入"));
        let places = crate::i18n::plural(count as usize, "place", "places");
        tr!(
            lang,
            en: "{name}: {count} {places} could not be decoded and show as \u{fffd}",
            hans: "{name}：有 {count} 处字节无法解码，显示为 \u{fffd}",
            hant: "{name}：有 {count} 處位元組無法解碼，顯示為 \u{fffd}",
        )
    }))
}

/// When a bookmark was made, in local time to the minute.
pub fn bookmark_time(bookmark: &Bookmark) -> String {
    bookmark
        .created
        .to_zoned_datetime(TimeZone::system())
        .strftime("%Y-%m-%d %H:%M")
        .to_string()
}

/// Bookmarks newest first (the later ID first among equal times).
pub fn newest_first<'a>(bookmarks: impl IntoIterator<Item = &'a Bookmark>) -> Vec<&'a Bookmark> {
    let mut list: Vec<&Bookmark> = bookmarks.into_iter().collect();
    list.sort_by(|a, b| b.created.cmp(&a.created).then(b.id.cmp(&a.id)));
    list
}

/// Bookmarks grouped by article in collection order (`index` finds where a
/// bookmark's article is in it), each article's by position;
/// bookmarks of articles not loaded last, by their article key.
pub fn by_article<'a>(
    bookmarks: impl IntoIterator<Item = &'a Bookmark>,
    index: impl Fn(&str) -> Option<usize>,
) -> Vec<&'a Bookmark> {
    let mut list: Vec<&Bookmark> = bookmarks.into_iter().collect();
    list.sort_by_cached_key(|b| (index(&b.article).unwrap_or(usize::MAX), b.article.clone(), b.offset));
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;

    #[test]
    fn long_lengths_read_in_wan() {
        let hans = Lang::Simplified;
        assert_eq!(char_length(3200, " ", hans), "3200 字");
        assert_eq!(char_length(16_343, " ", hans), "1.6 万字");
        assert_eq!(char_length(20_010, "", hans), "2万字");
        assert_eq!(char_length(163_433, " ", hans), "16.3 万字");
        assert_eq!(char_length(1_634_338, " ", hans), "163 万字");
        assert_eq!(char_length(1_634_338, " ", Lang::Traditional), "163 萬字");
        assert_eq!(char_length(3200, " ", Lang::English), "3200 characters");
        assert_eq!(char_length(16_343, " ", Lang::English), "16k characters");
        assert_eq!(char_length(1_634_338, " ", Lang::English), "1.6M characters");
    }

    #[test]
    fn progress_is_the_share_of_the_text_before_the_offset() {
        let library = Library::management();
        let body = &library.article_at(1).expect("article").body;
        let end = body.blocks.last().map_or(0, |b| b.range().end);
        assert_eq!(percent(body, 0), 0);
        assert_eq!(percent(body, end / 2), 50);
        assert_eq!(percent(body, end), 100);
        assert_eq!(percent(body, end + 99), 100);
        assert_eq!(ReadStatus::InProgress(37).label(Lang::Simplified), "37%");
        assert_eq!(ReadStatus::of(None).label(Lang::Simplified), "未读");
        assert_eq!(ReadStatus::of(None).label(Lang::Traditional), "未讀");
        assert_eq!(ReadStatus::Finished.label(Lang::English), "read");
    }

    #[test]
    fn a_position_saved_for_other_text_is_not_this_articles() {
        let mut state = State::default();
        let position = |fingerprint| Position {
            offset: 3,
            percent: 10,
            finished: false,
            updated: jiff::Timestamp::from_second(1).expect("time"),
            fingerprint,
            unknown: Default::default(),
        };
        state
            .positions
            .insert("a".into(), position(Some(identity::fingerprint("甲"))));
        state.positions.insert("old".into(), position(None));
        assert!(saved_position(&state, "a", "甲").is_some());
        assert!(saved_position(&state, "a", "乙").is_none());
        assert!(saved_position(&state, "old", "乙").is_some());
        assert_eq!(
            ReadStatus::of(saved_position(&state, "a", "甲")),
            ReadStatus::InProgress(10)
        );
    }

    #[test]
    fn long_reading_times_are_said_in_hours() {
        let hans = Lang::Simplified;
        assert_eq!(reading_time(9, "", hans), "9分钟");
        assert_eq!(reading_time(60, "", hans), "1小时");
        assert_eq!(reading_time(130, "\u{a0}", hans), "2\u{a0}小时\u{a0}10\u{a0}分钟");
        assert_eq!(reading_time(9171, "", hans), "153小时");
        assert_eq!(reading_time(9, "", Lang::Traditional), "9分鐘", "written out, not 分鍾");
        assert_eq!(reading_time(130, " ", Lang::English), "2 h 10 min");
    }

    #[test]
    fn bookmark_orders() {
        let library = Library::management();
        let mark = |id, article: &str, offset, second| Bookmark {
            id,
            article: article.into(),
            offset,
            snippet: String::new(),
            created: jiff::Timestamp::from_second(second).expect("time"),
            note: String::new(),
            unknown: Default::default(),
        };
        let marks = [
            mark(1, "yingxiao/kehu-guanxi-guanli", 9, 100),
            mark(2, "gone", 0, 300),
            mark(3, "yingxiao/kehu-guanxi-guanli", 2, 200),
            mark(4, "jiaoyu/xuesheng-guanli", 0, 200),
        ];
        let ids = |list: Vec<&Bookmark>| list.iter().map(|b| b.id).collect::<Vec<_>>();
        assert_eq!(ids(newest_first(&marks)), [2, 4, 3, 1]);
        assert_eq!(
            ids(by_article(&marks, |id| library.position(library.find(id)?))),
            [4, 3, 1, 2]
        );
    }

    #[test]
    fn details_name_the_author_and_the_length() {
        let library = Library::management();
        let crm = &library[library.find("yingxiao/kehu-guanxi-guanli").expect("crm")];
        let details = article_details(crm, Lang::Simplified, Cow::Borrowed);
        assert!(details.starts_with("admin  "), "{details}");
        assert!(meta_line(crm, Lang::Simplified, Cow::Borrowed).starts_with("作者：admin  来源：中原石化营销网"));
        assert!(meta_line(crm, Lang::English, Cow::Borrowed).starts_with("Author: admin  Source: 中原石化营销网"));
    }
}
