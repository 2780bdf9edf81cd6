//! Where an article goes in its collection, and which of two articles with
//! the same ID is kept.

use crate::library::collection::Category;
use crate::library::model::article::UNCATEGORISED;
use crate::library::model::article::{Article, Origin};
use crate::library::model::natural::natural_cmp;

/// Listed categories first, then the others in natural order of their names
/// (卷二 before 卷十), 未分类 last; within a category by `order`, then in
/// natural order of the file path (2.md before 10.md), then by title.
pub(in crate::library) fn collection_order(listed: &[String], a: OrderKey<'_>, b: OrderKey<'_>) -> std::cmp::Ordering {
    let rank = |name: &str| {
        listed
            .iter()
            .position(|c| c == name)
            .unwrap_or(if name == UNCATEGORISED {
                usize::MAX
            } else {
                usize::MAX - 1
            })
    };
    rank(a.category)
        .cmp(&rank(b.category))
        .then_with(|| natural_cmp(a.category, b.category))
        .then_with(|| (a.order.is_none(), a.order).cmp(&(b.order.is_none(), b.order)))
        .then_with(|| natural_cmp(a.id, b.id))
        .then_with(|| a.title.cmp(b.title))
}

/// What places an article in its collection.
#[derive(Clone, Copy)]
pub(in crate::library) struct OrderKey<'a> {
    pub category: &'a str,
    pub order: Option<i64>,
    pub title: &'a str,
    pub id: &'a str,
}

impl OrderKey<'_> {
    pub fn of(article: &Article) -> OrderKey<'_> {
        OrderKey {
            category: &article.meta.category,
            order: article.meta.order(),
            title: &article.meta.title,
            id: &article.id,
        }
    }
}

/// The one rule for IDs taken twice: the first article in load order keeps
/// its ID; a later one is kept too, under its folder's name and the ID
/// (`c2/a`), with `~2`, `~3`… after it if that is taken as well. Of `items`
/// (ID and origin, in load order), every one whose ID `taken` already holds
/// or an earlier item has comes back, in order, with its position in
/// `items` and its new ID. Found by sorting the IDs, which costs less than
/// hashing every one.
pub(in crate::library) fn first_keeps(items: &[(&str, &Origin)], taken: impl Fn(&str) -> bool) -> Vec<(usize, String)> {
    let mut by_id: Vec<(&str, usize)> = items.iter().enumerate().map(|(i, (id, _))| (*id, i)).collect();
    by_id.sort_unstable();
    let mut later = Vec::new();
    for same in by_id.chunk_by(|a, b| a.0 == b.0) {
        let id = same[0].0;
        let renamed = if taken(id) { same } else { &same[1..] };
        later.extend(renamed.iter().map(|&(_, at)| at));
    }
    if later.is_empty() {
        return Vec::new();
    }
    later.sort_unstable();
    let mut used: std::collections::HashSet<String> = items.iter().map(|(id, _)| (*id).to_string()).collect();
    later
        .into_iter()
        .map(|at| {
            let (id, origin) = items[at];
            let base = format!("{}/{id}", folder_name(origin, id));
            let mut new_id = base.clone();
            let mut n = 2;
            while taken(&new_id) || used.contains(&new_id) {
                new_id = format!("{base}~{n}");
                n += 1;
            }
            used.insert(new_id.clone());
            (at, new_id)
        })
        .collect()
}

/// The name of the folder an article with `id` was found in (the root its
/// ID is relative to).
fn folder_name(origin: &Origin, id: &str) -> String {
    match origin {
        Origin::Bundled => "bundled".to_string(),
        Origin::File(path) => path
            .ancestors()
            .nth(id.matches('/').count() + 1)
            .and_then(|root| root.file_name())
            .map_or_else(|| "folder".to_string(), |name| name.to_string_lossy().into_owned()),
    }
}

pub(in crate::library) fn group_categories(articles: &[Article]) -> Vec<Category> {
    let mut categories: Vec<Category> = Vec::new();
    for (i, article) in articles.iter().enumerate() {
        match categories.last_mut() {
            Some(last) if last.name == article.meta.category => last.articles.end = i + 1,
            _ => categories.push(Category {
                name: article.meta.category.to_string(),
                articles: i..i + 1,
            }),
        }
    }
    categories
}

/// Merges `batch` into `articles`, both in collection order: a batch costs
/// its own sort and one pass, not a sort of the whole collection. Also says
/// where each article of `batch` (in the order given) went. The batch is
/// sorted through a permutation of its indices and put in order in place, so
/// no article is copied into a second list; the first batch becomes the
/// collection as it is.
pub(in crate::library) fn merge_in_order(
    articles: Vec<Article>,
    mut batch: Vec<Article>,
    listed: &[String],
) -> (Vec<Article>, Vec<usize>) {
    let mut order: Vec<usize> = (0..batch.len()).collect();
    order.sort_by(|&a, &b| collection_order(listed, OrderKey::of(&batch[a]), OrderKey::of(&batch[b])));
    permute(&mut batch, &order);
    let mut placed = vec![0; batch.len()];
    if articles.is_empty() {
        for (at, &given) in order.iter().enumerate() {
            placed[given] = at;
        }
        return (batch, placed);
    }
    // Merged from the back into the collection's own list, grown once to
    // its new length (a large list grows in place: glibc maps it on its own
    // and `mremap`s it), so the collection is never held twice.
    let mut merged = articles;
    let mut old = merged.len();
    merged.reserve_exact(batch.len());
    merged.resize_with(old + batch.len(), Article::placeholder);
    let mut at = merged.len();
    let mut new = order.into_iter().zip(batch).rev().peekable();
    while let Some((_, article)) = new.peek() {
        at -= 1;
        // Of equal places the article already there comes first.
        if old > 0 && collection_order(listed, OrderKey::of(article), OrderKey::of(&merged[old - 1])).is_lt() {
            merged.swap(old - 1, at);
            old -= 1;
        } else if let Some((given, article)) = new.next() {
            placed[given] = at;
            merged[at] = article;
        }
    }
    (merged, placed)
}

/// Puts `items` in the order `order` gives (`items[k]` becomes what was at
/// `items[order[k]]`) by following its cycles with swaps, in place.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !done[at] {
            done[at] = true;
            let from = order[at];
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::permute;

    #[test]
    fn permute_puts_every_item_where_its_order_says() {
        let mut seed = 7_u64;
        for len in [0, 1, 2, 5, 64, 1000] {
            let mut order: Vec<usize> = (0..len).collect();
            for i in (1..len).rev() {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            let mut items: Vec<String> = (0..len).map(|n| n.to_string()).collect();
            permute(&mut items, &order);
            let expected: Vec<String> = order.iter().map(|n| n.to_string()).collect();
            assert_eq!(items, expected, "{len} items");
        }
    }
}
