//! A large saved web page is read within bounded memory: the heap it needs
//! at its peak is a small multiple of the page's size (the 50 MB page and
//! its time are in `benches/pages.rs`; this is the same bound on 2 MB).

#[path = "../benches/support/big_page.rs"]
mod big_page;

use big_page::{PeakCounting, big_page, peak_heap_of};
use yuedu::library::{Origin, parse_article, table_of_contents};

#[global_allocator]
static ALLOCATOR: PeakCounting = PeakCounting;

/// Peak heap while reading a page, as a multiple of its size.
const MAX_HEAP_PER_PAGE_BYTE: usize = 3;

#[test]
fn a_large_page_is_read_within_a_few_times_its_size_in_memory() {
    let page = big_page(2 * 1024 * 1024);
    let (article, peak) = peak_heap_of(|| parse_article("长页", "长页.html", page.as_bytes(), Origin::Bundled));
    let article = article.expect("reads");
    assert_eq!(article.meta.title, "长页");
    assert!(!article.body.text.contains("track("), "scripts are left out");
    assert!(!article.body.text.contains("首页"), "navigation is left out");
    assert!(table_of_contents(&article.body).len() > 5);
    assert!(
        peak <= MAX_HEAP_PER_PAGE_BYTE * page.len(),
        "peak heap {peak} bytes for a page of {} bytes",
        page.len()
    );
}
