//! The dataset's index, `public/data/cdo-atlas.index.json`: the dataset's header and one
//! [`Summary`] per entity, which is all the lists need (overview, map, explorer, charts).
//!
//! Why a second file: parsing and validating costs per JSON value, and an entity has ~78 of
//! them (history, texts, sources, citations) — at 10,000 entities ~300 ms in Chromium. A
//! summary has 17, and the index stores them as columns (`"name": [...]`, one array per field,
//! one element per entity), so no entry repeats the field names and reading a row looks
//! nothing up. The app reads the index on every page and the dataset only where details are
//! shown (profile, compare, downloads); ARCHITECTURE.md, "The index". The index is derived,
//! never edited: `cargo run -p xtask -- index` writes it from the dataset, and a test fails if
//! the committed one is not what that writes.
//!
//! ```json
//! { "schema_version": "1.4", "as_of": "2026-11-26", "licence": "…", "compiled_by": "…",
//!   "not_covered": […], "figures": {…}, "data_version": "1.0.0", "changes": […], "files": […],
//!   "columns": { "id": ["darmstadt", …], "name": ["Darmstadt", …], "kind": ["city", …],
//!     "land": ["DE-HE", …], "lat": [49.873, …], "lon": [8.651, …], "population": [159174, …],
//!     "title": ["Chief Digital Officer", …], "origin": ["academia", …], "form": ["cdo_post", …],
//!     "established": ["2017", …], "holder": ["Prof. Michael Waidner", …], "since": ["2017-05", …],
//!     "search": ["Prof. Michael Waidner · Gewann 2017 …", …], "ags": ["06411000", …],
//!     "ended": [null, …], "confirmed": ["2021-11-23", …],
//!     "periods": [null, ["2017", null, "Chief Digital Officer", "internal", "cdo_post", 1,
//!       "Peter Adelskamp", "2017-05-01", "~2019-01"], …] } }
//! ```
//!
//! Unknown values are `null`; the columns and their order are [`Column::ALL`]. `periods` (since
//! 1.4) holds each entity's periods, oldest first — what the lists need to show the entity at
//! any date ([`crate::time`]), none of the texts or sources — as one flat array: per period
//! `since, until, title, origin, form` and the number of its holders, then per holder `name,
//! since, until` ([`PERIOD_VALUES`], [`HOLDER_VALUES`]). Where the other columns already say it
//! all — one period from `established` to `ended`, the current post, and no holder but the
//! current one, since `since` — it is `null` ([`as_columns_say`]): half the entities today.
//! Parsing costs per value, not per byte (docs/PERFORMANCE.md, "The index: measured").

use serde_json::Value;

use crate::domain::{
    Change, DataFile, Dataset, HolderSummary, PeriodSummary, Post, SchemaVersion, Summary,
    Uncovered,
};
use crate::json_out::{compact, float, int, obj, opt_text, text};
use crate::PartialDate;

/// The index's own format version, apart from the dataset's: a new column is a new minor
/// (readers of an older minor ignore it; [`Column::since_minor`] lets this reader accept files
/// without it), so the lists of an app cached before a change of the dataset's major still
/// read a new index.
///
/// 1.3 added header fields (optional for the reader): the dataset's `data_version`, the data
/// changelog (`changes`) and the published files with their sizes (`files`). 1.4 added the
/// column `periods` (an index without it reads as if each entity's current model had been in
/// force since its `since`, [`as_columns_say`]).
pub const INDEX_SCHEMA: SchemaVersion = SchemaVersion { major: 1, minor: 4 };

/// A column of the index: reader ([`crate::validate::parse_index`]) and writer ([`to_json`])
/// both go by this one list, in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Id,
    Name,
    Kind,
    Land,
    Lat,
    Lon,
    Population,
    Title,
    Origin,
    Form,
    Established,
    Holder,
    Since,
    Search,
    Ags,
    Ended,
    Confirmed,
    Periods,
}

