//! The dataset file's JSON shape as Rust types, for the JSON Schema only (feature `schema`).
//!
//! The app does not deserialise through these types: [`crate::validate`] walks the JSON by hand
//! (much smaller wasm, exact field paths). The schema in `public/data/cdo-atlas.schema.json` is
//! generated from them (`cargo run -p xtask -- schema`), and xtask's tests check that the schema
//! is current and that the shipped dataset deserialises into these types, so the two readings of
//! the format cannot drift apart unnoticed. Unknown extra fields are tolerated everywhere.
//!
//! **The schema says what the validator enforces, as far as JSON Schema can**: every string is
//! one of the constrained types below (slug, name, text, URL, date, Land code, AGS, …), whose
//! limits, patterns and enumerations are written from the validator's own constants
//! ([`crate::validate`]'s `MAX_*` and [`FORBIDDEN_CHARS`], [`Coordinates`]' ranges, the enums'
//! `WIRE` lists), never restated. xtask's `schema_patterns` test checks each pattern against the
//! validator's functions character by character. What JSON Schema cannot say (a cited source id
//! defined by the entry, unique ids, `until` not before `since`, dates not in the future) only
//! the validator checks; docs/DATA.md lists it.
//!
//! Patterns are ECMA-262 regular expressions as JSON Schema specifies, written so that Python's
//! `re` (and Rust's `regex`) read them the same: characters as `\uXXXX` (all in the Basic
//! Multilingual Plane), no `\s` or `\d` (whose meaning differs between engines), no lookaround.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::Deserialize;

use crate::domain::{Coordinates, Form, Kind, Land, Origin};
use crate::validate::{FORBIDDEN_CHARS, MAX_ID, MAX_NAME, MAX_POPULATION, MAX_TEXT, MAX_URL};

/// What `char::is_whitespace` (Unicode `White_Space`) calls whitespace: a text of only these is
/// blank, which the validator rejects (`Problem::Empty`).
pub const WHITESPACE: [(char, char); 10] = [
    ('\u{9}', '\u{d}'),
    (' ', ' '),
    ('\u{85}', '\u{85}'),
    ('\u{a0}', '\u{a0}'),
    ('\u{1680}', '\u{1680}'),
    ('\u{2000}', '\u{200a}'),
    ('\u{2028}', '\u{2029}'),
    ('\u{202f}', '\u{202f}'),
    ('\u{205f}', '\u{205f}'),
    ('\u{3000}', '\u{3000}'),
];

/// What `char::is_control` calls a control character (`Cc`), which no URL may hold.
pub const CONTROL: [(char, char); 2] = [('\u{0}', '\u{1f}'), ('\u{7f}', '\u{9f}')];

/// The body of a character class holding `ranges` (`\u0000-\u0008…`).
fn class(ranges: &[(char, char)]) -> String {
    let esc = |c: char| {
        assert!(u32::from(c) <= 0xffff, "a character outside the BMP");
        format!("\\u{:04x}", u32::from(c))
    };
    ranges
        .iter()
        .map(|&(a, b)| match (a, b) {
            (a, b) if a == b => esc(a),
            (a, b) => format!("{}-{}", esc(a), esc(b)),
        })
        .collect()
}

/// A text: at least one character that is not whitespace, and none that is forbidden.
pub fn text_pattern() -> String {
    let forbidden = class(&FORBIDDEN_CHARS);
    let blank = class(&WHITESPACE);
    format!("^[^{forbidden}]*[^{blank}{forbidden}][^{forbidden}]*$")
}

/// An entity id: a slug (`validate::is_slug`).
pub const SLUG_PATTERN: &str = "^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$";

/// An absolute http(s) URL (`HttpUrl::parse`): the scheme in any case, a host, no whitespace,
/// control or forbidden character.
pub fn url_pattern() -> String {
    let not: Vec<(char, char)> = [&FORBIDDEN_CHARS[..], &WHITESPACE, &CONTROL].concat();
    let not = class(&not);
    format!("^[Hh][Tt][Tt][Pp][Ss]?://[^/?#{not}][^{not}]*$")
}

