//! Embeds the bundled collection (`articles/`) into the binary. Cargo re-runs
//! this script when anything under `articles/` changes, so adding or removing
//! an article file rebuilds the list of embedded files.
//!
//! It also fingerprints the code that turns files into articles (`src/library`,
//! `crates/text/src/text`, `Cargo.lock`): the article cache of an earlier build whose
//! parser differs is not used.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// The package's folder, as Cargo gives it to this run (not as it was when
/// this script was compiled: a target folder copied from another checkout
/// would otherwise embed that checkout's articles).
fn manifest_dir() -> io::Result<PathBuf> {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .ok_or_else(|| io::Error::from(io::ErrorKind::NotFound))
}

fn main() -> io::Result<()> {
    let root = manifest_dir()?.join("../../articles");
    println!("cargo:rerun-if-changed=../../articles");
    let mut files = Vec::new();
    collect(&root, &root, &mut files)?;
    files.sort();
    let mut code = String::from("pub static BUNDLED_FILES: &[(&str, &[u8])] = &[\n");
    for (relative, absolute) in &files {
        code.push_str(&format!(
            "    ({relative:?}, include_bytes!({:?})),\n",
            absolute.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").ok_or(io::ErrorKind::NotFound)?);
    fs::write(out.join("bundled.rs"), code)?;
    println!(
        "cargo:rustc-env=YUEDU_PARSER_FINGERPRINT={:016x}",
        parser_fingerprint()?
    );
    Ok(())
}

/// FNV-1a over the parser's source files, in a fixed order.
fn parser_fingerprint() -> io::Result<u64> {
    let manifest = manifest_dir()?;
    let manifest = manifest.as_path();
    let mut files = Vec::new();
    for part in ["src/library", "../text/src/text"] {
        println!("cargo:rerun-if-changed={part}");
        let dir = manifest.join(part);
        collect(&dir, &dir, &mut files)?;
    }
    for single in ["src/library.rs", "../text/src/text.rs", "../../Cargo.lock"] {
        println!("cargo:rerun-if-changed={single}");
        files.push((single.to_string(), manifest.join(single)));
    }
    files.sort();
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (name, path) in files {
        // A missing Cargo.lock (an installed package) just counts as empty.
        let content = fs::read(&path).unwrap_or_default();
        for byte in name.bytes().chain(content) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    Ok(hash)
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<(String, PathBuf)>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            collect(root, &path, files)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let relative: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            files.push((relative.join("/"), path.clone()));
        }
    }
    Ok(())
}
