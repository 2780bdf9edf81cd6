//! One try at a page's article: paragraphs scored into the elements above
//! them, the best element and its siblings chosen, clutter left out.

use super::{ENOUGH_CHARS, Flags, LEVELS, MIN_PARAGRAPH_CHARS, Stat, TOP_CANDIDATES, Totals, paragraph_score};
use crate::library::formats::html::outline::{Kind, Node};

/// One try at the article.
pub(super) struct Try<'a> {
    nodes: &'a [Node],
    stats: &'a [Stat],
    tags: &'a [u32],
    flags: Flags,
    /// Nodes left out with everything under them.
    excluded: Vec<bool>,
    totals: Vec<Totals>,
    scores: Vec<Option<f32>>,
    /// Nodes inside a table.
    tabled: Vec<bool>,
}

impl<'a> Try<'a> {
    pub(super) fn new(nodes: &'a [Node], stats: &'a [Stat], tags: &'a [u32], flags: Flags) -> Try<'a> {
        let mut excluded = vec![false; nodes.len()];
        for (i, node) in nodes.iter().enumerate().skip(1) {
            let parent = excluded.get(node.parent as usize).copied().unwrap_or(false);
            excluded[i] = parent || (flags.strip_unlikely && node.hints.unlikely && node.kind != Kind::Page);
        }
        let mut totals = vec![Totals::default(); nodes.len()];
        for (stat, &tag) in stats.iter().zip(tags) {
            let Some(t) = totals.get_mut(tag as usize) else {
                continue;
            };
            if excluded[tag as usize] {
                continue;
            }
            t.own_blocks += 1;
            t.add(&Totals {
                chars: stat.chars,
                links: stat.links,
                commas: stat.commas,
                images: stat.images,
                paragraphs: u32::from(stat.paragraph),
                items: u32::from(stat.item),
                item_chars: if stat.item { stat.chars } else { 0 },
                heading_chars: if stat.heading { stat.chars } else { 0 },
                sentences: u32::from(stat.sentence),
                ..Totals::default()
            });
        }
        // Nodes are numbered in the order they open: each parent before its children.
        for i in (1..nodes.len()).rev() {
            let parent = nodes[i].parent as usize;
            if parent < i && !excluded[i] {
                let child = totals[i];
                totals[parent].add(&child);
                totals[parent].children += 1;
            }
        }
        Try {
            nodes,
            stats,
            tags,
            flags,
            excluded,
            totals,
            scores: vec![None; nodes.len()],
            tabled: vec![false; nodes.len()],
        }
    }

    pub(super) fn run(mut self) -> Option<Vec<bool>> {
        self.score_paragraphs();
        let top = self.top_candidate()?;
        let mut included = self.with_siblings(top);
        if self.flags.clean {
            self.clean(&mut included);
        }
        let mut keep = vec![false; self.tags.len()];
        for ((k, &tag), stat) in keep.iter_mut().zip(self.tags).zip(self.stats) {
            *k = !stat.title && included.get(tag as usize).copied().unwrap_or(false);
        }
        Some(keep)
    }

    /// Whether `node` is under `ancestor`.
    fn is_under(&self, node: usize, ancestor: usize) -> bool {
        node > ancestor && node < self.nodes[ancestor].end as usize
    }

    fn parent(&self, node: usize) -> Option<usize> {
        (node != 0).then(|| self.nodes[node].parent as usize)
    }

    /// Each paragraph of some length adds to the elements above it: all of
    /// its score to the first, half to the second, a third of its level
    /// to each further one.
    fn score_paragraphs(&mut self) {
        for (stat, &tag) in self.stats.iter().zip(self.tags) {
            let node = tag as usize;
            // Text right in a list item does not score, nor a first-level
            // heading, as in Readability.
            if node >= self.nodes.len()
                || self.excluded[node]
                || stat.title
                || self.nodes[node].kind == Kind::Heading(1)
                || stat.chars < MIN_PARAGRAPH_CHARS
                || self.nodes[node].kind == Kind::List
            {
                continue;
            }
            let score = paragraph_score(stat.chars, stat.commas);
            // Text right in a division beside other elements is a paragraph
            // of its own there; a division of text alone is the paragraph.
            let is_paragraph = match self.nodes[node].kind {
                Kind::Division | Kind::Page | Kind::Other => {
                    self.totals[node].children == 0 && self.totals[node].own_blocks == 1
                }
                _ => true,
            };
            let mut first = if is_paragraph { self.parent(node) } else { Some(node) };
            // A division around one paragraph only is that paragraph.
            if let Some(wrapper) = first
                && self.is_wrapper(wrapper)
            {
                first = self.parent(wrapper);
            }
            self.add_score(first, score);
        }
        // A section scores as one paragraph of all its text.
        for node in 1..self.nodes.len() {
            let t = &self.totals[node];
            if self.nodes[node].section && !self.excluded[node] && t.chars >= MIN_PARAGRAPH_CHARS {
                let score = paragraph_score(t.chars, t.commas);
                self.add_score(self.parent(node), score);
            }
        }
    }

    /// A division of one paragraph and nothing else, few of its words links.
    fn is_wrapper(&self, node: usize) -> bool {
        let n = &self.nodes[node];
        let t = &self.totals[node];
        n.kind == Kind::Division && n.cleanable && t.children == 1 && t.own_blocks == 0 && t.link_density() < 0.25
    }

    /// Adds a paragraph's score to the elements above it, from `first` up.
    fn add_score(&mut self, first: Option<usize>, score: f32) {
        let mut ancestor = first;
        {
            for level in 0..LEVELS {
                let Some(at) = ancestor else { break };
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f32 * 3.0,
                };
                let initial = self.initial_score(at);
                let slot = self.scores[at].get_or_insert(initial);
                *slot += score / divider;
                ancestor = self.parent(at);
            }
        }
    }

