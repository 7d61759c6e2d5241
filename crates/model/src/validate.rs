//! The one boundary where untrusted JSON becomes domain types.
//!
//! The file is parsed once into a borrowed JSON tree (`serde_json_borrow::Value`: strings point
//! into the input, objects are small vectors, so the tree costs few allocations); each entity is
//! then walked by hand with a path-aware [`Checker`] instead of a serde derive. That gives every
//! problem its exact field path (`holders[0].since`) and costs a fraction of the wasm size of
//! derived deserialisers (measured: serde derive + serde_path_to_error added ~38 KB gzip to the
//! app). Paths are only spelled out when a problem is reported ([`At`]), and each text is scanned
//! once for length and forbidden characters: a valid file allocates little beyond the domain
//! values it becomes (10,000 entities: see docs/PERFORMANCE.md, "Benchmarks").
//!
//! Validation is per entry: a malformed entity is reported as a [`Rejection`] naming the entry
//! and every offending field, and every good entity is kept. Only a file that is not a dataset at
//! all (not JSON, wrong top-level shape, unsupported schema major version) is a [`DatasetError`].
//! The field names and types walked here are the ones `raw.rs` describes for the JSON Schema.

use std::collections::HashSet;

use serde_json_borrow::{Map, Value};

use crate::date::{DateError, PartialDate};
use crate::domain::*;
use crate::index::{Column, HOLDER_VALUES, INDEX_SCHEMA, PERIOD_VALUES};

/// Longest accepted identifier (entity id, source id).
pub const MAX_ID: usize = 64;
/// Longest accepted name or title.
pub const MAX_NAME: usize = 200;
/// Longest accepted free text (context notes, backgrounds).
pub const MAX_TEXT: usize = 2_000;
/// Longest accepted search text of an index entry, in bytes (the dataset's limits allow each
/// entity's holders' names and context notes to add up to much more; the index is written from
/// the dataset, so this only bounds what a tampered index can make the app hold).
pub const MAX_SEARCH: usize = 200_000;
/// Longest accepted URL.
pub const MAX_URL: usize = 2_048;
/// More people than Germany has (~84 million) is not a city's or a Land's population.
pub const MAX_POPULATION: u64 = 100_000_000;

/// Characters no text of the dataset may hold: C0 and C1 controls (tab and line breaks are
/// allowed) and the bidirectional embeddings, overrides and isolates, which can make a text
/// display differently from what it says. Zero-width characters are allowed (emoji sequences
/// need the joiner); search ignores them (`search::fold`).
pub fn is_forbidden_char(c: char) -> bool {
    matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// [`is_forbidden_char`]'s characters as ranges, for the JSON Schema's patterns (`raw.rs`); a
/// test checks that both say the same of every character.
pub const FORBIDDEN_CHARS: [(char, char); 6] = [
    ('\u{0}', '\u{8}'),
    ('\u{b}', '\u{c}'),
    ('\u{e}', '\u{1f}'),
    ('\u{7f}', '\u{9f}'),
    ('\u{202a}', '\u{202e}'),
    ('\u{2066}', '\u{2069}'),
];

/// Whether `id` is a slug: lower-case ASCII letters, digits and `-`, not first or last (the
/// length is checked apart).
pub fn is_slug(id: &str) -> bool {
    id.bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}

/// The outcome of loading a dataset file (or its index, `Loaded<Summary>`) that is one: what
/// was kept and what was not.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<E = Entity> {
    pub dataset: Dataset<E>,
    pub rejected: Vec<Rejection>,
}

impl Loaded {
    /// What the index of this dataset would hold: the kept entities' summaries, and the same
    /// rejections (the app's stand-in when the index is not available).
    pub fn summaries(&self) -> Loaded<Summary> {
        Loaded {
            dataset: self.dataset.summaries(),
            rejected: self.rejected.clone(),
        }
    }
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
    fn of(value: &Value) -> JsonType {
        match value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(_) => JsonType::Number,
            Value::Str(_) => JsonType::String,
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
    /// `ags` is not an Amtlicher Gemeindeschlüssel (8 digits).
    NotAgs(String),
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
    /// A column of the index is not as long as the first (`id`).
    ColumnLength {
        expected: usize,
        found: usize,
    },
    /// A number beyond what the field can plausibly hold.
    TooLarge {
        max: u64,
    },
    /// Not a data version, `MAJOR.MINOR.PATCH`.
    NotAVersion(String),
}

/// Parses and validates a dataset file. `today` decides what counts as "in the future".
pub fn parse_dataset(text: &str, today: PartialDate) -> Result<Loaded, DatasetError> {
    let value = parse_json(text)?;
    let (header, entities) = read_header(
        &value,
        today,
        &SUPPORTED_MAJORS,
        "entities",
        JsonType::Array,
    )?;
    let major = header.schema_version.major;
    let entities: &[Value] = entities.as_array().map_or(&[], |a| a);
    let field = |i: usize, key: &str| {
        entities[i]
            .as_object()
            .and_then(|o| o.get(key))
            .and_then(Value::as_str)
    };
    let (kept, rejected) = collect(
        entities.len(),
        |i| field(i, "id"),
        |i| field(i, "name"),
        |i| {
            checked(today, |c| match &entities[i] {
                Value::Object(obj) => c.entity(obj, major),
                other => {
                    c.expect_type(Some(other), At::Entry, JsonType::Object);
                    None
                }
            })
        },
    );
    Ok(header.with(kept, rejected))
}

/// Parses and validates a dataset's index (`cdo-atlas.index.json`, see [`crate::index`]): the
/// same header, and the summaries as columns of equal length. A column that is missing, not an
/// array or of another length makes the file unusable; a bad value rejects its entry only.
pub fn parse_index(text: &str, today: PartialDate) -> Result<Loaded<Summary>, DatasetError> {
    let value = parse_json(text)?;
    let majors = [INDEX_SCHEMA.major];
    let (header, columns) = read_header(&value, today, &majors, "columns", JsonType::Object)?;
    let minor = header.schema_version.minor;
    let columns = columns.as_object().expect("checked to be an object");
    let at = At::Entry.key("columns");
    let mut table: [Option<&[Value]>; Column::ALL.len()] = [None; Column::ALL.len()];
    let mut rows = None;
    for (k, column) in Column::ALL.into_iter().enumerate() {
        let key = column.key();
        let values = match columns.get(key) {
            Some(Value::Array(values)) => values.as_slice(),
            // Newer than the file: every value of it is `null`.
            None if column.since_minor() > minor => continue,
            other => {
                let mut c = Checker::new(today);
                c.expect_type(other, at.key(key), JsonType::Array);
                return Err(DatasetError::Header(c.issues.remove(0)));
            }
        };
        let expected = *rows.get_or_insert(values.len());
        if values.len() != expected {
            let field = at.key(key).field();
            let problem = Problem::ColumnLength {
                expected,
                found: values.len(),
            };
            return Err(DatasetError::Header(Issue { field, problem }));
        }
        table[k] = Some(values);
    }
    let null = Value::Null;
    let cell = |column: Column, i: usize| table[column as usize].map_or(&null, |c| &c[i]);
    let with_periods = table[Column::Periods as usize].is_some();
    let (kept, rejected) = collect(
        rows.unwrap_or(0),
        |i| cell(Column::Id, i).as_str(),
        |i| cell(Column::Name, i).as_str(),
        |i| {
            let row: [&Value; Column::ALL.len()] = std::array::from_fn(|k| cell(Column::ALL[k], i));
            checked(today, |c| c.summary(&row, with_periods))
        },
    );
    Ok(header.with(kept, rejected))
}

/// Parses and validates the data changelog, `cdo-atlas.changelog.json`: `{"changes": [...]}`,
/// newest first, each change checked as in an index's header. Any problem makes the file
/// unusable (it is the editors' file, checked by `xtask check` before it is published).
pub fn parse_changelog(text: &str, today: PartialDate) -> Result<Vec<Change>, DatasetError> {
    let value = parse_json(text)?;
    let mut c = Checker::new(today);
    let changes = match &value {
        Value::Object(top) => {
            c.expect_type(
                top.get("changes"),
                At::Entry.key("changes"),
                JsonType::Array,
            );
            c.changes(top)
        }
        other => {
            c.expect_type(Some(other), At::Entry, JsonType::Object);
            Vec::new()
        }
    };
    match c.issues.into_iter().next() {
        Some(issue) => Err(DatasetError::Header(issue)),
        None => Ok(changes),
    }
}

/// The JSON tree of a file, or why it is none (empty, an HTML page, a syntax error).
fn parse_json(text: &str) -> Result<Value<'_>, DatasetError> {
    // A byte order mark is harmless (editors on Windows write one); JSON parsers refuse it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let start = text.trim_start();
    if start.is_empty() {
        return Err(DatasetError::Empty);
    }
    if start.starts_with('<') {
        return Err(DatasetError::Html);
    }
    serde_json::from_str(text).map_err(|e| DatasetError::Syntax(e.to_string()))
}

