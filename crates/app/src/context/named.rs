//! What `show` and `toc` name: standard input, a file, or an ID of the
//! collection; what a path that holds no article is, said in one sentence;
//! standard input read with a hint when it is typed at a terminal.

use std::path::Path;

use super::{Context, Failure, STDIN_PATH, warn};
use crate::files::Kind;
use crate::i18n::{Lang, Text, tr};
use crate::library::{Format, Library};

impl Context {
    /// The article `id` names for `show` and `toc`: standard input (`-`), a
    /// file, or an ID of the collection (with or without the file's
    /// extension). Only what is named is read: a file, not the whole collection.
    pub fn find_article(&self, id: &str) -> Result<(Library, crate::library::ArticleId), Failure> {
        let path = Path::new(id);
        if id == STDIN_PATH || path.is_file() {
            let single = Context {
                sources: vec![path.to_path_buf()],
                config: self.config.clone(),
                config_file: None,
                places: self.places.clone(),
                lang: self.lang,
            };
            return Ok((single.load()?, crate::library::ArticleId::at(0)));
        }
        // Something that is there but is no file: say what it is. A pipe or
        // device is never opened (it would block, or never end).
        let kind = std::fs::metadata(path).ok().and_then(|meta| Kind::of(&meta));
        if let Some(kind) = kind.filter(|&kind| kind != Kind::Folder) {
            let what = kind.text();
            let what = what.get(self.lang);
            return Err(Failure::Input(tr!(
                self.lang,
                en: "{id} is {what}, not a file of articles",
                hans: "{id} 是{what}，不是文章文件",
                hant: "{id} 是{what}，不是文章檔案",
            )));
        }
        let library = self.load()?;
        let stem = Format::of(id).and_then(|_| id.rsplit_once('.')).map(|(stem, _)| stem);
        match library.find(id).or_else(|| stem.and_then(|s| library.find(s))) {
            Some(index) => Ok((library, index)),
            None if kind == Some(Kind::Folder) => {
                let command = format!("yuedu {} list", shell_word(id));
                Err(Failure::Input(tr!(
                    self.lang,
                    en: "{id} is a folder: `{command}` lists its articles",
                    hans: "{id} 是文件夹：`{command}` 列出其中的文章",
                    hant: "{id} 是資料夾：`{command}` 列出其中的文章",
                )))
            }
            // Named like a file: say so, as for a wrong path on the command line.
            None if stem.is_some() || id.starts_with(['.', '/', '~']) => Err(Failure::Input(tr!(
                self.lang,
                en: "{id} does not exist, and no article has that ID",
                hans: "{id} 不存在，也没有这个 ID 的文章",
                hant: "{id} 不存在，也沒有這個 ID 的文章",
            ))),
            None => Err(Failure::NotFound(not_found_message(&library, id, self.lang))),
        }
    }
}

/// How long standard input typed at a terminal is read before a hint says so.
const STDIN_HINT_AFTER: std::time::Duration = std::time::Duration::from_millis(400);

/// Standard input, read whole. Typed at a terminal (nothing piped in), a
/// hint on stderr says so after a moment, so the wait does not look like a hang.
pub(super) fn read_stdin(lang: Lang) -> Result<Vec<u8>, Text> {
    use std::io::IsTerminal;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    let done = Arc::new(AtomicBool::new(false));
    if std::io::stdin().is_terminal() && std::io::stderr().is_terminal() {
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            std::thread::sleep(STDIN_HINT_AFTER);
            if !done.load(Ordering::SeqCst) {
                warn(tr!(
                    lang,
                    en: "reading standard input… (Ctrl-D ends it)",
                    hans: "正在读取标准输入…（Ctrl-D 结束）",
                    hant: "正在讀取標準輸入…（Ctrl-D 結束）",
                ));
            }
        });
    }
    let read = crate::library::read_stdin();
    done.store(true, Ordering::SeqCst);
    read
}

/// `word` as one word for a shell: as it is if it holds nothing a shell
/// reads specially, else in single quotes.
fn shell_word(word: &str) -> std::borrow::Cow<'_, str> {
    let plain = |c: char| c.is_alphanumeric() || "/._-+=:,@%".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(format!("'{}'", word.replace('\'', "'\\''")))
    }
}

fn not_found_message(library: &Library, id: &str, lang: Lang) -> String {
    let suggestions = library.suggest(id);
    if suggestions.is_empty() {
        tr!(
            lang,
            en: "no article with ID {id:?}; `yuedu list` shows the IDs",
            hans: "没有 ID 为 {id:?} 的文章；`yuedu list` 列出所有 ID",
            hant: "沒有 ID 為 {id:?} 的文章；`yuedu list` 列出所有 ID",
        )
    } else {
        let suggestions: Vec<String> = suggestions.into_iter().map(crate::text::shown).collect();
        let (or, either) = (suggestions.join(" or "), suggestions.join("、"));
        tr!(
            lang,
            en: "no article with ID {id:?}; did you mean {or}?",
            hans: "没有 ID 为 {id:?} 的文章；是不是 {either}？",
            hant: "沒有 ID 為 {id:?} 的文章；是不是 {either}？",
        )
    }
}
