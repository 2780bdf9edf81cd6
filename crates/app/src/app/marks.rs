//! Reading positions and bookmarks: what the session changes, kept in
//! `App::saved` at once and sent to the store as `Effect::Save`.

use jiff::Timestamp;

use super::bookmarks::snippet;
use super::overlay::OverlayInput;
use super::{App, Effect, Pane, Prompt};
use crate::i18n::{Text, text, tr};
use crate::keymap::Command;
use crate::layout::Direction;
use crate::store::identity::{self, ArticleKeys};
use crate::store::{Bookmark, Change, Position, State};

/// The narrowest and widest reading column `+` and `-` set, as
/// `reading.max_width` allows.
const MIN_COLUMN: usize = 10;
const MAX_COLUMN: usize = 1000;

pub use crate::present::ReadStatus;

/// A jump from search or a bookmark: where it came from (an article and
/// an offset) and where it landed. Articles by ID, which a folder's key
/// found after the jump does not change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Jump {
    back: Option<(crate::library::ArticleId, usize)>,
    landed: (crate::library::ArticleId, usize),
}

impl App {
    /// Takes the saved state (read at start-up, or merged by a save) and
    /// attaches entries that no article held yet.
    pub fn load_saved(&mut self, state: State) {
        if let Some(width) = state.reading_width {
            self.settings.max_width = width.clamp(MIN_COLUMN, MAX_COLUMN);
        }
        // A name this build does not know (a newer one's) leaves the script as it is.
        if let Some(script) = state.script.as_deref().and_then(crate::script::Script::from_name) {
            self.script = script;
        }
        if let Some(direction) = state.direction.as_deref().and_then(Direction::from_name) {
            self.settings.direction = direction;
        }
        self.saved = state;
        self.attach_state();
        self.refresh_listing();
        self.after_geometry_change();
    }

    /// Shows the text in the next script (`T`) and saves the choice.
    pub(super) fn cycle_script(&mut self) {
        self.script = self.script.next();
        let script = self.script;
        self.say(Text::build(|lang| {
            let label = script.label(script.interface(lang));
            tr!(lang, en: "shown: {label}", hans: "显示：{label}", hant: "顯示：{label}")
        }));
        self.save(Change::SetScript(self.script.name().to_string()));
    }

    /// Sets the text in the other direction (`V`), the same character on
    /// top of the first line or column, and saves the choice.
    pub(super) fn toggle_direction(&mut self) {
        self.settings.direction = self.settings.direction.flipped();
        self.after_geometry_change();
        self.say(match self.settings.direction {
            Direction::Vertical => text!(
                en: "vertical: columns from the right",
                hans: "竖排：自右向左",
                hant: "豎排：自右向左",
            ),
            Direction::Horizontal => text!(en: "horizontal", hans: "横排", hant: "橫排"),
        });
        self.save(Change::SetDirection(self.settings.direction.name().to_string()));
    }

    /// Widens (`delta` > 0) or narrows the reading column by `delta` columns
    /// within what the window gives, and saves the width. In vertical text
    /// the block of columns widens or narrows by a column of text.
    pub(super) fn change_column(&mut self, delta: isize) {
        if self.settings.direction == Direction::Vertical {
            return self.change_columns(delta.signum());
        }
        let shown = self.layout_settings().width;
        let wanted = shown.saturating_add_signed(delta).clamp(MIN_COLUMN, MAX_COLUMN);
        self.settings.max_width = wanted;
        self.after_geometry_change();
        let now = self.layout_settings().width;
        self.say(if now == shown && delta > 0 {
            text!(
                en: "reading column {now} columns: the window holds no wider",
                hans: "阅读栏 {now} 列，窗口已放不下更宽",
                hant: "閱讀欄 {now} 列，視窗已放不下更寬",
            )
        } else {
            text!(en: "reading column {now} columns", hans: "阅读栏 {now} 列", hant: "閱讀欄 {now} 列")
        });
        self.settings.max_width = now.max(MIN_COLUMN);
        self.save(Change::SetReadingWidth(self.settings.max_width));
    }

    /// One column of vertical text more (`delta` 1) or less (-1) on a
    /// screen: the reading width is the narrowest that holds them.
    fn change_columns(&mut self, delta: isize) {
        let gap = self.settings.column_gap;
        let shown = self.reader_page();
        let wanted = shown.saturating_add_signed(delta).max(1);
        let cells = wanted * crate::layout::vertical::COLUMN_CELLS + (wanted - 1) * gap;
        self.settings.max_width = (cells + cells % 2).clamp(MIN_COLUMN, MAX_COLUMN);
        self.after_geometry_change();
        let now = self.reader_page();
        self.say(if now == shown && delta > 0 {
            text!(
                en: "{now} columns of text: the window holds no more",
                hans: "每屏 {now} 行，窗口已放不下更多",
                hant: "每屏 {now} 行，視窗已放不下更多",
            )
        } else {
            text!(en: "{now} columns of text", hans: "每屏 {now} 行", hant: "每屏 {now} 行")
        });
        self.settings.max_width = self.layout_settings_width().max(MIN_COLUMN);
        self.save(Change::SetReadingWidth(self.settings.max_width));
    }

