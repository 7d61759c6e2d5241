//! The open-data files written next to the dataset (`cargo run -p xtask -- data`), all derived
//! from it and never edited (docs/DATA.md, "Files for reuse"):
//!
//! - `cdo-atlas.csv`: the whole dataset flat, one row per entity and period;
//! - `cdo-atlas.sources.csv`: every source, one row per entity and source;
//! - `datapackage.json`: a Frictionless Data Package (v1 profiles: `data-package`,
//!   `tabular-data-resource` with a Table Schema for each CSV) describing every file, with
//!   licence, sources (the editors' sheets, Destatis with its notice, BKG for the outlines),
//!   version, created date, sizes and SHA-256 hashes;
//! - `cdo-atlas.dcat.jsonld`: the catalogue record, DCAT-AP.de in JSON-LD, for the dataset and
//!   its distributions (relative IRIs: they resolve against the file's own address, as the
//!   site's address is not fixed);
//! - `CITATION.cff` at the repository's root.
//!
//! The CSVs follow `cdo_model::csv` (header first, one record per line, BOM, CRLF, quoting, the
//! formula guard) with `,` as the delimiter: they are for tools, which read `,` without options
//! (the explorer's download, for German spreadsheets, keeps `;`).

use cdo_model::csv::{record, BOM};
use cdo_model::explore::headline_wire;
use cdo_model::{
    Change, Coordinates, Dataset, Entity, Form, Headline, Kind, Land, Origin, PartialDate, Period,
};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use cdo_model::published::Published;

pub const DATASET: &str = Published::Dataset.file_name();
pub const PERIODS_CSV: &str = Published::Csv.file_name();
pub const SOURCES_CSV: &str = Published::SourcesCsv.file_name();
pub const PACKAGE: &str = Published::Package.file_name();
pub const SCHEMA: &str = Published::Schema.file_name();
pub const CHANGELOG: &str = Published::Changelog.file_name();
pub const DCAT: &str = Published::Catalogue.file_name();
/// The map's outlines, described by the package too (not offered on the about page).
pub const OUTLINES: &str = "laender.json";

/// The CSVs are for tools: `,`, which they read without options.
const DELIMITER: char = ',';

/// A list inside one cell (holders, source ids).
const LIST: &str = "; ";

/// The content of a published file, by name.
pub struct File<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

fn find<'a>(files: &'a [File<'a>], name: &str) -> Result<&'a File<'a>, String> {
    files
        .iter()
        .find(|f| f.name == name)
        .ok_or_else(|| format!("{name} is not among the files"))
}

fn sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A JSON Schema pattern as Table Schema's (XML Schema's) dialect writes it: implicitly
/// anchored, plain groups (frictionless anchors it itself).
fn xsd(pattern: &str) -> String {
    pattern
        .trim_start_matches('^')
        .trim_end_matches('$')
        .replace("(?:", "(")
}

fn date(d: Option<PartialDate>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

fn number(x: f64) -> String {
    serde_json::Number::from_f64(x).map_or_else(String::new, |n| n.to_string())
}

/// A column of a CSV: its Table Schema field and its value in a row.
struct Column<R> {
    name: &'static str,
    kind: &'static str,
    description: &'static str,
    constraints: Value,
    value: fn(&R) -> String,
}

impl<R> Column<R> {
    fn new(
        name: &'static str,
        kind: &'static str,
        description: &'static str,
        value: fn(&R) -> String,
    ) -> Self {
        Column {
            name,
            kind,
            description,
            constraints: json!({}),
            value,
        }
    }

    fn with(mut self, constraints: Value) -> Self {
        self.constraints = constraints;
        self
    }

    fn field(&self) -> Value {
        let mut field = json!({
            "name": self.name,
            "type": self.kind,
            "description": self.description,
        });
        if self.constraints.as_object().is_some_and(|c| !c.is_empty()) {
            field["constraints"] = self.constraints.clone();
        }
        if self.kind == "boolean" {
            field["trueValues"] = json!(["true"]);
            field["falseValues"] = json!(["false"]);
        }
        field
    }
}

fn csv<R>(columns: &[Column<R>], rows: &[R]) -> String {
    let mut out = String::from(BOM);
    let names: Vec<&str> = columns.iter().map(|c| c.name).collect();
    out.push_str(&record(&names, DELIMITER));
    for row in rows {
        let cells: Vec<String> = columns.iter().map(|c| (c.value)(row)).collect();
        out.push_str(&record(&cells, DELIMITER));
    }
    out
}

fn table_schema<R>(columns: &[Column<R>], primary_key: &[&str]) -> Value {
    json!({
        "fields": columns.iter().map(Column::field).collect::<Vec<_>>(),
        "missingValues": [""],
        "primaryKey": primary_key,
    })
}

fn slug() -> Value {
    json!({ "required": true, "pattern": xsd(cdo_model::raw::SLUG_PATTERN) })
}

fn date_pattern() -> Value {
    json!({ "pattern": xsd(&cdo_model::raw::date_pattern()) })
}

/// One row of `cdo-atlas.csv`: an entity's period.
pub struct PeriodRow<'a> {
    e: &'a Entity,
    /// Its position, from 1, oldest first.
    n: usize,
    p: &'a Period,
}

