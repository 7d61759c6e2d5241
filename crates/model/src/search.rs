//! Search normalisation: case and umlaut folding, so "dusseldorf", "Duesseldorf" and "DÜSSELDORF"
//! all find Düsseldorf.
//!
//! Both the haystack and the query go through [`fold`]; a query matches when every one of its
//! words occurs in the folded haystack. Folding `ae`/`oe`/`ue` to `a`/`o`/`u` on both sides keeps
//! the two German spellings equivalent; it may add rare extra matches, never lose one.

use crate::Summary;

/// Lower-cases and folds German umlauts, ß and common Latin diacritics to plain ASCII letters.
///
/// Case folding covers ASCII and Latin-1 (everything German place and person names use); other
/// scripts pass through unchanged. Deliberately not `char::to_lowercase`, whose Unicode tables
/// cost ~10 KB of wasm for letters no German entity name contains.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            // Latin-1 upper case À..Þ (except ×) is lower case + 0x20.
            'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 0x20).unwrap_or(c),
            'ẞ' => 'ß',
            c => c,
        };
        match c {
            'ä' | 'à' | 'á' | 'â' | 'ã' | 'å' => out.push('a'),
            'ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ø' => out.push('o'),
            'ü' | 'ù' | 'ú' | 'û' => out.push('u'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'í' | 'ì' | 'î' | 'ï' => out.push('i'),
            'ç' => out.push('c'),
            'ñ' => out.push('n'),
            'ß' => out.push_str("ss"),
            // Zero-width characters do not separate words for a reader, so not for search.
            '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' => {}
            // "ae"/"oe"/"ue" are the ASCII spellings of ä/ö/ü: fold the second letter away.
            'e' if matches!(out.as_bytes().last(), Some(b'a' | b'o' | b'u')) => {}
            c => out.push(c),
        }
    }
    out
}

/// `entities` in the order every list of them shows: by name, folded as for search, so Ä sorts
/// with A and ß as ss. One function for all of them keeps one copy of the sort in the wasm.
pub fn name_order<'a>(entities: impl IntoIterator<Item = &'a Summary>) -> Vec<&'a Summary> {
    by_name(entities.into_iter().collect())
}

fn by_name(list: Vec<&Summary>) -> Vec<&Summary> {
    let keys: Vec<String> = list.iter().map(|e| fold(&e.name)).collect();
    let mut order: Vec<usize> = (0..list.len()).collect();
    crate::sort_indices(&mut order, &|a, b| keys[a].cmp(&keys[b]));
    order.into_iter().map(|i| list[i]).collect()
}

/// A query folded once and split into words, to test many haystacks against.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(input: &str) -> Self {
        Self {
            words: input
                .split_whitespace()
                .map(fold)
                .filter(|w| !w.is_empty())
                .collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// True if every query word occurs in the (already folded) haystack. An empty query matches.
    pub fn matches_folded(&self, folded_haystack: &str) -> bool {
        self.words
            .iter()
            .all(|w| folded_haystack.contains(w.as_str()))
    }

    pub fn matches(&self, haystack: &str) -> bool {
        self.matches_folded(&fold(haystack))
    }
}

/// The longest address segment [`query_from_address`] turns into a search.
pub const MAX_ADDRESS_QUERY: usize = 80;

/// What an address that named no entity probably searched for, as an explorer query: its last
/// path segment (already percent-decoded), with the separators of a slug as spaces, so
/// `/entity/frankfurt-am-main` searches "frankfurt am main" and `/entity/dusseldorf` finds
/// Düsseldorf through [`fold`]. None when fewer than two letters are left, or more than
/// [`MAX_ADDRESS_QUERY`] characters (no name is that long; a page does not echo a pasted essay).
pub fn query_from_address(path: &str) -> Option<String> {
    let segment = path.rsplit('/').find(|s| !s.trim().is_empty())?;
    if segment.chars().count() > MAX_ADDRESS_QUERY {
        return None;
    }
    let spaced: String = segment
        .chars()
        .map(|c| if matches!(c, '-' | '_' | '+') { ' ' } else { c })
        .collect();
    let query = spaced.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut letters = 0;
    for c in query.chars() {
        if c.is_ascii_alphanumeric() || !c.is_ascii() {
            letters += 1;
        }
    }
    (letters >= 2).then_some(query)
}

