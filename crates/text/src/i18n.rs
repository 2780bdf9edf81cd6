//! The language yuedu speaks: English, or Chinese in Simplified or in
//! Traditional characters. Every message is written out in all three forms
//! where it is said, so a missing translation does not compile:
//!
//! - `tr!(lang, en: "…", hans: "…", hant: "…")` says one message in the
//!   language a front end speaks (a `String`, made by `format!`, so
//!   `{name}` takes a variable and the arguments are checked);
//! - `text!(en: "…", hans: "…", hant: "…")` makes a `Text`, the message in
//!   every language, for layers that do not know which one will be shown
//!   (a file's skipped reason is made while loading and shown by the CLI
//!   or the reader); the front end picks one with `Text::get`.
//!
//! Chinese words are never converted character by character: the
//! Traditional form is written out (分鐘, not the 分鍾 a table would give).
//! The language is a value chosen once (`Lang::from_locale`, or the
//! `interface.language` setting) and passed down. Pure: no terminal, and
//! the environment is read only by `Lang::from_env`, which the binary calls.
//!
//! # Design
//!
//! the language of every message (`Lang`: English, Chinese in Simplified or in Traditional
//! characters; chosen from the locale, `LC_ALL`, `LC_MESSAGES`, `LANG`, or `interface.language`),
//! `tr!` (one message in a language known), `text!` and `Text` (one message in every language, said
//! by whoever shows it), `io_error` (the system's reason in each language); see
//! [Messages](#messages)
//!
//! # Messages
//!
//! Everything yuedu says — CLI errors and notices on stderr, skipped files' reasons, the reader's
//! words — is written out in English, Simplified and Traditional Chinese where it is said, through
//! `i18n`'s macros, which take all three forms or do not compile. Chinese is never converted by
//! character (`script` converts only an article's text): the Traditional form is written (分鐘, not
//! the 分鍾 a table gives). The language is a value, chosen once: `Lang::from_env()` in `main`,
//! resolved against `interface.language` by `Context::new` (`Context::lang()`), given to the reader
//! by `App::set_lang`; `App::lang()` is that language in the form `T` shows (`Script::interface`).
//!
//! To add a message:
//!
//! - where the language is known (`commands`, `context`, `print`, `ui`, `tui`): `tr!(lang, en: "{n}
//!   files", hans: "{n} 个文件", hant: "{n} 個檔案")`, each form a `format!` string (`{n}` takes the
//!   variable `n`);
//! - where it is not (the library, `files`, `store`, and the app's status-line messages and
//!   notices, which `T` shows again in the other form): make a `Text` with `text!(en: …, hans: …,
//!   hant: …)` (or `Text::build(|lang| …)` to compose it from other `Text`s), and let the front end
//!   say `text.get(lang)`; a typed error gives its sentence as `fn text(&self) -> Text`;
//! - what comes from outside (titles, paths, the system's or a parser's own words) goes in as a
//!   value, never translated; an article's words shown with the interface's go through the reader's
//!   script (`App::shown`, the page's converter), each value on its own, never a line with the
//!   interface's words in it.
//!
//! Tests: `App::new` speaks Simplified Chinese (`set_lang` changes it, and `App::said()` reads a
//! message); the binary's tests set the locale through `tests/support` (`yuedu` English,
//! `yuedu_in(home, CHINESE)`; the pty `Session` Chinese unless its `env` sets `LANG`), never the
//! machine's.

use std::fmt;

/// The language of every message: English, or Chinese in one of its forms.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    English,
    /// Chinese in Simplified characters (简体).
    Simplified,
    /// Chinese in Traditional characters (繁體).
    Traditional,
}

/// The environment variables that name the locale of messages, in the order
/// POSIX gives them precedence: the first one set and not empty decides.
pub const LOCALE_VARIABLES: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

impl Lang {
    /// Every language, in the order of the forms a message is written in.
    pub const ALL: [Lang; 3] = [Lang::English, Lang::Simplified, Lang::Traditional];

    /// The language of a locale as the environment names it (`zh_CN.UTF-8`,
    /// `zh_TW`, `zh-Hant`, `en_US.UTF-8`, `C`): Chinese for `zh` and its
    /// regions (Traditional for Taiwan, Hong Kong, Macau or `Hant`),
    /// English for anything else.
    pub fn of_locale(locale: &str) -> Lang {
        let locale = locale.to_ascii_lowercase();
        let Some(rest) = locale.strip_prefix("zh") else {
            return Lang::English;
        };
        if !(rest.is_empty() || rest.starts_with(['_', '-', '.', '@'])) {
            return Lang::English;
        }
        let tag = rest.split(['.', '@']).next().unwrap_or_default();
        let traditional = tag
            .split(['_', '-'])
            .any(|part| matches!(part, "tw" | "hk" | "mo" | "hant"));
        if traditional {
            Lang::Traditional
        } else {
            Lang::Simplified
        }
    }

