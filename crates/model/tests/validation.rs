//! Data-driven validation tests: each malformed entry is rejected with a specific issue, and the
//! good entries around it survive.

use cdo_model::date::DateError;
use cdo_model::{
    parse_dataset, DatasetError, Form, Headline, Issue, JsonType, Kind, PartialDate, Problem,
};
use serde_json::{json, Value};

const TODAY: PartialDate = PartialDate::ymd(2026, 12, 4);

fn good(id: &str) -> Value {
    json!({
        "id": id,
        "name": "Darmstadt",
        "kind": "city",
        "land": "DE-HE",
        "coordinates": { "lat": 49.873, "lon": 8.651 },
        "population": { "value": 159174, "year": 2020, "sources": ["s1"] },
        "office": { "title": "Chief Digital Officer", "origin": "academia", "form": "cdo_post", "sources": ["s1"] },
        "established": { "date": "2017", "sources": ["s1"] },
        "holders": [{ "name": "Prof. Michael Waidner", "role": null, "since": "2017-05", "until": null,
                      "background": null, "sources": ["s1"] }],
        "reporting_line": null,
        "context": [{ "de": "Text", "en": "Text", "sources": ["s1"] }],
        "interview": { "url": "https://vdz.org/x", "title": null, "interviewee": "OB", "date": null },
        "sources": [{ "id": "s1", "url": "https://example.org/a", "title": null, "publisher": "P", "date": "2017-05-05" }]
    })
}

fn dataset(entities: Vec<Value>) -> String {
    json!({ "schema_version": "1.0", "as_of": "2026-11-26", "licence": "CC BY 4.0", "entities": entities }).to_string()
}

/// Loads `[good, bad, good]` and asserts that exactly the middle entry is rejected, with
/// `expected` among its issues.
fn check(mutate: impl FnOnce(&mut Value), field: &str, expected: Problem) {
    let mut bad = good("bad-entry");
    mutate(&mut bad);
    let loaded =
        parse_dataset(&dataset(vec![good("first"), bad, good("last")]), TODAY).expect("a dataset");
    let kept: Vec<&str> = loaded
        .dataset
        .entities
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(kept, ["first", "last"], "good entries must survive");
    assert_eq!(loaded.rejected.len(), 1);
    let rejection = &loaded.rejected[0];
    assert_eq!(rejection.index, 1);
    assert!(
        rejection.issues.contains(&Issue {
            field: field.into(),
            problem: expected.clone()
        }),
        "expected {field}: {expected:?}, got {:?}",
        rejection.issues
    );
}

/// Replaces the value at `path` (object keys or array indices) of an entry.
fn set(path: &'static [&'static str], value: Value) -> impl FnOnce(&mut Value) {
    move |entry| {
        let (last, parents) = path.split_last().expect("non-empty path");
        let mut target = entry;
        for key in parents {
            target = match key.parse::<usize>() {
                Ok(i) => &mut target[i],
                Err(_) => &mut target[*key],
            };
        }
        match last.parse::<usize>() {
            Ok(i) => target[i] = value,
            Err(_) => target[*last] = value,
        }
    }
}

fn wrong_type(expected: JsonType, found: JsonType) -> Problem {
    Problem::WrongType { expected, found }
}

#[test]
fn wrong_types() {
    check(
        set(&["name"], json!(42)),
        "name",
        wrong_type(JsonType::String, JsonType::Number),
    );
    check(
        set(&["coordinates", "lat"], json!("49.8")),
        "coordinates.lat",
        wrong_type(JsonType::Number, JsonType::String),
    );
    check(
        set(&["holders"], json!({})),
        "holders",
        wrong_type(JsonType::Array, JsonType::Object),
    );
}

#[test]
fn missing_field() {
    check(
        |e| {
            e.as_object_mut().unwrap().remove("office");
        },
        "office",
        Problem::Missing,
    );
}

#[test]
fn unknown_enum_value() {
    check(
        set(&["office", "form"], json!("chief_wizard")),
        "office.form",
        Problem::UnknownValue {
            found: "chief_wizard".into(),
            expected: Form::WIRE,
        },
    );
}

