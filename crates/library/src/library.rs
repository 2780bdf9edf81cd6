//! The article collection: the article model, parsing of `.md`, `.txt`,
//! `.epub` and `.html` files, and loading the bundled collection or the user's folders.
//! Pure logic; nothing here knows about the terminal.
//!
//! Four rooms, each using only those before it (`tests/integration/layers.rs` checks):
//! - `model`: the article (`Article`, `Meta`, `Body`), its table of contents, natural order of names
//! - `formats`: one file's bytes to an article (`parse`, with `decode`, `front_matter`,
//!   `markdown`, `plain`, `verse`, `ruby`; `.txt` novels' chapters, EPUB books and web pages)
//! - `collection`: the `Library` and where each article goes in it (`order`, `merge`)
//! - `load`: the files of a collection found (`plan`, `walk`) and read in batches through `cache`
//!
//! # Design
//!
//! the article collection, in four rooms, each using only those before it (`tests/integration/layers.rs`
//! checks): `model` (`article`, `toc`, `natural`), `formats` (`parse` and every format),
//! `collection` (`Library`, `order`, `merge`, `Batch`), `load` (`plan`, `candidate`, `walk`, `read`,
//! `cache`, `stdin`, `prefix`). `article`: the model (`Article`, at most 160 bytes of its own: its
//! ID, title and author are `CompactString`s, held inline up to 24 bytes, its category a
//! `SharedName` (one copy of its text for the articles of the category), its body's
//! text and blocks are boxed, and its file path (`origin`) is a folder shared by the files read
//! one after another in it and the file's name in that folder's one string of names; `Meta`, whose fields few articles have (the front matter's
//! `order` among them) are boxed in `MoreMeta`; `Body` = plain text + blocks (16 bytes each; spans in one list) with
//! 32-bit byte ranges). `parse` (with `decode`: bytes into text — UTF-8, also with a few damaged
//! places, each a counted U+FFFD (`Meta::undecoded`), UTF-16 with a BOM, else the legacy encoding
//! detected on the first 64 KiB — and whether they are text at all; `front_matter`, `markdown`
//! (with `indented`: a text whose lines are mostly indented lines of Chinese without blank lines
//! between, decided on its first 16 KiB, has each of them as a paragraph, as `.txt` does), `plain`:
//! a `.txt` file's paragraphs by the shape of its lines (`plain/shape`: a line each, unless
//! hard-wrapped, decided on the first 16 KiB); `containers`: the lists and quotes around text,
//! shared by the Markdown and HTML readers): one file's bytes to an article, decoded and sanitised;
//! an article without a title of its own takes its first `#` heading (Markdown), else its file
//! name, and text without a file name (standard input, `Naming::Text`) its first heading or line (a
//! plain text's first line then left out of its body). `formats`: chapter headings of `.txt` novels
//! (`novel`: built-in rule with guards, or the user's pattern; `plain` makes them heading blocks,
//! so a book is one article), web pages (`html`: the page's charset — UTF-8 bytes over a
//! declaration, then the declaration (a declared UTF-8 kept, damaged places counted, unless the
//! bytes are a legacy encoding that declares UTF-8), then detection — and text; html5gum's
//! tokenizer (chosen for start-up: few of its tables' pages hold pointers the loader must fix up),
//! reading the document in place without the attributes of a tag past its 256th (`attributes`:
//! the sink's check of each name is quadratic), calling the `converter`'s sink (`tokens`), whose `state`
//! keeps the readable content by the element rules of `elements`: `state/foreign` the text of SVG
//! `<text>`, SVG images, MathML's `alttext` or text; `state/headings` a table-of-contents entry's
//! heading under the book's own label; a book's non-note `<aside>` a quote, `<object>` its fallback
//! content, ruby by `ruby`; a web page's `outline` — a node for each element that holds blocks,
//! with what its class, id and role say (`hints`), each block tagged with its node — is kept as it
//! is read, and `extract` chooses the article from it as Readability does (paragraphs score the
//! elements above them, the best element and its like siblings are kept, link-heavy divisions and
//! lists in it left out; tried again without leaving out unlikely names, weighing names, or
//! cleaning while the article is short), in time linear in nodes and blocks; the body keeps the
//! article's blocks, moved down in place (`Body::retain_blocks`); a page in which nothing scores is
//! kept whole, and EPUB chapters (`Mode::Book`) keep no outline) and EPUB books (`epub`:
//! `epub/archive` checks the archive and unpacks its text files (SVG too) within limits, each
//! exactly the size the archive declares, and knows the names of all; the package read by rbook;
//! `epub/spine` takes each spine item through its `fallback` chain to an XHTML or SVG document,
//! else an image page (〔图〕), else a gap; chapters in spine order through the same converter (never
//! page extraction: a chapter is the article), decoded as UTF-8 unless they declare otherwise,
//! their damaged places summed for the book's notice; the book's table of contents placed as
//! heading blocks). `ruby`: how a ruby reading shows (`Ruby`, `reading.ruby`: after its word in
//! parentheses, or dropped) and the one reader of ruby markup (`Readings`) that pages, chapters and
//! Markdown's inline HTML share; `rules`: `Rules`, the settings that change what a parse makes (the
//! chapter rule and ruby), given to each `Candidate` by the plan and fingerprinted in the article
//! cache's header. `prefix`: the first screen of one large `.txt` or `.md` file without parsing all
//! of it (`read_prefix` reads its first 64 KiB and parses them up to the first paragraph boundary past
//! the 16 KiB the shape of its lines is decided on that is
//! also one of the whole file: in Markdown a blank line, outside a code fence, before text at the
//! margin; in plain text a blank line or an indented line, or any line when each is a paragraph,
//! past the lines that decide the shape; `extends` checks that the whole body holds the prefix's
//! text and blocks at the same offsets). `verse`: whether a text is verse (front matter
//! `lines`/`form`, or short lines all ending in punctuation, stanzas of several or a couplet to a
//! paragraph); the Markdown and `.txt` readers then make its paragraphs `Verse` blocks whose lines
//! are kept as `\n` in the text (laid out with no indent, a wrapped line's rest hung one character
//! in). `toc`: a body's table of contents is its heading blocks (level, title, byte offset).
//! `natural`: natural order of names, digits and Chinese numerals compared as numbers, Han
//! characters by pinyin (the article list's pinyin order is this order of titles); the numbers in a
//! name (`numbers_in`, `number_value`, for the contents' filter). `plan` and `walk`: a `Plan`
//! (files found by walking the bundled collection, embedded by `build.rs`, and folders, level by
//! level on all cores, each file stamped with size, times and inode; a path named twice, or a file
//! reached through two nested paths, is kept once, by its real path, at its first place). `read`:
//! files read in `Batch`es on all cores through the article cache, 1,024 at a time (the candidates
//! split into parts first, each part freed once read, so none is left when the last articles are
//! made; the articles go into a list of its final size). A `Candidate` (`load/candidate`, one per
//! file until it is read; `split` takes the plan's a part at a time, the list giving up its room as
//! it goes) holds a file's path once, as its content (its name in messages and its article's origin
//! come from it), and its real path, the cache key, only when that differs. `collection` and
//! `order`: the `Library`, its one collection order and its one first-wins rule for IDs taken
//! twice; articles are only ever appended, each under an `ArticleId` (its index, never reused or
//! moved), so nothing that holds one needs fixing when a batch arrives; the collection order is a
//! list of IDs beside them (with each ID's position, and categories as ranges of positions): each
//! batch's IDs are sorted on their own and merged in from the back of that list, grown once;
//! `merge`: that work done apart from the library (`Library::prepare`, on the reader's loader
//! thread, the batch's renamed IDs given there), the library then only appending the articles
//! (room made for all of them at once, `reserve`) and taking the lists in (`extend_prepared`, if
//! it has not changed since, else merged there; `extend` is the two in one)
//! (`read` makes its article list at its final size and reads files 4,096 at a time;
//! `plan::into_batches` makes each batch at its own size); an article is found by its text ID by
//! bisecting the IDs sorted by text ID, merged in the same way (no second copy of the IDs). `Library::management()` (tests only): the
//! bundled management articles alone, the collection the state machine's and the screens' tests are
//! written on, so they keep their keys and screens whatever else is bundled. `cache`: the article
//! cache (one framed, versioned postcard `Entry` per file, each with a CRC-32 verified when the
//! file is opened, in one pass that keeps 16 bytes per entry: a hash of its path and where it lies
//! (`cache/source`); the file is left open and each entry read where it lies when it is used (a
//! positioned read, verified again, its path, ID and stamp checked), so the cache is never held
//! beside the articles made from it; never mapped, so a cache cut short or written over by another
//! process cannot raise SIGBUS or mislead; an entry trusted only if its file's stamp matches and
//! the file was last changed before the cache was written, git's racy-timestamp rule; keyed by the
//! file's real path; used entries restored instead of parsed (for a search, only those whose bytes hold a form of each word it must find: `prefilter`); new entries written to a temporary
//! file as they are parsed (`Spill`), the entries kept added at `save`, then renamed over the
//! cache, so no second copy of the cache is built in memory and a load cut short leaves the old
//! cache and no temporary file; `housekeeping` keeps the cache folder bounded: files unused for 30
//! days go, then the least recently used beyond 1 GB). `walk` opens each folder relative to its
//! parent's open handle and stamps each file relative to its folder (`walk/sys`: `openat`/`fstatat`
//! through rustix on Unix, by path elsewhere), keeps paths as chains of names built whole only for
//! the files found, tells folders apart by device and inode (link loops end), resolves only
//! symbolic links by their whole path and follows them only within the same root: time linear in
//! the number of entries however deep; `files` opens a file whose path is longer than the system
//! takes in one call a part at a time

