//! Notices above the status line and the list of them.

use super::*;

const SET_ASIDE: &str = "/home/reader/.local/share/yuedu/state.json is not valid JSON (line 1, column 2); it was moved to /home/reader/.local/share/yuedu/state.json.damaged-1 and yuedu starts with no bookmarks or positions";

#[test]
fn a_notice_stays_above_the_status_line_wrapped_whole() {
    let mut app = app(60, 20, "");
    app.add_notice(crate::i18n::Text::same(SET_ASIDE));
    app.handle(Input::Key(Key::parse("j").expect("key")));
    let shown = screen(&app);
    assert!(shown.contains("! 查看全部  Esc 知道了"), "{shown}");
    insta::assert_snapshot!(shown);
}

#[test]
fn the_notices_list_at_60x20() {
    let mut app = app(60, 20, "");
    app.add_notice(crate::i18n::Text::same(SET_ASIDE));
    app.handle(Input::Key(Key::parse("!").expect("key")));
    insta::assert_snapshot!(screen(&app));
}
