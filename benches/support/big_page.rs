//! A large saved web page, and a heap counter that keeps its peak: shared
//! by `benches/pages.rs` (a 50 MB page) and `tests/big_page.rs` (the same
//! bound on a smaller page).

#![allow(dead_code)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A page of about `bytes` bytes as sites save them: a head with styles
/// and scripts, navigation, then article paragraphs with links, emphasis,
/// images and comments, a script between them, and a footer.
pub fn big_page(bytes: usize) -> String {
    const COMMON: &str = "的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就下得可你年生自会那后能对着事其里所去行过家十用发天如然作方成者多日都三小军二无同么经法当起与好看学进种将还分此心前面又定见只主没公从";
    let common: Vec<char> = COMMON.chars().collect();
    let mut seed: u64 = 42;
    let mut page = String::with_capacity(bytes + 4096);
    page.push_str(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>长页</title>\
         <style>body { margin: 0 } p { line-height: 1.8 }</style>\
         <script>window.dataLayer = []; function track(e) { return e < 1; }</script></head>\
         <body><header><nav><a href=\"/\">首页</a> <a href=\"/list\">列表</a></nav></header><article><h1>长页</h1>\n",
    );
    let mut paragraph = 0;
    while page.len() < bytes {
        paragraph += 1;
        page.push_str("<p>");
        for i in 0..120 {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            page.push(common[(seed >> 33) as usize % common.len()]);
            match i {
                30 => page.push_str("，<em>强调</em>"),
                60 => page.push_str("<a href=\"/a?id=1&amp;p=2\">链接</a>"),
                90 => page.push_str("&nbsp;&mdash;"),
                _ => {}
            }
        }
        page.push_str("。</p>\n");
        if paragraph % 50 == 0 {
            page.push_str(
                "<!-- 广告位 --><div class=\"ad\"><script>track(1 < 2)</script><img src=\"x.png\" alt=\"图\"></div>\n",
            );
        }
        if paragraph % 500 == 0 {
            page.push_str(&format!("<h2>第{}节</h2>\n", paragraph / 500));
        }
    }
    page.push_str("</article><footer>版权所有</footer></body></html>\n");
    page
}

/// A page whose one paragraph's tag has `count` distinct attribute names
/// (about 9 bytes each), then text.
pub fn many_attributes(count: usize) -> String {
    let attributes: String = (0..count).map(|i| format!(" a{i}=\"\"")).collect();
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>属性</title></head>\
         <body><p{attributes}>属性之后的正文。</p><p>第二段。</p></body></html>"
    )
}

/// The system allocator, counting the bytes in use and their peak.
pub struct PeakCounting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(size: usize) {
    let now = IN_USE.fetch_add(size, Ordering::Relaxed) + size;
    PEAK.fetch_max(now, Ordering::Relaxed);
}

// SAFETY: every call is passed to the system allocator unchanged; only the
// counters are updated beside it.
unsafe impl GlobalAlloc for PeakCounting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grew(layout.size());
        // SAFETY: the caller's layout, as `GlobalAlloc::alloc` requires.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` came from `alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        IN_USE.fetch_sub(layout.size(), Ordering::Relaxed);
        grew(new_size);
        // SAFETY: as for `alloc` and `dealloc`.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Heap bytes `work` needs at its peak beyond what was in use before it.
pub fn peak_heap_of<T>(work: impl FnOnce() -> T) -> (T, usize) {
    let before = IN_USE.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let result = work();
    (result, PEAK.load(Ordering::Relaxed).saturating_sub(before))
}
