//! Starting the reader from the context: the collection opened (a small one
//! read now, a large one in background batches), the `App` built with the
//! settings of the configuration and the saved state, the theme chosen, and
//! the event loop run. The binary only calls `start::read`.

use crate::app::App;
use crate::context::{Context, Failure};
use crate::i18n::tr;
use crate::library::Library;
use crate::store::Store;
use crate::ui::theme::Theme;

use super::{Loading, Options};

/// The reader's state and theme as the configuration and the language make
/// them, on `library` for a `width`×`height` window, before any saved state.
pub fn reader_app(context: &Context, library: Library, width: u16, height: u16) -> (App, Theme) {
    let config = context.config();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let theme = Theme::from_settings(&config.theme, no_color);
    let mut app = App::new(library, config.keymap.clone(), context.settings(), width, height);
    app.set_pinyin_initials(config.search.pinyin_initials);
    app.set_script(config.reading.script.into());
    app.set_lang(context.lang());
    (app, theme)
}

/// Runs the full-screen reader on the context's collection until the user quits.
pub fn read(context: &Context) -> Result<(), Failure> {
    let config = context.config();
    let opening = context.open()?;
    let (width, height) = ratatui::crossterm::terminal::size().unwrap_or((80, 24));
    let (mut app, theme) = reader_app(context, opening.library, width, height);
    if !opening.batches.is_empty() {
        app.start_loading(opening.total);
    }
    let store = context.places().data_dir.as_deref().map(|dir| {
        let (store, state, notices) = Store::open(dir);
        app.load_saved(state);
        for notice in notices {
            app.add_notice(notice.text());
        }
        store
    });
    if opening.single {
        // A place saved past the first part of a large file is shown when
        // the whole arrives from the background (`App::open_article` waits
        // for it), so no file is parsed before the first frame.
        app.open_single();
    }
    let options = Options {
        mouse: config.interface.mouse,
        detect_ambiguous_width: config.detects_ambiguous_width(),
    };
    let loading = Loading {
        batches: opening.batches,
        cache: opening.cache,
    };
    let lang = context.lang();
    super::run(&mut app, &theme, options, store, loading).map_err(|err| {
        Failure::Input(tr!(lang, en: "terminal error: {err}", hans: "终端出错：{err}", hant: "終端機出錯：{err}"))
    })?;
    let library = app.library();
    if library.articles().is_empty() && app.is_loaded() && !context.sources().is_empty() {
        // Nothing named could be read (found while the reader ran): said
        // in one sentence, as before the reader starts.
        let none = crate::library::LibraryError::NoneReadable(context.sources().to_vec(), library.problems().to_vec());
        return Err(context.input_error(&none.text()));
    }
    crate::context::report(library.problems(), lang);
    Ok(())
}
