use super::*;
use crate::library::{Plan, read_batch};
use std::fs;

#[test]
fn files_and_folders_come_in_natural_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    for folder in ["卷一", "卷七", "卷三", "卷九", "卷二", "卷十"] {
        fs::create_dir_all(root.join(folder)).expect("mkdir");
        fs::write(root.join(folder).join("正文.md"), "正文").expect("write");
    }
    fs::create_dir_all(root.join("左传")).expect("mkdir");
    for (name, title) in [("10.md", "十"), ("002.md", "介之推不言祿"), ("001.md", "鄭伯克段於鄢")] {
        fs::write(
            root.join("左传").join(name),
            format!("+++\ntitle = \"{title}\"\n+++\n正文"),
        )
        .expect("write");
    }
    let library = Library::from_dirs(&[root.to_path_buf()]).expect("loads");
    let names: Vec<&str> = library.categories().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["卷一", "卷二", "卷三", "卷七", "卷九", "卷十", "左传"]);
    let titles: Vec<&str> = library
        .articles()
        .iter()
        .skip(6)
        .map(|a| a.meta.title.as_str())
        .collect();
    assert_eq!(titles, ["鄭伯克段於鄢", "介之推不言祿", "十"]);
}

#[test]
fn han_categories_sort_by_pinyin() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (file, author) in [
        ("a.md", "張九齡"),
        ("b.md", "李白"),
        ("c.md", "杜甫"),
        ("d.md", "白居易"),
    ] {
        let text = format!("+++\ntitle = \"詩\"\ncategory = \"{author}\"\n+++\n正文");
        fs::write(dir.path().join(file), text).expect("write");
    }
    let library = Library::from_dirs(&[dir.path().to_path_buf()]).expect("loads");
    let names: Vec<&str> = library.categories().iter().map(|c| c.name.as_str()).collect();
    // By code point it would be 張, 李, 杜, 白.
    assert_eq!(names, ["白居易", "杜甫", "李白", "張九齡"]);
}

#[test]
fn the_bundled_collection_opens_on_classical_essays_and_poems_and_keeps_the_management_articles() {
    let library = Library::bundled();
    assert!(library.problems().is_empty(), "{:?}", library.problems());
    let names: Vec<&str> = library.categories().iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["古文觀止", "唐詩", "教育管理", "营销管理", "医院管理"]);
    let titles: Vec<&str> = library.articles().iter().map(|a| a.meta.title.as_str()).collect();
    assert_eq!(titles[..3], ["陋室銘", "桃花源記", "前出師表"]);
    assert!(titles.ends_with(&[
        "如何做好学生管理工作",
        "如何做好客户关系管理",
        "如何做好医院统计信息工作"
    ]));
    assert_eq!(library.title(), Some("古文、唐诗与管理文选"));
    // Verse and prose: the poems keep their lines, the essays are paragraphs.
    let poem = &library[library.find("tangshi/jing-ye-si").expect("靜夜思")];
    assert_eq!(poem.meta.author.as_deref(), Some("李白"));
    assert!(
        poem.body
            .blocks
            .iter()
            .all(|b| b.kind == crate::library::BlockKind::Verse)
    );
    let essay = &library[library.find("guwen/yue-yang-lou-ji").expect("岳陽樓記")];
    assert!(
        essay
            .body
            .blocks
            .iter()
            .all(|b| b.kind == crate::library::BlockKind::Paragraph)
    );
    // Small: the whole text compiled in is a few dozen KB.
    let bytes: usize = library.articles().iter().map(|a| a.body.text.len()).sum();
    assert!(bytes < 80_000, "{bytes}");
    let crm = &library[library.find("yingxiao/kehu-guanxi-guanli").expect("crm")];
    assert_eq!(crm.meta.author.as_deref(), Some("admin"));
    assert_eq!(crm.meta.source(), Some("中原石化营销网"));
    let students = &library[library.find("jiaoyu/xuesheng-guanli").expect("students")];
    assert_eq!(students.meta.reads(), Some(2747));
}

