//! The terminal front end: set-up and restore, the input threads and the
//! event loop. Thin by design: translate terminal events into `Input`, let
//! `App` decide, carry out its effects, draw what is pending, repeat.
//!
//! # Design
//!
//! `start::read`, all the binary calls for the reader: the collection opened through the context
//! (the one file named opened when it is in, the skipped files reported once the screen is
//! restored, or nothing readable said as the CLI says it), the `App` built from the configuration
//! and the saved state (`Store::open`, its notices told on screen), the theme chosen, the loop run;
//! terminal set-up, restore and suspension (`terminal`), the screen (`screen`: ratatui's `Terminal`
//! replaced: each frame compared whole with the one shown and written as runs of cells, with no
//! cursor move after a character whose width every terminal agrees on — Han, kana, hangul,
//! full-width forms, ASCII; ambiguous ones once the terminal has said how it draws them — and a
//! move after any other; the first frame goes out with the question about ambiguous characters,
//! whose answer `input` reads and never waits for), input and signal threads (`input`), the writer
//! thread that saves state (`writer`: changes that failed to save are kept and written by the next
//! save that succeeds — a new change, a retry after 3 s, or the last try on quitting — and the
//! failure notice is withdrawn once they are on disk), the loader thread (`loader`), the worker
//! thread that does the app's jobs (`workers`: searching and finding as a query is typed, the
//! search index built; the latest job of each kind kept, its result sent back as an input), the
//! event loop. The terminal is restored
//! when the UI thread's panic unwinds out of `run` or on SIGINT/SIGQUIT/SIGTERM/SIGHUP; a terminal
//! that fails (closed, hung up: an I/O error reading keys, drawing or resuming) ends the loop as a
//! signal does, saving first (`App::terminate`, the writer finished) and only then restoring what
//! it can, errors ignored, and nothing written to stderr can fail the exit; a panic on another
//! thread never touches the screen. After a normal exit, once the screen is restored, `run` repeats
//! the notices shown and the skipped files on stderr
//!
//! # How an event becomes a frame
//!
//! 1. `tui::input` has two threads: one blocks in `crossterm::event::read`, one waits for signals;
//!    for a large collection `loader` reads article batches (`Input::Loaded`, which carries the
//!    batch's search index and its place in the library, worked out on that thread from the library
//!    the loop hands back after each merge, so the UI thread only appends it) through the article cache (each file parsed as
//!    its own `parallel` task, so a parser panic skips only that file; after each batch is merged
//!    `memory::Releaser` gives what loading freed back to the system on a thread of its own), and
//!    saves the cache when done; the writer thread reports each save (`Message::Saved`), the
//!    worker each job done (`Input::Done`). All send messages on one
//!    channel; key presses (not releases), resizes and mouse events become `app::Input`; `Ctrl-z`
//!    and SIGTSTP suspend, SIGCONT takes the terminal back and redraws everything.
//! 2. The event loop blocks on that channel (no polling: idle costs no CPU), takes every message
//!    already waiting, passes each input to `App::handle` (of a burst of resizes only the last),
//!    and acts on the returned effects: `Effect::Save(change)` goes to the writer thread, which
//!    saves all waiting changes in one write (its merged state comes back into `App::saved` once no
//!    change is in flight), `Effect::Work(job)` goes to the worker, `Effect::Quit` ends the loop
//!    after the writer has finished; a batch that arrives while a job runs waits for its result
//!    (the job holds the library the batch changes). Two seconds
//!    after the last key, wheel, click or resize the loop calls `App::checkpoint`, which saves the
//!    reading position if it moved. A termination signal runs `App::terminate` (a bookmark note
//!    being typed is kept, then `quit`). Messages that change nothing (key releases) draw nothing;
//!    otherwise one frame is drawn per drained batch, inside a synchronized update.
//! 3. `App::handle` resolves keys through the `Keymap` (chords wait in `App::pending`) into a
//!    `Command` and updates the state. Anything that changes the reader's page (resize, focus,
//!    focus mode) re-lays out the article here and shows its anchor, the reader's place, which only
//!    the reader's moves change: clamping the page to the article's ends for display never moves or
//!    saves it.
//! 4. `ui::render(&App, &Theme, &mut Buffer)` draws the frame; `tui::screen` sends the difference
//!    to the terminal.

