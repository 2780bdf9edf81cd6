//! Long property runs ("fuzzing" on stable Rust) for the parsers and the
//! layout engine. Ignored in normal test runs; `scripts/fuzz` runs them for a
//! fixed time. A failure is saved by proptest under proptest-regressions/ and
//! replayed by every later run, so a crash found once stays a regression test.

use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;
use yuedu::layout::{Layout, LayoutSettings, LineKind};
use yuedu::library::{Body, Origin, parse_article};
use yuedu::text::{AmbiguousWidth, str_width};

/// Text made of the pieces that break parsers: Markdown syntax, front matter
/// delimiters, CJK, emoji, controls and escape sequences.
fn markdownish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "+++",
        "\n",
        "\n\n",
        "# ",
        "## ",
        "> ",
        "- ",
        "* ",
        "1. ",
        "  ",
        "`",
        "```",
        "*",
        "**",
        "_",
        "[",
        "]",
        "(",
        ")",
        "<b>",
        "</b>",
        "|",
        "---",
        "title = \"",
        "\"",
        "=",
        "客户",
        "关系",
        "，",
        "。",
        "“",
        "”",
        "——",
        "……",
        "《",
        "》",
        "abc",
        "123",
        "👨\u{200d}👩\u{200d}👧",
        "e\u{301}",
        "\u{1b}[2J",
        "\u{1b}]0;t\u{7}",
        "\u{7}",
        "\u{0}",
        "\r",
        "\t",
        "\u{202e}",
        "\u{200b}",
        "\u{feff}",
        "\u{85}",
        "\u{3000}",
    ]);
    prop::collection::vec(pieces, 0..200).prop_map(|p| p.concat())
}

fn check_body(body: &Body) -> Result<(), TestCaseError> {
    prop_assert!(
        !body.text.chars().any(|c| c.is_control() && c != '\n'),
        "control character in {:?}",
        body.text
    );
    for block in &body.blocks {
        prop_assert!(block.range().start <= block.range().end && block.range().end <= body.text.len());
        prop_assert!(body.text.is_char_boundary(block.range().start) && body.text.is_char_boundary(block.range().end));
        for span in body.inline(block) {
            prop_assert!(block.range().start <= span.range().start && span.range().end <= block.range().end);
        }
    }
    // Every span is some block's.
    let attributed: usize = body.blocks.iter().map(|b| body.inline(b).len()).sum();
    prop_assert_eq!(attributed, body.spans().len());
    Ok(())
}

fn check_layout(body: &Body, settings: LayoutSettings) -> Result<(), TestCaseError> {
    let layout = Layout::new(body, settings);
    let mut shown = String::new();
    for (i, line) in layout.lines().enumerate() {
        let text = layout.plain_line(body, i);
        // Only a single grapheme wider than the whole column (some Indic
        // clusters take three columns) may stand alone on a line too narrow for it.
        let alone = text.trim().graphemes(true).count() <= 1;
        prop_assert!(
            alone || str_width(&text, settings.ambiguous) <= settings.width.max(2),
            "too wide: {:?}",
            text
        );
        prop_assert!(!text.chars().any(char::is_control));
        if line.kind != LineKind::Blank && !line.range.is_empty() {
            shown.push_str(&body.text[line.range.clone()]);
            prop_assert_eq!(layout.line_at_offset(line.range.start), i);
        }
    }
    let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    prop_assert_eq!(visible(&shown), visible(&body.text));
    Ok(())
}

proptest! {
    #[test]
    #[ignore = "long run: scripts/fuzz"]
    fn markdown_and_front_matter_never_panic(text in markdownish(), width in 2usize..120, wide: bool) {
        if let Ok(article) = parse_article("f/x", "f/x.md", text.as_bytes(), Origin::Bundled) {
            check_body(&article.body)?;
            let ambiguous = if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow };
            check_layout(&article.body, LayoutSettings { ambiguous, ..LayoutSettings::with_width(width) })?;
        }
    }

    #[test]
    #[ignore = "long run: scripts/fuzz"]
    fn arbitrary_bytes_decode_as_text_articles(bytes in prop::collection::vec(any::<u8>(), 0..4000)) {
        if let Ok(article) = parse_article("f/x", "f/x.txt", &bytes, Origin::Bundled) {
            check_body(&article.body)?;
            check_layout(&article.body, LayoutSettings::with_width(33))?;
        }
        if let Ok(article) = parse_article("f/x", "f/x.md", &bytes, Origin::Bundled) {
            check_body(&article.body)?;
        }
    }

    #[test]
    #[ignore = "long run: scripts/fuzz"]
    fn layout_holds_for_any_text(text in "\\PC{0,600}", width in 2usize..200, indent: bool, spacing: bool) {
        if let Ok(article) = parse_article("f/x", "f/x.txt", text.as_bytes(), Origin::Bundled) {
            let settings = LayoutSettings { indent, paragraph_spacing: spacing, ..LayoutSettings::with_width(width) };
            check_layout(&article.body, settings)?;
        }
    }
}