    /// The language the locale variables choose (`LC_ALL`, then
    /// `LC_MESSAGES`, then `LANG`), read through `var`.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        LOCALE_VARIABLES
            .iter()
            .filter_map(|name| var(name))
            .find(|value| !value.is_empty())
            .map_or(Lang::English, |locale| Lang::of_locale(&locale))
    }

    /// The language of this process's locale.
    pub fn from_env() -> Lang {
        Lang::from_locale(|name| std::env::var(name).ok())
    }

    /// The language an `interface.language` setting names ("en", "zh",
    /// "zh-Hans", "zh-Hant"); `None` for "auto" and anything else.
    pub fn from_setting(name: &str) -> Option<Lang> {
        match name {
            "en" => Some(Lang::English),
            "zh" | "zh-Hans" => Some(Lang::Simplified),
            "zh-Hant" => Some(Lang::Traditional),
            _ => None,
        }
    }

    pub fn is_chinese(self) -> bool {
        self != Lang::English
    }

    /// This language with its Chinese in Traditional (`true`) or Simplified
    /// characters; English stays English.
    pub fn in_form(self, traditional: bool) -> Lang {
        match (self, traditional) {
            (Lang::English, _) => Lang::English,
            (_, true) => Lang::Traditional,
            (_, false) => Lang::Simplified,
        }
    }
}

/// One message in every language, made where the language is not known
/// (`text!`) and said by whoever shows it (`get`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct Text {
    en: String,
    hans: String,
    hant: String,
}

impl Text {
    /// The message, made by `say` in each language.
    pub fn build(say: impl Fn(Lang) -> String) -> Text {
        Text {
            en: say(Lang::English),
            hans: say(Lang::Simplified),
            hant: say(Lang::Traditional),
        }
    }

    /// A text that reads the same in every language (a name, an error
    /// from elsewhere that has no translation).
    pub fn same(text: impl Into<String>) -> Text {
        let text = text.into();
        Text {
            en: text.clone(),
            hans: text.clone(),
            hant: text,
        }
    }

    /// The message in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::English => &self.en,
            Lang::Simplified => &self.hans,
            Lang::Traditional => &self.hant,
        }
    }

    /// The three forms, English, Simplified and Traditional (as a cache keeps them).
    pub fn forms(&self) -> [&str; 3] {
        [&self.en, &self.hans, &self.hant]
    }

    /// A text from its three forms, in the order of `forms`.
    pub fn from_forms([en, hans, hant]: [&str; 3]) -> Text {
        Text {
            en: en.to_string(),
            hans: hans.to_string(),
            hant: hant.to_string(),
        }
    }

    /// The English form (for logs and tests).
    pub fn en(&self) -> &str {
        &self.en
    }

    /// Every form, changed by `change` in the language of each.
    pub fn map(&self, change: impl Fn(Lang, &str) -> String) -> Text {
        Text::build(|lang| change(lang, self.get(lang)))
    }

    /// Whether every form is clean text (checked when read back from a cache).
    pub fn all(&self, check: impl Fn(&str) -> bool) -> bool {
        Lang::ALL.iter().all(|&lang| check(self.get(lang)))
    }
}

/// A message made only in English is a bug; this Display is for `{}` in
/// tests and logs, and says the English form.
impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.en)
    }
}

/// One message in `lang`: `tr!(lang, en: "…", hans: "…", hant: "…")`, each
/// form a `format!` string (`{name}` takes the variable `name`).
#[macro_export]
#[doc(hidden)]
macro_rules! i18n_tr {
    ($lang:expr, en: $en:literal, hans: $hans:literal, hant: $hant:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::English => format!($en),
            $crate::i18n::Lang::Simplified => format!($hans),
            $crate::i18n::Lang::Traditional => format!($hant),
        }
    };
}

/// One message in every language, as a `Text`:
/// `text!(en: "…", hans: "…", hant: "…")`.
#[macro_export]
#[doc(hidden)]
macro_rules! i18n_text {
    (en: $en:literal, hans: $hans:literal, hant: $hant:literal $(,)?) => {
        $crate::i18n::Text::build(|lang| $crate::i18n::tr!(lang, en: $en, hans: $hans, hant: $hant))
    };
}

pub use crate::{i18n_text as text, i18n_tr as tr};

/// An English noun for `n` things: `one` for 1, else `many`.
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}

