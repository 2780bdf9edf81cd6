//! End-to-end: the real binary in a pseudo-terminal.

use crate::support;

use support::Session;

#[test]
fn starts_on_the_categories_opens_an_article_and_quits_cleanly() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = Session::open(&[], 120, 35, home.path(), "教育管理");
    session.wait_for("营销管理");
    session.wait_for("医院管理");
    assert!(session.alternate_screen(), "the reader runs on the alternate screen");
    // The classical essays and poems come first; the management articles after.
    session.wait_for("陋室銘");
    session.send("j");
    session.send("j");
    session.send("j");
    session.send("l");
    session.send("l");
    session.wait_for("一个公司营销目标的实现受到众多内外部因素的制约与影");
    session.wait_for("营销管理 › 如何做好客户关系管理");
    session.quit();
}

/// The bundled collection at 60×20 (one pane at a time), its first article
/// opened with Enter, Enter.
fn first_article_at_60x20(home: &std::path::Path) -> Session {
    let mut session = Session::open(&[], 60, 20, home, "分类");
    session.send("j");
    session.send("j");
    session.send("\r");
    session.wait_for("教育管理  1 篇");
    session.send("\r");
    session.wait_for("作为老师，作为辅导员");
    session
}

#[test]
fn narrow_terminals_show_one_pane_and_go_back_with_esc() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = first_article_at_60x20(home.path());
    session.send("\x1b");
    session.wait_for("河北外国语学院");
    session.quit();
}

#[test]
fn a_panic_restores_the_terminal_and_prints_the_message() {
    let home = tempfile::tempdir().expect("tempdir");
    if !cfg!(debug_assertions) {
        return; // The fault switch exists only in debug builds.
    }
    let mut session = Session::start(&[], 80, 24, home.path(), &[("YUEDU_TEST_PANIC", "frame")]);
    let code = session.wait_exit();
    assert_ne!(code, 0);
    assert!(!session.alternate_screen(), "alternate screen left after the panic");
    assert!(!session.cursor_hidden(), "cursor shown after the panic");
    session.wait_for("test panic requested");
}

#[test]
fn sigterm_restores_the_terminal() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = Session::open(&[], 80, 24, home.path(), "分类");
    session.signal("TERM");
    session.wait_exit();
    assert!(!session.alternate_screen());
    assert!(!session.cursor_hidden());
}

#[test]
fn bookmarks_and_positions_survive_a_restart() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = Session::open(&[], 120, 35, home.path(), "分类");
    // Open 如何做好客户关系管理, scroll two pages, bookmark with a note.
    for key in ["j", "j", "j", "l", "l", " ", " "] {
        session.send(key);
    }
    session.wait_for("营销管理 › 如何做好客户关系管理");
    session.send("m");
    session.wait_for("书签备注");
    session.send("重点");
    session.send("\r");
    session.wait_for("已加书签");
    let top_line = session
        .screen()
        .lines()
        .nth(3)
        .map(str::trim)
        .map(str::to_string)
        .expect("a text line");
    session.send(" ");
    session.quit();

    let mut session = Session::open(&[], 120, 35, home.path(), "c 继续阅读：如何做好客户关系管理");
    session.send("B");
    session.wait_for("重点");
    session.send("\r");
    session.wait_for(&top_line);
    session.send("\x1b[D");
    session.send("h");
    session.send("c");
    session.wait_for("营销管理 › 如何做好客户关系管理");
    session.quit();
    assert!(home.path().join("data/yuedu/state.json").exists());
}

#[test]
fn search_as_you_type_opens_the_article_at_the_hit() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = Session::open(&[], 120, 35, home.path(), "分类");
    session.send("s");
    session.wait_for("搜索：");
    // Typed as one burst, the way an input method commits composed text.
    session.send("病案首页");
    session.wait_for("1 篇");
    session.wait_for("如何做好医院统计信息工作");
    session.send("\r");
    session.wait_for("医院管理 › 如何做好医院统计信息工作");
    session.wait_for("查找 1/");
    session.wait_for("病案首页填写质量");
    session.quit();
}

#[test]
fn escape_sequences_in_an_article_have_no_effect_on_the_terminal() {
    let home = tempfile::tempdir().expect("tempdir");
    let texts = home.path().join("texts");
    std::fs::create_dir_all(&texts).expect("mkdir");
    let hostile = "+++\ntitle = \"危险\\u001b]0;pwned\\u0007标题\"\n+++\n\
        开始\x1b[2J\x1b[H清屏\x1b]0;evil title\x07标题\x1b]52;c;cGF5bG9hZA==\x07剪贴板\x1b[?1049l屏幕\
        \x1b[31m颜色\x1b[0m\u{9b}2J\x1b[?25l光标\u{202e}反向 结束。\n";
    std::fs::write(texts.join("hostile.md"), hostile).expect("write");
    let dir = texts.to_string_lossy().to_string();
    let mut session = Session::open(&["--dir", &dir], 100, 30, home.path(), "危险标题");
    session.send("l");
    session.send("l");
    session.wait_for("开始清屏标题剪贴板屏幕颜色光标反向");
    assert!(
        session.alternate_screen(),
        "the article did not leave the alternate screen"
    );
    let output = session.output();
    assert!(
        !output.windows(2).any(|w| w == b"\x1b]"),
        "an OSC sequence reached the terminal"
    );
    {
        let effects = session.effects.lock().expect("effects");
        assert!(effects.titles.is_empty(), "the window title was changed");
        assert!(effects.clipboard.is_empty(), "the clipboard was written");
    }
    session.quit();
}

