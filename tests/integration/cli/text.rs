//! The text as its author wrote it, through `show`: a downloaded novel's
//! paragraphs, files with bytes that do not decode, a page whose declared
//! charset is wrong, standard input's title.

use std::path::{Path, PathBuf};

use super::yuedu;

/// The body `show` prints: the lines after the title, metadata and blank line.
fn shown_body(stdout: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(stdout);
    text.lines()
        .skip_while(|l| !l.is_empty())
        .skip(1)
        .map(str::to_string)
        .collect()
}

fn fixture(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

#[test]
fn a_poem_piped_in_is_titled_by_its_first_line_which_its_body_does_not_repeat() {
    let out = yuedu()
        .args(["show", "-", "--width", "40"])
        .write_stdin("静夜思\n李白\n床前明月光，疑是地上霜。\n举头望明月，低头思故乡。\n")
        .output()
        .expect("runs");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("静夜思\n"), "{text}");
    let body = shown_body(&out.stdout);
    assert!(body.iter().all(|l| !l.contains("静夜思")), "{text}");
    assert!(body.iter().any(|l| l.contains("李白")), "{text}");
    assert!(body.iter().any(|l| l.contains("床前明月光")), "{text}");
}

/// A novel as downloaded, in GB18030: one paragraph a line, indented, blank
/// lines only around the chapters; every paragraph starts a line of its own.
#[test]
fn show_keeps_every_paragraph_of_a_gb18030_novel() {
    let mut novel = String::from("古文观止·卷三\r\n作者：佚名\r\n\r\n");
    for chapter in ["第一章 风起", "第二章 云涌", "第三章 归来"] {
        novel.push_str(&format!("{chapter}\r\n\r\n"));
        for p in 0..8 {
            let words = "他说：“走吧，天快黑了。”".repeat(1 + p % 4);
            novel.push_str(&format!("　　第{p}段。{words}\r\n"));
        }
        novel.push_str("\r\n");
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("小说.txt");
    std::fs::write(&path, encoding_rs::GB18030.encode(&novel).0).expect("write");
    for source in [Some(&path), None] {
        let mut cmd = yuedu();
        match source {
            Some(path) => cmd.arg("show").arg(path),
            None => cmd.args(["show", "-"]).write_stdin(std::fs::read(&path).expect("read")),
        };
        let out = cmd.args(["--width", "60"]).output().expect("runs");
        assert!(out.status.success());
        let body = shown_body(&out.stdout);
        for p in 0..8 {
            let starts = body.iter().filter(|l| l.starts_with(&format!("　　第{p}段。"))).count();
            assert_eq!(starts, 3, "paragraph {p} of each chapter: {body:#?}");
        }
        assert!(body.iter().any(|l| l == "　　作者：佚名"), "{body:#?}");
        if source.is_some() {
            assert!(body.iter().any(|l| l == "　　古文观止·卷三"), "{body:#?}");
        }
    }
}

/// A UTF-8 file with a byte lost in the middle is shown as UTF-8, the lost
/// character as U+FFFD, and one line on stderr names the file and the count.
#[test]
fn a_file_with_a_byte_lost_is_shown_with_a_replacement_character_and_told_of() {
    let essay = std::fs::read(fixture("tests/fixtures/classical/yueyang-lou-ji.md")).expect("fixture");
    let dir = tempfile::tempdir().expect("tempdir");
    for count in [1usize, 3, 20] {
        let mut bytes = essay.clone();
        for i in (0..count).rev() {
            let mut at = 200 + (i + 1) * (bytes.len() - 200) / (count + 1);
            while bytes[at] < 0xe0 {
                at += 1;
            }
            bytes.remove(at + 1);
        }
        let path = dir.path().join(format!("岳陽樓記{count}.md"));
        std::fs::write(&path, bytes).expect("write");
        let out = yuedu().arg("show").arg(&path).output().expect("runs");
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.starts_with("岳陽樓記\n"), "{text}");
        assert_eq!(text.matches('\u{fffd}').count(), count, "{text}");
        assert!(text.contains("慶曆四年春"), "{text}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let places = if count == 1 { "place" } else { "places" };
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains(&format!("岳陽樓記{count}.md: {count} {places} could not be decoded")),
            "{stderr}"
        );
    }
}

/// The first 2,000 bytes or so of an essay piped in (`head -c`), ending
/// inside a character: shown as UTF-8, not refused as binary nor read as
/// GB18030.
#[test]
fn an_essay_cut_inside_a_character_and_piped_in_is_shown() {
    let article = std::fs::read(fixture("articles/yingxiao/kehu-guanxi-guanli.md")).expect("fixture");
    let end = (1990..2000).find(|&end| std::str::from_utf8(&article[..end]).is_err());
    let cut = &article[..end.expect("a cut inside a character")];
    let out = yuedu()
        .args(["show", "-"])
        .write_stdin(cut.to_vec())
        .output()
        .expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("客户关系管理"), "{text}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("standard input: 1 place could not be decoded"),
        "{stderr}"
    );
}

/// A page that says `charset=gb2312` but was saved in UTF-8 reads as UTF-8;
/// a page in GBK that says so still reads as GBK.
#[test]
fn a_page_whose_bytes_are_utf8_is_read_as_utf8_whatever_charset_it_declares() {
    let page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">\
                <title>岳阳楼记</title></head><body><p>庆历四年春，滕子京谪守巴陵郡。</p></body></html>";
    let dir = tempfile::tempdir().expect("tempdir");
    let utf8 = dir.path().join("utf8.html");
    std::fs::write(&utf8, page).expect("write");
    let gbk = dir.path().join("gbk.html");
    std::fs::write(&gbk, encoding_rs::GBK.encode(page).0).expect("write");
    for path in [utf8, gbk] {
        let out = yuedu().arg("show").arg(&path).output().expect("runs");
        assert!(out.status.success());
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.starts_with("岳阳楼记\n"), "{}: {text}", path.display());
        assert!(
            text.contains("庆历四年春，滕子京谪守巴陵郡。"),
            "{}: {text}",
            path.display()
        );
        assert!(out.stderr.is_empty());
    }
}
