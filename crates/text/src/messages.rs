//! Readable messages for dataset problems: why the file failed, or why an entry was rejected.

use cdo_model::date::DateError;
use cdo_model::num::fixed;
use cdo_model::validate::MAX_ID;
use cdo_model::{DatasetError, Issue, JsonType, Problem};

use crate::{date, Lang};

/// Why the whole dataset could not be used.
pub fn dataset_error(lang: Lang, e: &DatasetError) -> String {
    match (lang, e) {
        (Lang::De, DatasetError::Empty) => "Die Datei mit den Daten ist leer.".into(),
        (Lang::En, DatasetError::Empty) => "The data file is empty.".into(),
        (Lang::De, DatasetError::Html) => {
            "Statt der Daten (JSON) kam eine Webseite (HTML) zurück – meist eine Fehlerseite des Servers oder eines Proxys.".into()
        }
        (Lang::En, DatasetError::Html) => {
            "Instead of the data (JSON) a web page (HTML) came back – usually an error page of the server or a proxy.".into()
        }
        (Lang::De, DatasetError::Syntax(m)) => format!("Die Datei ist kein gültiges JSON ({m})."),
        (Lang::En, DatasetError::Syntax(m)) => format!("The file is not valid JSON ({m})."),
        (Lang::De, DatasetError::Header(i)) => format!("Die Datei hat nicht die Form eines Datensatzes. {}", issue(lang, i)),
        (Lang::En, DatasetError::Header(i)) => format!("The file is not shaped like a dataset. {}", issue(lang, i)),
        (Lang::De, DatasetError::UnsupportedSchema { found }) => format!(
            "Die Schema-Version „{found}“ kann diese Version der App nicht lesen (erwartet: 1.x). Bitte laden Sie die Seite neu."
        ),
        (Lang::En, DatasetError::UnsupportedSchema { found }) => format!(
            "This version of the app cannot read schema version “{found}” (expected 1.x). Please reload the page."
        ),
    }
}

