//! A name that many articles hold alike (their category), its text held
//! once for all of them.

use std::cell::RefCell;
use std::fmt;
use std::ops::Deref;
use std::sync::Arc;

/// A name shared by the articles that hold it: 8 bytes in each and one
/// copy of its text, where an inline `CompactString` took 24 in each (for
/// 57,603 poems of one category, 0.9 MB). Names made from the same text
/// on one thread (`From<&str>`) while it is among the last `RECENT` made
/// there share one copy: a collection has few categories, and its files
/// are read folder by folder.
#[derive(Clone)]
pub struct SharedName(Arc<Box<str>>);

/// How many names each thread keeps to share.
const RECENT: usize = 32;

thread_local! {
    /// The names made last on this thread, the latest last.
    static MADE: RefCell<Vec<SharedName>> = const { RefCell::new(Vec::new()) };
}

impl SharedName {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A name of its own, not shared with another.
    fn new(name: &str) -> SharedName {
        SharedName(Arc::new(Box::from(name)))
    }
}

impl From<&str> for SharedName {
    fn from(name: &str) -> SharedName {
        let shared = MADE.try_with(|made| {
            let mut made = made.try_borrow_mut().ok()?;
            if let Some(at) = made.iter().rposition(|n| n.as_str() == name) {
                return Some(made[at].clone());
            }
            if made.len() >= RECENT {
                made.remove(0);
            }
            let new = SharedName::new(name);
            made.push(new.clone());
            Some(new)
        });
        // A thread that is ending keeps no names.
        shared.ok().flatten().unwrap_or_else(|| SharedName::new(name))
    }
}

impl Default for SharedName {
    fn default() -> SharedName {
        SharedName::from("")
    }
}

impl Deref for SharedName {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SharedName {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for SharedName {
    fn eq(&self, other: &SharedName) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for SharedName {}

impl PartialEq<str> for SharedName {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for SharedName {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<SharedName> for String {
    fn eq(&self, other: &SharedName) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Debug for SharedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_str().fmt(f)
    }
}

impl fmt::Display for SharedName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_str().fmt(f)
    }
}

const _: () = assert!(size_of::<SharedName>() == 8);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_made_alike_on_a_thread_share_one_copy() {
        let same = |a: &SharedName, b: &SharedName| Arc::ptr_eq(&a.0, &b.0);
        let first = SharedName::from("唐詩");
        let other = SharedName::from("宋詞");
        let again = SharedName::from("唐詩");
        assert!(same(&first, &again) && !same(&first, &other));
        assert_eq!((first.as_str(), &*other), ("唐詩", "宋詞"));
        let listed = String::from("宋詞");
        assert!(first == again && first != other && first == "唐詩" && listed == other);
        assert_eq!(format!("{first} {first:?}"), "唐詩 \"唐詩\"");
        // Past the last `RECENT` names made, a name is made again.
        for n in 0..RECENT {
            let _ = SharedName::from(format!("类{n}").as_str());
        }
        let later = SharedName::from("唐詩");
        assert!(!same(&first, &later) && first == later);
        let elsewhere = std::thread::spawn(|| SharedName::from("宋詞")).join().expect("thread");
        assert!(!same(&other, &elsewhere) && other == elsewhere);
    }
}
