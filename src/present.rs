//! Presentation shared by the command line (`print`) and the screen (`ui`,
//! `app`): the metadata line under a title, list details, bookmark times and
//! the two orders of the bookmark list. Pure: strings and orders, no output.

use jiff::tz::TimeZone;

use crate::library::Article;
use crate::store::Bookmark;

/// The metadata line shown under a title: author, source, date, reads, length, time.
pub fn meta_line(article: &Article) -> String {
    let meta = &article.meta;
    let mut parts = Vec::new();
    if let Some(author) = &meta.author {
        parts.push(format!("作者：{author}"));
    }
    if let Some(source) = &meta.source {
        parts.push(format!("来源：{source}"));
    }
    if let Some(date) = &meta.date {
        parts.push(date.clone());
    }
    if let Some(reads) = meta.reads {
        parts.push(format!("阅读\u{a0}{reads}\u{a0}次"));
    }
    // No-break spaces keep a number with its unit when the line wraps.
    parts.push(format!("{}\u{a0}字", article.body.char_count()));
    parts.push(format!("约\u{a0}{}", reading_time(article.reading_minutes(), "\u{a0}")));
    parts.join("  ")
}

/// A reading time in minutes, or in hours from one hour up ("45 分钟",
/// "2 小时 10 分钟", "153 小时"); `gap` goes between numbers and units.
pub fn reading_time(minutes: usize, gap: &str) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    match (hours, rest) {
        (0, _) => format!("{minutes}{gap}分钟"),
        (1..10, 0) => format!("{hours}{gap}小时"),
        (1..10, _) => format!("{hours}{gap}小时{gap}{rest}{gap}分钟"),
        _ => format!("{}{gap}小时", (minutes + 30) / 60),
    }
}

/// One line of details for article lists: author or source, length, reading time.
pub fn article_details(article: &Article) -> String {
    let meta = &article.meta;
    let who = meta.author.as_deref().or(meta.source.as_deref());
    // Compact: list columns are narrow.
    let length = format!(
        "{}字 约{}",
        article.body.char_count(),
        reading_time(article.reading_minutes(), "")
    );
    match who {
        Some(who) => format!("{who}  {length}"),
        None => length,
    }
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

/// Bookmarks grouped by article in library order (`index` finds a
/// bookmark's article in the library), each article's by position;
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

    #[test]
    fn long_reading_times_are_said_in_hours() {
        assert_eq!(reading_time(9, ""), "9分钟");
        assert_eq!(reading_time(60, ""), "1小时");
        assert_eq!(reading_time(130, "\u{a0}"), "2\u{a0}小时\u{a0}10\u{a0}分钟");
        assert_eq!(reading_time(9171, ""), "153小时");
    }
    use crate::library::Library;

    #[test]
    fn bookmark_orders() {
        let library = Library::bundled();
        let mark = |id, article: &str, offset, second| Bookmark {
            id,
            article: article.into(),
            offset,
            snippet: String::new(),
            created: jiff::Timestamp::from_second(second).expect("time"),
            note: String::new(),
        };
        let marks = [
            mark(1, "yingxiao/kehu-guanxi-guanli", 9, 100),
            mark(2, "gone", 0, 300),
            mark(3, "yingxiao/kehu-guanxi-guanli", 2, 200),
            mark(4, "jiaoyu/xuesheng-guanli", 0, 200),
        ];
        let ids = |list: Vec<&Bookmark>| list.iter().map(|b| b.id).collect::<Vec<_>>();
        assert_eq!(ids(newest_first(&marks)), [2, 4, 3, 1]);
        assert_eq!(ids(by_article(&marks, |id| library.find(id))), [4, 3, 1, 2]);
    }

    #[test]
    fn details_name_the_author_and_the_length() {
        let library = Library::bundled();
        let crm = &library.articles()[library.find("yingxiao/kehu-guanxi-guanli").expect("crm")];
        assert!(article_details(crm).starts_with("admin  "), "{}", article_details(crm));
        assert!(meta_line(crm).starts_with("作者：admin  来源：中原石化营销网"));
    }
}
