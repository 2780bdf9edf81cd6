//! Books whose spine names SVG pages, images and items with fallbacks, and
//! chapters with MathML, `<object>`, ruby, sidebars, navigation labels that
//! differ from their headings, and damaged UTF-8.

use super::*;
use crate::library::model::article::BlockKind;
use crate::library::model::toc::table_of_contents;

/// A book of these manifest items, spine and files (bytes, so a chapter
/// may hold damaged UTF-8 and an image be an image).
fn epub(manifest: &str, spine: &str, files: &[(&str, &[u8])]) -> Vec<u8> {
    let opf = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="id">urn:uuid:1</dc:identifier><dc:title>书</dc:title><dc:language>zh</dc:language>
</metadata>
<manifest>{manifest}</manifest>
<spine>{spine}</spine>
</package>"#
    );
    let mut all: Vec<(&str, &[u8])> = vec![("OEBPS/content.opf", opf.as_bytes())];
    all.extend_from_slice(files);
    super::tests::build_epub(&all)
}

fn xhtml(body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?><html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>t</title></head><body>{body}</body></html>"#
    )
}

const ITEM_C1: &str = r#"<item id="c1" href="c1.xhtml" media-type="application/xhtml+xml"/>"#;
const SVG_PAGE: &str = r#"<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 600 800"><title>cover</title><style>text{font:serif}</style><rect width="600" height="800"/><text x="10" y="50">白鲸记</text><text x="10" y="90"><tspan>麦尔维尔</tspan> 著</text></svg>"#;

fn blocks(body: &Body) -> Vec<(BlockKind, &str)> {
    body.blocks
        .iter()
        .map(|b| (b.kind.clone(), body.block_text(b)))
        .collect()
}

