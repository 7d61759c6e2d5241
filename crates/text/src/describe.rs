//! What each page says of itself outside the page: its `<meta name="description">`, which search
//! results and link previews show (`head::use_head` in the app; written into the pre-rendered
//! pages by `xtask prerender`). One sentence or two, from the data, in each language.
//!
//! A profile's says the entity, its model in words, since when, and the post with its holder
//! where known; what the data does not know is left out, never guessed. The other pages say what
//! they offer, with counts from the data where natural.

use cdo_model::compare::MAX_COMPARED;
use cdo_model::{Entity, Kind, PartialDate, Summary};

use crate::{date, headline, land, number, origin_explained, Lang};

/// How many entries of each kind: "78 Städte, 15 Länder und der Bund".
fn entries(lang: Lang, summaries: &[Summary]) -> String {
    let count = |k: Kind| summaries.iter().filter(|e| e.kind == k).count();
    let n = |count: usize| number(lang, count as u64);
    let (cities, laender, federal) = (count(Kind::City), count(Kind::Land), count(Kind::Federal));
    let mut parts = Vec::new();
    match (lang, cities) {
        (_, 0) => {}
        (Lang::De, 1) => parts.push("1 Stadt".to_owned()),
        (Lang::De, _) => parts.push(format!("{} Städte", n(cities))),
        (Lang::En, 1) => parts.push("1 city".to_owned()),
        (Lang::En, _) => parts.push(format!("{} cities", n(cities))),
    }
    match (lang, laender) {
        (_, 0) => {}
        (Lang::De, 1) => parts.push("1 Land".to_owned()),
        (Lang::De, _) => parts.push(format!("{} Länder", n(laender))),
        (Lang::En, 1) => parts.push("1 Land".to_owned()),
        (Lang::En, _) => parts.push(format!("{} Länder", n(laender))),
    }
    if federal > 0 {
        parts.push(
            match lang {
                Lang::De => "der Bund",
                Lang::En => "the federal level",
            }
            .to_owned(),
        );
    }
    let and = match lang {
        Lang::De => " und ",
        Lang::En => " and ",
    };
    match parts.split_last() {
        None => number(lang, 0),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{}{and}{last}", rest.join(", ")),
    }
}

/// The overview: "Wer führt die Digitalisierung? Wie 78 Städte, 15 Länder und der Bund …".
pub fn overview(lang: Lang, summaries: &[Summary]) -> String {
    let who = entries(lang, summaries);
    match lang {
        Lang::De => format!("Wer führt die Digitalisierung? Wie {who} ihre digitale Führung organisieren: Modelle, Zeitleiste und ein Profil je Eintrag, jede Angabe mit Quelle."),
        Lang::En => format!("Who leads digitalisation? How {who} organise their digital leadership: models, a timeline and a profile for each entry, every fact sourced."),
    }
}

/// The map.
pub fn map(lang: Lang, summaries: &[Summary]) -> String {
    let who = entries(lang, summaries);
    match lang {
        Lang::De => format!("Karte der digitalen Führung: {who} nach Modell, Herkunft der Verantwortlichen oder Organisationsform, mit einer Liste als Alternative."),
        Lang::En => format!("Map of digital leadership: {who} by model, the origin of the person in charge or the form of organisation, with a list as an alternative."),
    }
}

/// The explorer.
pub fn explore(lang: Lang, summaries: &[Summary]) -> String {
    let n = number(lang, summaries.len() as u64);
    match lang {
        Lang::De => format!("Alle {n} Einträge in einer Tabelle: nach Land, Modell, Herkunft, Organisationsform und Größe filtern, sortieren, frei suchen und als CSV oder JSON herunterladen."),
        Lang::En => format!("All {n} entries in one table: filter by Land, model, origin, form and size, sort, search and download as CSV or JSON."),
    }
}

/// The comparison.
pub fn compare(lang: Lang) -> String {
    match lang {
        Lang::De => format!("Bis zu {MAX_COMPARED} Städte und Länder nebeneinander: Modell, Amt, Besetzung, Berichtslinie und Quellen, die Unterschiede markiert."),
        Lang::En => format!("Up to {MAX_COMPARED} cities and Länder side by side: model, office, holders, reporting line and sources, with the differences marked."),
    }
}