fn periods_columns<'a>() -> Vec<Column<PeriodRow<'a>>> {
    use cdo_model::validate::{MAX_NAME, MAX_POPULATION, MAX_TEXT};
    let lands: Vec<&str> = Land::ALL.iter().map(|l| l.code()).collect();
    let headlines: Vec<&str> = Headline::ALL.iter().map(|h| headline_wire(*h)).collect();
    vec![
        Column::<PeriodRow<'a>>::new("entity_id", "string", "The entity's id (a slug, as in the dataset and the site's addresses: /entity/<id>).", |r| r.e.id.clone()).with(slug()),
        Column::<PeriodRow<'a>>::new("name", "string", "The entity's name, as it calls itself.", |r| r.e.name.clone())
            .with(json!({ "required": true, "maxLength": MAX_NAME })),
        Column::<PeriodRow<'a>>::new("kind", "string", "city, land (a Land) or federal (the federal level).", |r| r.e.kind.wire().to_owned())
            .with(json!({ "required": true, "enum": Kind::WIRE })),
        Column::<PeriodRow<'a>>::new("land", "string", "ISO 3166-2 code of the Land; empty for the federal level.", |r| r.e.land.map(|l| l.code().to_owned()).unwrap_or_default())
            .with(json!({ "enum": lands })),
        Column::<PeriodRow<'a>>::new("ags", "string", "A city's Amtlicher Gemeindeschlüssel, 8 digits (Destatis); empty for Länder and the federal level, except Berlin.", |r| r.e.ags.as_ref().map(|a| a.as_str().to_owned()).unwrap_or_default())
            .with(json!({ "pattern": xsd(cdo_model::raw::AGS_PATTERN) })),
        Column::<PeriodRow<'a>>::new("lat", "number", "Latitude, WGS84 degrees: a city's centre (Destatis), a Land's capital.", |r| number(r.e.coordinates.lat))
            .with(json!({ "required": true, "minimum": Coordinates::LAT_RANGE.start(), "maximum": Coordinates::LAT_RANGE.end() })),
        Column::<PeriodRow<'a>>::new("lon", "number", "Longitude, WGS84 degrees.", |r| number(r.e.coordinates.lon))
            .with(json!({ "required": true, "minimum": Coordinates::LON_RANGE.start(), "maximum": Coordinates::LON_RANGE.end() })),
        Column::<PeriodRow<'a>>::new("population", "integer", "Population (Destatis, 31 December of population_year); empty where unknown.", |r| r.e.population.as_ref().map(|p| p.value.to_string()).unwrap_or_default())
            .with(json!({ "minimum": 1, "maximum": MAX_POPULATION })),
        Column::<PeriodRow<'a>>::new("population_year", "integer", "The year of the population figure.", |r| r.e.population.as_ref().map(|p| p.year.to_string()).unwrap_or_default())
            .with(json!({ "minimum": 1900 })),
        Column::<PeriodRow<'a>>::new("period", "integer", "The period's position in the entity's history, from 1, oldest first. A new period begins when the title, the form or the origin changes.", |r| r.n.to_string())
            .with(json!({ "required": true, "minimum": 1 })),
        Column::<PeriodRow<'a>>::new("current", "boolean", "Whether this is the entity's last period, the model shown today (or the last one, if the post was abolished).", |r| (std::ptr::eq(r.p, r.e.current())).to_string())
            .with(json!({ "required": true })),
        Column::<PeriodRow<'a>>::new("title", "string", "The post's or unit's official title.", |r| r.p.post.title.to_string())
            .with(json!({ "required": true, "maxLength": MAX_NAME })),
        Column::<PeriodRow<'a>>::new("form", "string", "How digital leadership is organised (docs/DATA.md, \"Form\").", |r| r.p.post.form.wire().to_owned())
            .with(json!({ "required": true, "enum": Form::WIRE })),
        Column::<PeriodRow<'a>>::new("origin", "string", "Where the person who took the post came from; empty if the sources do not say or there is no person.", |r| r.p.post.origin.map(|o| o.wire().to_owned()).unwrap_or_default())
            .with(json!({ "enum": Origin::WIRE })),
        Column::<PeriodRow<'a>>::new("model", "string", "The headline model, derived from form and origin (docs/DATA.md, \"Headline\"), as the site shows it.", |r| headline_wire(r.p.post.headline()).to_owned())
            .with(json!({ "required": true, "enum": headlines })),
        Column::<PeriodRow<'a>>::new("since", "string", "When the period began: YYYY, YYYY-MM or YYYY-MM-DD, ~ where the source only implies it; empty if no source dates it.", |r| date(r.p.since.as_ref().map(|d| d.date)))
            .with(date_pattern()),
        Column::<PeriodRow<'a>>::new("until", "string", "When it ended, in the same form; empty if no end is documented.", |r| date(r.p.until.as_ref().map(|d| d.date)))
            .with(date_pattern()),
        Column::<PeriodRow<'a>>::new("holder", "string", "The holder in office now, or when the period ended: the last one, if no end is recorded for them; empty if none.", |r| r.p.current_holder().map(|h| h.name.clone()).unwrap_or_default())
            .with(json!({ "maxLength": MAX_NAME })),
        Column::<PeriodRow<'a>>::new("holder_since", "string", "Since when that holder is in office, as since.", |r| date(r.p.current_holder().and_then(|h| h.since)))
            .with(date_pattern()),
        Column::<PeriodRow<'a>>::new("holders", "string", "Everyone who held the post, oldest first, separated by \"; \": name (since/until), a date empty where no source gives it.", |r| holders(r.p)),
        Column::<PeriodRow<'a>>::new("reporting_line_de", "string", "To whom the post reports, in German.", |r| r.p.reporting_line.as_ref().map(|t| t.text.de.clone()).unwrap_or_default())
            .with(json!({ "maxLength": MAX_TEXT })),
        Column::<PeriodRow<'a>>::new("reporting_line_en", "string", "To whom the post reports, in English.", |r| r.p.reporting_line.as_ref().map(|t| t.text.en.clone()).unwrap_or_default())
            .with(json!({ "maxLength": MAX_TEXT })),
        Column::<PeriodRow<'a>>::new("confirmed", "string", "Last confirmed: the newest date among the period's dated sources and the dates they report (docs/DATA.md, \"Zuletzt belegt\"); empty if none.", |r| date(r.e.period_confirmed(r.p)))
            .with(date_pattern()),
        Column::<PeriodRow<'a>>::new("sources", "string", "The ids of the sources the period's facts cite (title and form, dates, holders, reporting line), separated by \"; \": rows of cdo-atlas.sources.csv with this entity_id.", |r| citations(r.p))
            .with(json!({ "required": true })),
    ]
}