#[test]
fn unknown_kind() {
    check(
        set(&["kind"], json!("village")),
        "kind",
        Problem::UnknownValue {
            found: "village".into(),
            expected: Kind::WIRE,
        },
    );
}

#[test]
fn unknown_land() {
    check(
        set(&["land"], json!("DE-XX")),
        "land",
        Problem::UnknownLand("DE-XX".into()),
    );
}

#[test]
fn coordinates_outside_germany() {
    check(
        set(&["coordinates", "lat"], json!(46.2)),
        "coordinates",
        Problem::OutsideGermany {
            lat: 46.2,
            lon: 8.651,
        },
    );
    check(
        set(&["coordinates", "lon"], json!(2.35)),
        "coordinates",
        Problem::OutsideGermany {
            lat: 49.873,
            lon: 2.35,
        },
    );
}

#[test]
fn population_zero_or_negative() {
    check(
        set(&["population", "value"], json!(0)),
        "population.value",
        Problem::NotPositive(0.0),
    );
    check(
        set(&["population", "value"], json!(-5)),
        "population.value",
        Problem::NotPositive(-5.0),
    );
    check(
        set(&["population", "value"], json!(12.5)),
        "population.value",
        Problem::NotPositive(12.5),
    );
}

#[test]
fn population_year_implausible() {
    check(
        set(&["population", "year"], json!(2999)),
        "population.year",
        Problem::ImplausibleYear(2999),
    );
}

#[test]
fn date_in_the_future() {
    check(
        set(&["holders", "0", "since"], json!("2031-01")),
        "holders[0].since",
        Problem::InFuture(PartialDate::parse("2031-01").unwrap()),
    );
    check(
        set(&["established", "date"], json!("2099")),
        "established.date",
        Problem::InFuture(PartialDate::parse("2099").unwrap()),
    );
}

#[test]
fn malformed_date() {
    check(
        set(&["established", "date"], json!("Mai 2017")),
        "established.date",
        Problem::BadDate {
            value: "Mai 2017".into(),
            error: DateError::Format,
        },
    );
}

#[test]
fn holder_ends_before_start() {
    check(
        set(&["holders", "0", "until"], json!("2016")),
        "holders[0].until",
        Problem::EndsBeforeStart,
    );
}

#[test]
fn dangling_source_reference() {
    check(
        set(&["office", "sources"], json!(["s9"])),
        "office.sources",
        Problem::DanglingSource("s9".into()),
    );
}

#[test]
fn unsourced_fact() {
    check(
        set(&["holders", "0", "sources"], json!([])),
        "holders[0].sources",
        Problem::Unsourced,
    );
}

#[test]
fn series_answers_must_be_texts_in_both_languages() {
    check(
        set(
            &["interview", "answers"],
            json!({ "reasons": { "de": "Weil." } }),
        ),
        "interview.answers.reasons.en",
        Problem::Missing,
    );
    check(
        set(
            &["interview", "answers"],
            json!({ "goals": "<b>alles</b>" }),
        ),
        "interview.answers.goals",
        Problem::WrongType {
            expected: JsonType::Object,
            found: JsonType::String,
        },
    );
}

#[test]
fn javascript_and_data_urls() {
    check(
        set(&["sources", "0", "url"], json!("javascript:alert(1)")),
        "sources[0].url",
        Problem::NotHttpUrl("javascript:alert(1)".into()),
    );
    check(
        set(&["interview", "url"], json!("data:text/html,x")),
        "interview.url",
        Problem::NotHttpUrl("data:text/html,x".into()),
    );
}

#[test]
fn absurd_string_length() {
    check(
        set(&["name"], json!("x".repeat(10_000))),
        "name",
        Problem::TooLong {
            max: 200,
            len: 10_000,
        },
    );
}

#[test]
fn blank_name() {
    check(set(&["name"], json!("   ")), "name", Problem::Empty);
}

#[test]
fn id_not_a_slug() {
    check(set(&["id"], json!("Bad Entry!")), "id", Problem::NotASlug);
}

#[test]
fn duplicate_source_id() {
    check(
        |e| {
            let src = e["sources"][0].clone();
            e["sources"].as_array_mut().unwrap().push(src);
        },
        "sources[1].id",
        Problem::DuplicateSource("s1".into()),
    );
}

