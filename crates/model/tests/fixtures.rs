//! The gallery of malformed and hostile datasets (`tests/fixtures/`, written by
//! `tests/fixtures/generate.mjs`): for each file, the exact outcome — which entries are rejected
//! and why, which survive — and never a panic.

use std::path::Path;

use cdo_model::{parse_dataset, DatasetError, PartialDate, Problem};

fn today() -> PartialDate {
    PartialDate::ymd(2026, 12, 4)
}

/// A compact, exact description of an outcome: `error: …`, or the kept ids and every rejection
/// as `#index id: field problem`.
fn outcome(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    match parse_dataset(&text, today()) {
        Err(DatasetError::Empty) => "error: empty".into(),
        Err(DatasetError::Html) => "error: html".into(),
        Err(DatasetError::Syntax(m)) => format!(
            "error: syntax ({})",
            m.split(" at line").next().unwrap_or(&m)
        ),
        Err(DatasetError::Header(i)) => format!("error: header {} {}", i.field, short(&i.problem)),
        Err(DatasetError::UnsupportedSchema { found }) => format!("error: schema {found}"),
        Ok(loaded) => {
            let kept: Vec<&str> = loaded
                .dataset
                .entities
                .iter()
                .map(|e| e.id.as_str())
                .collect();
            let mut out = format!("kept [{}]", kept.join(", "));
            for r in &loaded.rejected {
                let issues: Vec<String> = r
                    .issues
                    .iter()
                    .map(|i| format!("{} {}", i.field, short(&i.problem)))
                    .collect();
                out.push_str(&format!(
                    "; #{} {}: {}",
                    r.index,
                    r.id.as_deref().unwrap_or("?"),
                    issues.join(", ")
                ));
            }
            out
        }
    }
}

fn short(p: &Problem) -> String {
    let s = format!("{p:?}");
    s.chars().take(60).collect()
}

