use super::*;

const SAMPLE: &str = "客户關係管理，“RATER模型”。";

const ESSAY: &str = include_str!("../../../../../tests/fixtures/classical/yueyang-lou-ji.md");
const NOVEL: &str = include_str!("../../../../../articles/yingxiao/kehu-guanxi-guanli.md");

/// `text` in UTF-8 with `count` places damaged, spread over it, each in one
/// of the ways files are damaged: a byte lost, a byte changed to one that
/// starts no character, a character's lead byte lost.
fn damaged(text: &str, count: usize) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    for i in (0..count).rev() {
        // The lead byte of a character of three bytes near this place.
        let mut at = (i + 1) * bytes.len() / (count + 1);
        while bytes[at] < 0xe0 {
            at += 1;
        }
        match i % 3 {
            0 => {
                bytes.remove(at + 1);
            }
            1 => bytes[at + 1] = 0xff,
            _ => {
                bytes.remove(at);
            }
        }
    }
    bytes
}

#[test]
fn decodes_utf8_with_and_without_bom() {
    assert_eq!(decode_text(SAMPLE.as_bytes()).text, SAMPLE);
    let mut with_bom = vec![0xef, 0xbb, 0xbf];
    with_bom.extend_from_slice(SAMPLE.as_bytes());
    assert_eq!(decode_text(&with_bom).text, SAMPLE);
    assert_eq!(decode_text(&with_bom).replaced, 0);
}

#[test]
fn genuine_gb18030_gbk_and_big5_decode_as_such() {
    for text in [
        SAMPLE.repeat(4),
        NOVEL.to_string(),
        "你好！".into(),
        "床前明月光，疑是地上霜。".into(),
    ] {
        for encoding in [encoding_rs::GBK, encoding_rs::GB18030] {
            let (bytes, _, _) = encoding.encode(&text);
            assert!(!is_damaged_utf8(&bytes), "{}: {text:.20}", encoding.name());
            let decoded = decode_text(&bytes);
            assert_eq!(decoded.text, text);
            assert_eq!(decoded.replaced, 0);
            assert_eq!(binary_reason(&bytes), None);
        }
    }
    let essay = ESSAY.split("+++").nth(2).expect("a body");
    for text in [
        essay,
        "客戶關係管理是一門學問，銷售人員應當重視。客戶關係管理是一門學問。",
    ] {
        let (big5, _, unmappable) = encoding_rs::BIG5.encode(text);
        assert!(!unmappable);
        assert!(!is_damaged_utf8(&big5));
        assert_eq!(decode_text(&big5).text, text);
    }
}

#[test]
fn utf8_text_cut_in_its_last_character_is_utf8_text_with_a_replacement_character() {
    let text = "第一章 风起\n\n　　夜色深沉，风从北方吹来。\n\n".repeat(3000);
    let text = text.trim_end();
    for cut in [1, 2] {
        let bytes = &text.as_bytes()[..text.len() - cut];
        assert_eq!(binary_reason(bytes), None);
        let decoded = decode_text(bytes);
        assert_eq!(decoded.text, format!("{}\u{fffd}", &text[..text.len() - 3]));
        assert_eq!(decoded.replaced, 1);
    }
}

#[test]
fn invalid_gb18030_sequences_become_replacement_characters() {
    let mut bytes = encoding_rs::GB18030.encode("客户关系管理客户关系管理").0.into_owned();
    bytes.extend_from_slice(&[0x81, 0x20]);
    let decoded = decode_text(&bytes);
    assert!(decoded.text.starts_with("客户关系管理"), "{}", decoded.text);
    assert_eq!(decoded.replaced, 1);
}

/// A UTF-8 file with one, three or twenty damaged places is UTF-8: every
/// character around them is read, each place is one U+FFFD, and counted.
#[test]
fn utf8_with_a_few_damaged_bytes_is_utf8_with_replacement_characters() {
    for text in [ESSAY, NOVEL] {
        for count in [1, 3, 20] {
            let bytes = damaged(text, count);
            assert!(is_damaged_utf8(&bytes), "{count}");
            assert_eq!(binary_reason(&bytes), None, "{count}");
            let decoded = decode_text(&bytes);
            let kept = decoded.text.chars().filter(|&c| c != '\u{fffd}').count();
            assert!(kept + count >= text.chars().count(), "{count}: {kept}");
            assert!(
                decoded.replaced >= count && decoded.replaced <= 3 * count,
                "{count}: {}",
                decoded.replaced
            );
            assert_eq!(decoded.text.matches('\u{fffd}').count(), decoded.replaced);
            assert!(decoded.text.contains("慶曆四年春") || decoded.text.contains("客户"));
        }
    }
    // Cut anywhere, as `head -c 2000` cuts: the end of a character is lost.
    for cut in [2000, 1999, 1001, 17] {
        let bytes = &NOVEL.as_bytes()[..cut];
        let decoded = decode_text(bytes);
        let whole = decoded.text.trim_end_matches('\u{fffd}');
        assert!(NOVEL.starts_with(whole) && whole.len() + 3 > cut, "{cut}");
        assert!(decoded.replaced <= 1, "{cut}");
        assert_eq!(binary_reason(bytes), None);
    }
    // With a byte order mark too.
    let mut with_bom = vec![0xef, 0xbb, 0xbf];
    with_bom.extend_from_slice(&damaged(ESSAY, 3));
    assert_eq!(
        decode_text(&with_bom).replaced,
        decode_text(&damaged(ESSAY, 3)).replaced
    );
}

#[test]
fn random_bytes_are_still_binary() {
    let mut state = 7u64;
    let noise: Vec<u8> = (0..20_000)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            0x80 | (state >> 32) as u8
        })
        .collect();
    assert!(!is_damaged_utf8(&noise));
    assert!(binary_reason(&noise).is_some());
}

#[test]
fn control_bytes_past_one_in_a_hundred_make_a_file_binary_and_the_allowed_ones_never_count() {
    // Lengths around the 255-byte chunks the bytes are counted in, and past
    // the 64 KB sample.
    for len in [800, 1000, 2550, 2551, 40_000, 70_000] {
        let sample = len.min(DETECT_BYTES);
        let just_over = sample / 100 + 1;
        for (byte, counts) in [(0x01, true), (0x1f, true), (0x7f, true), (0x08, true)]
            .into_iter()
            .chain([b'\t', b'\n', b'\r', 0x0c, 0x1b, b' ', 0x80, 0xff].map(|b| (b, false)))
        {
            for controls in [just_over - 1, just_over] {
                let mut bytes = vec![b'a'; len];
                // Spread over the sample, one in a chunk's last byte.
                for i in 0..controls {
                    bytes[(i * 97 + 254) % sample] = byte;
                }
                let binary = binary_reason(&bytes).is_some();
                let expected = counts && controls >= 8 && controls * 100 > sample;
                assert_eq!(binary, expected, "{len} bytes, {controls} × {byte:#04x}");
            }
        }
    }
    // A run of them longer than the chunks they are counted in.
    assert!(binary_reason(&[0x01; 70_000]).is_some());
    let mut run = vec![b'a'; 70_000];
    run[1000..1700].fill(0x01);
    assert!(binary_reason(&run).is_some(), "700 in the 64 KB sample");
    run[1000..1600].fill(b'a');
    assert!(binary_reason(&run).is_none(), "100 in the 64 KB sample");
}