#[test]
fn entry_not_an_object() {
    check(
        |e| *e = json!("Darmstadt"),
        ".",
        wrong_type(JsonType::Object, JsonType::String),
    );
}

#[test]
fn duplicate_id_keeps_the_first() {
    let loaded = parse_dataset(&dataset(vec![good("a"), good("b"), good("a")]), TODAY).unwrap();
    assert_eq!(loaded.dataset.entities.len(), 2);
    assert_eq!(loaded.rejected.len(), 1);
    assert_eq!(loaded.rejected[0].index, 2);
    assert_eq!(loaded.rejected[0].id.as_deref(), Some("a"));
    assert_eq!(
        loaded.rejected[0].issues,
        vec![Issue {
            field: "id".into(),
            problem: Problem::DuplicateId
        }]
    );
}

#[test]
fn all_issues_of_an_entry_are_reported_together() {
    let mut bad = good("x");
    bad["land"] = json!("FR");
    bad["population"]["value"] = json!(0);
    let loaded = parse_dataset(&dataset(vec![bad]), TODAY).unwrap();
    let fields: Vec<&str> = loaded.rejected[0]
        .issues
        .iter()
        .map(|i| i.field.as_str())
        .collect();
    assert_eq!(fields, ["land", "population.value"]);
}

#[test]
fn echoed_values_are_bounded() {
    let mut bad = good(&"y".repeat(5_000));
    bad["name"] = json!("n".repeat(5_000));
    let loaded = parse_dataset(&dataset(vec![bad]), TODAY).unwrap();
    let r = &loaded.rejected[0];
    assert!(r.id.as_ref().unwrap().chars().count() <= 81);
    assert!(r.name.as_ref().unwrap().chars().count() <= 81);
}

#[test]
fn unknown_extra_fields_are_tolerated() {
    let mut entry = good("extra");
    entry["mascot"] = json!("a dragon");
    entry["office"]["budget_eur"] = json!(1);
    let text = json!({ "schema_version": "1.7", "as_of": "2026-11-26", "licence": "x", "future": true, "entities": [entry] });
    let loaded = parse_dataset(&text.to_string(), TODAY).unwrap();
    assert_eq!(loaded.dataset.entities.len(), 1);
    assert!(loaded.rejected.is_empty());
}

#[test]
fn unknown_schema_major_is_one_clear_error() {
    let text = json!({ "schema_version": "3.0", "data": [] }).to_string();
    assert_eq!(
        parse_dataset(&text, TODAY),
        Err(DatasetError::UnsupportedSchema {
            found: "3.0".into()
        })
    );
    let text = json!({ "schema_version": "one", "entities": [] }).to_string();
    assert_eq!(
        parse_dataset(&text, TODAY),
        Err(DatasetError::UnsupportedSchema {
            found: "one".into()
        })
    );
}

#[test]
fn nested_wrong_types_name_their_path() {
    check(
        set(&["holders", "0", "sources", "0"], json!(7)),
        "holders[0].sources[0]",
        wrong_type(JsonType::String, JsonType::Number),
    );
    check(
        set(&["context", "0"], json!("text")),
        "context[0]",
        wrong_type(JsonType::Object, JsonType::String),
    );
    check(
        set(&["holders", "0", "role"], json!({ "de": "x" })),
        "holders[0].role.en",
        Problem::Missing,
    );
}

