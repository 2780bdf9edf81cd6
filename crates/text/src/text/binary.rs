//! Telling bytes in a legacy encoding from bytes that only decode as one.
//! GB18030 gives a character to nearly every pair of high bytes, so random
//! or compressed data without NUL bytes decodes as Chinese: rare characters
//! in random order. Real text is made mostly of the common characters, which
//! every double-byte encoding keeps together: punctuation and the first level
//! of characters by frequency (GB2312's and EUC-JP's and EUC-KR's rows
//! `A1`–`A5` and `B0`–`D7`, Big5's `A1`–`C6`, Shift_JIS's `81`–`84` and
//! `88`–`98`). Random bytes land there about a quarter of the time; text in
//! any of them, nine times in ten or more. Text in a single-byte encoding
//! (Latin-1, Cyrillic) puts its high bytes in short runs between ASCII.

/// High bytes in runs at most this long count as single-byte text: words.
const WORD_RUN: usize = 24;

/// Fewer pairs of high bytes than this tell nothing either way.
const ENOUGH: usize = 32;

/// Whether `bytes` (not UTF-8) look like text in some legacy encoding:
/// short runs of high bytes between ASCII, or, read in the double-byte
/// encoding that suits them best, at least half common characters.
pub fn is_legacy_text(bytes: &[u8]) -> bool {
    let in_words: usize = bytes
        .split(u8::is_ascii)
        .map(<[u8]>::len)
        .filter(|&run| run <= WORD_RUN)
        .sum();
    let high = bytes.iter().filter(|b| !b.is_ascii()).count();
    if in_words * 10 >= high * 9 {
        return true;
    }
    if Scheme::Euc.count(bytes).1 < ENOUGH {
        return true;
    }
    [Scheme::Euc, Scheme::Big5, Scheme::ShiftJis]
        .into_iter()
        .map(|scheme| scheme.count(bytes))
        .any(|(common, all)| all >= ENOUGH / 2 && common * 3 >= all * 2)
}

/// A family of double-byte encodings, by where its common characters lie.
#[derive(Clone, Copy)]
enum Scheme {
    /// GB2312/GBK/GB18030, EUC-JP, EUC-KR.
    Euc,
    Big5,
    ShiftJis,
}

impl Scheme {
    /// Whether `lead` starts a character of two bytes (ASCII and Shift_JIS's
    /// half-width kana stand alone).
    fn is_lead(self, lead: u8) -> bool {
        match self {
            Scheme::Euc | Scheme::Big5 => (0x81..=0xfe).contains(&lead),
            Scheme::ShiftJis => matches!(lead, 0x81..=0x9f | 0xe0..=0xfc),
        }
    }

    fn is_common(self, lead: u8, trail: u8) -> bool {
        match self {
            Scheme::Euc => matches!(lead, 0xa1..=0xa5 | 0xb0..=0xd7) && (0xa1..=0xfe).contains(&trail),
            Scheme::Big5 => (0xa1..=0xc6).contains(&lead) && matches!(trail, 0x40..=0x7e | 0xa1..=0xfe),
            Scheme::ShiftJis => matches!(lead, 0x81..=0x84 | 0x88..=0x98) && matches!(trail, 0x40..=0x7e | 0x80..=0xfc),
        }
    }

