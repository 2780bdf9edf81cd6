//! Keys of files and bundled articles, batches of keys, attachments and fingerprints.
use super::*;

/// Batches come in any order and size; each is merged into the sorted
/// list, and every file is found by its key after any of them.
#[test]
fn keys_added_batch_by_batch_find_every_file() {
    let root = tempfile::tempdir().expect("tempdir");
    for i in 0..60 {
        std::fs::write(root.path().join(format!("{i:02}.md")), format!("第{i}篇")).expect("write");
    }
    let library = Library::from_dirs(&[root.path().to_path_buf()]).expect("library");
    let articles: Vec<_> = library.articles().with_ids().collect();
    for size in [1, 2, 7, 59, 60] {
        let mut keys = ArticleKeys::new(&Library::default());
        // The batches from the last to the first: hashes in no order.
        for batch in articles.chunks(size).rev() {
            keys.add(batch.iter().copied());
        }
        assert!(keys.by_key.is_sorted_by_key(|keyed| keyed.hash()), "batches of {size}");
        for &(id, article) in &articles {
            assert_eq!(
                keys.article(&keys.key(article), &library),
                Some(id),
                "batches of {size}"
            );
        }
    }
}

#[test]
fn a_hash_is_kept_whole_in_twelve_bytes() {
    for hash in [0, 1, u64::from(u32::MAX), 1 << 32, u64::MAX - 5, 0x8000_0000_0000_0001] {
        assert_eq!(Keyed::new(hash, ArticleId::at(7)).hash(), hash);
    }
    assert!(Keyed::new(1 << 32, ArticleId::at(0)).hash() > Keyed::new(u64::from(u32::MAX), ArticleId::at(0)).hash());
    assert_eq!(size_of::<Keyed>(), 12);
}

#[cfg(unix)]
#[test]
fn a_file_is_keyed_by_its_real_path_whichever_way_its_folder_is_reached() {
    let root = tempfile::tempdir().expect("tempdir");
    let real = root.path().join("real");
    std::fs::create_dir_all(&real).expect("mkdir");
    std::fs::write(real.join("a.md"), "正文").expect("write");
    std::os::unix::fs::symlink(&real, root.path().join("link")).expect("symlink");
    let key = |dir: &Path| {
        let library = Library::from_dirs(&[dir.to_path_buf()]).expect("library");
        let keys = ArticleKeys::new(&library);
        keys.key(library.article_at(0).expect("article")).to_string()
    };
    let expected = std::fs::canonicalize(real.join("a.md")).expect("canonical");
    assert_eq!(key(&real), expected.to_string_lossy());
    assert_eq!(key(&root.path().join("link")), expected.to_string_lossy());
    assert_eq!(key(&root.path().join("link/../real/.")), expected.to_string_lossy());
}

#[test]
fn file_keys_are_absolute_whatever_the_folder_was_called() {
    let cwd = Path::new("/home/reader");
    for given in ["d/a.md", "./d/a.md", "/home/reader/d/a.md", "d/../d/a.md"] {
        assert_eq!(
            absolute(Path::new(given), cwd),
            Path::new("/home/reader/d/a.md"),
            "{given}"
        );
    }
    assert!(is_file_key("/home/reader/d/a.md"));
    assert!(!is_file_key("yingxiao/kehu-guanxi-guanli"));
}

#[test]
fn a_file_with_the_same_text_as_another_takes_its_entry_only_once_that_one_is_gone() {
    let root = tempfile::tempdir().expect("tempdir");
    let (first, second) = (root.path().join("n2"), root.path().join("novel"));
    let text = "第一章 夜归\n\n　　长夜漫漫。\n".repeat(50);
    for folder in [&first, &second] {
        std::fs::create_dir_all(folder).expect("mkdir");
    }
    std::fs::write(first.join("长夜.txt"), encoding_rs::GB18030.encode(&text).0).expect("write");
    std::fs::write(second.join("长夜-utf8.txt"), &text).expect("write");
    let read = Library::from_dirs(std::slice::from_ref(&first)).expect("library");
    let read_keys = ArticleKeys::new(&read);
    let key = read_keys.key(read.article_at(0).expect("article")).to_string();
    let mut state = State::default();
    let position = crate::store::Position {
        offset: 100,
        percent: 40,
        finished: false,
        updated: jiff::Timestamp::now(),
        fingerprint: Some(fingerprint(&read.article_at(0).expect("article").body.text)),
        unknown: Default::default(),
    };
    state.positions.insert(key.clone(), position);
    let other = Library::from_dirs(std::slice::from_ref(&second)).expect("library");
    assert_eq!(
        fingerprint(&other.article_at(0).expect("article").body.text),
        fingerprint(&read.article_at(0).expect("article").body.text)
    );
    let other_keys = ArticleKeys::new(&other);
    assert!(
        attachments(&state, &other, &other_keys).is_empty(),
        "the entry of a file that is still there stays its own"
    );
    std::fs::remove_file(first.join("长夜.txt")).expect("remove");
    let to = other_keys.key(other.article_at(0).expect("article")).to_string();
    assert_eq!(
        attachments(&state, &other, &other_keys),
        vec![Change::Attach { from: key, to }],
        "a file moved away: its entry follows the text"
    );
}