/// Why a file the app loads is not available (the app's `LoadError`, borrowed).
#[derive(Clone, Copy, Debug)]
pub enum LoadFailure<'a> {
    /// No response at all (offline, server down), with what the browser said.
    Network(&'a str),
    /// The server answered with an error status.
    Http(u16),
    /// A response that is not a usable dataset.
    Dataset(&'a DatasetError),
    /// The map outlines file is not readable.
    Outlines,
}

/// Why a file could not be loaded, as the error state says it.
pub fn load_error(lang: Lang, e: LoadFailure) -> String {
    match (lang, e) {
        (Lang::De, LoadFailure::Network(m)) => format!(
            "Keine Verbindung zum Server ({m}). Auf diesem Gerät sind noch keine Daten \
             gespeichert: Nach einem ersten Besuch mit Verbindung funktioniert cdo-atlas \
             auch offline."
        ),
        (Lang::En, LoadFailure::Network(m)) => format!(
            "No connection to the server ({m}). No data is stored on this device yet: after \
             one visit with a connection, cdo-atlas also works offline."
        ),
        (Lang::De, LoadFailure::Http(code)) => {
            format!("Der Server antwortete mit dem Fehler HTTP {code}.")
        }
        (Lang::En, LoadFailure::Http(code)) => {
            format!("The server answered with error HTTP {code}.")
        }
        (lang, LoadFailure::Dataset(e)) => dataset_error(lang, e),
        (lang, LoadFailure::Outlines) => lang.strings().map_failed.to_owned(),
    }
}

/// One issue of a rejected entry: "Feld „name“: darf nicht leer sein."
pub fn issue(lang: Lang, issue: &Issue) -> String {
    let what = problem(lang, &issue.problem);
    match lang {
        Lang::De if issue.field == "." => format!("Eintrag: {what}"),
        Lang::En if issue.field == "." => format!("Entry: {what}"),
        Lang::De => format!("Feld „{}“: {what}", issue.field),
        Lang::En => format!("Field “{}”: {what}", issue.field),
    }
}

/// What is wrong, without the field: "darf nicht leer sein."
pub fn problem(lang: Lang, p: &Problem) -> String {
    use Problem::*;
    match (lang, p) {
        (Lang::De, Missing) => "fehlt.".into(),
        (Lang::En, Missing) => "is missing.".into(),
        (Lang::De, WrongType { expected, found }) => {
            format!(
                "erwartet {}, gefunden {}.",
                json_type(lang, *expected),
                json_type(lang, *found)
            )
        }
        (Lang::En, WrongType { expected, found }) => {
            format!(
                "expected {}, found {}.",
                json_type(lang, *expected),
                json_type(lang, *found)
            )
        }
        (Lang::De, NotAWholeNumber) => "muss eine ganze Zahl sein.".into(),
        (Lang::En, NotAWholeNumber) => "must be a whole number.".into(),
        (Lang::De, UnknownValue { found, expected }) => {
            format!(
                "„{found}“ ist kein erlaubter Wert (erlaubt: {}).",
                expected.join(", ")
            )
        }
        (Lang::En, UnknownValue { found, expected }) => {
            format!(
                "“{found}” is not an allowed value (allowed: {}).",
                expected.join(", ")
            )
        }

        (Lang::De, NotASlug) => format!(
            "nur Kleinbuchstaben, Ziffern und Bindestriche erlaubt (höchstens {MAX_ID} Zeichen)."
        ),
        (Lang::En, NotASlug) => format!(
            "only lower-case letters, digits and hyphens allowed (at most {MAX_ID} characters)."
        ),
        (Lang::De, DuplicateId) => {
            "diese ID kommt schon früher vor; der erste Eintrag gilt.".into()
        }
        (Lang::En, DuplicateId) => "this id appears earlier; the first entry is kept.".into(),
        (Lang::De, Empty) => "darf nicht leer sein.".into(),
        (Lang::En, Empty) => "must not be empty.".into(),
        (Lang::De, TooLong { max, len }) => format!("zu lang ({len} Zeichen, höchstens {max})."),
        (Lang::En, TooLong { max, len }) => format!("too long ({len} characters, at most {max})."),
        (Lang::De, UnknownLand(v)) => format!("„{v}“ ist kein Land-Code (DE-BW … DE-TH)."),
        (Lang::En, UnknownLand(v)) => format!("“{v}” is not a Land code (DE-BW … DE-TH)."),
        (Lang::De, NotAgs(v)) => {
            format!("„{v}“ ist kein Amtlicher Gemeindeschlüssel (8 Ziffern).")
        }
        (Lang::En, NotAgs(v)) => {
            format!("“{v}” is not an official municipality key (AGS, 8 digits).")
        }
        (Lang::De, OutsideGermany { lat, lon }) => {
            format!(
                "{}, {} liegt außerhalb Deutschlands.",
                fixed(*lat, 3),
                fixed(*lon, 3)
            )
        }
        (Lang::En, OutsideGermany { lat, lon }) => {
            format!(
                "{}, {} lies outside Germany.",
                fixed(*lat, 3),
                fixed(*lon, 3)
            )
        }
        (Lang::De, NotPositive(n)) => {
            format!(
                "{} ist keine gültige Einwohnerzahl (eine ganze Zahl größer als 0).",
                fixed(*n, 3)
            )
        }
        (Lang::En, NotPositive(n)) => format!(
            "{} is not a valid population (a whole number above 0).",
            fixed(*n, 3)
        ),
        (Lang::De, BadDate { value, error }) => format!(
            "„{value}“ ist kein gültiges Datum ({}).",
            date_error(lang, error)
        ),
        (Lang::En, BadDate { value, error }) => format!(
            "“{value}” is not a valid date ({}).",
            date_error(lang, error)
        ),
        (Lang::De, InFuture(d)) => format!("{} liegt in der Zukunft.", date(lang, *d)),
        (Lang::En, InFuture(d)) => format!("{} is in the future.", date(lang, *d)),
        (Lang::De, EndsBeforeStart) => "das Ende liegt vor dem Beginn.".into(),
        (Lang::En, EndsBeforeStart) => "the end lies before the start.".into(),
        (Lang::De, ImplausibleYear(y)) => format!("das Jahr {y} ist nicht plausibel."),
        (Lang::En, ImplausibleYear(y)) => format!("the year {y} is not plausible."),
        (Lang::De, DanglingSource(id)) => {
            format!("verweist auf die Quelle „{id}“, die der Eintrag nicht nennt.")
        }
        (Lang::En, DanglingSource(id)) => {
            format!("cites source “{id}”, which the entry does not list.")
        }
        (Lang::De, DuplicateSource(id)) => format!("die Quellen-ID „{id}“ kommt doppelt vor."),
        (Lang::En, DuplicateSource(id)) => format!("source id “{id}” appears twice."),
        (Lang::De, NotHttpUrl(v)) => format!("„{v}“ ist keine http(s)-Adresse."),
        (Lang::En, NotHttpUrl(v)) => format!("“{v}” is not an http(s) address."),
        (Lang::De, Unsourced) => "die Angabe hat keine Quelle.".into(),
        (Lang::En, Unsourced) => "the fact has no source.".into(),
        (Lang::De, ControlCharacter { code }) => format!(
            "der Text enthält ein Steuer- oder Richtungszeichen (U+{code:04X}), das ihn anders anzeigen könnte, als er lautet."
        ),
        (Lang::En, ControlCharacter { code }) => format!(
            "the text contains a control or direction character (U+{code:04X}) that could make it display differently from what it says."
        ),
        (Lang::De, ColumnLength { expected, found }) => {
            format!("hat {found} Werte statt {expected} wie die Spalte id.")
        }
        (Lang::En, ColumnLength { expected, found }) => {
            format!("has {found} values instead of {expected} like the id column.")
        }
        (Lang::De, NotAVersion(v)) => {
            format!("„{v}“ ist keine Versionsnummer (MAJOR.MINOR.PATCH, z. B. 1.0.0).")
        }
        (Lang::En, NotAVersion(v)) => {
            format!("“{v}” is not a version number (MAJOR.MINOR.PATCH, e.g. 1.0.0).")
        }
        (Lang::De, TooLarge { max }) => format!("mehr als {} ist nicht plausibel.", crate::number(lang, *max)),
        (Lang::En, TooLarge { max }) => format!("more than {} is not plausible.", crate::number(lang, *max)),
    }
}

fn json_type(lang: Lang, t: JsonType) -> &'static str {
    use JsonType::*;
    match (lang, t) {
        (Lang::De, Null) => "null",
        (Lang::De, Boolean) => "einen Wahrheitswert",
        (Lang::De, Number) => "eine Zahl",
        (Lang::De, String) => "einen Text",
        (Lang::De, Array) => "eine Liste",
        (Lang::De, Object) => "ein Objekt",
        (Lang::En, Null) => "null",
        (Lang::En, Boolean) => "a boolean",
        (Lang::En, Number) => "a number",
        (Lang::En, String) => "a text",
        (Lang::En, Array) => "a list",
        (Lang::En, Object) => "an object",
    }
}