/// A date as `PartialDate::parse` reads it: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, optionally
/// after `~`; a year from 1900, a month of the calendar, a day of that month (29 February in
/// leap years only).
pub fn date_pattern() -> String {
    let year = "(?:19|[2-9][0-9])[0-9]{2}";
    // Divisible by 4 but not by 100, or by 400 (2000, 2400, …; 1900 is not a leap year).
    let leap =
        "(?:(?:19|[2-9][0-9])(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[3579][26])00)";
    let month = "(?:0[1-9]|1[0-2])";
    let day = "(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])\
               |(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)\
               |02-(?:0[1-9]|1[0-9]|2[0-8]))";
    format!("^~?(?:{year}(?:-{month})?|{year}-{day}|{leap}-02-29)$")
}

/// An Amtlicher Gemeindeschlüssel (`Ags::parse`).
pub const AGS_PATTERN: &str = "^[0-9]{8}$";

/// `schema_version` of a file of this shape: major 2 (the app also reads major 1, a shape
/// without periods that this schema does not describe). Spelled canonically: the reader also
/// takes `+2.0` or `02.0`, which no writer of ours produces.
pub const SCHEMA_VERSION_PATTERN: &str = "^2\\.[0-9]{1,9}$";

/// A whole number from 0 to `max` in decimal, without a leading zero.
pub fn decimal_up_to(max: u64) -> String {
    let digits: Vec<u8> = max.to_string().bytes().map(|b| b - b'0').collect();
    let n = digits.len();
    let mut options = vec!["0".to_owned()];
    // Every number with fewer digits than `max`.
    if n > 1 {
        options.push(format!("[1-9][0-9]{{0,{}}}", n - 2));
    }
    // As many digits: the same first i digits, a smaller next one, any after it; or `max`.
    for i in 0..n {
        let low = if i == 0 { 1 } else { 0 };
        if digits[i] > low {
            let prefix: String = digits[..i].iter().map(|d| d.to_string()).collect();
            let rest = n - i - 1;
            let next = match digits[i] - 1 {
                high if high == low => low.to_string(),
                high => format!("[{low}-{high}]"),
            };
            let tail = if rest > 0 {
                format!("[0-9]{{{rest}}}")
            } else {
                String::new()
            };
            options.push(format!("{prefix}{next}{tail}"));
        }
    }
    options.push(max.to_string());
    options.dedup();
    format!("(?:{})", options.join("|"))
}

/// A data version, `MAJOR.MINOR.PATCH` (`DataVersion::parse`: each a `u32` without a leading
/// zero).
pub fn data_version_pattern() -> String {
    let n = decimal_up_to(u64::from(u32::MAX));
    format!("^{n}\\.{n}\\.{n}$")
}

/// A string of the dataset with the constraints its `schema` states: a newtype for the raw
/// types (serde reads it as the string it is), its schema a definition of its own.
macro_rules! constrained {
    ($(#[$doc:meta])* $name:ident, $description:expr, $schema:expr) => {
        $(#[$doc])*
        #[derive(Debug, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                let mut schema: serde_json::Value = $schema;
                schema["description"] = $description.into();
                Schema::try_from(schema).expect("an object")
            }
        }
    };
}

/// The schema of a text of at most `max` characters.
fn text_schema(max: usize) -> serde_json::Value {
    serde_json::json!({
        "type": "string",
        "minLength": 1,
        "maxLength": max,
        "pattern": text_pattern(),
    })
}