    /// Attaches saved entries that loaded articles newly match
    /// (`identity::attachments_known`), saving the attachments. Whether a
    /// file named by a key is still there is asked of a job, not of the
    /// file system here; the entries waiting for that are attached when it
    /// answers. Nothing is attached while the articles there at start are
    /// keyed by their folders' names (`folders_resolved` attaches then): an
    /// entry attached to such a key would be left there, its file still there.
    pub(super) fn attach_state(&mut self) {
        if self.awaited.folders {
            return;
        }
        let found = identity::attachments_known(&self.saved, &self.library, &self.keys, |key| {
            self.files.get(key).copied()
        });
        for change in found.changes {
            self.save(change);
        }
        if !found.unknown.is_empty() {
            self.ask_files(found.unknown);
        }
    }

    /// The real paths of the folders the articles there at start were read
    /// from, found by a job (`App::new` keys them by name): the articles of
    /// a folder reached through a link are keyed again, what was saved
    /// under their names meanwhile moved to their new keys (the newer
    /// position kept), the entries held back attached, and the one open
    /// reopened at its saved place if it had none under its name.
    pub(super) fn folders_resolved(&mut self, real: Vec<(std::path::PathBuf, std::path::PathBuf)>) {
        self.awaited.folders = false;
        let rekeyed = self.keys.resolve(real, &self.library);
        let open = self.reader.as_ref().map(|r| r.article);
        let mut reopen = None;
        let mut attach = Vec::new();
        // Most starts reach no folder through a link: nothing is keyed again.
        if !rekeyed.is_empty() {
            let marked: std::collections::HashSet<&str> =
                self.saved.bookmarks.iter().map(|b| b.article.as_str()).collect();
            for (at, from, to) in rekeyed {
                let placed = self.saved.positions.contains_key(&from);
                if Some(at) == open && !placed {
                    reopen = Some(at);
                }
                let held = placed || marked.contains(from.as_str()) || self.saved.last_read.as_ref() == Some(&from);
                if held && from != to {
                    attach.push(Change::Attach { from, to });
                }
            }
        }
        for change in attach {
            self.save(change);
        }
        self.attach_state();
        if let Some(at) = reopen.filter(|&at| self.saved_position(at).is_some()) {
            self.open_article(at, None);
        }
    }

    /// The keys of the loaded articles.
    pub fn keys(&self) -> &ArticleKeys {
        &self.keys
    }

