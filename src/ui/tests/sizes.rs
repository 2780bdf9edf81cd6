//! The library, the reader (at the start of an article, halfway through and
//! at its end mark) and the bookmark list (newest first and grouped by
//! article) at the window sizes readers use, from 60×20 to 140×40.

use super::{app, screen};

const SIZES: [(u16, u16); 4] = [(60, 20), (80, 24), (100, 30), (140, 40)];

/// Screens after `keys`, one snapshot per size, named `{name}_{w}x{h}`.
fn snapshots(name: &str, keys: &str) {
    for (width, height) in SIZES {
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(&app(width, height, keys)));
    }
}

#[test]
fn library_at_every_size() {
    snapshots("library", "");
}

#[test]
fn reader_start_at_every_size() {
    snapshots("reader_start", "j l l");
}

#[test]
fn reader_middle_at_every_size() {
    snapshots("reader_middle", "j l l 5 0 %");
}

#[test]
fn reader_end_at_every_size() {
    snapshots("reader_end", "j l l G");
}

#[test]
fn the_end_mark_names_the_next_article_and_the_key_that_opens_it() {
    let rebound = super::app_with("[keys]\npage_down = [\"ctrl-n\"]\n", 80, 24, "j l l G");
    let shown = screen(&rebound);
    assert!(shown.contains("— 完 —"), "{shown}");
    assert!(shown.contains("下一篇（Ctrl-n）：如何做好医院统计信息工作"), "{shown}");
    let last = screen(&app(80, 24, "j j l l G"));
    assert!(last.contains("已是最后一篇") && !last.contains("下一篇"), "{last}");
}

/// Five bookmarks in two articles, some with notes, a minute apart.
pub(super) fn bookmarks() -> crate::store::State {
    let marks = [
        ("jiaoyu/xuesheng-guanli", 0, "学生管理工作是学校管理的重要组成部分", ""),
        (
            "yingxiao/kehu-guanxi-guanli",
            120,
            "客户关系管理的核心是以客户为中心",
            "第二章要点，复习时重读",
        ),
        (
            "jiaoyu/xuesheng-guanli",
            480,
            "班主任要深入了解每一个学生的情况",
            "与家长沟通的做法",
        ),
        ("yingxiao/kehu-guanxi-guanli", 900, "建立客户档案，定期回访", ""),
        (
            "jiaoyu/xuesheng-guanli",
            1500,
            "奖惩分明，以表扬为主",
            "一条很长的备注：记下这一段是为了下周的班会，讲讲怎样表扬学生才不流于形式",
        ),
    ];
    let mut state = crate::store::State::default();
    for (i, (article, offset, snippet, note)) in marks.into_iter().enumerate() {
        state.bookmarks.push(crate::store::Bookmark {
            id: i as i128,
            article: article.into(),
            offset,
            snippet: snippet.into(),
            created: jiff::Timestamp::from_second(1_800_000_000 + 60 * i as i64).expect("time"),
            note: note.into(),
            unknown: Default::default(),
        });
    }
    state
}

/// The bookmark list after `keys`, one snapshot per size. Times are shown
/// in the system's zone, so each is replaced by a placeholder as wide.
fn bookmark_snapshots(name: &str, keys: &str) {
    let state = bookmarks();
    for (width, height) in SIZES {
        let mut shown_app = app(width, height, "");
        shown_app.load_saved(state.clone());
        for key in keys.split_whitespace() {
            shown_app.handle(crate::app::Input::Key(crate::keymap::Key::parse(key).expect("key")));
        }
        let mut shown = screen(&shown_app);
        for bookmark in &state.bookmarks {
            shown = shown.replace(&crate::present::bookmark_time(bookmark), "YYYY-MM-DD hh:mm");
        }
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), shown);
    }
}

#[test]
fn bookmarks_newest_first_at_every_size() {
    bookmark_snapshots("bookmarks_newest", "B");
}

#[test]
fn bookmarks_grouped_at_every_size() {
    bookmark_snapshots("bookmarks_grouped", "B o");
}