#[test]
fn batches_merge_into_the_same_order_as_one_load() {
    let dir = tempfile::tempdir().expect("tempdir");
    for (folder, name, order) in [("乙", "b", 2), ("甲", "a", 1), ("乙", "c", 1), ("甲", "d", 0)] {
        fs::create_dir_all(dir.path().join(folder)).expect("mkdir");
        let text = format!("+++\ntitle = \"{name}\"\norder = {order}\n+++\n正文");
        fs::write(dir.path().join(folder).join(format!("{name}.md")), text).expect("write");
    }
    let whole = Library::from_dirs(&[dir.path().to_path_buf()]).expect("loads");
    let mut plan = Plan::dirs(&[dir.path().to_path_buf()]).expect("plan");
    let mut library = plan.start();
    for batch in plan.into_batches(1) {
        library.extend(read_batch(batch));
    }
    let ids = |l: &Library| l.articles().iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&library), ids(&whole));
    // 甲 (jia) before 乙 (yi) by pinyin, though after it by code point.
    assert_eq!(ids(&library), ["甲/d", "甲/a", "乙/c", "乙/b"]);
    assert_eq!(library.categories().len(), 2);
    let b = library.find("乙/b").expect("乙/b");
    assert_eq!(library.position(b), Some(3));
    assert_eq!(library.at(3), Some(b));
    assert_eq!(library.category_of(b), Some(1));
}

#[test]
fn batches_of_every_size_merge_into_one_load_s_order_and_no_article_moves() {
    let dir = tempfile::tempdir().expect("tempdir");
    seeded_collection(dir.path(), 11, 60, 5);
    let whole = Library::from_dirs(&[dir.path().to_path_buf()]).expect("loads");
    let ids = |l: &Library| l.articles().iter().map(|a| a.id.clone()).collect::<Vec<_>>();
    for size in [1, 2, 7, 59, 60] {
        let mut plan = Plan::dirs(&[dir.path().to_path_buf()]).expect("plan");
        let mut library = plan.start();
        let mut given: Vec<(ArticleId, String)> = Vec::new();
        for batch in plan.into_batches(size) {
            let batch = read_batch(batch);
            let texts: Vec<String> = batch.articles.iter().map(|a| a.id.to_string()).collect();
            let added = library.extend(batch);
            assert_eq!(added.len(), texts.len());
            given.extend(added.into_iter().zip(texts));
            // Every article added so far is still under the ID it was given,
            // wherever the later ones went in collection order.
            for (id, text) in &given {
                assert_eq!(library[*id].id, *text, "batches of {size}");
                assert_eq!(library.at(library.position(*id).expect("placed")), Some(*id));
            }
        }
        assert_eq!(ids(&library), ids(&whole), "batches of {size}");
        let categories: Vec<_> = library.categories().to_vec();
        assert_eq!(categories, whole.categories(), "batches of {size}");
    }
}

#[test]
fn every_article_is_found_by_its_id_whatever_the_display_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    // Display order (by `order`) runs against the order of the IDs.
    for (i, name) in ["e", "d", "c", "b", "a", "f"].iter().enumerate() {
        let text = format!("+++\ntitle = \"{name}\"\norder = {i}\n+++\n正文");
        fs::write(dir.path().join(format!("{name}.md")), text).expect("write");
    }
    let mut plan = Plan::dirs(&[dir.path().to_path_buf()]).expect("plan");
    let mut library = plan.start();
    for batch in plan.into_batches(2) {
        library.extend(read_batch(batch));
        for (id, article) in library.articles().with_ids() {
            assert_eq!(library.find(&article.id), Some(id), "{}", article.id);
        }
    }
    assert_eq!(library.article_at(0).expect("article").id, "e");
    assert_eq!(library.find("g"), None);
    assert_eq!(library.find(""), None);
}

#[test]
fn an_id_taken_twice_keeps_both_the_later_under_its_folders_name() {
    let root = tempfile::tempdir().expect("tempdir");
    let (c1, c2) = (root.path().join("c1"), root.path().join("c2"));
    for (dir, text) in [(&c1, "治安策"), (&c2, "過秦論")] {
        fs::create_dir_all(dir.join("卷一")).expect("mkdir");
        fs::write(dir.join("a.md"), text).expect("write");
        fs::write(dir.join("卷一/b.md"), text).expect("write");
    }
    fs::write(c1.join("a.txt"), "同一文件夹里的另一个 a").expect("write");
    let dirs = [c1.clone(), c2.clone()];
    let whole = Library::from_dirs(&dirs).expect("library");
    let mut plan = Plan::dirs(&dirs).expect("plan");
    let mut library = plan.start();
    for batch in plan.into_batches(2) {
        library.extend(read_batch(batch));
    }
    for library in [&whole, &library] {
        let mut ids: Vec<&str> = library.articles().iter().map(|a| a.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, ["a", "c1/a", "c2/a", "c2/卷一/b", "卷一/b"], "none left out");
        let text = |id: &str| library[library.find(id).expect(id)].body.text.to_string();
        assert_eq!(text("a"), "治安策", "the first found keeps its ID");
        assert_eq!(text("c2/a"), "過秦論");
        assert_eq!(text("c2/卷一/b"), "過秦論");
        assert!(library.problems().is_empty(), "{:?}", library.problems());
    }
}