fn holders(p: &Period) -> String {
    p.holders
        .iter()
        .map(|h| match (h.since, h.until) {
            (None, None) => h.name.clone(),
            (since, until) => format!("{} ({}/{})", h.name, date(since), date(until)),
        })
        .collect::<Vec<_>>()
        .join(LIST)
}

fn citations(p: &Period) -> String {
    let mut ids: Vec<&str> = Vec::new();
    for id in p.citations() {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids.join(LIST)
}

fn period_rows(d: &Dataset) -> Vec<PeriodRow<'_>> {
    d.entities
        .iter()
        .flat_map(|e| {
            e.periods
                .iter()
                .enumerate()
                .map(move |(i, p)| PeriodRow { e, n: i + 1, p })
        })
        .collect()
}

/// `cdo-atlas.csv`: one row per entity and period, in the dataset's order.
pub fn periods_csv(d: &Dataset) -> String {
    csv(&periods_columns(), &period_rows(d))
}

/// One row of `cdo-atlas.sources.csv`.
pub struct SourceRow<'a> {
    e: &'a Entity,
    s: &'a cdo_model::Source,
}

fn sources_columns<'a>() -> Vec<Column<SourceRow<'a>>> {
    use cdo_model::validate::{MAX_ID, MAX_NAME, MAX_URL};
    vec![
        Column::<SourceRow<'a>>::new("entity_id", "string", "The entity whose facts cite the source (cdo-atlas.csv).", |r| r.e.id.clone()).with(slug()),
        Column::<SourceRow<'a>>::new("source_id", "string", "The source's id within the entity, as the sources column of cdo-atlas.csv cites it.", |r| r.s.id.clone())
            .with(json!({ "required": true, "maxLength": MAX_ID })),
        Column::<SourceRow<'a>>::new("url", "string", "The page: an http(s) address.", |r| r.s.url.as_str().to_owned())
            .with(json!({ "required": true, "maxLength": MAX_URL, "pattern": "[Hh][Tt][Tt][Pp][Ss]?://[^/?#]+.*" })),
        Column::<SourceRow<'a>>::new("title", "string", "The page's title; empty where not recorded.", |r| r.s.title.clone().unwrap_or_default())
            .with(json!({ "maxLength": MAX_NAME })),
        Column::<SourceRow<'a>>::new("publisher", "string", "Who published it; empty where not recorded.", |r| r.s.publisher.clone().unwrap_or_default())
            .with(json!({ "maxLength": MAX_NAME })),
        Column::<SourceRow<'a>>::new("date", "string", "The page's date where the page shows one (YYYY, YYYY-MM or YYYY-MM-DD, ~ if implied).", |r| date(r.s.date))
            .with(date_pattern()),
        Column::<SourceRow<'a>>::new("party", "boolean", "A political party's or parliamentary group's website: a weak source, used only where no other source states the fact.", |r| r.s.party.to_string())
            .with(json!({ "required": true })),
    ]
}

