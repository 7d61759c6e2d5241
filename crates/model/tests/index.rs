//! The dataset's index: written from the dataset, read back identically, and validated entry
//! by entry like the dataset — a bad entry is rejected with its reasons, every other one kept.

use cdo_model::index::to_json;
use cdo_model::{
    parse_dataset, parse_index, DatasetError, Form, Issue, JsonType, Land, PartialDate, Problem,
    Summary,
};
use serde_json::{json, Value};

/// The day of the newest entry of the data changelog, which the index carries.
const TODAY: PartialDate = PartialDate::ymd(2026, 12, 5);

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
    // What xtask adds from beside the dataset: the changelog and the files' sizes.
    let committed = include_str!("../../../public/data/cdo-atlas.index.json");
    let beside = parse_index(committed, TODAY).unwrap().dataset;
    let mut summaries = full.dataset.summaries();
    summaries.changes = beside.changes;
    summaries.files = beside.files;
    let written = to_json(&summaries);
    let index = parse_index(&written, TODAY).unwrap();
    assert_eq!(index.rejected, vec![]);
    let summaries = full.dataset.summaries();
    assert_eq!(index.dataset.entities, summaries.entities);
    assert_eq!(index.dataset.as_of, summaries.as_of);
    assert_eq!(index.dataset.licence, summaries.licence);
    // The index has a format version of its own.
    assert_eq!(index.dataset.schema_version, cdo_model::index::INDEX_SCHEMA);
    assert_eq!(index.dataset.entities.len(), full.dataset.entities.len());
    // The shipped file is that text (xtask's test says how to regenerate it).
    assert_eq!(written, committed);
}

#[test]
fn a_summary_holds_what_the_lists_show() {
    let full = shipped();
    let darmstadt = full.dataset.entity("darmstadt").unwrap();
    let s = Summary::of(darmstadt);
    assert_eq!(s.name, "Darmstadt");
    assert_eq!(s.land, Some(Land::HE));
    assert_eq!(s.model().form, Form::CdoPost);
    assert_eq!(s.model().headline(), darmstadt.model().headline());
    assert_eq!(s.population, Some(164_792), "Destatis, 31 Dec 2023");
    assert_eq!(s.holder.as_deref(), Some("Prof. Michael Waidner"));
    assert_eq!(s.since, darmstadt.since());
    assert_eq!(s.established.map(|d| d.year), Some(2017));
    // Every holder's name, for search; the context notes only in the dataset (`Entity::notes`).
    assert_eq!(&*s.search, "Prof. Michael Waidner");
    let notes: Vec<String> = darmstadt
        .notes()
        .split(cdo_model::SEARCH_SEPARATOR)
        .map(str::to_owned)
        .collect();
    assert_eq!(notes.len(), 2 * darmstadt.context.len());
    assert_eq!(notes[1], darmstadt.context[0].text.en);
    // Düsseldorf's post is vacant: no current holder, "since" falls back to the post's start.
    let d = full.dataset.entity("duesseldorf").unwrap();
    let s = Summary::of(d);
    assert_eq!(s.holder, None);
    assert_eq!(s.since, d.since());
}

#[test]
fn a_bad_value_rejects_its_entry_with_the_reasons_and_the_others_stay() {
    let mut index = index_json();
    let c = &mut index["columns"];
    let lon = c["lon"][3].as_f64().unwrap();
    c["lat"][3] = json!(60.0);
    c["population"][3] = json!(-5);
    c["form"][3] = json!("king");
    c["since"][3] = json!("2099");
    c["holder"][3] = json!("");
    c["search"][3] = json!(7);
    c["name"][5] = json!("Bonn\u{202e}nnoB");
    let n = shipped().dataset.entities.len();
    let (kept, rejected) = issues(&index);
    assert_eq!(kept.len(), n - 2);
    assert!(!kept.contains(&"hamburg".to_owned()) && !kept.contains(&"bonn".to_owned()));
    assert_eq!(
        rejected,
        vec![
            (
                3,
                vec![
                    issue(".", Problem::OutsideGermany { lat: 60.0, lon }),
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
                        "search",
                        Problem::WrongType {
                            expected: JsonType::String,
                            found: JsonType::Number
                        }
                    ),
                ]
            ),
            (
                5,
                vec![issue("name", Problem::ControlCharacter { code: 0x202e })]
            ),
        ]
    );
}

