//! The screens in each language the interface speaks: English, and the
//! Chinese interface shown in Traditional characters by `T`, at 60×20,
//! 80×24 and 100×30 (the Simplified screens are the other snapshots).

use super::{app_with, press, screen};
use crate::app::App;
use crate::i18n::Lang;

const SIZES: [(u16, u16); 3] = [(60, 20), (80, 24), (100, 30)];

/// The app speaking `lang`, with the test bookmarks, after `keys`.
fn app_in(lang: Lang, width: u16, height: u16, keys: &str) -> App {
    let mut app = app_with("", width, height, "");
    app.set_lang(lang);
    app.load_saved(super::sizes::bookmarks());
    press(&mut app, keys);
    app
}

/// One snapshot per size, times replaced by a placeholder as wide.
fn snapshots(name: &str, lang: Lang, keys: &str) {
    let bookmarks = super::sizes::bookmarks();
    for (width, height) in SIZES {
        let mut shown = screen(&app_in(lang, width, height, keys));
        for bookmark in &bookmarks.bookmarks {
            shown = shown.replace(&crate::present::bookmark_time(bookmark), "YYYY-MM-DD hh:mm");
        }
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), shown);
    }
}

/// What a new reader sees first: the bundled collection as it is (the
/// classical essays and poems first), in each language and form.
#[test]
fn the_first_screen_in_every_language() {
    for (name, lang, keys) in [
        ("first_screen", Lang::Simplified, ""),
        ("first_screen_english", Lang::English, ""),
        ("first_screen_traditional", Lang::Simplified, "T T"),
    ] {
        for (width, height) in SIZES {
            let config = crate::config::Config::default_config().expect("config");
            let mut app = App::new(
                crate::library::Library::bundled(),
                config.keymap,
                crate::app::ReadingSettings::default(),
                width,
                height,
            );
            app.set_lang(lang);
            press(&mut app, keys);
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(&app));
        }
    }
}

#[test]
fn english_reader() {
    snapshots("english_reader", Lang::English, "j l l");
}

#[test]
fn english_reader_end() {
    snapshots("english_reader_end", Lang::English, "j l l G");
}

#[test]
fn english_help() {
    snapshots("english_help", Lang::English, "?");
}

#[test]
fn english_search() {
    snapshots("english_search", Lang::English, "s 客 户");
}

#[test]
fn english_bookmarks() {
    snapshots("english_bookmarks", Lang::English, "B o");
}

#[test]
fn traditional_reader() {
    snapshots("traditional_reader", Lang::Simplified, "j l l T T");
}

#[test]
fn traditional_bookmarks() {
    snapshots("traditional_bookmarks", Lang::Simplified, "T T B o");
}

#[test]
fn no_chinese_interface_word_is_left_in_english() {
    // Every Chinese word on these English screens comes from the articles:
    // none of the interface's words (those the articles do not hold) is left.
    let library = crate::library::Library::management();
    let in_articles = |word: &str| {
        library.articles().iter().any(|a| {
            let meta = &a.meta;
            a.body.text.contains(word) || meta.title.contains(word) || meta.category.contains(word)
        })
    };
    let words = [
        "未读",
        "读完",
        "帮助",
        "退出",
        "分类",
        " 篇 ",
        "按键",
        "书签",
        "搜索：",
        "继续阅读",
        "分钟",
        "— 完",
        "查找",
        "作者：",
        "约",
        "跳转",
        "关闭",
        "更多",
        "提示",
    ];
    let interface: Vec<&str> = words.into_iter().filter(|w| !in_articles(w)).collect();
    assert!(interface.len() > 10, "{interface:?}");
    for keys in ["", "j l l", "j l l G", "?", "B o", "!", "s 客 户"] {
        for (width, height) in SIZES {
            let shown = screen(&app_in(Lang::English, width, height, keys));
            for word in &interface {
                assert!(
                    !shown.contains(word),
                    "{word} at {width}x{height} after {keys:?}:\n{shown}"
                );
            }
        }
    }
}
