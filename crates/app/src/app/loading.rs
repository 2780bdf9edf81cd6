//! Articles arriving in background batches while the reader runs: the
//! progress, whole articles replacing the first parts shown of large files,
//! and the lists, the reader and the search index kept on the same articles.

use super::App;
use crate::i18n::{Text, tr};

impl App {
    /// Expects `total` article files to arrive in batches.
    pub fn start_loading(&mut self, total: usize) {
        self.loading = (total > 0).then_some((0, total));
        // The articles read never move to make room for the next batch.
        std::sync::Arc::make_mut(&mut self.library).reserve(total);
    }

    /// One file was named: its article opens straight in the reader, as
    /// `less FILE` does, now if it is read, else as soon as it arrives from
    /// the background; if it cannot be read the reader quits (and the
    /// caller says why).
    pub fn open_single(&mut self) {
        match self.library.articles().len() {
            1 => self.open_article(crate::library::ArticleId::at(0), None),
            0 if self.loading.is_some() => self.open_single = true,
            _ => {}
        }
    }

    /// Whether every file is read (or skipped), none still to come.
    pub fn is_loaded(&self) -> bool {
        self.loading.is_none()
    }

    /// After a batch: the one file named, once it is in.
    fn opened_single(&mut self) {
        if !self.open_single || self.loading.is_some() {
            return;
        }
        self.open_single = false;
        match self.library.articles().len() {
            1 => self.open_article(crate::library::ArticleId::at(0), None),
            0 => self.effects.push(super::Effect::Quit),
            _ => {}
        }
    }

    /// Puts the whole articles of files shown from their first part
    /// (`Library::add_prefix`) in their place, the reader keeping its place;
    /// true when the batch held nothing else.
    fn complete_prefixes(&mut self, batch: &mut crate::library::Batch) -> bool {
        let library = &self.library;
        let shown_from_prefix =
            |article: &crate::library::Article| library.find(&article.id).is_some_and(|at| library.is_prefix(at));
        if batch.articles.is_empty() || !batch.articles.iter().all(shown_from_prefix) {
            return false;
        }
        let page = self.reader_page();
        for article in std::mem::take(&mut batch.articles) {
            let Some(at) = std::sync::Arc::make_mut(&mut self.library).replace(article) else {
                continue;
            };
            if let Some(reader) = self.reader.as_mut().filter(|r| r.article == at) {
                reader.reload(&self.library[at].body, page);
            }
            self.notice_undecoded([at]);
            self.arrived(at);
            self.refresh_contents();
        }
        // Built from the prefix: built again from the whole text when next searched.
        self.search_index = None;
        self.library_changed();
        batch.problems.is_empty()
    }

    /// Every batch is in and the whole article of a file shown from its first
    /// part is not among them (`problem` says why): the first part is all
    /// there is. A place or jump waiting for the whole is cancelled, and the
    /// notice says so; later jumps go within the first part, and no reading
    /// position is saved from it (a place saved past it stays).
    fn whole_not_read(&mut self, problem: Option<crate::library::LoadProblem>) {
        let Some(at) = std::sync::Arc::make_mut(&mut self.library).give_up_whole() else {
            return;
        };
        self.refresh_contents();
        let cancelled = self.reader.as_ref().is_some_and(|r| r.article == at) && self.waiting.take().is_some();
        let title = self.library.get(at).map(|a| a.meta.title.clone()).unwrap_or_default();
        let why = problem.map(|p| p.message).unwrap_or_default();
        self.add_notice(Text::build(|lang| {
            let why = crate::text::Shown::field(why.get(lang)).to_string();
            let mut said = tr!(
                lang,
                en: "only the first part of 《{title}》 could be read ({why})",
                hans: "《{title}》只读入了开头部分（{why}）",
                hant: "《{title}》只讀入了開頭部分（{why}）",
            );
            if cancelled {
                said.push_str(&tr!(
                    lang,
                    en: "; the jump waiting for the whole text is cancelled",
                    hans: "；等待全文的跳转已取消",
                    hant: "；等待全文的跳轉已取消",
                ));
            }
            said
        }));
    }