/// A file's header, checked; the entries are added by [`Header::with`].
struct Header {
    schema_version: SchemaVersion,
    as_of: PartialDate,
    licence: String,
    compiled_by: Option<String>,
    not_covered: Vec<Uncovered>,
    figures: Option<crate::check::Figures>,
    data_version: Option<DataVersion>,
    changes: Vec<Change>,
    files: Vec<DataFile>,
}

impl Header {
    fn with<E>(self, entities: Vec<E>, rejected: Vec<Rejection>) -> Loaded<E> {
        Loaded {
            dataset: Dataset {
                schema_version: self.schema_version,
                as_of: self.as_of,
                licence: self.licence,
                compiled_by: self.compiled_by,
                not_covered: self.not_covered,
                figures: self.figures,
                data_version: self.data_version,
                changes: self.changes,
                files: self.files,
                entities,
            },
            rejected,
        }
    }
}

/// The header of a file of one of the schema `majors` and its `key` (of type `body`), which
/// holds the entries.
fn read_header<'v>(
    value: &'v Value<'v>,
    today: PartialDate,
    majors: &[u32],
    key: &str,
    body: JsonType,
) -> Result<(Header, &'v Value<'v>), DatasetError> {
    let Value::Object(top) = value else {
        let problem = Problem::WrongType {
            expected: JsonType::Object,
            found: JsonType::of(value),
        };
        return Err(DatasetError::Header(Issue {
            field: ".".into(),
            problem,
        }));
    };
    let mut header = Checker::new(today);
    let version = header.string(top, At::Entry, "schema_version", MAX_ID);
    let schema_version = version.as_deref().map(|v| (v, parse_version(v)));
    if let Some((found, version)) = schema_version {
        if !version.is_some_and(|v| majors.contains(&v.major)) {
            return Err(DatasetError::UnsupportedSchema {
                found: bounded_echo(found),
            });
        }
    }
    let as_of = header
        .string(top, At::Entry, "as_of", MAX_ID)
        .and_then(|d| header.date(At::Entry.key("as_of"), &d));
    let licence = header.string(top, At::Entry, "licence", MAX_NAME);
    let compiled_by = header.opt_string(top, At::Entry, "compiled_by", MAX_TEXT);
    let not_covered = header.not_covered(top);
    let figures = header.figures(top);
    let data_version = header.data_version(top, At::Entry, "data_version");
    let changes = header.changes(top);
    let files = header.files(top);
    let entries = top.get(key);
    let entries = header
        .expect_type(entries, At::Entry.key(key), body)
        .then_some(entries)
        .flatten();
    if let Some(issue) = header.issues.into_iter().next() {
        return Err(DatasetError::Header(issue));
    }
    let (Some(Some(schema_version)), Some(as_of), Some(licence), Some(entries)) =
        (schema_version.map(|(_, v)| v), as_of, licence, entries)
    else {
        unreachable!("every missing header field was reported as an issue")
    };
    let header = Header {
        schema_version,
        as_of,
        licence,
        compiled_by,
        not_covered,
        figures,
        data_version,
        changes,
        files,
    };
    Ok((header, entries))
}

