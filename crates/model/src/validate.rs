//! The one boundary where untrusted JSON becomes domain types.
//!
//! The file is parsed once into a `serde_json::Value`; each entity is then walked by hand with a
//! path-aware [`Checker`] instead of a serde derive. That gives every problem its exact field
//! path (`holders[0].since`) and costs a fraction of the wasm size of derived deserialisers
//! (measured: serde derive + serde_path_to_error added ~38 KB gzip to the app).
//!
//! Validation is per entry: a malformed entity is reported as a [`Rejection`] naming the entry
//! and every offending field, and every good entity is kept. Only a file that is not a dataset at
//! all (not JSON, wrong top-level shape, unsupported schema major version) is a [`DatasetError`].
//! The field names and types walked here are the ones `raw.rs` describes for the JSON Schema.

use std::collections::HashSet;

use serde_json::{Map, Value};

use crate::date::{DateError, PartialDate};
use crate::domain::*;

/// Longest accepted identifier (entity id, source id).
pub const MAX_ID: usize = 64;
/// Longest accepted name or title.
pub const MAX_NAME: usize = 200;
/// Longest accepted free text (context notes, backgrounds).
pub const MAX_TEXT: usize = 2_000;
/// Longest accepted URL.
pub const MAX_URL: usize = 2_048;
/// More people than Germany has (~84 million) is not a city's or a Land's population.
pub const MAX_POPULATION: u64 = 100_000_000;

/// Characters no text of the dataset may hold: C0 and C1 controls (tab and line breaks are
/// allowed) and the bidirectional embeddings, overrides and isolates, which can make a text
/// display differently from what it says. Zero-width characters are allowed (emoji sequences
/// need the joiner); search ignores them (`search::fold`).
fn is_forbidden_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The outcome of loading a dataset file that is a dataset: what was kept and what was not.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub dataset: Dataset,
    pub rejected: Vec<Rejection>,
}

/// The whole file could not be used.
#[derive(Clone, Debug, PartialEq)]
pub enum DatasetError {
    /// The body is empty (or only whitespace).
    Empty,
    /// The body is an HTML page (a proxy's or server's error page), not JSON.
    Html,
    /// Not valid JSON (serde_json's message, with line and column).
    Syntax(String),
    /// JSON, but the top level is not shaped like a dataset.
    Header(Issue),
    /// A `schema_version` whose major version this build cannot read.
    UnsupportedSchema { found: String },
}

/// One dataset entry that was not accepted, with everything wrong with it.
#[derive(Clone, Debug, PartialEq)]
pub struct Rejection {
    /// Position in the file's `entities` array (0-based).
    pub index: usize,
    /// The entry's `id`, if it has a readable one (shortened for display).
    pub id: Option<String>,
    /// The entry's `name`, if it has a readable one (shortened for display).
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

/// JSON value types, for "expected a string, found a number".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JsonType {
    Null,
    Boolean,
    Number,
    String,
    Array,
    Object,
}

impl JsonType {
    pub fn of(value: &Value) -> JsonType {
        match value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// A required field is absent.
    Missing,
    /// The field has the wrong JSON type.
    WrongType {
        expected: JsonType,
        found: JsonType,
    },
    /// A number that is not a whole number where one is required.
    NotAWholeNumber,
    /// A value outside an enumeration; `expected` lists the accepted spellings.
    UnknownValue {
        found: String,
        expected: &'static [&'static str],
    },
    /// `id` is not a lower-case slug (`a-z`, `0-9`, `-`).
    NotASlug,
    /// The same `id` appeared earlier in the file; the first one is kept.
    DuplicateId,
    /// A required text is empty.
    Empty,
    TooLong {
        max: usize,
        len: usize,
    },
    /// `land` is not one of the 16 ISO 3166-2 codes `DE-BW` … `DE-TH`.
    UnknownLand(String),
    OutsideGermany {
        lat: f64,
        lon: f64,
    },
    /// Population must be a positive number of people.
    NotPositive(f64),
    BadDate {
        value: String,
        error: DateError,
    },
    /// The earliest day the date could mean is after today.
    InFuture(PartialDate),
    /// `until` lies before `since`.
    EndsBeforeStart,
    /// A year that is not plausible for the figure (before 1900 or after today).
    ImplausibleYear(i64),
    /// A fact cites a source id that the entry's `sources` does not define.
    DanglingSource(String),
    /// Two sources of the entry share an id.
    DuplicateSource(String),
    /// A link that is not an absolute http(s) URL.
    NotHttpUrl(String),
    /// A fact with no source.
    Unsourced,
    /// A text with a control or bidirectional-override character (it could reorder or hide
    /// what is shown); `code` is the first one found.
    ControlCharacter {
        code: u32,
    },
    /// A number beyond what the field can plausibly hold.
    TooLarge {
        max: u64,
    },
}