impl Column {
    pub const ALL: [Column; 18] = [
        Column::Id,
        Column::Name,
        Column::Kind,
        Column::Land,
        Column::Lat,
        Column::Lon,
        Column::Population,
        Column::Title,
        Column::Origin,
        Column::Form,
        Column::Established,
        Column::Holder,
        Column::Since,
        Column::Search,
        Column::Ags,
        Column::Ended,
        Column::Confirmed,
        Column::Periods,
    ];

    /// Its key in the file.
    pub fn key(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Name => "name",
            Column::Kind => "kind",
            Column::Land => "land",
            Column::Lat => "lat",
            Column::Lon => "lon",
            Column::Population => "population",
            Column::Title => "title",
            Column::Origin => "origin",
            Column::Form => "form",
            Column::Established => "established",
            Column::Holder => "holder",
            Column::Since => "since",
            Column::Search => "search",
            Column::Ags => "ags",
            Column::Ended => "ended",
            Column::Confirmed => "confirmed",
            Column::Periods => "periods",
        }
    }

    /// The index minor version that added it: a file of an older minor has no such column,
    /// and every value of it reads as `null`.
    pub fn since_minor(self) -> u32 {
        match self {
            Column::Ags | Column::Ended | Column::Confirmed => 2,
            Column::Periods => 4,
            _ => 0,
        }
    }
}

/// The index file for `dataset`: its header, then each column on its own line.
pub fn to_json(dataset: &Dataset<Summary>) -> String {
    let header = [
        ("schema_version", text(&INDEX_SCHEMA.to_string())),
        ("as_of", text(&dataset.as_of.to_string())),
        ("licence", text(&dataset.licence)),
        ("compiled_by", opt_text(dataset.compiled_by.as_deref())),
        ("not_covered", not_covered(&dataset.not_covered)),
        ("figures", figures(dataset.figures.as_ref())),
        (
            "data_version",
            opt_text(dataset.data_version.map(|v| v.to_string()).as_deref()),
        ),
        ("changes", changes(&dataset.changes)),
        ("files", files(&dataset.files)),
    ];
    let mut out = String::from("{\n");
    for (key, value) in header {
        out.push_str(&format!("\"{key}\": {},\n", compact(&value)));
    }
    out.push_str("\"columns\": {\n");
    for (k, column) in Column::ALL.into_iter().enumerate() {
        let values: Vec<Value> = dataset.entities.iter().map(|s| cell(s, column)).collect();
        let comma = if k + 1 < Column::ALL.len() { "," } else { "" };
        out.push_str(&format!(
            "\"{}\": {}{comma}\n",
            column.key(),
            compact(&Value::Array(values))
        ));
    }
    out.push_str("}\n}\n");
    out
}

/// The header's figures of the dataset, if known.
fn figures(f: Option<&crate::check::Figures>) -> Value {
    let Some(f) = f else { return Value::Null };
    let map = crate::check::Figures::KEYS
        .iter()
        .zip(f.values())
        .map(|(k, v)| ((*k).to_owned(), int(i64::try_from(v).unwrap_or(i64::MAX))))
        .collect();
    Value::Object(map)
}

/// A data changelog as JSON, newest first: the index's `changes`, and the shape of
/// `cdo-atlas.changelog.json`'s.
pub fn changes(list: &[Change]) -> Value {
    let ids = |ids: &[String]| Value::Array(ids.iter().map(|id| text(id)).collect());
    Value::Array(
        list.iter()
            .map(|c| {
                obj([
                    (
                        "version",
                        opt_text(c.version.map(|v| v.to_string()).as_deref()),
                    ),
                    ("date", text(&c.date.to_string())),
                    ("de", text(&c.text.de)),
                    ("en", text(&c.text.en)),
                    ("added", ids(&c.added)),
                    ("changed", ids(&c.changed)),
                ])
            })
            .collect(),
    )
}

/// The header's published files and their sizes.
fn files(list: &[DataFile]) -> Value {
    Value::Array(
        list.iter()
            .map(|f| {
                obj([
                    ("name", text(&f.name)),
                    ("bytes", int(i64::try_from(f.bytes).unwrap_or(i64::MAX))),
                ])
            })
            .collect(),
    )
}