#[test]
fn whole_file_errors() {
    assert!(matches!(
        parse_dataset("{\"schema_version\": \"1.0\",", TODAY),
        Err(DatasetError::Syntax(_))
    ));
    assert_eq!(
        parse_dataset("<!doctype html><p>502</p>", TODAY),
        Err(DatasetError::Html)
    );
    assert_eq!(parse_dataset("", TODAY), Err(DatasetError::Empty));
    let header = |field: &str, problem| {
        Err(DatasetError::Header(Issue {
            field: field.into(),
            problem,
        }))
    };
    assert_eq!(
        parse_dataset("[]", TODAY),
        header(".", wrong_type(JsonType::Object, JsonType::Array))
    );
    let no_entities =
        json!({ "schema_version": "1.0", "as_of": "2026-11-26", "licence": "x" }).to_string();
    assert_eq!(
        parse_dataset(&no_entities, TODAY),
        header("entities", Problem::Missing)
    );
    let bad_as_of =
        json!({ "schema_version": "1.0", "as_of": "gestern", "licence": "x", "entities": [] })
            .to_string();
    assert_eq!(
        parse_dataset(&bad_as_of, TODAY),
        header(
            "as_of",
            Problem::BadDate {
                value: "gestern".into(),
                error: DateError::Format
            }
        )
    );
    let entities_not_a_list =
        json!({ "schema_version": "1.0", "as_of": "2026-11-26", "licence": "x", "entities": {} });
    assert_eq!(
        parse_dataset(&entities_not_a_list.to_string(), TODAY),
        header("entities", wrong_type(JsonType::Array, JsonType::Object))
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = "[".repeat(20_000) + &"]".repeat(20_000);
    assert!(matches!(
        parse_dataset(&deep, TODAY),
        Err(DatasetError::Syntax(_))
    ));
}

/// The dataset we ship must load completely.
#[test]
fn shipped_dataset_validates_with_zero_rejections() {
    let text = include_str!("../../../public/data/cdo-atlas.json");
    let loaded = parse_dataset(text, TODAY).expect("shipped dataset loads");
    assert_eq!(loaded.rejected, vec![], "shipped dataset has rejections");
    let data = loaded.dataset;
    assert!(
        data.entities.len() >= 70,
        "every large city the sheets source"
    );
    let count = |kind| data.entities.iter().filter(|e| e.kind == kind).count();
    assert_eq!(count(Kind::Federal), 1, "the federal level, once");
    // Every Land: as a Land entity, or as a city-state's one entity (Hamburg).
    let mut laender: Vec<_> = data
        .entities
        .iter()
        .filter(|e| e.kind == Kind::Land || e.id == "hamburg")
        .filter_map(|e| e.land)
        .collect();
    laender.sort();
    laender.dedup();
    assert_eq!(laender.len(), 16);
    // Every city carries its official key.
    assert!(data
        .entities
        .iter()
        .filter(|e| e.kind == Kind::City)
        .all(|e| e.ags.is_some()));
    // The seed's five models come out of the two axes as the seed names them, in the period
    // the series discussed (Kaiserslautern's honorary posts ended in 2022).
    let headline = |id: &str| data.entity(id).unwrap().periods[0].post.headline();
    assert_eq!(headline("darmstadt"), Headline::CdoFromAcademia);
    assert_eq!(headline("duesseldorf"), Headline::CdoInternal);
    assert_eq!(headline("kaiserslautern"), Headline::HonoraryCdo);
    assert_eq!(headline("hamburg"), Headline::CdoFromPrivateSector);
    assert_eq!(headline("heidelberg"), Headline::AgencyInsteadOfCdo);
}

/// JSON leaves repeated keys undefined; the walk reads the first occurrence, so an appended
/// `"name": …` cannot silently override what an editor sees first in the file.
#[test]
fn a_repeated_key_counts_once_with_its_first_value() {
    let text = dataset(vec![good("first")]).replacen(
        r#""name":"Darmstadt""#,
        r#""name":"Darmstadt","name":"<b>Elsewhere</b>""#,
        1,
    );
    assert!(text.contains("Elsewhere"), "the fixture repeats the key");
    let loaded = parse_dataset(&text, TODAY).expect("a dataset");
    assert_eq!(loaded.dataset.entities[0].name, "Darmstadt");
}

/// Paths are spelled out only when reported; nested ones must still read like the file.
#[test]
fn deeply_nested_problems_name_their_exact_path() {
    check(
        |e| e["holders"][0]["role"] = json!({ "de": "Leiter", "en": 7 }),
        "holders[0].role.en",
        Problem::WrongType {
            expected: JsonType::String,
            found: JsonType::Number,
        },
    );
    check(
        |e| e["context"][0]["sources"] = json!(["s1", false]),
        "context[0].sources[1]",
        Problem::WrongType {
            expected: JsonType::String,
            found: JsonType::Boolean,
        },
    );
}
