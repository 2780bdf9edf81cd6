use super::*;
use crate::library::Library;
use std::fs;

#[test]
fn ids_are_relative_paths_without_extension() {
    assert_eq!(article_id("yingxiao/kehu.md").as_deref(), Some("yingxiao/kehu"));
    assert_eq!(article_id("a/b/c.TXT").as_deref(), Some("a/b/c"));
    assert_eq!(article_id("picture.png"), None);
    assert_eq!(article_id("书/红楼梦.epub").as_deref(), Some("书/红楼梦"));
    assert_eq!(article_id("saved.HTM").as_deref(), Some("saved"));
    assert_eq!(article_id(".md"), None);
}

#[test]
fn folders_load_recursively_skip_hidden_and_report_bad_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    fs::create_dir_all(root.join("散文/.草稿")).expect("mkdir");
    fs::create_dir_all(root.join(".git")).expect("mkdir");
    fs::write(root.join("散文/春.md"), "+++\ntitle = \"春\"\norder = 2\n+++\n盼望着。").expect("write");
    fs::write(root.join("散文/秋.md"), "+++\ntitle = \"秋\"\norder = 1\n+++\n秋天。").expect("write");
    fs::write(root.join("散文/.草稿/x.md"), "hidden").expect("write");
    fs::write(root.join(".git/y.md"), "hidden").expect("write");
    fs::write(root.join("散文/坏.md"), "+++\ntitle = [\n+++\n").expect("write");
    fs::write(root.join("笔记.txt"), "一行").expect("write");
    let library = Library::from_dirs(&[root.to_path_buf()]).expect("loads");
    let ids: Vec<&str> = library.articles().iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["散文/秋", "散文/春", "笔记"]);
    assert_eq!(library.problems().len(), 1);
    assert!(library.problems()[0].path.ends_with("坏.md"));
}

#[test]
fn a_level_wider_than_the_open_parents_is_walked_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let wide = OPEN_PARENTS + 12;
    for n in 0..wide {
        let folder = dir.path().join(format!("{n:03}/inner"));
        fs::create_dir_all(&folder).expect("mkdir");
        fs::write(folder.join("x.md"), "正文").expect("write");
    }
    let library = Library::from_dirs(&[dir.path().to_path_buf()]).expect("loads");
    assert_eq!(library.articles().len(), wide);
    assert!(library.problems().is_empty(), "{:?}", library.problems());
}

#[cfg(unix)]
#[test]
fn symlink_loops_do_not_hang() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    fs::create_dir_all(root.join("a")).expect("mkdir");
    fs::write(root.join("a/x.md"), "正文").expect("write");
    std::os::unix::fs::symlink(root, root.join("a/loop")).expect("symlink");
    let library = Library::from_dirs(&[root.to_path_buf()]).expect("loads");
    assert_eq!(library.articles().len(), 1);
}
