//! The keymap: resolving keys and chords, layering a user's keys over the
//! defaults, and refusing keymaps that lock the user in.

use super::*;

const DEFAULTS: &str =
    "quit = [\"q\", \"ctrl-c\"]\nhelp = [\"?\"]\ntop = [\"g\"]\nbottom = [\"G\"]\nback = [\"esc\"]\n";

fn keys(text: &str) -> Keys {
    toml::from_str(text).expect("a [keys] table")
}

fn keymap(user: &str) -> Result<Keymap, KeymapError> {
    Keymap::new(&keys(DEFAULTS), &keys(user))
}

#[test]
fn chords_wait_for_their_second_key() {
    let map = keymap("top = [\"g g\"]").expect("valid");
    assert_eq!(map.resolve(Scope::Reader, &[], Key::char('g')), Resolution::Pending);
    assert_eq!(
        map.resolve(Scope::Reader, &[Key::char('g')], Key::char('g')),
        Resolution::Command(Command::Top)
    );
    assert_eq!(map.resolve(Scope::Reader, &[], Key::char('x')), Resolution::Unbound);
}

#[test]
fn context_bindings_take_precedence() {
    let map = keymap("[reader]\nback = [\"q\"]").expect("valid");
    assert_eq!(
        map.resolve(Scope::Reader, &[], Key::char('q')),
        Resolution::Command(Command::Back)
    );
    assert_eq!(
        map.resolve(Scope::Lists, &[], Key::char('q')),
        Resolution::Command(Command::Quit)
    );
    assert_eq!(
        map.keys_for(Scope::Reader, Command::Quit),
        ["Ctrl-c"],
        "q is hidden in the reader"
    );
    assert_eq!(map.hint(Scope::Lists, Command::Quit).as_deref(), Some("q"));
}

#[test]
fn a_key_the_user_binds_leaves_its_default_command() {
    let map = keymap("bottom = [\"q\"]").expect("valid");
    assert_eq!(
        map.resolve(Scope::Lists, &[], Key::char('q')),
        Resolution::Command(Command::Bottom)
    );
    assert_eq!(map.resolve(Scope::Lists, &[], Key::char('G')), Resolution::Unbound);
    assert_eq!(map.keys_for(Scope::Lists, Command::Quit), ["Ctrl-c"]);
}

#[test]
fn names_that_are_not_commands_or_keys_are_refused_with_a_suggestion() {
    let err = toml::from_str::<Keys>("qiut = [\"x\"]").unwrap_err();
    assert_eq!(err.message(), "is not a command (did you mean quit?)");
    let err = toml::from_str::<Keys>("fly = [\"x\"]").unwrap_err();
    assert_eq!(err.message(), "is not a command; `yuedu config --keys` lists them");
    let err = toml::from_str::<Keys>("quit = [\"hyper-q\"]").unwrap_err();
    assert_eq!(err.message(), "has \"hyper-q\", which is not a key name");
}

#[test]
fn two_commands_on_one_key_are_refused() {
    let err = keymap("[reader]\nline_down = [\"x\"]\nline_up = [\"x\"]").unwrap_err();
    assert_eq!(
        err.to_string(),
        "keys.reader.line_up binds \"x\", which line_down has too"
    );
}

#[test]
fn quit_and_help_always_keep_a_working_key() {
    let err = keymap("quit = []").unwrap_err();
    assert_eq!(
        err.to_string(),
        "keys.quit leaves quit without a key in the reader; quit must keep one that works everywhere"
    );
    let err = keymap("[reader]\nback = [\"q\", \"ctrl-c\"]").unwrap_err();
    assert_eq!(err.settings()[0], (Scope::Reader, Command::Back));
    assert!(
        err.to_string()
            .starts_with("keys.reader.back leaves quit without a key in the reader")
    );
    keymap("[lists]\nhelp = []").expect("the global ? still opens help");
    let err = keymap("[lists]\nback = [\"?\"]").unwrap_err();
    assert!(err.to_string().contains("help without a key in the lists"), "{err}");
    // Moving them is fine, as long as one key works everywhere.
    keymap("quit = [\"x\"]\nhelp = [\"f1\"]\n[reader]\nback = [\"q\"]").expect("valid");
}

#[test]
fn a_chord_whose_start_is_bound_is_refused() {
    let err = keymap("top = [\"g g\"]\nbottom = [\"g\"]").unwrap_err();
    assert_eq!(
        err.to_string(),
        "keys.top binds \"g g\", which can never run: \"g\" runs bottom first"
    );
    // Default `top = ["g"]` blocks a chord starting with g.
    let err = keymap("bottom = [\"g e\"]").unwrap_err();
    assert_eq!(
        err.settings(),
        [(Scope::Global, Command::Bottom), (Scope::Global, Command::Top)]
    );
    // A chord blocked in one context still runs in the other.
    keymap("top = [\"g g\"]\n[reader]\nbottom = [\"g\"]").expect("g g runs in the lists");
}