mod input;
mod loader;
mod screen;
mod start;
mod terminal;
mod workers;
mod writer;

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

use std::io::Result;

use crate::app::{App, Effect, Input};
use crate::library::{ArticleCache, Candidate};
use crate::store::Store;
use crate::ui::theme::Theme;
use input::Message;
pub use screen::palette_index;
pub use start::{read, reader_app};
use writer::Writer;

/// How to set the terminal up.
#[derive(Clone, Copy, Debug)]
struct Options {
    mouse: bool,
    /// Ask the terminal how wide it draws ambiguous characters.
    detect_ambiguous_width: bool,
}

/// Article files still to read when the reader starts: a thread reads them
/// while the reader already runs, through the article cache if there is one.
struct Loading {
    batches: Vec<Vec<Candidate>>,
    cache: Option<ArticleCache>,
}

/// Runs the full-screen reader until the user quits. Changes to bookmarks and
/// positions go to `store` as they happen, saved on a writer thread.
/// The notices told on screen are said again on stderr once it is restored
/// (the skipped files are the caller's to report).
fn run(app: &mut App, theme: &Theme, options: Options, store: Option<Store>, loading: Loading) -> Result<()> {
    // Caught before the terminal is taken, so none finds it in raw mode with
    // its default action (a stop or an end that leaves it so); they wait
    // for the thread that hands them over, which starts after the first frame.
    let signals = input::catch_signals()?;
    let mut terminal = terminal::enter(options.mouse)?;
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        event_loop(&mut terminal, app, theme, store, loading, options, signals)
    }));
    terminal::leave();
    match outcome {
        Ok(result) => {
            // What was told on screen is said again where it stays.
            for notice in app.exit_notices() {
                crate::context::warn(notice);
            }
            result
        }
        // The UI thread itself failed: the process is going down. Say why,
        // now that the normal screen is back.
        Err(payload) => {
            if let Some(message) = terminal::take_panic_message() {
                crate::context::warn(message);
            }
            resume_unwind(payload)
        }
    }
}

/// What carries out the app's effects and the work that follows a message,
/// each on a thread of its own.
struct Runtime {
    /// Saves state.
    writer: Writer,
    /// Gives the memory loading freed back to the system.
    releaser: crate::memory::Releaser,
    /// Does the app's jobs (searching, finding).
    jobs: workers::Jobs,
    /// Batches held back while a job holds the library (`workers`).
    held: Vec<Input>,
    /// Told of each batch merged, while batches are read (`loader`).
    loader: Option<loader::Loader>,
}

/// How long after the last key, wheel, click or resize the reading position
/// is saved.
const CHECKPOINT_AFTER: Duration = Duration::from_secs(2);

/// What the event loop does after a message.
enum Flow {
    Draw,
    Nothing,
    Quit,
}

fn event_loop(
    terminal: &mut terminal::Tui,
    app: &mut App,
    theme: &Theme,
    store: Option<Store>,
    loading: Loading,
    options: Options,
    signals: signal_hook::iterator::Signals,
) -> Result<()> {
    let (sender, receiver) = mpsc::channel();
    // The size the screen was just made at: the terminal is not asked again.
    let size = terminal.known_size();
    // Its effects include attaching saved state to the loaded articles.
    let effects = app.handle(Input::Resize {
        width: size.width,
        height: size.height,
    });
    // The first frame at once, with the question of how wide the terminal
    // draws ambiguous characters: its answer comes on the input when it
    // comes, and changes the frame only if they are wide.
    if options.detect_ambiguous_width {
        terminal.ask_ambiguous_width();
    }
    let drawn = draw(terminal, app, theme);
    // The threads that hand signals over, save, do jobs and give memory
    // back start once the first frame is out, and then the effects that led
    // to it are carried out: none of them changes what it shows.
    input::spawn_signal_listener(signals, sender.clone());
    let mut runtime = Runtime {
        writer: Writer::spawn(store, sender.clone()),
        releaser: crate::memory::Releaser::spawn(),
        jobs: workers::Jobs::spawn(sender.clone()),
        held: Vec::new(),
        loader: None,
    };
    carry_out(app, effects, &mut runtime);
    let result = drawn.and_then(|()| {
        input::spawn_terminal_reader(sender.clone(), options.detect_ambiguous_width);
        // Read the rest once the first frame is out: it takes every core.
        if !loading.batches.is_empty() {
            runtime.loader = Some(loader::spawn(loading, sender, &app.library));
        }
        run_loop(terminal, app, theme, &receiver, &mut runtime)
    });
    if result.is_err() {
        // The terminal failed (closed, hung up, gone): saving does not
        // depend on it. What a signal would save is saved first — the note
        // being typed, the place — and only then is the terminal touched
        // again, to restore it as far as it still can be.
        let effects = app.terminate();
        carry_out(app, effects, &mut runtime);
    }
    // Whatever was saved on the way out is on disk before the process ends.
    runtime.writer.finish(app);
    result
}

