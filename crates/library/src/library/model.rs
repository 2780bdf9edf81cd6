//! The article model: what an article is (`article`), its table of
//! contents (`toc`) and the natural order of names (`natural`). Knows
//! nothing of files, formats or loading.

pub(in crate::library) mod article;
pub(in crate::library) mod natural;
pub(in crate::library) mod toc;
