//! What a one-off search asks of a cached article before it is built: the
//! bytes of its entry must hold one of the forms of each of some words. An
//! article whose entry holds none of them cannot be a hit, so it is not
//! built (`read_batch_filtered`): it stands as its ID and origin alone.
//!
//! The entry holds every field a search looks in (title, author, tags,
//! summary, text) as the article has it, byte for byte, so looking through
//! all of its bytes finds every form that is in any of them; it may find
//! more (a form across two fields, or in the entry's other bytes), which
//! only builds an article the search then leaves out.

use memchr::memmem::Finder;

/// Groups of byte strings: an entry may hold a hit only if it holds one
/// string of every group.
#[derive(Debug)]
pub struct Prefilter {
    groups: Vec<Vec<Finder<'static>>>,
}

impl Prefilter {
    /// The filter of `groups` (each the forms of one word that a hit must
    /// hold as they stand); `None` if there is no group to look for, or a
    /// group holds no form or an empty one (which any entry holds).
    pub fn new<G, F>(groups: G) -> Option<Prefilter>
    where
        G: IntoIterator,
        G::Item: IntoIterator<Item = F>,
        F: AsRef<[u8]>,
    {
        let mut kept = Vec::new();
        for group in groups {
            let finders: Vec<Finder<'static>> = (group.into_iter())
                .map(|form| Finder::new(form.as_ref()).into_owned())
                .collect();
            if finders.is_empty() || finders.iter().any(|f| f.needle().is_empty()) {
                return None;
            }
            kept.push(finders);
        }
        (!kept.is_empty()).then_some(Prefilter { groups: kept })
    }

    /// Whether `bytes` hold a form of every group.
    pub fn may_match(&self, bytes: &[u8]) -> bool {
        (self.groups.iter()).all(|group| group.iter().any(|finder| finder.find(bytes).is_some()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_must_hold_a_form_of_every_group() {
        let filter = Prefilter::new([vec!["明月", "明玥"], vec!["山"]]).expect("groups");
        assert!(filter.may_match("明月照山".as_bytes()));
        assert!(filter.may_match("山中明玥".as_bytes()));
        assert!(!filter.may_match("明月照水".as_bytes()));
        assert!(!filter.may_match("山".as_bytes()));
        assert!(Prefilter::new(Vec::<Vec<&str>>::new()).is_none(), "nothing to look for");
        assert!(Prefilter::new([vec!["月"], vec![]]).is_none(), "a word of no form");
        assert!(
            Prefilter::new([vec!["月", ""]]).is_none(),
            "an empty form is everywhere"
        );
    }
}
