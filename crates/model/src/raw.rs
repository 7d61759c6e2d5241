//! The dataset file's JSON shape as Rust types, for the JSON Schema only (feature `schema`).
//!
//! The app does not deserialise through these types: [`crate::validate`] walks the JSON by hand
//! (much smaller wasm, exact field paths). The schema in `public/data/cdo-atlas.schema.json` is
//! generated from them (`cargo run -p xtask -- schema`), and xtask's tests check that the schema
//! is current and that the shipped dataset deserialises into these types, so the two readings of
//! the format cannot drift apart unnoticed. Unknown extra fields are tolerated everywhere.

use schemars::JsonSchema;
use serde::Deserialize;

use crate::domain::{Form, Kind, Origin};

/// The top level of the dataset file.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(title = "cdo-atlas dataset")]
pub struct RawDataset {
    /// `MAJOR.MINOR`, `2.0` for this shape. The app reads majors 1 (before periods: one
    /// `office`, `established`, `holders` and `reporting_line` per entity, read as one period)
    /// and 2, and ignores fields it does not know.
    pub schema_version: String,
    /// Date the facts were last checked ("Stand"), `YYYY-MM-DD`.
    pub as_of: String,
    /// Licence of the compiled dataset.
    pub licence: String,
    /// Who compiled the dataset and how (free text).
    #[serde(default)]
    pub compiled_by: Option<String>,
    /// Large cities the sources found no form of digital leadership for (not entries).
    #[serde(default)]
    pub not_covered: Vec<RawUncovered>,
    pub entities: Vec<RawEntity>,
}

/// A large city not in the dataset yet.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawUncovered {
    pub name: String,
    /// Its Amtlicher Gemeindeschlüssel, 8 digits (Destatis).
    pub ags: Option<String>,
}

/// One city, Land or the federal level.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawEntity {
    /// Lower-case slug, unique in the file, e.g. `darmstadt`, `land-hessen`.
    pub id: String,
    pub name: String,
    pub kind: Kind,
    /// ISO 3166-2 code of the Land, e.g. `DE-HE`; `null` only for the federal level.
    pub land: Option<String>,
    /// A city's Amtlicher Gemeindeschlüssel, 8 digits (Destatis).
    #[serde(default)]
    pub ags: Option<String>,
    /// City centre; for a Land its capital. WGS84 degrees.
    pub coordinates: RawCoordinates,
    pub population: Option<RawPopulation>,
    /// How digital leadership was arranged, oldest first; at least one.
    pub periods: Vec<RawPeriod>,
    #[serde(default)]
    pub context: Vec<RawText>,
    pub interview: Option<RawInterview>,
    /// Every source this entity's facts cite, by local `id`.
    pub sources: Vec<RawSource>,
}

/// One arrangement of digital leadership: a post or unit, classified on two axes (see
/// docs/DATA.md), with its dates and holders. A new period begins when the title, the form or
/// the origin changes.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawPeriod {
    /// The official title, in the language of the entity (e.g. "Chief Digital Officer").
    pub title: String,
    /// Where the person who took the post came from; `null` if unknown or no person.
    pub origin: Option<Origin>,
    /// How the leadership is organised.
    pub form: Form,
    /// When the arrangement began; `null` if no source dates it.
    pub since: Option<RawDated>,
    /// When it ended; `null` if no end is documented. The last period with an end: abolished.
    pub until: Option<RawDated>,
    /// People who held the post, oldest first.
    #[serde(default)]
    pub holders: Vec<RawHolder>,
    pub reporting_line: Option<RawText>,
    /// The sources that state the title and form.
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawCoordinates {
    pub lat: f64,
    pub lon: f64,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawPopulation {
    pub value: i64,
    /// Reference year of the figure.
    pub year: u16,
    pub sources: Vec<String>,
}

/// A date with the sources that give it.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawDated {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; prefix `~` where the source only implies it.
    pub date: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawHolder {
    pub name: String,
    /// Role where it differs from the office title (e.g. "Chief Urban Officer").
    pub role: Option<RawLocalized>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub background: Option<RawLocalized>,
    pub sources: Vec<String>,
}

/// A sourced statement in German and English.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawText {
    pub de: String,
    pub en: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawLocalized {
    pub de: String,
    pub en: String,
}

/// The series interview with the entity's decision maker.
#[derive(Debug, Deserialize, JsonSchema)]
pub struct RawInterview {
    pub url: String,
    pub title: Option<String>,
    /// Who was interviewed, e.g. "OB Jochen Partsch".
    pub interviewee: Option<String>,
    /// Publication date if shown; the series' pages mostly show none.
    pub date: Option<String>,
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
    pub id: String,
    pub url: String,
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// Page date where the page shows one.
    pub date: Option<String>,
    /// A political party's or parliamentary group's website: used only where no other source
    /// states the fact.
    #[serde(default)]
    pub party: Option<bool>,
}