constrained!(
    /// An entity's id.
    Slug,
    "Lower-case slug (a-z, 0-9 and -, not first or last), unique in the file; used in URLs.",
    serde_json::json!({ "type": "string", "minLength": 1, "maxLength": MAX_ID, "pattern": SLUG_PATTERN })
);
constrained!(
    /// A source's id, and a citation of it.
    SourceId,
    "A source's local id; a fact cites it, and it must be defined in the entity's `sources` \
     (checked by the validator only).",
    text_schema(MAX_ID)
);
constrained!(
    /// A name or title.
    Name,
    "A name or title: not blank, no control or bidirectional-override character.",
    text_schema(MAX_NAME)
);
constrained!(
    /// A free text.
    Text,
    "A free text (context, background, answers): not blank, no control or \
     bidirectional-override character (line breaks and tabs are allowed).",
    text_schema(MAX_TEXT)
);
constrained!(
    /// A link.
    Url,
    "An absolute http:// or https:// URL with a host, without whitespace or control characters.",
    serde_json::json!({ "type": "string", "minLength": 1, "maxLength": MAX_URL, "pattern": url_pattern() })
);
constrained!(
    /// A date with its precision.
    Date,
    "`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real calendar date from 1900; a leading `~` where \
     the source only implies it. Not in the future (checked by the validator only).",
    serde_json::json!({ "type": "string", "pattern": date_pattern() })
);
constrained!(
    /// A Land.
    LandCode,
    "ISO 3166-2 code of a Land.",
    serde_json::json!({ "type": "string", "enum": Land::ALL.iter().map(|l| l.code()).collect::<Vec<_>>() })
);
constrained!(
    /// An Amtlicher Gemeindeschlüssel.
    Ags,
    "Amtlicher Gemeindeschlüssel, 8 digits (Destatis).",
    serde_json::json!({ "type": "string", "pattern": AGS_PATTERN })
);
constrained!(
    /// The file's format version.
    SchemaVersion,
    "`MAJOR.MINOR` of the file's format: major 2 for this shape (the app reads majors 1, \
     before periods, and 2, and ignores fields it does not know).",
    serde_json::json!({ "type": "string", "pattern": SCHEMA_VERSION_PATTERN })
);

constrained!(
    /// The data's version.
    DataVersion,
    "`MAJOR.MINOR.PATCH` of the data (not of its format): MAJOR when a reuser's reading \
     breaks, MINOR when something is added or reclassified, PATCH for corrections.",
    serde_json::json!({ "type": "string", "pattern": data_version_pattern() })
);

/// The top level of the dataset file.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(title = "cdo-atlas dataset")]
pub struct RawDataset {
    /// `MAJOR.MINOR`, `2.1` for this shape. The app reads majors 1 (before periods: one
    /// `office`, `established`, `holders` and `reporting_line` per entity, read as one period)
    /// and 2, and ignores fields it does not know.
    pub schema_version: SchemaVersion,
    /// The data's version (since schema 2.1; optional, older files have none); its changes are
    /// listed in `cdo-atlas.changelog.json`.
    #[serde(default)]
    pub data_version: Option<DataVersion>,
    /// Date the facts were last checked ("Stand"), `YYYY-MM-DD`.
    pub as_of: Date,
    /// Licence of the compiled dataset.
    pub licence: Name,
    /// Who compiled the dataset and how (free text).
    #[serde(default)]
    pub compiled_by: Option<Text>,
    /// Large cities the sources found no form of digital leadership for (not entries).
    #[serde(default)]
    pub not_covered: Vec<RawUncovered>,
    pub entities: Vec<RawEntity>,
}

/// A large city not in the dataset yet.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawUncovered {
    pub name: Name,
    /// Its Amtlicher Gemeindeschlüssel, 8 digits (Destatis).
    pub ags: Option<Ags>,
}

/// One city, Land or the federal level.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(transform = land_unless_federal)]
pub struct RawEntity {
    /// Lower-case slug, unique in the file, e.g. `darmstadt`, `land-hessen`.
    pub id: Slug,
    pub name: Name,
    pub kind: Kind,
    /// ISO 3166-2 code of the Land, e.g. `DE-HE`; required, except for the federal level,
    /// which has none (`null` or absent).
    pub land: Option<LandCode>,
    /// A city's Amtlicher Gemeindeschlüssel, 8 digits (Destatis).
    #[serde(default)]
    pub ags: Option<Ags>,
    /// City centre; for a Land its capital. WGS84 degrees, in Germany.
    pub coordinates: RawCoordinates,
    pub population: Option<RawPopulation>,
    /// How digital leadership was arranged, oldest first; at least one.
    #[schemars(length(min = 1))]
    pub periods: Vec<RawPeriod>,
    #[serde(default)]
    pub context: Vec<RawText>,
    pub interview: Option<RawInterview>,
    /// Every source this entity's facts cite, by local `id` (unique in the entity: checked by
    /// the validator only); at least one.
    #[schemars(length(min = 1))]
    pub sources: Vec<RawSource>,
}

/// `land` is a Land's code for a city or a Land, and `null` (or absent) for the federal level.
fn land_unless_federal(schema: &mut Schema) {
    let rule = serde_json::json!({
        "if": { "properties": { "kind": { "const": Kind::Federal.wire() } }, "required": ["kind"] },
        "then": { "properties": { "land": { "type": "null" } } },
        "else": { "properties": { "land": { "$ref": "#/$defs/LandCode" } }, "required": ["land"] },
    });
    schema.insert("allOf".into(), serde_json::Value::Array(vec![rule]));
}