/// Parses and validates a dataset file. `today` decides what counts as "in the future".
pub fn parse_dataset(text: &str, today: PartialDate) -> Result<Loaded, DatasetError> {
    // A byte order mark is harmless (editors on Windows write one); JSON parsers refuse it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let start = text.trim_start();
    if start.is_empty() {
        return Err(DatasetError::Empty);
    }
    if start.starts_with('<') {
        return Err(DatasetError::Html);
    }
    let value: Value =
        serde_json::from_str(text).map_err(|e| DatasetError::Syntax(e.to_string()))?;
    let Value::Object(mut top) = value else {
        let problem = Problem::WrongType {
            expected: JsonType::Object,
            found: JsonType::of(&value),
        };
        return Err(DatasetError::Header(Issue {
            field: ".".into(),
            problem,
        }));
    };
    let mut header = Checker::new(today);
    let version = header.string(&top, "", "schema_version", MAX_ID);
    let schema_version = version.as_deref().map(|v| (v, parse_version(v)));
    if let Some((found, version)) = schema_version {
        if version.map(|v| v.major) != Some(SUPPORTED_MAJOR) {
            return Err(DatasetError::UnsupportedSchema {
                found: bounded_echo(found),
            });
        }
    }
    let as_of = header
        .string(&top, "", "as_of", MAX_ID)
        .and_then(|d| header.date("as_of", &d));
    let licence = header.string(&top, "", "licence", MAX_NAME);
    let compiled_by = header.opt_string(&top, "", "compiled_by", MAX_TEXT);
    let entities = match top.remove("entities") {
        Some(Value::Array(entities)) => Some(entities),
        other => {
            header.expect_type(other.as_ref(), "entities", JsonType::Array);
            None
        }
    };
    if let Some(issue) = header.issues.into_iter().next() {
        return Err(DatasetError::Header(issue));
    }
    let (Some(Some(schema_version)), Some(as_of), Some(licence), Some(entities)) =
        (schema_version.map(|(_, v)| v), as_of, licence, entities)
    else {
        unreachable!("every missing header field was reported as an issue")
    };

    let mut seen = HashSet::new();
    let mut kept = Vec::with_capacity(entities.len());
    let mut rejected = Vec::new();
    for (index, value) in entities.iter().enumerate() {
        let id = value.get("id").and_then(Value::as_str);
        let outcome = match id {
            Some(id) if seen.contains(id) => Err(vec![Issue {
                field: "id".into(),
                problem: Problem::DuplicateId,
            }]),
            _ => validate_entity(value, today),
        };
        match outcome {
            Ok(entity) => {
                seen.insert(entity.id.clone());
                kept.push(entity);
            }
            Err(issues) => rejected.push(Rejection {
                index,
                id: id.map(bounded_echo),
                name: value.get("name").and_then(Value::as_str).map(bounded_echo),
                issues,
            }),
        }
    }
    Ok(Loaded {
        dataset: Dataset {
            schema_version,
            as_of,
            licence,
            compiled_by,
            entities: kept,
        },
        rejected,
    })
}