fn run_loop(
    terminal: &mut terminal::Tui,
    app: &mut App,
    theme: &Theme,
    receiver: &Receiver<Message>,
    runtime: &mut Runtime,
) -> Result<()> {
    // `event_loop` drew the first frame.
    let mut pending_frame = false;
    let mut checkpoint: Option<Instant> = None;
    loop {
        if pending_frame {
            draw(terminal, app, theme)?;
            pending_frame = false;
        }
        // While the open article is not laid out whole, lay out a slice of
        // it whenever no input waits; once it is, the line count shows.
        if app.has_idle_work() {
            match receiver.try_recv() {
                Ok(message) => match handle_batch(terminal, app, message, receiver, runtime, &mut checkpoint)? {
                    Flow::Draw => pending_frame = true,
                    Flow::Nothing => {}
                    Flow::Quit => return Ok(()),
                },
                Err(TryRecvError::Empty) => pending_frame = !app.lay_out_idle(),
                Err(TryRecvError::Disconnected) => return Ok(()),
            }
            continue;
        }
        // Block until something happens or the position is due to be saved:
        // no polling, no redraw while idle.
        let first = match checkpoint {
            None => receiver.recv().ok(),
            Some(due) => match receiver.recv_timeout(due.saturating_duration_since(Instant::now())) {
                Ok(message) => Some(message),
                Err(RecvTimeoutError::Timeout) => {
                    checkpoint = None;
                    let effects = app.checkpoint();
                    carry_out(app, effects, runtime);
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => None,
            },
        };
        let Some(first) = first else {
            return Ok(());
        };
        match handle_batch(terminal, app, first, receiver, runtime, &mut checkpoint)? {
            Flow::Draw => pending_frame = true,
            Flow::Nothing => {}
            Flow::Quit => return Ok(()),
        }
    }
}

/// Handles `first` and everything already waiting after it, before drawing
/// once; of a burst of resizes only the last size is laid out.
fn handle_batch(
    terminal: &mut terminal::Tui,
    app: &mut App,
    first: Message,
    receiver: &Receiver<Message>,
    runtime: &mut Runtime,
    checkpoint: &mut Option<Instant>,
) -> Result<Flow> {
    let mut flow = Flow::Nothing;
    let mut resize = None;
    for message in std::iter::once(first).chain(receiver.try_iter()) {
        if matches!(
            message,
            Message::Input(Input::Key(_) | Input::Wheel { .. } | Input::Click { .. } | Input::Resize { .. })
        ) {
            *checkpoint = Some(Instant::now() + CHECKPOINT_AFTER);
        }
        if let Message::Input(input @ Input::Resize { .. }) = message {
            // Even back at the size last drawn at, the window may hold parts
            // of frames written while it had another size.
            terminal.forget_shown();
            resize = Some(input);
            continue;
        }
        if matches!(message, Message::Input(_))
            && let Some(input) = resize.take()
        {
            apply(app, input, runtime);
        }
        match step(terminal, app, message, runtime)? {
            Flow::Draw => flow = Flow::Draw,
            Flow::Nothing => {}
            Flow::Quit => return Ok(Flow::Quit),
        }
    }
    if let Some(input) = resize {
        apply(app, input, runtime);
        flow = Flow::Draw;
    }
    Ok(flow)
}

fn step(terminal: &mut terminal::Tui, app: &mut App, message: Message, runtime: &mut Runtime) -> Result<Flow> {
    let effects = match message {
        Message::Input(input) => {
            let quit = take_input(app, input, runtime);
            return Ok(if quit { Flow::Quit } else { Flow::Draw });
        }
        Message::Ignored => return Ok(Flow::Nothing),
        Message::Saved(report) => {
            runtime.writer.reported(app, report);
            return Ok(Flow::Draw);
        }
        Message::Suspend => {
            terminal::suspend();
            *terminal = terminal::resume(terminal.ambiguous())?;
            return Ok(Flow::Draw);
        }
        Message::Continued => {
            // Stopped from outside (SIGSTOP): the screen may hold anything now.
            *terminal = terminal::resume(terminal.ambiguous())?;
            return Ok(Flow::Draw);
        }
        Message::AmbiguousWidth(answer) => {
            terminal.set_ambiguous(answer);
            return Ok(match answer {
                Some(width) if width != app.settings.ambiguous => {
                    app.set_ambiguous_width(width);
                    Flow::Draw
                }
                _ => Flow::Nothing,
            });
        }
        // Finish what Enter would, then quit as if the user asked, so
        // nothing being written and no reading position is lost.
        Message::Terminate => app.terminate(),
        Message::Failed(err) => return Err(err),
    };
    Ok(if carry_out(app, effects, runtime) {
        Flow::Quit
    } else {
        Flow::Draw
    })
}

/// Hands an input from the input, loader or worker threads to the app;
/// true to quit. A batch waits while a job holds the library, and is merged
/// once the job's result is in (see `workers`).
fn take_input(app: &mut App, input: Input, runtime: &mut Runtime) -> bool {
    match input {
        Input::Loaded(..) => {
            // No job starts from now until the batches are in; one running
            // now is let finish first.
            runtime.jobs.pause(true);
            runtime.held.push(input);
            if runtime.jobs.is_running() {
                return false;
            }
            merge_held(app, runtime)
        }
        Input::Done(..) => {
            let quit = apply(app, input, runtime);
            if runtime.held.is_empty() || runtime.jobs.is_running() {
                return quit;
            }
            merge_held(app, runtime) || quit
        }
        input => apply(app, input, runtime),
    }
}

/// Merges the batches held in while no job holds the library (the worker
/// is paused): the jobs they make wait until the last is in, and those
/// made void by the next are dropped.
fn merge_held(app: &mut App, runtime: &mut Runtime) -> bool {
    let mut quit = false;
    for batch in std::mem::take(&mut runtime.held) {
        runtime.jobs.drop_waiting();
        quit |= apply(app, batch, runtime);
        if let Some(loader) = &runtime.loader {
            loader.merged(&app.library);
        }
    }
    runtime.jobs.pause(false);
    // What reading and merging the batches went through is freed, on a
    // thread of its own: trimming takes more than a frame.
    runtime.releaser.request();
    quit
}

/// Hands one input to the app and carries out its effects; true to quit.
fn apply(app: &mut App, input: Input, runtime: &mut Runtime) -> bool {
    let effects = app.handle(input);
    carry_out(app, effects, runtime)
}

fn carry_out(app: &mut App, effects: Vec<Effect>, runtime: &mut Runtime) -> bool {
    let mut quit = false;
    for effect in effects {
        match effect {
            Effect::Save(change) => runtime.writer.save(app, change),
            Effect::Work(job) => runtime.jobs.submit(job),
            Effect::Quit => quit = true,
        }
    }
    quit
}

fn draw(terminal: &mut terminal::Tui, app: &App, theme: &Theme) -> std::io::Result<()> {
    terminal.draw(|buf| crate::ui::render(app, theme, buf))?;
    crate::fault::inject("frame", "");
    Ok(())
}
