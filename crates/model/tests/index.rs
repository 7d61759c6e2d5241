//! The dataset's index: written from the dataset, read back identically, and validated entry
//! by entry like the dataset — a bad entry is rejected with its reasons, every other one kept.

use cdo_model::index::to_json;
use cdo_model::{
    parse_dataset, parse_index, DatasetError, Form, Issue, JsonType, Land, PartialDate, Problem,
    Summary,
};
use serde_json::{json, Value};

const TODAY: PartialDate = PartialDate::ymd(2026, 11, 26);

fn shipped() -> cdo_model::Loaded {
    parse_dataset(include_str!("../../../public/data/cdo-atlas.json"), TODAY).unwrap()
}

/// The shipped index as JSON, to break.
fn index_json() -> Value {
    serde_json::from_str(include_str!("../../../public/data/cdo-atlas.index.json")).unwrap()
}

fn issues(index: &Value) -> (Vec<String>, Vec<(usize, Vec<Issue>)>) {
    let loaded = parse_index(&index.to_string(), TODAY).unwrap();
    let kept = loaded.dataset.entities.into_iter().map(|s| s.id).collect();
    let rejected = loaded
        .rejected
        .into_iter()
        .map(|r| (r.index, r.issues))
        .collect();
    (kept, rejected)
}

fn issue(field: &str, problem: Problem) -> Issue {
    Issue {
        field: field.into(),
        problem,
    }
}

#[test]
fn the_index_reads_back_as_the_summaries_of_the_dataset() {
    let full = shipped();
    let written = to_json(&full.dataset.summaries());
    let index = parse_index(&written, TODAY).unwrap();
    assert_eq!(index.rejected, vec![]);
    assert_eq!(index.dataset, full.dataset.summaries());
    assert_eq!(index.dataset.entities.len(), 25);
    // The shipped file is that text (xtask's test says how to regenerate it).
    assert_eq!(written, include_str!("../../../public/data/cdo-atlas.index.json"));
}

#[test]
fn a_summary_holds_what_the_lists_show() {
    let full = shipped();
    let darmstadt = full.dataset.entity("darmstadt").unwrap();
    let s = Summary::of(darmstadt);
    assert_eq!(s.name, "Darmstadt");
    assert_eq!(s.land, Land::HE);
    assert_eq!(s.office.form, Form::CdoPost);
    assert_eq!(s.office.headline(), darmstadt.office.headline());
    assert_eq!(s.population, Some(159_174));
    assert_eq!(s.holder.as_deref(), Some("Prof. Michael Waidner"));
    assert_eq!(s.since, darmstadt.since());
    assert_eq!(s.established.map(|d| d.year), Some(2017));
    // Every holder's name and both languages of every context note, for search.
    assert_eq!(s.search.len(), 1 + 2 * darmstadt.context.len());
    assert_eq!(s.search[0], "Prof. Michael Waidner");
    // Düsseldorf's post is vacant: no current holder, "since" falls back to the post's start.
    let d = full.dataset.entity("duesseldorf").unwrap();
    let s = Summary::of(d);
    assert_eq!(s.holder, None);
    assert_eq!(s.since, d.since());
}

#[test]
fn a_bad_entry_is_rejected_with_its_reasons_and_the_others_stay() {
    let mut index = index_json();
    let e = &mut index["entities"][3];
    e["lat"] = json!(60.0);
    e["population"] = json!(-5);
    e["form"] = json!("king");
    e["search"] = json!(["ok", 7, "<script>x</script>"]);
    e["since"] = json!("2099");
    e["holder"] = json!("");
    let (kept, rejected) = issues(&index);
    assert_eq!(kept.len(), 24);
    assert_eq!(rejected.len(), 1);
    let (at, problems) = &rejected[0];
    assert_eq!(*at, 3);
    assert_eq!(
        problems,
        &vec![
            issue(
                ".",
                Problem::OutsideGermany {
                    lat: 60.0,
                    lon: index["entities"][3]["lon"].as_f64().unwrap()
                }
            ),
            issue("population", Problem::NotPositive(-5.0)),
            issue(
                "form",
                Problem::UnknownValue {
                    found: "king".into(),
                    expected: Form::WIRE
                }
            ),
            issue("holder", Problem::Empty),
            issue(
                "since",
                Problem::InFuture(PartialDate::parse("2099").unwrap())
            ),
            issue(
                "search[1]",
                Problem::WrongType {
                    expected: JsonType::String,
                    found: JsonType::Number
                }
            ),
        ]
    );
}

#[test]
fn duplicate_ids_and_missing_fields_are_rejected_per_entry() {
    let mut index = index_json();
    let first = index["entities"][0].clone();
    let entities = index["entities"].as_array_mut().unwrap();
    entities.push(first);
    entities.push(json!({ "id": "nirgendwo" }));
    entities.push(json!("not an entry"));
    let (kept, rejected) = issues(&index);
    assert_eq!(kept.len(), 25);
    let reasons: Vec<(usize, Vec<String>)> = rejected
        .iter()
        .map(|(i, issues)| (*i, issues.iter().map(|i| i.field.clone()).collect()))
        .collect();
    assert_eq!(
        reasons,
        vec![
            (25, vec!["id".to_owned()]),
            (
                26,
                ["name", "kind", "land", "lat", "lon", "title", "form"]
                    .map(String::from)
                    .to_vec()
            ),
            (27, vec![".".to_owned()]),
        ]
    );
    assert_eq!(rejected[0].1[0].problem, Problem::DuplicateId);
}

#[test]
fn a_file_that_is_no_index_is_refused_as_a_whole() {
    assert_eq!(parse_index("", TODAY), Err(DatasetError::Empty));
    assert_eq!(
        parse_index("<!doctype html><p>502", TODAY),
        Err(DatasetError::Html)
    );
    let mut index = index_json();
    index["schema_version"] = json!("2.0");
    assert!(matches!(
        parse_index(&index.to_string(), TODAY),
        Err(DatasetError::UnsupportedSchema { .. })
    ));
    // The dataset itself is no index: every entry lacks the flat fields, and says so.
    let full = include_str!("../../../public/data/cdo-atlas.json");
    let read = parse_index(full, TODAY).unwrap();
    assert_eq!(read.dataset.entities.len(), 0);
    assert_eq!(read.rejected.len(), 25);
}
