//! The article list's order (`o` cycles it): as in the folder, by title in
//! pinyin, or the most recently read first. The order is kept in the state;
//! the list of the selected category in that order is computed when what it
//! depends on changes, not on every frame.

use std::cmp::Ordering;
use std::ops::Range;

use super::{App, Pane};
use crate::i18n::{Text, tr};
use crate::library::ArticleId;
use crate::store::{ArticleOrder, Change};

/// The selected category's articles in the chosen order.
#[derive(Debug, Default)]
pub struct Listing {
    /// What the list was computed from; another key computes it again.
    key: ListingKey,
    /// The articles in list order; empty in folder order (the category's range).
    indices: Vec<ArticleId>,
}

#[derive(Debug, Default, PartialEq, Eq)]
struct ListingKey {
    range: Range<usize>,
    order: ArticleOrder,
    /// What changes the recently-read order: the article read last and
    /// how many have positions.
    last_read: Option<String>,
    positions: usize,
}

impl App {
    /// The order of the article list.
    pub fn article_order(&self) -> ArticleOrder {
        self.saved.article_order
    }

    /// The article at `position` in the article list.
    pub fn listed_article(&self, position: usize) -> Option<ArticleId> {
        let range = self.category_articles();
        if self.listing.key.range != range || self.listing.indices.is_empty() {
            let at = range.start + position;
            return range.contains(&at).then(|| self.library.at(at)).flatten();
        }
        self.listing.indices.get(position).copied()
    }

    /// Where article `id` is in the article list of the selected category.
    pub(super) fn list_position(&self, id: ArticleId) -> Option<usize> {
        let range = self.category_articles();
        let at = self.library.position(id).filter(|at| range.contains(at))?;
        if self.listing.key.range != range || self.listing.indices.is_empty() {
            return Some(at - range.start);
        }
        self.listing.indices.iter().position(|&i| i == id)
    }

    /// Goes on to the next order, keeps it and keeps the selected article selected.
    pub(super) fn cycle_article_order(&mut self) {
        if self.focus == Pane::Reader {
            return;
        }
        let order = self.article_order().next();
        self.save(Change::SetArticleOrder(order));
        self.refresh_listing();
        self.say(Text::build(|lang| {
            let order = order.label(lang);
            tr!(lang, en: "articles {order}", hans: "文章{order}排列", hant: "文章{order}排列")
        }));
    }

    /// Computes the list again if what it depends on changed; the cursor
    /// stays on the article it was on.
    pub(super) fn refresh_listing(&mut self) {
        let range = self.category_articles();
        let key = ListingKey {
            range: range.clone(),
            order: self.article_order(),
            last_read: self.saved.last_read.clone(),
            positions: self.saved.positions.len(),
        };
        if key == self.listing.key {
            return;
        }
        let selected = (self.listing.key.range == range)
            .then(|| self.selected_article())
            .flatten();
        let indices = match key.order {
            ArticleOrder::Folder => Vec::new(),
            ArticleOrder::Title => self.by_title(range),
            ArticleOrder::Recent => self.by_recent_reading(range),
        };
        self.listing = Listing { key, indices };
        if let Some(position) = selected.and_then(|index| self.list_position(index)) {
            let (len, visible) = (self.category_articles().len(), self.visible_articles());
            self.articles.select(position, len, visible);
        }
    }

    /// Titles by their pinyin (toneless, character by character) with the
    /// numbers in them by value (帝京篇十首 二 before 十), as folder order
    /// reads names, Latin letters in either case alike; then as written.
    fn by_title(&self, range: Range<usize>) -> Vec<ArticleId> {
        let library = &self.library;
        let ids = library.order().get(range).unwrap_or_default();
        let mut keyed: Vec<(String, usize, ArticleId)> = (ids.iter().enumerate())
            .map(|(i, &id)| (library[id].meta.title.to_lowercase().to_string(), i, id))
            .collect();
        keyed.sort_by(|(a, i, x), (b, j, y)| {
            crate::library::natural_cmp(a, b)
                .then_with(|| library[*x].meta.title.cmp(&library[*y].meta.title))
                .then(i.cmp(j))
        });
        keyed.into_iter().map(|(_, _, id)| id).collect()
    }

    /// The most recently read first; articles never read after them, in folder order.
    fn by_recent_reading(&self, range: Range<usize>) -> Vec<ArticleId> {
        let ids = self.library.order().get(range).unwrap_or_default();
        let mut read: Vec<(Option<jiff::Timestamp>, usize)> = (ids.iter().enumerate())
            .map(|(i, &id)| (self.saved_position(id).map(|p| p.updated), i))
            .collect();
        read.sort_by(|(a, i), (b, j)| match (a, b) {
            (Some(a), Some(b)) => b.cmp(a).then(i.cmp(j)),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => i.cmp(j),
        });
        read.into_iter().map(|(_, i)| ids[i]).collect()
    }
}

