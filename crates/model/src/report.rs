//! "Stadt melden": a city or Land reports its model. The form's fields become one dataset entry
//! in the schema's shape, and that entry goes through the very validator the dataset does
//! (`parse_dataset`), so what the form accepts the dataset accepts. Each issue is mapped back to
//! the form field it concerns. Nothing is sent anywhere: the entry is for copying and mailing.

use serde_json::Value;

use crate::date::PartialDate;
use crate::domain::CURRENT_SCHEMA;
use crate::json_out::{float, int, obj, opt_text, pretty, text};
use crate::num::parse_decimal;
use crate::search::fold;
use crate::validate::{parse_dataset, Issue, Problem};

/// The form's fields, in form order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    Kind,
    Land,
    Lat,
    Lon,
    Population,
    PopulationYear,
    OfficeTitle,
    Form,
    Origin,
    Established,
    HolderName,
    HolderSince,
    ReportingDe,
    ReportingEn,
    SourceUrl,
    SourceTitle,
}

impl Field {
    pub const ALL: [Field; 17] = [
        Field::Name,
        Field::Kind,
        Field::Land,
        Field::Lat,
        Field::Lon,
        Field::Population,
        Field::PopulationYear,
        Field::OfficeTitle,
        Field::Form,
        Field::Origin,
        Field::Established,
        Field::HolderName,
        Field::HolderSince,
        Field::ReportingDe,
        Field::ReportingEn,
        Field::SourceUrl,
        Field::SourceTitle,
    ];

    /// The form control's id and the URL-safe name of the field.
    pub fn id(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Kind => "kind",
            Field::Land => "land",
            Field::Lat => "lat",
            Field::Lon => "lon",
            Field::Population => "population",
            Field::PopulationYear => "population-year",
            Field::OfficeTitle => "office-title",
            Field::Form => "form",
            Field::Origin => "origin",
            Field::Established => "established",
            Field::HolderName => "holder-name",
            Field::HolderSince => "holder-since",
            Field::ReportingDe => "reporting-de",
            Field::ReportingEn => "reporting-en",
            Field::SourceUrl => "source-url",
            Field::SourceTitle => "source-title",
        }
    }

    /// The form field an issue of the entry concerns (by its field path).
    fn of_path(path: &str) -> Option<Field> {
        Some(match path {
            "id" | "name" => Field::Name,
            "kind" => Field::Kind,
            "land" => Field::Land,
            "coordinates" | "coordinates.lat" => Field::Lat,
            "coordinates.lon" => Field::Lon,
            "population.value" | "population" => Field::Population,
            "population.year" => Field::PopulationYear,
            "periods" | "periods[0]" | "periods[0].title" => Field::OfficeTitle,
            "periods[0].form" => Field::Form,
            "periods[0].origin" => Field::Origin,
            "periods[0].since.date" | "periods[0].since" => Field::Established,
            "periods[0].holders[0].name" | "periods[0].holders[0]" | "periods[0].holders" => {
                Field::HolderName
            }
            "periods[0].holders[0].since" => Field::HolderSince,
            "periods[0].reporting_line.de" | "periods[0].reporting_line" => Field::ReportingDe,
            "periods[0].reporting_line.en" => Field::ReportingEn,
            "sources[0].url" | "sources[0]" | "sources" => Field::SourceUrl,
            "sources[0].title" => Field::SourceTitle,
            _ => return None,
        })
    }
}

/// What the reader typed, as typed (`kind`, `land`, `form`, `origin` hold wire values; an empty
/// `origin` means "unknown").
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    values: Vec<(Field, String)>,
}

/// The outcome of checking a report.
#[derive(Clone, Debug, PartialEq)]
pub enum Checked {
    /// A valid entry, pretty-printed JSON in the dataset's schema.
    Entry(String),
    /// Issues per field (fields in form order; an issue no field explains goes to `Name`).
    Invalid(Vec<(Field, Issue)>),
}

/// A `mailto:` link that prepares the report as an e-mail to `to` (empty: the reader fills in the
/// recipient), subject and body encoded for the address.
pub fn mail_link(to: &str, subject: &str, body: &str) -> String {
    use crate::params::encode;
    format!(
        "mailto:{to}?subject={}&body={}",
        encode(subject),
        encode(body)
    )
}

impl Report {
    pub fn set(&mut self, field: Field, value: impl Into<String>) {
        let value = value.into();
        match self.values.iter_mut().find(|(f, _)| *f == field) {
            Some(slot) => slot.1 = value,
            None => self.values.push((field, value)),
        }
    }

    pub fn get(&self, field: Field) -> &str {
        self.values
            .iter()
            .find(|(f, _)| *f == field)
            .map_or("", |(_, v)| v.trim())
    }

    fn opt(&self, field: Field) -> Option<&str> {
        Some(self.get(field)).filter(|v| !v.is_empty())
    }

