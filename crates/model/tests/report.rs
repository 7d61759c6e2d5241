//! The report form's logic: a complete report becomes an entry the dataset validator accepts;
//! anything wrong is named at the field it concerns.

use cdo_model::report::{mail_link, Checked, Field, Report};
use cdo_model::{parse_dataset, PartialDate, Problem};

fn today() -> PartialDate {
    PartialDate::ymd(2026, 12, 4)
}

fn complete() -> Report {
    let mut r = Report::default();
    for (f, v) in [
        (Field::Name, "Bad Homburg vor der Höhe"),
        (Field::Kind, "city"),
        (Field::Land, "DE-HE"),
        (Field::Lat, "50,2268"),
        (Field::Lon, "8.6182"),
        (Field::Population, "54.248"),
        (Field::PopulationYear, "2023"),
        (Field::OfficeTitle, "Chief Digital Officer"),
        (Field::Form, "cdo_post"),
        (Field::Origin, "internal"),
        (Field::Established, "2021-03"),
        (Field::HolderName, "Erika Beispiel"),
        (Field::HolderSince, "2021-04-01"),
        (Field::ReportingDe, "Direkt beim Oberbürgermeister"),
        (Field::ReportingEn, "Reports directly to the mayor"),
        (
            Field::SourceUrl,
            "https://www.bad-homburg.de/pressemitteilung",
        ),
        (Field::SourceTitle, "Pressemitteilung"),
    ] {
        r.set(f, v);
    }
    r
}

#[test]
fn a_complete_report_is_an_entry_the_dataset_validator_accepts() {
    let Checked::Entry(json) = complete().check(today()) else {
        panic!(
            "a complete report is valid: {:?}",
            complete().check(today())
        );
    };
    let file = format!(
        "{{\"schema_version\":\"2.0\",\"as_of\":\"2026-11-26\",\"licence\":\"x\",\"entities\":[{json}]}}"
    );
    let loaded = parse_dataset(&file, today()).unwrap();
    assert!(loaded.rejected.is_empty());
    let e = &loaded.dataset.entities[0];
    assert_eq!(e.id, "bad-homburg-vor-der-hohe");
    assert_eq!(e.name, "Bad Homburg vor der Höhe");
    assert_eq!(e.coordinates.lat, 50.2268, "a German decimal comma is read");
    assert_eq!(
        e.population.as_ref().map(|p| p.value),
        Some(54_248),
        "thousands dots are read"
    );
    assert_eq!(
        e.current_holder().map(|h| h.name.as_str()),
        Some("Erika Beispiel")
    );
    assert_eq!(
        e.sources[0].url.as_str(),
        "https://www.bad-homburg.de/pressemitteilung"
    );
}

#[test]
fn optional_fields_may_stay_empty() {
    let mut r = complete();
    for f in [
        Field::Population,
        Field::PopulationYear,
        Field::Origin,
        Field::Established,
        Field::HolderName,
        Field::HolderSince,
        Field::ReportingDe,
        Field::ReportingEn,
        Field::SourceTitle,
    ] {
        r.set(f, "");
    }
    assert!(
        matches!(r.check(today()), Checked::Entry(_)),
        "{:?}",
        r.check(today())
    );
}

fn issues(r: &Report) -> Vec<(Field, Problem)> {
    match r.check(today()) {
        Checked::Entry(_) => vec![],
        Checked::Invalid(list) => list.into_iter().map(|(f, i)| (f, i.problem)).collect(),
    }
}

/// A form field, what is typed into it, and what the check must say about it.
type Case = (Field, &'static str, fn(&Problem) -> bool);

#[test]
fn each_mistake_is_named_at_its_field() {
    let cases: Vec<Case> = vec![
        (Field::Name, "", |p| matches!(p, Problem::Empty)),
        (Field::Land, "DE-XX", |p| {
            matches!(p, Problem::UnknownLand(_))
        }),
        (Field::Lat, "nördlich", |p| {
            matches!(p, Problem::WrongType { .. })
        }),
        (Field::Lon, "2.35", |p| {
            matches!(p, Problem::OutsideGermany { .. })
        }),
        (Field::Form, "", |p| {
            matches!(p, Problem::UnknownValue { .. })
        }),
        (Field::Established, "2099", |p| {
            matches!(p, Problem::InFuture(_))
        }),
        (Field::HolderSince, "31.02.2020", |p| {
            matches!(p, Problem::BadDate { .. })
        }),
        (Field::SourceUrl, "javascript:alert(1)", |p| {
            matches!(p, Problem::NotHttpUrl(_))
        }),
        (Field::Population, "-3", |p| {
            matches!(p, Problem::NotPositive(_))
        }),
        (Field::ReportingEn, "", |p| matches!(p, Problem::Empty)),
        (Field::OfficeTitle, "Chief\u{202e}Officer", |p| {
            matches!(p, Problem::ControlCharacter { .. })
        }),
    ];
    for (field, value, expected) in cases {
        let mut r = complete();
        r.set(field, value);
        let found = issues(&r);
        let mapped: Vec<(Field, Problem)> = if field == Field::Lon {
            // Outside Germany concerns the coordinates, shown at the latitude.
            found.iter().map(|(_, p)| (Field::Lon, p.clone())).collect()
        } else {
            found.clone()
        };
        assert!(
            mapped.iter().any(|(f, p)| *f == field && expected(p)),
            "{field:?} = {value:?}: got {found:?}"
        );
    }
}

#[test]
fn an_empty_form_names_every_required_field() {
    let fields: Vec<Field> = issues(&Report::default())
        .into_iter()
        .map(|(f, _)| f)
        .collect();
    for required in [
        Field::Name,
        Field::Kind,
        Field::Land,
        Field::Lat,
        Field::Lon,
        Field::OfficeTitle,
        Field::Form,
        Field::SourceUrl,
    ] {
        assert!(fields.contains(&required), "{required:?} in {fields:?}");
    }
    // In form order.
    let order: Vec<usize> = fields
        .iter()
        .map(|f| Field::ALL.iter().position(|x| x == f).unwrap())
        .collect();
    assert!(order.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn the_mail_link_carries_subject_and_entry_encoded() {
    let link = mail_link("", "Meldung: Köln", "{\"id\": \"koeln\"}\n&more");
    assert_eq!(
        link,
        "mailto:?subject=Meldung%3A%20K%C3%B6ln&body=%7B%22id%22%3A%20%22koeln%22%7D%0A%26more"
    );
    assert!(
        mail_link("redaktion@example.org", "a", "b").starts_with("mailto:redaktion@example.org?")
    );
}