#[test]
fn duplicate_ids_and_wrong_types_are_rejected_per_entry() {
    let mut index = index_json();
    let columns = index["columns"].as_object_mut().unwrap();
    for (key, column) in columns.iter_mut() {
        let column = column.as_array_mut().unwrap();
        let first = column[0].clone();
        column.push(first);
        column.push(if key == "id" {
            json!("nirgendwo")
        } else {
            json!({})
        });
    }
    let n = shipped().dataset.entities.len();
    let (kept, rejected) = issues(&index);
    assert_eq!(kept.len(), n);
    assert_eq!(rejected[0], (n, vec![issue("id", Problem::DuplicateId)]));
    let (at, problems) = &rejected[1];
    assert_eq!(*at, n + 1);
    let fields: Vec<&str> = problems.iter().map(|i| i.field.as_str()).collect();
    // `{}` where a value or `null` belongs: every field but the id says so.
    assert_eq!(
        fields,
        cdo_model::index::Column::ALL[1..]
            .iter()
            .map(|c| c.key())
            .collect::<Vec<_>>(),
        "{problems:?}"
    );
}

#[test]
fn a_missing_or_short_column_makes_the_file_unusable() {
    let n = shipped().dataset.entities.len();
    let mut index = index_json();
    index["columns"]["lat"].as_array_mut().unwrap().pop();
    assert_eq!(
        parse_index(&index.to_string(), TODAY),
        Err(DatasetError::Header(issue(
            "columns.lat",
            Problem::ColumnLength {
                expected: n,
                found: n - 1
            }
        )))
    );
    let mut index = index_json();
    index["columns"].as_object_mut().unwrap().remove("form");
    assert_eq!(
        parse_index(&index.to_string(), TODAY),
        Err(DatasetError::Header(issue(
            "columns.form",
            Problem::Missing
        )))
    );
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
    // A dataset is no index: today's has a major the index never had; one of major 1 has no
    // columns.
    let full = include_str!("../../../public/data/cdo-atlas.json");
    assert!(matches!(
        parse_index(full, TODAY),
        Err(DatasetError::UnsupportedSchema { .. })
    ));
    let old = include_str!("../../../tests/fixtures/schema-1-1.json");
    assert_eq!(
        parse_index(old, TODAY),
        Err(DatasetError::Header(issue("columns", Problem::Missing)))
    );
}

/// An app cached before a new index column reads the new file: the index stays major 1 and
/// keeps every column of 1.1 as it was (older readers ignore the others); and this app reads an
/// index written before the new columns (they read as unknown).
#[test]
fn old_and_new_indexes_and_readers_meet() {
    use cdo_model::index::{Column, INDEX_SCHEMA};
    const COLUMNS_1_1: [&str; 14] = [
        "id",
        "name",
        "kind",
        "land",
        "lat",
        "lon",
        "population",
        "title",
        "origin",
        "form",
        "established",
        "holder",
        "since",
        "search",
    ];
    assert_eq!(INDEX_SCHEMA.major, 1);
    let index = index_json();
    for key in COLUMNS_1_1 {
        assert!(index["columns"][key].is_array(), "{key} is still written");
    }
    let n = shipped().dataset.entities.len();
    // The same file as 1.1 wrote it: without the columns added since.
    let mut old = index_json();
    old["schema_version"] = json!("1.1");
    for c in Column::ALL.iter().filter(|c| c.since_minor() > 1) {
        old["columns"].as_object_mut().unwrap().remove(c.key());
    }
    let loaded = parse_index(&old.to_string(), TODAY).unwrap();
    assert_eq!(loaded.rejected, vec![]);
    assert_eq!(loaded.dataset.entities.len(), n);
    assert!(loaded
        .dataset
        .entities
        .iter()
        .all(|s| s.ags.is_none() && s.confirmed.is_none() && s.ended.is_none()));
    // A file that claims 1.2 must have them.
    let mut short = index_json();
    short["columns"].as_object_mut().unwrap().remove("ags");
    assert_eq!(
        parse_index(&short.to_string(), TODAY),
        Err(DatasetError::Header(issue("columns.ags", Problem::Missing)))
    );
}

/// The large cities not covered yet travel with the header, into the index and back.
#[test]
fn the_cities_not_covered_yet_come_with_the_index() {
    let full = shipped();
    assert!(!full.dataset.not_covered.is_empty());
    let index = parse_index(&to_json(&full.dataset.summaries()), TODAY).unwrap();
    assert_eq!(index.dataset.not_covered, full.dataset.not_covered);
    let mut broken = index_json();
    broken["not_covered"][0]["ags"] = json!("123");
    assert_eq!(
        parse_index(&broken.to_string(), TODAY),
        Err(DatasetError::Header(issue(
            "not_covered[0].ags",
            Problem::NotAgs("123".into())
        )))
    );
}

