//! The prompt as a component: what each input asks for, with no app
//! around it; then what the app carries out, through `App::handle`.

use super::*;
use crate::app::Effect;
use crate::app::tests::{app, press, type_text};
use crate::config::Config;
use crate::i18n::Lang;
use crate::keymap::{Key, KeyCode, Scope};
use jiff::Timestamp;

fn bookmark() -> Bookmark {
    Bookmark {
        id: 7,
        article: "a".into(),
        offset: 30,
        snippet: "客户".into(),
        created: Timestamp::UNIX_EPOCH,
        note: String::new(),
        unknown: Default::default(),
    }
}

fn command(command: Command) -> OverlayInput {
    OverlayInput::Command(command, false)
}

fn typed(prompt: &mut Prompt, text: &str) -> Vec<Outcome<PromptAct>> {
    text.chars()
        .map(|c| prompt.handle(OverlayInput::Edit(Key::char(c)), &[]))
        .collect()
}

#[test]
fn enter_saves_a_new_bookmark_with_its_note_trimmed_and_esc_saves_nothing() {
    let mut prompt = Prompt::new_note(bookmark());
    assert!(typed(&mut prompt, " 好书 ").iter().all(|o| *o == Outcome::Stay));
    let saved = Bookmark {
        note: "好书".into(),
        ..bookmark()
    };
    assert_eq!(
        prompt.clone().handle(command(Command::Open), &[]),
        Outcome::Act(PromptAct::AddBookmark(saved))
    );
    assert_eq!(
        prompt.handle(command(Command::Back), &[]),
        Outcome::Act(PromptAct::DiscardBookmark)
    );
}

#[test]
fn a_note_being_edited_is_saved_on_enter_and_left_as_it_was_on_esc() {
    let mut prompt = Prompt::edit_note(7, "旧");
    let backspace = OverlayInput::Edit(Key::plain(KeyCode::Backspace));
    assert_eq!(prompt.handle(backspace, &[]), Outcome::Stay);
    typed(&mut prompt, "新");
    assert_eq!(
        prompt.clone().handle(command(Command::Open), &[]),
        Outcome::Act(PromptAct::EditNote {
            id: 7,
            note: "新".into()
        })
    );
    assert_eq!(prompt.handle(command(Command::Back), &[]), Outcome::Close);
    let history = ["春".to_string()];
    assert_eq!(
        Prompt::edit_note(7, "").handle(command(Command::LineUp), &history),
        Outcome::Stay,
        "a note has no history to walk"
    );
}

#[test]
fn find_asks_for_hits_as_typed_runs_on_enter_cancels_on_esc_and_walks_its_history() {
    let mut prompt = Prompt::find();
    let preview = |text: &str| Outcome::Act(PromptAct::Preview(text.into()));
    assert_eq!(typed(&mut prompt, "春风"), [preview("春"), preview("春风")]);
    let left = OverlayInput::Edit(Key::plain(KeyCode::Left));
    assert_eq!(prompt.handle(left, &[]), Outcome::Stay, "a cursor move changes no hits");
    assert_eq!(
        prompt.clone().handle(command(Command::Open), &[]),
        Outcome::Act(PromptAct::Find("春风".into()))
    );
    assert_eq!(
        prompt.handle(command(Command::Back), &[]),
        Outcome::Act(PromptAct::CancelFind)
    );
    let history = ["秋".to_string(), "冬".to_string()];
    let mut empty = Prompt::find();
    assert_eq!(empty.handle(command(Command::LineUp), &history), preview("冬"));
    assert_eq!(empty.handle(command(Command::LineUp), &history), preview("秋"));
    assert_eq!(empty.paste("月"), preview("秋月"));
}

#[test]
fn a_rebound_keymap_finishes_the_prompt_and_names_its_keys() {
    let config = "[keys]\nopen = [\"f2\"]\nback = [\"f3\"]\n";
    let config = Config::from_user_text("user.toml", config).expect("valid config");
    let keys = TextBoxKeys::new(&config.keymap, Scope::Reader);
    let mut prompt = Prompt::new_note(bookmark());
    assert_eq!(prompt.label(&keys, Lang::Simplified), "书签备注（F2 保存  F3 取消）：");
    let mut press = |name: &str| prompt.handle(keys.input(Key::parse(name).expect("key")), &[]);
    assert_eq!(
        press("enter"),
        Outcome::Stay,
        "Enter, no longer bound, finishes nothing"
    );
    assert_eq!(press("esc"), Outcome::Stay);
    assert!(matches!(press("f2"), Outcome::Act(PromptAct::AddBookmark(_))));
    assert_eq!(press("f3"), Outcome::Act(PromptAct::DiscardBookmark));
    assert_eq!(
        press("ctrl-c"),
        Outcome::Act(PromptAct::DiscardBookmark),
        "as in readline"
    );
    let defaults = Config::default_config().expect("default config");
    let defaults = TextBoxKeys::new(&defaults.keymap, Scope::Reader);
    assert_eq!(
        Prompt::edit_note(7, "").label(&defaults, Lang::Simplified),
        "修改备注（Enter 保存  Esc 取消）："
    );
    assert_eq!(Prompt::find().label(&defaults, Lang::Simplified), "查找：");
}

#[test]
fn ctrl_c_cancels_a_note_in_the_app_without_saving_and_a_signal_keeps_it() {
    let mut app = app(120, 35);
    press(&mut app, "j l l j m");
    type_text(&mut app, "笔记");
    let effects = press(&mut app, "ctrl-c");
    assert!(effects.is_empty(), "{effects:?}");
    assert_eq!((app.prompt.is_none(), app.said()), (true, Some("未加书签")));
    press(&mut app, "m");
    type_text(&mut app, "留下");
    let effects = app.terminate();
    let saved: Vec<&str> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Save(Change::AddBookmark(b)) => Some(b.note.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(saved, ["留下"], "a note being typed is kept as Enter keeps it");
    assert_eq!(effects.last(), Some(&Effect::Quit));
}

#[test]
fn a_note_prompt_over_the_bookmark_list_takes_the_keys_before_it() {
    let mut app = app(120, 35);
    press(&mut app, "j l l m enter B e");
    assert!(app.prompt.as_ref().is_some_and(Prompt::is_note), "e edits the note");
    type_text(&mut app, "q");
    let effects = press(&mut app, "esc");
    assert!(effects.is_empty(), "q is typed, Esc leaves the note: {effects:?}");
    assert!(app.prompt.is_none());
    assert!(
        matches!(app.overlay, Some(crate::app::Overlay::Bookmarks(_))),
        "the list stays open"
    );
    assert_eq!(app.saved.bookmarks[0].note, "");
}
