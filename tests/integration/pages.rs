//! Web pages shaped like Chinese blogs, news sites, forums and WeChat
//! articles (`tests/fixtures/pages`, each a `source.html` and the article
//! it holds, `expected.html`): what yuedu keeps of each is scored as
//! `benches/extraction.rs` scores it, and must be the article, nearly all
//! of it and little else.

#[path = "../../benches/extraction/score.rs"]
#[allow(dead_code)]
mod score;
use crate::support;

use std::path::Path;

use score::{Score, visible_text};
use yuedu::library::parse_html;

const MIN_PRECISION: f64 = 0.95;
const MIN_RECALL: f64 = 0.98;
/// A thread keeps each post's line of floor and date, and a signature.
const MIN_PRECISION_FORUM: f64 = 0.85;

/// The page's text as the bench scores it: image placeholders are not text.
fn kept_text(source: &[u8]) -> String {
    let page = parse_html(source);
    let mut text = String::new();
    let mut rest = &*page.body.text;
    while let Some(at) = rest.find("〔图") {
        text.push_str(&rest[..at]);
        text.push(' ');
        let after = &rest[at..];
        rest = after.find('〕').map_or("", |end| &after[end + '〕'.len_utf8()..]);
    }
    text.push_str(rest);
    text
}

fn score_of(name: &str) -> Score {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pages")
        .join(name);
    let source = std::fs::read(folder.join("source.html")).expect("source.html");
    let expected = std::fs::read_to_string(folder.join("expected.html")).expect("expected.html");
    Score::of(&kept_text(&source), &visible_text(&expected))
}

fn assert_article(name: &str) {
    assert_article_within(name, MIN_PRECISION);
}

fn assert_article_within(name: &str, min_precision: f64) {
    let score = score_of(name);
    assert!(
        score.precision >= min_precision && score.recall >= MIN_RECALL,
        "{name}: precision {:.3}, recall {:.3}",
        score.precision,
        score.recall
    );
}

#[test]
fn a_blog_built_of_divisions_is_read_without_its_navigation_sidebar_and_comments() {
    assert_article("blog");
}

#[test]
fn a_news_page_is_read_without_its_channels_rankings_and_related_news() {
    assert_article("news");
}

#[test]
fn a_forum_thread_is_read_as_its_posts() {
    assert_article_within("forum", MIN_PRECISION_FORUM);
}

#[test]
fn a_wechat_article_is_read_without_its_toolbar_recommendations_and_comments() {
    assert_article("wechat");
}

#[test]
fn the_heading_that_repeats_the_title_and_hidden_blocks_are_left_out() {
    let source = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/blog/source.html"))
        .expect("source.html");
    let page = parse_html(&source);
    assert_eq!(page.title.as_deref(), Some("秋夜读书记"));
    let text = &*page.body.text;
    assert!(!text.contains("秋夜读书记"), "{text}");
    assert!(!text.contains("站长统计") && !text.contains("关注公众号"), "{text}");
    assert!(text.contains("〔图：书桌〕"));
}

#[test]
fn a_book_chapter_is_its_own_article_and_keeps_everything() {
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/blog/source.html"))
            .expect("source.html");
    let book = support::epub("一章之书", &[source.as_bytes()]);
    let article = yuedu::library::parse_article("一章之书", "一章之书.epub", &book, yuedu::library::Origin::Bundled)
        .expect("reads");
    let text = &*article.body.text;
    for kept in ["最新文章", "外婆的针线盒", "写得真好", "相关文章", "入秋以后"] {
        assert!(text.contains(kept), "{kept} left out of the chapter: {text}");
    }
}

#[test]
fn a_page_that_is_only_its_article_is_kept_whole() {
    let page = "<html><head><title>笔记</title></head><body><h1>笔记</h1><h2>一</h2><p>短短一段。</p>\
                <ul><li><a href=\"a.html\">链接一</a></li><li><a href=\"b.html\">链接二</a></li></ul>\
                <p>又一段。</p></body></html>";
    let page = parse_html(page.as_bytes());
    assert_eq!(&*page.body.text, "笔记\n一\n短短一段。\n链接一\n链接二\n又一段。");
}