/// Why reading or writing failed, as the system says it: in English its own
/// words; in Chinese the common cases in Chinese, others in its words.
pub fn io_error(err: &std::io::Error) -> Text {
    use std::io::ErrorKind;
    let own = err.to_string();
    Text::build(|lang| {
        let known = match err.kind() {
            ErrorKind::NotFound => Some(("不存在", "不存在")),
            ErrorKind::PermissionDenied => Some(("没有权限", "沒有權限")),
            ErrorKind::IsADirectory => Some(("是文件夹", "是資料夾")),
            ErrorKind::NotADirectory => Some(("不是文件夹", "不是資料夾")),
            ErrorKind::InvalidData => Some(("数据无效", "資料無效")),
            ErrorKind::UnexpectedEof => Some(("意外结束", "意外結束")),
            ErrorKind::Interrupted => Some(("被中断", "被中斷")),
            _ => None,
        };
        match (lang, known) {
            (Lang::Simplified, Some((hans, _))) => hans.to_string(),
            (Lang::Traditional, Some((_, hant))) => hant.to_string(),
            _ => own.clone(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string())
    }

    #[test]
    fn the_locale_chooses_chinese_for_zh_and_english_otherwise() {
        for (locale, lang) in [
            ("zh_CN.UTF-8", Lang::Simplified),
            ("zh_SG", Lang::Simplified),
            ("zh", Lang::Simplified),
            ("zh-Hans", Lang::Simplified),
            ("zh_TW.UTF-8", Lang::Traditional),
            ("zh_HK.Big5HKSCS", Lang::Traditional),
            ("zh_MO", Lang::Traditional),
            ("zh-Hant-CN", Lang::Traditional),
            ("en_US.UTF-8", Lang::English),
            ("C.UTF-8", Lang::English),
            ("C", Lang::English),
            ("POSIX", Lang::English),
            ("zu_ZA", Lang::English),
            ("zhx", Lang::English),
            ("fr_FR.UTF-8", Lang::English),
        ] {
            assert_eq!(Lang::of_locale(locale), lang, "{locale}");
        }
    }

    #[test]
    fn lc_all_then_lc_messages_then_lang_decide() {
        assert_eq!(Lang::from_locale(env(&[])), Lang::English);
        assert_eq!(Lang::from_locale(env(&[("LANG", "zh_CN.UTF-8")])), Lang::Simplified);
        let both = [("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_GB.UTF-8")];
        assert_eq!(Lang::from_locale(env(&both)), Lang::English);
        let all = [("LANG", "en_US"), ("LC_MESSAGES", "en_GB"), ("LC_ALL", "zh_TW")];
        assert_eq!(Lang::from_locale(env(&all)), Lang::Traditional);
        let empty = [("LC_ALL", ""), ("LANG", "zh_CN")];
        assert_eq!(
            Lang::from_locale(env(&empty)),
            Lang::Simplified,
            "an empty variable is not set"
        );
    }

    #[test]
    fn a_message_is_said_in_each_language_with_its_values() {
        let n = 3;
        let said: Vec<String> = Lang::ALL
            .iter()
            .map(|&lang| tr!(lang, en: "{n} files", hans: "{n} 个文件", hant: "{n} 個檔案"))
            .collect();
        assert_eq!(said, ["3 files", "3 个文件", "3 個檔案"]);
        let text = text!(en: "{n} minutes", hans: "{n} 分钟", hant: "{n} 分鐘");
        assert_eq!(text.get(Lang::Traditional), "3 分鐘");
        assert_eq!(text.get(Lang::English), "3 minutes");
        let longer = text.map(|lang, s| tr!(lang, en: "about {s}", hans: "约 {s}", hant: "約 {s}"));
        assert_eq!(longer.get(Lang::Simplified), "约 3 分钟");
    }

    #[test]
    fn settings_name_a_language_or_leave_it_to_the_locale() {
        assert_eq!(Lang::from_setting("zh"), Some(Lang::Simplified));
        assert_eq!(Lang::from_setting("zh-Hant"), Some(Lang::Traditional));
        assert_eq!(Lang::from_setting("en"), Some(Lang::English));
        assert_eq!(Lang::from_setting("auto"), None);
        assert_eq!(Lang::Simplified.in_form(true), Lang::Traditional);
        assert_eq!(Lang::English.in_form(true), Lang::English);
    }

    #[test]
    fn system_errors_are_said_in_chinese_when_common() {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert_eq!(io_error(&denied).get(Lang::Simplified), "没有权限");
        assert_eq!(io_error(&denied).get(Lang::English), denied.to_string());
    }
}
