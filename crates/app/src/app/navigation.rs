//! Moving around: panes, lists, the reader, articles, mouse.

use super::goto::{Target, Waiting};
use super::{App, ListCursor, Pane, Reader, geometry};
use crate::i18n::{Text, text};

/// Lines the mouse wheel scrolls per step.
pub(super) const WHEEL_LINES: isize = 3;

impl App {
    fn visible_categories(&self) -> usize {
        self.screen()
            .categories
            .map_or(1, |pane| usize::from(geometry::list_body(pane).height))
    }

    pub(super) fn visible_articles(&self) -> usize {
        self.screen().articles.map_or(1, |pane| {
            usize::from(geometry::list_body(pane).height / geometry::ARTICLE_ROWS)
        })
    }

    pub(super) fn back(&mut self) {
        if !self.leave_focus_mode() {
            self.focus_left();
        }
    }

    /// Leaves focus mode; false when it was not on.
    pub(super) fn leave_focus_mode(&mut self) -> bool {
        if !self.focus_mode {
            return false;
        }
        self.focus_mode = false;
        self.after_geometry_change();
        true
    }

    pub(super) fn focus_left(&mut self) {
        self.set_focus(match self.focus {
            Pane::Reader => Pane::Articles,
            Pane::Articles | Pane::Categories => Pane::Categories,
        });
    }

    pub(super) fn focus_right(&mut self) {
        match self.focus {
            Pane::Categories => self.set_focus(Pane::Articles),
            Pane::Articles => self.open_selected(),
            Pane::Reader => {}
        }
    }

    pub(super) fn cycle_focus(&mut self, forward: bool) {
        let order = if self.reader.is_some() {
            &[Pane::Categories, Pane::Articles, Pane::Reader][..]
        } else {
            &[Pane::Categories, Pane::Articles][..]
        };
        let at = order.iter().position(|p| *p == self.focus).unwrap_or(0);
        let next = if forward {
            (at + 1) % order.len()
        } else {
            (at + order.len() - 1) % order.len()
        };
        self.set_focus(order[next]);
    }

    /// Moves the focus; leaving the reader saves the reading position.
    fn set_focus(&mut self, pane: Pane) {
        if self.focus == Pane::Reader && pane != Pane::Reader {
            self.leave_article();
        }
        self.focus = pane;
        self.focus_mode = false;
        self.after_geometry_change();
    }

    pub(super) fn toggle_focus_mode(&mut self) {
        if self.reader.is_none() {
            self.open_selected();
        }
        if self.reader.is_some() {
            self.focus_mode = !self.focus_mode;
            self.focus = Pane::Reader;
            self.after_geometry_change();
        }
    }

    pub(super) fn open_selected(&mut self) {
        match self.focus {
            Pane::Categories => self.set_focus(Pane::Articles),
            Pane::Articles | Pane::Reader => {
                if let Some(article) = self.selected_article() {
                    self.open_article(article, None);
                }
            }
        }
    }

