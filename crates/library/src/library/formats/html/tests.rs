use super::*;
use crate::library::model::article::{BlockKind, InlineStyle};

fn blocks(body: &Body) -> Vec<(BlockKind, &str)> {
    body.blocks
        .iter()
        .map(|b| (b.kind.clone(), body.block_text(b)))
        .collect()
}

const PAGE: &str = r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>春 &amp; 秋 - 网站</title>
<style>p { color: red }</style><script>var x = "<p>不是正文</p>";</script></head>
<body><header><h1>网站名</h1><nav><a href="/">首页</a></nav></header>
<article><h1>春</h1>
<p>盼望着，盼望着，
东风来了。<em>春天</em>的脚步近了&hellip;</p>
<ul><li>一</li><li>二<ol><li>甲</ol></ul>
<blockquote><p>引用</p></blockquote>
<p>见<a href="x.html">链接</a>。<img src="a.png" alt="桃花"><img src="b.png"></p>
<pre>
  缩进的代码
第二行</pre>
<form><input value="x"><button>提交</button></form>
</article><aside>广告</aside><footer>版权所有</footer></body></html>"#;

#[test]
fn a_page_keeps_its_readable_content_only() {
    let page = parse_html(PAGE.as_bytes());
    assert_eq!(page.title.as_deref(), Some("春 & 秋 - 网站"));
    let body = &page.body;
    let texts: Vec<&str> = body.blocks.iter().map(|b| body.block_text(b)).collect();
    assert_eq!(
        texts,
        [
            "春",
            "盼望着，盼望着，东风来了。春天的脚步近了…",
            "一",
            "二",
            "甲",
            "引用",
            "见链接。〔图：桃花〕〔图〕",
            "缩进的代码\n第二行"
        ]
    );
    let kinds = blocks(body);
    assert_eq!(kinds[0].0, BlockKind::Heading(1));
    assert_eq!(
        kinds[2].0,
        BlockKind::ListItem {
            marker: Some(crate::library::Marker::Bullet)
        }
    );
    assert_eq!(body.blocks[4].depth(), 1);
    assert_eq!(
        kinds[4].0,
        BlockKind::ListItem {
            marker: Some(crate::library::Marker::Number(1))
        }
    );
    assert_eq!(kinds[5].0, BlockKind::Quote);
    assert_eq!(kinds[7].0, BlockKind::Code);
    let emphasis = &body.inline(&body.blocks[1])[0];
    assert_eq!(&body.text[emphasis.range()], "春天");
    for gone in ["网站名", "首页", "不是正文", "color", "提交", "广告", "版权"] {
        assert!(!body.text.contains(gone), "{gone} in {:?}", body.text);
    }
}

#[test]
fn the_title_falls_back_to_the_first_h1_and_latin_keeps_its_spaces() {
    let page = parse_html(b"<h1>Hello  <b>World</b></h1><p>one\ntwo <i>three</i> four</p>");
    assert_eq!(page.title.as_deref(), Some("Hello World"));
    assert_eq!(page.body.block_text(&page.body.blocks[1]), "one two three four");
}

#[test]
fn the_site_name_after_the_title_is_dropped_when_the_h1_is_what_comes_before() {
    let title = |head: &str, h1: &str| {
        let html = format!("<html><head><title>{head}</title></head><body><h1>{h1}</h1><p>正文。</p></body></html>");
        parse_html(html.as_bytes()).title
    };
    assert_eq!(
        title("读《岳阳楼记》有感 - 某某博客", "读《岳阳楼记》有感").as_deref(),
        Some("读《岳阳楼记》有感")
    );
    assert_eq!(
        title("读《岳阳楼记》有感_某某博客", "读《岳阳楼记》有感").as_deref(),
        Some("读《岳阳楼记》有感")
    );
    assert_eq!(title("春 | 散文网", "春").as_deref(), Some("春"));
    // A title that only begins like the heading, without a separator, is kept whole.
    assert_eq!(title("春天的故事", "春").as_deref(), Some("春天的故事"));
    // A heading that is not the title's start leaves the title alone.
    assert_eq!(title("某某博客 - 首页", "读书笔记").as_deref(), Some("某某博客 - 首页"));
}