/// Inputs the long runs found, kept as ordinary tests so CI replays them.
#[test]
fn cases_found_by_fuzzing_stay_fixed() {
    let check = |text: &str, file: &str, width: usize| {
        let article = parse_article("f/x", file, text.as_bytes(), Origin::Bundled).expect("parses");
        proptest::test_runner::TestRunner::default()
            .run(&Just(()), |()| {
                check_body(&article.body)?;
                check_layout(&article.body, LayoutSettings::with_width(width))
            })
            .expect("holds");
    };
    // A thematic break in a two-column reading column.
    check("---\r**", "f/x.md", 2);
    // A grapheme cluster three columns wide.
    check("Aෲେ", "f/x.txt", 2);
    // A prepended mark joins the following space into one cluster.
    check("ൎ 𞋿\"AaΣA'𑬀\"ꟓ\"ῶ𑵪ᜀµA0a\"ꭰ®0ׯa𐊀®A𓑠0𞹝𛲀AΣ", "f/x.txt", 2);
}

/// A collection and its article cache, made once per test run; the cache's
/// good bytes and what the collection holds, parsed without a cache.
struct CacheFixture {
    root: std::path::PathBuf,
    cache_dir: std::path::PathBuf,
    good: Vec<u8>,
    expected: Vec<(String, String, String)>,
}

type Shown = Vec<(String, String, String)>;

fn shown_of(library: &yuedu::library::Library) -> Shown {
    library
        .articles()
        .iter()
        .map(|a| (a.id.to_string(), a.meta.title.to_string(), a.body.text.to_string()))
        .collect()
}

fn plan(root: &std::path::Path) -> yuedu::library::Plan {
    yuedu::library::Plan::dirs(&[root.to_path_buf()]).expect("plan")
}

impl CacheFixture {
    fn new() -> CacheFixture {
        let base = tempfile::tempdir().expect("tempdir").keep();
        let root = base.join("articles");
        let cache_dir = base.join("cache");
        std::fs::create_dir_all(root.join("分类")).expect("folders");
        for i in 0..6 {
            let text = format!(
                "+++\ntitle = \"第{i}篇\"\n+++\n第{i}篇的内容{}。\n\n另一段。",
                "qqq".repeat(i % 2)
            );
            std::fs::write(root.join(format!("分类/{i}.md")), text).expect("write");
        }
        std::fs::write(root.join("坏.md"), "+++\ntitle = [\n+++\n").expect("write");
        let expected = shown_of(&plan(&root).load());
        let p = plan(&root);
        let mut cache = p.open_cache(&cache_dir).expect("cache");
        p.load_cached(Some(&mut cache));
        cache.save().expect("save");
        let file = Self::file_in(&cache_dir);
        let good = std::fs::read(file).expect("cache");
        CacheFixture {
            root,
            cache_dir,
            good,
            expected,
        }
    }

    fn file_in(dir: &std::path::Path) -> std::path::PathBuf {
        std::fs::read_dir(dir)
            .expect("cache folder")
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "cache"))
            .expect("a cache file")
    }

    /// What a load shows with the cache made `bytes`.
    fn read_with(&self, bytes: &[u8]) -> Shown {
        let file = Self::file_in(&self.cache_dir);
        std::fs::write(&file, bytes).expect("write the cache");
        // Written after the articles whatever the file system's clock tick,
        // so its entries are trusted (unless damaged).
        let later = std::time::SystemTime::now() + std::time::Duration::from_secs(2);
        std::fs::File::options()
            .write(true)
            .open(&file)
            .and_then(|f| f.set_modified(later))
            .expect("set the time");
        let p = plan(&self.root);
        let mut cache = p.open_cache(&self.cache_dir).expect("cache");
        shown_of(&p.load_cached(Some(&mut cache)))
    }
}

fn cache_fixture() -> &'static std::sync::Mutex<CacheFixture> {
    static FIXTURE: std::sync::OnceLock<std::sync::Mutex<CacheFixture>> = std::sync::OnceLock::new();
    FIXTURE.get_or_init(|| std::sync::Mutex::new(CacheFixture::new()))
}

/// Bytes replaced at a few places, then perhaps cut short or lengthened.
fn cache_damage() -> impl Strategy<Value = (Vec<(usize, u8)>, Option<usize>, Vec<u8>)> {
    (
        prop::collection::vec((any::<usize>(), any::<u8>()), 1..6),
        prop::option::of(any::<usize>()),
        prop::collection::vec(any::<u8>(), 0..4),
    )
}

fn check_damaged_cache(damage: &(Vec<(usize, u8)>, Option<usize>, Vec<u8>)) -> Result<(), TestCaseError> {
    let fixture = cache_fixture()
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut bytes = fixture.good.clone();
    for &(at, value) in &damage.0 {
        let at = at % bytes.len();
        bytes[at] = value;
    }
    if let Some(cut) = damage.1 {
        bytes.truncate(cut % (bytes.len() + 1));
    }
    bytes.extend_from_slice(&damage.2);
    let loaded = fixture.read_with(&bytes);
    prop_assert_eq!(&loaded, &fixture.expected);
    Ok(())
}

proptest! {
    #[test]
    #[ignore = "long run: scripts/fuzz"]
    fn damaged_article_caches_never_change_what_is_shown(damage in cache_damage()) {
        check_damaged_cache(&damage)?;
    }
}

proptest! {
    // A short run in every `cargo test`; scripts/fuzz runs the long one above.
    #![proptest_config(ProptestConfig::with_cases(48))]
    #[test]
    fn damaged_article_caches_never_change_what_is_shown_briefly(damage in cache_damage()) {
        check_damaged_cache(&damage)?;
    }
}
