//! The configuration through the real binary: invalid files, `yuedu config`,
//! and a remapped key end to end in a pseudo-terminal.

use crate::support;

use predicates::prelude::*;
use support::yuedu;

#[test]
fn every_invalid_fixture_gives_its_message_and_status_two() {
    let home = tempfile::tempdir().expect("tempdir");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/config-invalid");
    let mut checked = 0;
    for entry in std::fs::read_dir(&fixtures).expect("fixtures") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let expected = text
            .lines()
            .next()
            .and_then(|l| l.strip_prefix("# expect: "))
            .expect("an expect line");
        let expected = format!("yuedu: {}, {}", path.display(), expected.trim_end());
        let output = yuedu(home.path())
            .arg("--config")
            .arg(&path)
            .arg("list")
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(2), "{}", path.display());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with(&expected),
            "{}:\n expected {expected}\n got {stderr}",
            path.display()
        );
        assert_eq!(stderr.lines().count(), 1, "one sentence: {stderr}");
        assert!(
            !stderr.trim_end().chars().any(char::is_control),
            "no control character reaches the terminal: {stderr:?}"
        );
        assert!(output.stdout.is_empty(), "nothing runs with a broken configuration");
        checked += 1;
    }
    assert!(checked >= 20);
}

#[test]
fn the_platform_config_file_is_read() {
    let home = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(home.path().join("config/yuedu")).expect("mkdir");
    std::fs::write(home.path().join("config/yuedu/config.toml"), "[reading]\nindent = 1\n").expect("write");
    yuedu(home.path())
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("config/yuedu/config.toml, line 2"));
}

#[test]
fn config_prints_places_defaults_and_keys() {
    let home = tempfile::tempdir().expect("tempdir");
    yuedu(home.path())
        .arg("config")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "config/yuedu/config.toml  (not present: built-in defaults)",
        ))
        .stdout(predicate::str::contains("data/yuedu"))
        .stdout(predicate::str::contains("collections\tbundled"));
    yuedu(home.path())
        .args(["config", "--default"])
        .assert()
        .success()
        .stdout(yuedu::config::DEFAULT_TOML);
    yuedu(home.path())
        .args(["config", "--keys"])
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"keys\s+\tCtrl-d\s+\thalf_page_down").expect("regex"));
}

#[test]
fn library_paths_add_folders_beside_the_bundled_collection() {
    let home = tempfile::tempdir().expect("tempdir");
    let texts = home.path().join("texts/随笔");
    std::fs::create_dir_all(&texts).expect("mkdir");
    std::fs::write(texts.join("春.md"), "+++\ntitle = \"春\"\n+++\n盼望着。").expect("write");
    std::fs::create_dir_all(home.path().join("config/yuedu")).expect("mkdir");
    std::fs::write(
        home.path().join("config/yuedu/config.toml"),
        "[library]\npaths = [\"~/texts\", \"~/missing\"]\n",
    )
    .expect("write");
    yuedu(home.path())
        .arg("list")
        .assert()
        .success()
        .stdout(
            predicate::str::contains("yingxiao/kehu-guanxi-guanli").and(predicate::str::contains("随笔/春\t随笔\t春")),
        )
        .stderr(predicate::str::contains("missing"));
}

#[test]
fn a_remapped_key_works_in_the_reader() {
    let home = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir_all(home.path().join("config/yuedu")).expect("mkdir");
    // "x" quits; "q" (taken from quit) opens the help.
    std::fs::write(
        home.path().join("config/yuedu/config.toml"),
        "[keys]\nquit = [\"x\"]\nhelp = [\"q\"]\n",
    )
    .expect("write");
    let mut session = support::Session::open(&[], 100, 30, home.path(), "分类");
    session.send("q");
    session.wait_for("按键");
    // quit is the last entry: at the end of the help.
    session.send("G");
    session.wait_for("x  ");
    session.send("\x1b");
    session.send("x");
    assert_eq!(session.wait_exit(), 0);
}