/// The editors' figures travel in the index's header (the about page shows them without the
/// dataset): the same as the dataset's own, and checked like the other header fields.
#[test]
fn the_dataset_figures_come_with_the_index() {
    let full = shipped();
    let index = parse_index(&to_json(&full.dataset.summaries()), TODAY).unwrap();
    let figures = index.dataset.figures.expect("figures in the index");
    assert_eq!(figures, cdo_model::check::figures(&full.dataset));
    assert_eq!(figures.entities, full.dataset.entities.len());
    assert_eq!(full.dataset.figures, None, "a dataset as read carries none");
    let mut broken = index_json();
    broken["figures"]["facts"] = json!(-3);
    assert_eq!(
        parse_index(&broken.to_string(), TODAY),
        Err(DatasetError::Header(issue(
            "figures.facts",
            Problem::NotPositive(-3.0)
        )))
    );
    let mut old = index_json();
    old.as_object_mut().unwrap().remove("figures");
    assert_eq!(
        parse_index(&old.to_string(), TODAY)
            .unwrap()
            .dataset
            .figures,
        None
    );
}

/// The data's version, its changelog and the published files' sizes travel in the index's
/// header (the about page shows them without the dataset), checked like the other header
/// fields; an index or a dataset written before them reads as it did.
#[test]
fn the_data_version_changelog_and_files_come_with_the_index() {
    let full = shipped();
    let version = full
        .dataset
        .data_version
        .expect("the dataset has a data version");
    assert_eq!(version.to_string(), "1.0.0");
    let index = parse_index(&index_json().to_string(), TODAY)
        .unwrap()
        .dataset;
    assert_eq!(index.data_version, Some(version));
    assert_eq!(index.changes[0].version, Some(version));
    assert!(index.changes.iter().any(|c| c.concerns("darmstadt")));
    let names: Vec<&str> = index.files.iter().map(|f| f.name.as_str()).collect();
    assert!(names.contains(&"cdo-atlas.json"), "{names:?}");
    assert!(index.files.iter().all(|f| f.bytes > 0));
    assert!(
        full.dataset.changes.is_empty() && full.dataset.files.is_empty(),
        "a dataset as read carries none"
    );

    let broken = |f: &dyn Fn(&mut Value)| {
        let mut index = index_json();
        f(&mut index);
        parse_index(&index.to_string(), TODAY)
    };
    let header = |field: &str, problem| Err(DatasetError::Header(issue(field, problem)));
    assert_eq!(
        broken(&|i| i["data_version"] = json!("1.0")),
        header("data_version", Problem::NotAVersion("1.0".into()))
    );
    assert_eq!(
        broken(&|i| i["changes"][0]["version"] = json!("v1")),
        header("changes[0].version", Problem::NotAVersion("v1".into()))
    );
    assert!(matches!(
        broken(&|i| i["changes"][0]["date"] = json!("2026-12-06")),
        Err(DatasetError::Header(Issue {
            problem: Problem::InFuture(_),
            ..
        }))
    ));
    assert_eq!(
        broken(&|i| i["changes"][1]["changed"][0] = json!("Köln")),
        header("changes[1].changed[0]", Problem::NotASlug)
    );
    assert_eq!(
        broken(&|i| i["changes"][0]["en"] = json!("")),
        header("changes[0].en", Problem::Empty)
    );
    assert_eq!(
        broken(&|i| i["files"][0]["bytes"] = json!(-1)),
        header("files[0].bytes", Problem::NotPositive(-1.0))
    );
    // An index of 1.2, before them: no version, no changes, no files, every entry kept.
    let old = broken(&|i| {
        i["schema_version"] = json!("1.2");
        for key in ["data_version", "changes", "files"] {
            i.as_object_mut().unwrap().remove(key);
        }
    })
    .unwrap();
    assert_eq!(
        (
            old.dataset.data_version,
            old.dataset.changes.len(),
            old.dataset.files.len()
        ),
        (None, 0, 0)
    );
    assert_eq!(old.dataset.entities.len(), full.dataset.entities.len());
    assert_eq!(old.rejected, vec![]);
}