/// `(file, exact outcome)` for every fixture. Texts of issues are the `Debug` form of the
/// problem, cut at 60 characters.
const EXPECTED: &[(&str, &str)] = &[
    // Not a dataset: the whole file is refused, with a reason the page shows.
    ("truncated.json", "error: syntax (EOF while parsing a list)"),
    ("empty-body.json", "error: empty"),
    ("whitespace-body.json", "error: empty"),
    ("html-error-page.json", "error: html"),
    ("top-level-array.json", "error: header . WrongType { expected: Object, found: Array }"),
    ("top-level-string.json", "error: header . WrongType { expected: Object, found: String }"),
    ("top-level-null.json", "error: header . WrongType { expected: Object, found: Null }"),
    ("schema-major-3.json", "error: schema 3.0"),
    ("schema-version-missing.json", "error: header schema_version Missing"),
    ("entities-not-a-list.json", "error: header entities WrongType { expected: Array, found: Object }"),
    ("nan-literal.json", "error: syntax (expected value)"),
    // serde_json stops at 128 levels: no stack overflow, a clear refusal.
    ("deep-nesting.json", "error: syntax (recursion limit exceeded)"),
    // Datasets: each bad entry rejected with its field and reason, every other one kept.
    ("empty-entity-list.json", "kept []"),
    // A file of schema 1.1 (one `office` per entity), as the previous major wrote it: read as
    // one period each (the app reads a cached or older dataset).
    ("schema-1-1.json", "kept [darmstadt, hamburg, heidelberg]"),
    ("period-until-before-since.json", "kept [hamburg, heidelberg]; #0 darmstadt: periods[0].until EndsBeforeStart"),
    ("no-periods.json", "kept [hamburg, heidelberg]; #0 darmstadt: periods Empty"),
    ("bad-ags.json", "kept [hamburg, heidelberg]; #0 darmstadt: ags NotAgs(\"0641100\")"),
    // The federal level has no Land.
    ("federal-with-land.json", "kept [hamburg, heidelberg]; #0 darmstadt: land WrongType { expected: Null, found: String }"),
    ("byte-order-mark.json", "kept [darmstadt, hamburg, heidelberg]"),
    ("unknown-extra-fields.json", "kept [darmstadt, hamburg, heidelberg]"),
    ("emoji.json", "kept [darmstadt, hamburg, heidelberg]"),
    ("zero-width-and-rtl-text.json", "kept [darmstadt, hamburg, heidelberg]"),
    // Markup is just text: kept, and shown as text (the e2e test checks nothing runs).
    ("script-payloads-everywhere.json", "kept [darmstadt, hamburg, heidelberg]"),
    ("wrong-types-in-one-entry.json", "kept [darmstadt, heidelberg]; #1 hamburg: name WrongType { expected: String, found: Number }, coordinates WrongType { expected: Object, found: String }, population.value WrongType { expected: Number, found: String }, periods[0].holders WrongType { expected: Array, found: Object }"),
    ("nulls-in-one-entry.json", "kept [darmstadt, heidelberg]; #1 hamburg: name WrongType { expected: String, found: Null }, land WrongType { expected: String, found: Null }, periods WrongType { expected: Array, found: Null }"),
    ("non-objects-as-entries.json", "kept [hamburg]; #0 ?: . WrongType { expected: Object, found: Null }; #1 ?: . WrongType { expected: Object, found: Number }; #2 ?: . WrongType { expected: Object, found: String }; #3 ?: . WrongType { expected: Object, found: Array }"),
    ("duplicate-ids.json", "kept [darmstadt, hamburg]; #2 darmstadt: id DuplicateId"),
    ("id-not-a-slug.json", "kept [hamburg, heidelberg]; #0 Darm Stadt!: id NotASlug"),
    ("nan-as-string.json", "kept [hamburg, heidelberg]; #0 darmstadt: coordinates.lat WrongType { expected: Number, found: String }"),
    ("huge-coordinates.json", "kept [hamburg, heidelberg]; #0 darmstadt: coordinates OutsideGermany { lat: 1e308, lon: -1e308 }"),
    ("out-of-range-coordinates.json", "kept [hamburg, heidelberg]; #0 darmstadt: coordinates OutsideGermany { lat: 91.0, lon: -200.0 }"),
    ("coordinates-outside-germany.json", "kept [hamburg, heidelberg]; #0 darmstadt: coordinates OutsideGermany { lat: 48.8566, lon: 2.3522 }"),
    ("date-far-past.json", "kept [hamburg, heidelberg]; #0 darmstadt: periods[0].since.date BadDate { value: \"0999-01-01\", error: TooEarly }"),
    ("date-far-future.json", "kept [hamburg, heidelberg]; #0 darmstadt: periods[0].since.date InFuture(PartialDate { year: 9999, month: Some(12), day: Som"),
    ("date-not-a-date.json", "kept [hamburg, heidelberg]; #0 darmstadt: periods[0].since.date BadDate { value: \"2017-02-30\", error: OutOfCalendar }"),
    ("until-before-since.json", "kept [darmstadt, heidelberg]; #1 hamburg: periods[0].holders[0].until EndsBeforeStart"),
    ("huge-population.json", "kept [hamburg, heidelberg]; #0 darmstadt: population.value TooLarge { max: 100000000 }"),
    ("negative-population.json", "kept [hamburg, heidelberg]; #0 darmstadt: population.value NotPositive(-5.0)"),
    ("five-megabyte-string.json", "kept [hamburg, heidelberg]; #0 darmstadt: name TooLong { max: 200, len: 5242880 }"),
    ("unknown-land.json", "kept [hamburg, heidelberg]; #0 darmstadt: land UnknownLand(\"DE-XX\")"),
    ("unknown-form.json", "kept [hamburg, heidelberg]; #0 darmstadt: periods[0].form UnknownValue { found: \"ceo\", expected: [\"cdo_post\", \"honorar"),
    ("javascript-url.json", "kept [hamburg, heidelberg]; #0 darmstadt: sources[0].url NotHttpUrl(\"javascript:alert(1)\")"),
    ("data-url.json", "kept [darmstadt, heidelberg]; #1 hamburg: sources[0].url NotHttpUrl(\"data:text/html,<script>alert(1)</script>\")"),
    ("javascript-interview-url.json", "kept [darmstadt, hamburg]; #2 heidelberg: interview.url NotHttpUrl(\"JavaScript:alert(document.cookie)\")"),
    ("bidi-and-control-characters.json", "kept [hamburg, heidelberg]; #0 darmstadt: name ControlCharacter { code: 8238 }, periods[0].title ControlCharacter { code: 7 }"),
    ("missing-sources.json", "kept [hamburg, heidelberg]; #0 darmstadt: sources Missing"),
    ("dangling-source.json", "kept [hamburg, heidelberg]; #0 darmstadt: periods[0].sources DanglingSource(\"s999\")"),
    ("unsourced-fact.json", "kept [hamburg, heidelberg]; #0 darmstadt: periods[0].sources Unsourced"),
    ("every-entry-bad.json", "kept []; #0 darmstadt: land UnknownLand(\"XX\"); #1 hamburg: land UnknownLand(\"XX\"); #2 heidelberg: land UnknownLand(\"XX\")"),
];

#[test]
fn every_fixture_has_its_exact_outcome() {
    let mut wrong = Vec::new();
    for (file, expected) in EXPECTED {
        let got = outcome(file);
        if got != *expected {
            wrong.push(format!("{file}\n  expected: {expected}\n  got:      {got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_gallery_and_the_expectations_match_and_hold_at_least_30_files() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    let mut listed: Vec<String> = EXPECTED.iter().map(|(f, _)| f.to_string()).collect();
    listed.sort();
    assert_eq!(
        files, listed,
        "every fixture has an expectation and vice versa"
    );
    assert!(files.len() >= 30);
}

#[test]
fn kept_entries_survive_whole() {
    // The entries next to a bad one come through exactly as in a clean file.
    let path = |f: &str| {
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(f)
    };
    let clean = parse_dataset(
        &std::fs::read_to_string(path("unknown-extra-fields.json")).unwrap(),
        today(),
    )
    .unwrap();
    let broken = parse_dataset(
        &std::fs::read_to_string(path("wrong-types-in-one-entry.json")).unwrap(),
        today(),
    )
    .unwrap();
    for e in &broken.dataset.entities {
        let same = clean
            .dataset
            .entities
            .iter()
            .find(|c| c.id == e.id)
            .unwrap();
        assert_eq!(e, same);
    }
}
