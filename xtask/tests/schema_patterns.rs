//! The JSON Schema's patterns (`cdo_model::raw`) say of each string what the validator says:
//! checked character by character against the validator's own functions, with Rust's `regex`
//! (whose reading of these patterns is ECMA-262's: they use no construct where the two differ).

use cdo_model::domain::{Ags, HttpUrl};
use cdo_model::raw;
use cdo_model::validate::{is_forbidden_char, is_slug};
use cdo_model::PartialDate;
use regex::Regex;

fn re(pattern: &str) -> Regex {
    Regex::new(pattern).unwrap_or_else(|e| panic!("{pattern}: {e}"))
}

fn chars() -> impl Iterator<Item = char> {
    (0..=u32::from(char::MAX)).filter_map(char::from_u32)
}

/// Only characters of the Basic Multilingual Plane are named in the patterns; the others are
/// allowed everywhere text is. Every character is tried at the start, in the middle and alone.
#[test]
fn text_is_not_blank_and_holds_no_forbidden_character() {
    let text = re(&raw::text_pattern());
    for c in chars() {
        let blank_or_bad = c.is_whitespace() || is_forbidden_char(c);
        assert_eq!(text.is_match(&c.to_string()), !blank_or_bad, "{c:?} alone");
        let inner = format!("a{c}b");
        assert_eq!(text.is_match(&inner), !is_forbidden_char(c), "{c:?} inside");
        let lead = format!("{c} ");
        assert_eq!(text.is_match(&lead), !blank_or_bad, "{c:?} then a space");
    }
    for blank in ["", " ", "\t\n", "\u{3000}\u{a0}"] {
        assert!(!text.is_match(blank), "{blank:?}");
    }
    assert!(text.is_match("Zwei\nZeilen\tmit Tab"));
}

/// The validator's whitespace and control ranges are Rust's `is_whitespace` and `is_control`.
#[test]
fn whitespace_and_control_ranges_are_rusts() {
    for c in chars() {
        let within = |ranges: &[(char, char)]| ranges.iter().any(|&(a, b)| (a..=b).contains(&c));
        assert_eq!(within(&raw::WHITESPACE), c.is_whitespace(), "{c:?}");
        assert_eq!(within(&raw::CONTROL), c.is_control(), "{c:?}");
    }
}

#[test]
fn slugs_as_the_validator_reads_them() {
    let slug = re(raw::SLUG_PATTERN);
    let alphabet = ['a', 'z', '0', '9', '-', 'A', '_', ' ', 'ä', '.'];
    let mut words = vec![String::new()];
    for _ in 0..4 {
        let longer: Vec<String> = words
            .iter()
            .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
            .collect();
        words.extend(longer);
    }
    words.sort();
    words.dedup();
    for w in &words {
        // The validator also rejects an empty id (as blank), before it asks for a slug.
        let valid = !w.is_empty() && is_slug(w);
        assert_eq!(slug.is_match(w), valid, "{w:?}");
    }
}

#[test]
fn dates_as_partial_date_parses_them() {
    let date = re(&raw::date_pattern());
    let mut tried = 0;
    let years = (1890..=2110).chain([0, 999, 1000, 1899, 2400, 2800, 3000, 9996, 9999]);
    for year in years {
        let forms = |y: String| {
            let mut out = vec![y.clone()];
            for m in 0..=13 {
                out.push(format!("{y}-{m:02}"));
                out.push(format!("{y}-{m}"));
                for d in [0, 1, 9, 10, 28, 29, 30, 31, 32] {
                    out.push(format!("{y}-{m:02}-{d:02}"));
                }
            }
            out
        };
        for s in forms(format!("{year:04}"))
            .into_iter()
            .chain(forms(year.to_string()))
        {
            for s in [
                s.clone(),
                format!("~{s}"),
                format!("~~{s}"),
                format!("{s}~"),
            ] {
                assert_eq!(date.is_match(&s), PartialDate::parse(&s).is_ok(), "{s:?}");
                tried += 1;
            }
        }
    }
    for s in [
        "",
        "~",
        "+2017",
        "2017-",
        "2017--01",
        "2017-05-01-02",
        "2017/05",
        " 2017",
        "2017 ",
    ] {
        assert_eq!(date.is_match(s), PartialDate::parse(s).is_ok(), "{s:?}");
    }
    assert!(tried > 100_000);
}

#[test]
fn urls_as_http_url_reads_them() {
    let url = re(&raw::url_pattern());
    // The validator's check of a URL: http(s) with a host, and a text.
    let valid = |s: &str| HttpUrl::parse(s).is_some() && !s.chars().any(is_forbidden_char);
    for s in [
        "https://vdz.org/x",
        "http://www.kommune21.de/meldung_28401.html",
        "HTTPS://A.DE",
        "hTtP://a",
        "https://a.de/ä?x=1#y",
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<b>x</b>",
        "ftp://example.org",
        "https://",
        "https:///path",
        "https://?q",
        "https://#f",
        "//example.org",
        "https:/a.de",
        " https://a.de",
        "https://a.de ",
        "https://a .de",
    ] {
        assert_eq!(url.is_match(s), valid(s), "{s:?}");
    }
    for c in chars() {
        for s in [format!("https://a.de/{c}"), format!("https://{c}x.de")] {
            assert_eq!(url.is_match(&s), valid(&s), "{s:?}");
        }
    }
}

#[test]
fn ags_and_schema_version() {
    let ags = re(raw::AGS_PATTERN);
    for s in [
        "06411000",
        "0641100",
        "064110000",
        "0641100a",
        "",
        "０６４１１０００",
    ] {
        assert_eq!(ags.is_match(s), Ags::parse(s).is_some(), "{s:?}");
    }
    let version = re(raw::SCHEMA_VERSION_PATTERN);
    for (s, ok) in [
        ("2.0", true),
        ("2.1", true),
        ("2.10", true),
        ("1.1", false),
        ("3.0", false),
        ("2", false),
        ("2.", false),
        ("2.0.1", false),
    ] {
        assert_eq!(version.is_match(s), ok, "{s:?}");
    }
}

#[test]
fn data_versions_as_data_version_parses_them() {
    use cdo_model::DataVersion;
    let version = re(&raw::data_version_pattern());
    let parts = [
        "0",
        "1",
        "9",
        "10",
        "01",
        "00",
        "99",
        "100",
        "999999999",
        "1000000000",
        "4294967294",
        "4294967295",
        "4294967296",
        "4294967300",
        "4299999999",
        "5000000000",
        "42949672950",
        "",
        "+1",
        "a",
    ];
    for a in parts {
        for b in ["0", "12", "4294967295", "4294967296", "01"] {
            for s in [
                format!("{a}.{b}.0"),
                format!("1.{a}.{b}"),
                format!("{b}.0.{a}"),
                format!("{a}.{b}"),
            ] {
                assert_eq!(
                    version.is_match(&s),
                    DataVersion::parse(&s).is_some(),
                    "{s:?}"
                );
            }
        }
    }
    let small = re(&format!("^{}$", raw::decimal_up_to(205)));
    for n in 0..1000 {
        assert_eq!(small.is_match(&n.to_string()), n <= 205, "{n}");
        assert!(!small.is_match(&format!("0{n}")), "0{n}");
    }
}