/// One arrangement of digital leadership: a post or unit, classified on two axes (see
/// docs/DATA.md), with its dates and holders. A new period begins when the title, the form or
/// the origin changes.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawPeriod {
    /// The official title, in the language of the entity (e.g. "Chief Digital Officer").
    pub title: Name,
    /// Where the person who took the post came from; `null` if unknown or no person.
    pub origin: Option<Origin>,
    /// How the leadership is organised.
    pub form: Form,
    /// When the arrangement began; `null` if no source dates it.
    pub since: Option<RawDated>,
    /// When it ended (not before `since`: checked by the validator only); `null` if no end is
    /// documented. The last period with an end: abolished.
    pub until: Option<RawDated>,
    /// People who held the post, oldest first.
    #[serde(default)]
    pub holders: Vec<RawHolder>,
    pub reporting_line: Option<RawText>,
    /// The sources that state the title and form.
    #[schemars(length(min = 1))]
    pub sources: Vec<SourceId>,
}

/// A point in Germany (the validator's bounding box, `Coordinates::LAT_RANGE` and `LON_RANGE`).
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawCoordinates {
    #[schemars(range(min = *Coordinates::LAT_RANGE.start(), max = *Coordinates::LAT_RANGE.end()))]
    pub lat: f64,
    #[schemars(range(min = *Coordinates::LON_RANGE.start(), max = *Coordinates::LON_RANGE.end()))]
    pub lon: f64,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawPopulation {
    /// A positive whole number of people, at most 100 million.
    #[schemars(range(min = 1, max = MAX_POPULATION))]
    pub value: i64,
    /// Reference year of the figure: from 1900, not after today (checked by the validator
    /// only).
    #[schemars(range(min = 1900))]
    pub year: u16,
    #[schemars(length(min = 1))]
    pub sources: Vec<SourceId>,
}

/// A date with the sources that give it.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawDated {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; prefix `~` where the source only implies it.
    pub date: Date,
    #[schemars(length(min = 1))]
    pub sources: Vec<SourceId>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawHolder {
    pub name: Name,
    /// Role where it differs from the office title (e.g. "Chief Urban Officer").
    pub role: Option<RawLabel>,
    pub since: Option<Date>,
    /// Not before `since` (checked by the validator only).
    pub until: Option<Date>,
    pub background: Option<RawLocalized>,
    #[schemars(length(min = 1))]
    pub sources: Vec<SourceId>,
}

/// A sourced statement in German and English.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawText {
    pub de: Text,
    pub en: Text,
    #[schemars(length(min = 1))]
    pub sources: Vec<SourceId>,
}

/// A text in German and English.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawLocalized {
    pub de: Text,
    pub en: Text,
}

/// A short text (a name's length) in German and English.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawLabel {
    pub de: Name,
    pub en: Name,
}

/// The series interview with the entity's decision maker.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawInterview {
    pub url: Url,
    pub title: Option<Name>,
    /// Who was interviewed, e.g. "OB Jochen Partsch".
    pub interviewee: Option<Name>,
    /// Publication date if shown; the series' pages mostly show none.
    pub date: Option<Date>,
    /// The series' questions, paraphrased in our own words; `null` where the interview is silent.
    #[serde(default)]
    pub answers: Option<RawAnswers>,
}

/// Paraphrased answers to the series' questions (since schema 1.1).
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawAnswers {
    /// Why this model.
    pub reasons: Option<RawLocalized>,
    /// What is expected of the post or unit.
    pub expectations: Option<RawLocalized>,
    /// Goals and first projects.
    pub goals: Option<RawLocalized>,
    /// How success is measured.
    pub measurement: Option<RawLocalized>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawSource {
    /// Local id, cited by the entity's facts.
    pub id: SourceId,
    pub url: Url,
    pub title: Option<Name>,
    pub publisher: Option<Name>,
    /// Page date where the page shows one.
    pub date: Option<Date>,
    /// A political party's or parliamentary group's website: used only where no other source
    /// states the fact.
    #[serde(default)]
    pub party: Option<bool>,
}
