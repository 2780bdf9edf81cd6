//! Shared bench helpers: generated Chinese text from the bundled articles.

#![allow(dead_code)]

use yuedu::library::{Article, Library, Origin, parse_article};

/// Whether a part of a bench was asked for (by a word after `--`).
pub fn selected(name: &str) -> bool {
    let words: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with('-')).collect();
    words.is_empty() || words.iter().any(|w| name.contains(w.as_str()))
}

/// A long Markdown article of about `bytes` bytes, made of the bundled
/// articles' paragraphs and headings in a shuffled order, so line breaks fall
/// differently than in the originals.
pub fn long_markdown(bytes: usize) -> String {
    let library = Library::bundled();
    let mut blocks: Vec<String> = Vec::new();
    for article in library.articles() {
        for block in &article.body.blocks {
            let text = article.body.block_text(block);
            blocks.push(match block.kind {
                yuedu::library::BlockKind::Heading(_) => format!("## {text}"),
                _ => text.to_string(),
            });
        }
    }
    let mut out = String::with_capacity(bytes + 4096);
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    while out.len() < bytes {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let block = &blocks[(seed % blocks.len() as u64) as usize];
        out.push_str(block);
        out.push_str("\n\n");
    }
    out
}

pub fn long_article(bytes: usize) -> Article {
    long_article_from(&long_markdown(bytes))
}

pub fn long_article_from(markdown: &str) -> Article {
    match parse_article("bench/long", "bench/long.md", markdown.as_bytes(), Origin::Bundled) {
        Ok(article) => article,
        Err(err) => panic!("generated article does not parse: {err}"),
    }
}

/// Writes a collection of `count` articles of about `total_bytes` in all into
/// `root`, in 20 category folders, with sizes varying around the mean.
pub fn write_collection(root: &std::path::Path, count: usize, total_bytes: usize) {
    let text = long_markdown(total_bytes / 4 + 64 * 1024);
    let paragraphs: Vec<&str> = text.split("\n\n").filter(|p| !p.is_empty()).collect();
    let mean = total_bytes / count;
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for i in 0..count {
        let category = format!("分类{:02}", i % 20);
        let dir = root.join(&category);
        if i < 20 {
            std::fs::create_dir_all(&dir).expect("create category folder");
        }
        // Mostly short pieces, now and then a long one (up to 50 KB).
        let size = if next() % 100 == 0 {
            10 * 1024 + next() as usize % (40 * 1024)
        } else {
            mean / 10 + (next() as usize % (mean * 11 / 10))
        };
        let mut body = format!(
            "+++\ntitle = \"第{i}篇 {}\"\norder = {i}\n+++\n\n",
            &paragraphs[i % paragraphs.len()].chars().take(12).collect::<String>()
        );
        while body.len() < size {
            body.push_str(paragraphs[next() as usize % paragraphs.len()]);
            body.push_str("\n\n");
        }
        // Cut to the size drawn (at a character), so the total comes out as asked.
        let mut cut = size.max(body.find("+++\n\n").map_or(0, |i| i + 5) + 3).min(body.len());
        while !body.is_char_boundary(cut) {
            cut -= 1;
        }
        body.truncate(cut);
        std::fs::write(dir.join(format!("{i:05}.md")), body).expect("write article");
    }
}