    /// A decimal as typed (`49,87` or `49.87`); text that is no number stays text, so the
    /// validator names it ("expected a number").
    fn decimal(&self, field: Field) -> Value {
        let raw = self.get(field);
        parse_decimal(&raw.replace(',', ".")).map_or_else(|| text(raw), float)
    }

    /// A whole number as typed, thousands separators allowed (`54.248`, `54 248`).
    fn whole(&self, field: Field) -> Value {
        let raw = self.get(field);
        let digits: String = raw
            .chars()
            .filter(|c| !matches!(c, '.' | ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        digits.parse::<i64>().map_or_else(|_| text(raw), int)
    }

    /// The entry's id: the name folded to a slug ("Bad Homburg" → "bad-homburg").
    pub fn id(&self) -> String {
        let mut id = String::new();
        for c in fold(self.get(Field::Name)).chars() {
            if c.is_ascii_alphanumeric() {
                id.push(c);
            } else if !id.is_empty() && !id.ends_with('-') {
                id.push('-');
            }
        }
        id.trim_end_matches('-').chars().take(64).collect()
    }

    /// The entry in the dataset's shape (schema [`CURRENT_SCHEMA`]: one period, the one the
    /// reader describes); every fact cites the one source the form asks for.
    pub fn to_entry(&self) -> Value {
        let cite = || Value::Array(vec![text("s1")]);
        let population = self.opt(Field::Population).map_or(Value::Null, |_| {
            obj([
                ("value", self.whole(Field::Population)),
                ("year", self.whole(Field::PopulationYear)),
                ("sources", cite()),
            ])
        });
        let established = self.opt(Field::Established).map_or(Value::Null, |d| {
            obj([("date", text(d)), ("sources", cite())])
        });
        let holders = self.opt(Field::HolderName).map_or(Vec::new(), |name| {
            vec![obj([
                ("name", text(name)),
                ("role", Value::Null),
                ("since", opt_text(self.opt(Field::HolderSince))),
                ("until", Value::Null),
                ("background", Value::Null),
                ("sources", cite()),
            ])]
        });
        let reporting =
            if self.opt(Field::ReportingDe).is_some() || self.opt(Field::ReportingEn).is_some() {
                obj([
                    ("de", text(self.get(Field::ReportingDe))),
                    ("en", text(self.get(Field::ReportingEn))),
                    ("sources", cite()),
                ])
            } else {
                Value::Null
            };
        obj([
            ("id", text(&self.id())),
            ("name", text(self.get(Field::Name))),
            ("kind", text(self.get(Field::Kind))),
            ("land", text(self.get(Field::Land))),
            (
                "coordinates",
                obj([
                    ("lat", self.decimal(Field::Lat)),
                    ("lon", self.decimal(Field::Lon)),
                ]),
            ),
            ("population", population),
            (
                "periods",
                Value::Array(vec![obj([
                    ("title", text(self.get(Field::OfficeTitle))),
                    ("origin", opt_text(self.opt(Field::Origin))),
                    ("form", text(self.get(Field::Form))),
                    ("since", established),
                    ("until", Value::Null),
                    ("holders", Value::Array(holders)),
                    ("reporting_line", reporting),
                    ("sources", cite()),
                ])]),
            ),
            ("context", Value::Array(Vec::new())),
            ("interview", Value::Null),
            (
                "sources",
                Value::Array(vec![obj([
                    ("id", text("s1")),
                    ("url", text(self.get(Field::SourceUrl))),
                    ("title", opt_text(self.opt(Field::SourceTitle))),
                    ("publisher", Value::Null),
                    ("date", Value::Null),
                ])]),
            ),
        ])
    }

    /// Checks the report with the dataset's validator.
    pub fn check(&self, today: PartialDate) -> Checked {
        let entry = self.to_entry();
        let file = obj([
            ("schema_version", text(&CURRENT_SCHEMA.to_string())),
            ("as_of", text(&today.to_string())),
            ("licence", text("CC BY 4.0")),
            ("entities", Value::Array(vec![entry.clone()])),
        ]);
        let loaded = match parse_dataset(&pretty(&file), today) {
            Ok(loaded) => loaded,
            // The wrapper is ours and always a dataset; should it not be, say so at the name.
            Err(_) => {
                return Checked::Invalid(vec![(
                    Field::Name,
                    Issue {
                        field: ".".into(),
                        problem: Problem::Missing,
                    },
                )])
            }
        };
        match loaded.rejected.into_iter().next() {
            None => Checked::Entry(pretty(&entry)),
            Some(rejection) => {
                let tagged: Vec<(Field, Issue)> = rejection
                    .issues
                    .into_iter()
                    .map(|i| (Field::of_path(&i.field).unwrap_or(Field::Name), i))
                    .collect();
                // In the form's order.
                let position = |f: Field| Field::ALL.iter().position(|x| *x == f);
                let issues = crate::sorted_by(tagged, &|a, b| position(a.0).cmp(&position(b.0)));
                Checked::Invalid(issues)
            }
        }
    }
}
