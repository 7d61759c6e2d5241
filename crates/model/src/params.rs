//! What an address holds beyond what its page understands: unknown parameters and values too
//! long to be meant. Pages read their own parameters (`MapState`, `ExploreState`,
//! `CompareState`, each reporting unreadable values); this audit covers the rest, for every
//! route, so that garbage in a shared link is named in a notice instead of silently ignored.

/// A parameter a page reads, with the longest value it takes whole.
pub type Known = (&'static str, usize);

/// The map's parameters (`MapState::from_query`).
pub const MAP: &[Known] = &[
    ("axis", 16),
    ("hide", 64),
    ("z", 12),
    ("x", 12),
    ("y", 12),
    AT,
];
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
    AT,
];
/// The compare view's parameters (`CompareState::from_query`; ids beyond four are trimmed
/// with their own notice).
pub const COMPARE: &[Known] = &[("ids", 32 * 65), ("diff", 1), AT];

/// The overview's parameters (`OverviewState::from_query`).
pub const OVERVIEW: &[Known] = &[AT];

/// The date a view shows (`crate::time`): `YYYY` or `YYYY-MM`.
const AT: Known = (crate::time::PARAM, 7);

/// The report form's parameter: the name to fill in.
pub const REPORT: &[Known] = &[("name", 200)];

/// Parameters every route reads: `embed=1` (the page inside another site's iframe) and `lang`
/// (the page's language; German, the default, is left out).
pub const GLOBAL: &[Known] = &[("embed", 1), ("lang", 2)];

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

/// The value of the first `key` pair in `search` (a query string, with or without its `?`),
/// as written (not percent-decoded).
pub fn value<'a>(search: &'a str, key: &str) -> Option<&'a str> {
    pairs(search).find_map(|(k, v)| (k == key).then_some(v))
}

/// `search` with every `key` pair taken out and, if `value` is given, `key=value` appended; the
/// other pairs keep their order and spelling. With its `?`, or empty when no pair is left. How the
/// app keeps the language in the address.
pub fn with_param(search: &str, key: &str, value: Option<&str>) -> String {
    let mut out = String::new();
    let kept = raw_pairs(search).filter(|p| p.split_once('=').map_or(*p, |(k, _)| k) != key);
    let added = value.map(|v| format!("{key}={v}"));
    for pair in kept.chain(added.as_deref()) {
        out.push(if out.is_empty() { '?' } else { '&' });
        out.push_str(pair);
    }
    out
}

/// `value` encoded for a query, as JavaScript's `encodeURIComponent` does: letters, digits and
/// `-_.!~*'()` as they are, every other character as the `%XX` of its UTF-8 bytes.
pub fn encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The `key=value` pairs of a query string as written, empty ones left out.
fn raw_pairs(search: &str) -> impl Iterator<Item = &str> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
}

fn pairs(search: &str) -> impl Iterator<Item = (&str, &str)> {
    raw_pairs(search).map(|p| p.split_once('=').unwrap_or((p, "")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_encoded_as_encode_uri_component_does() {
        assert_eq!(encode("darmstadt,koeln"), "darmstadt%2Ckoeln");
        assert_eq!(encode("Köln & Bonn"), "K%C3%B6ln%20%26%20Bonn");
        assert_eq!(encode("a-b_c.d!e~f*g'h(i)"), "a-b_c.d!e~f*g'h(i)");
        assert_eq!(encode("50%/?#="), "50%25%2F%3F%23%3D");
        assert_eq!(encode(""), "");
    }

    #[test]
    fn a_clean_address_is_clean() {
        assert!(audit(EXPLORE, [("q", "darmstadt"), ("sort", "-population")]).is_clean());
        assert!(audit(&[], []).is_clean());
        assert!(
            audit(&[], [("embed", "1"), ("lang", "en")]).is_clean(),
            "embed and lang on every route"
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
    fn a_parameter_is_set_once_at_the_end_and_the_rest_keep_their_order_and_spelling() {
        assert_eq!(with_param("", "lang", Some("en")), "?lang=en");
        assert_eq!(with_param("?lang=en", "lang", None), "");
        assert_eq!(
            with_param(
                "?q=K%C3%B6ln&lang=de&sort=-population&lang=fr",
                "lang",
                Some("en")
            ),
            "?q=K%C3%B6ln&sort=-population&lang=en"
        );
        // Without its `?` (as leptos_router holds it), empty and valueless pairs.
        assert_eq!(
            with_param("z=2&&flag&language=x", "lang", None),
            "?z=2&flag&language=x"
        );
        // Stable: what it writes, it leaves as it is.
        let once = with_param("?ids=a,b&lang=en", "lang", Some("en"));
        assert_eq!(with_param(&once, "lang", Some("en")), once);
    }

    #[test]
    fn the_first_value_of_a_parameter_is_read_as_written() {
        assert_eq!(value("?a=1&lang=en&lang=de", "lang"), Some("en"));
        assert_eq!(value("lang=%65n", "lang"), Some("%65n"));
        assert_eq!(value("?lang", "lang"), Some(""));
        assert_eq!(value("?language=en", "lang"), None);
        assert_eq!(value("", "lang"), None);
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