fn parse_version(s: &str) -> Option<SchemaVersion> {
    let (major, minor) = s.split_once('.')?;
    Some(SchemaVersion {
        major: major.parse().ok()?,
        minor: minor.parse().ok()?,
    })
}

fn validate_entity(value: &Value, today: PartialDate) -> Result<Entity, Vec<Issue>> {
    let mut c = Checker::new(today);
    let entity = match value {
        Value::Object(obj) => c.entity(obj),
        other => {
            c.expect_type(Some(other), ".", JsonType::Object);
            None
        }
    };
    match entity {
        Some(entity) if c.issues.is_empty() => Ok(entity),
        _ => Err(c.issues),
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// Walks one entry, collecting every issue while building its domain value. Accessors return
/// `None` when the field is unusable (and have reported why).
struct Checker {
    issues: Vec<Issue>,
    today: PartialDate,
    source_ids: HashSet<String>,
    /// Whether the entry has a `sources` array at all (else citations are not checked).
    sources_usable: bool,
}

impl Checker {
    fn new(today: PartialDate) -> Self {
        Self {
            issues: Vec::new(),
            today,
            source_ids: HashSet::new(),
            sources_usable: true,
        }
    }

    fn report(&mut self, field: impl Into<String>, problem: Problem) {
        self.issues.push(Issue {
            field: field.into(),
            problem,
        });
    }

    // ---- Generic accessors -------------------------------------------------------------

    /// Reports a missing or wrongly typed value; true if `value` has the expected type.
    fn expect_type(&mut self, value: Option<&Value>, field: &str, expected: JsonType) -> bool {
        match value {
            None => {
                self.report(field, Problem::Missing);
                false
            }
            Some(v) if JsonType::of(v) == expected => true,
            Some(v) => {
                self.report(
                    field,
                    Problem::WrongType {
                        expected,
                        found: JsonType::of(v),
                    },
                );
                false
            }
        }
    }

    fn object<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Map<String, Value>> {
        let field = join(path, key);
        let value = obj.get(key);
        self.expect_type(value, &field, JsonType::Object)
            .then(|| value?.as_object())
            .flatten()
    }

    /// An object that may be `null` or absent.
    fn opt_object<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Map<String, Value>> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(_) => self.object(obj, path, key),
        }
    }

    /// An array that may be absent (then empty).
    fn array<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        path: &str,
        key: &str,
        required: bool,
    ) -> &'v [Value] {
        match obj.get(key) {
            None if !required => &[],
            value => {
                let field = join(path, key);
                if self.expect_type(value, &field, JsonType::Array) {
                    value.and_then(Value::as_array).map_or(&[], Vec::as_slice)
                } else {
                    &[]
                }
            }
        }
    }

    /// A present, string-typed field (reported otherwise), with its path.
    fn str_field<'v>(
        &mut self,
        obj: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<(String, &'v str)> {
        let field = join(path, key);
        let value = obj.get(key);
        if !self.expect_type(value, &field, JsonType::String) {
            return None;
        }
        Some((field, value?.as_str()?))
    }

    /// A required, non-blank string of at most `max` characters.
    fn string(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        key: &str,
        max: usize,
    ) -> Option<String> {
        let (field, s) = self.str_field(obj, path, key)?;
        if s.trim().is_empty() {
            self.report(field, Problem::Empty);
            return None;
        }
        if !self.bounded(&field, s, max) {
            return None;
        }
        if let Some(c) = s.chars().find(|&c| is_forbidden_char(c)) {
            self.report(field, Problem::ControlCharacter { code: u32::from(c) });
            return None;
        }
        Some(s.to_owned())
    }

    /// A string that may be `null` or absent.
    fn opt_string(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        key: &str,
        max: usize,
    ) -> Option<String> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(_) => self.string(obj, path, key, max),
        }
    }

    fn number(&mut self, obj: &Map<String, Value>, path: &str, key: &str) -> Option<f64> {
        let value = obj.get(key);
        self.expect_type(value, &join(path, key), JsonType::Number)
            .then(|| value?.as_f64())
            .flatten()
    }

    fn whole_number(&mut self, obj: &Map<String, Value>, path: &str, key: &str) -> Option<i64> {
        let n = self.number(obj, path, key)?;
        match obj.get(key).and_then(Value::as_i64) {
            Some(i) => Some(i),
            None if n.fract() != 0.0 => {
                self.report(join(path, key), Problem::NotAWholeNumber);
                None
            }
            // Written as a float (`2023.0`, `1e3`) but whole and exactly representable.
            None if n.abs() < 9.0e15 => Some(n as i64),
            // A whole number beyond i64: keep its sign so range checks still reject it.
            None => Some(if n < 0.0 { i64::MIN } else { i64::MAX }),
        }
    }

    fn enumerated<T: Copy>(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        key: &str,
        parse: fn(&str) -> Option<T>,
        wire: &'static [&'static str],
    ) -> Option<T> {
        let (field, s) = self.str_field(obj, path, key)?;
        let parsed = parse(s);
        if parsed.is_none() {
            self.report(
                field,
                Problem::UnknownValue {
                    found: bounded_echo(s),
                    expected: wire,
                },
            );
        }
        parsed
    }

    fn bounded(&mut self, field: &str, value: &str, max: usize) -> bool {
        let len = value.chars().count();
        if len > max {
            self.report(field, Problem::TooLong { max, len });
        }
        len <= max
    }

    fn date(&mut self, field: &str, value: &str) -> Option<PartialDate> {
        match PartialDate::parse(value) {
            Ok(date) if date.is_after(&self.today) => {
                self.report(field, Problem::InFuture(date));
                None
            }
            Ok(date) => Some(date),
            Err(error) => {
                self.report(
                    field,
                    Problem::BadDate {
                        value: bounded_echo(value),
                        error,
                    },
                );
                None
            }
        }
    }

    fn opt_date(&mut self, obj: &Map<String, Value>, path: &str, key: &str) -> Option<PartialDate> {
        let s = self.opt_string(obj, path, key, MAX_ID)?;
        self.date(&join(path, key), &s)
    }

    fn url(&mut self, obj: &Map<String, Value>, path: &str, key: &str) -> Option<HttpUrl> {
        let s = self.string(obj, path, key, MAX_URL)?;
        let url = HttpUrl::parse(&s);
        if url.is_none() {
            self.report(join(path, key), Problem::NotHttpUrl(bounded_echo(&s)));
        }
        url
    }

    /// The `sources` list of a fact: non-empty, each id defined by the entry.
    fn cites(&mut self, obj: &Map<String, Value>, path: &str) -> Vec<String> {
        let field = join(path, "sources");
        let ids = self.array(obj, path, "sources", true);
        let mut out = Vec::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            match id.as_str() {
                Some(id) if self.source_ids.contains(id) => out.push(id.to_owned()),
                // Without a usable `sources` list (reported once) every citation would dangle.
                Some(_) if !self.sources_usable => {}
                Some(id) => self.report(field.clone(), Problem::DanglingSource(bounded_echo(id))),
                None => self.report(
                    format!("{field}[{i}]"),
                    Problem::WrongType {
                        expected: JsonType::String,
                        found: JsonType::of(id),
                    },
                ),
            }
        }
        if ids.is_empty() && obj.contains_key("sources") {
            self.report(field, Problem::Unsourced);
        }
        out
    }

    fn localized(&mut self, obj: &Map<String, Value>, path: &str, max: usize) -> Option<Localized> {
        let de = self.string(obj, path, "de", max);
        let en = self.string(obj, path, "en", max);
        Some(Localized { de: de?, en: en? })
    }

    fn opt_localized(
        &mut self,
        obj: &Map<String, Value>,
        path: &str,
        key: &str,
        max: usize,
    ) -> Option<Localized> {
        let inner = self.opt_object(obj, path, key)?;
        self.localized(inner, &join(path, key), max)
    }

    // ---- The entity ----------------------------------------------------------------------

    fn entity(&mut self, obj: &Map<String, Value>) -> Option<Entity> {
        // Sources first: every fact below is checked against their ids.
        let sources: Vec<Source> = self
            .array(obj, "", "sources", true)
            .iter()
            .enumerate()
            .filter_map(|(i, s)| self.source(s, &format!("sources[{i}]")))
            .collect();
        if sources.is_empty() && matches!(obj.get("sources"), Some(Value::Array(_))) {
            self.report("sources", Problem::Unsourced);
        }
        self.sources_usable = matches!(obj.get("sources"), Some(Value::Array(_)));
        let id = self.slug(obj);
        let name = self.string(obj, "", "name", MAX_NAME);
        let kind = self.enumerated(obj, "", "kind", Kind::from_wire, Kind::WIRE);
        let land = self.string(obj, "", "land", MAX_ID).and_then(|code| {
            let land = Land::from_code(&code);
            if land.is_none() {
                self.report("land", Problem::UnknownLand(bounded_echo(&code)));
            }
            land
        });
        let coordinates = self.coordinates(obj);
        let population = self
            .opt_object(obj, "", "population")
            .and_then(|p| self.population(p));
        let office = self.object(obj, "", "office").and_then(|o| self.office(o));
        let established = self.opt_object(obj, "", "established").and_then(|d| {
            let date = self
                .string(d, "established", "date", MAX_ID)
                .and_then(|s| self.date("established.date", &s));
            let sources = self.cites(d, "established");
            Some(Dated {
                date: date?,
                sources,
            })
        });
        let holders = self
            .array(obj, "", "holders", false)
            .iter()
            .enumerate()
            .filter_map(|(i, h)| self.holder(h, &format!("holders[{i}]")))
            .collect();
        let reporting_line = self
            .opt_object(obj, "", "reporting_line")
            .and_then(|t| self.sourced_text(t, "reporting_line"));
        let context = self
            .array(obj, "", "context", false)
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let path = format!("context[{i}]");
                let t = self.as_object(t, &path)?;
                self.sourced_text(t, &path)
            })
            .collect();
        let interview = self
            .opt_object(obj, "", "interview")
            .and_then(|i| self.interview(i));
        Some(Entity {
            id: id?,
            name: name?,
            kind: kind?,
            land: land?,
            coordinates: coordinates?,
            population,
            office: office?,
            established,
            holders,
            reporting_line,
            context,
            interview,
            sources,
        })
    }

    fn as_object<'v>(&mut self, value: &'v Value, path: &str) -> Option<&'v Map<String, Value>> {
        self.expect_type(Some(value), path, JsonType::Object)
            .then(|| value.as_object())
            .flatten()
    }

    fn slug(&mut self, obj: &Map<String, Value>) -> Option<String> {
        let id = self.string(obj, "", "id", MAX_ID)?;
        let is_slug = id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !id.starts_with('-')
            && !id.ends_with('-');
        if !is_slug {
            self.report("id", Problem::NotASlug);
        }
        is_slug.then_some(id)
    }

    fn coordinates(&mut self, obj: &Map<String, Value>) -> Option<Coordinates> {
        let c = self.object(obj, "", "coordinates")?;
        let (lat, lon) = (
            self.number(c, "coordinates", "lat"),
            self.number(c, "coordinates", "lon"),
        );
        let coordinates = Coordinates {
            lat: lat?,
            lon: lon?,
        };
        if !coordinates.in_germany() {
            self.report(
                "coordinates",
                Problem::OutsideGermany {
                    lat: coordinates.lat,
                    lon: coordinates.lon,
                },
            );
            return None;
        }
        Some(coordinates)
    }

    fn source(&mut self, value: &Value, path: &str) -> Option<Source> {
        let obj = self.as_object(value, path)?;
        let id = self.string(obj, path, "id", MAX_ID);
        if let Some(id) = &id {
            if !self.source_ids.insert(id.clone()) {
                self.report(join(path, "id"), Problem::DuplicateSource(bounded_echo(id)));
            }
        }
        let url = self.url(obj, path, "url");
        let title = self.opt_string(obj, path, "title", MAX_NAME);
        let publisher = self.opt_string(obj, path, "publisher", MAX_NAME);
        let date = self.opt_date(obj, path, "date");
        Some(Source {
            id: id?,
            url: url?,
            title,
            publisher,
            date,
        })
    }

    fn population(&mut self, obj: &Map<String, Value>) -> Option<Population> {
        let value = self.number(obj, "population", "value");
        if let Some(v) = value {
            if v <= 0.0 || v.fract() != 0.0 {
                self.report("population.value", Problem::NotPositive(v));
            } else if v > MAX_POPULATION as f64 {
                self.report(
                    "population.value",
                    Problem::TooLarge {
                        max: MAX_POPULATION,
                    },
                );
            }
        }
        let year = self.whole_number(obj, "population", "year");
        if let Some(y) = year {
            if y < 1900 || y > i64::from(self.today.year) {
                self.report("population.year", Problem::ImplausibleYear(y));
            }
        }
        let sources = self.cites(obj, "population");
        Some(Population {
            value: value? as u64,
            year: u16::try_from(year?).ok()?,
            sources,
        })
    }

    fn office(&mut self, obj: &Map<String, Value>) -> Option<Office> {
        let title = self.string(obj, "office", "title", MAX_NAME);
        let origin = match obj.get("origin") {
            None | Some(Value::Null) => None,
            Some(_) => {
                Some(self.enumerated(obj, "office", "origin", Origin::from_wire, Origin::WIRE)?)
            }
        };
        let form = self.enumerated(obj, "office", "form", Form::from_wire, Form::WIRE);
        let sources = self.cites(obj, "office");
        Some(Office {
            title: title?,
            origin,
            form: form?,
            sources,
        })
    }

    fn holder(&mut self, value: &Value, path: &str) -> Option<Holder> {
        let obj = self.as_object(value, path)?;
        let name = self.string(obj, path, "name", MAX_NAME);
        let role = self.opt_localized(obj, path, "role", MAX_NAME);
        let since = self.opt_date(obj, path, "since");
        let until = self.opt_date(obj, path, "until");
        if let (Some(s), Some(u)) = (since, until) {
            if u.chronological(&s).is_lt() {
                self.report(join(path, "until"), Problem::EndsBeforeStart);
            }
        }
        let background = self.opt_localized(obj, path, "background", MAX_TEXT);
        let sources = self.cites(obj, path);
        Some(Holder {
            name: name?,
            role,
            since,
            until,
            background,
            sources,
        })
    }

    fn sourced_text(&mut self, obj: &Map<String, Value>, path: &str) -> Option<Text> {
        let text = self.localized(obj, path, MAX_TEXT);
        let sources = self.cites(obj, path);
        Some(Text {
            text: text?,
            sources,
        })
    }

    fn interview(&mut self, obj: &Map<String, Value>) -> Option<Interview> {
        let url = self.url(obj, "interview", "url");
        let title = self.opt_string(obj, "interview", "title", MAX_NAME);
        let interviewee = self.opt_string(obj, "interview", "interviewee", MAX_NAME);
        let date = self.opt_date(obj, "interview", "date");
        let answers = match self.opt_object(obj, "interview", "answers") {
            Some(a) => {
                let path = "interview.answers";
                Answers {
                    reasons: self.opt_localized(a, path, "reasons", MAX_TEXT),
                    expectations: self.opt_localized(a, path, "expectations", MAX_TEXT),
                    goals: self.opt_localized(a, path, "goals", MAX_TEXT),
                    measurement: self.opt_localized(a, path, "measurement", MAX_TEXT),
                }
            }
            None => Answers::default(),
        };
        Some(Interview {
            url: url?,
            title,
            interviewee,
            date,
            answers,
        })
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
