//! Files, books and standard input named on the command line; `toc`; bookmarks found by their files.

use predicates::prelude::*;

use super::{yuedu, yuedu_at};

fn formats_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let novel = "第一章 风起\n正文一。\n第二章 云涌\n正文二。\n";
    std::fs::write(dir.path().join("小说.txt"), novel).expect("write");
    let page =
        "<html><head><title>春天</title><script>x()</script></head><body><nav>菜单</nav><p>盼望着。</p></body></html>";
    std::fs::write(dir.path().join("网页.html"), page).expect("write");
    std::fs::write(dir.path().join("坏书.epub"), b"PK\x03\x04 truncated").expect("write");
    dir
}

#[test]
fn files_and_folders_are_read_and_a_damaged_book_is_reported() {
    let dir = formats_folder();
    let novel = dir.path().join("小说.txt");
    yuedu()
        .arg("list")
        .arg(dir.path())
        .assert()
        .success()
        // 网 (wang) before 小 (xiao): names in pinyin order.
        .stdout("网页\t未分类\t春天\n小说\t未分类\t小说\n")
        .stderr(predicate::str::contains(
            "坏书.epub: not a readable EPUB: the zip archive is damaged or truncated",
        ));
    yuedu()
        .arg("--dir")
        .arg(&novel)
        .arg("list")
        .assert()
        .success()
        .stdout("小说\t未分类\t小说\n");
    yuedu()
        .arg("show")
        .arg(dir.path().join("网页.html"))
        .assert()
        .success()
        .stdout(predicate::str::contains("盼望着").and(predicate::str::contains("菜单").not()));
}

#[test]
fn toc_prints_the_chapters_of_a_file_or_an_id() {
    let dir = formats_folder();
    let expected = "1\t0\t第一章 风起\n1\t30\t第二章 云涌\n";
    yuedu()
        .arg("toc")
        .arg(dir.path().join("小说.txt"))
        .assert()
        .success()
        .stdout(expected);
    for id in ["小说", "小说.txt"] {
        yuedu()
            .arg("--dir")
            .arg(dir.path())
            .args(["toc", id])
            .assert()
            .success()
            .stdout(expected);
    }
    yuedu()
        .args(["toc", "-", "--json"])
        .write_stdin("第一章 风起\n正文。\n第二章 云涌\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"title\": \"第二章 云涌\""));
}

#[test]
fn show_reads_standard_input_and_refuses_empty_or_binary_input() {
    yuedu()
        .args(["show", "-", "--width", "40"])
        .write_stdin("# 标题\n\n正文。\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("　　正文。"));
    yuedu()
        .args(["show", "-"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input is empty"));
    yuedu()
        .args(["show", "-"])
        .write_stdin(&b"\x7fELF\0\0\0\x01"[..])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("standard input is binary"));
}

#[test]
fn a_wrong_path_says_which_and_why() {
    yuedu()
        .arg("/nonexistent/书.epub")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("/nonexistent/书.epub does not exist"));
    yuedu()
        .args(["show", "nope.epub"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("nope.epub does not exist"));
    yuedu()
        .args(["show", "yingxiao/kehu-guanxi-guanli.md"])
        .assert()
        .success();
}

#[cfg(unix)]
#[test]
fn show_and_toc_of_what_is_not_a_file_say_what_it_is() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("古文");
    std::fs::create_dir(&folder).expect("mkdir");
    std::fs::write(folder.join("a.md"), "正文。").expect("write");
    let fifo = dir.path().join("管道");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .expect("mkfifo")
            .success()
    );
    let socket = dir.path().join("sock");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).expect("socket");
    let folder_said = format!(
        "{} is a folder: `yuedu {} list` lists its articles",
        folder.display(),
        folder.display()
    );
    let cases = [
        (folder.as_path(), folder_said.as_str()),
        (fifo.as_path(), "is a named pipe (FIFO), not a file of articles"),
        (socket.as_path(), "is a socket, not a file of articles"),
        (
            std::path::Path::new("/dev/urandom"),
            "/dev/urandom is a device, not a file of articles",
        ),
    ];
    for (path, said) in cases {
        for command in ["show", "toc"] {
            yuedu()
                .arg(command)
                .arg(path)
                .timeout(std::time::Duration::from_secs(20))
                .assert()
                .code(2)
                .stderr(predicate::str::contains(said).and(predicate::str::contains("does not exist").not()));
        }
    }
    // Named as the collection to read: the same words.
    yuedu()
        .arg(&fifo)
        .arg("list")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "is a named pipe (FIFO), not a file or folder of articles",
        ));
}

#[test]
fn bookmarks_without_paths_find_the_files_they_were_saved_for() {
    let home = tempfile::tempdir().expect("tempdir");
    let data = home.path().join("data/yuedu");
    std::fs::create_dir_all(&data).expect("mkdir");
    let file = home.path().join("岳阳楼记.md");
    std::fs::write(
        &file,
        "# 岳阳楼记\n\n庆历四年春，滕子京谪守巴陵郡。越明年，政通人和。\n",
    )
    .expect("write");
    let key = std::fs::canonicalize(&file).expect("real path");
    let gone = home.path().join("gone.md");
    let state = serde_json::json!({
        "version": 2,
        "positions": {},
        "bookmarks": [
            {"id": 1, "article": key, "offset": 0, "snippet": "庆历四年春", "created": "2026-11-27T02:30:00Z", "note": ""},
            {"id": 2, "article": gone, "offset": 0, "snippet": "不在了", "created": "2026-11-27T01:30:00Z", "note": ""}
        ]
    });
    std::fs::write(data.join("state.json"), state.to_string()).expect("write");
    let output = yuedu_at(home.path()).arg("bookmarks").output().expect("runs");
    assert!(output.status.success());
    let lines = String::from_utf8(output.stdout).expect("utf-8");
    let lines: Vec<&str> = lines.lines().collect();
    assert!(lines[0].contains("\t岳阳楼记\t\t庆历四年春\t0%"), "{lines:?}");
    assert!(lines[1].contains("\t(unattached)\t"), "{lines:?}");
    let output = yuedu_at(home.path())
        .args(["bookmarks", "--json"])
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json[0]["title"], "岳阳楼记");
    assert_eq!(json[0]["missing"], false);
}