    /// Common double-byte characters, and all of them.
    fn count(self, bytes: &[u8]) -> (usize, usize) {
        let (mut common, mut all, mut at) = (0, 0, 0);
        while at < bytes.len() {
            let lead = bytes[at];
            if !self.is_lead(lead) {
                at += 1;
                continue;
            }
            let Some(&trail) = bytes.get(at + 1) else {
                break;
            };
            all += 1;
            common += usize::from(self.is_common(lead, trail));
            at += 2;
        }
        (common, all)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes 0x80–0xFF in a fixed pseudo-random order.
    fn high_noise(len: usize, seed: u64) -> Vec<u8> {
        let mut state = seed | 1;
        (0..len)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                0x80 | (state >> 32) as u8
            })
            .collect()
    }

    const ARTICLE: &str = include_str!("../../../../articles/yingxiao/kehu-guanxi-guanli.md");

    /// A novel's opening, with its rarer names (《红楼梦》, first chapter).
    const NOVEL: &str = "此开卷第一回也。作者自云：因曾历过一番梦幻之后，故将真事隐去，而借“通灵”之说，撰此《石头记》一书也。\
        故曰“甄士隐”云云。但书中所记何事何人？自又云：“今风尘碌碌，一事无成，忽念及当日所有之女子，一一细考较去，\
        觉其行止见识，皆出于我之上。何我堂堂须眉，诚不若彼裙钗哉？实愧则有余，悔又无益之大无可如何之日也！”\
        列位看官：你道此书从何而来？说起根由虽近荒唐，细按则深有趣味。待在下将此来历注明，方使阅者了然不惑。\
        原来女娲氏炼石补天之时，于大荒山无稽崖练成高经十二丈、方经二十四丈顽石三万六千五百零一块。\
        娲皇氏只用了三万六千五百块，只单单剩了一块未用，便弃在此山青埂峰下。谁知此石自经煅炼之后，灵性已通，\
        因见众石俱得补天，独自己无材不堪入选，遂自怨自叹，日夜悲号惭愧。";

    /// A classical text in Traditional characters (陶淵明《桃花源記》).
    const TRADITIONAL: &str = "晉太元中，武陵人捕魚為業。緣溪行，忘路之遠近。忽逢桃花林，夾岸數百步，中無雜樹，芳草鮮美，落英繽紛。\
        漁人甚異之，復前行，欲窮其林。林盡水源，便得一山，山有小口，彷彿若有光。便捨船，從口入。初極狹，纔通人。\
        復行數十步，豁然開朗。土地平曠，屋舍儼然，有良田美池桑竹之屬。阡陌交通，雞犬相聞。其中往來種作，男女衣著，\
        悉如外人。黃髮垂髫，並怡然自樂。見漁人，乃大驚，問所從來。具答之。便要還家，設酒殺雞作食。村中聞有此人，\
        咸來問訊。自云先世避秦時亂，率妻子邑人來此絕境，不復出焉，遂與外人間隔。問今是何世，乃不知有漢，無論魏晉。";

    #[test]
    fn chinese_texts_in_every_legacy_encoding_are_text() {
        for text in [ARTICLE, NOVEL] {
            for encoding in [encoding_rs::GBK, encoding_rs::GB18030] {
                let (bytes, _, unmappable) = encoding.encode(text);
                assert!(!unmappable);
                assert!(is_legacy_text(&bytes), "{}: {:.40}", encoding.name(), text);
                // Any opening of it, too.
                assert!(is_legacy_text(&bytes[..bytes.len().min(300)]));
            }
        }
        let (big5, _, unmappable) = encoding_rs::BIG5.encode(TRADITIONAL);
        assert!(!unmappable);
        assert!(is_legacy_text(&big5));
        let (japanese, _, _) = encoding_rs::SHIFT_JIS.encode("吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。");
        assert!(is_legacy_text(&japanese));
        let (korean, _, _) = encoding_rs::EUC_KR
            .encode("대한민국은 민주공화국이다. 대한민국의 주권은 국민에게 있고, 모든 권력은 국민으로부터 나온다.");
        assert!(is_legacy_text(&korean));
        let (russian, _, _) = encoding_rs::WINDOWS_1251
            .encode("Все счастливые семьи похожи друг на друга, каждая несчастливая семья несчастлива по-своему.");
        assert!(is_legacy_text(&russian));
        let (french, _, _) =
            encoding_rs::WINDOWS_1252.encode("Où est passée la fenêtre ? À côté de l'église, près du château.");
        assert!(is_legacy_text(&french));
    }

    #[test]
    fn random_high_bytes_of_any_size_are_not_text() {
        for (len, seed) in [(100, 1), (200, 2), (1000, 3), (4096, 4), (10_000, 5), (100_000, 6)] {
            assert!(!is_legacy_text(&high_noise(len, seed)), "{len} bytes");
        }
        // Too short to tell: given the benefit of the doubt.
        assert!(is_legacy_text(&high_noise(20, 7)));
    }
}
