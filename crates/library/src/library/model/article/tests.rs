use super::*;

#[test]
fn visible_characters_are_counted_like_chars_without_whitespace() {
    for text in [
        "客户关系 管理\n第二行",
        "\u{3000}\u{3000}缩进",
        "Latin words, 123",
        "é 👍🏽 ䷀",
        "",
    ] {
        let expected = text.chars().filter(|c| !c.is_whitespace()).count();
        assert_eq!(count_visible(text), expected, "{text:?}");
    }
}

#[test]
fn soft_breaks_join_chinese_without_space_and_latin_with_one() {
    let mut b = BodyBuilder::default();
    b.open(BlockKind::Paragraph, 0);
    b.push_text("第一行\n第二行 and\nmore\nIntel");
    b.push_text("\n的");
    let body = b.finish();
    assert_eq!(&*body.text, "第一行第二行 and more Intel的");
}

#[test]
fn blocks_are_separated_by_newlines_and_empty_blocks_vanish() {
    let mut b = BodyBuilder::default();
    b.open(BlockKind::Heading(2), 0);
    b.push_text("标题");
    b.close();
    b.open(BlockKind::Paragraph, 0);
    b.push_text("   ");
    b.close();
    b.open(BlockKind::Paragraph, 0);
    b.push_text("正文");
    let body = b.finish();
    assert_eq!(&*body.text, "标题\n正文");
    assert_eq!(body.blocks.len(), 2);
    assert_eq!(body.block_text(&body.blocks[1]), "正文");
}

/// Every article is held for as long as the collection is open: for
/// 57,603 short poems each byte of an article's own size is 58 KB. The
/// fields few articles have are boxed (`MoreMeta`); the front matter's
/// `order`, which whole collections have or lack, is 8 bytes inline (a
/// boxed `MoreMeta` for it alone cost 4 MB for 50,000 such articles); the
/// body's text and blocks are boxed (16 bytes each, not 24), its origin
/// is a shared folder and a place in its names (16 bytes, no allocation), its
/// inline spans behind one pointer (8 bytes, which take 8 from every block),
/// its 字数 is 32-bit and its category shared (8 bytes), so an article is at
/// most 160 bytes (it was 328 with those fields inline, 200 with `String`,
/// `Vec` and `PathBuf`, 176 with the category inline).
#[test]
fn an_article_stays_small() {
    assert!(
        std::mem::size_of::<Article>() <= 160,
        "{}",
        std::mem::size_of::<Article>()
    );
    assert!(std::mem::size_of::<Meta>() <= 72, "{}", std::mem::size_of::<Meta>());
}

/// A novel holds a block per paragraph (a 10 MB one about 100,000), a
/// poem one per stanza: 28-bit offsets with the depth above them, the
/// spans the body's and a list marker held as a number keep a block at 16
/// bytes (it was 72 with `usize` ranges, a `Vec` and a `String`, then 56
/// with a boxed slice and a boxed marker).
#[test]
fn a_block_stays_small() {
    assert!(std::mem::size_of::<Block>() <= 16, "{}", std::mem::size_of::<Block>());
    assert!(
        std::mem::size_of::<InlineSpan>() <= 12,
        "{}",
        std::mem::size_of::<InlineSpan>()
    );
}

#[test]
fn a_block_keeps_its_depth_and_range_apart() {
    for depth in [0, 1, 8, 15] {
        for range in [0..0, 3..9, 0..(1 << 28) - 1] {
            let block = Block::new(BlockKind::Quote, depth, range.clone());
            assert_eq!((block.depth(), block.range()), (depth, range.clone()));
            let bytes = postcard::to_stdvec(&block).expect("serialise");
            let read: Block = postcard::from_bytes(&bytes).expect("read back");
            assert_eq!((read.depth(), read.range()), (depth, range));
        }
    }
    let deep = Block::new(BlockKind::Quote, 200, 5..7);
    assert_eq!((deep.depth(), deep.range()), (15, 5..7), "deeper is kept at 15");
}

#[test]
fn blocks_left_out_take_their_text_and_spans_with_them() {
    let mut builder = BodyBuilder::default();
    for (i, text) in ["甲一", "乙二", "丙三"].iter().enumerate() {
        builder.open(BlockKind::Paragraph, 0);
        builder.push_text(text);
        if i == 2 {
            builder.start_inline(InlineStyle::Strong);
            builder.push_text("强");
            builder.end_inline();
        }
        builder.close();
    }
    let body = builder.finish().retain_blocks(&[false, true, true]);
    assert_eq!(&*body.text, "乙二\n丙三强");
    assert!(body.is_sound());
    assert_eq!(body.char_count(), 5);
    let last = &body.blocks[1];
    assert_eq!(body.block_text(last), "丙三强");
    assert_eq!(&body.text[body.inline(last)[0].range()], "强");
    assert!(body.inline(&body.blocks[0]).is_empty());
}
