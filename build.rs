//! Links the `yuedu` binary as a position-dependent executable on Linux.
//!
//! A position-independent one is moved to a random address at each start,
//! and the dynamic loader then writes the address of every pointer in the
//! binary's read-only tables (about 37,000 of them: html5ever's names,
//! encoding labels, vtables) into 180 pages that each cost a copy: 0.6 ms
//! of a start that is 3 ms to the first text, and three times the page
//! faults. Linked at a fixed address, those pages are read from the file
//! only when they are used. Only the binary is linked so; the libraries it
//! loads stay where the system puts them.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_OS").is_ok_and(|os| os == "linux") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
