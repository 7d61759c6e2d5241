//! Schema 2: an entity's digital leadership as periods. What the model was on a date, since
//! when the current holder is in office, how old the evidence is — pure functions of the data;
//! and a 1.x file reads as the same entities with one period each.

use cdo_model::{parse_dataset, Form, Kind, ModelAt, PartialDate, Problem};
use serde_json::{json, Value};

const TODAY: PartialDate = PartialDate::ymd(2026, 12, 4);

fn date(s: &str) -> PartialDate {
    PartialDate::parse(s).unwrap()
}

/// A city whose CIO post passed to a state secretary and was then abolished.
fn history() -> Value {
    json!({
        "id": "musterstadt", "name": "Musterstadt", "kind": "city", "land": "DE-NW",
        "ags": "05111000",
        "coordinates": { "lat": 51.2, "lon": 6.8 },
        "population": null,
        "periods": [
            { "title": "CIO", "origin": "internal", "form": "cdo_post",
              "since": { "date": "2013-11-01", "sources": ["a"] },
              "until": { "date": "2020", "sources": ["b"] },
              "holders": [
                  { "name": "Erste", "role": null, "since": "2013-11-01", "until": "2020-08-31",
                    "background": null, "sources": ["a"] }],
              "reporting_line": null, "sources": ["a"] },
            { "title": "Staatssekretär (CIO)", "origin": "politics", "form": "state_government",
              "since": { "date": "2024-05", "sources": ["c"] },
              "until": { "date": "2025-06-30", "sources": ["d"] },
              "holders": [
                  { "name": "Zweiter", "role": null, "since": null, "until": null,
                    "background": null, "sources": ["c", "e"] }],
              "reporting_line": { "de": "Kabinett", "en": "Cabinet", "sources": ["c"] },
              "sources": ["c"] }
        ],
        "context": [],
        "interview": null,
        "sources": [
            { "id": "a", "url": "https://example.org/a", "title": null, "publisher": null, "date": "2015-01-06" },
            { "id": "b", "url": "https://example.org/b", "title": null, "publisher": null, "date": "2020-02" },
            { "id": "c", "url": "https://example.org/c", "title": null, "publisher": null, "date": null },
            { "id": "d", "url": "https://example.org/d", "title": null, "publisher": null, "date": "2025-07-01" },
            { "id": "e", "url": "https://example.org/e", "title": null, "publisher": "Partei", "date": "2024-06", "party": true }
        ]
    })
}

fn file(major: &str, entities: Vec<Value>) -> String {
    json!({ "schema_version": major, "as_of": "2026-11-26", "licence": "x", "entities": entities })
        .to_string()
}

fn load(entity: Value) -> cdo_model::Entity {
    let loaded = parse_dataset(&file("2.0", vec![entity]), TODAY).unwrap();
    assert_eq!(loaded.rejected, vec![]);
    loaded.dataset.entities.into_iter().next().unwrap()
}

#[test]
fn the_model_on_a_date_is_the_latest_period_begun_unless_it_ended() {
    let e = load(history());
    let title = |d: &str| match e.model_at(date(d)) {
        ModelAt::NotYet => "not yet".to_owned(),
        ModelAt::In(p) => p.post.title.to_string(),
        ModelAt::Ended(p) => format!("ended: {}", p.post.title),
    };
    assert_eq!(title("2013-10-31"), "not yet");
    assert_eq!(title("2013-11-01"), "CIO");
    // "until 2020" lasts through 2020.
    assert_eq!(title("2020-12-31"), "CIO");
    assert_eq!(
        title("2021-01-01"),
        "ended: CIO",
        "a gap between two periods"
    );
    // "since 2024-05" counts from the month's first day.
    assert_eq!(title("2024-04-30"), "ended: CIO");
    assert_eq!(title("2024-05-01"), "Staatssekretär (CIO)");
    assert_eq!(title("2025-06-30"), "Staatssekretär (CIO)");
    assert_eq!(
        title("2025-07-01"),
        "ended: Staatssekretär (CIO)",
        "abolished"
    );
    assert_eq!(
        title("2024"),
        "ended: CIO",
        "a year asked for: its first day"
    );
    // Today's model is the latest period's, and it says when it ended.
    assert_eq!(e.model().form, Form::StateGovernment);
    assert_eq!(e.ended(), Some(date("2025-06-30")));
    assert_eq!(e.established().map(|d| d.date), Some(date("2013-11-01")));
}

#[test]
fn a_period_nothing_dates_counts_from_its_first_holder_or_always() {
    let mut v = history();
    v["periods"][0]["since"] = Value::Null;
    let e = load(v.clone());
    assert_eq!(
        e.periods[0].start(),
        Some(date("2013-11-01")),
        "the holder's start"
    );
    assert_eq!(e.model_at(date("2013-10-31")), ModelAt::NotYet);
    v["periods"][0]["holders"][0]["since"] = Value::Null;
    let e = load(v);
    assert_eq!(e.periods[0].start(), None);
    assert!(matches!(e.model_at(date("1990")), ModelAt::In(_)));
}

