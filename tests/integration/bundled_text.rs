//! The bundled edition repairs the scrape the management articles come
//! from: no substituted character and no ASCII punctuation inside Chinese
//! text is left.

use yuedu::library::Library;

/// Variants from `tests/data/substitutions.tsv` (first column).
fn variants() -> Vec<char> {
    include_str!("../data/substitutions.tsv")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| l.chars().next())
        .collect()
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[test]
fn the_substitution_table_is_complete_and_consistent() {
    let table = variants();
    assert!(table.len() >= 170, "table has {} rows", table.len());
    for line in include_str!("../data/substitutions.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        let columns: Vec<&str> = line.split('\t').collect();
        assert_eq!(columns.len(), 4, "row {line:?}");
        assert_ne!(columns[0], columns[1], "row {line:?}");
    }
}

#[test]
fn no_bundled_article_keeps_a_substituted_character() {
    let table = variants();
    let library = Library::bundled();
    // The classical essays and poems are written in Traditional characters:
    // a Traditional form there is the text, not a substitution.
    let classical = |id: &str| id.starts_with("guwen/") || id.starts_with("tangshi/");
    for article in library.articles().iter().filter(|a| !classical(&a.id)) {
        let all = format!("{}{}", article.meta.title, article.body.text);
        for c in &table {
            if let Some(at) = all.find(*c) {
                let context: String = all[at.saturating_sub(12)..].chars().take(10).collect();
                panic!("{} still has {c:?} in {context:?}", article.id);
            }
        }
    }
}

#[test]
fn no_ascii_punctuation_between_chinese_characters() {
    let library = Library::bundled();
    for article in library.articles() {
        let chars: Vec<char> = article.body.text.chars().collect();
        for window in chars.windows(3) {
            let [before, mark, after] = [window[0], window[1], window[2]];
            let between_chinese = is_han(before) || is_han(after);
            assert!(
                !(between_chinese && ",:;?!()".contains(mark)),
                "{}: ASCII {mark:?} in {before}{mark}{after}",
                article.id
            );
        }
    }
}

#[test]
fn no_ascii_space_between_chinese_text() {
    // A space between two Chinese characters or marks is a leftover of
    // hard-wrapped source text, and the reader would show it as a gap.
    let library = Library::bundled();
    for article in library.articles() {
        let chars: Vec<char> = article.body.text.chars().collect();
        for window in chars.windows(3) {
            let [before, space, after] = [window[0], window[1], window[2]];
            assert!(
                !(space == ' ' && !before.is_ascii() && !after.is_ascii()),
                "{}: a space in {before}{space}{after}",
                article.id
            );
        }
    }
}

#[test]
fn site_chrome_is_not_in_any_article() {
    let library = Library::bundled();
    for article in library.articles() {
        for chrome in [
            "§",
            "热门下载推荐",
            "我要回帖",
            "随机推荐",
            "Copyright",
            "版权所有",
            "&",
            "邮编",
        ] {
            assert!(
                !article.body.text.contains(chrome),
                "{} contains {chrome:?}",
                article.id
            );
        }
    }
}

#[test]
fn units_and_latin_keep_their_ascii() {
    let library = Library::bundled();
    let all: String = library.articles().iter().map(|a| &*a.body.text).collect();
    for kept in [
        "180/分",
        "80∶20",
        "“RATER模型”",
        "Microsoft的操作系统与Intel的CPU",
        "（Wal-mart）",
    ] {
        assert!(all.contains(kept), "missing {kept:?}");
    }
}

#[test]
fn headings_are_marked_in_the_second_and_third_articles() {
    let library = Library::bundled();
    let headings = |id: &str| -> Vec<String> {
        let article = &library[library.find(id).expect("exists")];
        article
            .body
            .blocks
            .iter()
            .filter(|b| matches!(b.kind, yuedu::library::BlockKind::Heading(_)))
            .map(|b| article.body.block_text(b).to_string())
            .collect()
    };
    let crm = headings("yingxiao/kehu-guanxi-guanli");
    assert_eq!(crm[0], "什么是客户关系管理");
    assert!(crm.contains(&"1. 利用“RATER模型”提高服务质量".to_string()), "{crm:?}");
    let hospital = headings("yiyuan/tongji-xinxi");
    assert_eq!(
        hospital,
        [
            "1 加强病案首页填写质量的考核",
            "2 逐步扩展统计工作范围",
            "3 提高统计人员自身的业务素质",
            "4 加强统计分析"
        ]
    );
}