#[test]
fn suggestions_find_close_ids() {
    let library = Library::bundled();
    assert_eq!(
        library.suggest("yingxiao/kehu-guanxi")[0],
        "yingxiao/kehu-guanxi-guanli"
    );
}

#[test]
fn a_batch_prepared_apart_merges_as_extend_does_and_one_prepared_before_a_change_is_merged_afresh() {
    let dir = tempfile::tempdir().expect("tempdir");
    seeded_collection(dir.path(), 5, 40, 4);
    // An ID taken twice: the later is renamed where the batch is prepared.
    fs::write(dir.path().join("甲/0.txt"), "同一个 ID").expect("write");
    let whole = Library::from_dirs(&[dir.path().to_path_buf()]).expect("loads");
    let ids = |l: &Library| l.articles().iter().map(|a| a.id.to_string()).collect::<Vec<_>>();
    let mut plan = Plan::dirs(&[dir.path().to_path_buf()]).expect("plan");
    let mut library = plan.start();
    library.reserve(plan.len());
    let mut stale = None;
    for (n, batch) in plan.into_batches(3).into_iter().enumerate() {
        let mut batch = read_batch(batch);
        let merge = library.prepare(&mut batch).expect("no first part awaits its whole");
        assert!(merge.fits(&library));
        if n == 4 {
            // Kept back, and used after the next batch changed the library.
            stale = Some((batch, merge));
            continue;
        }
        let texts: Vec<String> = batch.articles.iter().map(|a| a.id.to_string()).collect();
        let added = library.extend_prepared(batch, merge);
        let given: Vec<String> = added.iter().map(|&id| library[id].id.to_string()).collect();
        assert_eq!(given, texts, "the IDs the batch was prepared with");
        if let Some((batch, merge)) = stale.take() {
            assert!(!merge.fits(&library), "the library changed since");
            library.extend_prepared(batch, merge);
        }
    }
    assert_eq!(ids(&library), ids(&whole));
    assert_eq!(library.categories(), whole.categories());
    for (position, (id, article)) in library.articles().with_ids().enumerate() {
        assert_eq!(library.position(id), Some(position));
        assert_eq!(library.find(&article.id), Some(id), "{}", article.id);
    }
}

#[test]
fn no_place_is_worked_out_while_the_whole_of_a_first_part_may_come() {
    let article =
        |text: &str| crate::library::parse_article("long", "long.md", text.as_bytes(), crate::library::Origin::Bundled);
    let mut library = Library::default();
    library.add_prefix(article("开头").expect("parses"));
    let mut batch = Batch {
        articles: vec![article("开头和其余").expect("parses")],
        ..Batch::default()
    };
    assert_eq!(library.prepare(&mut batch), None);
    assert_eq!(batch.articles[0].id, "long", "its ID kept, for `replace`");
    assert!(library.replace(batch.articles.remove(0)).is_some());
    assert!(library.prepare(&mut batch).is_some());
}

/// `files` articles `0.md`… spread over three folders by `seed`, each
/// with a front-matter `order` below `orders`.
fn seeded_collection(dir: &std::path::Path, mut seed: u64, files: usize, orders: u64) {
    for n in 0..files {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let folder = ["甲", "乙", "丙"][(seed >> 40) as usize % 3];
        fs::create_dir_all(dir.join(folder)).expect("mkdir");
        let text = format!("+++\ntitle = \"{n}\"\norder = {}\n+++\n正文", (seed >> 20) % orders);
        fs::write(dir.join(folder).join(format!("{n}.md")), text).expect("write");
    }
}
