//! The dataset's index, `public/data/cdo-atlas.index.json`: the dataset's header and one flat
//! [`Summary`] per entity, which is all the lists need (overview, map, explorer, charts).
//!
//! Why a second file: parsing and validating the dataset costs per JSON value, and an entity
//! has ~78 of them (history, texts, sources, citations) — at 10,000 entities ~300 ms in
//! Chromium. An index entry has ~15, flat. The app reads the index on every page and the
//! dataset only where the details are shown (profile, compare, downloads); ARCHITECTURE.md,
//! "The index". The index is derived, never edited: `cargo run -p xtask -- index` writes it
//! from the dataset, and a test fails if the committed one is not what that writes.
//!
//! One entry, with every optional field present (absent or `null` when unknown):
//!
//! ```json
//! {"established":"2017","form":"cdo_post","holder":"Prof. Michael Waidner","id":"darmstadt",
//!  "kind":"city","land":"DE-HE","lat":49.873,"lon":8.651,"name":"Darmstadt",
//!  "origin":"academia","population":159174,"search":["Prof. Michael Waidner","…"],
//!  "since":"2017-05","title":"Chief Digital Officer"}
//! ```

use serde_json::Value;

use crate::domain::{Dataset, Summary};
use crate::json_out::{compact, float, int, obj, opt_text, text};

/// The index file for `dataset`: its header, then one entity per line.
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
    out.push_str("\"entities\": [\n");
    for (i, s) in dataset.entities.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
        }
        out.push_str(&compact(&entry(s)));
    }
    out.push_str("\n]\n}\n");
    out
}

fn entry(s: &Summary) -> Value {
    let date = |d: Option<crate::PartialDate>| d.map_or(Value::Null, |d| text(&d.to_string()));
    obj([
        ("id", text(&s.id)),
        ("name", text(&s.name)),
        ("kind", text(s.kind.wire())),
        ("land", text(s.land.code())),
        ("lat", float(s.coordinates.lat)),
        ("lon", float(s.coordinates.lon)),
        (
            "population",
            s.population
                .map_or(Value::Null, |p| int(i64::try_from(p).unwrap_or(i64::MAX))),
        ),
        ("title", text(&s.office.title)),
        ("origin", opt_text(s.office.origin.map(|o| o.wire()))),
        ("form", text(s.office.form.wire())),
        ("established", date(s.established)),
        ("holder", opt_text(s.holder.as_deref())),
        ("since", date(s.since)),
        (
            "search",
            Value::Array(s.search.iter().map(|t| text(t)).collect()),
        ),
    ])
}