fn source_rows(d: &Dataset) -> Vec<SourceRow<'_>> {
    d.entities
        .iter()
        .flat_map(|e| e.sources.iter().map(move |s| SourceRow { e, s }))
        .collect()
}

/// `cdo-atlas.sources.csv`: one row per entity and source, in the dataset's order.
pub fn sources_csv(d: &Dataset) -> String {
    csv(&sources_columns(), &source_rows(d))
}

/// The licence of the dataset as the catalogues name it; only the one the dataset has today is
/// known (another fails the task rather than being guessed).
#[derive(Debug)]
pub(crate) struct Licence {
    /// SPDX and Open Definition id.
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) url: &'static str,
    /// DCAT-AP.de's licence vocabulary.
    dcat: &'static str,
}

pub(crate) fn licence(d: &Dataset) -> Result<Licence, String> {
    match d.licence.as_str() {
        "CC BY 4.0" => Ok(Licence {
            id: "CC-BY-4.0",
            title: "Creative Commons Attribution 4.0 International",
            url: "https://creativecommons.org/licenses/by/4.0/",
            dcat: "http://dcat-ap.de/def/licenses/cc-by/4.0",
        }),
        other => Err(format!(
            "the dataset's licence {other:?} has no entry in xtask/src/opendata.rs `licence`"
        )),
    }
}

/// The data's version and its date: the changelog's newest entry.
fn release(d: &Dataset, changes: &[Change]) -> Result<(String, PartialDate), String> {
    let newest = changes.first().ok_or("the changelog is empty")?;
    let version = d.data_version.ok_or("the dataset has no data_version")?;
    if newest.version != Some(version) || newest.date.day.is_none() {
        return Err(
            "the changelog's newest entry must be the dataset's version, dated to the day".into(),
        );
    }
    Ok((version.to_string(), newest.date))
}

