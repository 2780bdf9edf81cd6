//! What an element's `class`, `id`, `role`, `style` and `hidden` say of it:
//! Readability's word lists (an element called `sidebar` or `comment` is
//! unlikely to be the article, one called `content` or `post` likely), with
//! the names Chinese sites give (`breadcrumb`, `crumb`, `recommend`,
//! `copyright`), and whether it is hidden.

use super::tokens::Tag;

/// Only the start of a very long `class` or `id` is read.
const MAX_NAME_BYTES: usize = 256;

/// Names of elements that are unlikely to be the article or in it.
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumb",
    "crumb",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "recommend",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
    "copyright",
    "topbar",
    "navbar",
];

/// Names that keep an element whose name is also unlikely (`main-header`).
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

/// Names of the article's own elements.
const POSITIVE: &[&str] = &[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

/// Names of what is around the article.
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "recommend",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
    "breadcrumb",
    "crumb",
    "copyright",
    "nav",
];

/// Roles of elements that are not the article.
const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// What one element's names say.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Hints {
    /// Readability's class weight: 25 for each of `class` and `id` that
    /// names the article, −25 for each that names what is around it.
    pub weight: i8,
    /// Its names or role say it is not the article (and it is not called
    /// `content` or the like as well).
    pub unlikely: bool,
    /// A hash of its `class`, to find siblings of the article's kind.
    pub class: u32,
    /// Called `share` or `sharedaddy` as a word: share buttons.
    pub share: bool,
}

pub(super) fn hints_of(class: Option<&str>, id: Option<&str>, role: Option<&str>) -> Hints {
    if class.is_none() && id.is_none() && role.is_none() {
        return Hints::default();
    }
    let class = class.map(|c| lower_start(c.trim()));
    let id = id.map(|i| lower_start(i.trim()));
    let weight_of = |name: &Option<String>| -> i8 {
        let Some(name) = name.as_deref().filter(|n| !n.is_empty()) else {
            return 0;
        };
        let negative = NEGATIVE.iter().any(|w| name.contains(w)) || is_hid(name);
        let positive = POSITIVE.iter().any(|w| name.contains(w));
        i8::from(positive) * 25 - i8::from(negative) * 25
    };
    let both = format!("{} {}", class.as_deref().unwrap_or(""), id.as_deref().unwrap_or(""));
    let unlikely_name = UNLIKELY.iter().any(|w| both.contains(w)) && !MAYBE.iter().any(|w| both.contains(w));
    let unlikely_role = role.is_some_and(|r| UNLIKELY_ROLES.contains(&r.trim().to_ascii_lowercase().as_str()));
    Hints {
        weight: weight_of(&class) + weight_of(&id),
        unlikely: unlikely_name || unlikely_role,
        class: class.as_deref().filter(|c| !c.is_empty()).map_or(0, hash),
        share: both
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| w == "share" || w == "sharedaddy"),
    }
}

/// `hid` as a word of its own: Readability's `^hid$| hid$| hid |^hid `.
fn is_hid(name: &str) -> bool {
    name.split(' ').any(|w| w == "hid")
}

fn lower_start(name: &str) -> String {
    name[..name.floor_char_boundary(MAX_NAME_BYTES)].to_lowercase()
}

/// FNV-1a: only ever compared with the hashes of the same page's classes.
fn hash(text: &str) -> u32 {
    text.bytes()
        .fold(0x811c_9dc5_u32, |h, b| (h ^ u32::from(b)).wrapping_mul(0x0100_0193))
        .max(1)
}

/// An element a browser does not show: `hidden`, `aria-hidden="true"`, or a
/// style of `display: none`. (`visibility: hidden` is not enough: pages
/// saved from sites that show their text by script, WeChat's articles among
/// them, carry it on the article itself.)
pub(super) fn is_hidden(tag: &Tag) -> bool {
    if tag.attribute("hidden").is_some() {
        return true;
    }
    if tag.attribute("aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        // Readability's exception: images shown when scripts do not run.
        && !tag.attribute("class").is_some_and(|c| c.contains("fallback-image"))
    {
        return true;
    }
    tag.attribute("style").is_some_and(|style| {
        let style: String = lower_start(style).chars().filter(|c| !c.is_whitespace()).collect();
        style.contains("display:none")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_what_is_around_an_article_weigh_against_it() {
        let sidebar = hints_of(Some("sidebar widget"), None, None);
        assert_eq!(sidebar.weight, -25);
        assert!(sidebar.unlikely);
        let post = hints_of(Some("post-content"), Some("main"), None);
        assert_eq!(post.weight, 50);
        assert!(!post.unlikely);
        assert!(hints_of(Some("breadcrumb"), None, None).unlikely);
        assert!(hints_of(None, Some("comment-list"), None).unlikely);
        assert!(hints_of(None, None, Some("navigation")).unlikely);
    }

    #[test]
    fn a_name_of_the_article_keeps_an_element_otherwise_unlikely() {
        let header = hints_of(Some("main-header"), None, None);
        assert!(!header.unlikely);
        assert_eq!(hints_of(None, None, None), Hints::default());
    }

    #[test]
    fn siblings_of_one_class_share_a_hash() {
        let a = hints_of(Some("Entry"), None, None);
        let b = hints_of(Some("entry"), Some("x"), None);
        assert_eq!(a.class, b.class);
        assert_ne!(a.class, 0);
        assert_eq!(hints_of(Some(" "), None, None).class, 0);
    }

    #[test]
    fn a_very_long_name_is_read_only_at_its_start() {
        let long = format!("{}sidebar", "x".repeat(1 << 20));
        assert!(!hints_of(Some(&long), None, None).unlikely);
    }
}
