use super::*;
use std::fs;

#[test]
fn missing_file_and_empty_roots_are_clear_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nope");
    assert!(matches!(Library::from_dirs(&[missing]), Err(LibraryError::Missing(_))));
    let file = dir.path().join("f.md");
    fs::write(&file, "x").expect("write");
    let single = Plan::dirs(std::slice::from_ref(&file)).expect("a file is a plan");
    assert!(single.is_single_file());
    assert_eq!(
        Library::from_dirs(&[file])
            .expect("loads")
            .article_at(0)
            .expect("article")
            .id,
        "f"
    );
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    assert!(matches!(Library::from_dirs(&[empty]), Err(LibraryError::Empty(_))));
}

/// One candidate is held per file until it is read: its path is kept
/// once, and its real path (the cache key) only where it differs.
#[test]
fn a_candidate_holds_its_path_once_and_its_real_path_only_when_it_differs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real = fs::canonicalize(dir.path()).expect("real path").join("诗");
    fs::create_dir(&real).expect("mkdir");
    fs::write(real.join("a.md"), "正文").expect("write");
    let plan = Plan::dirs(std::slice::from_ref(&real)).expect("plan");
    let found = &plan.candidates[0];
    assert!(matches!(found.cache_key, CacheKey::Path));
    assert_eq!(found.cache_key(), real.join("a.md").to_str());
    assert_eq!(found.relative(), real.join("a.md").to_string_lossy());
    assert!(matches!(found.origin(), Origin::File(file) if file.path() == real.join("a.md")));
    #[cfg(unix)]
    {
        let link = dir.path().join("link");
        std::os::unix::fs::symlink(&real, &link).expect("symlink");
        let plan = Plan::dirs(std::slice::from_ref(&link)).expect("plan");
        let found = &plan.candidates[0];
        assert!(matches!(found.cache_key, CacheKey::Real(_)));
        assert_eq!(found.cache_key(), real.join("a.md").to_str(), "cached by its real path");
        assert_eq!(found.relative(), link.join("a.md").to_string_lossy(), "named as found");
    }
    assert!(
        std::mem::size_of::<Candidate>() <= 160,
        "{}",
        std::mem::size_of::<Candidate>()
    );
}

/// A file is read once however often it is reached: through nested roots,
/// or a link inside the one root to a file or folder of it.
#[test]
fn each_file_is_found_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = fs::canonicalize(dir.path()).expect("real path");
    fs::create_dir_all(root.join("诗/sub")).expect("mkdir");
    fs::write(root.join("诗/a.md"), "正文").expect("write");
    fs::write(root.join("诗/sub/b.md"), "正文").expect("write");
    let keys = |roots: &[std::path::PathBuf]| {
        let plan = Plan::dirs(roots).expect("plan");
        let mut keys: Vec<String> = plan
            .candidates
            .iter()
            .filter_map(|c| c.cache_key().map(String::from))
            .collect();
        keys.sort();
        keys
    };
    let once = keys(&[root.join("诗")]);
    assert_eq!(once.len(), 2);
    assert_eq!(keys(&[root.join("诗"), root.join("诗/sub")]), once, "nested roots");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(root.join("诗/a.md"), root.join("诗/link.md")).expect("symlink");
        std::os::unix::fs::symlink(root.join("诗/sub"), root.join("诗/again")).expect("symlink");
        assert_eq!(
            keys(&[root.join("诗")]),
            once,
            "links to a file and a folder of the root"
        );
    }
}

#[test]
fn a_collection_without_a_title_is_named_after_its_folders_and_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (essays, poems) = (dir.path().join("散文"), dir.path().join("唐诗"));
    for folder in [&essays, &poems] {
        fs::create_dir(folder).expect("mkdir");
        fs::write(folder.join("a.md"), "正文").expect("write");
    }
    let file = dir.path().join("岳陽樓記.txt");
    fs::write(&file, "正文").expect("write");
    let title = |roots: &[PathBuf]| Library::from_dirs(roots).expect("loads").title().map(str::to_string);
    assert_eq!(title(std::slice::from_ref(&essays)).as_deref(), Some("散文"));
    assert_eq!(title(&[essays.clone(), file]).as_deref(), Some("散文、岳陽樓記.txt"));
    fs::write(poems.join("collection.toml"), "title = \"唐诗三百首\"").expect("write");
    assert_eq!(
        title(&[essays, poems]).as_deref(),
        Some("唐诗三百首"),
        "its own title first"
    );
}

#[test]
fn batches_hold_their_own_files_and_no_room_for_the_others() {
    let dir = tempfile::tempdir().expect("tempdir");
    for n in 0..10 {
        fs::write(dir.path().join(format!("{n}.md")), "正文").expect("write");
    }
    let plan = Plan::dirs(&[dir.path().to_path_buf()]).expect("plan");
    let order: Vec<String> = plan.candidates.iter().map(|c| c.id.clone()).collect();
    let batches = plan.into_batches(3);
    let sizes: Vec<usize> = batches.iter().map(Vec::len).collect();
    assert_eq!(sizes, [3, 3, 3, 1]);
    let taken: Vec<String> = batches.iter().flatten().map(|c| c.id.clone()).collect();
    assert_eq!(taken, order, "the plan's order, part after part");
    for batch in &batches {
        assert_eq!(
            batch.capacity(),
            batch.len(),
            "a batch holds room for its own files only"
        );
    }
}

/// The cache opened while the folders are walked is the plan's only if it
/// is for the same real folders, in the same order, and the same rules.
#[test]
fn a_cache_opened_before_the_walk_is_taken_only_for_its_own_folders_and_rules() {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache_dir = dir.path().join("cache");
    let (a, b) = (dir.path().join("甲"), dir.path().join("乙"));
    for folder in [&a, &b] {
        fs::create_dir_all(folder).expect("mkdir");
        fs::write(folder.join("x.md"), "正文").expect("write");
    }
    let ruby = |ruby| Rules {
        ruby,
        ..Rules::default()
    };
    let plan = |roots: &[std::path::PathBuf], rules| {
        let mut plan = Plan::dirs(roots).expect("plan");
        plan.set_rules(rules);
        plan
    };
    let is_plans = |plan: &Plan, cache: &ArticleCache| cache.is_for(&cache_dir, &plan.roots, &plan.rules.fingerprint());
    let both = plan(&[a.clone(), b.clone(), a.join(".")], Rules::default());
    let early = Plan::open_cache_of(&cache_dir, &[a.clone(), b.clone(), a.join(".")], &Rules::default());
    assert!(
        early.as_ref().is_some_and(|cache| is_plans(&both, cache)),
        "the same folders, named twice"
    );
    for (other, roots, rules) in [
        (&both, vec![b.clone(), a.clone()], Rules::default()),
        (&both, vec![a.clone()], Rules::default()),
        (&both, vec![a.clone(), b.clone()], ruby(crate::library::Ruby::Drop)),
    ] {
        let early = Plan::open_cache_of(&cache_dir, &roots, &rules).expect("a cache");
        assert!(!is_plans(other, &early), "{roots:?}");
        let taken = other.open_cache_from(&cache_dir, Some(early)).expect("a cache");
        assert!(is_plans(other, &taken), "opened anew for the plan");
    }
    assert!(Plan::open_cache_of(&cache_dir, &[dir.path().join("无")], &Rules::default()).is_none());
}