    /// The key article `index`'s state is saved under.
    pub fn state_key(&self, index: crate::library::ArticleId) -> std::borrow::Cow<'_, str> {
        self.library
            .articles()
            .get(index)
            .map_or(std::borrow::Cow::Borrowed(""), |a| self.keys.key(a))
    }

    /// The article whose state is saved under `key`, if it is loaded.
    pub fn article_of_key(&self, key: &str) -> Option<crate::library::ArticleId> {
        self.keys.article(key, &self.library)
    }

    /// The saved position of article `index`, unless its text was replaced
    /// since (another fingerprint).
    pub fn saved_position(&self, index: crate::library::ArticleId) -> Option<&Position> {
        let text = &self.library.articles().get(index)?.body.text;
        crate::present::saved_position(&self.saved, &self.state_key(index), text)
    }

    pub fn read_status(&self, article: crate::library::ArticleId) -> ReadStatus {
        ReadStatus::of(self.saved_position(article))
    }

    /// The article "continue reading" opens, with how far it was read:
    /// the last one read, unless it was read to its end (a short one seen
    /// whole is), which is read (读完), not offered to go on at 0%.
    pub fn continue_target(&self) -> Option<(crate::library::ArticleId, u8)> {
        let index = self.article_of_key(self.saved.last_read.as_ref()?)?;
        let position = self.saved_position(index);
        if position.is_some_and(|p| p.finished) {
            return None;
        }
        Some((index, position.map_or(0, |p| p.percent)))
    }

    pub(super) fn save(&mut self, change: Change) {
        self.saved.apply(&change);
        self.effects.push(Effect::Save(change));
    }

    /// Records where the open article is being left.
    pub(super) fn leave_article(&mut self) {
        if let Some((article, position)) = self.current_position() {
            self.save(Change::SetPosition { article, position });
        }
    }

    /// Saves the reading position if it moved since it was last saved: the
    /// runtime calls this a short while after reading stops, so a crash or a
    /// killed terminal loses at most those seconds.
    pub fn checkpoint(&mut self) -> Vec<Effect> {
        if let Some((article, position)) = self.current_position() {
            let unchanged = self.saved.last_read.as_ref() == Some(&article)
                && self.saved.positions.get(&article).is_some_and(|p| {
                    p.fingerprint == position.fingerprint
                        && (p.offset, p.percent, p.finished) == (position.offset, position.percent, position.finished)
                });
            if !unchanged {
                self.save(Change::SetPosition { article, position });
            }
        }
        std::mem::take(&mut self.effects)
    }

    /// The open article's key and position, to save; none while the reader
    /// has not read on from where a jump put it.
    fn current_position(&self) -> Option<(String, Position)> {
        let page = self.reader_page();
        let reader = self.reader.as_ref()?;
        // Only the first part of a large file is read yet: its end is not the
        // article's, nor its share of it the article's.
        if self.library.is_prefix(reader.article) {
            return None;
        }
        // Where a jump landed is not read, unless the whole article is on
        // screen there: a short one opened from search is read (读完).
        let seen_whole = reader.position() <= 0 && reader.at_end(page);
        if let Some(jump) = &self.jump
            && jump.landed == (reader.article, reader.offset())
            && !seen_whole
        {
            return None;
        }
        let percent = reader.percent().min(100) as u8;
        let article = self.state_key(reader.article).to_string();
        let text = &self.library[reader.article].body.text;
        let position = Position {
            fingerprint: Some(identity::fingerprint(text)),
            offset: reader.offset(),
            percent,
            finished: reader.at_end(page),
            updated: Timestamp::now(),
            unknown: Default::default(),
        };
        Some((article, position))
    }

    /// The process is being ended (a signal): a note being typed is kept as
    /// Enter would keep it, then the reading position is saved as on `q`.
    pub fn terminate(&mut self) -> Vec<Effect> {
        if self.prompt.as_ref().is_some_and(Prompt::is_note) {
            self.overlay_input(OverlayInput::Command(Command::Open, false));
        }
        self.command(Command::Quit)
    }

    /// Before a jump to article `index`: the place to come back to (the
    /// article being read, or the target's saved position), whose reading
    /// position is saved now.
    pub(super) fn jump_start(
        &mut self,
        index: crate::library::ArticleId,
    ) -> Option<(crate::library::ArticleId, usize)> {
        match &self.reader {
            Some(reader) if self.focus == Pane::Reader => {
                let back = (reader.article, reader.offset());
                self.leave_article();
                Some(back)
            }
            _ => self.saved_position(index).map(|p| (index, p.offset)),
        }
    }

    /// After a jump: where it landed is not reading until the reader reads on.
    pub(super) fn jump_end(&mut self, back: Option<(crate::library::ArticleId, usize)>) {
        self.jump = self.reader.as_ref().map(|reader| Jump {
            back,
            landed: (reader.article, reader.offset()),
        });
    }

    /// Back to where the reader was before the last jump.
    pub(super) fn jump_back(&mut self) {
        let target = self.jump.as_ref().and_then(|jump| jump.back);
        match target.filter(|&(index, _)| self.library.articles().get(index).is_some()) {
            Some((index, offset)) => {
                // Leaving the landing place saves nothing (it was not read).
                self.open_article(index, Some(offset));
                self.after_geometry_change();
                self.jump = None;
            }
            None => self.say(text!(
                en: "no place to jump back to",
                hans: "没有可以跳回的位置",
                hant: "沒有可以跳回的位置",
            )),
        }
    }

    /// The place the reader shows is not reading until the reader reads
    /// on (any scrolling), as after a jump; the way back stays.
    pub(super) fn hold_place(&mut self) {
        if let Some(reader) = &self.reader {
            self.jump = Some(Jump {
                back: self.jump.take().and_then(|jump| jump.back),
                landed: (reader.article, reader.offset()),
            });
        }
    }

    pub(super) fn continue_reading(&mut self) {
        match self.continue_target() {
            Some((index, _)) => self.open_article(index, None),
            None if self.saved.last_read.is_some() => self.say(text!(
                en: "nothing to continue: the last article read was read to its end",
                hans: "没有要继续的：上次读的文章已读完",
                hant: "沒有要繼續的：上次讀的文章已讀完",
            )),
            None => self.say(text!(
                en: "no article has been read yet",
                hans: "还没有读过的文章",
                hant: "還沒有讀過的文章",
            )),
        }
    }

    pub(super) fn add_bookmark(&mut self) {
        if self.focus != Pane::Reader {
            return;
        }
        let Some(reader) = &self.reader else { return };
        let article = &self.library[reader.article];
        let offset = reader.offset();
        // A second bookmark on the same line edits the first.
        let line = reader.layout.line_at_offset(offset);
        let same_line = self.saved.bookmarks.iter().find(|b| {
            b.article == self.state_key(reader.article)
                && reader.layout.covers(&article.body, b.offset)
                && reader.layout.line_at_offset(b.offset) == line
        });
        if let Some(existing) = same_line {
            self.prompt = Some(Prompt::edit_note(existing.id, &existing.note));
            return;
        }
        let created = Timestamp::now();
        let mut id = created.as_nanosecond();
        while self.saved.bookmarks.iter().any(|b| b.id == id) {
            id += 1;
        }
        let bookmark = Bookmark {
            id,
            article: self.state_key(reader.article).to_string(),
            offset,
            snippet: snippet(&article.body, offset),
            created,
            note: String::new(),
            unknown: Default::default(),
        };
        self.prompt = Some(Prompt::new_note(bookmark));
    }
}