/// Destatis' source as the dataset cites it (`destatis`): its title, publisher and address.
fn destatis(d: &Dataset) -> Result<&cdo_model::Source, String> {
    let mut cited = d
        .entities
        .iter()
        .flat_map(|e| &e.sources)
        .filter(|s| s.id == "destatis");
    let first = cited.next().ok_or("no entity cites a source `destatis`")?;
    match cited.find(|s| s.url != first.url || s.title != first.title) {
        Some(other) => Err(format!(
            "two sources `destatis`: {} and {}",
            first.url.as_str(),
            other.url.as_str()
        )),
        None => Ok(first),
    }
}

/// The outlines' attribution and source, as `laender.json` states them.
fn outlines_credit(outlines: &[u8]) -> Result<(String, String), String> {
    let v: Value = serde_json::from_slice(outlines).map_err(|e| format!("{OUTLINES}: {e}"))?;
    let field = |k: &str| {
        v[k].as_str()
            .map(str::to_owned)
            .ok_or(format!("{OUTLINES} has no {k}"))
    };
    Ok((field("attribution")?, field("source")?))
}

pub(crate) fn title(lang: cdo_text::Lang) -> String {
    format!("cdo-atlas – {}", lang.strings().tagline)
}

/// What the dataset is, in one paragraph per language.
pub(crate) fn description(lang: cdo_text::Lang, d: &Dataset) -> String {
    let n = d.entities.len();
    match lang {
        cdo_text::Lang::De => format!(
            "Wie deutsche Städte, Länder und der Bund die Führung ihrer Digitalisierung organisieren: {n} Einträge, jede Form digitaler Führung als datierter Zeitraum (Herkunft der Person, Organisationsform, Amtsinhaber:innen, Berichtslinie), jede Angabe mit Quelle; was keine Quelle belegt, ist leer (unbekannt). Stand {}.",
            d.as_of
        ),
        cdo_text::Lang::En => format!(
            "How German cities, Länder and the federal level organise the leadership of their digitalisation: {n} entries, each form of digital leadership a dated period (the person's origin, the form, the holders, the reporting line), every fact with its source; whatever no source confirms is empty (unknown). As of {}.",
            d.as_of
        ),
    }
}

pub(crate) const KEYWORDS: [&str; 10] = [
    "Digitalisierung",
    "Chief Digital Officer",
    "CDO",
    "Verwaltung",
    "Kommunen",
    "Länder",
    "digitalisation",
    "digital leadership",
    "local government",
    "Germany",
];

