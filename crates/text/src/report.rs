//! The report form's labels and hints ("Stadt melden").

use cdo_model::report::Field;
use cdo_model::Problem;

use crate::Lang;

/// The label of a form field and an optional hint below it.
pub fn label(lang: Lang, f: Field) -> (&'static str, Option<&'static str>) {
    use Field::*;
    match (lang, f) {
        (Lang::De, Name) => ("Name der Stadt oder des Landes", None),
        (Lang::En, Name) => ("Name of the city or Land", None),
        (Lang::De, Kind) => ("Art", None),
        (Lang::En, Kind) => ("Kind", None),
        (Lang::De, Land) => ("Bundesland", None),
        (Lang::En, Land) => ("Land (state)", None),
        (Lang::De, Lat) => (
            "Breitengrad",
            Some("z. B. 49,872 – aus einer Karte wie OpenStreetMap"),
        ),
        (Lang::En, Lat) => (
            "Latitude",
            Some("e.g. 49.872 – from a map such as OpenStreetMap"),
        ),
        (Lang::De, Lon) => ("Längengrad", Some("z. B. 8,651")),
        (Lang::En, Lon) => ("Longitude", Some("e.g. 8.651")),
        (Lang::De, Population) => ("Einwohnerzahl (freiwillig)", None),
        (Lang::En, Population) => ("Population (optional)", None),
        (Lang::De, PopulationYear) => ("Stand der Einwohnerzahl (Jahr)", None),
        (Lang::En, PopulationYear) => ("Year of the population figure", None),
        (Lang::De, OfficeTitle) => (
            "Bezeichnung des Amts oder der Stelle",
            Some("z. B. Chief Digital Officer, Stabsstelle Digitalisierung"),
        ),
        (Lang::En, OfficeTitle) => (
            "Title of the office or unit",
            Some("e.g. Chief Digital Officer, digital staff unit"),
        ),
        (Lang::De, Form) => ("Organisationsform", None),
        (Lang::En, Form) => ("Organisational form", None),
        (Lang::De, Origin) => ("Herkunft der Person (bei einer CDO-Stelle)", None),
        (Lang::En, Origin) => ("Where the person comes from (for a CDO post)", None),
        (Lang::De, Established) => (
            "Eingerichtet (freiwillig)",
            Some("JJJJ, JJJJ-MM oder JJJJ-MM-TT"),
        ),
        (Lang::En, Established) => (
            "Established (optional)",
            Some("YYYY, YYYY-MM or YYYY-MM-DD"),
        ),
        (Lang::De, HolderName) => (
            "Name der Amtsinhaberin oder des Amtsinhabers (freiwillig)",
            None,
        ),
        (Lang::En, HolderName) => ("Name of the office holder (optional)", None),
        (Lang::De, HolderSince) => (
            "Im Amt seit (freiwillig)",
            Some("JJJJ, JJJJ-MM oder JJJJ-MM-TT"),
        ),
        (Lang::En, HolderSince) => (
            "In office since (optional)",
            Some("YYYY, YYYY-MM or YYYY-MM-DD"),
        ),
        (Lang::De, ReportingDe) => (
            "Anbindung, deutsch (freiwillig)",
            Some("z. B. direkt beim Oberbürgermeister"),
        ),
        (Lang::En, ReportingDe) => ("Reporting line in German (optional)", None),
        (Lang::De, ReportingEn) => (
            "Anbindung, englisch",
            Some("nötig, wenn die Anbindung angegeben ist"),
        ),
        (Lang::En, ReportingEn) => (
            "Reporting line in English",
            Some("needed if a reporting line is given"),
        ),
        (Lang::De, SourceUrl) => (
            "Öffentliche Quelle (Adresse)",
            Some("Pressemitteilung, Ratsbeschluss, Interview – https://…"),
        ),
        (Lang::En, SourceUrl) => (
            "Public source (address)",
            Some("press release, council decision, interview – https://…"),
        ),
        (Lang::De, SourceTitle) => ("Titel der Quelle (freiwillig)", None),
        (Lang::En, SourceTitle) => ("Title of the source (optional)", None),
    }
}

/// A problem of a field, as shown at the field: a sentence of its own ("Fehlt.").
pub fn field_problem(lang: Lang, p: &Problem) -> String {
    capitalised(&crate::problem(lang, p))
}

/// A problem in the summary above the form, named by its field: "Breitengrad: Fehlt."
pub fn summary_item(lang: Lang, f: Field, p: &Problem) -> String {
    let (label, _) = label(lang, f);
    format!("{label}: {}", field_problem(lang, p))
}

/// The subject of the report's e-mail: "cdo-atlas: Meldung für Bottrop".
pub fn mail_subject(lang: Lang, name: &str) -> String {
    match lang {
        Lang::De => format!("cdo-atlas: Meldung für {name}"),
        Lang::En => format!("cdo-atlas: report for {name}"),
    }
}

/// The problem texts start with an ASCII letter or a quote; ASCII upper-casing avoids the
/// Unicode case tables in the wasm.
fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| std::iter::once(f.to_ascii_uppercase()).chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_are_sentences_named_by_their_field_in_the_summary() {
        assert_eq!(field_problem(Lang::De, &Problem::Missing), "Fehlt.");
        assert_eq!(field_problem(Lang::En, &Problem::Missing), "Is missing.");
        assert_eq!(
            summary_item(Lang::De, Field::Lat, &Problem::Missing),
            "Breitengrad: Fehlt."
        );
        assert_eq!(
            summary_item(Lang::En, Field::Lat, &Problem::Missing),
            "Latitude: Is missing."
        );
    }

    #[test]
    fn the_mail_subject_names_the_city() {
        assert_eq!(
            mail_subject(Lang::De, "Bottrop"),
            "cdo-atlas: Meldung für Bottrop"
        );
        assert_eq!(
            mail_subject(Lang::En, "Bottrop"),
            "cdo-atlas: report for Bottrop"
        );
    }
}
