//! The article of a web page, chosen as Readability chooses it, from the
//! page's outline and the blocks read in each node: paragraphs score the
//! elements around them (more for length and commas), link-heavy elements
//! score less, the best element and its siblings of a like score are the
//! article, and lists, tables and divisions in it that look like navigation
//! or comments are left out. Tried first without the elements named as
//! unlikely (sidebars, comments…), then with them, then without weighing
//! names, then without leaving anything out, until the article is long
//! enough. `None` when no block scores: the page is kept whole.

mod candidate;

use super::outline::Node;
use crate::library::model::article::{BlockKind, Body, InlineStyle};
use candidate::Try;

/// An article shorter than this makes the next try: Readability's 500
/// characters of English, about a hundred words, each Chinese character
/// counted as three (`Stat::length`).
const ENOUGH_CHARS: u32 = 500;
/// A paragraph shorter than this does not score.
const MIN_PARAGRAPH_CHARS: u32 = 25;
/// How many of the best scoring elements are weighed against the best.
const TOP_CANDIDATES: usize = 5;
/// How many elements above a paragraph its score reaches.
const LEVELS: usize = 5;

/// What one block brings to the scores.
#[derive(Clone, Copy, Default)]
struct Stat {
    chars: u32,
    /// `chars`, with each CJK character counted three times.
    length: u32,
    links: u32,
    commas: u32,
    images: u32,
    paragraph: bool,
    item: bool,
    heading: bool,
    /// A sentence ends in it (`. ` or `。`).
    sentence: bool,
    /// The heading that repeats the page's title, which the reader shows.
    title: bool,
}

impl Stat {
    fn of(body: &Body, index: usize) -> Stat {
        let block = &body.blocks[index];
        let text = body.block_text(block);
        let links = body
            .inline(block)
            .iter()
            .filter(|s| s.style == InlineStyle::Link)
            .map(|s| visible_chars(&body.text[s.range()]))
            .sum();
        // One pass over the text: a page of 50 MB has 50 MB of blocks.
        let (mut chars, mut cjk, mut commas, mut images, mut sentence) = (0u32, 0u32, 0u32, 0u32, false);
        let mut previous = ' ';
        for c in text.chars() {
            if c.is_whitespace() {
                sentence |= previous == '.';
            } else {
                chars = chars.saturating_add(1);
            }
            cjk = cjk.saturating_add(u32::from(crate::library::model::article::is_cjk(c)));
            commas = commas.saturating_add(u32::from(matches!(c, ',' | '，' | '\u{60c}' | '\u{fe50}' | '\u{fe10}')));
            images = images.saturating_add(u32::from(previous == '〔' && c == '图'));
            sentence |= matches!(c, '。' | '！' | '？');
            previous = c;
        }
        Stat {
            chars,
            length: chars.saturating_add(cjk.saturating_mul(2)),
            links,
            commas,
            images,
            paragraph: block.kind == BlockKind::Paragraph,
            item: matches!(block.kind, BlockKind::ListItem { marker: Some(_) }),
            heading: matches!(block.kind, BlockKind::Heading(_)),
            sentence: sentence || previous == '.',
            title: false,
        }
    }
}

/// Readability's score of a paragraph: one, one for it and each comma,
/// one for each hundred characters up to three.
fn paragraph_score(chars: u32, commas: u32) -> f32 {
    2.0 + commas as f32 + (chars / 100).min(3) as f32
}

/// How much of `text` the title holds (Readability's text similarity): the
/// share of its words, each Han character a word, found in the title.
pub(super) fn similarity(title: &str, text: &str) -> f32 {
    let title_words = words(title);
    let words = words(text);
    let all: usize = words.iter().map(|w| w.len() + 1).sum();
    if all == 0 {
        return 0.0;
    }
    let unique: usize = words
        .iter()
        .filter(|w| !title_words.contains(w))
        .map(|w| w.len() + 1)
        .sum();
    1.0 - unique as f32 / all as f32
}

/// Words lower-cased: runs of letters and digits, each CJK character alone.
fn words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if crate::library::model::article::is_cjk(c) && c.is_alphanumeric() {
            words.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            words.push(c.to_string());
        } else if c.is_alphanumeric() {
            word.extend(c.to_lowercase());
        } else if !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
    }
    words.extend((!word.is_empty()).then_some(word));
    words
}

fn count<T>(items: impl Iterator<Item = T>) -> u32 {
    u32::try_from(items.count()).unwrap_or(u32::MAX)
}

fn visible_chars(text: &str) -> u32 {
    count(text.chars().filter(|c| !c.is_whitespace()))
}

/// Sums over the blocks under one node.
#[derive(Clone, Copy, Default)]
struct Totals {
    chars: u32,
    links: u32,
    commas: u32,
    images: u32,
    paragraphs: u32,
    items: u32,
    item_chars: u32,
    heading_chars: u32,
    sentences: u32,
    /// Blocks read in the node itself, not in a node under it.
    own_blocks: u32,
    children: u32,
}

impl Totals {
    fn add(&mut self, other: &Totals) {
        self.chars = self.chars.saturating_add(other.chars);
        self.links = self.links.saturating_add(other.links);
        self.commas = self.commas.saturating_add(other.commas);
        self.images = self.images.saturating_add(other.images);
        self.paragraphs = self.paragraphs.saturating_add(other.paragraphs);
        self.items = self.items.saturating_add(other.items);
        self.item_chars = self.item_chars.saturating_add(other.item_chars);
        self.heading_chars = self.heading_chars.saturating_add(other.heading_chars);
        self.sentences = self.sentences.saturating_add(other.sentences);
    }

