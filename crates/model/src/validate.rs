//! The one boundary where untrusted JSON becomes domain types.
//!
//! Validation is per entry: a malformed entity is reported as a [`Rejection`] naming the entry
//! and every offending field, and every good entity is kept. Only a file that is not a dataset at
//! all (not JSON, wrong top-level shape, unsupported schema major version) is a [`DatasetError`].

use std::collections::HashSet;

use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::date::{DateError, PartialDate};
use crate::domain::*;
use crate::raw::*;

/// Longest accepted identifier (entity id, source id).
pub const MAX_ID: usize = 64;
/// Longest accepted name or title.
pub const MAX_NAME: usize = 200;
/// Longest accepted free text (context notes, backgrounds).
pub const MAX_TEXT: usize = 2_000;
/// Longest accepted URL.
pub const MAX_URL: usize = 2_048;

/// The outcome of loading a dataset file that is a dataset: what was kept and what was not.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub rejected: Vec<Rejection>,
}

/// The whole file could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatasetError {
    /// Not valid JSON (serde_json's message, with line and column).
    Syntax(String),
    /// JSON, but not shaped like a dataset; `path` names the offending field.
    Shape { path: String, message: String },
    /// A `schema_version` whose major version this build cannot read.
    UnsupportedSchema { found: String },
    /// The header's `as_of` is not a valid date.
    BadAsOf(String),
}

/// One dataset entry that was not accepted, with everything wrong with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejection {
    /// Position in the file's `entities` array (0-based).
    pub index: usize,
    /// The entry's `id`, if it has a readable one.
    pub id: Option<String>,
    /// The entry's `name`, if it has a readable one.
    pub name: Option<String>,
    pub issues: Vec<Issue>,
}

/// A field of an entry and what is wrong with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// Path inside the entry, e.g. `holders[0].since`; `.` for the entry itself.
    pub field: String,
    pub problem: Problem,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Wrong JSON type, missing field or unknown enum value (serde's own words).
    Shape(String),
    /// `id` is not a lower-case slug (`a-z`, `0-9`, `-`).
    NotASlug,
    /// The same `id` appeared earlier in the file; the first one is kept.
    DuplicateId,
    /// A required text is empty.
    Empty,
    TooLong { max: usize, len: usize },
    /// `land` is not one of the 16 ISO 3166-2 codes `DE-BW` … `DE-TH`.
    UnknownLand(String),
    OutsideGermany { lat: f64, lon: f64 },
    /// Population must be a positive number of people.
    NotPositive(i64),
    BadDate { value: String, error: DateError },
    /// The earliest day the date could mean is after today.
    InFuture(PartialDate),
    /// `until` lies before `since`.
    EndsBeforeStart,
    /// A year that is not plausible for the figure (before 1900 or after today).
    ImplausibleYear(u16),
    /// A fact cites a source id that the entry's `sources` does not define.
    DanglingSource(String),
    /// Two sources of the entry share an id.
    DuplicateSource(String),
    /// A link that is not an absolute http(s) URL.
    NotHttpUrl(String),
    /// A fact with no source.
    Unsourced,
}

/// Parses and validates a dataset file. `today` decides what counts as "in the future".
pub fn parse_dataset(text: &str, today: PartialDate) -> Result<Loaded, DatasetError> {
    let value: Value = serde_json::from_str(text).map_err(|e| DatasetError::Syntax(e.to_string()))?;
    check_schema_version(&value)?;
    let raw: RawDataset = deserialize(value).map_err(|(path, message)| DatasetError::Shape { path, message })?;
    let as_of = PartialDate::parse(&raw.as_of).map_err(|_| DatasetError::BadAsOf(raw.as_of.clone()))?;
    let schema_version = parse_version(&raw.schema_version).expect("checked by check_schema_version");

    let mut seen = HashSet::new();
    let mut entities = Vec::with_capacity(raw.entities.len());
    let mut rejected = Vec::new();
    for (index, value) in raw.entities.into_iter().enumerate() {
        let id = value.get("id").and_then(Value::as_str);
        let outcome = if id.is_some_and(|id| seen.contains(id)) {
            Err(vec![Issue { field: "id".into(), problem: Problem::DuplicateId }])
        } else {
            validate_entity(&value, today)
        };
        let id = id.map(bounded_echo);
        let name = value.get("name").and_then(Value::as_str).map(bounded_echo);
        match outcome {
            Ok(entity) => {
                seen.insert(entity.id.clone());
                entities.push(entity);
            }
            Err(issues) => rejected.push(Rejection { index, id, name, issues }),
        }
    }
    Ok(Loaded {
        dataset: Dataset {
            schema_version,
            as_of,
            licence: raw.licence,
            compiled_by: raw.compiled_by,
            entities,
        },
        rejected,
    })
}

