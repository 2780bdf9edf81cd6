//! Verse: poems keep their lines. A poem written one line of verse to a
//! line (`床前明月光，疑是地上霜。\n舉頭望明月，低頭思故鄉。`) would otherwise
//! be joined into one indented paragraph, as Markdown and `.txt` paragraphs
//! are. Its paragraphs become `BlockKind::Verse`: each source line its own
//! line, no first-line indent.

/// A text is read as verse only when it is this short in lines (長恨歌,
/// a couplet to a line, is 60)…
const MAX_LINES: usize = 200;
/// …and every line is at most this many characters (a line of 詞 with its
/// clauses, `大江東去，浪淘盡，千古風流人物。`, is 16)…
const MAX_LINE_CHARS: usize = 24;
/// …or, when each paragraph is one line, this many (a couplet of seven
/// characters with its marks is 16, a quatrain on one line 32).
const MAX_COUPLET_CHARS: usize = 32;
/// Lines before the first line of verse that may be its title and author
/// (`靜夜思` / `李白`), short and without the marks of a clause.
const MAX_HEAD_LINES: usize = 2;
const MAX_HEAD_CHARS: usize = 12;

/// Whether a text is verse: an article that says so (`lines = true` or
/// `form = "poem"` in its front matter), or, unless it says `lines = false`,
/// a short text whose lines are all short and end with punctuation that
/// closes a line of verse (after at most two short lines of title and
/// author), two lines at least: with a paragraph of two lines or more, or
/// with one line to each paragraph, a couplet to a line
/// (`床前明月光，疑是地上霜。` then a blank line). Hard-wrapped prose breaks lines mid-clause and long, and
/// prose paragraphs are longer than a line of verse, so they stay prose.
pub fn is_verse(text: &str, lines: Option<bool>, form: Option<&str>) -> bool {
    let said = form.map(|f| matches!(f.trim(), "poem" | "verse" | "poetry" | "詩" | "诗" | "詞" | "词"));
    match (lines, said) {
        (Some(true), _) | (_, Some(true)) => true,
        (Some(false), _) => false,
        _ => looks_like_verse(text),
    }
}

fn looks_like_verse(text: &str) -> bool {
    let mut count = 0;
    let mut longest = 0;
    let mut previous_blank = true;
    let mut joined = false;
    let mut head = 0;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            previous_blank = true;
            continue;
        }
        // A Markdown heading (the poem's title) is not a line of verse.
        if line.starts_with('#') {
            previous_blank = true;
            continue;
        }
        let chars = line.chars().count();
        if !ends_a_verse_line(line) {
            // The title and author on lines of their own before the poem.
            let bare = !line.contains(['，', '。', '、', '；', '！', '？', ',', '.']);
            if count == 0 && head < MAX_HEAD_LINES && chars <= MAX_HEAD_CHARS && bare {
                head += 1;
                previous_blank = true;
                continue;
            }
            return false;
        }
        count += 1;
        longest = longest.max(chars);
        if count > MAX_LINES || longest > MAX_COUPLET_CHARS {
            return false;
        }
        joined |= !previous_blank;
        previous_blank = false;
    }
    // One line tells nothing of a text's form.
    count >= 2 && (!joined || longest <= MAX_LINE_CHARS)
}