#[test]
fn an_svg_page_in_the_spine_reads_its_text() {
    let manifest = format!(r#"<item id="cover" href="cover.svg" media-type="image/svg+xml"/>{ITEM_C1}"#);
    let c1 = xhtml("<p>第一章正文。</p>");
    let bytes = epub(
        &manifest,
        r#"<itemref idref="cover"/><itemref idref="c1"/>"#,
        &[
            ("OEBPS/cover.svg", SVG_PAGE.as_bytes()),
            ("OEBPS/c1.xhtml", c1.as_bytes()),
        ],
    );
    let book = parse_epub(&bytes).expect("reads");
    assert!(book.missing.is_empty(), "{:?}", book.missing);
    assert_eq!(
        blocks(&book.body),
        [
            (BlockKind::Paragraph, "白鲸记"),
            (BlockKind::Paragraph, "麦尔维尔 著"),
            (BlockKind::Paragraph, "第一章正文。"),
        ]
    );
    // A spine of SVG pages alone is a book, not a refusal.
    let only = book_of_svg_only();
    assert!(parse_epub(&only).expect("reads").body.text.contains("白鲸记"));
}

fn book_of_svg_only() -> Vec<u8> {
    epub(
        r#"<item id="p" href="p.svg" media-type="image/svg+xml"/>"#,
        r#"<itemref idref="p"/>"#,
        &[("OEBPS/p.svg", SVG_PAGE.as_bytes())],
    )
}

#[test]
fn an_image_in_the_spine_is_a_picture_page_not_a_missing_chapter() {
    let manifest = format!(
        r#"<item id="cover" href="images/cover.jpg" media-type="image/jpeg"/>{ITEM_C1}<item id="p2" href="images/p2.png" media-type="image/png"/>"#
    );
    let c1 = xhtml("<p>正文。</p>");
    let bytes = epub(
        &manifest,
        r#"<itemref idref="cover"/><itemref idref="c1"/><itemref idref="p2"/>"#,
        &[
            ("OEBPS/images/cover.jpg", b"\xff\xd8\xff\xe0 not really a jpeg"),
            ("OEBPS/c1.xhtml", c1.as_bytes()),
            ("OEBPS/images/p2.png", b"\x89PNG"),
        ],
    );
    let book = parse_epub(&bytes).expect("reads");
    assert!(book.missing.is_empty(), "{:?}", book.missing);
    assert!(!book.body.text.contains("缺少"), "{}", book.body.text);
    assert_eq!(
        blocks(&book.body),
        [
            (BlockKind::Paragraph, "〔图〕"),
            (BlockKind::Paragraph, "正文。"),
            (BlockKind::Paragraph, "〔图〕"),
        ]
    );
    // A page that holds only an image, in SVG or as <img>, is a picture too.
    let svg_cover =
        xhtml(r#"<div><svg xmlns="http://www.w3.org/2000/svg"><image xlink:href="images/cover.jpg"/></svg></div>"#);
    let img_cover = xhtml(r#"<div><img src="images/cover.jpg" alt="封面"/></div>"#);
    let manifest = r#"<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/><item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>"#;
    let bytes = epub(
        manifest,
        r#"<itemref idref="a"/><itemref idref="b"/>"#,
        &[
            ("OEBPS/a.xhtml", svg_cover.as_bytes()),
            ("OEBPS/b.xhtml", img_cover.as_bytes()),
        ],
    );
    let book = parse_epub(&bytes).expect("reads");
    assert_eq!(
        blocks(&book.body),
        [(BlockKind::Paragraph, "〔图〕"), (BlockKind::Paragraph, "〔图：封面〕")]
    );
}

#[test]
fn a_fallback_chain_is_followed_to_a_document() {
    // A manga page in a format no reader knows → an image → XHTML; and a
    // chain that loops without a document, held in the archive: passed over.
    let manifest = format!(
        r#"<item id="x" href="p1.cbz" media-type="application/x-cbz" fallback="y"/>
<item id="y" href="p1.webp" media-type="image/webp" fallback="z"/>
<item id="z" href="p1.xhtml" media-type="application/xhtml+xml"/>
<item id="loop1" href="a.dat" media-type="application/x-a" fallback="loop2"/>
<item id="loop2" href="b.dat" media-type="application/x-b" fallback="loop1"/>{ITEM_C1}"#
    );
    let p1 = xhtml("<p>第一页的文字。</p>");
    let c1 = xhtml("<p>正文。</p>");
    let bytes = epub(
        &manifest,
        r#"<itemref idref="x"/><itemref idref="loop1"/><itemref idref="c1"/>"#,
        &[
            ("OEBPS/p1.cbz", b"PK"),
            ("OEBPS/p1.webp", b"RIFF"),
            ("OEBPS/p1.xhtml", p1.as_bytes()),
            ("OEBPS/a.dat", b"a"),
            ("OEBPS/b.dat", b"b"),
            ("OEBPS/c1.xhtml", c1.as_bytes()),
        ],
    );
    let book = parse_epub(&bytes).expect("reads");
    assert!(book.missing.is_empty(), "{:?}", book.missing);
    assert_eq!(
        blocks(&book.body),
        [
            (BlockKind::Paragraph, "第一页的文字。"),
            (BlockKind::Paragraph, "正文。")
        ]
    );
    // With the XHTML gone, the image of the chain is the page; with nothing
    // of the chain held, the gap is said.
    let without = |drop: &[&str]| {
        let files: Vec<(&str, &[u8])> = [
            ("OEBPS/p1.cbz", &b"PK"[..]),
            ("OEBPS/p1.webp", b"RIFF"),
            ("OEBPS/p1.xhtml", p1.as_bytes()),
            ("OEBPS/c1.xhtml", c1.as_bytes()),
        ]
        .into_iter()
        .filter(|(name, _)| !drop.contains(name))
        .collect();
        parse_epub(&epub(&manifest, r#"<itemref idref="x"/><itemref idref="c1"/>"#, &files)).expect("reads")
    };
    assert_eq!(without(&["OEBPS/p1.xhtml"]).body.text.as_ref(), "〔图〕\n正文。");
    let gone = without(&["OEBPS/p1.xhtml", "OEBPS/p1.webp", "OEBPS/p1.cbz"]);
    assert_eq!(gone.missing, ["OEBPS/p1.cbz"]);
}

fn one_chapter(body: &str) -> Vec<u8> {
    let c1 = xhtml(body);
    epub(
        ITEM_C1,
        r#"<itemref idref="c1"/>"#,
        &[("OEBPS/c1.xhtml", c1.as_bytes())],
    )
}

#[test]
fn mathml_object_fallbacks_and_inline_svg_text_are_kept() {
    let book = parse_epub(&one_chapter(
        r#"<p>质能方程 <math alttext="E = mc^2"><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math> 很有名。</p>
<math display="block"><semantics><mrow><mi>x</mi><mo>+</mo><mn>1</mn></mrow><annotation encoding="application/x-tex">x+1</annotation></semantics></math>
<object data="river.mp4" type="video/mp4"><param name="autoplay" value="false"/><p>视频：长江三峡。</p></object>
<p>图中写着<svg xmlns="http://www.w3.org/2000/svg"><title>不读</title><text>江山如画</text></svg>四字。</p>"#,
    ))
    .expect("reads");
    assert_eq!(
        blocks(&book.body),
        [
            (BlockKind::Paragraph, "质能方程 E = mc^2 很有名。"),
            (BlockKind::Paragraph, "x+1"),
            (BlockKind::Paragraph, "视频：长江三峡。"),
            (BlockKind::Paragraph, "图中写着"),
            (BlockKind::Paragraph, "江山如画"),
            (BlockKind::Paragraph, "四字。"),
        ]
    );
    assert!(!book.body.text.contains("不读"));
}

#[test]
fn a_sidebar_is_a_quote_and_a_footnote_stays_a_note() {
    let book = parse_epub(&one_chapter(
        r##"<p>正文。</p><aside class="sidebar"><h4>背景</h4><p>旁注一。</p><p>旁注二。</p></aside>
<p>又一段。<a epub:type="noteref" href="#n1">1</a></p><aside epub:type="footnote" id="n1"><p>注释。</p></aside>"##,
    ))
    .expect("reads");
    assert_eq!(
        blocks(&book.body),
        [
            (BlockKind::Paragraph, "正文。"),
            (BlockKind::Heading(4), "背景"),
            (BlockKind::Quote, "旁注一。"),
            (BlockKind::Quote, "旁注二。"),
            (BlockKind::Paragraph, "又一段。1"),
            (BlockKind::Paragraph, "注释。"),
        ]
    );
}

#[test]
fn ruby_readings_follow_their_word_or_are_dropped() {
    let bytes = one_chapter(
        "<h2><ruby>草<rt>くさ</rt>枕<rt>まくら</rt></ruby></h2><p><ruby>束<rp>(</rp><rt>つか</rt><rp>)</rp>の間<rp>(</rp><rt>ま</rt><rp>)</rp></ruby>の命。<ruby><rb>漢</rb><rb>字</rb><rt>かん</rt><rt>じ</rt></ruby></p>",
    );
    let shown = parse_epub(&bytes).expect("reads");
    assert_eq!(
        blocks(&shown.body),
        [
            (BlockKind::Heading(2), "草(くさ)枕(まくら)"),
            (BlockKind::Paragraph, "束(つか)の間(ま)の命。漢字(かん)(じ)")
        ]
    );
    let dropped = parse_epub_with(&bytes, Ruby::Drop).expect("reads");
    assert_eq!(
        blocks(&dropped.body),
        [
            (BlockKind::Heading(2), "草枕"),
            (BlockKind::Paragraph, "束の間の命。漢字")
        ]
    );
}

#[test]
fn contents_titles_are_the_books_own_labels() {
    let nav = r##"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body><nav epub:type="toc"><ol>
<li><a href="c1.xhtml">第一章
	风起</a></li><li><a href="c1.xhtml#s2">第二章 云涌</a></li><li><a href="c1.xhtml#s3">尾声</a></li></ol></nav></body></html>"##;
    let c1 = xhtml(
        r##"<h2>第一章 风起 <a href="#top">¶</a></h2><p>一。</p><h2 id="s2"><a href="nav.xhtml">↩</a> 第二章　云涌</h2><p>二。</p><h2 id="s3">十年之后</h2><p>三。</p>"##,
    );
    let manifest =
        format!(r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>{ITEM_C1}"#);
    let bytes = epub(
        &manifest,
        r#"<itemref idref="c1"/>"#,
        &[("OEBPS/nav.xhtml", nav.as_bytes()), ("OEBPS/c1.xhtml", c1.as_bytes())],
    );
    let book = parse_epub(&bytes).expect("reads");
    let titles: Vec<String> = table_of_contents(&book.body).into_iter().map(|e| e.title).collect();
    assert_eq!(titles, ["第一章 风起", "第二章 云涌", "尾声"]);
    // A heading worded otherwise than its label is kept beside it.
    assert!(book.body.text.contains("尾声\n十年之后\n三。"), "{}", book.body.text);
}

/// Chinese text of `chars` characters with `bad` stray bytes spread through it.
fn damaged(chars: usize, bad: usize) -> Vec<u8> {
    let text: String = "春江潮水连海平，海上明月共潮生。".chars().cycle().take(chars).collect();
    let mut bytes = Vec::new();
    let every = chars / (bad + 1);
    for (i, c) in text.chars().enumerate() {
        let mut buf = [0; 4];
        bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        if bad > 0 && i > 0 && i % every == 0 && i / every <= bad {
            bytes.push(0xff);
        }
    }
    bytes
}

#[test]
fn damaged_utf8_in_chapters_is_counted_for_the_book_and_never_mojibake() {
    for bad in [1, 3, 20] {
        let mut chapter = b"<html><body><p>".to_vec();
        chapter.extend(damaged(400, bad));
        chapter.extend_from_slice(b"</p></body></html>");
        let clean = xhtml("<p>第二章，完好无损。</p>");
        let manifest = format!(r#"{ITEM_C1}<item id="c2" href="c2.xhtml" media-type="application/xhtml+xml"/>"#);
        let bytes = epub(
            &manifest,
            r#"<itemref idref="c1"/><itemref idref="c2"/><itemref idref="c1"/>"#,
            &[("OEBPS/c1.xhtml", &chapter), ("OEBPS/c2.xhtml", clean.as_bytes())],
        );
        let book = parse_epub(&bytes).expect("reads");
        // The damaged chapter is named twice: its places count twice.
        assert_eq!(book.undecoded, 2 * bad, "{bad} bad bytes");
        assert_eq!(book.body.text.matches('\u{fffd}').count(), 2 * bad);
        assert!(
            book.body.text.starts_with("春江潮水连海平"),
            "{bad}: {}",
            &book.body.text[..30]
        );
        assert!(book.body.text.contains("第二章，完好无损。"));
    }
}

#[test]
fn a_document_many_pages_fall_back_to_is_read_once() {
    // A comic: each page an image that falls back to the one transcript.
    let manifest = r#"<item id="j1" href="01.jpg" media-type="image/jpeg" fallback="t"/>
<item id="j2" href="02.jpg" media-type="image/jpeg" fallback="t"/>
<item id="j3" href="03.jpg" media-type="image/jpeg" fallback="t"/>
<item id="t" href="transcript.xhtml" media-type="application/xhtml+xml"/>"#;
    let transcript = xhtml("<p>第一格。</p><p>第二格。</p>");
    let bytes = epub(
        manifest,
        r#"<itemref idref="j1"/><itemref idref="j2"/><itemref idref="j3"/>"#,
        &[
            ("OEBPS/01.jpg", b"\xff\xd8"),
            ("OEBPS/02.jpg", b"\xff\xd8"),
            ("OEBPS/03.jpg", b"\xff\xd8"),
            ("OEBPS/transcript.xhtml", transcript.as_bytes()),
        ],
    );
    let book = parse_epub(&bytes).expect("reads");
    assert_eq!(
        blocks(&book.body),
        [
            (BlockKind::Paragraph, "第一格。"),
            (BlockKind::Paragraph, "第二格。"),
            (BlockKind::Paragraph, "〔图〕"),
            (BlockKind::Paragraph, "〔图〕"),
        ]
    );
}
