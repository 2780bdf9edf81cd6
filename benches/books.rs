//! Books: a 10 MB `.txt` novel with 3,000 chapters and a 5 MB EPUB, from the
//! file on disk to the first frame of the reader on it (the targets are
//! 300 ms and 500 ms), and the novel's table of contents (one frame). The
//! floor, measured in the same run, is reading the file's bytes and checking
//! them as UTF-8: what any reader must do before it can show a page.

use std::hint::black_box;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod support;

use criterion::{Criterion, criterion_group, criterion_main};
use support::{first_frame_of_file, read_and_check_utf8};
use yuedu::library::{Origin, Plan, parse_article, table_of_contents};

/// Chinese text that compresses as real text does, not as repetition does.
fn prose(seed: &mut u64, chars: usize) -> String {
    const COMMON: &str = "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从";
    let common: Vec<char> = COMMON.chars().collect();
    let mut out = String::with_capacity(chars * 3);
    for i in 0..chars {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        out.push(common[(*seed >> 33) as usize % common.len()]);
        if i % 37 == 36 {
            out.push('，');
        }
    }
    out.push('。');
    out
}

/// About 10 MB: 3,000 chapters of ten paragraphs.
fn write_novel(dir: &Path) -> PathBuf {
    let mut seed = 7;
    let mut novel = String::new();
    for chapter in 1..=3000 {
        novel.push_str(&format!("第{chapter}章 {}\n", &prose(&mut seed, 6)[..18]));
        for _ in 0..10 {
            novel.push_str("　　");
            novel.push_str(&prose(&mut seed, 105));
            novel.push('\n');
        }
    }
    let path = dir.join("novel.txt");
    std::fs::write(&path, novel).expect("write the novel");
    path
}

/// About 5 MB compressed: 580 chapters in spine order with a nav table of contents.
fn write_epub(dir: &Path) -> PathBuf {
    let mut seed = 11;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    let mut add = |name: &str, text: &str, options| {
        zip.start_file(name, options).expect("entry");
        zip.write_all(text.as_bytes()).expect("write");
    };
    add("mimetype", "application/epub+zip", stored);
    add(
        "META-INF/container.xml",
        r#"<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>"#,
        deflated,
    );
    let (mut manifest, mut spine, mut nav) = (String::new(), String::new(), String::new());
    for chapter in 1..=580 {
        manifest.push_str(&format!(
            r#"<item id="c{chapter}" href="c{chapter}.xhtml" media-type="application/xhtml+xml"/>"#
        ));
        spine.push_str(&format!(r#"<itemref idref="c{chapter}"/>"#));
        nav.push_str(&format!(r#"<li><a href="c{chapter}.xhtml">第{chapter}章</a></li>"#));
        let mut body = format!("<html><body><h1>第{chapter}章</h1>");
        for _ in 0..40 {
            body.push_str(&format!("<p>{}</p>", prose(&mut seed, 140)));
        }
        body.push_str("</body></html>");
        add(&format!("OEBPS/c{chapter}.xhtml"), &body, deflated);
    }
    add(
        "OEBPS/nav.xhtml",
        &format!(r#"<html><body><nav epub:type="toc"><ol>{nav}</ol></nav></body></html>"#),
        deflated,
    );
    let opf = format!(
        r#"<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>书</dc:title><dc:language>zh</dc:language></metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>{manifest}</manifest><spine>{spine}</spine></package>"#
    );
    add("OEBPS/content.opf", &opf, deflated);
    let bytes = zip.finish().expect("finish").into_inner();
    let path = dir.join("book.epub");
    std::fs::write(&path, bytes).expect("write the book");
    path
}

fn books(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let novel = write_novel(dir.path());
    let epub = write_epub(dir.path());
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len()) / 1024;
    eprintln!("novel: {} KiB, epub: {} KiB", size(&novel), size(&epub));
    let mut group = c.benchmark_group("books");
    group.sample_size(10).measurement_time(Duration::from_secs(5));
    group.bench_function("floor/read_novel_bytes", |b| {
        b.iter(|| black_box(read_and_check_utf8(&novel)))
    });
    group.bench_function("novel_10mb_3000_chapters/first_frame", |b| {
        b.iter(|| black_box(first_frame_of_file(&novel)))
    });
    let bytes = std::fs::read(&novel).expect("read");
    group.bench_function("novel_10mb_3000_chapters/parse", |b| {
        b.iter(|| black_box(parse_article("novel", "novel.txt", &bytes, Origin::Bundled).map(|a| a.body.blocks.len())))
    });
    let book = std::fs::read(&epub).expect("read");
    group.bench_function("epub_5mb/parse", |b| {
        b.iter(|| black_box(parse_article("book", "book.epub", &book, Origin::Bundled).map(|a| a.body.blocks.len())))
    });
    group.bench_function("epub_5mb/first_frame", |b| {
        b.iter(|| black_box(first_frame_of_file(&epub)))
    });
    let library = Plan::dirs(std::slice::from_ref(&novel)).expect("plan").load();
    let body = &library.article_at(0).expect("the novel").body;
    group.bench_function("novel_10mb_3000_chapters/table_of_contents", |b| {
        b.iter(|| black_box(table_of_contents(body).len()))
    });
    group.finish();
}

criterion_group!(benches, books);
criterion_main!(benches);
