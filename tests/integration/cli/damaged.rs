//! Damaged UTF-8 in a web page and in an EPUB's chapters, and ruby shown as
//! the configuration says, through `show`.

use std::path::Path;

use super::yuedu;

/// The essay's text with `count` bytes lost (each the middle byte of a
/// character), as markup.
fn damaged_essay(count: usize) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/classical/yueyang-lou-ji.md");
    let essay = std::fs::read_to_string(path).expect("fixture");
    let body = essay.rsplit("+++").next().unwrap_or(&essay).trim();
    let mut bytes = Vec::new();
    for paragraph in body.split("\n\n") {
        bytes.extend_from_slice(b"<p>");
        bytes.extend_from_slice(paragraph.as_bytes());
        bytes.extend_from_slice(b"</p>\n");
    }
    for i in (0..count).rev() {
        let mut at = (i + 1) * bytes.len() / (count + 1);
        while bytes[at] < 0xe0 {
            at += 1;
        }
        bytes.remove(at + 1);
    }
    bytes
}

/// A book of these chapters, each a body wrapped in its XHTML document.
fn epub(chapters: &[Vec<u8>]) -> Vec<u8> {
    let documents: Vec<Vec<u8>> = chapters
        .iter()
        .map(|body| {
            let mut xhtml =
                br#"<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml"><body>"#.to_vec();
            xhtml.extend_from_slice(body);
            xhtml.extend_from_slice(b"</body></html>");
            xhtml
        })
        .collect();
    let documents: Vec<&[u8]> = documents.iter().map(Vec::as_slice).collect();
    crate::support::epub("岳陽樓記", &documents)
}

fn places(count: usize) -> &'static str {
    if count == 1 { "place" } else { "places" }
}

/// A web page and a book with 1, 3 and 20 bytes lost: shown as UTF-8, each
/// lost character a U+FFFD, and one line on stderr naming the file (the
/// book, for all its chapters) and the count.
#[test]
fn a_page_and_a_book_with_bytes_lost_are_shown_and_told_of_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    for count in [1usize, 3, 20] {
        let mut page = "<html><head><meta charset=\"utf-8\"><title>岳陽樓記</title></head><body>"
            .as_bytes()
            .to_vec();
        page.extend(damaged_essay(count));
        page.extend_from_slice(b"</body></html>");
        // The book: two damaged chapters and a whole one, `count` places in all.
        let first = count / 2;
        let book = epub(&[damaged_essay(first), damaged_essay(0), damaged_essay(count - first)]);
        for (name, bytes, total) in [
            (format!("岳陽樓記{count}.html"), page, count),
            (format!("岳陽樓記{count}.epub"), book, count),
        ] {
            let path = dir.path().join(&name);
            std::fs::write(&path, bytes).expect("write");
            let out = yuedu().arg("show").arg(&path).output().expect("runs");
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(out.status.success(), "{name}: {stderr}");
            let text = String::from_utf8_lossy(&out.stdout);
            assert_eq!(text.matches('\u{fffd}').count(), total, "{name}: {text}");
            assert!(text.contains("慶曆四年春"), "{name}: {text}");
            assert_eq!(stderr.lines().count(), 1, "{name}: {stderr}");
            let told = format!("{name}: {total} {} could not be decoded", places(total));
            assert!(stderr.contains(&told), "{name}: {stderr}");
        }
    }
}

/// `reading.ruby` decides how a reading shows, in Markdown, pages and books.
#[test]
fn ruby_shows_as_the_configuration_says() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ruby = "<ruby>束<rp>(</rp><rt>つか</rt><rp>)</rp>の間<rt>ま</rt></ruby>の命";
    std::fs::write(dir.path().join("a.md"), format!("# 草枕\n\n{ruby}\n")).expect("write");
    std::fs::write(dir.path().join("b.html"), format!("<title>草枕</title><p>{ruby}</p>")).expect("write");
    std::fs::write(
        dir.path().join("c.epub"),
        epub(&[format!("<p>{ruby}</p>").into_bytes()]),
    )
    .expect("write");
    let config = dir.path().join("drop.toml");
    std::fs::write(&config, "[reading]\nruby = \"drop\"\n").expect("write");
    for file in ["a.md", "b.html", "c.epub"] {
        let path = dir.path().join(file);
        let shown = yuedu().arg("show").arg(&path).output().expect("runs");
        assert!(
            String::from_utf8_lossy(&shown.stdout).contains("束(つか)の間(ま)の命"),
            "{file}"
        );
        let dropped = yuedu()
            .arg("--config")
            .arg(&config)
            .arg("show")
            .arg(&path)
            .output()
            .expect("runs");
        let text = String::from_utf8_lossy(&dropped.stdout);
        assert!(text.contains("束の間の命") && !text.contains("つか"), "{file}: {text}");
    }
}
