//! The help at every size, and the keys named on screen after a rebound keymap.

use super::*;

#[test]
fn help_wide() {
    insta::assert_snapshot!(screen(&app(120, 35, "?")));
}

/// Help at the sizes a reader uses, down to the smallest window: never a
/// key list cut with "…", a mark when there is more.
#[test]
fn help_at_20x5() {
    insta::assert_snapshot!(screen(&app(20, 5, "?")));
}

#[test]
fn help_at_20x5_scrolled_to_the_end() {
    insta::assert_snapshot!(screen(&app(20, 5, "? G")));
}

#[test]
fn help_at_60x20() {
    insta::assert_snapshot!(screen(&app(60, 20, "?")));
}

#[test]
fn help_at_60x20_in_the_reader_one_page_down() {
    insta::assert_snapshot!(screen(&app(60, 20, "l l ? space")));
}

#[test]
fn help_at_80x24() {
    insta::assert_snapshot!(screen(&app(80, 24, "?")));
}

#[test]
fn help_at_100x30() {
    insta::assert_snapshot!(screen(&app(100, 30, "?")));
}

#[test]
fn help_at_140x40() {
    insta::assert_snapshot!(screen(&app(140, 40, "?")));
}

#[test]
fn help_never_cuts_a_key_list() {
    for (width, height) in [(20, 5), (60, 20), (80, 24), (100, 30), (120, 35), (140, 40)] {
        let mut app = app(width, height, "?");
        for _ in 0..40 {
            let shown = screen(&app);
            assert!(!shown.contains('…'), "{width}x{height}: {shown}");
            app.handle(Input::Key(Key::parse("j").expect("key")));
        }
    }
}

/// A user's keys: every hint on screen must name these, not the defaults.
const REBOUND: &str = "[keys]\nquit = [\"x\"]\nhelp = [\"f2\"]\nback = [\"backspace\"]\nopen = [\"o\"]\nbookmarks = [\"v\"]\nadd_bookmark = [\"a\"]\nundo = [\"z\"]\ncycle_order = [\"t\"]\nedit_note = [\"r\"]\ndelete_bookmark = [\"D\"]\ncontinue_reading = [\"C\"]\n";

#[test]
fn hints_follow_a_rebound_keymap() {
    let lists = screen(&app_with(REBOUND, 120, 35, ""));
    assert!(lists.contains("F2 帮助  x 退出"), "{lists}");
    assert!(lists.contains("按 o 打开文章"), "{lists}");
    assert!(!lists.contains("? 帮助") && !lists.contains("q 退出"), "{lists}");
    let help = screen(&app_with(REBOUND, 120, 35, "f2"));
    assert!(help.contains("按键  (Backspace 关闭)"), "{help}");
    let quit_line = help.lines().find(|l| l.contains("退出")).unwrap_or_default();
    assert!(quit_line.contains(" x  "), "quit's key in the help: {help}");
    assert!(!help.contains("q, Ctrl-c"), "{help}");
    let bookmarks = screen(&app_with(REBOUND, 120, 35, "v"));
    assert!(
        bookmarks.contains("按时间（t 切换）  o 跳转  r 备注  D 删除  z 撤销  Backspace 关闭"),
        "{bookmarks}"
    );
    assert!(bookmarks.contains("还没有书签：在阅读时按 a 添加"), "{bookmarks}");
    let reader = screen(&app_with(REBOUND, 120, 35, "j l o"));
    assert!(reader.contains("F2 帮助"), "{reader}");
    assert!(!reader.contains("? 帮助"), "{reader}");
}

#[test]
fn text_boxes_name_and_take_the_keys_of_a_rebound_keymap() {
    let config =
        "[keys]\nopen = [\"f5\"]\nback = [\"f4\"]\nline_down = [\"j\", \"ctrl-n\"]\nline_up = [\"k\", \"ctrl-p\"]\n";
    let empty = screen(&app_with(config, 120, 35, "s"));
    assert!(empty.contains("Ctrl-p/Ctrl-n 翻历史"), "{empty}");
    let typed = screen(&app_with(config, 120, 35, "s x y"));
    assert!(typed.contains("Ctrl-p/Ctrl-n 选择  F5 打开  F4 返回"), "{typed}");
    assert!(!typed.contains("Enter") && !typed.contains("Esc"), "{typed}");
    assert!(
        app_with(config, 120, 35, "s x f4").overlay.is_none(),
        "F4 closes the search"
    );
    let note = screen(&app_with(config, 120, 35, "j l l m"));
    assert!(note.contains("书签备注（F5 保存  F4 取消）："), "{note}");
    let contents = screen(&app_with(config, 120, 35, "j l l t"));
    assert!(contents.contains("Ctrl-p/Ctrl-n 选择  F5 跳转  F4 返回"), "{contents}");
    let defaults = screen(&app(120, 35, "s x"));
    assert!(defaults.contains("Up/Down 选择  Enter 打开  Esc 返回"), "{defaults}");
}

#[test]
fn search_and_contents_move_with_the_keys_of_a_rebound_keymap_only() {
    use crate::app::Overlay;
    let config = "[keys]\nline_down = [\"f6\"]\nline_up = [\"f7\"]\n";
    let cursor = |keys: &str| match &app_with(config, 120, 35, keys).overlay {
        Some(Overlay::Contents(contents)) => contents.cursor,
        Some(Overlay::Search(search)) => search.cursor.selected,
        _ => usize::MAX,
    };
    assert_eq!(cursor("f6 l l t"), 0, "the contents open on the first chapter");
    assert_eq!(cursor("f6 l l t f6 f6"), 2, "the key bound to line_down moves down");
    assert_eq!(cursor("f6 l l t f6 f6 f7"), 1, "and the one bound to line_up up");
    assert_eq!(cursor("f6 l l t down down"), 0, "Down, no longer bound, moves nothing");
    assert_eq!(cursor("s 管 理 f6 f6"), 2, "the search's results too");
    assert_eq!(cursor("s 管 理 down"), 0);
}