#[cfg(test)]
mod app_tests {
    use crate::app::{App, Effect, Input, Pane};
    use crate::config::Config;
    use crate::keymap::Key;
    use crate::layout::ReadingSettings;
    use crate::library::Library;
    use crate::store::{ArticleOrder, Change};

    fn press(app: &mut App, keys: &str) -> Vec<Effect> {
        let mut effects = Vec::new();
        for name in keys.split_whitespace() {
            effects.extend(app.handle(Input::Key(Key::parse(name).expect("key name"))));
        }
        effects
    }

    fn listed(app: &App) -> Vec<String> {
        (0..app.category_articles().len())
            .filter_map(|p| app.listed_article(p))
            .map(|i| app.library[i].meta.title.to_string())
            .collect()
    }

    fn selected_title(app: &App) -> Option<String> {
        app.selected_article().map(|i| app.library[i].meta.title.to_string())
    }

    #[test]
    fn o_cycles_the_article_order_and_the_order_is_kept_across_restarts() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::create_dir(dir.path().join("诗")).expect("folder");
        for (file, title) in [
            ("1.md", "静夜思"),
            ("2.md", "春晓"),
            ("3.md", "登鹳雀楼"),
            ("10.md", "悯农"),
        ] {
            let text = format!("+++\ntitle = \"{title}\"\n+++\n正文。");
            std::fs::write(dir.path().join("诗").join(file), text).expect("write");
        }
        let library = Library::from_dirs(&[dir.path().to_path_buf()]).expect("library");
        let keymap = Config::default_config().expect("config").keymap;
        let new_app = |library| App::new(library, keymap.clone(), ReadingSettings::default(), 120, 35);
        let mut app = new_app(library);
        press(&mut app, "l");
        assert_eq!(app.focus, Pane::Articles);
        assert_eq!(
            listed(&app),
            ["静夜思", "春晓", "登鹳雀楼", "悯农"],
            "folder order: 10.md last"
        );
        // Read 悯农, then 春晓.
        press(&mut app, "G enter esc k k enter esc");
        assert_eq!(selected_title(&app).as_deref(), Some("春晓"));
        let effects = press(&mut app, "o");
        assert!(effects.contains(&Effect::Save(Change::SetArticleOrder(ArticleOrder::Title))));
        assert_eq!(listed(&app), ["春晓", "登鹳雀楼", "静夜思", "悯农"], "by pinyin");
        assert_eq!(
            selected_title(&app).as_deref(),
            Some("春晓"),
            "the cursor stays on its article"
        );
        assert_eq!(app.said(), Some("文章按拼音排列"));
        press(&mut app, "o");
        assert_eq!(
            listed(&app),
            ["春晓", "悯农", "静夜思", "登鹳雀楼"],
            "recently read first"
        );
        // `]` goes on in the list's order.
        press(&mut app, "]");
        assert_eq!(selected_title(&app).as_deref(), Some("悯农"));
        // A new session with what was saved lists in the same order.
        let mut restarted = new_app(Library::from_dirs(&[dir.path().to_path_buf()]).expect("library"));
        restarted.load_saved(app.saved.clone());
        assert_eq!(restarted.article_order(), ArticleOrder::Recent);
        assert_eq!(listed(&restarted), ["春晓", "悯农", "静夜思", "登鹳雀楼"]);
        press(&mut restarted, "l o");
        assert_eq!(
            listed(&restarted),
            ["静夜思", "春晓", "登鹳雀楼", "悯农"],
            "and back to the folder's"
        );
        assert_eq!(restarted.saved.article_order, ArticleOrder::Folder);
    }

    #[test]
    fn pinyin_order_reads_the_numbers_in_titles_by_value() {
        let keymap = Config::default_config().expect("config").keymap;
        let mut app = App::new(Library::bundled(), keymap, ReadingSettings::default(), 120, 35);
        // 唐詩, by pinyin.
        press(&mut app, "j l o");
        let titles = listed(&app);
        let di_jing: Vec<&str> = titles.iter().filter_map(|t| t.strip_prefix("帝京篇十首 ")).collect();
        assert_eq!(di_jing, ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]);
        let at = |title: &str| titles.iter().position(|t| t == title);
        assert!(
            at("春望") < at("登高") && at("登高") < at("帝京篇十首 一"),
            "{titles:?}"
        );
        assert!(
            at("靜夜思") < at("旅夜書懷") && at("旅夜書懷") < at("早發白帝城"),
            "{titles:?}"
        );
    }
}