fn date_error(lang: Lang, e: &DateError) -> &'static str {
    match (lang, e) {
        (Lang::De, DateError::Format) => "erwartet JJJJ, JJJJ-MM oder JJJJ-MM-TT",
        (Lang::En, DateError::Format) => "expected YYYY, YYYY-MM or YYYY-MM-DD",
        (Lang::De, DateError::OutOfCalendar) => "Monat oder Tag gibt es nicht",
        (Lang::En, DateError::OutOfCalendar) => "no such month or day",
        (Lang::De, DateError::TooEarly) => "vor 1900",
        (Lang::En, DateError::TooEarly) => "before 1900",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdo_model::validate::MAX_NAME;
    use cdo_model::PartialDate;

    fn check(lang: Lang, field: &str, problem: Problem, expected: &str) {
        assert_eq!(
            issue(
                lang,
                &Issue {
                    field: field.into(),
                    problem
                }
            ),
            expected
        );
    }

    #[test]
    fn issues_name_the_field_and_the_problem() {
        check(
            Lang::De,
            "name",
            Problem::Empty,
            "Feld „name“: darf nicht leer sein.",
        );
        check(
            Lang::En,
            "name",
            Problem::Empty,
            "Field “name”: must not be empty.",
        );
        check(
            Lang::De,
            "holders[0].since",
            Problem::InFuture(PartialDate::parse("2031-01").unwrap()),
            "Feld „holders[0].since“: Januar 2031 liegt in der Zukunft.",
        );
        check(
            Lang::En,
            "sources[0].url",
            Problem::NotHttpUrl("javascript:alert(1)".into()),
            "Field “sources[0].url”: “javascript:alert(1)” is not an http(s) address.",
        );
        check(
            Lang::De,
            "office",
            Problem::Missing,
            "Feld „office“: fehlt.",
        );
        check(
            Lang::De,
            ".",
            Problem::WrongType {
                expected: JsonType::Object,
                found: JsonType::String,
            },
            "Eintrag: erwartet ein Objekt, gefunden einen Text.",
        );
        check(
            Lang::En,
            "kind",
            Problem::UnknownValue {
                found: "village".into(),
                expected: cdo_model::Kind::WIRE,
            },
            "Field “kind”: “village” is not an allowed value (allowed: city, land, federal).",
        );
        check(
            Lang::En,
            "name",
            Problem::TooLong {
                max: MAX_NAME,
                len: 5000,
            },
            "Field “name”: too long (5000 characters, at most 200).",
        );
    }

    #[test]
    fn dataset_errors_say_what_to_do() {
        let e = DatasetError::UnsupportedSchema {
            found: "2.0".into(),
        };
        assert!(dataset_error(Lang::De, &e).contains("„2.0“"));
        assert!(dataset_error(Lang::En, &e).contains("reload"));
    }

    #[test]
    fn load_errors_say_why_in_each_language() {
        assert_eq!(
            load_error(Lang::De, LoadFailure::Network("Failed to fetch")),
            "Keine Verbindung zum Server (Failed to fetch). Auf diesem Gerät sind noch keine \
             Daten gespeichert: Nach einem ersten Besuch mit Verbindung funktioniert cdo-atlas \
             auch offline."
        );
        assert_eq!(
            load_error(Lang::En, LoadFailure::Network("Failed to fetch")),
            "No connection to the server (Failed to fetch). No data is stored on this device \
             yet: after one visit with a connection, cdo-atlas also works offline."
        );
        assert_eq!(
            load_error(Lang::De, LoadFailure::Http(503)),
            "Der Server antwortete mit dem Fehler HTTP 503."
        );
        assert_eq!(
            load_error(Lang::En, LoadFailure::Http(404)),
            "The server answered with error HTTP 404."
        );
        assert_eq!(
            load_error(Lang::En, LoadFailure::Dataset(&DatasetError::Empty)),
            "The data file is empty."
        );
        assert_eq!(
            load_error(Lang::De, LoadFailure::Outlines),
            crate::DE.map_failed
        );
    }
}