/// A novel of a few chapters, as a `.txt` file holds one.
fn write_novel(dir: &std::path::Path) -> std::path::PathBuf {
    let mut novel = String::new();
    for (number, name) in [("一", "风起"), ("二", "云涌"), ("三", "归途")] {
        novel.push_str(&format!("第{number}章 {name}\n"));
        novel.push_str(&format!("　　这是第{number}章的正文，写得很长。\n"));
        // Longer than a screen, so that each chapter can come to the top.
        novel.push_str(&"　　又一段。\n".repeat(40));
    }
    let path = dir.join("小说.txt");
    std::fs::write(&path, novel).expect("write the novel");
    path
}

#[test]
fn a_file_given_as_an_argument_opens_straight_in_the_reader() {
    let home = tempfile::tempdir().expect("tempdir");
    let novel = write_novel(home.path());
    let novel = novel.to_str().expect("utf-8 path");
    let mut session = Session::open(&[novel], 100, 30, home.path(), "这是第一章的正文");
    session.wait_for("小说 › 第一章 风起");
    // The next chapter, then the contents: filtered by typing, Enter jumps.
    session.send("}");
    session.wait_for("小说 › 第二章 云涌");
    session.send("t");
    session.wait_for("目录：");
    session.wait_for("▶ 第二章 云涌");
    session.send("归途");
    session.wait_for("1 条");
    session.send("\r");
    session.wait_for("小说 › 第三章 归途");
    session.quit();
}

#[test]
fn an_article_piped_on_standard_input_is_read_with_keys_from_the_terminal() {
    let home = tempfile::tempdir().expect("tempdir");
    let novel = write_novel(home.path());
    let script = format!("cat '{}' | \"$0\"", novel.display());
    let mut session = Session::start_shell(&script, 100, 30, home.path());
    session.wait_for("这是第一章的正文");
    session.quit();
}

#[test]
fn the_end_of_an_article_is_marked_and_space_goes_on_to_the_next() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = first_article_at_60x20(home.path());
    session.wait_for("如何做好学生管理工作");
    session.send("G");
    session.wait_for("— 完 —");
    session.wait_for("下一篇（Space）：如何做好客户关系管理");
    session.send(" ");
    session.wait_for("作者：admin");
    session.wait_for("营销管理 › 如何做好客户关系管理");
    session.quit();
}

#[test]
fn help_at_60x20_scrolls_to_its_end_and_q_closes_it_without_quitting() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = Session::open(&[], 60, 20, home.path(), "分类");
    session.send("?");
    session.wait_for("▼ 更多");
    assert!(!session.screen().contains('…'), "{}", session.screen());
    session.send("G");
    session.wait_for("q, Ctrl-c");
    session.wait_for("▲ 更多");
    assert!(!session.screen().contains("▼"), "at the end: {}", session.screen());
    session.send("q");
    session.wait_until("help closed", |s| !s.screen().contains("按键"));
    session.wait_for("分类");
    assert!(session.alternate_screen(), "q closed help; the reader still runs");
    session.quit();
}

#[test]
fn a_skipped_file_is_named_on_screen_and_again_on_stderr_at_exit() {
    let home = tempfile::tempdir().expect("tempdir");
    let dir = home.path().join("文集");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("甲.md"), "# 甲篇\n\n正文。").expect("write");
    std::fs::write(dir.join("乙.md"), "# 乙篇\n\n正文。").expect("write");
    std::fs::write(dir.join("空.md"), "").expect("write");
    let dir = dir.to_string_lossy().into_owned();
    let mut session = Session::open(&[&dir], 60, 20, home.path(), "有 1 个文件无法读取，已跳过");
    session.send("!");
    session.wait_for("空.md：空文件");
    session.send("q");
    session.wait_until("the notice dismissed", |s| !s.screen().contains("无法读取"));
    session.quit();
    session.wait_for("yuedu: 已跳过");
    session.wait_for("空.md：空文件");
    // Said after the alternate screen was left, where it stays.
    let output = session.output();
    let left = output
        .windows(8)
        .rposition(|w| w == b"\x1b[?1049l")
        .expect("left the alternate screen");
    let said = "空文件".as_bytes();
    let told = output.windows(said.len()).rposition(|w| w == said).expect("told");
    assert!(told > left, "the skipped file is reported after the screen is restored");
}

#[test]
fn standard_input_typed_at_the_terminal_says_it_is_read_until_ctrl_d() {
    let home = tempfile::tempdir().expect("tempdir");
    // Nothing piped: yuedu reads the terminal, and says so after a moment.
    let mut session = Session::start(&["show", "-"], 80, 24, home.path(), &[]);
    session.wait_for("正在读取标准输入…（Ctrl-D 结束）");
    session.send("静夜思\n\n床前明月光，疑是地上霜。\n");
    session.send("\x04");
    session.wait_for("疑是地上霜");
    assert_eq!(session.wait_exit(), 0);
    // Into the reader the same way.
    let mut session = Session::start(&["-"], 80, 24, home.path(), &[]);
    session.wait_for("正在读取标准输入");
    session.send("静夜思\n\n举头望明月，低头思故乡。\n\x04");
    session.wait_for("低头思故乡");
    session.quit();
}

#[test]
fn t_converts_the_lists_and_the_status_line_and_h_is_help_in_the_reader() {
    let home = tempfile::tempdir().expect("tempdir");
    let mut session = Session::open(&[], 120, 35, home.path(), "古文觀止");
    session.send("T");
    session.wait_for("古文观止");
    session.wait_for("唐诗");
    session.send("l");
    session.wait_for("陋室铭");
    session.send("\r");
    session.wait_for("古文观止 › 陋室铭");
    session.send("h");
    session.wait_for("按键");
    session.send("h");
    session.wait_until("the help closed", |s| !s.screen().contains("按键"));
    session.quit();
}