/// The interview series across its interviews.
pub fn series(lang: Lang, entities: &[Entity]) -> String {
    let interviews = entities.iter().filter(|e| e.interview.is_some()).count();
    match (lang, interviews) {
        (Lang::De, 1) => "Die Interviewreihe Frage für Frage: warum eine Stadt ihr Modell digitaler Führung gewählt hat, was sie erwartet, welche Ziele sie hat und wie sie Erfolg misst.".to_owned(),
        (Lang::De, n) => format!("Die Interviewreihe Frage für Frage: {n} Interviews nebeneinander – warum Städte ihr Modell digitaler Führung gewählt haben, was sie erwarten, welche Ziele sie haben und wie sie Erfolg messen."),
        (Lang::En, 1) => "The interview series question by question: why a city chose its model of digital leadership, what it expects, its goals and how it measures success.".to_owned(),
        (Lang::En, n) => format!("The interview series question by question: {n} interviews side by side – why cities chose their model of digital leadership, what they expect, their goals and how they measure success."),
    }
}

/// The report form.
pub fn report(lang: Lang) -> String {
    match lang {
        Lang::De => "Eine Stadt oder ein Land melden, das noch fehlt, oder einen Eintrag aktualisieren: das Formular prüft die Angaben wie der Datensatz selbst und bereitet eine E-Mail vor; gesendet wird nichts.".to_owned(),
        Lang::En => "Report a city or Land that is missing, or an update of an entry: the form checks it as the dataset does and prepares an e-mail; nothing is sent.".to_owned(),
    }
}

/// The about page.
pub fn about(lang: Lang, as_of: PartialDate, licence: &str) -> String {
    let when = date(lang, as_of);
    match lang {
        Lang::De => format!("Über den cdo-atlas: die Modelle digitaler Führung erklärt, wie jede Angabe belegt wird, was sich geändert hat, und die Daten als JSON und CSV (Lizenz {licence}, Stand {when})."),
        Lang::En => format!("About cdo-atlas: the models of digital leadership explained, how every fact is sourced, what changed, and the data as JSON and CSV (licence {licence}, as of {when})."),
    }
}

/// A page that does not exist.
pub fn not_found(lang: Lang) -> String {
    match lang {
        Lang::De => "Diese Adresse führt zu keiner Seite des cdo-atlas; die Übersicht führt zu allen Städten und Ländern.".to_owned(),
        Lang::En => "This address leads to no page of cdo-atlas; the overview leads to every city and Land.".to_owned(),
    }
}

/// What the site image of the link previews shows (`og:image:alt`; the image is drawn by
/// `scripts/og-image.mjs`, and says no more than this).
/// The image's text is German in both languages.
pub fn site_image(lang: Lang) -> String {
    let de = Lang::De.strings().tagline;
    match lang {
        Lang::De => format!("cdo-atlas: „{de}“ neben einer schematischen Karte der Länder"),
        Lang::En => format!(
            "cdo-atlas with its German tagline, „{de}“ ({}), beside a schematic map of the Länder",
            Lang::En.strings().tagline
        ),
    }
}

/// Where an entity is: "Stadt in Hessen", "Land", "Bund" ("city in Hesse", "German Land",
/// "Federal level").
fn whereabouts(lang: Lang, e: &Summary) -> String {
    match (lang, e.kind, e.land) {
        (Lang::De, Kind::City, Some(l)) => format!("Stadt in {}", land(lang, l)),
        (Lang::En, Kind::City, Some(l)) => format!("city in {}", land(lang, l)),
        (Lang::En, Kind::Land, _) => "German Land".to_owned(),
        (_, k, _) => crate::kind(lang, k).to_owned(),
    }
}