#[test]
fn since_is_the_holders_own_start_never_the_posts() {
    let e = load(history());
    // The current holder has no start date: none, not the period's 2024-05.
    assert_eq!(e.current_holder().map(|h| h.name.as_str()), Some("Zweiter"));
    assert_eq!(e.since(), None);
    // A vacant post: since when the period is in force.
    let mut v = history();
    v["periods"][1]["holders"] = json!([]);
    assert_eq!(load(v).since(), Some(date("2024-05")));
}

#[test]
fn a_period_is_last_confirmed_by_its_newest_dated_source() {
    let e = load(history());
    // c has no date; d (2025-07-01) is the newest of c, d, e.
    assert_eq!(e.confirmed(), Some(date("2025-07-01")));
    let holder = e.current_holder().unwrap();
    assert_eq!(
        e.newest_source(holder.sources.iter().map(String::as_str)),
        Some(date("2024-06"))
    );
    assert!(e.sources.iter().any(|s| s.id == "e" && s.party));
    let summary = cdo_model::Summary::of(&e);
    assert_eq!(summary.confirmed, e.confirmed());
    assert_eq!(summary.ended, e.ended());
    assert_eq!(summary.ags.as_ref().map(|a| a.as_str()), Some("05111000"));
    // Earlier periods' titles are searchable too.
    assert!(summary.search.contains("CIO"));
}

#[test]
fn the_federal_level_has_no_land() {
    let mut v = history();
    v["kind"] = json!("federal");
    v["land"] = Value::Null;
    v["ags"] = Value::Null;
    let e = load(v);
    assert_eq!((e.kind, e.land, e.ags), (Kind::Federal, None, None));
    let mut v = history();
    v["land"] = Value::Null;
    let loaded = parse_dataset(&file("2.0", vec![v]), TODAY).unwrap();
    assert!(matches!(
        loaded.rejected[0].issues[0].problem,
        Problem::WrongType { .. }
    ));
}

#[test]
fn a_file_of_schema_1_reads_as_one_period_per_entity() {
    // The shipped dataset's entities, as the fixture of schema 1.1 wrote three of them.
    let old = parse_dataset(
        include_str!("../../../tests/fixtures/schema-1-1.json"),
        TODAY,
    )
    .unwrap();
    assert_eq!(old.rejected, vec![]);
    let raw: Value =
        serde_json::from_str(include_str!("../../../tests/fixtures/schema-1-1.json")).unwrap();
    for (e, r) in old
        .dataset
        .entities
        .iter()
        .zip(raw["entities"].as_array().unwrap())
    {
        assert_eq!(e.periods.len(), 1, "{}", e.id);
        let p = &e.periods[0];
        assert_eq!(&*p.post.title, r["office"]["title"].as_str().unwrap());
        assert_eq!(p.post.form.wire(), r["office"]["form"].as_str().unwrap());
        assert_eq!(
            p.since.as_ref().map(|d| d.date.to_string()),
            r["established"]["date"].as_str().map(str::to_owned)
        );
        assert_eq!(p.until, None);
        assert_eq!(p.holders.len(), r["holders"].as_array().unwrap().len());
        assert_eq!(p.reporting_line.is_some(), !r["reporting_line"].is_null());
        assert_eq!(e.ags, None);
    }
    // A 2.x file may not use the 1.x shape, nor a 1.x file the 2.x one.
    let v1_entity = raw["entities"][0].clone();
    let as_v2 = parse_dataset(&file("2.0", vec![v1_entity]), TODAY).unwrap();
    assert_eq!(as_v2.rejected[0].issues[0].field, "periods");
    let as_v1 = parse_dataset(&file("1.1", vec![history()]), TODAY).unwrap();
    assert_eq!(as_v1.rejected[0].issues[0].field, "office");
}

/// An undated period after the first begins when the one before it ended (else when that one
/// began), not "from the beginning", where it would hide every period before it (issue #23).
#[test]
fn an_undated_later_period_follows_the_one_before() {
    let mut v = history();
    v["periods"][1]["since"] = Value::Null;
    let e = load(v.clone());
    assert_eq!(e.periods[1].start(), None);
    assert_eq!(e.model_at(date("2013-10-31")), ModelAt::NotYet);
    assert_eq!(e.model_at(date("2020-12-31")), ModelAt::In(&e.periods[0]));
    assert_eq!(
        e.model_at(date("2021")),
        ModelAt::In(&e.periods[1]),
        "the day after 2020"
    );
    // The one before never ended: the later, undated one counts from its start.
    v["periods"][0]["until"] = Value::Null;
    let e = load(v);
    assert_eq!(e.model_at(date("2013-10-31")), ModelAt::NotYet);
    assert_eq!(e.model_at(date("2013-11-01")), ModelAt::In(&e.periods[1]));
}
