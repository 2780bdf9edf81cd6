//! The text as its author wrote it: a downloaded novel keeps its
//! paragraphs, and files with bytes that did not decode are read and told of.

use super::*;

const ESSAY: &str = include_str!("../../../../../tests/fixtures/classical/yueyang-lou-ji.md");

/// `text` with the second byte of `count` characters of three bytes lost,
/// spread over it: each a place that does not decode.
fn damaged(text: &str, count: usize) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for i in (0..count).rev() {
        let mut at = (i + 1) * bytes.len() / (count + 1);
        while bytes[at] < 0xe0 {
            at += 1;
        }
        bytes.remove(at + 1);
    }
    bytes
}

#[test]
fn files_with_bytes_that_do_not_decode_are_read_and_told_of_by_name_and_count() {
    let dir = tempfile::tempdir().expect("tempdir");
    for count in [1, 3, 20] {
        std::fs::write(dir.path().join(format!("损{count}.md")), damaged(ESSAY, count)).expect("write");
    }
    std::fs::write(dir.path().join("好.md"), ESSAY).expect("write");
    let app = app_over(&[dir.path()]);
    assert_eq!(app.library.articles().len(), 4, "none is skipped");
    let banner = app.banner();
    assert_eq!(banner.len(), 3, "{banner:?}");
    for count in [1, 3, 20] {
        let told = banner
            .iter()
            .find(|n| n.contains(&format!("损{count}.md")))
            .expect("named");
        assert!(told.contains(&format!("有 {count} 处字节无法解码")), "{told}");
    }
    for article in app.library.articles() {
        let shown = [
            article.meta.title.as_str(),
            article.meta.category.as_str(),
            &article.body.text,
        ];
        let replaced: usize = shown.iter().map(|t| t.matches('\u{fffd}').count()).sum();
        assert_eq!(replaced, article.meta.undecoded() as usize, "{}", article.id);
        // Every character but the damaged ones.
        let whole = app
            .library
            .articles()
            .iter()
            .find(|a| a.id == "好")
            .expect("the whole essay");
        let lost = whole
            .body
            .text
            .chars()
            .count()
            .saturating_sub(article.body.text.chars().count());
        assert!(lost <= article.meta.undecoded() as usize, "{}", article.id);
    }
}

#[test]
fn many_files_with_bytes_that_do_not_decode_are_told_of_in_one_notice() {
    let dir = tempfile::tempdir().expect("tempdir");
    for i in 0..5 {
        std::fs::write(dir.path().join(format!("损{i}.md")), damaged(ESSAY, 2)).expect("write");
    }
    let mut app = app_over(&[dir.path()]);
    app.set_lang(crate::i18n::Lang::English);
    let banner = app.banner();
    assert_eq!(banner.len(), 1, "{banner:?}");
    assert!(
        banner[0].starts_with("5 files held bytes that could not be decoded"),
        "{banner:?}"
    );
}

/// A downloaded novel in GB18030: one paragraph a line, indented, blank
/// lines only around the chapter headings, the title and author alone.
#[test]
fn a_gb18030_novel_keeps_every_paragraph_in_the_reader() {
    let mut novel = String::from("古文观止·卷三\n作者：佚名\n\n");
    for chapter in ["第一章 风起", "第二章 云涌"] {
        novel.push_str(&format!("{chapter}\n\n"));
        for p in 0..6 {
            novel.push_str(&format!("　　第{p}段。他说：“走吧，天快黑了。”\n"));
        }
        novel.push('\n');
    }
    let dir = tempfile::tempdir().expect("tempdir");
    let (gb, _, _) = encoding_rs::GB18030.encode(&novel);
    std::fs::write(dir.path().join("小说.txt"), gb).expect("write");
    let mut app = app_over(&[dir.path()]);
    press(&mut app, "l l");
    let reader = app.reader.as_ref().expect("open");
    let body = &app.library[reader.article].body;
    let lines: Vec<String> = (0..reader.layout.len())
        .map(|i| reader.layout.plain_line(body, i))
        .collect();
    for p in 0..6 {
        let starts = lines
            .iter()
            .filter(|l| l.starts_with(&format!("\u{3000}\u{3000}第{p}段。")))
            .count();
        assert_eq!(
            starts, 2,
            "paragraph {p} of each chapter starts a line, indented: {lines:?}"
        );
    }
    assert!(
        lines.contains(&"\u{3000}\u{3000}古文观止·卷三".to_string()),
        "{lines:?}"
    );
    assert!(lines.contains(&"\u{3000}\u{3000}作者：佚名".to_string()), "{lines:?}");
}