    /// Opens article `index` with byte `offset` at the top (by default
    /// where the reader left it), selecting it in the lists.
    pub fn open_article(&mut self, index: crate::library::ArticleId, offset: Option<usize>) {
        let Some(category) = self.library.category_of(index) else {
            return;
        };
        if self.reader.as_ref().is_some_and(|r| r.article != index) {
            self.leave_article();
        }
        // The saved place, looked up only when no place is asked for.
        let saved = match offset {
            Some(_) => None,
            None => self.saved_position(index).map(|p| p.offset),
        };
        let unplaced = offset.is_none() && saved.is_none();
        let offset = offset.or(saved).unwrap_or(0);
        let category_count = self.library.categories().len();
        self.categories
            .select(category, category_count, self.visible_categories());
        self.refresh_listing();
        let in_category = self.list_position(index).unwrap_or(0);
        self.focus = Pane::Reader;
        let article_count = self.category_articles().len();
        self.articles
            .select(in_category, article_count, self.visible_articles());
        let settings = self.layout_settings();
        let body = &self.library[index].body;
        let mut reader = if self.library.awaits_whole(index) {
            Reader::open_part(index, body, settings, offset)
        } else {
            Reader::open(index, body, settings, offset)
        };
        reader.fit(body, self.reader_page());
        self.reader = Some(reader);
        // While the real paths of the folders are awaited, the article may
        // have a place saved under a key not known yet: the start shown is
        // not reading until the reader reads on, so leaving at once (or a
        // checkpoint) saves nothing that would count as newer than it.
        if unplaced && self.awaited.folders {
            self.hold_place();
        }
        // Only the first part of a large file is read: the place past it is
        // shown when the whole article arrives (`arrived`).
        let short = self.reader.as_ref().is_some_and(|r| r.offset() != offset);
        self.waiting = (short && self.library.awaits_whole(index)).then_some(Waiting::Place(offset));
        if self.waiting.is_some() {
            self.say(crate::i18n::text!(
                en: "reading the whole text; the place last read shows once it is in",
                hans: "正在读入全文，读完即回到上次读到的地方",
                hant: "正在讀入全文，讀完即回到上次讀到的地方",
            ));
        }
    }

    /// The article `delta` places after article `current` (before, if
    /// negative): in the list's order within the selected category, else
    /// in collection order; none past either end.
    pub fn neighbour(&self, current: crate::library::ArticleId, delta: isize) -> Option<crate::library::ArticleId> {
        let library = &self.library;
        // In another order than the folder's, the next article in the list.
        let listed = (self.article_order() != crate::store::ArticleOrder::Folder)
            .then(|| self.list_position(current))
            .flatten();
        let next = match listed {
            Some(position) => position.checked_add_signed(delta).and_then(|p| self.listed_article(p)),
            None => (library.position(current))
                .and_then(|at| at.checked_add_signed(delta))
                .and_then(|at| library.at(at)),
        };
        next.filter(|&i| i != current)
    }

    pub(super) fn step_article(&mut self, delta: isize) {
        let current = match (self.focus, &self.reader) {
            (Pane::Reader, Some(reader)) => reader.article,
            _ => match self.selected_article().or_else(|| self.library.at(0)) {
                Some(id) => id,
                None => return,
            },
        };
        let Some(next) = self.neighbour(current, delta) else {
            self.say(if delta > 0 { last_article() } else { first_article() });
            return;
        };
        if self.focus == Pane::Reader {
            self.open_article(next, None);
        } else if let Some(category) = self.library.category_of(next) {
            let start = self.library.categories()[category].articles.start;
            let category_count = self.library.categories().len();
            let visible = self.visible_categories();
            if category != self.categories.selected {
                self.categories.select(category, category_count, visible);
                self.articles = ListCursor::default();
            }
            self.refresh_listing();
            let at = self.library.position(next).unwrap_or(start);
            let position = self.list_position(next).unwrap_or(at.saturating_sub(start));
            let (len, visible) = (self.category_articles().len(), self.visible_articles());
            self.articles.select(position, len, visible);
        }
    }

    /// A page down at the end of an article: the next one, from its start.
    fn read_next(&mut self) {
        let Some(current) = self.reader.as_ref().map(|r| r.article) else {
            return;
        };
        match self.neighbour(current, 1) {
            Some(next) => self.open_article(next, Some(0)),
            None => self.say(last_article()),
        }
    }

    pub(super) fn move_by(&mut self, delta: isize) {
        match self.focus {
            Pane::Categories => self.select_category_by(delta),
            Pane::Articles => {
                let (len, visible) = (self.category_articles().len(), self.visible_articles());
                self.articles.move_by(delta, len, visible);
            }
            Pane::Reader => {
                let page = self.reader_page();
                if let Some(reader) = &mut self.reader {
                    let body = &self.library[reader.article].body;
                    reader.scroll_by(body, delta, page);
                }
            }
        }
    }

