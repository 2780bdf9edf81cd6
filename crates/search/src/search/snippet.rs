//! A one-line snippet around a hit, cut by display width.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use crate::text::{AmbiguousWidth, grapheme_width};

/// Text around a hit, and where the hit is inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Snippet {
    pub text: String,
    pub hit: Range<usize>,
}

/// About a third of `width` before the hit, the hit, and text after it, on
/// one line, never wider than `width` columns.
pub fn snippet(text: &str, hit: Range<usize>, width: usize, ambiguous: AmbiguousWidth) -> Snippet {
    let one_line = |s: &str| s.replace('\n', " ");
    let hit = hit.start.min(text.len())..hit.end.min(text.len());
    let before_budget = width / 3;
    let mut start = hit.start;
    let mut used = 0;
    for (at, g) in text[..hit.start].grapheme_indices(true).rev() {
        let w = grapheme_width(g, ambiguous);
        if used + w > before_budget || g == "\n" {
            break;
        }
        used += w;
        start = at;
    }
    let mut out = one_line(&text[start..hit.start]);
    let hit_start = out.len();
    let mut end = hit.start;
    for (at, g) in text[hit.start..].grapheme_indices(true) {
        let w = grapheme_width(g, ambiguous);
        if used + w > width {
            break;
        }
        used += w;
        end = hit.start + at + g.len();
    }
    out.push_str(&one_line(&text[hit.start..end]));
    let hit_end = hit_start + hit.end.min(end).saturating_sub(hit.start);
    Snippet {
        text: out,
        hit: hit_start..hit_end,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::str_width;

    #[test]
    fn snippets_fit_the_width_and_mark_the_hit() {
        let text = "一个公司营销目标的实现受到众多内外部因素的制约与影响。这些内外部因素可能包括";
        let at = text.find("因素").expect("hit");
        for width in [4, 10, 21, 40, 200] {
            let s = snippet(text, at..at + "因素".len(), width, AmbiguousWidth::Narrow);
            assert!(
                str_width(&s.text, AmbiguousWidth::Narrow) <= width,
                "{width}: {}",
                s.text
            );
            if width >= 4 {
                assert_eq!(&s.text[s.hit.clone()], "因素", "{width}");
            }
        }
    }
}