fn check_schema_version(value: &Value) -> Result<(), DatasetError> {
    let Some(object) = value.as_object() else {
        return Err(DatasetError::Shape {
            path: ".".into(),
            message: format!("expected a JSON object, found {}", json_type(value)),
        });
    };
    let found = match object.get("schema_version") {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => {
            return Err(DatasetError::Shape {
                path: "schema_version".into(),
                message: "missing field `schema_version`".into(),
            })
        }
    };
    match parse_version(&found) {
        Some(v) if v.major == SUPPORTED_MAJOR => Ok(()),
        _ => Err(DatasetError::UnsupportedSchema { found }),
    }
}

fn parse_version(s: &str) -> Option<SchemaVersion> {
    let (major, minor) = s.split_once('.')?;
    Some(SchemaVersion { major: major.parse().ok()?, minor: minor.parse().ok()? })
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Deserialises with the path of the first offending field, e.g. `holders[0].since`.
fn deserialize<T: DeserializeOwned>(value: Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        (path, e.into_inner().to_string())
    })
}

fn validate_entity(value: &Value, today: PartialDate) -> Result<Entity, Vec<Issue>> {
    if !value.is_object() {
        let problem = Problem::Shape(format!("expected an object, found {}", json_type(&value)));
        return Err(vec![Issue { field: ".".into(), problem }]);
    }
    let raw: RawEntity = deserialize(value.clone()).map_err(|(field, message)| vec![Issue { field, problem: Problem::Shape(message) }])?;
    let mut c = Checker { issues: Vec::new(), today, source_ids: HashSet::new() };
    let entity = c.entity(raw);
    if c.issues.is_empty() {
        Ok(entity)
    } else {
        Err(c.issues)
    }
}

/// Collects every issue of one entry while building its domain value.
struct Checker {
    issues: Vec<Issue>,
    today: PartialDate,
    source_ids: HashSet<String>,
}

impl Checker {
    fn report(&mut self, field: impl Into<String>, problem: Problem) {
        self.issues.push(Issue { field: field.into(), problem });
    }

    fn entity(&mut self, raw: RawEntity) -> Entity {
        // Sources first: every fact below is checked against their ids.
        let sources = raw.sources.into_iter().enumerate().filter_map(|(i, s)| self.source(i, s)).collect::<Vec<_>>();
        if sources.is_empty() {
            self.report("sources", Problem::Unsourced);
        }
        let id = self.slug("id", raw.id);
        let name = self.text("name", raw.name, MAX_NAME);
        let land = Land::from_code(&raw.land).unwrap_or_else(|| {
            self.report("land", Problem::UnknownLand(raw.land.clone()));
            Land::BE
        });
        let coordinates = Coordinates { lat: raw.coordinates.lat, lon: raw.coordinates.lon };
        if !coordinates.in_germany() {
            self.report("coordinates", Problem::OutsideGermany { lat: coordinates.lat, lon: coordinates.lon });
        }
        let population = raw.population.map(|p| self.population(p));
        let office = self.office(raw.office);
        let established = raw.established.map(|d| self.dated("established", d));
        let holders = raw.holders.into_iter().enumerate().map(|(i, h)| self.holder(&format!("holders[{i}]"), h)).collect();
        let reporting_line = raw.reporting_line.map(|t| self.sourced_text("reporting_line", t));
        let context = raw.context.into_iter().enumerate().map(|(i, t)| self.sourced_text(&format!("context[{i}]"), t)).collect();
        let interview = raw.interview.map(|i| self.interview(i));
        Entity {
            id,
            name,
            kind: raw.kind,
            land,
            coordinates,
            population,
            office,
            established,
            holders,
            reporting_line,
            context,
            interview,
            sources,
        }
    }

    fn source(&mut self, index: usize, raw: RawSource) -> Option<Source> {
        let field = format!("sources[{index}]");
        let id = self.bounded(&format!("{field}.id"), raw.id, MAX_ID);
        if !self.source_ids.insert(id.clone()) {
            self.report(format!("{field}.id"), Problem::DuplicateSource(id.clone()));
        }
        let url = self.url(&format!("{field}.url"), &raw.url)?;
        Some(Source {
            id,
            url,
            title: raw.title.map(|t| self.text(&format!("{field}.title"), t, MAX_NAME)),
            publisher: raw.publisher.map(|p| self.text(&format!("{field}.publisher"), p, MAX_NAME)),
            date: raw.date.and_then(|d| self.date(&format!("{field}.date"), &d)),
        })
    }

    fn population(&mut self, raw: RawPopulation) -> Population {
        if raw.value <= 0 {
            self.report("population.value", Problem::NotPositive(raw.value));
        }
        if raw.year < 1900 || raw.year > self.today.year {
            self.report("population.year", Problem::ImplausibleYear(raw.year));
        }
        let sources = self.cites("population.sources", raw.sources);
        Population { value: raw.value.max(0) as u64, year: raw.year, sources }
    }

