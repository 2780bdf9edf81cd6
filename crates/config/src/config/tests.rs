//! Configuration: the embedded default, overrides, and key rebinding.

use super::*;
use crate::keymap::{Command, Key, Resolution, Scope};

#[test]
fn the_embedded_default_parses_and_is_the_default() {
    let config = Config::default_config().expect("default parses");
    // The file is the only source of defaults: every setting comes from it.
    let parsed: toml::Table = toml::from_str(DEFAULT_TOML).expect("toml");
    assert_eq!(
        parsed["reading"]["max_width"].as_integer(),
        Some(config.reading.max_width as i64)
    );
    assert_eq!(config.reading.ambiguous_width, AmbiguousSetting::Auto);
    assert_eq!(config.theme.name, ThemeName::Dark);
    assert!(config.interface.mouse);
    assert!(config.search.pinyin_initials);
    assert!(config.library.paths.is_empty());
    assert_eq!(Config::from_user_text("empty.toml", "").expect("empty file"), config);
    assert_eq!(
        Config::from_user_text("comments.toml", "# nothing\n\n").expect("comments"),
        config
    );
}

/// `config/default.toml`, parsed, is what `built_in` writes out: a setting
/// or key changed, added or removed in one and not the other fails here.
#[test]
fn the_built_in_settings_are_default_toml() {
    let (parsed, _) = locate::parse::<ConfigPatch>(BUILT_IN, DEFAULT_TOML).expect("default.toml parses");
    let complete = |missing: &str| format!("default.toml lacks {missing}");
    let parsed = built_in::Defaults {
        library: parsed.library.unwrap_or_default().complete().map_err(complete).unwrap(),
        reading: parsed.reading.unwrap_or_default().complete().map_err(complete).unwrap(),
        theme: parsed.theme.unwrap_or_default().complete().map_err(complete).unwrap(),
        interface: parsed
            .interface
            .unwrap_or_default()
            .complete()
            .map_err(complete)
            .unwrap(),
        search: parsed.search.unwrap_or_default().complete().map_err(complete).unwrap(),
        keys: parsed.keys.expect("default.toml has [keys]"),
    };
    let built_in = built_in::defaults();
    assert_eq!(built_in.library, parsed.library);
    assert_eq!(built_in.reading, parsed.reading);
    assert_eq!(built_in.theme, parsed.theme);
    assert_eq!(built_in.interface, parsed.interface);
    assert_eq!(built_in.search, parsed.search);
    for scope in Scope::ALL {
        assert_eq!(
            built_in.keys.table(scope),
            parsed.keys.table(scope),
            "[{}]",
            scope.name()
        );
    }
    assert_eq!(built_in, parsed);
}

#[test]
fn a_user_file_overrides_any_subset() {
    let config = Config::from_user_text(
        "user.toml",
        "[reading]\nmax_width = 60\nambiguous_width = \"wide\"\n[theme]\nname = \"light\"\n[theme.colors]\nhit = \"black on lightyellow\"\n",
    )
    .expect("valid");
    assert_eq!(config.reading.max_width, 60);
    assert_eq!(config.reading.ambiguous_width, AmbiguousSetting::Wide);
    assert!(config.reading.indent, "untouched settings keep their defaults");
    assert_eq!(config.theme.name, ThemeName::Light);
    assert_eq!(
        config.theme.colors.get(&ThemeElement::Hit).map(|s| s.0),
        Some(style::parse_style("black on lightyellow").expect("style"))
    );
}

#[test]
fn a_rebound_key_leaves_its_old_command() {
    let config = Config::from_user_text("user.toml", "[keys]\nbottom = [\"q\"]\n").expect("valid");
    let keymap = &config.keymap;
    assert_eq!(
        keymap.resolve(Scope::Reader, &[], Key::char('q')),
        Resolution::Command(Command::Bottom)
    );
    assert_eq!(
        keymap.resolve(Scope::Reader, &[], Key::ctrl('c')),
        Resolution::Command(Command::Quit)
    );
    assert_eq!(
        keymap.resolve(Scope::Reader, &[], Key::char('G')),
        Resolution::Unbound,
        "bottom's keys were replaced"
    );
}

#[test]
fn context_bindings_and_chords_from_the_file() {
    let config =
        Config::from_user_text("user.toml", "[keys]\ntop = [\"g g\"]\n[keys.reader]\nback = [\"q\"]\n").expect("valid");
    let keymap = &config.keymap;
    assert_eq!(
        keymap.resolve(Scope::Reader, &[], Key::char('q')),
        Resolution::Command(Command::Back)
    );
    assert_eq!(
        keymap.resolve(Scope::Lists, &[], Key::char('q')),
        Resolution::Command(Command::Quit)
    );
    assert_eq!(keymap.resolve(Scope::Lists, &[], Key::char('g')), Resolution::Pending);
    assert_eq!(
        keymap.resolve(Scope::Lists, &[Key::char('g')], Key::char('g')),
        Resolution::Command(Command::Top)
    );
}

#[test]
fn errors_give_file_line_column_and_setting_in_one_sentence() {
    let err = Config::from_user_text("/home/u/.config/yuedu/config.toml", "[reading]\nindent = 3\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "/home/u/.config/yuedu/config.toml, line 2, column 10: reading.indent must be true or false, not a whole number"
    );
}

#[test]
fn an_explicit_file_must_exist_and_the_platform_file_is_optional() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nope.toml");
    let err = Config::load(Some(&missing), None).unwrap_err();
    assert!(err.to_string().contains("cannot be read"), "{err}");
    let (config, file) = Config::load(None, Some(&missing)).expect("defaults");
    assert_eq!(file, None);
    assert_eq!(config, Config::default_config().expect("default"));
}

#[test]
fn library_paths_expand_the_home_folder() {
    let config =
        Config::from_user_text("user.toml", "[library]\npaths = [\"~/文章\", \"/srv/texts\"]\n").expect("valid");
    let home = std::path::Path::new("/home/u");
    assert_eq!(
        config.library_paths(Some(home)),
        vec![
            std::path::PathBuf::from("/home/u/文章"),
            std::path::PathBuf::from("/srv/texts")
        ]
    );
}