/// The dataset's `data_version` is optional (older files have none) and checked where present.
#[test]
fn a_dataset_without_a_data_version_reads_as_before() {
    let text = include_str!("../../../public/data/cdo-atlas.json");
    let without = text.replacen("\n \"data_version\": \"1.0.0\",", "", 1);
    assert_ne!(without, text);
    let loaded = parse_dataset(&without, TODAY).unwrap();
    assert_eq!(loaded.dataset.data_version, None);
    assert_eq!(loaded.dataset.entities, shipped().dataset.entities);
    let old = parse_dataset(
        include_str!("../../../tests/fixtures/schema-1-1.json"),
        TODAY,
    )
    .unwrap();
    assert_eq!(old.dataset.data_version, None);
    let bad = text.replacen(
        "\"data_version\": \"1.0.0\"",
        "\"data_version\": \"01.0.0\"",
        1,
    );
    assert_eq!(
        parse_dataset(&bad, TODAY),
        Err(DatasetError::Header(issue(
            "data_version",
            Problem::NotAVersion("01.0.0".into())
        )))
    );
}

/// Index 1.4 carries each entity's periods (issue #23), `null` where the other columns say it
/// all; an index of 1.3 has none, and reads as if the current model had been in force since the
/// entry's `since`.
#[test]
fn the_periods_come_with_the_index_and_an_older_index_reads_without() {
    use cdo_model::index::{as_columns_say, Column};
    let full = shipped();
    let index = parse_index(&index_json().to_string(), TODAY)
        .unwrap()
        .dataset;
    assert_eq!(Column::Periods.since_minor(), 4);
    for (s, e) in index.entities.iter().zip(&full.dataset.entities) {
        let brief: Vec<_> = e.periods.iter().map(cdo_model::PeriodSummary::of).collect();
        assert_eq!(s.periods(), brief.as_slice(), "{}", s.id);
    }
    let written = index_json();
    let nulls = written["columns"]["periods"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p.is_null())
        .count();
    assert!(nulls > 0 && nulls < index.entities.len(), "{nulls}");

    let mut old = index_json();
    old["schema_version"] = json!("1.3");
    old["columns"].as_object_mut().unwrap().remove("periods");
    let loaded = parse_index(&old.to_string(), TODAY).unwrap();
    assert_eq!(loaded.rejected, vec![]);
    for s in &loaded.dataset.entities {
        let implied = as_columns_say(s.model(), s.since, s.ended, s.holder.as_ref(), s.since);
        assert_eq!(s.periods(), implied.as_slice(), "{}", s.id);
    }
    // A file that claims 1.4 must have them.
    let mut short = index_json();
    short["columns"].as_object_mut().unwrap().remove("periods");
    assert_eq!(
        parse_index(&short.to_string(), TODAY),
        Err(DatasetError::Header(issue(
            "columns.periods",
            Problem::Missing
        )))
    );
}

#[test]
fn a_bad_period_in_the_index_rejects_its_entry_only() {
    let n = shipped().dataset.entities.len();
    let at = index_json()["columns"]["id"]
        .as_array()
        .unwrap()
        .iter()
        .position(|id| id == "kaiserslautern")
        .unwrap();
    let broken = |f: &dyn Fn(&mut Vec<Value>)| {
        let mut index = index_json();
        f(index["columns"]["periods"][at].as_array_mut().unwrap());
        let (kept, rejected) = issues(&index);
        assert_eq!(kept.len(), n - 1);
        assert_eq!(rejected.len(), 1);
        assert_eq!(rejected[0].0, at);
        rejected[0].1.clone()
    };
    // [since, until, title, origin, form, holders, (name, since, until) × holders, …]
    assert_eq!(
        broken(&|p| p[0] = json!("2099")),
        vec![issue(
            "periods[0]",
            Problem::InFuture(PartialDate::parse("2099").unwrap())
        )]
    );
    assert_eq!(
        broken(&|p| p[1] = json!("2016")),
        vec![issue("periods[1]", Problem::EndsBeforeStart)]
    );
    assert_eq!(
        broken(&|p| p[4] = json!("king")),
        vec![issue(
            "periods[4]",
            Problem::UnknownValue {
                found: "king".into(),
                expected: Form::WIRE
            }
        )]
    );
    assert_eq!(
        broken(&|p| p[5] = json!(99)),
        vec![issue("periods[5]", Problem::TooLarge { max: 5 })],
        "15 values follow: at most 5 holders"
    );
    assert_eq!(
        broken(&|p| p[6] = json!("")),
        vec![issue("periods[6]", Problem::Empty)]
    );
    assert_eq!(
        broken(&|p| {
            p.pop();
        }),
        vec![issue("periods[17]", Problem::TooLarge { max: 0 })],
        "the last holder cut short"
    );
    assert_eq!(
        broken(&|p| p.truncate(15)),
        vec![issue("periods[15]", Problem::Missing)],
        "a period cut short"
    );
    assert_eq!(
        broken(&|p| p.clear()),
        vec![issue("periods", Problem::Empty)]
    );
}
