//! Read and unread from the lists: marking the article under the cursor,
//! and going on to the next article not read to its end.

use jiff::Timestamp;

use super::{App, Pane};
use crate::i18n::text;
use crate::present::ReadStatus;
use crate::store::{Change, identity};

impl App {
    /// Marks the article under the cursor in the article list read, or
    /// unread if it was read.
    pub(super) fn toggle_read(&mut self) {
        if self.focus != Pane::Articles {
            self.say(text!(
                en: "articles are marked read or unread in the article list",
                hans: "在文章列表中标记已读 / 未读",
                hant: "在文章列表中標記已讀 / 未讀",
            ));
            return;
        }
        let Some(index) = self.selected_article() else { return };
        let read = self.read_status(index) != ReadStatus::Finished;
        let text = &self.library[index].body.text;
        let change = Change::MarkRead {
            article: self.state_key(index).to_string(),
            read,
            fingerprint: Some(identity::fingerprint(text)),
            updated: Timestamp::now(),
        };
        self.save(change);
        self.say(if read {
            text!(en: "marked read", hans: "已标为读完", hant: "已標為讀完")
        } else {
            text!(en: "marked unread", hans: "已标为未读", hant: "已標為未讀")
        });
        // The article may still be open beside the list: its place there is
        // not reading, so neither a checkpoint nor quitting undoes the mark,
        // until the reader reads on.
        if self.reader.as_ref().is_some_and(|r| r.article == index) {
            self.hold_place();
        }
    }

    /// Opens the first article after the current one (the one read, else
    /// the one under the cursor), in the collection's order and round to
    /// its start, that is not read to the end; where it was left.
    pub(super) fn next_unread(&mut self) {
        let current = match (&self.reader, self.focus) {
            (Some(reader), Pane::Reader) => Some(reader.article),
            _ => self.selected_article(),
        };
        let order = self.library.order();
        let start = current.and_then(|id| self.library.position(id)).map_or(0, |at| at + 1);
        let next = (order.iter().skip(start).chain(order.iter().take(start)).copied())
            .filter(|&id| Some(id) != current)
            .find(|&id| self.read_status(id) != ReadStatus::Finished);
        match next {
            Some(index) => self.open_article(index, None),
            None => self.say(text!(
                en: "every article has been read to its end",
                hans: "没有未读完的文章了",
                hant: "沒有未讀完的文章了",
            )),
        }
    }
}