/// The header's list of large cities not covered yet.
pub fn not_covered(list: &[Uncovered]) -> Value {
    Value::Array(
        list.iter()
            .map(|u| {
                obj([
                    ("name", text(&u.name)),
                    ("ags", opt_text(u.ags.as_ref().map(|a| a.as_str()))),
                ])
            })
            .collect(),
    )
}

/// `s`'s value in `column`.
fn cell(s: &Summary, column: Column) -> Value {
    let date = |d: Option<PartialDate>| d.map_or(Value::Null, |d| text(&d.to_string()));
    let model = s.model();
    match column {
        Column::Id => text(&s.id),
        Column::Name => text(&s.name),
        Column::Kind => text(s.kind.wire()),
        Column::Land => opt_text(s.land.map(|l| l.code())),
        Column::Lat => float(s.coordinates.lat),
        Column::Lon => float(s.coordinates.lon),
        Column::Population => s
            .population
            .map_or(Value::Null, |p| int(i64::try_from(p).unwrap_or(i64::MAX))),
        Column::Title => text(&model.title),
        Column::Origin => opt_text(model.origin.map(|o| o.wire())),
        Column::Form => text(model.form.wire()),
        Column::Established => date(s.established),
        Column::Holder => opt_text(s.holder.as_deref()),
        Column::Since => date(s.since),
        Column::Search => text(&s.search),
        Column::Ags => opt_text(s.ags.as_ref().map(|a| a.as_str())),
        Column::Ended => date(s.ended),
        Column::Confirmed => date(s.confirmed),
        Column::Periods => {
            let list = s.periods();
            let implied = as_columns_say(model, s.established, s.ended, s.holder.as_ref(), s.since);
            if list == implied.as_slice() {
                Value::Null
            } else {
                periods(list)
            }
        }
    }
}

/// The periods an entry's other columns imply: one, in force from `start` until `ended`, with
/// the current post and the current holder (since `since`), if any. For a `null` in `periods`,
/// `start` is the column `established`; for an index before 1.4, which has no `periods`, the
/// entry's `since` (the current holder's start, else the current period's).
pub fn as_columns_say(
    post: &Post,
    start: Option<PartialDate>,
    ended: Option<PartialDate>,
    holder: Option<&std::sync::Arc<str>>,
    since: Option<PartialDate>,
) -> Vec<PeriodSummary> {
    vec![implied(post, start, ended, holder, since)]
}

/// The one period of [`as_columns_say`].
pub(crate) fn implied(
    post: &Post,
    start: Option<PartialDate>,
    ended: Option<PartialDate>,
    holder: Option<&std::sync::Arc<str>>,
    since: Option<PartialDate>,
) -> PeriodSummary {
    let holder = holder.map(|name| HolderSummary {
        name: name.clone(),
        since,
        until: None,
    });
    PeriodSummary::new(post.clone(), start, ended, holder.into_iter().collect())
}

/// The values of a period in `periods`, before its holders': `since, until, title, origin,
/// form` and the number of its holders.
pub const PERIOD_VALUES: usize = 6;
/// The values of a holder in `periods`: `name, since, until`.
pub const HOLDER_VALUES: usize = 3;

/// An entry's periods as the index writes them: one flat array (an array per period or holder
/// would double the values a reader walks), [`PERIOD_VALUES`] per period, then
/// [`HOLDER_VALUES`] per holder.
fn periods(list: &[PeriodSummary]) -> Value {
    let date = |d: Option<PartialDate>| d.map_or(Value::Null, |d| text(&d.to_string()));
    let mut out = Vec::new();
    for p in list {
        out.extend([
            date(p.since),
            date(p.until),
            text(&p.post.title),
            opt_text(p.post.origin.map(|o| o.wire())),
            text(p.post.form.wire()),
            int(i64::try_from(p.holders.len()).unwrap_or(i64::MAX)),
        ]);
        for h in &p.holders {
            out.extend([text(&h.name), date(h.since), date(h.until)]);
        }
    }
    Value::Array(out)
}