    fn select_category_by(&mut self, delta: isize) {
        let before = self.categories.selected;
        let (len, visible) = (self.library.categories().len(), self.visible_categories());
        self.categories.move_by(delta, len, visible);
        if self.categories.selected != before {
            self.articles = ListCursor::default();
        }
    }

    pub(super) fn move_by_pages(&mut self, direction: isize, divisor: usize) {
        if self.focus == Pane::Reader && direction > 0 && divisor == 1 {
            let page = self.reader_page();
            if self.reader.as_ref().is_some_and(|r| r.at_bottom(page)) {
                self.read_next();
                return;
            }
        }
        let page = match self.focus {
            Pane::Categories => self.visible_categories(),
            Pane::Articles => self.visible_articles(),
            // Keep one line of context when paging through text.
            Pane::Reader if divisor == 1 => self.reader_page().saturating_sub(1),
            Pane::Reader => self.reader_page(),
        };
        let step = (page / divisor).max(1) as isize;
        self.move_by(direction * step);
    }

    pub(super) fn move_to_end(&mut self, end: bool) {
        match self.focus {
            // A jump, as `50%`: `` ` `` returns.
            Pane::Reader => self.jump_to(if end { Target::End } else { Target::Offset(0) }),
            _ => self.move_by(if end { isize::MAX } else { isize::MIN }),
        }
    }

    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        if self.overlay.is_some() || self.prompt.is_some() {
            return;
        }
        let Some(pane) = self.screen().pane_at(x, y) else {
            return;
        };
        let saved = self.focus;
        self.focus = pane;
        let step = if pane == Pane::Reader { WHEEL_LINES } else { 1 };
        self.move_by(if down { step } else { -step });
        self.focus = saved;
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        if self.overlay.is_some() || self.prompt.is_some() {
            return;
        }
        let screen = self.screen();
        match screen.pane_at(x, y) {
            Some(Pane::Categories) => {
                self.set_focus(Pane::Categories);
                if let Some(pane) = screen.categories {
                    let body = geometry::list_body(pane);
                    if y >= body.y {
                        let index = self.categories.offset + usize::from(y - body.y);
                        if index < self.library.categories().len() && index != self.categories.selected {
                            let (len, visible) = (self.library.categories().len(), self.visible_categories());
                            self.categories.select(index, len, visible);
                            self.articles = ListCursor::default();
                        }
                    }
                }
            }
            Some(Pane::Articles) => {
                self.set_focus(Pane::Articles);
                if let Some(pane) = screen.articles {
                    let body = geometry::list_body(pane);
                    if y >= body.y {
                        let index = self.articles.offset + usize::from((y - body.y) / geometry::ARTICLE_ROWS);
                        let (len, visible) = (self.category_articles().len(), self.visible_articles());
                        if index < len {
                            self.articles.select(index, len, visible);
                        }
                    }
                }
            }
            Some(Pane::Reader) => self.set_focus(Pane::Reader),
            None => {}
        }
    }

    /// Size, focus or focus mode changed: re-lay out the reader for its new
    /// column width and keep list selections in view.
    pub(super) fn after_geometry_change(&mut self) {
        if self.focus == Pane::Reader && self.reader.is_none() {
            self.focus = Pane::Articles;
        }
        let settings = self.layout_settings();
        let page = self.reader_page();
        if let Some(reader) = &mut self.reader {
            let body = &self.library[reader.article].body;
            reader.relayout(body, settings, page);
        }
        let (len, visible) = (self.library.categories().len(), self.visible_categories());
        self.categories.select(self.categories.selected, len, visible);
        let (len, visible) = (self.category_articles().len(), self.visible_articles());
        self.articles.select(self.articles.selected, len, visible);
    }
}
/// There is no article after this one.
pub(super) fn last_article() -> Text {
    text!(en: "this is the last article", hans: "已是最后一篇", hant: "已是最後一篇")
}

fn first_article() -> Text {
    text!(en: "this is the first article", hans: "已是第一篇", hant: "已是第一篇")
}
