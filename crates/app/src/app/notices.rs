//! Notices that matter — files skipped while loading, a state file set
//! aside as damaged, saves that fail — stay on screen until dismissed (the
//! back key, or closing their list), are listed in full one key away with
//! every skipped file and why, and are repeated on stderr when the reader
//! exits. A passing message (已加书签) stays a status-line message.

use super::page::{Page, PageScroll, Piece, framed, room, wrap};
use super::{App, Overlay};
use crate::i18n::{Text, tr};
use crate::text::{Shown, str_width};

/// The notices of a session: every one told, and how many were dismissed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Notices {
    /// Every notice, in order; the same text is kept once while it is shown.
    texts: Vec<Text>,
    /// Notices before this one were dismissed.
    seen: usize,
    /// Skipped files already counted by a dismissed banner.
    skipped_seen: usize,
}

impl Notices {
    fn add(&mut self, text: Text) {
        if !self.texts[self.seen..].contains(&text) {
            self.texts.push(text);
        }
    }
}

impl App {
    /// Tells the user something that matters; it stays until dismissed.
    pub fn add_notice(&mut self, text: Text) {
        self.notices.add(text);
    }

    /// Takes a notice back (what it said is no longer true): it leaves the
    /// banner, the list and what is repeated at exit.
    pub fn withdraw_notice(&mut self, text: &Text) {
        let dismissed = self.notices.texts[..self.notices.seen]
            .iter()
            .filter(|t| *t == text)
            .count();
        self.notices.texts.retain(|t| t != text);
        self.notices.seen -= dismissed;
    }

    /// What the banner above the status line says now: notices not yet
    /// dismissed, and how many files were skipped since the last look.
    pub fn banner(&self) -> Vec<String> {
        let lang = self.lang();
        let mut out: Vec<String> = self.notices.texts[self.notices.seen..]
            .iter()
            .map(|text| text.get(lang).to_string())
            .collect();
        let skipped = self.library.problems().len();
        if skipped > self.notices.skipped_seen {
            let (files, were) = match skipped {
                1 => ("file", "was"),
                _ => ("files", "were"),
            };
            out.push(tr!(
                lang,
                en: "{skipped} {files} could not be read and {were} skipped",
                hans: "有 {skipped} 个文件无法读取，已跳过",
                hant: "有 {skipped} 個檔案無法讀取，已跳過",
            ));
        }
        out
    }

    /// Dismisses the banner; false when there was none.
    pub(super) fn dismiss_notices(&mut self) -> bool {
        let shown = !self.banner().is_empty();
        self.notices.seen = self.notices.texts.len();
        self.notices.skipped_seen = self.library.problems().len();
        shown
    }

    /// Opens the list of every notice and skipped file.
    pub(super) fn open_notices(&mut self) {
        self.overlay = Some(Overlay::Notices(PageScroll::default()));
    }

    /// The list of notices laid out on the screen: each notice, then every
    /// skipped file with the reason, escaped as on stderr.
    pub fn notices_page(&self) -> Page {
        let (ambiguous, lang) = (self.settings.ambiguous, self.lang());
        let width = room(self.width);
        let mut items: Vec<String> = self.notices.texts.iter().map(|t| t.get(lang).to_string()).collect();
        let problems = self.library.problems();
        if !problems.is_empty() {
            let count = problems.len();
            items.push(tr!(lang, en: "Skipped files ({count}):", hans: "跳过的文件（{count}）：", hant: "跳過的檔案（{count}）："));
            items.extend(problems.iter().map(|p| Shown::field(p.say(lang)).to_string()));
        }
        if items.is_empty() {
            items.push(tr!(lang, en: "No notices", hans: "没有提示", hant: "沒有提示"));
        }
        let lines: Vec<Vec<Piece>> = items
            .iter()
            .flat_map(|item| wrap(item, width, ambiguous))
            .map(|text| vec![Piece { x: 0, text, key: false }])
            .collect();
        let content = lines
            .iter()
            .flatten()
            .map(|p| str_width(&p.text, ambiguous) as u16)
            .max()
            .unwrap_or(0)
            .max(24)
            .min(width);
        framed(lines, content, self.width, self.height)
    }

    /// What to repeat on stderr once the reader has left the screen: every
    /// notice told (skipped files are reported with their reasons apart).
    pub fn exit_notices(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for text in &self.notices.texts {
            let text = text.get(self.lang);
            if !out.iter().any(|said| said == text) {
                out.push(text.to_string());
            }
        }
        out
    }
}

#[cfg(test)]
pub mod tests {
    use super::*;
    use crate::app::tests::press;
    use crate::app::{Pane, ReadingSettings};
    use crate::config::Config;
    use crate::library::Library;

    /// The app on a folder with one article and two files it must skip, one
    /// of them named with an escape sequence.
    pub fn app_with_skipped_files(width: u16, height: u16) -> (App, tempfile::TempDir) {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("甲.md"), "# 甲\n\n正文。").expect("write");
        std::fs::write(dir.path().join("空.md"), "").expect("write");
        std::fs::write(dir.path().join("e\u{1b}[2J.md"), "").expect("write");
        let library = Library::from_dirs(&[dir.path().to_path_buf()]).expect("library");
        let keymap = Config::default_config().expect("config").keymap;
        let app = App::new(library, keymap, ReadingSettings::default(), width, height);
        (app, dir)
    }

    fn page_text(app: &App) -> String {
        let page = app.notices_page();
        page.lines
            .iter()
            .flatten()
            .map(|p| p.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn skipped_files_stay_on_screen_until_dismissed_and_are_listed_one_key_away() {
        let (mut app, _dir) = app_with_skipped_files(60, 20);
        assert_eq!(app.banner(), ["有 2 个文件无法读取，已跳过"]);
        press(&mut app, "j k l");
        assert_eq!(app.banner().len(), 1, "other keys leave it there");
        press(&mut app, "!");
        assert!(matches!(app.overlay, Some(Overlay::Notices(_))));
        let listed = page_text(&app);
        assert!(listed.contains("空.md：空文件"), "{listed}");
        assert!(listed.contains("e\\u{1b}[2J.md：空文件"), "named, escaped: {listed}");
        assert!(!listed.contains('\u{1b}'), "escaped: {listed}");
        app.set_lang(crate::i18n::Lang::English);
        let listed = page_text(&app);
        assert!(listed.contains("Skipped files (2):"), "{listed}");
        assert!(listed.contains("空.md: empty file"), "in English: {listed}");
        press(&mut app, "q");
        assert_eq!(app.overlay, None, "q closes the list without quitting");
        assert!(app.banner().is_empty(), "looking at the list dismisses the banner");
    }

    #[test]
    fn esc_dismisses_a_notice_before_it_goes_back_and_notices_are_kept_for_the_exit() {
        let (mut app, _dir) = app_with_skipped_files(60, 20);
        press(&mut app, "l l");
        assert_eq!(app.focus, Pane::Reader);
        app.add_notice(crate::i18n::Text::same("state.json was set aside"));
        app.add_notice(crate::i18n::Text::same("state.json was set aside"));
        assert_eq!(app.banner().len(), 2, "told once while shown");
        press(&mut app, "esc");
        assert!(app.banner().is_empty());
        assert_eq!(app.focus, Pane::Reader, "the first Esc only dismissed the notices");
        press(&mut app, "esc");
        assert_ne!(app.focus, Pane::Reader);
        assert_eq!(app.exit_notices(), ["state.json was set aside"]);
    }
}