    fn initial_score(&self, node: usize) -> f32 {
        let n = &self.nodes[node];
        let by_kind = match n.kind {
            Kind::Division => 5.0,
            Kind::Text => 3.0,
            Kind::List | Kind::Other => -3.0,
            Kind::Heading(_) => -5.0,
            Kind::Page | Kind::Paragraph | Kind::Table => 0.0,
        };
        by_kind + self.weight(node)
    }

    fn weight(&self, node: usize) -> f32 {
        if self.flags.weigh_names {
            f32::from(self.nodes[node].hints.weight)
        } else {
            0.0
        }
    }

    /// The score as links lower it.
    fn final_score(&self, node: usize) -> Option<f32> {
        self.scores[node].map(|s| s * (1.0 - self.totals[node].link_density()))
    }

    fn top_candidate(&self) -> Option<usize> {
        let mut tops: Vec<(usize, f32)> = Vec::with_capacity(TOP_CANDIDATES + 1);
        for node in 1..self.nodes.len() {
            if let Some(score) = self.final_score(node) {
                let at = tops.iter().position(|(_, s)| score > *s).unwrap_or(tops.len());
                if at < TOP_CANDIDATES {
                    tops.insert(at, (node, score));
                    tops.truncate(TOP_CANDIDATES);
                }
            }
        }
        let &(mut top, top_score) = tops.first()?;
        if self.nodes[top].kind == Kind::Page {
            return Some(top);
        }
        // Three or more of the best scoring near the best: their common
        // ancestor is the article.
        let close: Vec<usize> = tops[1..]
            .iter()
            .filter(|(_, s)| *s >= top_score * 0.75)
            .map(|(n, _)| *n)
            .collect();
        if close.len() >= 3 {
            let mut parent = self.parent(top);
            while let Some(at) = parent.filter(|&p| self.nodes[p].kind != Kind::Page) {
                if close.iter().filter(|&&c| self.is_under(c, at)).count() >= 3 {
                    top = at;
                    break;
                }
                parent = self.parent(at);
            }
        }
        let top_score = self.final_score(top).unwrap_or(top_score);
        // A parent that scores more than its best child is the article.
        let threshold = top_score / 3.0;
        let mut last = top_score;
        let mut parent = self.parent(top);
        while let Some(at) = parent.filter(|&p| self.nodes[p].kind != Kind::Page) {
            if let Some(score) = self.final_score(at) {
                if score < threshold {
                    break;
                }
                if score > last {
                    top = at;
                    break;
                }
                last = score;
            }
            parent = self.parent(at);
        }
        // An only child stands for its parent.
        while let Some(at) = self.parent(top).filter(|&p| self.nodes[p].kind != Kind::Page) {
            if self.totals[at].children != 1 || self.totals[at].own_blocks != 0 {
                break;
            }
            top = at;
        }
        Some(top)
    }