#[test]
fn the_declared_charset_is_used_and_otherwise_detected() {
    let html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body><p>客户关系管理是一门学问。</p></body></html>";
    let (gbk, _, _) = encoding_rs::GBK.encode(html);
    let page = parse_html(&gbk);
    assert_eq!(&*page.body.text, "客户关系管理是一门学问。");
    let undeclared = "<p>客户关系管理是一门学问，销售人员应当重视。</p>".repeat(3);
    let (gbk, _, _) = encoding_rs::GBK.encode(&undeclared);
    assert!(parse_html(&gbk).body.text.starts_with("客户关系管理"));
}

#[test]
fn broken_markup_and_escapes_read_as_a_browser_would() {
    let page = parse_html(b"<header><p>unclosed header</body><p>after &#x1b;[2J<b>bold<p>next &lt;tag&gt;");
    assert!(!page.body.text.contains('\u{1b}'));
    assert!(page.body.text.contains("next <tag>"), "{:?}", page.body.text);
    let page = parse_html("<div>".repeat(100_000).as_bytes());
    assert!(page.body.text.is_empty());
    let page = parse_html(b"<script/><p>xhtml</p>");
    assert_eq!(&*page.body.text, "xhtml");
}

#[test]
fn table_of_contents_marks_place_headings() {
    let mut converter = Converter::new(Mode::Book);
    let mark = |level, label: &str| TocMark {
        level,
        label: label.into(),
    };
    converter.feed(
        "<h1>第一部</h1><h2>第一章　起<a href=\"#top\">↑</a></h2><p>正文。</p><h3>小标题</h3><p id=\"s2\">第二节。</p>",
        vec![mark(1, "第一部"), mark(2, "第一章 起")],
        vec![("s2".into(), mark(3, "第二节"))],
    );
    converter.feed("<p>无标题的章。</p>", vec![mark(2, "第二章")], Vec::new());
    let body = converter.finish().body;
    assert_eq!(
        blocks(&body),
        [
            (BlockKind::Heading(1), "第一部"),
            (BlockKind::Heading(2), "第一章 起"),
            (BlockKind::Paragraph, "正文。"),
            (BlockKind::Paragraph, "小标题"),
            (BlockKind::Heading(3), "第二节"),
            (BlockKind::Paragraph, "第二节。"),
            (BlockKind::Heading(2), "第二章"),
            (BlockKind::Paragraph, "无标题的章。"),
        ]
    );
    assert_eq!(body.inline(&body.blocks[3])[0].style, InlineStyle::Strong);
}

/// ` a0="0" a1="1" …`: `count` attributes.
fn attributes(count: usize) -> String {
    (0..count).map(|i| format!(" a{i}=\"{i}\"")).collect()
}

#[test]
fn attributes_past_the_cap_of_a_tag_are_not_read() {
    let many = attributes(attributes::MAX_ATTRIBUTES);
    let read = |html: String| parse_html(html.as_bytes()).body.text.to_string();
    assert_eq!(read(format!("<p hidden{many}>藏</p><p>显</p>")), "显");
    assert_eq!(read(format!("<p{many} hidden>过了上限</p><p>显</p>")), "过了上限\n显");
    // The cap is a tag's own: the next tag's attributes are read again.
    assert_eq!(read(format!("<p{many}>甲</p><p hidden>藏</p>")), "甲");
}