    fn link_density(&self) -> f32 {
        if self.chars == 0 {
            0.0
        } else {
            self.links as f32 / self.chars as f32
        }
    }
}

/// Which of Readability's steps a try takes.
#[derive(Clone, Copy)]
struct Flags {
    strip_unlikely: bool,
    weigh_names: bool,
    clean: bool,
}

const TRIES: [Flags; 4] = [
    Flags {
        strip_unlikely: true,
        weigh_names: true,
        clean: true,
    },
    Flags {
        strip_unlikely: false,
        weigh_names: true,
        clean: true,
    },
    Flags {
        strip_unlikely: false,
        weigh_names: false,
        clean: true,
    },
    Flags {
        strip_unlikely: false,
        weigh_names: false,
        clean: false,
    },
];

/// Which blocks are the article: `keep[i]` for the i-th block, whose node
/// is `tags[i]`; `None` when nothing on the page scores as an article.
pub(super) fn article_blocks(nodes: &[Node], body: &Body, tags: &[u32], title: Option<&str>) -> Option<Vec<bool>> {
    if nodes.is_empty() || tags.len() != body.blocks.len() {
        return None;
    }
    let mut stats: Vec<Stat> = (0..body.blocks.len()).map(|i| Stat::of(body, i)).collect();
    if let Some(title) = title {
        let repeated = body.blocks.iter().position(|b| {
            let heading = body.block_text(b);
            // Most of the heading in the title, and half of the title in the heading.
            matches!(b.kind, BlockKind::Heading(1 | 2))
                && similarity(title, heading) > 0.75
                && similarity(heading, title) >= 0.5
        });
        if let Some(at) = repeated {
            stats[at].title = true;
        }
    }
    let mut best: Option<(u32, Vec<bool>)> = None;
    for flags in TRIES {
        let Some(keep) = Try::new(nodes, &stats, tags, flags).run() else {
            continue;
        };
        let chars = keep
            .iter()
            .zip(&stats)
            .filter(|(k, _)| **k)
            .fold(0u32, |sum, (_, s)| sum.saturating_add(s.length));
        if chars >= ENOUGH_CHARS {
            return Some(keep);
        }
        if best.as_ref().is_none_or(|(most, _)| chars > *most) {
            best = Some((chars, keep));
        }
    }
    best.filter(|(chars, _)| *chars > 0).map(|(_, keep)| keep)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::formats::html::parse_html;

    #[test]
    fn a_heading_is_like_a_title_by_the_share_of_its_words_in_it() {
        assert_eq!(similarity("秋夜读书记", "秋夜读书记"), 1.0);
        assert_eq!(similarity("春 & 秋 - 网站", "春"), 1.0);
        assert!(similarity("春", "春 & 秋 - 网站") < 0.5);
        assert!(similarity("Reading at Night", "reading at night") > 0.99);
        assert_eq!(similarity("标题", ""), 0.0);
    }

    fn page(article: &str, around: &str) -> String {
        format!(
            "<html><head><title>标题 - 站名</title></head><body>{around}<div class=\"post-content\"><h1>标题</h1>{article}</div>{around}</body></html>"
        )
    }

    const PARAGRAPH: &str = "<p>这是正文的一段，有好几个逗号，也有句号，长度足够让它算作一个段落来打分。它还接着写了一句，说的是同一件事情，只是说得更细一些。</p>";

    #[test]
    fn the_article_is_kept_without_what_is_around_it() {
        let around = "<div class=\"sidebar\"><ul><li><a href=\"/1\">另一篇文章的标题</a></li><li><a href=\"/2\">第三篇文章</a></li></ul></div>";
        let html = page(&PARAGRAPH.repeat(6), around);
        let body = parse_html(html.as_bytes()).body;
        assert_eq!(body.blocks.len(), 6, "{}", body.text);
        assert!(!body.text.contains("另一篇") && !body.text.contains("标题"));
    }

    #[test]
    fn a_link_list_inside_the_article_is_left_out() {
        let links = "<div class=\"box\"><a href=\"/a\">上一篇：春日</a> <a href=\"/b\">下一篇：冬至</a></div>";
        let html = page(&format!("{}{links}{}", PARAGRAPH.repeat(3), PARAGRAPH.repeat(3)), "");
        let body = parse_html(html.as_bytes()).body;
        assert!(!body.text.contains("上一篇"), "{}", body.text);
        assert_eq!(body.blocks.len(), 6);
    }

    #[test]
    fn a_page_without_paragraphs_to_score_is_kept_whole() {
        let html = "<html><body><div class=\"sidebar\"><p>短句。</p></div><p>另一句。</p></body></html>";
        let body = parse_html(html.as_bytes()).body;
        assert_eq!(&*body.text, "短句。\n另一句。");
    }

    #[test]
    fn a_sidebar_is_kept_when_the_article_is_too_short_without_it() {
        let html = format!(
            "<html><body><div class=\"sidebar\">{}</div><div class=\"menu\"><a href=\"/\">首页</a></div></body></html>",
            PARAGRAPH.repeat(2)
        );
        let body = parse_html(html.as_bytes()).body;
        assert_eq!(body.blocks.len(), 2, "{}", body.text);
    }
}
