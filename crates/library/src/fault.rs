//! Faults on request, for end-to-end tests of how a panic or a slow parse is handled. Only
//! debug builds (which the tests run) have the switch; in a release build
//! `inject` does nothing and the variable is not read.

/// `YUEDU_TEST_PANIC=PLACE` or `PLACE:DETAIL` panics there: `frame` after the
/// first frame is drawn, `parse:RELATIVE/PATH.md` while parsing that file,
/// `search:WORDS` while the reader's worker searches for those words.
#[cfg(debug_assertions)]
const VAR: &str = "YUEDU_TEST_PANIC";

/// Panics if the test switch names `place` (and `detail`, when not empty).
#[cfg(debug_assertions)]
pub fn inject(place: &str, detail: &str) {
    let Ok(wanted) = std::env::var(VAR) else { return };
    let (wanted_place, wanted_detail) = wanted.split_once(':').unwrap_or((&wanted, ""));
    if wanted_place == place && wanted_detail == detail {
        panic!("test panic requested by {VAR} at {wanted}");
    }
}

#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn inject(_place: &str, _detail: &str) {}

/// `YUEDU_TEST_STALL=PLACE:DETAIL` holds the thread there until the file
/// named by `YUEDU_TEST_STALL_UNTIL` exists: a slow parse, made as slow as a
/// test needs, for tests of what the reader does meanwhile.
/// Several places, `|`-separated, are each held until the file at the same
/// place of the `|`-separated `YUEDU_TEST_STALL_UNTIL` exists.
#[cfg(debug_assertions)]
pub fn stall(place: &str, detail: &str) {
    let (Ok(wanted), Ok(until)) = (
        std::env::var("YUEDU_TEST_STALL"),
        std::env::var("YUEDU_TEST_STALL_UNTIL"),
    ) else {
        return;
    };
    for (wanted, until) in wanted.split('|').zip(until.split('|')) {
        if wanted.split_once(':') == Some((place, detail)) {
            while !std::path::Path::new(until).exists() {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
        }
    }
}

#[cfg(not(debug_assertions))]
#[inline(always)]
pub fn stall(_place: &str, _detail: &str) {}