    /// Adds a batch of articles. Whatever holds an article (the reader,
    /// search hits, the contents) holds its `ArticleId`, which the batch
    /// leaves as it was; only the lists' cursors, which are places in lists
    /// the batch grows, are put back on the category and article they were on.
    pub(super) fn add_articles(
        &mut self,
        mut batch: crate::library::Batch,
        index: crate::search::SearchIndex,
        keys: crate::store::identity::KeyBatch,
        merge: Option<Box<crate::library::Merge>>,
    ) {
        if self.complete_prefixes(&mut batch) {
            if let Some((loaded, total)) = self.loading {
                let loaded = loaded + batch.files;
                self.loading = (loaded < total).then_some((loaded, total));
            }
            return;
        }
        let selected_id = self.selected_article();
        let category = self
            .library
            .categories()
            .get(self.categories.selected)
            .map(|c| c.name.clone());
        let files = batch.files;
        let problem = batch.problems.first().cloned();
        // The batch's index joins the index of the articles there before;
        // if that is not built, the next search builds it whole.
        if self.search_index.is_none() && self.library.articles().is_empty() {
            self.search_index = Some(std::sync::Arc::default());
        }
        let library = std::sync::Arc::make_mut(&mut self.library);
        let added = match merge {
            Some(merge) => library.extend_prepared(batch, *merge),
            None => library.extend(batch),
        };
        self.notice_undecoded(added.iter().copied());
        // Made where the batch was read: no file system call here.
        self.keys.take(keys, &added);
        if let Some(search_index) = &mut self.search_index {
            std::sync::Arc::make_mut(search_index).append_batch(index);
        }
        self.attach_state();
        if let Some((loaded, total)) = self.loading {
            let loaded = loaded + files;
            self.loading = (loaded < total).then_some((loaded, total));
        }
        if self.loading.is_none() {
            self.whole_not_read(problem);
        }
        // Untouched lists stay at the top while articles arrive.
        let untouched = self.reader.is_none() && self.categories.selected == 0 && self.articles.selected == 0;
        let category = if untouched { None } else { category };
        let selected_id = if untouched { None } else { selected_id };
        let categories = self.library.categories();
        let category_index = category
            .and_then(|name| categories.iter().position(|c| c.name == name))
            .unwrap_or(0);
        self.categories.selected = category_index;
        if untouched {
            self.categories.offset = 0;
        }
        self.refresh_listing();
        self.articles.selected = selected_id.and_then(|id| self.list_position(id)).unwrap_or(0);
        // Results found before the batch may miss the articles it brought.
        self.library_changed();
        self.after_geometry_change();
        self.opened_single();
    }
}

impl App {
    /// Tells of the articles at `placed` whose files held places that did
    /// not decode (`present::undecoded_notice`): each, or how many when
    /// there are more than a banner can hold, the first of them named.
    pub(super) fn notice_undecoded(&mut self, placed: impl IntoIterator<Item = crate::library::ArticleId>) {
        let library = &self.library;
        // The first part of a file is told of when the whole arrives.
        let notices: Vec<crate::i18n::Text> = placed
            .into_iter()
            .filter(|&at| !library.is_prefix(at))
            .filter_map(|at| library.get(at))
            .filter_map(crate::present::undecoded_notice)
            .collect();
        if notices.len() <= MAX_UNDECODED_NOTICES {
            notices.into_iter().for_each(|notice| self.add_notice(notice));
            return;
        }
        let count = notices.len();
        let first = notices.into_iter().next().unwrap_or_default();
        self.add_notice(first.map(|lang, first| {
            crate::i18n::tr!(
                lang,
                en: "{count} files held bytes that could not be decoded, shown as \u{fffd}; the first: {first}",
                hans: "有 {count} 个文件含有无法解码的字节，显示为 \u{fffd}；第一个：{first}",
                hant: "有 {count} 個檔案含有無法解碼的位元組，顯示為 \u{fffd}；第一個：{first}",
            )
        }));
    }
}

/// More articles with bytes that did not decode than this are told of in one notice.
const MAX_UNDECODED_NOTICES: usize = 3;
