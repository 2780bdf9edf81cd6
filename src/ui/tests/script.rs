//! `T` shows every word that comes from an article in the script chosen,
//! with the same converter as the page: titles, categories and authors in
//! the lists, the status line's place and chapter, the prompt to go on
//! reading, the contents, the bookmarks and the search results. The
//! interface's own words are written out in each form, never converted.

use super::{press, screen};
use crate::app::App;
use crate::i18n::Lang;

const SIZES: [(u16, u16); 3] = [(60, 20), (80, 24), (100, 30)];

/// The bundled collection (the classical essays and poems, written in
/// Traditional characters) in `lang`, after `keys`.
fn bundled(lang: Lang, width: u16, height: u16, keys: &str) -> App {
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
    app
}

fn status_line(shown: &str) -> &str {
    shown.lines().last().unwrap_or_default()
}

#[test]
fn the_lists_show_titles_categories_and_authors_in_the_script_chosen() {
    let shown = screen(&bundled(Lang::Simplified, 80, 24, "T l"));
    for word in ["古文观止", "唐诗", "前赤壁赋", "苏轼"] {
        assert!(shown.contains(word), "{word}:\n{shown}");
    }
    for word in ["古文觀止", "唐詩", "前赤壁賦", "蘇軾"] {
        assert!(!shown.contains(word), "{word}:\n{shown}");
    }
}

#[test]
fn the_status_line_and_the_prompt_to_go_on_follow_the_script() {
    // 後赤壁賦 is the eighth essay; read a little of it, then back to the lists.
    let mut app = bundled(Lang::Simplified, 60, 12, "T l G enter");
    let shown = screen(&app);
    assert!(
        status_line(&shown).contains("古文观止 › 后赤壁赋"),
        "{}",
        status_line(&shown)
    );
    press(&mut app, "j j esc");
    let shown = screen(&app);
    assert!(
        status_line(&shown).contains("继续阅读：后赤壁赋"),
        "{}",
        status_line(&shown)
    );
    press(&mut app, "T j k");
    let shown = screen(&app);
    assert!(
        status_line(&shown).contains("繼續閱讀：後赤壁賦"),
        "{}",
        status_line(&shown)
    );
}

#[test]
fn search_results_and_bookmarks_follow_the_script() {
    let mut app = bundled(Lang::Simplified, 100, 30, "T s 赤 壁");
    let shown = screen(&app);
    assert!(shown.contains("后赤壁赋") && !shown.contains("後赤壁賦"), "{shown}");
    assert!(
        shown.contains("苏子") && !shown.contains("蘇子"),
        "the snippet:\n{shown}"
    );
    press(&mut app, "esc");
    // A bookmark at the start of 後赤壁賦: its title and snippet converted.
    let app = bundled(Lang::Simplified, 100, 30, "T l G enter m esc B");
    let shown = screen(&app);
    assert!(shown.contains("后赤壁赋") && !shown.contains("後赤壁賦"), "{shown}");
}

#[test]
fn the_interface_words_are_written_out_never_converted() {
    // Original → Simplified → Traditional: the reading time is 分鐘, never
    // the 分鍾 a character table gives for 分钟.
    for keys in ["l enter T T", "T T l enter"] {
        let shown = screen(&bundled(Lang::Simplified, 80, 24, keys));
        assert!(shown.contains("分鐘") && !shown.contains("分鍾"), "{keys}:\n{shown}");
    }
}

#[test]
fn screens_in_the_script_chosen() {
    for (name, lang, keys) in [
        ("simplified_library", Lang::Simplified, "T l"),
        ("simplified_library_english", Lang::English, "T l"),
        ("simplified_reader", Lang::Simplified, "T l G enter"),
        ("simplified_reader_english", Lang::English, "T l G enter"),
    ] {
        for (width, height) in SIZES {
            insta::assert_snapshot!(
                format!("{name}_{width}x{height}"),
                screen(&bundled(lang, width, height, keys))
            );
        }
    }
}
