//! Starting the reader from the context: the collection opened (a small one
//! read now, a large one in background batches), the `App` built with the
//! settings of the configuration and the saved state, the theme chosen, and
//! the event loop run. The binary only calls `start::read`.

use crate::app::App;
use crate::context::{Context, Failure};
use crate::i18n::tr;
use crate::store::Store;
use crate::ui::theme::Theme;

use super::{Loading, Options};

/// Runs the full-screen reader on the context's collection until the user quits.
pub fn read(context: &Context) -> Result<(), Failure> {
    let config = context.config();
    let opening = context.open()?;
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::from_settings(&config.theme, no_color);
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = App::new(
        opening.library,
        config.keymap.clone(),
        context.settings(),
        width,
        height,
    );
    if !opening.batches.is_empty() {
        app.start_loading(opening.total);
    }
    app.set_pinyin_initials(config.search.pinyin_initials);
    app.set_script(config.reading.script.into());
    app.set_lang(context.lang());
    let store = context.places().data_dir.as_deref().map(|dir| {
        let (store, state, notices) = Store::open(dir);
        app.load_saved(state);
        for notice in notices {
            app.add_notice(notice.text());
        }
        store
    });
    let (mut batches, mut cache) = (opening.batches, opening.cache);
    if opening.single && reads_past_the_prefix(&app) {
        // The place to show lies past the first part of the file read so
        // far: the whole file is read now, as it is for smaller files.
        for batch in batches.drain(..) {
            let batch = crate::library::read_batch_cached(batch, cache.as_mut());
            app.handle(crate::app::Input::Loaded(batch, crate::search::SearchIndex::default()));
        }
        if let Some(cache) = cache.take() {
            let _ = cache.save();
        }
    }
    if opening.single && app.library().articles().len() == 1 {
        // As `less FILE`: straight into the text; the lists are one key away.
        app.open_article(0, None);
    }
    let options = Options {
        mouse: config.interface.mouse,
        detect_ambiguous_width: config.detects_ambiguous_width(),
    };
    let loading = Loading { batches, cache };
    let lang = context.lang();
    super::run(app, &theme, options, store, loading).map_err(|err| {
        Failure::Input(tr!(lang, en: "terminal error: {err}", hans: "终端出错：{err}", hant: "終端機出錯：{err}"))
    })
}

/// Text after a saved position that the first page needs.
const PAGE_BYTES: usize = 16 * 1024;

/// Whether the one article holds only the first part of its file and the
/// saved reading position lies past it (or too close to its end to fill a page).
fn reads_past_the_prefix(app: &App) -> bool {
    let library = app.library();
    let Some(article) = library.articles().first().filter(|_| library.is_prefix(0)) else {
        return false;
    };
    app.saved_position(0)
        .is_some_and(|p| p.offset + PAGE_BYTES > article.body.text.len())
}
