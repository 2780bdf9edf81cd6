//! Finding inside the open article (`/` in the reader): the find prompt
//! marks every hit as the query is typed (`App::preview_find`), Enter keeps
//! the marks and the query, Esc takes them away and goes back where the find
//! started; n / N move between the hits, Esc in the reader clears them.

use super::working::FindFor;
use super::{App, Pane, Prompt};
use crate::i18n::text;
use crate::keymap::{Command, Scope};
use crate::search::Query;
use crate::store::QueryKind;

impl App {
    /// `/`: find in the article when reading, search everything from the lists.
    pub(super) fn find(&mut self) {
        if let Some(reader) = self.reader.as_ref().filter(|_| self.focus == Pane::Reader) {
            self.search_memory.find_from = Some(reader.offset());
            self.prompt = Some(Prompt::find());
        } else {
            self.open_search();
        }
    }

    /// The find's query as it stands (`PromptAct::Preview`): its hits are
    /// marked from where the find started when they are found (`found`).
    pub(super) fn preview_find(&mut self, text: &str) {
        self.ask_find(FindFor::Preview(text.to_string()));
    }

    /// Esc in the find prompt: no marks, and back where the find started.
    pub(super) fn cancel_find(&mut self) {
        let page = self.reader_page();
        let from = self.search_memory.find_from.take();
        // Hits still being found are not marked.
        self.awaited.find = None;
        if let Some(reader) = &mut self.reader {
            reader.hits.clear();
            reader.current_hit = None;
            if let Some(from) = from {
                let body = &self.library[reader.article].body;
                reader.scroll_to_offset(body, from, page);
            }
        }
    }

    /// Enter in the find prompt (`PromptAct::Find`): the query is kept in
    /// the history and its hits marked from where the find started, once
    /// they are found.
    pub(super) fn finish_find(&mut self, text: &str) {
        self.remember_query(QueryKind::Find, text);
        let from = self.search_memory.find_from.take();
        self.ask_find(FindFor::Finish {
            text: text.to_string(),
            from,
        });
    }

    /// The hits of a find, found (`ask_find`): marked, and for Enter said
    /// when there are none.
    pub(super) fn found(&mut self, find: FindFor, hits: Vec<std::ops::Range<usize>>) {
        match find {
            FindFor::Preview(_) => self.mark_hits(hits, self.search_memory.find_from),
            FindFor::Finish { text, from } => {
                if hits.is_empty() && !Query::parse(&text, false).is_empty() {
                    self.say(text!(en: "{text} not found", hans: "没有找到 {text}", hant: "沒有找到 {text}"));
                }
                self.mark_hits(hits, from);
            }
            FindFor::Opened { first, .. } => self.mark_hits(hits, first),
        }
    }

    pub(super) fn step_hit(&mut self, command: Command) {
        let page = self.reader_page();
        let Some(reader) = &mut self.reader else { return };
        let count = reader.hits.len();
        if count == 0 {
            self.say(match self.keymap.hint(Scope::Reader, Command::Find) {
                Some(key) => text!(
                    en: "nothing found: press {key} to find",
                    hans: "没有查找结果：按 {key} 查找",
                    hant: "沒有尋找結果：按 {key} 尋找",
                ),
                None => text!(en: "nothing found", hans: "没有查找结果", hant: "沒有尋找結果"),
            });
            return;
        }
        let current = reader.current_hit.unwrap_or(0);
        let next = match command {
            Command::NextHit if reader.current_hit.is_none() => 0,
            Command::NextHit => (current + 1) % count,
            _ => (current + count - 1) % count,
        };
        let wrapped =
            (command == Command::NextHit && next < current) || (command != Command::NextHit && next > current);
        let body = &self.library[reader.article].body;
        reader.show_hit(body, next, page);
        if wrapped {
            self.say(text!(
                en: "went on from the other end",
                hans: "已从另一头继续",
                hant: "已從另一頭繼續",
            ));
        }
    }

    /// Esc in the reader first clears the marked hits.
    pub(super) fn clear_hits(&mut self) -> bool {
        match &mut self.reader {
            Some(reader) if !reader.hits.is_empty() && self.focus == Pane::Reader => {
                reader.hits.clear();
                reader.current_hit = None;
                true
            }
            _ => false,
        }
    }
}
