//! Property-based fuzzing of everything that reads untrusted input: parse + validate, then the
//! explorer's filter, sort and pages, the map's and the compare view's URL state, and the address
//! audit. No input may panic, and what validation keeps must hold up.
//!
//! `make test` runs a short pass (proptest's default of 256 cases per property, or
//! `PROPTEST_CASES`); `make fuzz` runs at least a million cases per property in release mode.

use cdo_model::compare::CompareState;
use cdo_model::explore::{index, ExploreState};
use cdo_model::map::MapState;
use cdo_model::{params, parse_dataset, parse_index, PartialDate};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{json, Value};

const BASE: &str = include_str!("../../../tests/fixtures/unknown-extra-fields.json");

fn today() -> PartialDate {
    PartialDate::ymd(2026, 12, 4)
}

/// Strings that have broken parsers before: markup, schemes, controls, long, empty, numbers.
fn nasty_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        Just(String::new()),
        Just("javascript:alert(1)".to_owned()),
        Just("https://example.org/\u{202e}gpj.exe".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("\u{feff}\u{200b}\u{0}".to_owned()),
        Just("2026-02-29".to_owned()),
        Just("0000-00-00".to_owned()),
        Just("9999-12-31".to_owned()),
        Just("DE-HE".to_owned()),
        Just("cdo_post".to_owned()),
        Just("A".repeat(2_100)),
        (0u32..100_000).prop_map(|n| n.to_string()),
    ]
}

