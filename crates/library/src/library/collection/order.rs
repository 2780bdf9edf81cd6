//! Where an article goes in its collection, and which of two articles with
//! the same ID is kept.

use crate::library::collection::{ArticleId, Category};
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

/// Gives every article of `articles` (in load order) whose ID `taken`
/// already holds, or an earlier article has, its new ID by the one rule
/// (`first_keeps`).
pub(in crate::library) fn rename_taken(articles: &mut [Article], taken: impl Fn(&str) -> bool) {
    let items: Vec<(&str, &Origin)> = articles.iter().map(|a| (a.id.as_str(), &a.origin)).collect();
    let renamed = first_keeps(&items, taken);
    for (at, id) in renamed {
        if let Some(article) = articles.get_mut(at) {
            article.id = id.into();
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
fn first_keeps(items: &[(&str, &Origin)], taken: impl Fn(&str) -> bool) -> Vec<(usize, String)> {
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
        Origin::File(file) => file
            .path()
            .ancestors()
            .nth(id.matches('/').count() + 1)
            .and_then(|root| root.file_name())
            .map_or_else(|| "folder".to_string(), |name| name.to_string_lossy().into_owned()),
    }
}

/// The categories of `order` (article IDs in collection order, each found
/// with `article`): each a run of articles of one category, as a range of
/// positions in `order`.
pub(in crate::library) fn group_categories<'a>(
    article: impl Fn(ArticleId) -> Option<&'a Article>,
    order: &[ArticleId],
) -> Vec<Category> {
    let mut categories: Vec<Category> = Vec::new();
    for (i, &id) in order.iter().enumerate() {
        let Some(article) = article(id) else {
            continue;
        };
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

/// Puts `new` (IDs of articles just added) into `order` (IDs in collection
/// order), the way `collection_order` says, each article found with
/// `article`: a batch costs its own sort and one pass over the IDs, never a
/// sort of the whole collection, and no article moves. Of equal places the
/// article already there comes first.
pub(in crate::library) fn merge_in_order<'a>(
    order: &mut Vec<ArticleId>,
    mut new: Vec<ArticleId>,
    article: impl Fn(ArticleId) -> Option<&'a Article>,
    listed: &[String],
) {
    let key = |id: ArticleId| article(id).map(OrderKey::of);
    let cmp = |a: ArticleId, b: ArticleId| match (key(a), key(b)) {
        (Some(a), Some(b)) => collection_order(listed, a, b),
        _ => a.cmp(&b),
    };
    new.sort_by(|&a, &b| cmp(a, b).then(a.cmp(&b)));
    merge_sorted(order, new, |a, b| cmp(a, b).is_lt());
}

/// Merges `new`, sorted, into `sorted` from the back, in the list's own
/// room grown once by `new`'s length: `before(a, b)` when `a` goes before
/// `b`; of equal items those already in `sorted` come first.
pub(in crate::library) fn merge_sorted<T: Copy + Default>(
    sorted: &mut Vec<T>,
    mut new: Vec<T>,
    before: impl Fn(T, T) -> bool,
) {
    let mut old = sorted.len();
    sorted.reserve_exact(new.len());
    sorted.resize(old + new.len(), T::default());
    let mut at = sorted.len();
    while let Some(&last) = new.last() {
        at -= 1;
        if old > 0 && before(last, sorted[old - 1]) {
            sorted[at] = sorted[old - 1];
            old -= 1;
        } else {
            sorted[at] = last;
            new.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::merge_sorted;

    #[test]
    fn merging_sorted_runs_keeps_every_item_in_order_the_old_first_of_equals() {
        let mut seed = 7_u64;
        for (old_len, new_len) in [(0, 0), (0, 5), (5, 0), (1, 1), (64, 3), (3, 64), (1000, 1000)] {
            let mut next = || {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                ((seed >> 33) % 50) as u32
            };
            // Each item is (key, which list): equal keys keep the old first.
            let mut old: Vec<(u32, u32)> = (0..old_len).map(|_| (next(), 0)).collect();
            let mut new: Vec<(u32, u32)> = (0..new_len).map(|_| (next(), 1)).collect();
            old.sort_unstable();
            new.sort_unstable();
            let mut expected = [old.clone(), new.clone()].concat();
            expected.sort();
            merge_sorted(&mut old, new, |a, b| a.0 < b.0);
            assert_eq!(old, expected, "{old_len} and {new_len}");
        }
    }
}
