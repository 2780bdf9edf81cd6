//! The layer rule of ARCHITECTURE.md, checked on the source: a module may
//! name (`crate::…`) only modules of a lower layer, so no module imports one
//! above it and there are no cycles between modules. Between the workspace's
//! crates the compiler enforces the rule; this test keeps it inside each crate
//! (the root crate and every `crates/*`).

use std::collections::BTreeMap;
use std::path::Path;

/// Layers from the bottom; the same layers as ARCHITECTURE.md draws.
const LAYERS: &[&[&str]] = &[
    &["i18n"],
    &["text", "suggest", "parallel", "fault", "files", "memory", "cli"],
    &["library", "keymap"],
    &["config"],
    &["layout", "search", "store"],
    &["present", "script"],
    &["context"],
    &["app"],
    &["ui", "print"],
    &["tui", "commands"],
];

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|layer| layer.contains(&module))
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules `text` names as `crate::module`, outside comments.
fn named_modules(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (at, _) in code.match_indices("crate::") {
            let rest = &code[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit())
                .collect();
            if !name.is_empty() {
                out.push(name);
            }
        }
        // `use crate::{a, b::c}` names several.
        if let Some(list) = code.split("crate::{").nth(1) {
            for item in list.split(['{', '}', ',']) {
                let name = item.trim().split("::").next().unwrap_or_default();
                if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                    out.push(name.to_string());
                }
            }
        }
    }
    out
}

/// The `src` folders of the root crate and of every crate of the workspace.
fn source_folders() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut folders = vec![root.join("src")];
    for entry in std::fs::read_dir(root.join("crates")).expect("crates") {
        folders.push(entry.expect("entry").path().join("src"));
    }
    folders
}

#[test]
fn no_module_imports_one_above_it() {
    let mut files = Vec::new();
    for src in source_folders() {
        let mut found = Vec::new();
        rust_files(&src, &mut found);
        files.extend(found.into_iter().map(|file| (src.clone(), file)));
    }
    assert!(files.len() > 100, "the sources were found");
    let mut problems = BTreeMap::new();
    for (src, file) in &files {
        let relative = file.strip_prefix(src).expect("under src");
        let first = relative.components().next().expect("a component");
        let module = first.as_os_str().to_string_lossy().trim_end_matches(".rs").to_string();
        if module == "lib" || module == "main" || module == "build" {
            continue;
        }
        let Some(layer) = layer_of(&module) else {
            problems.insert(
                module.clone(),
                "is in no layer: add it to the layers in ARCHITECTURE.md and tests/integration/layers.rs".to_string(),
            );
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read");
        for named in named_modules(&text) {
            if named == module {
                continue;
            }
            match layer_of(&named) {
                Some(other) if other < layer => {}
                Some(_) => {
                    problems.insert(
                        format!("{}", relative.display()),
                        format!("names crate::{named}, which is not in a lower layer than {module}"),
                    );
                }
                None => {}
            }
        }
    }
    assert!(problems.is_empty(), "layer rule broken: {problems:#?}");
}

#[test]
fn the_check_sees_an_import_from_above() {
    assert_eq!(named_modules("use crate::app::App; // crate::ui"), ["app"]);
    assert_eq!(named_modules("use crate::{keymap::Key, text};"), ["keymap", "text"]);
    assert!(layer_of("config") < layer_of("app"));
    assert!(layer_of("keymap") < layer_of("config"));
}

/// The rooms of `library`, from the bottom: each may name only rooms before it.
const LIBRARY_ROOMS: &[&[&str]] = &[&["model"], &["formats", "collection"], &["load"]];

fn room_of(room: &str) -> Option<usize> {
    LIBRARY_ROOMS.iter().position(|rooms| rooms.contains(&room))
}

/// What `text` names of the library: `crate::library::room` paths, and
/// `super::` chains that climb out of a room (`depth`: how deep the file's
/// module is below `library`) as `..`.
fn named_rooms(text: &str, depth: usize) -> Vec<String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or_default();
        for (at, _) in code.match_indices("crate::library::") {
            let rest = &code[at + "crate::library::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
        for (at, _) in code.match_indices("super::") {
            if code[..at].ends_with("super::") {
                continue;
            }
            let (mut ups, mut rest) = (0, &code[at..]);
            while let Some(after) = rest.strip_prefix("super::") {
                (ups, rest) = (ups + 1, after);
            }
            if ups >= depth {
                out.push("..".to_string());
            }
        }
    }
    out
}

#[test]
fn library_rooms_name_only_rooms_below_them() {
    let library = Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/library/src/library");
    let mut files = Vec::new();
    rust_files(&library, &mut files);
    let mut problems = BTreeMap::new();
    for file in &files {
        let relative = file.strip_prefix(&library).expect("under library");
        let name = relative.to_string_lossy();
        // Tests may set up what they test from any room.
        if name.ends_with("tests.rs") {
            continue;
        }
        let room = name.split(['/', '.']).next().unwrap_or_default().to_string();
        let Some(level) = room_of(&room) else {
            problems.insert(name.to_string(), "is in no room of LIBRARY_ROOMS".to_string());
            continue;
        };
        let text = std::fs::read_to_string(file).expect("read");
        let code = text.split("#[cfg(test)]\nmod tests {").next().unwrap_or_default();
        for named in named_rooms(code, relative.components().count()) {
            let allowed = named == room || room_of(&named).is_some_and(|other| other < level);
            if !allowed {
                problems.insert(
                    name.to_string(),
                    format!("names library::{named}, which is not a room below {room}"),
                );
            }
        }
    }
    assert!(problems.is_empty(), "library rooms broken: {problems:#?}");
}

#[test]
fn the_room_check_sees_a_name_from_above_or_beside() {
    assert_eq!(named_rooms("use crate::library::load::plan::Plan;", 2), ["load"]);
    assert_eq!(named_rooms("use crate::library::Library;", 2), ["Library"]);
    assert_eq!(named_rooms("use super::article::Body;", 1), [".."]);
    assert!(named_rooms("use super::super::html::X;", 3).is_empty());
    assert!(room_of("model") < room_of("formats") && room_of("collection") < room_of("load"));
}