/// Arbitrary JSON, biased towards the shapes a dataset uses.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(|f| json!(f)),
        nasty_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((nasty_string(), inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// Every JSON pointer inside `v` (including the root, "").
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    out.push(at.clone());
    match v {
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                pointers(item, format!("{at}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, item) in map {
                let k = k.replace('~', "~0").replace('/', "~1");
                pointers(item, format!("{at}/{k}"), out);
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Mutation {
    Replace(Index, Value),
    Remove(Index),
    Duplicate(Index),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        4 => (any::<Index>(), json_value()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        1 => any::<Index>().prop_map(Mutation::Remove),
        1 => any::<Index>().prop_map(Mutation::Duplicate),
    ]
}

fn apply(doc: &mut Value, m: &Mutation) {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    match m {
        Mutation::Replace(i, v) => {
            if let Some(slot) = doc.pointer_mut(i.get(all.as_slice()).as_str()) {
                *slot = v.clone();
            }
        }
        Mutation::Remove(i) | Mutation::Duplicate(i) => {
            let ptr = i.get(all.as_slice()).clone();
            let Some((parent, key)) = ptr.rsplit_once('/') else {
                return;
            };
            let key = key.replace("~1", "/").replace("~0", "~");
            let copy = doc.pointer(&ptr).cloned();
            match doc.pointer_mut(parent) {
                Some(Value::Object(map)) if matches!(m, Mutation::Remove(_)) => {
                    map.remove(&key);
                }
                Some(Value::Array(items)) => {
                    if let Ok(n) = key.parse::<usize>() {
                        match (m, copy) {
                            (Mutation::Remove(_), _) if n < items.len() => {
                                items.remove(n);
                            }
                            (Mutation::Duplicate(_), Some(c)) => items.insert(n, c),
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
    }
}

/// A URL query: known keys of all pages and random ones, with nasty values.
fn query() -> impl Strategy<Value = Vec<(String, String)>> {
    let key = prop_oneof![
        prop::sample::select(vec![
            "q", "model", "origin", "form", "land", "size", "from", "to", "sort", "page", "axis",
            "hide", "z", "x", "y", "ids", "diff", "at",
        ])
        .prop_map(str::to_owned),
        any::<String>(),
    ];
    prop::collection::vec((key, nasty_string()), 0..6)
}

fn getter(q: &[(String, String)]) -> impl Fn(&str) -> Option<String> + '_ {
    move |k| q.iter().rev().find(|(x, _)| x == k).map(|(_, v)| v.clone())
}

proptest! {
    // Failing cases are kept next to this file (and replayed first) whatever the case count.
    #![proptest_config(ProptestConfig {
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::Direct("tests/fuzz.proptest-regressions"),
        )),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_text_parses_or_is_refused_without_panic(text in any::<String>()) {
        let _ = parse_dataset(&text, today());
    }

    #[test]
    fn mutated_datasets_validate_filter_and_page_without_panic(
        mutations in prop::collection::vec(mutation(), 1..5),
        q in query(),
    ) {
        let mut doc: Value = serde_json::from_str(BASE).unwrap();
        for m in &mutations {
            apply(&mut doc, m);
        }
        let text = serde_json::to_string(&doc).unwrap();
        let Ok(loaded) = parse_dataset(&text, today()) else {
            return Ok(());
        };
        // Nothing is lost: every entry is kept or rejected, never both, never silently dropped.
        let total = doc.get("entities").and_then(Value::as_array).map_or(0, Vec::len);
        prop_assert_eq!(loaded.dataset.entities.len() + loaded.rejected.len(), total);
        let entities = &loaded.dataset.entities;
        let mut ids: Vec<&str> = entities.iter().map(|e| e.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        prop_assert_eq!(ids.len(), entities.len(), "kept ids are unique");
        // What was kept is valid on its own: a file of only the kept entries (the same header,
        // the rejected entries taken out) keeps them all, as they were.
        let mut alone = doc.clone();
        if let Some(Value::Array(items)) = alone.get_mut("entities") {
            // Rejections come in file order: taken out from the last, the indices hold.
            for r in loaded.rejected.iter().rev() {
                items.remove(r.index);
            }
        }
        let again = parse_dataset(&serde_json::to_string(&alone).unwrap(), today())
            .expect("the header that was read before");
        prop_assert_eq!(again.rejected.len(), 0, "{:?}", again.rejected);
        prop_assert_eq!(&again.dataset.entities, entities);

        // The index written from what was kept reads back whole, and is what the lists filter.
        let summaries = loaded.dataset.summaries();
        let back = parse_index(&cdo_model::index::to_json(&summaries), today()).expect("an index");
        prop_assert_eq!(back.rejected.len(), 0, "{:?}", back.rejected);
        prop_assert_eq!(back.dataset.entities.len(), summaries.entities.len());
        let lists = &back.dataset.entities;
        let rows = index(lists);
        let (state, _) = ExploreState::from_query(getter(&q));
        let (hits, counts) = state.evaluate(lists, &rows);
        prop_assert!(hits.iter().all(|&i| i < lists.len()));
        prop_assert!(counts.headline.iter().sum::<usize>() <= lists.len());
        let page = state.page_of(hits.len());
        prop_assert!(page.range.end <= hits.len() && page.index < page.count);
        prop_assert_eq!(ExploreState::from_query(getter(&state.to_query().into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Vec<_>>())).0, state);

        let (map, _) = MapState::from_query(getter(&q));
        let canonical = map.canonical();
        prop_assert_eq!(MapState::from_query(getter(&canonical.to_query().into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Vec<_>>())).0.canonical(), canonical);

        let (compare, _) = CompareState::from_query(getter(&q));
        let again = compare.to_query().into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Vec<_>>();
        prop_assert_eq!(CompareState::from_query(getter(&again)), (compare.clone(), vec![]));
        let compare = compare.resolve(entities);
        prop_assert!(compare.indices.len() <= 4);

        // The date a view shows: whatever the address, a date or none, and it round-trips.
        let (overview, _) = cdo_model::charts::OverviewState::from_query(getter(&q));
        let again = overview.to_query().into_iter().map(|(k, v)| (k.to_owned(), v)).collect::<Vec<_>>();
        prop_assert_eq!(cdo_model::charts::OverviewState::from_query(getter(&again)), (overview, vec![]));
        let span = cdo_model::time::Span::of(lists, today());
        let mut bad = Vec::new();
        if let Some(at) = span.admit(overview.at, &mut bad) {
            let counts = cdo_model::time::counts_at(lists, at.date());
            prop_assert_eq!(counts.total(), lists.len());
            let _ = cdo_model::time::changes_before(lists, at);
        }

        for known in [params::MAP, params::EXPLORE, params::COMPARE, params::OVERVIEW, &[]] {
            let _ = params::audit(known, q.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        }
    }
}
