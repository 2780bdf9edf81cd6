//! Which texts of a real collection are read as verse: every `.md` file
//! below `YUEDU_VERSE_POEMS` (a folder of poems, one file each, as a Tang
//! anthology is laid out) and below `YUEDU_VERSE_PROSE` (essays, which must
//! all stay prose). The counts are printed, with a few of the poems read
//! as prose; the check fails when an essay is read as verse. Skipped when
//! neither variable is set:
//!
//!     YUEDU_VERSE_POEMS=/path/to/tang YUEDU_VERSE_PROSE=/path/to/guwen \
//!         cargo test --release --test integration verse_corpus:: -- --nocapture

use std::path::{Path, PathBuf};

use yuedu::library::{BlockKind, Origin, parse_article};

/// Every `.md` file below `root`.
fn markdown_files(root: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(path);
            }
        }
    }
    out.sort();
    out
}

/// How many of the files below `root` are read as verse, and the files.
fn verse_count(root: &Path) -> (usize, Vec<PathBuf>, Vec<PathBuf>) {
    let files = markdown_files(root);
    let (mut verse, mut prose) = (Vec::new(), Vec::new());
    for path in &files {
        let bytes = std::fs::read(path).expect("read");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("a.md");
        let Ok(article) = parse_article("a", name, &bytes, Origin::Bundled) else {
            continue;
        };
        if article.body.blocks.iter().any(|b| b.kind == BlockKind::Verse) {
            verse.push(path.clone());
        } else {
            prose.push(path.clone());
        }
    }
    (files.len(), verse, prose)
}

#[test]
fn poems_are_verse_and_essays_prose() {
    let poems = std::env::var_os("YUEDU_VERSE_POEMS").map(PathBuf::from);
    let essays = std::env::var_os("YUEDU_VERSE_PROSE").map(PathBuf::from);
    if poems.is_none() && essays.is_none() {
        eprintln!("skipped: set YUEDU_VERSE_POEMS and/or YUEDU_VERSE_PROSE to folders of poems and essays");
        return;
    }
    if let Some(root) = essays {
        let (files, verse, _) = verse_count(&root);
        println!("essays: {files} files, {} read as verse", verse.len());
        assert!(files > 0, "no .md files below {}", root.display());
        assert!(verse.is_empty(), "essays read as verse: {verse:#?}");
    }
    if let Some(root) = poems {
        let (files, verse, prose) = verse_count(&root);
        println!(
            "poems: {files} files, {} read as verse, {} as prose",
            verse.len(),
            prose.len()
        );
        for path in prose.iter().take(5) {
            println!("  prose, for example: {}", path.display());
        }
        assert!(files > 0, "no .md files below {}", root.display());
    }
}
