//! Web pages and EPUB chapters built to be slow to read are read in time
//! linear in their size: one tag with very many attributes (whose names a
//! tokenizer compares with each other) reads as its first ones.

#[path = "../../benches/support/big_page.rs"]
mod big_page;

use crate::support;

use big_page::many_attributes;
use yuedu::library::{Origin, parse_article};

/// A page of one paragraph whose tag has 200,000 attribute names (1.9 MB),
/// and text after it. Read in well under a second now; quadratic before
/// (half a minute in a release build, minutes in a test build).
fn page() -> String {
    many_attributes(200_000)
}

#[test]
fn a_tag_with_two_hundred_thousand_attributes_reads_in_linear_time() {
    let page = page();
    let article = parse_article("属性", "属性.html", page.as_bytes(), Origin::Bundled).expect("reads");
    assert_eq!(&*article.body.text, "属性之后的正文。\n第二段。");
    let book = support::epub("属性之书", &[page.as_bytes()]);
    let article = parse_article("属性之书", "属性之书.epub", &book, Origin::Bundled).expect("reads");
    assert!(
        article.body.text.contains("属性之后的正文。"),
        "{:?}",
        article.body.text
    );
}

#[test]
fn a_page_nested_two_hundred_thousand_deep_reads_in_linear_time() {
    let depth = 200_000;
    let mut page = String::from("<html><head><title>深</title></head><body>");
    for i in 0..depth {
        page.push_str(if i % 2 == 0 {
            "<div class=\"content\">"
        } else {
            "<section>"
        });
        if i % 1000 == 0 {
            page.push_str("<p>深处的一段正文，有逗号，也有句号，读来应当与浅处的一样。</p>");
        }
    }
    // End tags of elements never opened: each must not search the whole depth.
    page.push_str(&"</span>".repeat(depth));
    page.push_str(&"</div></section>".repeat(depth / 2));
    page.push_str("</body></html>");
    let article = parse_article("深", "深.html", page.as_bytes(), Origin::Bundled).expect("reads");
    assert_eq!(article.body.text.matches("深处的一段正文").count(), depth / 1000);
}