    fn office(&mut self, raw: RawOffice) -> Office {
        Office {
            title: self.text("office.title", raw.title, MAX_NAME),
            origin: raw.origin,
            form: raw.form,
            sources: self.cites("office.sources", raw.sources),
        }
    }

    fn dated(&mut self, field: &str, raw: RawDated) -> Dated {
        let date = self.date(&format!("{field}.date"), &raw.date).unwrap_or(PartialDate::ymd(1900, 1, 1));
        Dated { date, sources: self.cites(&format!("{field}.sources"), raw.sources) }
    }

    fn holder(&mut self, field: &str, raw: RawHolder) -> Holder {
        let since = raw.since.and_then(|d| self.date(&format!("{field}.since"), &d));
        let until = raw.until.and_then(|d| self.date(&format!("{field}.until"), &d));
        if let (Some(s), Some(u)) = (since, until) {
            if u.chronological(&s).is_lt() {
                self.report(format!("{field}.until"), Problem::EndsBeforeStart);
            }
        }
        Holder {
            name: self.text(&format!("{field}.name"), raw.name, MAX_NAME),
            role: raw.role.map(|r| self.localized(&format!("{field}.role"), r, MAX_NAME)),
            since,
            until,
            background: raw.background.map(|b| self.localized(&format!("{field}.background"), b, MAX_TEXT)),
            sources: self.cites(&format!("{field}.sources"), raw.sources),
        }
    }

    fn sourced_text(&mut self, field: &str, raw: RawText) -> Text {
        let text = self.localized(field, RawLocalized { de: raw.de, en: raw.en }, MAX_TEXT);
        Text { text, sources: self.cites(&format!("{field}.sources"), raw.sources) }
    }

    fn interview(&mut self, raw: RawInterview) -> Interview {
        let url = self.url("interview.url", &raw.url);
        Interview {
            url: url.unwrap_or_else(|| HttpUrl::parse("https://invalid.invalid").expect("valid literal")),
            title: raw.title.map(|t| self.text("interview.title", t, MAX_NAME)),
            interviewee: raw.interviewee.map(|t| self.text("interview.interviewee", t, MAX_NAME)),
            date: raw.date.and_then(|d| self.date("interview.date", &d)),
        }
    }

    fn localized(&mut self, field: &str, raw: RawLocalized, max: usize) -> Localized {
        Localized {
            de: self.text(&format!("{field}.de"), raw.de, max),
            en: self.text(&format!("{field}.en"), raw.en, max),
        }
    }

    /// A list of source ids a fact cites: non-empty, each defined by the entry.
    fn cites(&mut self, field: &str, ids: Vec<String>) -> Vec<String> {
        if ids.is_empty() {
            self.report(field, Problem::Unsourced);
        }
        for id in &ids {
            if !self.source_ids.contains(id) {
                self.report(field, Problem::DanglingSource(bounded_echo(id)));
            }
        }
        ids
    }

    fn slug(&mut self, field: &str, value: String) -> String {
        let value = self.bounded(field, value, MAX_ID);
        let is_slug = !value.is_empty()
            && value.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !value.starts_with('-')
            && !value.ends_with('-');
        if !is_slug {
            self.report(field, Problem::NotASlug);
        }
        value
    }

    /// A required, non-blank text of at most `max` characters.
    fn text(&mut self, field: &str, value: String, max: usize) -> String {
        if value.trim().is_empty() {
            self.report(field, Problem::Empty);
        }
        self.bounded(field, value, max)
    }

    fn bounded(&mut self, field: &str, value: String, max: usize) -> String {
        let len = value.chars().count();
        if len > max {
            self.report(field, Problem::TooLong { max, len });
        }
        value
    }

    fn date(&mut self, field: &str, value: &str) -> Option<PartialDate> {
        match PartialDate::parse(value) {
            Ok(date) if date.is_after(&self.today) => {
                self.report(field, Problem::InFuture(date));
                None
            }
            Ok(date) => Some(date),
            Err(error) => {
                self.report(field, Problem::BadDate { value: bounded_echo(value), error });
                None
            }
        }
    }

    fn url(&mut self, field: &str, value: &str) -> Option<HttpUrl> {
        if value.chars().count() > MAX_URL {
            self.report(field, Problem::TooLong { max: MAX_URL, len: value.chars().count() });
            return None;
        }
        let url = HttpUrl::parse(value);
        if url.is_none() {
            self.report(field, Problem::NotHttpUrl(bounded_echo(value)));
        }
        url
    }
}

/// Bad values are echoed back in messages; keep the echo short whatever the input.
fn bounded_echo(value: &str) -> String {
    const MAX_ECHO: usize = 80;
    if value.chars().count() <= MAX_ECHO {
        value.to_owned()
    } else {
        value.chars().take(MAX_ECHO).chain(['…']).collect()
    }
}
