//! Shared bench helpers: generated Chinese text from the bundled articles.

#![allow(dead_code)]

use yuedu::library::{Article, Library, Origin, parse_article};

/// A long Markdown article of about `bytes` bytes, made of the bundled
/// articles' paragraphs and headings in a shuffled order, so line breaks fall
/// differently than in the originals.
pub fn long_markdown(bytes: usize) -> String {
    let library = Library::bundled();
    let mut blocks: Vec<String> = Vec::new();
    for article in library.articles() {
        for block in &article.body.blocks {
            let text = article.body.block_text(block);
            blocks.push(match block.kind {
                yuedu::library::BlockKind::Heading(_) => format!("## {text}"),
                _ => text.to_string(),
            });
        }
    }
    let mut out = String::with_capacity(bytes + 4096);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    while out.len() < bytes {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let block = &blocks[(seed % blocks.len() as u64) as usize];
        out.push_str(block);
        out.push_str("\n\n");
    }
    out
}

pub fn long_article(bytes: usize) -> Article {
    let markdown = long_markdown(bytes);
    match parse_article("bench/long", "bench/long.md", markdown.as_bytes(), Origin::Bundled) {
        Ok(article) => article,
        Err(err) => panic!("generated article does not parse: {err}"),
    }
}