/// `datapackage.json`, describing `files` (every other published file, with its content).
pub fn datapackage(d: &Dataset, changes: &[Change], files: &[File]) -> Result<String, String> {
    use cdo_text::Lang::{De, En};
    let licence = licence(d)?;
    let (version, date) = release(d, changes)?;
    let destatis = destatis(d)?;
    let (attribution, outlines_source) = outlines_credit(find(files, OUTLINES)?.bytes)?;
    let resource =
        |name: &str, path: &str, title: &str, description: &str| -> Result<Value, String> {
            let file = find(files, path)?;
            let (format, mediatype) = if path.ends_with(".csv") {
                ("csv", "text/csv")
            } else {
                ("json", "application/json")
            };
            Ok(json!({
                "name": name,
                "path": path,
                "title": title,
                "description": description,
                "format": format,
                "mediatype": mediatype,
                "encoding": "utf-8",
                "bytes": file.bytes.len(),
                "hash": format!("sha256:{}", sha256(file.bytes)),
                "profile": "data-resource",
                // Data Package 2's resource type: frictionless would otherwise read a file
                // named `*.schema.json` as a Table Schema.
                "type": "json",
            }))
        };
    let table = |name: &str,
                 path: &str,
                 title: &str,
                 description: &str,
                 schema: Value|
     -> Result<Value, String> {
        let mut r = resource(name, path, title, description)?;
        r["profile"] = json!("tabular-data-resource");
        r["type"] = json!("table");
        r["dialect"] = json!({
            "delimiter": DELIMITER.to_string(),
            "lineTerminator": "\r\n",
            "quoteChar": "\"",
            "doubleQuote": true,
            "header": true,
        });
        r["schema"] = schema;
        Ok(r)
    };
    let mut outlines = resource(
        "laender",
        OUTLINES,
        "Ländergrenzen / Länder outlines",
        &format!("The 16 Länder as SVG paths in the site's projected map units, simplified for display (not geographic coordinates): {outlines_source}. {}.", cdo_text::phrase::map_attribution(En, &attribution)),
    )?;
    outlines["licenses"] = json!([{ "name": "GeoNutzV", "title": "GeoNutzV: use with attribution / Nutzung mit Quellenangabe" }]);
    outlines["sources"] = json!([{ "title": cdo_text::phrase::map_attribution(De, &attribution) }]);
    let resources = vec![
        resource(
            "cdo-atlas",
            DATASET,
            "Datensatz / dataset (JSON)",
            "The dataset in full, every fact with its sources: entities, their periods, holders, context notes and interviews, in German and English. Its format: cdo-atlas.schema.json and docs/DATA.md.",
        )?,
        table(
            "cdo-atlas-periods",
            PERIODS_CSV,
            "Einträge und Zeiträume / entries and periods (CSV)",
            "The dataset flat: one row per entity and period, oldest first. Context notes and interviews are in the JSON only. An empty cell is unknown; a cell that would start with =, +, -, @, a tab or a carriage return starts with ' (no value does today).",
            table_schema(&periods_columns(), &["entity_id", "period"]),
        )?,
        table(
            "cdo-atlas-sources",
            SOURCES_CSV,
            "Quellen / sources (CSV)",
            "Every source the dataset's facts cite, one row per entity and source.",
            table_schema(&sources_columns(), &["entity_id", "source_id"]),
        )?,
        resource(
            "cdo-atlas-schema",
            SCHEMA,
            "JSON Schema des Datensatzes / the dataset's JSON Schema",
            "JSON Schema (draft 2020-12) of cdo-atlas.json: what the site's validator enforces, as far as JSON Schema can (docs/DATA.md, \"Validation\").",
        )?,
        resource(
            "cdo-atlas-changelog",
            CHANGELOG,
            "Änderungen / changelog",
            "What changed in the data, newest first: version, date, in German and English, the ids of the entries added and changed.",
        )?,
        outlines,
    ];
    let package = json!({
        "profile": "data-package",
        "name": "cdo-atlas",
        "title": title(De),
        "description": format!("{}\n\n{}", description(De, d), description(En, d)),
        "version": version,
        "created": format!("{date}T00:00:00Z"),
        "keywords": KEYWORDS,
        "licenses": [{ "name": licence.id, "title": licence.title, "path": licence.url }],
        "contributors": [{ "title": "cdo-atlas", "role": "author" }],
        "sources": [
            {
                "title": "Faktenblätter der Redaktion / the editors' fact sheets: every fact's own source is listed in cdo-atlas.sources.csv",
            },
            {
                "title": format!("{}: {}", destatis.publisher.as_deref().unwrap_or("Statistisches Bundesamt (Destatis)"), destatis.title.as_deref().unwrap_or("Gemeindeverzeichnis")),
                "path": destatis.url.as_str(),
                "description": format!("{} / {}", De.strings().notice_destatis, En.strings().notice_destatis),
            },
            {
                "title": cdo_text::phrase::map_attribution(De, &attribution),
                "description": format!("{}: {outlines_source}", OUTLINES),
            },
        ],
        "resources": resources,
    });
    pretty(&package)
}

