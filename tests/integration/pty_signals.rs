//! End-to-end: signals, suspension and panics of background workers, with
//! the real binary in a pseudo-terminal.

#![cfg(unix)]

use crate::support;

use support::Session;

use support::{open_an_article, state, stopped};

fn ends_cleanly_on(signal: &str) {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = open_an_article(home.path());
    assert!(session.raw_mode() && session.mouse_reporting());
    session.signal(signal);
    session.wait_exit();
    session.assert_restored();
    assert!(
        state(home.path()).contains("yingxiao/kehu-guanxi-guanli"),
        "the position was saved on SIG{signal}"
    );
}

#[test]
fn sigint_restores_the_terminal_and_saves() {
    ends_cleanly_on("INT");
}

#[test]
fn sigquit_restores_the_terminal_and_saves() {
    ends_cleanly_on("QUIT");
}

#[test]
fn sighup_restores_the_terminal_and_saves() {
    ends_cleanly_on("HUP");
}

#[test]
fn sigterm_with_the_note_prompt_open_keeps_the_bookmark_and_its_note() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = open_an_article(home.path());
    session.send("m");
    session.wait_for("书签备注");
    session.send("半句备注");
    session.wait_for("半句备注");
    session.signal("TERM");
    session.wait_exit();
    session.assert_restored();
    assert!(state(home.path()).contains("半句备注"), "{}", state(home.path()));
}

#[test]
fn sigtstp_suspends_with_the_terminal_restored_and_sigcont_redraws() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = open_an_article(home.path());
    session.signal("TSTP");
    // Stopped, and all it wrote before stopping read: the terminal is as restored as it will be.
    session.wait_until("the reader stopped", |s| !s.alternate_screen() && stopped(s.pid()));
    session.assert_restored();
    session.signal("CONT");
    session.wait_until("the alternate screen again", Session::alternate_screen);
    session.wait_for("营销管理 › 如何做好客户关系管理");
    assert!(session.raw_mode() && session.cursor_hidden());
    // Keys arrive again.
    session.send("?");
    session.wait_for("帮助");
    session.send("q");
    session.quit();
}

#[test]
fn ctrl_z_suspends_and_the_reader_comes_back_on_sigcont() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = open_an_article(home.path());
    session.send("\x1a");
    session.wait_until("the reader stopped", |s| !s.alternate_screen() && stopped(s.pid()));
    session.assert_restored();
    session.signal("CONT");
    session.wait_until("the alternate screen again", Session::alternate_screen);
    session.wait_for("营销管理 › 如何做好客户关系管理");
    session.quit();
}

#[test]
fn a_worker_panic_while_loading_skips_the_file_and_the_reader_goes_on() {
    if !cfg!(debug_assertions) {
        return; // The fault switch exists only in debug builds.
    }
    let home = tempfile::tempdir().expect("tempdir");
    let texts = home.path().join("texts");
    std::fs::create_dir_all(&texts).expect("mkdir");
    // More files than the reader reads before its first frame: they load in the background.
    for n in 0..2_100 {
        let text = format!("+++\ntitle = \"诗{n:04}\"\n+++\n独句{n:04}在此。\n");
        std::fs::write(texts.join(format!("p{n:04}.md")), text).expect("write");
    }
    let bad = texts.join("p0100.md");
    let fault = format!("parse:{}", bad.display());
    let dir = texts.to_string_lossy().to_string();
    let mut session = Session::open_with(
        &["--dir", &dir],
        100,
        30,
        home.path(),
        &[("YUEDU_TEST_PANIC", &fault)],
        "有 1 个文件无法读取",
    );
    assert!(session.alternate_screen(), "still on the alternate screen");
    assert!(session.raw_mode(), "still in raw mode");
    // Keys still arrive and the loaded articles are all there.
    session.send("s");
    session.wait_for("搜索：");
    session.send("独句2099");
    session.wait_for("诗2099");
    session.send("\x1b");
    session.quit();
    let output = String::from_utf8_lossy(&session.output()).to_string();
    assert!(!output.contains("panicked"), "a panic message reached the screen");
}

#[test]
fn the_position_survives_sigkill_a_moment_after_paging() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = open_an_article(home.path());
    session.send(" ");
    session.send(" ");
    let top_line = session
        .screen()
        .lines()
        .nth(3)
        .map(str::trim)
        .map(str::to_string)
        .expect("a line");
    // Reading stops; the position is saved a short while later, without leaving the article.
    session.wait_until("the position saved", |_| {
        state(home.path()).contains("yingxiao/kehu-guanxi-guanli")
    });
    session.signal("KILL");
    session.wait_exit();

    let mut session = Session::open(&[], 120, 35, home.path(), "c 继续阅读：如何做好客户关系管理");
    session.send("c");
    session.wait_for("营销管理 › 如何做好客户关系管理");
    session.wait_for(&top_line);
    session.quit();
}

#[test]
fn resizing_back_and_forth_keeps_the_top_line_and_the_saved_position_in_a_pty() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = Session::open(&[], 80, 30, home.path(), "分类");
    // Narrow: one pane at a time.
    for key in ["j", "j", "j", "\r", "\r", " ", " ", "j", "j"] {
        session.send(key);
    }
    session.wait_for("营销管理 › 如何做好客户关系管理");
    // The text shown, without the status line (its figures may differ).
    let top = |s: &Session| {
        let screen = s.screen();
        let lines: Vec<&str> = screen
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.contains("› 如何做好"))
            .collect();
        lines.join("\n")
    };
    let first = top(&session);
    for _ in 0..4 {
        session.resize(60, 30);
        session.settle();
        session.resize(80, 30);
        session.settle();
    }
    assert_eq!(top(&session), first, "the same text on screen after the resizes");
    session.quit();
    // And the saved position is the one read, not one moved by the resizes.
    let mut session = Session::open(&[], 80, 30, home.path(), "继续阅读");
    session.send("c");
    session.wait_for("营销管理 › 如何做好客户关系管理");
    session.settle();
    // Reopened with the text read on top (a blank line above it may go).
    let text_lines = |shown: &str| {
        shown
            .lines()
            .filter(|l| !l.is_empty())
            .take(8)
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(
        text_lines(&top(&session)),
        text_lines(&first),
        "the same text on screen after a restart"
    );
    session.quit();
}