/// Validates `n` entries one by one: an entry whose id (a string, see `id`) came earlier is
/// rejected as a duplicate, any other goes through `validate`. Rejections name the entry by its
/// readable id and name.
fn collect<'v, E>(
    n: usize,
    id: impl Fn(usize) -> Option<&'v str>,
    name: impl Fn(usize) -> Option<&'v str>,
    mut validate: impl FnMut(usize) -> Result<E, Vec<Issue>>,
) -> (Vec<E>, Vec<Rejection>) {
    let mut seen = HashSet::with_capacity(n);
    let mut kept = Vec::with_capacity(n);
    let mut rejected = Vec::new();
    for index in 0..n {
        let id = id(index);
        let outcome = match id {
            Some(id) if seen.contains(id) => Err(vec![Issue {
                field: "id".into(),
                problem: Problem::DuplicateId,
            }]),
            _ => validate(index),
        };
        match outcome {
            Ok(entry) => {
                // The id was checked to be a string: it borrows from the input.
                if let Some(id) = id {
                    seen.insert(id);
                }
                kept.push(entry);
            }
            Err(issues) => rejected.push(Rejection {
                index,
                id: id.map(bounded_echo),
                name: name(index).map(bounded_echo),
                issues,
            }),
        }
    }
    (kept, rejected)
}

fn parse_version(s: &str) -> Option<SchemaVersion> {
    let (major, minor) = s.split_once('.')?;
    Some(SchemaVersion {
        major: major.parse().ok()?,
        minor: minor.parse().ok()?,
    })
}

/// One entry walked by a fresh [`Checker`]: its value if the walk reported nothing, else every
/// issue it reported.
fn checked<'v, E>(
    today: PartialDate,
    walk: impl FnOnce(&mut Checker<'v>) -> Option<E>,
) -> Result<E, Vec<Issue>> {
    let mut c = Checker::new(today);
    match walk(&mut c) {
        Some(entry) if c.issues.is_empty() => Ok(entry),
        _ => Err(c.issues),
    }
}

/// Where in an entry a value sits, spelled out (`holders[0].since`) only when a problem is
/// reported: a valid entry's walk builds no path strings.
#[derive(Clone, Copy)]
enum At<'a> {
    /// The entry itself (or the file's top level), shown as `.`.
    Entry,
    Key(&'a At<'a>, &'a str),
    Index(&'a At<'a>, usize),
}

impl<'a> At<'a> {
    fn key(&'a self, key: &'a str) -> At<'a> {
        At::Key(self, key)
    }

    fn index(&'a self, index: usize) -> At<'a> {
        At::Index(self, index)
    }

    fn field(&self) -> String {
        fn write(at: &At, out: &mut String) {
            match at {
                At::Entry => {}
                At::Key(parent, key) => {
                    write(parent, out);
                    if !matches!(parent, At::Entry) {
                        out.push('.');
                    }
                    out.push_str(key);
                }
                At::Index(parent, index) => {
                    write(parent, out);
                    out.push('[');
                    out.push_str(&index.to_string());
                    out.push(']');
                }
            }
        }
        let mut out = String::new();
        write(self, &mut out);
        if out.is_empty() {
            out.push('.');
        }
        out
    }
}

/// A text's length in characters and its first forbidden character, in one pass that decodes
/// nothing until the first non-ASCII byte (most texts are ASCII up to their first umlaut).
fn scan(s: &str) -> (usize, Option<char>) {
    // Printable ASCII, tab and line breaks: the bytes `is_forbidden_char` lets through below 0x80.
    let plain = |b: u8| matches!(b, b' '..=b'~' | b'\t' | b'\n' | b'\r');
    let Some(first) = s.bytes().position(|b| !plain(b)) else {
        return (s.len(), None);
    };
    let (mut len, mut bad) = (first, None);
    for c in s[first..].chars() {
        len += 1;
        if bad.is_none() && is_forbidden_char(c) {
            bad = Some(c);
        }
    }
    (len, bad)
}

/// Walks one entry, collecting every issue while building its domain value. Accessors return
/// `None` when the field is unusable (and have reported why).
struct Checker<'v> {
    issues: Vec<Issue>,
    today: PartialDate,
    /// The ids the entry's `sources` define (a handful: a list beats hashing).
    source_ids: Vec<&'v str>,
    /// Whether the entry has a `sources` array at all (else citations are not checked).
    sources_usable: bool,
}

impl<'v> Checker<'v> {
    fn new(today: PartialDate) -> Self {
        Self {
            issues: Vec::new(),
            today,
            source_ids: Vec::new(),
            sources_usable: true,
        }
    }

    fn report(&mut self, at: At, problem: Problem) {
        self.issues.push(Issue {
            field: at.field(),
            problem,
        });
    }

    // ---- Generic accessors -------------------------------------------------------------

    /// Reports a missing or wrongly typed value; true if `value` has the expected type.
    fn expect_type(&mut self, value: Option<&Value>, at: At, expected: JsonType) -> bool {
        match value {
            None => {
                self.report(at, Problem::Missing);
                false
            }
            Some(v) if JsonType::of(v) == expected => true,
            Some(v) => {
                let found = JsonType::of(v);
                self.report(at, Problem::WrongType { expected, found });
                false
            }
        }
    }

    fn object(&mut self, obj: &'v Map<'v>, at: At, key: &str) -> Option<&'v Map<'v>> {
        let value = obj.get(key);
        self.expect_type(value, at.key(key), JsonType::Object)
            .then(|| value?.as_object())
            .flatten()
    }

    /// An object that may be `null` or absent.
    fn opt_object(&mut self, obj: &'v Map<'v>, at: At, key: &str) -> Option<&'v Map<'v>> {
        match obj.get(key) {
            None | Some(Value::Null) => None,
            Some(_) => self.object(obj, at, key),
        }
    }