    /// The nodes of the article: the top candidate and, beside it, those
    /// that score near it, share its class, or are paragraphs of prose.
    fn with_siblings(&self, top: usize) -> Vec<bool> {
        let mut included = vec![false; self.nodes.len()];
        let top_score = self.final_score(top).unwrap_or(0.0);
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = self.nodes[top].hints.class;
        let mut chosen = vec![top];
        if let Some(parent) = self.parent(top).filter(|_| self.nodes[top].kind != Kind::Page) {
            let end = (self.nodes[parent].end as usize).min(self.nodes.len());
            let mut at = parent + 1;
            while at < end {
                let sibling = &self.nodes[at];
                let next = (sibling.end as usize).clamp(at + 1, end);
                if at != top && sibling.parent as usize == parent && !self.excluded[at] {
                    let bonus = if top_class != 0 && sibling.hints.class == top_class {
                        top_score * 0.2
                    } else {
                        0.0
                    };
                    let score = self.final_score(at).unwrap_or(0.0);
                    if score + bonus >= threshold || self.is_prose(at) {
                        chosen.push(at);
                    }
                }
                at = next;
            }
        }
        for node in chosen {
            let end = (self.nodes[node].end as usize).clamp(node + 1, self.nodes.len());
            for (slot, excluded) in included[node..end].iter_mut().zip(&self.excluded[node..end]) {
                *slot = !excluded;
            }
        }
        included
    }

    /// A paragraph beside the article that reads as prose: long with few
    /// links, or short with none, ending a sentence.
    fn is_prose(&self, node: usize) -> bool {
        if self.nodes[node].kind != Kind::Paragraph {
            return false;
        }
        let t = &self.totals[node];
        let density = t.link_density();
        if t.chars > 80 {
            return density < 0.25;
        }
        t.chars > 0 && density == 0.0 && t.sentences > 0
    }

    /// Leaves out lists, tables and divisions of the article that look like
    /// navigation, comments or link lists (Readability's conditional cleaning).
    fn clean(&mut self, included: &mut [bool]) {
        for i in 1..self.nodes.len() {
            let parent = self.nodes[i].parent as usize;
            self.tabled[i] = parent < i && (self.tabled[parent] || self.nodes[parent].kind == Kind::Table);
        }
        let mut at = 0;
        while at < self.nodes.len() {
            let node = &self.nodes[at];
            let end = (node.end as usize).clamp(at + 1, self.nodes.len());
            if included[at] && self.is_clutter(at) {
                for slot in &mut included[at..end] {
                    *slot = false;
                }
                at = end;
            } else {
                at += 1;
            }
        }
    }

    fn in_table(&self, node: usize) -> bool {
        self.tabled[node]
    }

    fn is_clutter(&self, node: usize) -> bool {
        let n = &self.nodes[node];
        let weight = self.weight(node);
        if let Kind::Heading(1 | 2) = n.kind {
            return weight < 0.0;
        }
        // Tables are taken for tables of data, and kept whole.
        if !n.cleanable || n.kind == Kind::Table || self.in_table(node) {
            return false;
        }
        if weight < 0.0 {
            return true;
        }
        if n.hints.share && self.totals[node].chars < ENOUGH_CHARS {
            return true;
        }
        let t = &self.totals[node];
        if t.commas >= 10 {
            return false;
        }
        let is_list = matches!(n.kind, Kind::List) || (t.chars > 0 && t.item_chars as f32 / t.chars as f32 > 0.9);
        let paragraphs = t.paragraphs as f32;
        let images = t.images as f32;
        let items = t.items as f32 - 100.0;
        let density = t.link_density();
        let heading_density = if t.chars == 0 {
            0.0
        } else {
            t.heading_chars as f32 / t.chars as f32
        };
        (images > 1.0 && paragraphs / images < 0.5)
            || (!is_list && items > paragraphs)
            || (!is_list && heading_density < 0.9 && t.chars < 25 && (t.images == 0 || t.images > 2) && density > 0.0)
            || (!is_list && weight < 25.0 && density > 0.2)
            || (weight >= 25.0 && density > 0.5)
    }
}
