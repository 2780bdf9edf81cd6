//! Picking a name (a category) from what was typed: with the folding search
//! uses, the whole name first, else every name that starts with it.

use super::fold::fold;

/// The names matching `typed`: those equal to it once folded if there are
/// any, otherwise those that start with it. Empty when none does.
pub fn matching_names<'a>(names: impl IntoIterator<Item = &'a str>, typed: &str) -> Vec<&'a str> {
    let typed = fold(typed.trim());
    let mut exact = Vec::new();
    let mut starting = Vec::new();
    for name in names {
        let folded = fold(name);
        if folded == typed {
            exact.push(name);
        } else if !typed.is_empty() && folded.starts_with(&typed) {
            starting.push(name);
        }
    }
    if exact.is_empty() { starting } else { exact }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefixes_folding_and_several_matches() {
        let names = ["卷一・周文", "卷二・秦文", "营销管理", "卷十", "卷十一"];
        assert_eq!(matching_names(names, "卷一"), ["卷一・周文"]);
        assert_eq!(
            matching_names(names, "卷一·周文"),
            ["卷一・周文"],
            "an ordinary middle dot"
        );
        assert_eq!(matching_names(names, "营銷管理"), ["营销管理"]);
        assert_eq!(matching_names(names, "營銷"), ["营销管理"]);
        assert_eq!(
            matching_names(names, "卷"),
            ["卷一・周文", "卷二・秦文", "卷十", "卷十一"]
        );
        assert_eq!(matching_names(names, "卷十"), ["卷十"], "the whole name wins");
        assert!(matching_names(names, "体育").is_empty());
        assert!(matching_names(names, " ").is_empty());
    }
}
