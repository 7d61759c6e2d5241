//! The dataset's index, `public/data/cdo-atlas.index.json`: the dataset's header and one
//! [`Summary`] per entity, which is all the lists need (overview, map, explorer, charts).
//!
//! Why a second file: parsing and validating costs per JSON value, and an entity has ~78 of
//! them (history, texts, sources, citations) — at 10,000 entities ~300 ms in Chromium. A
//! summary has 14, and the index stores them as columns (`"name": [...]`, one array per field,
//! one element per entity), so no entry repeats the field names and reading a row looks
//! nothing up. The app reads the index on every page and the dataset only where details are
//! shown (profile, compare, downloads); ARCHITECTURE.md, "The index". The index is derived,
//! never edited: `cargo run -p xtask -- index` writes it from the dataset, and a test fails if
//! the committed one is not what that writes.
//!
//! ```json
//! { "schema_version": "1.1", "as_of": "2026-11-26", "licence": "…", "compiled_by": "…",
//!   "columns": { "id": ["darmstadt", …], "name": ["Darmstadt", …], "kind": ["city", …],
//!     "land": ["DE-HE", …], "lat": [49.873, …], "lon": [8.651, …], "population": [159174, …],
//!     "title": ["Chief Digital Officer", …], "origin": ["academia", …], "form": ["cdo_post", …],
//!     "established": ["2017", …], "holder": ["Prof. Michael Waidner", …], "since": ["2017-05", …],
//!     "search": ["Prof. Michael Waidner · Gewann 2017 …", …] } }
//! ```
//!
//! Unknown values are `null`; the order of the columns is [`crate::validate::COLUMNS`].

use serde_json::Value;

use crate::domain::{Dataset, Summary};
use crate::json_out::{compact, float, int, opt_text, text};
use crate::validate::COLUMNS;
use crate::PartialDate;

/// The index file for `dataset`: its header, then each column on its own line.
pub fn to_json(dataset: &Dataset<Summary>) -> String {
    let header = [
        ("schema_version", text(&dataset.schema_version.to_string())),
        ("as_of", text(&dataset.as_of.to_string())),
        ("licence", text(&dataset.licence)),
        ("compiled_by", opt_text(dataset.compiled_by.as_deref())),
    ];
    let mut out = String::from("{\n");
    for (key, value) in header {
        out.push_str(&format!("\"{key}\": {},\n", compact(&value)));
    }
    out.push_str("\"columns\": {\n");
    for (k, key) in COLUMNS.iter().enumerate() {
        let column: Vec<Value> = dataset.entities.iter().map(|s| cell(s, k)).collect();
        let comma = if k + 1 < COLUMNS.len() { "," } else { "" };
        out.push_str(&format!(
            "\"{key}\": {}{comma}\n",
            compact(&Value::Array(column))
        ));
    }
    out.push_str("}\n}\n");
    out
}

/// Column `k` of `s`'s row.
fn cell(s: &Summary, k: usize) -> Value {
    let date = |d: Option<PartialDate>| d.map_or(Value::Null, |d| text(&d.to_string()));
    match COLUMNS[k] {
        "id" => text(&s.id),
        "name" => text(&s.name),
        "kind" => text(s.kind.wire()),
        "land" => text(s.land.code()),
        "lat" => float(s.coordinates.lat),
        "lon" => float(s.coordinates.lon),
        "population" => s
            .population
            .map_or(Value::Null, |p| int(i64::try_from(p).unwrap_or(i64::MAX))),
        "title" => text(&s.office.title),
        "origin" => opt_text(s.office.origin.map(|o| o.wire())),
        "form" => text(s.office.form.wire()),
        "established" => date(s.established),
        "holder" => opt_text(s.holder.as_deref()),
        "since" => date(s.since),
        "search" => text(&s.search),
        other => unreachable!("no column {other}"),
    }
}