#[cfg(unix)]
#[test]
fn a_path_that_is_not_utf8_keeps_its_bytes_in_its_key_and_a_utf8_one_is_its_own_key() {
    use std::os::unix::ffi::OsStrExt;
    let path = |bytes: &[u8]| PathBuf::from(std::ffi::OsStr::from_bytes(bytes));
    // UTF-8 paths, a `%` or `//`-like text included, are keys as they were.
    for text in ["/书/第三章.txt", "/d/%FF.md", "/d/100%.md", "/d//x.md"] {
        assert_eq!(path_key(Path::new(text)), text);
        assert_eq!(key_path(text), Path::new(text));
    }
    let paths = [
        path(b"/d/\xb5\xda\xc8\xfd\xd5\xc2.txt"),
        path(b"/d/\xb5\xda\xcb\xc4\xd5\xc2.txt"),
        path(b"/d/\xff.md"),
        path(b"/d/\xfe.md"),
        path(b"/d/%FF\xfe.md"),
        path(b"/\xe4\xb9/\xe4\xb9\xa6%25.md"),
    ];
    let keys: HashSet<String> = paths.iter().map(|p| path_key(p)).collect();
    assert_eq!(keys.len(), paths.len(), "{keys:?}");
    for p in &paths {
        let key = path_key(p);
        assert!(key.starts_with("//") && is_file_key(&key), "{key}");
        assert_eq!(&key_path(&key), p, "{key}");
    }
    assert_eq!(path_key(&paths[2]), "//d/%FF.md");
    assert_eq!(path_key(&paths[4]), "//d/%25FF%FE.md");
}

#[test]
fn the_fingerprint_follows_the_opening_of_the_text() {
    let long = "治安策".repeat(2000);
    assert_eq!(fingerprint(&long), fingerprint(&(long.clone() + "后来加的一句。")));
    assert_ne!(fingerprint("治安策"), fingerprint("過秦論"));
}

/// A batch read from a folder reached through a link gives its real path
/// before the job for the articles there at start answers: those are still
/// keyed again, and their keys by name returned.
#[cfg(unix)]
#[test]
fn articles_keyed_by_name_are_keyed_again_when_a_batch_gave_their_folder_first() {
    let root = tempfile::tempdir().expect("tempdir");
    let (real, link) = (root.path().join("real"), root.path().join("link"));
    std::fs::create_dir_all(&real).expect("mkdir");
    std::fs::write(real.join("a.md"), "第一篇").expect("write");
    std::os::unix::fs::symlink(&real, &link).expect("symlink");
    let real = std::fs::canonicalize(&real).expect("real path");
    let library = Library::from_dirs(std::slice::from_ref(&link)).expect("library");
    let id = library.at(0).expect("an article");
    let (mut keys, folders) = ArticleKeys::by_name(&library);
    assert_eq!(folders, std::slice::from_ref(&link));
    let by_name = keys.key(&library[id]).into_owned();
    assert!(by_name.contains("/link/"), "{by_name}");
    let batch = KeyBatch {
        folders: HashMap::from([(link.clone(), real.clone())]),
        hashes: Vec::new(),
    };
    keys.take(batch, &[]);
    let rekeyed = keys.resolve(vec![(link, real.clone())], &library);
    let key = real.join("a.md").to_string_lossy().into_owned();
    assert_eq!(rekeyed, [(id, by_name, key.clone())]);
    assert_eq!(keys.key(&library[id]), key);
    assert_eq!(keys.article(&key, &library), Some(id));
}