/// Punctuation a line of verse ends with, closing quotes and brackets aside.
fn ends_a_verse_line(line: &str) -> bool {
    let closing = |c: char| matches!(c, '」' | '』' | '”' | '’' | '）' | ')' | '》' | '*' | '_');
    line.trim_end_matches(closing).chars().next_back().is_some_and(|c| {
        matches!(
            c,
            '。' | '！' | '？' | '；' | '，' | '、' | '…' | '：' | '!' | '?' | ';'
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::BlockKind;

    const JUEJU: &str = "移舟泊煙渚，日暮客愁新。\n野曠天低樹，江清月近人。\n";
    const CI: &str = "# 念奴嬌\n\n大江東去，浪淘盡，\n千古風流人物。\n故壘西邊，\n人道是，三國周郎赤壁。\n\n遙想公瑾當年，\n小喬初嫁了，\n雄姿英發。\n";

    #[test]
    fn short_lines_ending_in_punctuation_are_verse() {
        assert!(is_verse(JUEJU, None, None));
        assert!(is_verse(CI, None, None));
        assert!(is_verse(
            "「春眠不覺曉，處處聞啼鳥。」\n夜來風雨聲，花落知多少。",
            None,
            None
        ));
    }

    #[test]
    fn a_couplet_to_a_paragraph_is_verse_with_or_without_a_title_and_author() {
        let couplets = "床前明月光，疑是地上霜。\n\n舉頭望明月，低頭思故鄉。\n";
        assert!(is_verse(couplets, None, None));
        assert!(is_verse(&format!("# 靜夜思\n\n{couplets}"), None, None));
        assert!(is_verse(&format!("靜夜思\n李白\n\n{couplets}"), None, None));
        assert!(is_verse(
            "李白\n床前明月光，疑是地上霜。\n舉頭望明月，低頭思故鄉。\n",
            None,
            None
        ));
        let jiang = "君不見黃河之水天上來，奔流到海不復回。\n\n君不見高堂明鏡悲白髮，朝如青絲暮成雪。\n\n人生得意須盡歡，莫使金樽空對月。\n";
        assert!(is_verse(jiang, None, None));
        // A quatrain to a line.
        let quatrain = "朝辭白帝彩雲間，千里江陵一日還。兩岸猿聲啼不住，輕舟已過萬重山。\n\n";
        assert!(is_verse(&quatrain.repeat(2), None, None));
        assert!(!is_verse(quatrain, None, None), "one line tells nothing");
        // Lines that long are prose when a paragraph holds several.
        let clause = format!("{}，", "一二三四五六七八九十".repeat(3));
        assert!(is_verse(&format!("{clause}\n\n{clause}\n"), None, None));
        assert!(!is_verse(&format!("{clause}\n{clause}\n"), None, None));
    }

    #[test]
    fn prose_stays_prose() {
        // Hard-wrapped prose: long lines, broken mid-clause.
        let wrapped = "慶曆四年春，滕子京謫守巴陵郡。越明年，政通人和，百廢\n具興。乃重修岳陽樓，增其舊制，刻唐賢今人詩賦於其上。\n";
        assert!(!is_verse(wrapped, None, None));
        // Short lines that do not end a clause are soft-wrapped prose.
        assert!(!is_verse("我們走在\n路上，看見\n山。\n", None, None));
        // Paragraphs longer than a line of verse.
        let essay =
            "初，鄭武公娶於申，曰武姜，生莊公及共叔段。莊公寤生，驚姜氏，故名曰寤生。\n\n及莊公即位，爲之請制。\n";
        assert!(!is_verse(essay, None, None));
        // A line without punctuation after the first lines of verse.
        assert!(!is_verse("床前明月光，疑是地上霜。\n\n李白\n", None, None));
        // A long text is not a poem, even of short lines.
        let long = "一二三四五，六七八九十。\n".repeat(MAX_LINES + 1);
        assert!(!is_verse(&long, None, None));
    }

    #[test]
    fn the_front_matter_decides_when_it_says() {
        let wrapped = "長長的一行散文，\n寫到這裡斷開。";
        assert!(is_verse(
            "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黃\n宇宙",
            Some(true),
            None
        ));
        assert!(is_verse("沒有標點的詩\n也是詩", None, Some("poem")));
        assert!(!is_verse(wrapped, Some(false), None));
        assert!(!is_verse(JUEJU, Some(false), None));
        assert!(is_verse(wrapped, None, None));
    }

    /// The blocks of a file: kind and text.
    fn blocks(name: &str, source: &str) -> Vec<(BlockKind, String)> {
        let article = crate::library::parse_article("t", name, source.as_bytes(), crate::library::Origin::Bundled)
            .expect("an article");
        let body = &article.body;
        body.blocks
            .iter()
            .map(|b| (b.kind.clone(), body.block_text(b).to_string()))
            .collect()
    }

    #[test]
    fn a_poem_keeps_its_lines_in_md_and_txt_and_prose_still_joins() {
        for name in ["0012.md", "0012.txt"] {
            assert_eq!(
                blocks(name, JUEJU),
                [(BlockKind::Verse, JUEJU.trim_end().to_string())],
                "{name}"
            );
        }
        let ci = blocks("念奴嬌.md", CI);
        assert_eq!(
            ci[1],
            (
                BlockKind::Verse,
                "大江東去，浪淘盡，\n千古風流人物。\n故壘西邊，\n人道是，三國周郎赤壁。".into()
            )
        );
        assert_eq!(ci[2].0, BlockKind::Verse);
        let essay = "# 岳陽樓記\n\n慶曆四年春，滕子京謫守巴陵郡。越明年，政通人和，百廢\n具興。\n";
        assert_eq!(
            blocks("essay.md", essay)[1],
            (
                BlockKind::Paragraph,
                "慶曆四年春，滕子京謫守巴陵郡。越明年，政通人和，百廢具興。".into()
            )
        );
        let forced = format!("+++\nform = \"poem\"\n+++\n{essay}");
        assert_eq!(blocks("essay.md", &forced)[1].0, BlockKind::Verse);
        let refused = format!("+++\nlines = false\n+++\n{JUEJU}");
        assert_eq!(blocks("0012.md", &refused)[0].0, BlockKind::Paragraph);
    }
}
