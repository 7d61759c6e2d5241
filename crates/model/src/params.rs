//! What an address holds beyond what its page understands: unknown parameters and values too
//! long to be meant. Pages read their own parameters (`MapState`, `ExploreState`,
//! `CompareState`, each reporting unreadable values); this audit covers the rest, for every
//! route, so that garbage in a shared link is named in a notice instead of silently ignored.

/// A parameter a page reads, with the longest value it takes whole.
pub type Known = (&'static str, usize);

/// The map's parameters (`MapState::from_query`).
pub const MAP: &[Known] = &[("axis", 16), ("hide", 64), ("z", 12), ("x", 12), ("y", 12)];
/// The explorer's parameters (`ExploreState::from_query`; `q` is cut at 200 characters).
pub const EXPLORE: &[Known] = &[
    ("q", 200),
    ("model", 400),
    ("origin", 200),
    ("form", 200),
    ("land", 200),
    ("size", 100),
    ("from", 8),
    ("to", 8),
    ("sort", 16),
    ("page", 8),
];
/// The compare view's parameters (`CompareState::from_query`; ids beyond four are trimmed
/// with their own notice).
pub const COMPARE: &[Known] = &[("ids", 32 * 65), ("diff", 1)];

/// Parameters every route reads: `embed=1` (the page inside another site's iframe).
pub const GLOBAL: &[Known] = &[("embed", 1)];

/// Names of parameters are echoed at most this long, and at most this many.
const MAX_ECHO: usize = 40;
const MAX_LISTED: usize = 8;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Audit {
    /// Parameters the page does not read (names, shortened).
    pub unknown: Vec<String>,
    /// Known parameters whose value is longer than the page takes whole.
    pub oversized: Vec<&'static str>,
}

impl Audit {
    pub fn is_clean(&self) -> bool {
        self.unknown.is_empty() && self.oversized.is_empty()
    }
}

/// Audits the query `pairs` of a page that reads `known`.
pub fn audit<'a>(known: &[Known], pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Audit {
    let mut out = Audit::default();
    for (key, value) in pairs {
        match known.iter().chain(GLOBAL).find(|(k, _)| *k == key) {
            Some((k, max)) => {
                if value.chars().count() > *max && !out.oversized.contains(k) {
                    out.oversized.push(k);
                }
            }
            None => {
                let mut name: String = key.chars().take(MAX_ECHO).collect();
                if key.chars().count() > MAX_ECHO {
                    name.push('…');
                }
                if name.is_empty() {
                    name.push('?');
                }
                if !out.unknown.contains(&name) && out.unknown.len() < MAX_LISTED {
                    out.unknown.push(name);
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clean_address_is_clean() {
        assert!(audit(EXPLORE, [("q", "darmstadt"), ("sort", "-population")]).is_clean());
        assert!(audit(&[], []).is_clean());
        assert!(
            audit(&[], [("embed", "1")]).is_clean(),
            "embed on every route"
        );
    }

    #[test]
    fn unknown_names_are_listed_once_shortened_and_bounded() {
        let long = "k".repeat(100);
        let mut pairs = vec![
            ("utm_source", "x"),
            ("utm_source", "y"),
            (long.as_str(), "1"),
            ("", ""),
        ];
        let names: Vec<String> = (0..20).map(|i| format!("p{i}")).collect();
        pairs.extend(names.iter().map(|n| (n.as_str(), "1")));
        let a = audit(MAP, pairs);
        assert_eq!(a.unknown[0], "utm_source");
        assert_eq!(a.unknown[1], format!("{}…", "k".repeat(40)));
        assert_eq!(a.unknown[2], "?");
        assert_eq!(a.unknown.len(), 8);
        assert!(a.oversized.is_empty());
    }

    #[test]
    fn oversized_values_of_known_parameters_are_named() {
        let huge = "a".repeat(5000);
        let a = audit(
            EXPLORE,
            [("q", huge.as_str()), ("q", huge.as_str()), ("page", "2")],
        );
        assert_eq!(a.oversized, vec!["q"]);
        assert!(a.unknown.is_empty());
        // Every route without parameters: anything is unknown.
        assert_eq!(audit(&[], [("ids", "a")]).unknown, vec!["ids"]);
    }
}