mod collection;
mod formats;
mod load;
mod model;

pub use collection::{ArticleId, Articles, Batch, Category, Library, LibraryError, LoadProblem, Merge, TakenIds};
pub use formats::front_matter::FrontMatterError;
#[cfg(any(test, feature = "test-support"))]
pub use formats::parse::{Naming, parse_article_with};
pub use formats::parse::{Rules, parse_article};
pub use formats::plain::parse_plain_with;
pub use formats::ruby::Ruby;
pub use formats::{Book, ChapterRule, Format, HtmlPage, parse_epub, parse_html};
pub use load::cache::{ArticleCache, Usage as CacheUsage, usage as cache_usage};
pub use load::plan::{Candidate, Plan, STDIN_ID};
pub use load::prefilter::Prefilter;
#[cfg(any(test, feature = "test-support"))]
pub use load::prefix::{Cuts, prefix_cut};
pub use load::prefix::{PREFIX_FROM_BYTES, extends, parse_prefix, read_prefix};
pub use load::read::{read_batch, read_batch_cached, read_batch_filtered, read_bounded};
pub use load::stdin::{read_stdin, stdin_is_piped};
pub use model::article::{
    Article, Block, BlockKind, Body, FilePath, InlineSpan, InlineStyle, Marker, Meta, MoreMeta, Order, Origin,
    SharedName, UNCATEGORISED,
};
pub use model::natural::{natural_cmp, number_value, numbers_in};
pub use model::toc::{TocEntry, current_entry, heading_at, next_entry, previous_entry, table_of_contents};