/// Writes `count` short poems (about 280 bytes each, like a collection of
/// Tang poems) into `root`, in 900 卷 folders: a title, an author (one of a
/// few thousand, a few with many poems), 4 to 36 lines of Traditional
/// text, now and then a variant form (峯, 羣).
pub fn write_poems(root: &std::path::Path, count: usize) {
    const HAN: &str = "春風明月山水雲天江城花落秋夜思鄉歸人白日青山長河孤舟煙雨寒霜故園千里萬古空樓獨上遠望\
        東西南北來去聞君何處歌聲一杯酒相送別離愁滿庭芳草綠柳黃鶯啼曉寂寥無語淚沾衣峯羣鳥飛盡";
    let han: Vec<char> = HAN.chars().collect();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let pick = |n: usize, next: &mut dyn FnMut() -> u64| -> String {
        (0..n).map(|_| han[next() as usize % han.len()]).collect()
    };
    for i in 0..count {
        let volume = format!("卷{:03}", i % 900);
        let dir = root.join(&volume);
        if i < 900 {
            std::fs::create_dir_all(&dir).expect("create volume folder");
        }
        let title = if i % 5_000 == 7 {
            "靜夜思".to_string()
        } else {
            pick(2 + i % 5, &mut next)
        };
        // A few prolific authors, then a long tail.
        let author = match next() % 50 {
            0 => "李白".to_string(),
            1 => "杜甫".to_string(),
            _ => pick(2 + (next() % 2) as usize, &mut next),
        };
        let line = 5 + 2 * (next() % 2) as usize;
        // Quatrains, regulated verse, and a quarter of longer old-style
        // poems of 12 to 36 lines: 280 bytes a poem on average, as the
        // 57,603 Tang poems (16 MB) are.
        let lines = match next() % 20 {
            0..8 => 4,
            8..15 => 8,
            _ => 12 + 4 * (next() % 7) as usize,
        };
        let mut body = format!("+++\ntitle = \"{title}\"\nauthor = \"{author}\"\n+++\n\n");
        for n in 0..lines {
            body.push_str(&pick(line, &mut next));
            body.push_str(if n % 2 == 0 { "，" } else { "。\n" });
        }
        std::fs::write(dir.join(format!("{i:05}.md")), body).expect("write poem");
    }
}

/// What `yuedu FILE` does before the first frame: plan, read (a large
/// `.txt` or `.md` file only its first part), parse, open, draw; no cache.
pub fn first_frame_of_file(path: &std::path::Path) -> ratatui::buffer::Buffer {
    use yuedu::app::{App, Input, ReadingSettings};
    let config = yuedu::config::Config::default_config().expect("default config");
    let places = yuedu::context::Places {
        config_file: None,
        data_dir: None,
        cache_dir: None,
        home: None,
    };
    let context = yuedu::context::Context::new(vec![path.to_path_buf()], None, places, yuedu::i18n::Lang::English)
        .expect("context");
    let library = context.open().expect("opens").library;
    let mut app = App::new(library, config.keymap.clone(), ReadingSettings::default(), 120, 35);
    app.handle(Input::Resize { width: 120, height: 35 });
    app.open_article(yuedu::library::ArticleId::at(0), None);
    let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 120, 35));
    yuedu::ui::render(&app, &yuedu::ui::theme::Theme::dark(), &mut buf);
    buf
}

/// The floor of opening a file: reading its bytes and checking them as UTF-8.
pub fn read_and_check_utf8(path: &std::path::Path) -> usize {
    let bytes = std::fs::read(path).expect("read");
    std::str::from_utf8(&bytes).map_or(0, str::len)
}

/// Runs `command` and returns its wall time and peak resident memory
/// (`ru_maxrss` of that one child, from `wait4`).
#[cfg(unix)]
pub fn peak_of(mut command: std::process::Command) -> (std::time::Duration, usize) {
    let started = std::time::Instant::now();
    // Waited for below with `wait4`, which also gives its peak memory.
    #[allow(clippy::zombie_processes)]
    let child = command
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run");
    let mut status = 0;
    // SAFETY: a zeroed `rusage` is a valid value for `wait4` to fill.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `child` is our own child, not yet waited for; both pointers are valid.
    let pid = unsafe { libc::wait4(child.id() as libc::pid_t, &mut status, 0, &mut usage) };
    assert_eq!(pid, child.id() as libc::pid_t, "wait4");
    (started.elapsed(), usage.ru_maxrss as usize * 1024)
}

/// The bytes of every file below `dir`.
pub fn walk_bytes(dir: &std::path::Path) -> u64 {
    let mut total = 0;
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(d).into_iter().flatten().flatten() {
            let meta = entry.metadata().expect("metadata");
            if meta.is_dir() {
                pending.push(entry.path());
            } else {
                total += meta.len();
            }
        }
    }
    total
}