    /// An array that may be absent (then empty).
    fn array(&mut self, obj: &'v Map<'v>, at: At, key: &str, required: bool) -> &'v [Value<'v>] {
        match obj.get(key) {
            None if !required => &[],
            Some(Value::Array(items)) => items,
            value => {
                self.expect_type(value, at.key(key), JsonType::Array);
                &[]
            }
        }
    }

    /// A present string (reported otherwise); `at` names it.
    fn str_value(&mut self, value: Option<&'v Value<'v>>, at: At) -> Option<&'v str> {
        match value {
            Some(Value::Str(s)) => Some(s),
            value => {
                self.expect_type(value, at, JsonType::String);
                None
            }
        }
    }

    /// A required, non-blank string of at most `max` characters, borrowed from the input.
    fn text(&mut self, obj: &'v Map<'v>, at: At, key: &str, max: usize) -> Option<&'v str> {
        self.text_value(obj.get(key), at.key(key), max)
    }

    fn text_value(&mut self, value: Option<&'v Value<'v>>, at: At, max: usize) -> Option<&'v str> {
        let s = self.str_value(value, at)?;
        self.checked_text(s, at, max)
    }

    /// `s` if it is not blank, at most `max` characters and free of forbidden characters.
    fn checked_text(&mut self, s: &'v str, at: At, max: usize) -> Option<&'v str> {
        if s.trim_start().is_empty() {
            self.report(at, Problem::Empty);
            return None;
        }
        match scan(s) {
            (len, _) if len > max => {
                self.report(at, Problem::TooLong { max, len });
                None
            }
            (_, Some(c)) => {
                let code = u32::from(c);
                self.report(at, Problem::ControlCharacter { code });
                None
            }
            _ => Some(s),
        }
    }

    /// A required, non-blank string of at most `max` characters.
    fn string(&mut self, obj: &'v Map<'v>, at: At, key: &str, max: usize) -> Option<String> {
        self.text(obj, at, key, max).map(str::to_owned)
    }

    /// A string that may be `null` or absent.
    fn opt_text(&mut self, obj: &'v Map<'v>, at: At, key: &str, max: usize) -> Option<&'v str> {
        self.opt_text_value(obj.get(key), at.key(key), max)
    }

    fn opt_text_value(
        &mut self,
        value: Option<&'v Value<'v>>,
        at: At,
        max: usize,
    ) -> Option<&'v str> {
        match value {
            None | Some(Value::Null) => None,
            Some(_) => self.text_value(value, at, max),
        }
    }

    fn opt_string(&mut self, obj: &'v Map<'v>, at: At, key: &str, max: usize) -> Option<String> {
        self.opt_text(obj, at, key, max).map(str::to_owned)
    }

    fn number(&mut self, obj: &'v Map<'v>, at: At, key: &str) -> Option<f64> {
        self.number_value(obj.get(key), at.key(key))
    }

    fn number_value(&mut self, value: Option<&'v Value<'v>>, at: At) -> Option<f64> {
        self.expect_type(value, at, JsonType::Number)
            .then(|| value?.as_f64())
            .flatten()
    }

    fn whole_number(&mut self, obj: &'v Map<'v>, at: At, key: &str) -> Option<i64> {
        let n = self.number(obj, at, key)?;
        match obj.get(key).and_then(Value::as_i64) {
            Some(i) => Some(i),
            None if n.fract() != 0.0 => {
                self.report(at.key(key), Problem::NotAWholeNumber);
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
        obj: &'v Map<'v>,
        at: At,
        key: &str,
        parse: fn(&str) -> Option<T>,
        wire: &'static [&'static str],
    ) -> Option<T> {
        self.enum_value(obj.get(key), at.key(key), parse, wire)
    }

    fn enum_value<T: Copy>(
        &mut self,
        value: Option<&'v Value<'v>>,
        at: At,
        parse: fn(&str) -> Option<T>,
        wire: &'static [&'static str],
    ) -> Option<T> {
        let s = self.str_value(value, at)?;
        let parsed = parse(s);
        if parsed.is_none() {
            let found = bounded_echo(s);
            let problem = Problem::UnknownValue {
                found,
                expected: wire,
            };
            self.report(at, problem);
        }
        parsed
    }

    fn date(&mut self, at: At, value: &str) -> Option<PartialDate> {
        match PartialDate::parse(value) {
            Ok(date) if date.is_after(&self.today) => {
                self.report(at, Problem::InFuture(date));
                None
            }
            Ok(date) => Some(date),
            Err(error) => {
                let value = bounded_echo(value);
                self.report(at, Problem::BadDate { value, error });
                None
            }
        }
    }

    fn opt_date(&mut self, obj: &'v Map<'v>, at: At, key: &str) -> Option<PartialDate> {
        self.opt_date_value(obj.get(key), at.key(key))
    }

    fn opt_date_value(&mut self, value: Option<&'v Value<'v>>, at: At) -> Option<PartialDate> {
        let s = self.opt_text_value(value, at, MAX_ID)?;
        self.date(at, s)
    }

    fn url(&mut self, obj: &'v Map<'v>, at: At, key: &str) -> Option<HttpUrl> {
        let s = self.text(obj, at, key, MAX_URL)?;
        let url = HttpUrl::parse(s);
        if url.is_none() {
            self.report(at.key(key), Problem::NotHttpUrl(bounded_echo(s)));
        }
        url
    }

    /// The `sources` list of a fact: non-empty, each id defined by the entry.
    fn cites(&mut self, obj: &'v Map<'v>, at: At) -> Vec<String> {
        let field = at.key("sources");
        let ids = self.array(obj, at, "sources", true);
        let mut out = Vec::with_capacity(ids.len());
        for (i, id) in ids.iter().enumerate() {
            match id.as_str() {
                Some(id) if self.source_ids.contains(&id) => out.push(id.to_owned()),
                // Without a usable `sources` list (reported once) every citation would dangle.
                Some(_) if !self.sources_usable => {}
                Some(id) => self.report(field, Problem::DanglingSource(bounded_echo(id))),
                None => {
                    self.expect_type(Some(id), field.index(i), JsonType::String);
                }
            }
        }
        if ids.is_empty() && obj.contains_key("sources") {
            self.report(field, Problem::Unsourced);
        }
        out
    }

    fn localized(&mut self, obj: &'v Map<'v>, at: At, max: usize) -> Option<Localized> {
        let de = self.string(obj, at, "de", max);
        let en = self.string(obj, at, "en", max);
        Some(Localized { de: de?, en: en? })
    }

    fn opt_localized(
        &mut self,
        obj: &'v Map<'v>,
        at: At,
        key: &str,
        max: usize,
    ) -> Option<Localized> {
        let inner = self.opt_object(obj, at, key)?;
        self.localized(inner, at.key(key), max)
    }

    // ---- The entity ----------------------------------------------------------------------

    /// An entity of a file of schema major `major` (1: one `office`, read as one period; 2:
    /// `periods`).
    fn entity(&mut self, obj: &'v Map<'v>, major: u32) -> Option<Entity> {
        let at = At::Entry;
        // Sources first: every fact below is checked against their ids.
        let sources_at = at.key("sources");
        let sources: Vec<Source> = self
            .array(obj, at, "sources", true)
            .iter()
            .enumerate()
            .filter_map(|(i, s)| self.source(s, sources_at.index(i)))
            .collect();
        let sources_usable = matches!(obj.get("sources"), Some(Value::Array(_)));
        if sources.is_empty() && sources_usable {
            self.report(sources_at, Problem::Unsourced);
        }
        self.sources_usable = sources_usable;
        let id = self.slug(obj);
        let name = self.string(obj, at, "name", MAX_NAME);
        let kind = self.enumerated(obj, at, "kind", Kind::from_wire, Kind::WIRE);
        let land = self.land_of(obj.get("land"), at.key("land"), kind);
        let ags = self.ags(obj.get("ags"), at.key("ags"));
        let coordinates = self
            .object(obj, at, "coordinates")
            .and_then(|c| self.coordinates(c, at.key("coordinates")));
        let population = self
            .opt_object(obj, at, "population")
            .and_then(|p| self.population(p));
        let periods = if major == 1 {
            self.office_as_period(obj).map(|p| vec![p])
        } else {
            self.periods(obj)
        };
        let context_at = at.key("context");
        let context = self
            .array(obj, at, "context", false)
            .iter()
            .enumerate()
            .filter_map(|(i, t)| {
                let at = context_at.index(i);
                let t = self.as_object(t, at)?;
                self.sourced_text(t, at)
            })
            .collect();
        let interview = self
            .opt_object(obj, at, "interview")
            .and_then(|i| self.interview(i));
        Some(Entity {
            id: id?,
            name: name?,
            kind: kind?,
            land: land?,
            ags: ags?,
            coordinates: coordinates?,
            population,
            periods: periods?,
            context,
            interview,
            sources,
        })
    }

    /// A 1.x entity's `office`, `established`, `holders` and `reporting_line`: one period
    /// with no documented end.
    fn office_as_period(&mut self, obj: &'v Map<'v>) -> Option<Period> {
        let at = At::Entry;
        let office = self.object(obj, at, "office").and_then(|o| {
            let at = at.key("office");
            let post = self.post(o, at);
            Some((post?, self.cites(o, at)))
        });
        let since = self.opt_dated(obj, at, "established");
        let holders = self.holders(obj, at);
        let reporting_line = self
            .opt_object(obj, at, "reporting_line")
            .and_then(|t| self.sourced_text(t, at.key("reporting_line")));
        let (post, sources) = office?;
        Some(Period {
            post,
            sources,
            since,
            until: None,
            holders,
            reporting_line,
        })
    }

    /// A 2.x entity's `periods`: at least one, each checked.
    fn periods(&mut self, obj: &'v Map<'v>) -> Option<Vec<Period>> {
        let at = At::Entry.key("periods");
        let items = self.array(obj, At::Entry, "periods", true);
        if items.is_empty() && matches!(obj.get("periods"), Some(Value::Array(_))) {
            self.report(at, Problem::Empty);
        }
        let before = self.issues.len();
        let periods: Vec<Period> = items
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let at = at.index(i);
                let p = self.as_object(p, at)?;
                self.period(p, at)
            })
            .collect();
        (self.issues.len() == before && !periods.is_empty()).then_some(periods)
    }

    fn period(&mut self, obj: &'v Map<'v>, at: At) -> Option<Period> {
        let post = self.post(obj, at);
        let sources = self.cites(obj, at);
        let since = self.opt_dated(obj, at, "since");
        let until = self.opt_dated(obj, at, "until");
        if let (Some(s), Some(u)) = (&since, &until) {
            if u.date.chronological(&s.date).is_lt() {
                self.report(at.key("until"), Problem::EndsBeforeStart);
            }
        }
        let holders = self.holders(obj, at);
        let reporting_line = self
            .opt_object(obj, at, "reporting_line")
            .and_then(|t| self.sourced_text(t, at.key("reporting_line")));
        Some(Period {
            post: post?,
            sources,
            since,
            until,
            holders,
            reporting_line,
        })
    }

    /// `{date, sources}` under `key`, or `None` where it is `null` or absent.
    fn opt_dated(&mut self, obj: &'v Map<'v>, at: At, key: &str) -> Option<Dated> {
        let d = self.opt_object(obj, at, key)?;
        let at = at.key(key);
        let date = self
            .text(d, at, "date", MAX_ID)
            .and_then(|s| self.date(at.key("date"), s));
        let sources = self.cites(d, at);
        Some(Dated {
            date: date?,
            sources,
        })
    }

    fn holders(&mut self, obj: &'v Map<'v>, at: At) -> Vec<Holder> {
        let holders_at = at.key("holders");
        self.array(obj, at, "holders", false)
            .iter()
            .enumerate()
            .filter_map(|(i, h)| self.holder(h, holders_at.index(i)))
            .collect()
    }

    /// `land` for an entity of `kind`: a Land's code, or `null` for the federal level (which
    /// has none). `Some(None)`: no Land, as it should be.
    fn land_of(
        &mut self,
        value: Option<&'v Value<'v>>,
        at: At,
        kind: Option<Kind>,
    ) -> Option<Option<Land>> {
        match (kind, value) {
            (Some(Kind::Federal), None | Some(Value::Null)) => Some(None),
            (Some(Kind::Federal), Some(v)) => {
                self.expect_type(Some(v), at, JsonType::Null);
                None
            }
            _ => self.land_value(value, at).map(Some),
        }
    }

    /// An optional Amtlicher Gemeindeschlüssel. `Some(None)`: none given.
    fn ags(&mut self, value: Option<&'v Value<'v>>, at: At) -> Option<Option<Ags>> {
        let Some(s) = self.opt_text_value(value, at, MAX_ID) else {
            // Absent, `null`, or reported as unusable.
            return matches!(value, None | Some(Value::Null)).then_some(None);
        };
        let ags = Ags::parse(s);
        if ags.is_none() {
            self.report(at, Problem::NotAgs(bounded_echo(s)));
        }
        ags.map(Some)
    }

    /// The header's `figures` (an index's), if it has them: each a whole number ≥ 0.
    fn figures(&mut self, top: &'v Map<'v>) -> Option<crate::check::Figures> {
        use crate::check::Figures;
        let obj = self.opt_object(top, At::Entry, "figures")?;
        let at = At::Entry.key("figures");
        let mut values = [0; Figures::KEYS.len()];
        let mut ok = true;
        for (k, key) in Figures::KEYS.iter().enumerate() {
            match self.whole_number(obj, at, key) {
                Some(n) if n >= 0 => values[k] = usize::try_from(n).unwrap_or(usize::MAX),
                Some(n) => {
                    self.report(at.key(key), Problem::NotPositive(n as f64));
                    ok = false;
                }
                None => ok = false,
            }
        }
        ok.then(|| Figures::from_values(values))
    }

    /// An optional data version under `key` of `obj`, which `at` names: `MAJOR.MINOR.PATCH`.
    fn data_version(&mut self, obj: &'v Map<'v>, at: At, key: &str) -> Option<DataVersion> {
        let s = self.opt_text(obj, at, key, MAX_ID)?;
        let version = DataVersion::parse(s);
        if version.is_none() {
            self.report(at.key(key), Problem::NotAVersion(bounded_echo(s)));
        }
        version
    }

    /// The changelog of a header (an index's) or of the changelog file: `changes`, each
    /// `{version, date, de, en, added, changed}` (`version` `null` before the data had one;
    /// `added` and `changed` lists of entry ids, optional). Loops rather than iterator
    /// adapters, as each adapter costs the app's wasm a generic instantiation.
    fn changes(&mut self, top: &'v Map<'v>) -> Vec<Change> {
        let at = At::Entry.key("changes");
        let mut out = Vec::new();
        for (i, v) in self
            .array(top, At::Entry, "changes", false)
            .iter()
            .enumerate()
        {
            let at = at.index(i);
            let Some(obj) = self.as_object(v, at) else {
                continue;
            };
            let version = self.data_version(obj, at, "version");
            let date = self
                .text(obj, at, "date", MAX_ID)
                .and_then(|d| self.date(at.key("date"), d));
            let text = self.localized(obj, at, MAX_TEXT);
            let added = self.ids(obj, at, "added");
            let changed = self.ids(obj, at, "changed");
            if let (Some(date), Some(text)) = (date, text) {
                out.push(Change {
                    version,
                    date,
                    text,
                    added,
                    changed,
                });
            }
        }
        out
    }

    /// A list of entry ids under `key` (optional).
    fn ids(&mut self, obj: &'v Map<'v>, at: At, key: &str) -> Vec<String> {
        let list_at = at.key(key);
        let mut out = Vec::new();
        for (i, id) in self.array(obj, at, key, false).iter().enumerate() {
            if let Some(id) = self.slug_value(Some(id), list_at.index(i)) {
                out.push(id);
            }
        }
        out
    }

    /// The header's `files` (an index's): `{name, bytes}` for each file published with the
    /// dataset.
    fn files(&mut self, top: &'v Map<'v>) -> Vec<DataFile> {
        let at = At::Entry.key("files");
        let mut out = Vec::new();
        for (i, v) in self
            .array(top, At::Entry, "files", false)
            .iter()
            .enumerate()
        {
            let at = at.index(i);
            let Some(obj) = self.as_object(v, at) else {
                continue;
            };
            let name = self.string(obj, at, "name", MAX_ID);
            let bytes = self.whole_number(obj, at, "bytes");
            match (name, bytes) {
                (Some(_), Some(n)) if n < 0 => {
                    self.report(at.key("bytes"), Problem::NotPositive(n as f64));
                }
                (Some(name), Some(n)) => out.push(DataFile {
                    name,
                    bytes: n as u64,
                }),
                _ => {}
            }
        }
        out
    }

    /// The header's `not_covered`: `{name, ags}` for each large city not in the dataset.
    fn not_covered(&mut self, top: &'v Map<'v>) -> Vec<Uncovered> {
        let at = At::Entry.key("not_covered");
        self.array(top, At::Entry, "not_covered", false)
            .iter()
            .enumerate()
            .filter_map(|(i, v)| {
                let at = at.index(i);
                let obj = self.as_object(v, at)?;
                let name = self.string(obj, at, "name", MAX_NAME);
                let ags = self.ags(obj.get("ags"), at.key("ags"));
                Some(Uncovered {
                    name: name?,
                    ags: ags?,
                })
            })
            .collect()
    }

    fn as_object(&mut self, value: &'v Value<'v>, at: At) -> Option<&'v Map<'v>> {
        self.expect_type(Some(value), at, JsonType::Object)
            .then(|| value.as_object())
            .flatten()
    }

    fn slug(&mut self, obj: &'v Map<'v>) -> Option<String> {
        self.slug_value(obj.get("id"), At::Entry.key("id"))
    }

    fn slug_value(&mut self, value: Option<&'v Value<'v>>, at: At) -> Option<String> {
        let id = self.text_value(value, at, MAX_ID)?;
        let is_slug = is_slug(id);
        if !is_slug {
            self.report(at, Problem::NotASlug);
        }
        is_slug.then(|| id.to_owned())
    }

    fn land_value(&mut self, value: Option<&'v Value<'v>>, at: At) -> Option<Land> {
        let code = self.text_value(value, at, MAX_ID)?;
        let land = Land::from_code(code);
        if land.is_none() {
            self.report(at, Problem::UnknownLand(bounded_echo(code)));
        }
        land
    }

    /// `lat` and `lon` of `c`, which `at` names; in Germany.
    fn coordinates(&mut self, c: &'v Map<'v>, at: At) -> Option<Coordinates> {
        let (lat, lon) = (self.number(c, at, "lat"), self.number(c, at, "lon"));
        self.in_germany(lat?, lon?, at)
    }

    /// The coordinates if they lie in Germany; `at` names them.
    fn in_germany(&mut self, lat: f64, lon: f64, at: At) -> Option<Coordinates> {
        let coordinates = Coordinates { lat, lon };
        if !coordinates.in_germany() {
            let (lat, lon) = (coordinates.lat, coordinates.lon);
            self.report(at, Problem::OutsideGermany { lat, lon });
            return None;
        }
        Some(coordinates)
    }

    fn source(&mut self, value: &'v Value<'v>, at: At) -> Option<Source> {
        let obj = self.as_object(value, at)?;
        let id = self.text(obj, at, "id", MAX_ID);
        if let Some(id) = id {
            if self.source_ids.contains(&id) {
                self.report(at.key("id"), Problem::DuplicateSource(bounded_echo(id)));
            } else {
                self.source_ids.push(id);
            }
        }
        let url = self.url(obj, at, "url");
        let title = self.opt_string(obj, at, "title", MAX_NAME);
        let publisher = self.opt_string(obj, at, "publisher", MAX_NAME);
        let date = self.opt_date(obj, at, "date");
        let party = match obj.get("party") {
            None | Some(Value::Null) => Some(false),
            Some(Value::Bool(b)) => Some(*b),
            other => {
                self.expect_type(other, at.key("party"), JsonType::Boolean);
                None
            }
        };
        Some(Source {
            id: id?.to_owned(),
            url: url?,
            title,
            publisher,
            date,
            party: party?,
        })
    }

    /// A number of inhabitants: a positive whole number up to [`MAX_POPULATION`].
    fn inhabitants(&mut self, value: Option<&'v Value<'v>>, at: At) -> Option<f64> {
        let value = self.number_value(value, at);
        if let Some(v) = value {
            if v <= 0.0 || v.fract() != 0.0 {
                self.report(at, Problem::NotPositive(v));
            } else if v > MAX_POPULATION as f64 {
                let max = MAX_POPULATION;
                self.report(at, Problem::TooLarge { max });
            }
        }
        value
    }

    fn population(&mut self, obj: &'v Map<'v>) -> Option<Population> {
        let at = At::Entry.key("population");
        let value = self.inhabitants(obj.get("value"), at.key("value"));
        let year = self.whole_number(obj, at, "year");
        if let Some(y) = year {
            if y < 1900 || y > i64::from(self.today.year) {
                self.report(at.key("year"), Problem::ImplausibleYear(y));
            }
        }
        let sources = self.cites(obj, at);
        Some(Population {
            value: value? as u64,
            year: u16::try_from(year?).ok()?,
            sources,
        })
    }

    /// `title`, `origin` (may be `null`) and `form` of `obj`, which `at` names.
    fn post(&mut self, obj: &'v Map<'v>, at: At) -> Option<Post> {
        // Shared (`Arc<str>`), made from the borrowed text at once (not a `String` first).
        let title = self
            .text(obj, at, "title", MAX_NAME)
            .map(std::sync::Arc::<str>::from);
        let origin = match obj.get("origin") {
            None | Some(Value::Null) => None,
            Some(_) => Some(self.enumerated(obj, at, "origin", Origin::from_wire, Origin::WIRE)?),
        };
        let form = self.enumerated(obj, at, "form", Form::from_wire, Form::WIRE);
        Some(Post {
            title: title?,
            origin,
            form: form?,
        })
    }

    fn holder(&mut self, value: &'v Value<'v>, at: At) -> Option<Holder> {
        let obj = self.as_object(value, at)?;
        let name = self.string(obj, at, "name", MAX_NAME);
        let role = self.opt_localized(obj, at, "role", MAX_NAME);
        let since = self.opt_date(obj, at, "since");
        let until = self.opt_date(obj, at, "until");
        if let (Some(s), Some(u)) = (since, until) {
            if u.chronological(&s).is_lt() {
                self.report(at.key("until"), Problem::EndsBeforeStart);
            }
        }
        let background = self.opt_localized(obj, at, "background", MAX_TEXT);
        let sources = self.cites(obj, at);
        Some(Holder {
            name: name?,
            role,
            since,
            until,
            background,
            sources,
        })
    }

    fn sourced_text(&mut self, obj: &'v Map<'v>, at: At) -> Option<Text> {
        let text = self.localized(obj, at, MAX_TEXT);
        let sources = self.cites(obj, at);
        Some(Text {
            text: text?,
            sources,
        })
    }

    fn interview(&mut self, obj: &'v Map<'v>) -> Option<Interview> {
        let at = At::Entry.key("interview");
        let url = self.url(obj, at, "url");
        let title = self.opt_string(obj, at, "title", MAX_NAME);
        let interviewee = self.opt_string(obj, at, "interviewee", MAX_NAME);
        let date = self.opt_date(obj, at, "date");
        let answers = match self.opt_object(obj, at, "answers") {
            Some(a) => {
                let at = at.key("answers");
                Answers {
                    reasons: self.opt_localized(a, at, "reasons", MAX_TEXT),
                    expectations: self.opt_localized(a, at, "expectations", MAX_TEXT),
                    goals: self.opt_localized(a, at, "goals", MAX_TEXT),
                    measurement: self.opt_localized(a, at, "measurement", MAX_TEXT),
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

    // ---- An entry of the index -------------------------------------------------------------

    /// Row `row` of the index's columns (in the order of [`Column::ALL`]), checked value by
    /// value as the same facts are in the dataset.
    fn summary(
        &mut self,
        row: &[&'v Value<'v>; Column::ALL.len()],
        with_periods: bool,
    ) -> Option<Summary> {
        let get = |c: Column| row[c as usize];
        let at = |c: Column| At::Entry.key(c.key());
        let id = self.slug_value(Some(get(Column::Id)), at(Column::Id));
        let name = self.text_value(Some(get(Column::Name)), at(Column::Name), MAX_NAME);
        let kind = self.enum_value(
            Some(get(Column::Kind)),
            at(Column::Kind),
            Kind::from_wire,
            Kind::WIRE,
        );
        let land = self.land_of(Some(get(Column::Land)), at(Column::Land), kind);
        let (lat, lon) = (
            self.number_value(Some(get(Column::Lat)), at(Column::Lat)),
            self.number_value(Some(get(Column::Lon)), at(Column::Lon)),
        );
        let coordinates = match (lat, lon) {
            (Some(lat), Some(lon)) => self.in_germany(lat, lon, At::Entry),
            _ => None,
        };
        // `Some(None)`: a value that is not usable (reported).
        let population = match get(Column::Population) {
            Value::Null => None,
            value => Some(
                self.inhabitants(Some(value), at(Column::Population))
                    .map(|p| p as u64),
            ),
        };
        let title = self.text_value(Some(get(Column::Title)), at(Column::Title), MAX_NAME);
        let origin = match get(Column::Origin) {
            Value::Null => None,
            value => Some(self.enum_value(
                Some(value),
                at(Column::Origin),
                Origin::from_wire,
                Origin::WIRE,
            )),
        };
        let form = self.enum_value(
            Some(get(Column::Form)),
            at(Column::Form),
            Form::from_wire,
            Form::WIRE,
        );
        let date = |c: &mut Self, column: Column| c.opt_date_value(Some(get(column)), at(column));
        let established = date(self, Column::Established);
        let holder = self.opt_text_value(Some(get(Column::Holder)), at(Column::Holder), MAX_NAME);
        let since = date(self, Column::Since);
        // What search matches against is never shown: a string of bounded length suffices.
        let search = match get(Column::Search) {
            Value::Str(s) if s.len() > MAX_SEARCH => {
                let (max, len) = (MAX_SEARCH, s.len());
                self.report(at(Column::Search), Problem::TooLong { max, len });
                None
            }
            // Shared by the lists at every date: made one `Arc` at once, not a `String` first.
            Value::Str(s) => Some(std::sync::Arc::<str>::from(s.as_ref())),
            other => {
                self.expect_type(Some(other), at(Column::Search), JsonType::String);
                None
            }
        };
        let ags = self.ags(Some(get(Column::Ags)), at(Column::Ags));
        let ended = date(self, Column::Ended);
        let confirmed = date(self, Column::Confirmed);
        // `None`: as the other columns say; `Some(None)`: not usable (reported).
        let periods = match get(Column::Periods) {
            Value::Null => None,
            value => Some(self.period_summaries(value, at(Column::Periods))),
        };
        let post = Post {
            title: title?.into(),
            origin: origin.map_or(Some(None), |o| o.map(Some))?,
            form: form?,
        };
        let holder = holder.map(std::sync::Arc::<str>::from);
        let periods = match periods {
            Some(periods) => crate::time::Periods::new(periods?),
            None => {
                // An index before 1.4 knows no history: the current model since `since`.
                let start = if with_periods { established } else { since };
                let implied = crate::index::implied(&post, start, ended, holder.as_ref(), since);
                crate::time::Periods::new([implied])
            }
        };
        Some(Summary {
            id: id?,
            name: name?.to_owned(),
            kind: kind?,
            land: land?,
            ags: ags?,
            coordinates: coordinates?,
            population: population.map_or(Some(None), |p| p.map(Some))?,
            post,
            established,
            holder,
            since,
            ended,
            confirmed,
            search: search?,
            periods,
            standing: crate::Standing::Active,
        })
    }

    /// An index entry's `periods` ([`crate::index`]): one flat array, per period `since, until,
    /// title, origin, form` and the number of its holders, then each holder's `name, since,
    /// until`; at least one period, each value checked as the same fact is in the dataset.
    fn period_summaries(&mut self, value: &'v Value<'v>, at: At) -> Option<Vec<PeriodSummary>> {
        let Value::Array(items) = value else {
            self.expect_type(Some(value), at, JsonType::Array);
            return None;
        };
        if items.is_empty() {
            self.report(at, Problem::Empty);
            return None;
        }
        let mut periods = Vec::new();
        let mut rest = items.as_slice();
        while !rest.is_empty() {
            let offset = items.len() - rest.len();
            let (period, after) = self.period_summary(rest, at, offset)?;
            periods.push(period);
            rest = after;
        }
        Some(periods)
    }

    /// The period that `items` (at `offset` in the entry's `periods`) begin with, and what
    /// follows it.
    fn period_summary(
        &mut self,
        items: &'v [Value<'v>],
        at: At,
        offset: usize,
    ) -> Option<(PeriodSummary, &'v [Value<'v>])> {
        let before = self.issues.len();
        let Some((head, tail)) = items.split_first_chunk::<PERIOD_VALUES>() else {
            self.report(at.index(offset + items.len()), Problem::Missing);
            return None;
        };
        let [since, until, title, origin, form, count] = head;
        let at_ = |k: usize| at.index(offset + k);
        let since = self.opt_date_value(Some(since), at_(0));
        let until = self.opt_date_value(Some(until), at_(1));
        if let (Some(s), Some(u)) = (since, until) {
            if u.chronological(&s).is_lt() {
                self.report(at_(1), Problem::EndsBeforeStart);
            }
        }
        let title = self.text_value(Some(title), at_(2), MAX_NAME);
        let origin = match origin {
            Value::Null => None,
            value => Some(self.enum_value(Some(value), at_(3), Origin::from_wire, Origin::WIRE)),
        };
        let form = self.enum_value(Some(form), at_(4), Form::from_wire, Form::WIRE);
        // As many holders as the values that follow hold.
        let most = tail.len() / HOLDER_VALUES;
        let count = match self.number_value(Some(count), at_(5)) {
            Some(n) if n.fract() != 0.0 || n < 0.0 => {
                self.report(at_(5), Problem::NotAWholeNumber);
                None
            }
            Some(n) if n > most as f64 => {
                let max = most as u64;
                self.report(at_(5), Problem::TooLarge { max });
                None
            }
            n => n.map(|n| n as usize),
        }?;
        let (holders, after) = tail.split_at(count * HOLDER_VALUES);
        let holders: Vec<HolderSummary> = holders
            .chunks_exact(HOLDER_VALUES)
            .enumerate()
            .filter_map(|(i, h)| {
                let first = offset + PERIOD_VALUES + i * HOLDER_VALUES;
                self.holder_summary(h, at, first)
            })
            .collect();
        if self.issues.len() > before {
            return None;
        }
        let post = Post {
            title: title?.into(),
            origin: origin.map_or(Some(None), |o| o.map(Some))?,
            form: form?,
        };
        Some((PeriodSummary::new(post, since, until, holders), after))
    }

    /// A holder of an index entry's period: `name, since, until` at `first` in its `periods`.
    fn holder_summary(
        &mut self,
        values: &'v [Value<'v>],
        at: At,
        first: usize,
    ) -> Option<HolderSummary> {
        let [name, since, until] = values else {
            unreachable!("chunks of HOLDER_VALUES")
        };
        let name = self.text_value(Some(name), at.index(first), MAX_NAME);
        let since = self.opt_date_value(Some(since), at.index(first + 1));
        let until = self.opt_date_value(Some(until), at.index(first + 2));
        if let (Some(s), Some(u)) = (since, until) {
            if u.chronological(&s).is_lt() {
                self.report(at.index(first + 2), Problem::EndsBeforeStart);
            }
        }
        Some(HolderSummary {
            name: name?.into(),
            since,
            until,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forbidden_chars_as_ranges_are_the_forbidden_chars() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let listed = FORBIDDEN_CHARS.iter().any(|&(a, b)| (a..=b).contains(&c));
            assert_eq!(listed, is_forbidden_char(c), "{:#x}", u32::from(c));
        }
    }

    #[test]
    fn slugs() {
        for ok in ["darmstadt", "land-hessen", "a", "0", "a--b"] {
            assert!(is_slug(ok), "{ok}");
        }
        for bad in ["Darmstadt", "-a", "a-", "a b", "ä", "a_b"] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
