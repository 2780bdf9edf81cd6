use std::io::Write;

use super::*;
use crate::library::model::article::BlockKind;

const CONTAINER: &str = r#"<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>"#;

fn opf(version: &str, manifest: &str, spine: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="{version}" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:12345</dc:identifier><dc:title>测试之书</dc:title>
<dc:creator>佚名</dc:creator><dc:language>zh-CN</dc:language>
<meta property="dcterms:modified">2024-01-01T00:00:00Z</meta>
</metadata>
<manifest>{manifest}</manifest>
{spine}
</package>"#
    )
}

/// A zip as EPUB readers expect it: `mimetype` first and stored, then the
/// container and `files` (text, or bytes such as damaged UTF-8 or an image).
pub(super) fn build_epub<C: AsRef<[u8]>>(files: &[(&str, C)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).expect("mimetype");
    zip.write_all(b"application/epub+zip").expect("write");
    zip.start_file("META-INF/container.xml", deflated).expect("container");
    zip.write_all(CONTAINER.as_bytes()).expect("write");
    for (name, content) in files {
        zip.start_file(*name, deflated).expect("file");
        zip.write_all(content.as_ref()).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

const NAV: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>目录</title></head>
<body><nav epub:type="toc"><ol>
<li><a href="text/c1.xhtml">第一部 开端</a><ol>
  <li><a href="text/c1.xhtml#ch1">第一章 风起</a></li>
  <li><a href="text/c2.xhtml">第二章 云涌</a></li>
</ol></li></ol></nav></body></html>"#;

const CHAPTER_ONE: &str = r##"<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>c1</title><link rel="stylesheet" href="../s.css"/></head><body>
<h1>第一部 开端</h1>
<section id="ch1"><h2>第一章 风起</h2>
<p>他说<em>你好</em>。<a href="#fn1" epub:type="noteref"><sup>1</sup></a></p>
<ul><li>甲</li><li>乙</li></ul><blockquote><p>引文</p></blockquote>
<p><img src="../img/a.png" alt="地图"/></p>
<aside epub:type="footnote" id="fn1"><p>1. 注释文字。</p></aside>
</section></body></html>"##;

/// Not well-formed: unclosed elements, an unknown entity, a stray end tag.
const CHAPTER_TWO: &str =
    "<html><body><h1>第二章 云涌</h1><p>第二章正文<b>未闭合<p>下一段&nbsp;&bogus;</div>\u{1b}[31m红</body>";

fn epub3_files() -> Vec<(&'static str, String)> {
    let manifest = r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="c1" href="text/c1.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="text/c2.xhtml" media-type="application/xhtml+xml"/>"#;
    let spine = r#"<spine><itemref idref="c1"/><itemref idref="c2"/></spine>"#;
    vec![
        ("OEBPS/content.opf", opf("3.0", manifest, spine)),
        ("OEBPS/nav.xhtml", NAV.to_string()),
        ("OEBPS/text/c1.xhtml", CHAPTER_ONE.to_string()),
        ("OEBPS/text/c2.xhtml", CHAPTER_TWO.to_string()),
    ]
}

fn zipped(files: &[(&'static str, String)]) -> Vec<u8> {
    let borrowed: Vec<(&str, &str)> = files.iter().map(|(n, c)| (*n, c.as_str())).collect();
    build_epub(&borrowed)
}

fn blocks(body: &Body) -> Vec<(BlockKind, &str)> {
    body.blocks
        .iter()
        .map(|b| (b.kind.clone(), body.block_text(b)))
        .collect()
}

#[test]
fn a_book_reads_with_metadata_chapters_and_its_table_of_contents() {
    let book = parse_epub(&zipped(&epub3_files())).expect("reads");
    assert_eq!(book.title.as_deref(), Some("测试之书"));
    assert_eq!(book.author.as_deref(), Some("佚名"));
    assert_eq!(book.language.as_deref(), Some("zh-CN"));
    assert!(book.missing.is_empty());
    let blocks = blocks(&book.body);
    assert_eq!(
        blocks[..8],
        [
            (BlockKind::Heading(1), "第一部 开端"),
            (BlockKind::Heading(2), "第一章 风起"),
            (BlockKind::Paragraph, "他说你好。1"),
            (
                BlockKind::ListItem {
                    marker: Some(crate::library::Marker::Bullet)
                },
                "甲"
            ),
            (
                BlockKind::ListItem {
                    marker: Some(crate::library::Marker::Bullet)
                },
                "乙"
            ),
            (BlockKind::Quote, "引文"),
            (BlockKind::Paragraph, "〔图：地图〕"),
            (BlockKind::Paragraph, "1. 注释文字。"),
        ]
    );
    assert_eq!(blocks[8], (BlockKind::Heading(2), "第二章 云涌"));
    let text = &book.body.text;
    assert!(text.contains("第二章正文未闭合"), "{text}");
    assert!(text.contains("下一段"), "{text}");
    assert!(text.contains('红') && !text.contains('\u{1b}'), "{text}");
    assert!(!text.contains("目录") && !text.contains("c1"), "{text}");
    let toc = crate::library::model::toc::table_of_contents(&book.body);
    let entries: Vec<(u8, &str)> = toc.iter().map(|e| (e.level, e.title.as_str())).collect();
    assert_eq!(entries, [(1, "第一部 开端"), (2, "第一章 风起"), (2, "第二章 云涌")]);
}

#[test]
fn an_epub2_book_takes_its_nesting_from_the_ncx() {
    let manifest = r#"<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>"#;
    let ncx = r#"<?xml version="1.0" encoding="UTF-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head><meta name="dtb:uid" content="1"/></head>
<docTitle><text>书</text></docTitle><navMap>
<navPoint id="n1" playOrder="1"><navLabel><text>卷一</text></navLabel><content src="c1.xhtml"/>
<navPoint id="n2" playOrder="2"><navLabel><text>第一章</text></navLabel><content src="c1.xhtml#a"/></navPoint>
</navPoint></navMap></ncx>"#;
    let chapter = r#"<html><body><p>卷首语。</p><p id="a">正文。</p></body></html>"#;
    let files = vec![
        (
            "OEBPS/content.opf",
            opf("2.0", manifest, r#"<spine toc="ncx"><itemref idref="c1"/></spine>"#),
        ),
        ("OEBPS/toc.ncx", ncx.to_string()),
        ("OEBPS/c1.xhtml", chapter.to_string()),
    ];
    let book = parse_epub(&zipped(&files)).expect("reads");
    assert_eq!(
        blocks(&book.body),
        [
            (BlockKind::Heading(1), "卷一"),
            (BlockKind::Paragraph, "卷首语。"),
            (BlockKind::Heading(2), "第一章"),
            (BlockKind::Paragraph, "正文。"),
        ]
    );
}

#[test]
fn damaged_and_truncated_archives_are_refused_in_one_sentence() {
    let whole = zipped(&epub3_files());
    for cut in [whole.len() / 2, whole.len() - 10, 30] {
        let err = parse_epub(&whole[..cut]).unwrap_err().en().to_string();
        assert!(err.contains("damaged or truncated"), "{cut}: {err}");
    }
    let err = parse_epub(b"plain text, not a zip").unwrap_err().en().to_string();
    assert!(err.contains("not a readable EPUB"), "{err}");
    let err = parse_epub(&build_epub::<&str>(&[])).unwrap_err().en().to_string();
    assert!(err.starts_with("not a readable EPUB"), "{err}");
}

#[test]
fn a_spine_naming_missing_files_is_reported() {
    let mut files = epub3_files();
    files.retain(|(name, _)| !name.ends_with("c2.xhtml"));
    let book = parse_epub(&zipped(&files)).expect("the rest reads");
    assert_eq!(book.missing, ["OEBPS/text/c2.xhtml"]);
    assert!(
        book.body.text.ends_with("〔此处缺少一章：OEBPS/text/c2.xhtml〕"),
        "{}",
        book.body.text
    );
    files.retain(|(name, _)| !name.ends_with("c1.xhtml"));
    let err = parse_epub(&zipped(&files)).unwrap_err().en().to_string();
    assert!(err.contains("spine names files it does not hold"), "{err}");
}

#[test]
fn drm_is_named_and_font_obfuscation_is_not_drm() {
    let encryption = |algorithm: &str| {
        format!(
            r#"<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
<enc:EncryptedData><enc:EncryptionMethod Algorithm="{algorithm}"/>
<enc:CipherData><enc:CipherReference URI="OEBPS/text/c1.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>"#
        )
    };
    let mut files = epub3_files();
    files.push((
        "META-INF/encryption.xml",
        encryption("http://www.w3.org/2001/04/xmlenc#aes128-cbc"),
    ));
    let err = parse_epub(&zipped(&files)).unwrap_err().en().to_string();
    assert!(err.contains("DRM"), "{err}");
    files.pop();
    files.push((
        "META-INF/encryption.xml",
        encryption("http://www.idpf.org/2008/embedding"),
    ));
    assert!(parse_epub(&zipped(&files)).is_ok());
    files.pop();
    files.push(("META-INF/rights.xml", "<rights/>".to_string()));
    assert!(parse_epub(&zipped(&files)).unwrap_err().en().contains("DRM"));
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    let mut files = epub3_files();
    let bomb = "<p>".repeat(1024 * 1024);
    files.push(("OEBPS/text/bomb.xhtml", bomb));
    let bytes = zipped(&files);
    assert!(bytes.len() < 100 * 1024, "compresses well: {}", bytes.len());
    let err = unpack_texts_within(&bytes, 1024 * 1024).unwrap_err().en().to_string();
    assert!(err.contains("zip bomb"), "{err}");
    assert!(unpack_texts_within(&bytes, 8 * 1024 * 1024).is_ok());
}

/// `bytes` with the unpacked size of `name` declared as `size`, in its
/// local header and in the central directory, its data left as it is.
fn declaring(mut bytes: Vec<u8>, name: &str, size: u32) -> Vec<u8> {
    let u16_at = |b: &[u8], at: usize| usize::from(u16::from_le_bytes([b[at], b[at + 1]]));
    let mut patched = 0;
    let mut at = 0;
    while let Some(found) = bytes[at..].windows(4).position(|w| w == b"PK\x01\x02") {
        let header = at + found;
        let name_len = u16_at(&bytes, header + 28);
        if &bytes[header + 46..header + 46 + name_len] == name.as_bytes() {
            bytes[header + 24..header + 28].copy_from_slice(&size.to_le_bytes());
            let local = u32::from_le_bytes(bytes[header + 42..header + 46].try_into().expect("4 bytes")) as usize;
            assert_eq!(&bytes[local..local + 4], b"PK\x03\x04");
            bytes[local + 22..local + 26].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
        at = header + 4;
    }
    assert_eq!(patched, 1, "{name} is in the archive once");
    bytes
}

#[test]
fn an_archive_that_lies_about_its_sizes_is_refused_in_one_sentence() {
    let honest = zipped(&epub3_files());
    assert!(parse_epub(&honest).is_ok());
    let chapter = "OEBPS/text/c1.xhtml";
    let actual = CHAPTER_ONE.len() as u32;
    for declared in [
        10,
        actual - 1,
        actual + 1,
        50 * 1024 * 1024,
        100 * 1024 * 1024,
        u32::MAX,
    ] {
        let lying = declaring(honest.clone(), chapter, declared);
        let started = std::time::Instant::now();
        let err = parse_epub(&lying).unwrap_err().en().to_string();
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "{declared}: no hang"
        );
        assert!(err.starts_with("not a readable EPUB: "), "{declared}: {err}");
        assert!(!err.contains('\n'), "one sentence: {err}");
    }
    // The package file too: rbook never reads a file whose size is a lie.
    let lying = declaring(honest.clone(), "OEBPS/content.opf", 1 << 30);
    assert!(
        parse_epub(&lying)
            .unwrap_err()
            .en()
            .starts_with("not a readable EPUB: ")
    );
}

/// A book whose spine names `chapter` (one file) `times` times.
fn one_chapter_named(chapter: &str, times: usize) -> Vec<u8> {
    let manifest = r#"<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>"#;
    let spine = format!("<spine>{}</spine>", r#"<itemref idref="c"/>"#.repeat(times));
    zipped(&[
        ("OEBPS/content.opf", opf("3.0", manifest, &spine)),
        ("OEBPS/c.xhtml", chapter.to_string()),
    ])
}

/// A chapter of about `bytes` bytes of paragraphs.
fn chapter_of(bytes: usize) -> String {
    let paragraph = format!("<p>{}</p>\n", "天地玄黄宇宙洪荒".repeat(20));
    format!(
        "<html><body>{}</body></html>",
        paragraph.repeat(bytes / paragraph.len() + 1)
    )
}

#[test]
fn a_spine_naming_one_chapter_over_and_over_is_refused_in_one_sentence() {
    // 1 MiB named 300 times: 300 MiB of chapters from an archive of a few KiB.
    let bytes = one_chapter_named(&chapter_of(1024 * 1024), 300);
    assert!(bytes.len() < 64 * 1024, "{}", bytes.len());
    let err = parse_epub(&bytes).unwrap_err().en().to_string();
    assert!(err.starts_with("not a readable EPUB: "), "{err}");
    assert!(err.contains("256 MB") && !err.contains('\n'), "{err}");
    // Named a few times, within the limits, it reads.
    let book = parse_epub(&one_chapter_named(&chapter_of(64 * 1024), 3)).expect("reads");
    assert!(book.body.text.len() > 3 * 50 * 1024, "{}", book.body.text.len());
}

#[test]
fn a_book_whose_text_passes_the_article_limit_is_refused_in_one_sentence() {
    let limits = Limits {
        unpacked: 256 * 1024 * 1024,
        text: 1024 * 1024,
    };
    let chapter = chapter_of(200 * 1024);
    let err = parse_epub_within(&one_chapter_named(&chapter, 8), limits, Ruby::default())
        .unwrap_err()
        .en()
        .to_string();
    assert!(err.starts_with("too large: "), "{err}");
    assert!(err.contains("1 MB") && !err.contains('\n'), "{err}");
    assert!(parse_epub_within(&one_chapter_named(&chapter, 4), limits, Ruby::default()).is_ok());
}

/// A book of one chapter of `n` sections, each with an `id` that the
/// navigation links to by fragment.
fn sections_by_fragment(n: usize) -> Vec<u8> {
    let mut nav = String::from(r#"<html><body><nav epub:type="toc"><ol>"#);
    let mut chapter = String::from("<html><body>");
    for i in 0..n {
        nav.push_str(&format!(r##"<li><a href="c.xhtml#s{i}">第{i}节</a></li>"##));
        chapter.push_str(&format!(r#"<h2 id="s{i}">第{i}节</h2><p>正文{i}。</p>"#));
    }
    nav.push_str("</ol></nav></body></html>");
    chapter.push_str("</body></html>");
    let manifest = r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
<item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>"#;
    zipped(&[
        (
            "OEBPS/content.opf",
            opf("3.0", manifest, r#"<spine><itemref idref="c"/></spine>"#),
        ),
        ("OEBPS/nav.xhtml", nav),
        ("OEBPS/c.xhtml", chapter),
    ])
}

#[test]
fn a_navigation_of_many_fragment_links_is_placed_in_linear_time() {
    // Placed by looking through the chapter and the waiting entries for each
    // one, this took over a minute in a debug build; linear, about two seconds.
    let n = 12_000;
    let started = std::time::Instant::now();
    let book = parse_epub(&sections_by_fragment(n)).expect("reads");
    let toc = crate::library::model::toc::table_of_contents(&book.body);
    assert_eq!(toc.len(), n);
    assert_eq!(toc[n - 1].title, format!("第{}节", n - 1));
    assert!(book.body.text.ends_with(&format!("正文{}。", n - 1)));
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "no hang: {:?}",
        started.elapsed()
    );
}