/// A profile: "Darmstadt (Stadt in Hessen): CDO aus der Wissenschaft, seit Mai 2017. Chief
/// Digital Officer: Prof. Michael Waidner. Jede Angabe mit Quelle." The origin of the person
/// who leads is named where the model's name does not say it and it is known; since when, and the holder, where known.
pub fn profile(lang: Lang, e: &Summary) -> String {
    let post = e.model();
    let model = headline(lang, post.headline());
    let origin = match post.origin {
        Some(o) if !post.headline().states_origin() => match lang {
            Lang::De => format!(", Leitung {}", origin_explained(lang, o)),
            Lang::En => format!(", led by someone {}", origin_explained(lang, o)),
        },
        _ => String::new(),
    };
    let when = match (e.ended, e.since) {
        (Some(ended), _) => match lang {
            Lang::De => format!(", beendet {}", date(lang, ended)),
            Lang::En => format!(", ended {}", date(lang, ended)),
        },
        (None, Some(since)) => match lang {
            Lang::De => format!(", seit {}", date(lang, since)),
            Lang::En => format!(", since {}", date(lang, since)),
        },
        (None, None) => String::new(),
    };
    let office = match &e.holder {
        Some(holder) => format!("{}: {holder}", post.title),
        None => post.title.to_string(),
    };
    let place = whereabouts(lang, e);
    let name = &e.name;
    match lang {
        Lang::De => {
            format!("{name} ({place}): {model}{origin}{when}. {office}. Jede Angabe mit Quelle.")
        }
        Lang::En => {
            format!("{name} ({place}): {model}{origin}{when}. {office}. Every fact sourced.")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdo_model::{parse_dataset, Form, Origin};

    fn data() -> cdo_model::Loaded {
        let text = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../model/tests/data-25.json"
        ))
        .unwrap();
        parse_dataset(&text, PartialDate::parse("2030-01-01").unwrap()).unwrap()
    }

    fn summary(id: &str) -> Summary {
        let d = data();
        Summary::of(d.dataset.entity(id).unwrap())
    }

    #[test]
    fn a_profile_says_model_since_post_and_holder() {
        let e = summary("darmstadt");
        let de = profile(Lang::De, &e);
        assert!(
            de.starts_with("Darmstadt (Stadt in Hessen): CDO aus der Wissenschaft, seit "),
            "{de}"
        );
        assert!(de.contains(&*e.model().title), "{de}");
        assert!(de.contains(e.holder.as_deref().unwrap()), "{de}");
        let en = profile(Lang::En, &e);
        assert!(
            en.starts_with("Darmstadt (city in Hesse): CDO from academia, since "),
            "{en}"
        );
    }

    /// Darmstadt with its current post changed by `change`.
    fn changed(change: impl Fn(&mut cdo_model::Period)) -> Summary {
        let d = data();
        let mut e = d.dataset.entity("darmstadt").unwrap().clone();
        change(e.periods.last_mut().unwrap());
        Summary::of(&e)
    }

    #[test]
    fn unknown_facts_are_left_out() {
        let e = changed(|p| {
            p.holders.clear();
            p.since = None;
            p.post.origin = None;
            p.post.form = Form::StaffUnit;
        });
        let de = profile(Lang::De, &e);
        assert_eq!(
            de,
            format!(
                "Darmstadt (Stadt in Hessen): Stabsstelle. {}. Jede Angabe mit Quelle.",
                e.model().title
            )
        );
        assert!(!de.contains("unbekannt"), "{de}");
        // A known origin is named where the model's name does not say it.
        let e = changed(|p| {
            p.post.origin = Some(Origin::Politics);
            p.post.form = Form::StaffUnit;
        });
        assert!(
            profile(Lang::De, &e).contains("Stabsstelle, Leitung aus der gewählten Politik, seit ")
        );
        assert!(profile(Lang::En, &e)
            .contains("Staff unit (Stabsstelle), led by someone from elected politics, since "));
    }

    #[test]
    fn an_ended_model_says_so() {
        let mut e = summary("darmstadt");
        e.ended = PartialDate::parse("2022").ok();
        assert!(profile(Lang::De, &e).contains(", beendet 2022."));
        assert!(profile(Lang::En, &e).contains(", ended 2022."));
    }

    #[test]
    fn counts_by_kind() {
        let d = data().summaries();
        let all = &d.dataset.entities;
        let cities = all.iter().filter(|e| e.kind == Kind::City).count();
        assert!(
            overview(Lang::De, all).contains(&format!("Wie {cities} Städte und ")),
            "{}",
            overview(Lang::De, all)
        );
        let one: Vec<Summary> = all
            .iter()
            .filter(|e| e.kind == Kind::City)
            .take(1)
            .cloned()
            .collect();
        assert!(overview(Lang::De, &one).contains("Wie 1 Stadt ihre"));
        assert!(overview(Lang::En, &one).contains("How 1 city organise"));
        assert!(explore(Lang::En, all).contains(&format!("All {} entries", all.len())));
    }

    #[test]
    fn every_description_is_a_short_paragraph() {
        let d = data();
        let summaries = d.summaries().dataset.entities;
        for lang in Lang::ALL {
            let all = [
                overview(lang, &summaries),
                map(lang, &summaries),
                explore(lang, &summaries),
                compare(lang),
                series(lang, &d.dataset.entities),
                report(lang),
                about(lang, d.dataset.as_of, &d.dataset.licence),
                not_found(lang),
            ];
            for text in all.iter().chain(
                summaries
                    .iter()
                    .map(|e| profile(lang, e))
                    .collect::<Vec<_>>()
                    .iter(),
            ) {
                // A sentence or two (search results show about 160 characters), never empty.
                let n = text.chars().count();
                assert!((50..=300).contains(&n), "{n}: {text}");
                assert!(!text.contains("  ") && !text.contains(" ."), "{text}");
            }
        }
    }
}