#[test]
fn raw_text_ends_only_at_its_own_end_tag() {
    let read = |html: &str| parse_html(html.as_bytes()).body.text.to_string();
    assert_eq!(read("<script>a</SCRIPT ><p>甲</p>"), "甲");
    assert_eq!(read("<style>p{}</style/><p>乙</p>"), "乙");
    assert_eq!(read("<script></scripts><p>不</p></script><p>丙</p>"), "丙");
    assert_eq!(
        read("<script><!--<script>x</script><p>不</p>--></script><p>丁</p>"),
        "丁"
    );
    assert_eq!(read("<title>a<p>b</p></title><p>戊</p>"), "戊");
    assert_eq!(read("<script/><p>己</p>"), "己");
}

/// A page of Chinese text with `bad` stray bytes through it, declaring
/// UTF-8 or nothing.
fn damaged_page(bad: usize, declared: bool) -> Vec<u8> {
    let head = if declared { "<meta charset=\"utf-8\">" } else { "" };
    let mut bytes = format!("<html><head>{head}<title>春江花月夜</title></head><body><p>").into_bytes();
    let text: String = "春江潮水连海平，海上明月共潮生。".chars().cycle().take(400).collect();
    for (i, c) in text.chars().enumerate() {
        let mut buf = [0; 4];
        bytes.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        if i % (400 / (bad + 1)) == 0 && i > 0 && i / (400 / (bad + 1)) <= bad {
            bytes.push(0xff);
        }
    }
    bytes.extend_from_slice(b"</p></body></html>");
    bytes
}

#[test]
fn damaged_utf8_is_counted_and_never_read_as_another_encoding() {
    for bad in [1, 3, 20] {
        for declared in [true, false] {
            let page = parse_html(&damaged_page(bad, declared));
            assert_eq!(page.undecoded, bad, "{bad} bad bytes, declared {declared}");
            assert_eq!(page.body.text.matches('\u{fffd}').count(), bad);
            assert!(
                page.body.text.starts_with("春江潮水连海平"),
                "{}",
                &page.body.text[..30]
            );
            assert_eq!(page.title.as_deref(), Some("春江花月夜"));
        }
    }
    // Latin text that says it is UTF-8: its stray bytes are not Latin-1.
    let mut latin = b"<meta charset=utf-8><p>".to_vec();
    for i in 0..20 {
        latin.extend_from_slice(format!("word{i} ").as_bytes());
        latin.push(0xe9);
    }
    let page = parse_html(&latin);
    assert_eq!(page.undecoded, 20);
    assert!(!page.body.text.contains('é'));
}

#[test]
fn ruby_in_a_page_follows_its_word() {
    let page = parse_html("<p><ruby>束<rp>(</rp><rt>つか</rt><rp>)</rp>の間<rt>ま</rt></ruby>の命</p>".as_bytes());
    assert_eq!(&*page.body.text, "束(つか)の間(ま)の命");
    let page = parse_html_with(
        "<p><ruby>行<rt>háng</rt></ruby>业</p>".as_bytes(),
        crate::library::Ruby::Drop,
    );
    assert_eq!(&*page.body.text, "行业");
}

#[test]
fn the_tokenizer_reads_raw_text_references_and_attributes_as_a_browser_does() {
    let page = parse_html(
        "<title>春 &amp; 秋 &notit; &notin</title><p>甲\0乙</p>\
         <script>x = \"</scr\" + \"<p>不是</p>\";</script>\
         <img alt=\"第一\" ALT=\"第二\"><p>&notit; &amp &#x4E2D;</p>\
         <svg><text>丙<![CDATA[ 丁<p>戊</p> ]]>己</text></svg>\
         <pre>\n\nx&amp;y\tz\r\nq</pre>"
            .as_bytes(),
    );
    assert_eq!(page.title.as_deref(), Some("春 & 秋 ¬it; ¬in"));
    let body = &page.body;
    let texts: Vec<&str> = body.blocks.iter().map(|b| body.block_text(b)).collect();
    assert_eq!(texts, ["甲乙", "〔图：第一〕", "¬it; & 中", "丙戊 ]]>己", "x&y z\nq"]);
}