fn pretty(v: &Value) -> Result<String, String> {
    let mut text = serde_json::to_string_pretty(v).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

/// Both languages of a text, as JSON-LD language-tagged literals.
fn tagged(de: &str, en: &str) -> Value {
    json!([{ "@value": de, "@language": "de" }, { "@value": en, "@language": "en" }])
}

fn xsd_date(d: PartialDate) -> Value {
    json!({ "@value": d.to_string(), "@type": "xsd:date" })
}

/// `cdo-atlas.dcat.jsonld`: the dataset and its distributions as DCAT-AP.de.
pub fn dcat(d: &Dataset, changes: &[Change], files: &[File]) -> Result<String, String> {
    use cdo_text::Lang::{De, En};
    let licence = licence(d)?;
    let (version, modified) = release(d, changes)?;
    let first = changes.last().ok_or("the changelog is empty")?.date;
    let destatis = destatis(d)?;
    let attribution = format!("cdo-atlas, {}; {}", d.licence, De.strings().notice_destatis);
    let eu = |vocabulary: &str, id: &str| json!({ "@id": format!("http://publications.europa.eu/resource/authority/{vocabulary}/{id}") });
    let distribution = |path: &str,
                        de: &str,
                        en: &str,
                        conforms: Option<&str>|
     -> Result<Value, String> {
        let file = find(files, path)?;
        let (format, media) = match path.rsplit('.').next() {
            Some("csv") => ("CSV", "text/csv"),
            Some("jsonld") => ("JSON_LD", "application/ld+json"),
            _ => ("JSON", "application/json"),
        };
        let mut dist = json!({
            "@id": path,
            "@type": "dcat:Distribution",
            "dct:title": tagged(de, en),
            "dcat:accessURL": { "@id": path },
            "dcat:downloadURL": { "@id": path },
            "dct:format": eu("file-type", format),
            "dcat:mediaType": { "@id": format!("https://www.iana.org/assignments/media-types/{media}") },
            "dcat:byteSize": { "@value": file.bytes.len().to_string(), "@type": "xsd:nonNegativeInteger" },
            "spdx:checksum": {
                "@type": "spdx:Checksum",
                "spdx:algorithm": { "@id": "spdx:checksumAlgorithm_sha256" },
                "spdx:checksumValue": { "@value": sha256(file.bytes), "@type": "xsd:hexBinary" },
            },
            "dct:license": { "@id": licence.dcat },
            "dcatde:licenseAttributionByText": attribution,
            "dct:modified": xsd_date(modified),
        });
        if let Some(schema) = conforms {
            dist["dct:conformsTo"] = json!({ "@id": schema });
        }
        Ok(dist)
    };
    let distributions = vec![
        distribution(DATASET, "Datensatz (JSON)", "Dataset (JSON)", Some(SCHEMA))?,
        distribution(
            PERIODS_CSV,
            "Einträge und Zeiträume (CSV)",
            "Entries and periods (CSV)",
            Some(PACKAGE),
        )?,
        distribution(SOURCES_CSV, "Quellen (CSV)", "Sources (CSV)", Some(PACKAGE))?,
        distribution(
            PACKAGE,
            "Datenpaket (Frictionless Data Package)",
            "Data package (Frictionless Data Package)",
            None,
        )?,
    ];
    let newest = changes.first().ok_or("the changelog is empty")?;
    let dataset = json!({
        "@id": "#dataset",
        "@type": "dcat:Dataset",
        "dct:identifier": "cdo-atlas",
        "dct:title": tagged(&title(De), &title(En)),
        "dct:description": tagged(&description(De, d), &description(En, d)),
        "dcat:keyword": KEYWORDS,
        "dcat:theme": [eu("data-theme", "GOVE")],
        "dct:spatial": [eu("country", "DEU")],
        "dct:language": [eu("language", "DEU"), eu("language", "ENG")],
        "dct:accessRights": eu("access-right", "PUBLIC"),
        "dct:publisher": { "@type": "foaf:Agent", "foaf:name": "cdo-atlas" },
        "dct:creator": { "@type": "foaf:Agent", "foaf:name": "cdo-atlas" },
        "dct:issued": xsd_date(first),
        "dct:modified": xsd_date(modified),
        "owl:versionInfo": version,
        "adms:versionNotes": tagged(&newest.text.de, &newest.text.en),
        "dct:source": [{ "@id": destatis.url.as_str() }],
        "dcat:distribution": distributions,
    });
    let doc = json!({
        "@context": {
            "adms": "http://www.w3.org/ns/adms#",
            "dcat": "http://www.w3.org/ns/dcat#",
            "dcatde": "http://dcat-ap.de/def/dcatde/",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "owl": "http://www.w3.org/2002/07/owl#",
            "spdx": "http://spdx.org/rdf/terms#",
            "xsd": "http://www.w3.org/2001/XMLSchema#",
        },
        "@graph": [dataset],
    });
    pretty(&doc)
}

/// A YAML string (double-quoted, JSON's escapes are YAML's).
fn yaml(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// `CITATION.cff` (Citation File Format 1.2.0) for the repository: the software, and as the
/// preferred citation the dataset at its current version.
pub fn citation(d: &Dataset, changes: &[Change]) -> Result<String, String> {
    use cdo_text::Lang::{De, En};
    let licence = licence(d)?;
    let (version, date) = release(d, changes)?;
    let keywords: String = KEYWORDS
        .iter()
        .map(|k| format!("  - {}\n", yaml(k)))
        .collect();
    Ok(format!(
        "# Written by `cargo run -p xtask -- data` from the dataset and its changelog: do not edit.\n\
         cff-version: 1.2.0\n\
         message: {message}\n\
         type: software\n\
         title: {software}\n\
         abstract: {abstract_}\n\
         authors:\n  - name: cdo-atlas\n\
         license:\n  - MIT\n  - Apache-2.0\n\
         keywords:\n{keywords}\
         preferred-citation:\n\
         \x20 type: data\n\
         \x20 title: {title}\n\
         \x20 authors:\n    - name: cdo-atlas\n\
         \x20 version: {version}\n\
         \x20 date-released: {date}\n\
         \x20 license: {licence}\n\
         \x20 abstract: {data_abstract}\n",
        message = yaml("If you use the dataset, please cite it as below (preferred-citation); the code is MIT or Apache-2.0, the dataset CC BY 4.0."),
        software = yaml("cdo-atlas"),
        abstract_ = yaml(En.strings().tagline),
        title = yaml(&title(De)),
        licence = licence.id,
        data_abstract = yaml(&description(En, d)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset() -> Dataset {
        let text = include_str!("../../public/data/cdo-atlas.json");
        cdo_model::parse_dataset(text, PartialDate::ymd(2026, 12, 5))
            .unwrap()
            .dataset
    }

    #[test]
    fn the_csvs_have_a_row_per_period_and_per_source_and_a_field_per_column() {
        let d = dataset();
        let periods = periods_csv(&d);
        assert!(periods.starts_with("\u{feff}entity_id,name,kind,land,ags,"));
        let lines: Vec<&str> = periods.trim_end().split("\r\n").collect();
        let count: usize = d.entities.iter().map(|e| e.periods.len()).sum();
        assert_eq!(lines.len(), count + 1);
        assert!(lines[1].starts_with("darmstadt,Darmstadt,city,DE-HE,06411000,"));
        let sources = sources_csv(&d);
        let count: usize = d.entities.iter().map(|e| e.sources.len()).sum();
        assert_eq!(sources.trim_end().split("\r\n").count(), count + 1);
        let schema = table_schema(&periods_columns(), &["entity_id", "period"]);
        assert_eq!(
            schema["fields"].as_array().unwrap().len(),
            lines[0].split(',').count()
        );
    }

    #[test]
    fn patterns_in_table_schema_dialect() {
        assert_eq!(
            xsd(cdo_model::raw::SLUG_PATTERN),
            "[a-z0-9]([a-z0-9-]*[a-z0-9])?"
        );
        assert!(!xsd(&cdo_model::raw::date_pattern()).contains("(?:"));
    }

    #[test]
    fn a_licence_without_its_catalogue_names_is_refused_not_guessed() {
        let mut d = dataset();
        assert_eq!(licence(&d).unwrap().id, "CC-BY-4.0");
        d.licence = "CC BY-SA 4.0".into();
        assert!(licence(&d).unwrap_err().contains("no entry"));
    }

    #[test]
    fn the_release_is_the_changelogs_newest_entry_at_the_datasets_version() {
        let d = dataset();
        let text = include_str!("../../public/data/cdo-atlas.changelog.json");
        let changes = cdo_model::parse_changelog(text, PartialDate::ymd(2026, 12, 5)).unwrap();
        let (version, date) = release(&d, &changes).unwrap();
        assert_eq!(version, "1.0.0");
        assert_eq!(date, PartialDate::ymd(2026, 12, 5));
        assert!(
            release(&d, &changes[1..]).is_err(),
            "an entry without a version"
        );
        assert!(release(&d, &[]).is_err());
    }
}