/// Which of `names` a search for `query` finds on the map: the shortest matching name, the
/// first of equals (the closest to what was typed: "Halle" finds Halle (Saale), not a longer
/// name that contains it). `None` for an empty query or no match.
pub fn closest<'a>(query: &Query, names: impl IntoIterator<Item = &'a str>) -> Option<usize> {
    if query.is_empty() {
        return None;
    }
    names
        .into_iter()
        .enumerate()
        .filter(|(_, name)| query.matches(name))
        .min_by_key(|(i, name)| (name.len(), *i))
        .map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unknown_address_becomes_a_search_that_finds_what_it_meant() {
        let cases = [
            ("/entity/dusseldorf", Some("dusseldorf")),
            ("/entity/frankfurt-am-main", Some("frankfurt am main")),
            ("/stadt/München/", Some("München")),
            ("/entity/baden_wuerttemberg", Some("baden wuerttemberg")),
            ("/entity/a", None),
            ("/entity/--", None),
            ("/", None),
            ("", None),
        ];
        let long = format!("/entity/{}", "a".repeat(MAX_ADDRESS_QUERY + 1));
        assert_eq!(query_from_address(&long), None, "too long to be a name");
        let longest = format!("/entity/{}", "a".repeat(MAX_ADDRESS_QUERY));
        assert!(query_from_address(&longest).is_some());
        for (path, query) in cases {
            assert_eq!(query_from_address(path).as_deref(), query, "{path}");
        }
        // What the explorer's search then matches.
        let finds =
            |path: &str, name: &str| Query::new(&query_from_address(path).unwrap()).matches(name);
        assert!(finds("/entity/dusseldorf", "Düsseldorf"));
        assert!(finds("/entity/muenchen", "München"));
        assert!(finds("/entity/frankfurt-am-main", "Frankfurt am Main"));
        assert!(finds("/entity/baden-wurttemberg", "Baden-Württemberg"));
        assert!(!finds("/entity/atlantis", "Darmstadt"));
    }

    #[test]
    fn every_spelling_of_duesseldorf_finds_it() {
        for query in [
            "dusseldorf",
            "Duesseldorf",
            "DÜSSELDORF",
            "düsseldorf",
            "sseldo",
            "Düssel\u{200b}dorf",
        ] {
            assert!(Query::new(query).matches("Düsseldorf"), "{query}");
        }
    }

    #[test]
    fn folding_examples() {
        let cases = [
            ("Köln", "koln"),
            ("Koeln", "koln"),
            ("München", "munchen"),
            ("Muenchen", "munchen"),
            ("Straße", "strasse"),
            ("STRASSE", "strasse"),
            ("Schrödter", "schrodter"),
            ("O'Sullivan", "o'sullivan"),
            ("ÄÖÜ ÉÈ Ñ", "aou ee n"),
            ("GROẞ", "gross"),
        ];
        for (input, folded) in cases {
            assert_eq!(fold(input), folded, "{input}");
        }
    }

    #[test]
    fn all_words_must_match() {
        let q = Query::new("ludwig hafen");
        assert!(q.matches("Ludwigshafen am Rhein"));
        assert!(!q.matches("Ludwigsburg"));
        assert!(Query::new("   ").matches("anything"));
        assert!(!Query::new("hamburg").matches("Heidelberg"));
    }

    #[test]
    fn the_map_search_finds_the_shortest_matching_name_the_first_of_equals() {
        let names = [
            "Mülheim an der Ruhr",
            "Halle (Saale)",
            "Hamm",
            "Mülheim",
            "Hamm",
        ];
        let find = |q: &str| closest(&Query::new(q), names);
        assert_eq!(find("muelheim"), Some(3));
        assert_eq!(find("hamm"), Some(2), "the first of equals");
        assert_eq!(find("saale"), Some(1));
        assert_eq!(find("xyz"), None);
        assert_eq!(find("  "), None);
    }
}
