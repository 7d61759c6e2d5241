//! Text that joins words with values — counts, names, dates, lists — written out whole per
//! language, so that no view decides a word order or a plural: a view places what these return
//! (and `xtask/tests/source_rules.rs` fails if it assembles such text itself).

use cdo_model::map::Axis;
use cdo_model::{DataVersion, Headline, Kind, PartialDate};

use crate::{date, headline, number, Lang};

/// The items of a list in running text: "koeln, bonn".
fn list<S: AsRef<str>>(items: &[S]) -> String {
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(item.as_ref());
    }
    out
}

/// A label with its count in brackets: "Wissenschaft (4)" (the map's legend in its picture, the
/// picks' "Vergleichen (3)").
pub fn counted(lang: Lang, label: &str, n: usize) -> String {
    match lang {
        Lang::De | Lang::En => format!("{label} ({n})"),
    }
}

/// A label and its count as one name: "Wissenschaft: 4" (a bar of the models chart).
pub fn label_count(lang: Lang, label: &str, n: usize) -> String {
    match lang {
        Lang::De | Lang::En => format!("{label}: {n}"),
    }
}

/// How many entries a list shows: "94 Einträge", "1 Eintrag".
pub fn entry_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::De, 1) => "1 Eintrag".to_owned(),
        (Lang::De, n) => format!("{n} Einträge"),
        (Lang::En, 1) => "1 entry".to_owned(),
        (Lang::En, n) => format!("{n} entries"),
    }
}

/// The notice naming the parts of an address the page did not read (`unknown`) or cut
/// (`oversized`); at least one of them is not empty.
pub fn address_notice<U: AsRef<str>, O: AsRef<str>>(
    lang: Lang,
    unknown: &[U],
    oversized: &[O],
) -> String {
    let unknown = (!unknown.is_empty()).then(|| match lang {
        Lang::De => format!(
            "Diese Angaben in der Adresse versteht die Seite nicht und hat sie ignoriert: {}",
            list(unknown)
        ),
        Lang::En => format!(
            "The page does not understand these parts of the address and ignored them: {}",
            list(unknown)
        ),
    });
    let oversized = (!oversized.is_empty()).then(|| match lang {
        Lang::De => format!(
            "Diese Angaben in der Adresse waren zu lang und wurden gekürzt oder ignoriert: {}",
            list(oversized)
        ),
        Lang::En => format!(
            "These parts of the address were too long and were cut or ignored: {}",
            list(oversized)
        ),
    });
    match (unknown, oversized) {
        (Some(a), Some(b)) => format!("{a} {b}"),
        (Some(a), None) | (None, Some(a)) => a,
        (None, None) => String::new(),
    }
}

/// The introduction of the rejected entries with their number.
pub fn rejected_intro(lang: Lang, n: usize) -> String {
    match lang {
        Lang::De => format!(
            "Diese Einträge des Datensatzes sind fehlerhaft und werden nicht angezeigt; alle übrigen schon. Anzahl: {n}"
        ),
        Lang::En => format!(
            "These dataset entries are malformed and are not shown; all others are. Count: {n}"
        ),
    }
}

/// A rejected entry, by its position in the file (from 1) and what of its name and id could be
/// read: "Eintrag 3 (Köln, id: koeln)".
pub fn rejected_entry(lang: Lang, position: usize, name: Option<&str>, id: Option<&str>) -> String {
    let entry = match lang {
        Lang::De => "Eintrag",
        Lang::En => "Entry",
    };
    match (name, id) {
        (Some(name), Some(id)) => format!("{entry} {position} ({name}, id: {id})"),
        (None, Some(id)) => format!("{entry} {position} (id: {id})"),
        (Some(name), None) => format!("{entry} {position} ({name})"),
        (None, None) => format!("{entry} {position}"),
    }
}

/// The dataset's licence in the footer: "Lizenz: CC BY 4.0".
pub fn licence(lang: Lang, licence: &str) -> String {
    match lang {
        Lang::De => format!("Lizenz: {licence}"),
        Lang::En => format!("Licence: {licence}"),
    }
}

/// The dataset's "Stand" as a sentence of its own: "Stand der Daten: 4. Dezember 2026".
pub fn data_as_of(lang: Lang, as_of: PartialDate) -> String {
    let when = date(lang, as_of);
    match lang {
        Lang::De => format!("Stand der Daten: {when}"),
        Lang::En => format!("Data as of: {when}"),
    }
}

/// The accessible name of the box that picks an entity for a comparison.
pub fn pick(lang: Lang, name: &str) -> String {
    match lang {
        Lang::De => format!("{name} zum Vergleich wählen"),
        Lang::En => format!("Pick {name} for comparison"),
    }
}

/// The accessible name of the tray's button that takes an entity out of the picks.
pub fn unpick(lang: Lang, name: &str) -> String {
    match lang {
        Lang::De => format!("{name} aus dem Vergleich nehmen"),
        Lang::En => format!("Remove {name} from comparison"),
    }
}

/// The accessible name of the button that removes an entity from the comparison.
pub fn compare_remove(lang: Lang, name: &str) -> String {
    match lang {
        Lang::De => format!("Entfernen: {name}"),
        Lang::En => format!("Remove: {name}"),
    }
}

/// Ids in a comparison's address that name no entry.
pub fn compare_unknown<S: AsRef<str>>(lang: Lang, ids: &[S]) -> String {
    match lang {
        Lang::De => format!(
            "Diese Einträge aus der Adresse gibt es nicht: {}",
            list(ids)
        ),
        Lang::En => format!("These entries from the address do not exist: {}", list(ids)),
    }
}

/// Ids beyond the fourth that a comparison leaves out.
pub fn compare_trimmed<S: AsRef<str>>(lang: Lang, ids: &[S]) -> String {
    match lang {
        Lang::De => format!(
            "Höchstens vier Einträge nebeneinander; weggelassen: {}",
            list(ids)
        ),
        Lang::En => format!("At most four entries side by side; left out: {}", list(ids)),
    }
}

/// Parameters of the map's address that could not be read.
pub fn map_bad_params<S: AsRef<str>>(lang: Lang, params: &[S]) -> String {
    match lang {
        Lang::De => format!(
            "Ungültige Kartenangaben in der Adresse wurden ignoriert: {}",
            list(params)
        ),
        Lang::En => format!(
            "Invalid map settings in the address were ignored: {}",
            list(params)
        ),
    }
}

/// Parameters of the explorer's address that could not be read.
/// Values in the address a page could not read: "Ungültige Angaben in der Adresse wurden
/// ignoriert: at" (the overview's and the comparison's).
pub fn bad_params<S: AsRef<str>>(lang: Lang, params: &[S]) -> String {
    match lang {
        Lang::De => format!(
            "Ungültige Angaben in der Adresse wurden ignoriert: {}",
            list(params)
        ),
        Lang::En => format!(
            "Invalid settings in the address were ignored: {}",
            list(params)
        ),
    }
}

pub fn explore_bad_params<S: AsRef<str>>(lang: Lang, params: &[S]) -> String {
    match lang {
        Lang::De => format!(
            "Ungültige Angaben des Explorers in der Adresse wurden ignoriert: {}",
            list(params)
        ),
        Lang::En => format!(
            "Invalid explorer settings in the address were ignored: {}",
            list(params)
        ),
    }
}

/// How many entries the explorer's filters and search leave: "94 Treffer", "1 result".
pub fn results(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::De, n) => format!("{n} Treffer"),
        (Lang::En, 1) => "1 result".to_owned(),
        (Lang::En, n) => format!("{n} results"),
    }
}

/// How many filter choices are made, beside the folded filter panel: "2 aktiv", "2 active".
pub fn filters_active(lang: Lang, n: usize) -> String {
    match lang {
        Lang::De => format!("{n} aktiv"),
        Lang::En => format!("{n} active"),
    }
}

/// The page of the explorer's table shown (`index` zero-based): "Seite 2 von 4".
pub fn page_of(lang: Lang, index: usize, count: usize) -> String {
    let n = index + 1;
    match lang {
        Lang::De => format!("Seite {n} von {count}"),
        Lang::En => format!("Page {n} of {count}"),
    }
}

/// A map marker's accessible name: the entity, its category on the shown axis (`category`, see
/// [`crate::category`]) and, for a Land or the federal level, which of them it is — "Berlin —
/// CDO intern besetzt (Landesebene)".
pub fn marker(lang: Lang, name: &str, category: &str, kind: Kind) -> String {
    match (lang, kind) {
        (_, Kind::City) => format!("{name} — {category}"),
        (Lang::De, Kind::Land) => format!("{name} — {category} (Landesebene)"),
        (Lang::En, Kind::Land) => format!("{name} — {category} (Land level)"),
        (Lang::De, Kind::Federal) => format!("{name} — {category} (Bundesebene)"),
        (Lang::En, Kind::Federal) => format!("{name} — {category} (federal level)"),
    }
}

/// A marker at a date whose model changed in the year before: its name says so too.
pub fn marker_changed(lang: Lang, marker: &str) -> String {
    format!("{marker} ({})", lang.strings().map_changed)
}

/// The time control's announcement (issue #23): "2019: 41 von 94 mit Stelle".
pub fn time_status(lang: Lang, year: &str, with_post: usize, total: usize) -> String {
    match lang {
        Lang::De => format!("{year}: {with_post} von {total} mit Stelle"),
        Lang::En => format!("{year}: {with_post} of {total} with a post"),
    }
}

/// The heading of the changes listed under the map at a date: "Änderungen im Jahr vor 1. Januar
/// 2019".
pub fn time_changes(lang: Lang, at: PartialDate) -> String {
    let when = date(lang, at);
    match lang {
        Lang::De => format!("Änderungen im Jahr vor {when}"),
        Lang::En => format!("Changes in the year before {when}"),
    }
}

/// The folded rest of a long list of changes: "12 weitere Änderungen", "12 more changes".
pub fn more_changes(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::De, 1) => "1 weitere Änderung".to_owned(),
        (Lang::De, n) => format!("{n} weitere Änderungen"),
        (Lang::En, 1) => "1 more change".to_owned(),
        (Lang::En, n) => format!("{n} more changes"),
    }
}

/// One change under the map: "Saarland: CDO aus der Privatwirtschaft → abgeschafft (2022)".
pub fn time_change(lang: Lang, name: &str, from: &str, to: &str, when: PartialDate) -> String {
    format!("{name}: {from} → {to} ({})", date(lang, when))
}

/// What the map's search found.
pub fn found_on_map(lang: Lang, name: &str) -> String {
    match lang {
        Lang::De => format!("Auf der Karte markiert: {name}"),
        Lang::En => format!("Highlighted on the map: {name}"),
    }
}

/// Since when an entity has its model (the map's tooltip): "seit Mai 2017".
pub fn since(lang: Lang, d: PartialDate) -> String {
    let when = date(lang, d);
    match lang {
        Lang::De => format!("seit {when}"),
        Lang::En => format!("since {when}"),
    }
}

/// The credit for the Länder outlines under the map, `attribution` from the outlines file.
pub fn map_attribution(lang: Lang, attribution: &str) -> String {
    match lang {
        Lang::De => format!("Ländergrenzen: {attribution} (VG250)"),
        Lang::En => format!("Länder boundaries: {attribution} (VG250)"),
    }
}

/// The file name of the map's picture on `axis`, with its extension: "cdo-atlas-karte-origin.png".
pub fn map_picture_file(lang: Lang, axis: Axis, extension: &str) -> String {
    let axis = axis.wire();
    match lang {
        Lang::De => format!("cdo-atlas-karte-{axis}.{extension}"),
        Lang::En => format!("cdo-atlas-map-{axis}.{extension}"),
    }
}

/// The heading of the map's picture: "cdo-atlas — Karte der Modelle", and the date it shows
/// if not today (`at`, issue #23): "…, Stand März 2019".
pub fn map_picture_title(lang: Lang, at: Option<PartialDate>) -> String {
    let s = lang.strings();
    match at {
        None => format!("cdo-atlas — {}", s.map_title),
        Some(d) => format!("cdo-atlas — {}, {}", s.map_title, as_of_date(lang, d)),
    }
}

/// The last line of the map's picture: the project, the dataset's "Stand" where known and the
/// site's `address`.
pub fn map_picture_credits(lang: Lang, as_of: Option<PartialDate>, address: &str) -> String {
    match as_of {
        Some(d) => format!("cdo-atlas · {} · {address}", data_as_of(lang, d)),
        None => format!("cdo-atlas · {address}"),
    }
}

/// The models chart's description, with the most common model and its count where there is one.
pub fn models_chart_desc(lang: Lang, most: Option<(Headline, usize)>) -> String {
    let desc = match lang {
        Lang::De => "Balken: Zahl der Städte und Länder je Modell. Ein Balken öffnet den Explorer mit diesem Filter.",
        Lang::En => "Bars: number of cities and Länder per model. A bar opens the explorer with that filter.",
    };
    match (lang, most) {
        (_, None) => desc.to_owned(),
        (Lang::De, Some((h, n))) => {
            format!("{desc} Am häufigsten: {} ({n}).", headline(lang, h))
        }
        (Lang::En, Some((h, n))) => format!("{desc} Most common: {} ({n}).", headline(lang, h)),
    }
}

/// The timeline chart's description, with the years it spans.
pub fn timeline_chart_desc(lang: Lang, first: u16, last: u16) -> String {
    match lang {
        Lang::De => format!("Eine Markierung je Eintrag mit bekanntem Gründungsjahr, Form und Farbe nach Modell. Zeitraum: {first}–{last}."),
        Lang::En => format!("One mark per entry with a known year of creation, shape and colour by model. Span: {first}–{last}."),
    }
}

/// A mark of the timeline chart: "Darmstadt, 2019 — CDO aus der Wissenschaft".
pub fn timeline_mark(lang: Lang, name: &str, year: u16, model: Headline) -> String {
    format!("{name}, {year} — {}", headline(lang, model))
}

/// The link to an interview, named by who was interviewed: "Interview mit Jana Muster".
pub fn interview_with(lang: Lang, who: &str) -> String {
    match lang {
        Lang::De => format!("Interview mit {who}"),
        Lang::En => format!("Interview with {who}"),
    }
}

/// Who a profile's interview was with: "Gesprächspartner: Jana Muster".
pub fn interviewee(lang: Lang, who: &str) -> String {
    match lang {
        Lang::De => format!("Gesprächspartner: {who}"),
        Lang::En => format!("Interviewee: {who}"),
    }
}

/// The link to a profile's interview, with its title: "Interview lesen: Digital in Darmstadt".
pub fn read_interview(lang: Lang, title: &str) -> String {
    match lang {
        Lang::De => format!("Interview lesen: {title}"),
        Lang::En => format!("Read the interview: {title}"),
    }
}

/// The document's title for a page named `page` ("Köln – cdo-atlas"), the project's name alone
/// for none.
pub fn document_title(page: &str) -> String {
    if page.is_empty() {
        "cdo-atlas".to_owned()
    } else {
        format!("{page} – cdo-atlas")
    }
}

/// A file's size as a reader reads it: "395 KB", "1,2 MB" / "1.2 MB", "512 Bytes" (1 KB is
/// 1,024 bytes).
pub fn file_size(lang: Lang, bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = KB * KB;
    match bytes {
        1 => match lang {
            Lang::De => "1 Byte".to_owned(),
            Lang::En => "1 byte".to_owned(),
        },
        b if b < KB => match lang {
            Lang::De => format!("{} Bytes", number(lang, b)),
            Lang::En => format!("{} bytes", number(lang, b)),
        },
        b if b < MB => format!("{} KB", number(lang, (b + KB / 2) / KB)),
        b => {
            // One decimal, rounded: tenths of a megabyte.
            let tenths = (b * 10 + MB / 2) / MB;
            let point = match lang {
                Lang::De => ',',
                Lang::En => '.',
            };
            format!("{}{point}{} MB", number(lang, tenths / 10), tenths % 10)
        }
    }
}

/// What the about page says of a published file beside its link: format, size (if the index
/// gave it) and licence (if known), "CSV · 45 KB · CC BY 4.0".
pub fn data_file_meta(lang: Lang, format: &str, bytes: Option<u64>, licence: &str) -> String {
    let mut out = format.to_owned();
    if let Some(b) = bytes {
        out.push_str(" · ");
        out.push_str(&file_size(lang, b));
    }
    if !licence.is_empty() {
        out.push_str(" · ");
        out.push_str(licence);
    }
    out
}

/// The heading of a change of the data: "Version 1.0.0 · 5. Dezember 2026", or its date
/// alone for a change made before the data had versions.
pub fn change_heading(lang: Lang, version: Option<DataVersion>, when: PartialDate) -> String {
    match version {
        Some(v) => format!("Version {v} · {}", date(lang, when)),
        None => date(lang, when),
    }
}

/// A change names the entries it added or changed when there are at most this many, and
/// counts them otherwise.
pub const NAMED_CHANGES: usize = 20;

/// The entries a change added and changed, by their names: "Neu: Köln, Bonn · 25 Einträge
/// geändert" (named up to [`NAMED_CHANGES`], else counted); empty if it names none.
pub fn change_entries<S: AsRef<str>>(lang: Lang, added: &[S], changed: &[S]) -> String {
    let n = |v: usize| number(lang, v as u64);
    let part = |names: &[S], is_added: bool| -> Option<String> {
        let count = names.len();
        Some(match (lang, is_added, count) {
            (_, _, 0) => return None,
            (Lang::De, true, c) if c <= NAMED_CHANGES => format!("Neu: {}", list(names)),
            (Lang::De, false, c) if c <= NAMED_CHANGES => format!("Geändert: {}", list(names)),
            (Lang::En, true, c) if c <= NAMED_CHANGES => format!("Added: {}", list(names)),
            (Lang::En, false, c) if c <= NAMED_CHANGES => format!("Changed: {}", list(names)),
            (Lang::De, true, c) => format!("{} neue Einträge", n(c)),
            (Lang::De, false, c) => format!("{} Einträge geändert", n(c)),
            (Lang::En, true, c) => format!("{} entries added", n(c)),
            (Lang::En, false, c) => format!("{} entries changed", n(c)),
        })
    };
    let mut out = part(added, true).unwrap_or_default();
    if let Some(changed) = part(changed, false) {
        if !out.is_empty() {
            out.push_str(" · ");
        }
        out.push_str(&changed);
    }
    out
}

/// A profile's note of the newest change of the data that added or changed its entry.
pub fn entry_changed(lang: Lang, version: Option<DataVersion>, when: PartialDate) -> String {
    let when = date(lang, when);
    match (lang, version) {
        (Lang::De, Some(v)) => format!("Eintrag zuletzt geändert am {when} (Datenversion {v})."),
        (Lang::De, None) => format!("Eintrag zuletzt geändert am {when}."),
        (Lang::En, Some(v)) => format!("Entry last changed on {when} (data version {v})."),
        (Lang::En, None) => format!("Entry last changed on {when}."),
    }
}

/// The chart of models year by year: what it shows, over which years.
pub fn years_chart_desc(lang: Lang, first: u16, last: u16, total: usize) -> String {
    match lang {
        Lang::De => format!("Gestapelte Säulen: je Jahr (Stand 1. Januar, {first}–{last}) die Zahl der Einträge je Modell, dazu grau die ohne Stelle und die mit abgeschaffter Stelle; jede Säule zählt alle {total} Einträge. Die Tabelle nennt die Zahlen."),
        Lang::En => format!("Stacked columns: per year (as of 1 January, {first}–{last}) the number of entries per model, with those with no post yet and those abolished in grey; each column counts all {total} entries. The table gives the numbers."),
    }
}

/// A column of that chart, as its accessible name: "2019: CDO intern besetzt 3, …".
pub fn years_column(lang: Lang, year: u16, parts: &[(&str, usize)]) -> String {
    let parts: Vec<String> = parts
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(label, n)| label_count(lang, label, *n))
        .collect();
    format!("{year}: {}", list(&parts))
}

/// A period's time span in the profile's timeline: "2017 – 31. März 2022", "seit 2017".
pub fn span(lang: Lang, since: Option<PartialDate>, until: Option<PartialDate>) -> String {
    let s = lang.strings();
    match (since, until) {
        (Some(a), Some(b)) => format!("{} – {}", date(lang, a), date(lang, b)),
        (Some(a), None) => format!("{} {}", s.profile_since, date(lang, a)),
        (None, Some(b)) => format!("{} {}", s.profile_until, date(lang, b)),
        (None, None) => format!("{}: {}", s.profile_period, s.unknown),
    }
}

/// A change in an entity's history: "Mai 2017: noch keine Stelle → CDO intern besetzt".
pub fn history_step(lang: Lang, when: PartialDate, from: &str, to: &str) -> String {
    format!("{}: {from} → {to}", date(lang, when))
}

/// The series' "then" when the interview's date is known: "Zur Zeit des Interviews (2018)".
pub fn at_interview(lang: Lang, when: PartialDate) -> String {
    format!(
        "{} ({})",
        lang.strings().then_at_interview,
        date(lang, when)
    )
}

/// The profile's link to the same entity then and now: "Mit 2018 vergleichen".
pub fn compare_with_year(lang: Lang, year: u16) -> String {
    match lang {
        Lang::De => format!("Mit {year} vergleichen"),
        Lang::En => format!("Compare with {year}"),
    }
}

/// The comparison's caption, with the date it shows if not today: "Vergleich, Stand 2019".
pub fn compare_caption(lang: Lang, at: Option<PartialDate>) -> String {
    let s = lang.strings();
    match at {
        None => s.compare_title.to_owned(),
        Some(d) => format!("{}, {}", s.compare_title, as_of_date(lang, d)),
    }
}

/// The date a view shows: "Stand März 2019" / "as of March 2019".
pub fn as_of_date(lang: Lang, d: PartialDate) -> String {
    match lang {
        Lang::De => format!("Stand {}", date(lang, d)),
        Lang::En => format!("as of {}", date(lang, d)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_sizes_and_what_the_about_page_says_of_a_file() {
        assert_eq!(file_size(Lang::De, 512), "512 Bytes");
        assert_eq!(file_size(Lang::En, 1), "1 byte");
        assert_eq!(file_size(Lang::En, 0), "0 bytes");
        assert_eq!(file_size(Lang::De, 404_352), "395 KB");
        assert_eq!(file_size(Lang::En, 45_802), "45 KB");
        assert_eq!(file_size(Lang::De, 1_258_291), "1,2 MB");
        assert_eq!(file_size(Lang::En, 1_258_291), "1.2 MB");
        assert_eq!(file_size(Lang::En, 1024 * 1024 * 1024 * 2), "2,048.0 MB");
        assert_eq!(
            data_file_meta(Lang::De, "CSV", Some(45_802), "CC BY 4.0"),
            "CSV · 45 KB · CC BY 4.0"
        );
        assert_eq!(
            data_file_meta(Lang::En, "JSON", None, "CC BY 4.0"),
            "JSON · CC BY 4.0"
        );
        assert_eq!(data_file_meta(Lang::En, "CSV", None, ""), "CSV");
    }

    #[test]
    fn changes_of_the_data() {
        let v = DataVersion::parse("1.0.0");
        assert_eq!(
            change_heading(Lang::De, v, d("2026-12-05")),
            "Version 1.0.0 · 5. Dezember 2026"
        );
        assert_eq!(
            change_heading(Lang::En, None, d("2026-12-04")),
            "4 December 2026"
        );
        let none: [&str; 0] = [];
        assert_eq!(change_entries(Lang::De, &none, &none), "");
        let many: Vec<String> = (0..69).map(|i| format!("e{i}")).collect();
        let some: Vec<String> = (0..25).map(|i| format!("e{i}")).collect();
        assert_eq!(
            change_entries(Lang::De, &many, &some),
            "69 neue Einträge · 25 Einträge geändert"
        );
        assert_eq!(
            change_entries(Lang::En, &many, &some),
            "69 entries added · 25 entries changed"
        );
        assert_eq!(
            change_entries(Lang::De, &none, &["Köln", "Aachen"]),
            "Geändert: Köln, Aachen"
        );
        assert_eq!(
            change_entries(Lang::En, &["Ulm"], &["Bonn"]),
            "Added: Ulm · Changed: Bonn"
        );
        let twenty = &many[..NAMED_CHANGES];
        assert!(change_entries(Lang::En, twenty, &[]).starts_with("Added: e0, e1,"));
        assert_eq!(
            change_entries(Lang::En, &many[..NAMED_CHANGES + 1], &[]),
            "21 entries added"
        );
        assert_eq!(
            entry_changed(Lang::De, None, d("2026-12-04")),
            "Eintrag zuletzt geändert am 4. Dezember 2026."
        );
        assert_eq!(
            entry_changed(Lang::En, v, d("2026-12-05")),
            "Entry last changed on 5 December 2026 (data version 1.0.0)."
        );
    }

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    #[test]
    fn counts() {
        assert_eq!(counted(Lang::De, "Wissenschaft", 4), "Wissenschaft (4)");
        assert_eq!(counted(Lang::En, "Compare", 3), "Compare (3)");
        assert_eq!(label_count(Lang::De, "Stabsstelle", 12), "Stabsstelle: 12");
        assert_eq!(label_count(Lang::En, "Staff unit", 12), "Staff unit: 12");
        assert_eq!(entry_count(Lang::De, 94), "94 Einträge");
        assert_eq!(entry_count(Lang::De, 1), "1 Eintrag");
        assert_eq!(entry_count(Lang::En, 94), "94 entries");
        assert_eq!(entry_count(Lang::En, 1), "1 entry");
        assert_eq!(entry_count(Lang::En, 0), "0 entries");
    }

    #[test]
    fn address_notices_name_each_kind_of_problem() {
        let none: [&str; 0] = [];
        assert_eq!(
            address_notice(Lang::De, &["foo", "bar"], &none),
            "Diese Angaben in der Adresse versteht die Seite nicht und hat sie ignoriert: foo, bar"
        );
        assert_eq!(
            address_notice(Lang::En, &none, &["q"]),
            "These parts of the address were too long and were cut or ignored: q"
        );
        assert_eq!(
            address_notice(Lang::En, &["foo"], &["q"]),
            "The page does not understand these parts of the address and ignored them: foo \
             These parts of the address were too long and were cut or ignored: q"
        );
        assert_eq!(address_notice(Lang::De, &none, &none), "");
    }

    #[test]
    fn rejected_entries() {
        assert!(rejected_intro(Lang::De, 3).ends_with("alle übrigen schon. Anzahl: 3"));
        assert!(rejected_intro(Lang::En, 3).ends_with("all others are. Count: 3"));
        assert_eq!(
            rejected_entry(Lang::De, 3, Some("Köln"), Some("koeln")),
            "Eintrag 3 (Köln, id: koeln)"
        );
        assert_eq!(
            rejected_entry(Lang::En, 3, None, Some("koeln")),
            "Entry 3 (id: koeln)"
        );
        assert_eq!(
            rejected_entry(Lang::De, 1, Some("Köln"), None),
            "Eintrag 1 (Köln)"
        );
        assert_eq!(rejected_entry(Lang::En, 7, None, None), "Entry 7");
    }

    #[test]
    fn data_footer_and_stand() {
        assert_eq!(licence(Lang::De, "CC BY 4.0"), "Lizenz: CC BY 4.0");
        assert_eq!(licence(Lang::En, "CC BY 4.0"), "Licence: CC BY 4.0");
        assert_eq!(
            data_as_of(Lang::De, d("2026-12-04")),
            "Stand der Daten: 4. Dezember 2026"
        );
        assert_eq!(
            data_as_of(Lang::En, d("2026-12-04")),
            "Data as of: 4 December 2026"
        );
    }

    #[test]
    fn picks_and_comparison() {
        assert_eq!(pick(Lang::De, "Köln"), "Köln zum Vergleich wählen");
        assert_eq!(pick(Lang::En, "Köln"), "Pick Köln for comparison");
        assert_eq!(unpick(Lang::De, "Köln"), "Köln aus dem Vergleich nehmen");
        assert_eq!(unpick(Lang::En, "Köln"), "Remove Köln from comparison");
        assert_eq!(compare_remove(Lang::De, "Köln"), "Entfernen: Köln");
        assert_eq!(compare_remove(Lang::En, "Köln"), "Remove: Köln");
        assert_eq!(
            compare_unknown(Lang::De, &["atlantis", "mu"]),
            "Diese Einträge aus der Adresse gibt es nicht: atlantis, mu"
        );
        assert_eq!(
            compare_unknown(Lang::En, &["atlantis"]),
            "These entries from the address do not exist: atlantis"
        );
        assert_eq!(
            compare_trimmed(Lang::De, &["bonn"]),
            "Höchstens vier Einträge nebeneinander; weggelassen: bonn"
        );
        assert_eq!(
            compare_trimmed(Lang::En, &["bonn", "ulm"]),
            "At most four entries side by side; left out: bonn, ulm"
        );
    }

    #[test]
    fn explorer_texts() {
        assert_eq!(
            explore_bad_params(Lang::De, &["land", "sort"]),
            "Ungültige Angaben des Explorers in der Adresse wurden ignoriert: land, sort"
        );
        assert_eq!(
            explore_bad_params(Lang::En, &["page"]),
            "Invalid explorer settings in the address were ignored: page"
        );
        assert_eq!(results(Lang::De, 1), "1 Treffer");
        assert_eq!(results(Lang::De, 94), "94 Treffer");
        assert_eq!(results(Lang::En, 1), "1 result");
        assert_eq!(results(Lang::En, 94), "94 results");
        assert_eq!(filters_active(Lang::De, 2), "2 aktiv");
        assert_eq!(filters_active(Lang::En, 1), "1 active");
        assert_eq!(page_of(Lang::De, 1, 4), "Seite 2 von 4");
        assert_eq!(page_of(Lang::En, 0, 3), "Page 1 of 3");
    }

    #[test]
    fn map_texts() {
        assert_eq!(
            map_bad_params(Lang::De, &["zoom", "x"]),
            "Ungültige Kartenangaben in der Adresse wurden ignoriert: zoom, x"
        );
        assert_eq!(
            map_bad_params(Lang::En, &["zoom"]),
            "Invalid map settings in the address were ignored: zoom"
        );
        assert_eq!(
            marker(Lang::De, "Köln", "CDO intern besetzt", Kind::City),
            "Köln — CDO intern besetzt"
        );
        assert_eq!(
            marker(Lang::De, "Berlin", "Stabsstelle", Kind::Land),
            "Berlin — Stabsstelle (Landesebene)"
        );
        assert_eq!(
            marker(Lang::En, "Berlin", "Staff unit", Kind::Land),
            "Berlin — Staff unit (Land level)"
        );
        assert_eq!(
            marker(Lang::De, "Bund", "Regierung", Kind::Federal),
            "Bund — Regierung (Bundesebene)"
        );
        assert_eq!(
            marker(Lang::En, "Federation", "Government", Kind::Federal),
            "Federation — Government (federal level)"
        );
        assert_eq!(found_on_map(Lang::De, "Ulm"), "Auf der Karte markiert: Ulm");
        assert_eq!(found_on_map(Lang::En, "Ulm"), "Highlighted on the map: Ulm");
        assert_eq!(since(Lang::De, d("2017-05")), "seit Mai 2017");
        assert_eq!(since(Lang::En, d("~2017")), "since c. 2017");
        assert_eq!(
            map_attribution(Lang::De, "© GeoBasis-DE / BKG 2017"),
            "Ländergrenzen: © GeoBasis-DE / BKG 2017 (VG250)"
        );
        assert_eq!(
            map_attribution(Lang::En, "© GeoBasis-DE / BKG 2017"),
            "Länder boundaries: © GeoBasis-DE / BKG 2017 (VG250)"
        );
    }

    #[test]
    fn the_map_picture_is_named_and_credited_in_its_language() {
        assert_eq!(
            map_picture_file(Lang::De, Axis::Origin, "svg"),
            "cdo-atlas-karte-origin.svg"
        );
        assert_eq!(
            map_picture_file(Lang::En, Axis::Headline, "png"),
            "cdo-atlas-map-model.png"
        );
        assert_eq!(
            map_picture_title(Lang::De, None),
            "cdo-atlas — Karte der Modelle"
        );
        assert_eq!(
            map_picture_title(Lang::En, None),
            "cdo-atlas — Map of the models"
        );
        assert_eq!(
            map_picture_title(Lang::De, Some(d("2019"))),
            "cdo-atlas — Karte der Modelle, Stand 2019"
        );
        assert_eq!(
            map_picture_title(Lang::En, Some(d("2019-03"))),
            "cdo-atlas — Map of the models, as of March 2019"
        );
        assert_eq!(
            map_picture_credits(Lang::De, Some(d("2026-12-04")), "https://atlas.example"),
            "cdo-atlas · Stand der Daten: 4. Dezember 2026 · https://atlas.example"
        );
        assert_eq!(
            map_picture_credits(Lang::En, Some(d("2026-12-04")), "https://atlas.example"),
            "cdo-atlas · Data as of: 4 December 2026 · https://atlas.example"
        );
        assert_eq!(
            map_picture_credits(Lang::En, None, "https://atlas.example"),
            "cdo-atlas · https://atlas.example"
        );
    }

    #[test]
    fn chart_descriptions() {
        let most = Some((Headline::StaffUnit, 12));
        assert!(models_chart_desc(Lang::De, most)
            .ends_with("mit diesem Filter. Am häufigsten: Stabsstelle (12)."));
        assert!(models_chart_desc(Lang::En, most)
            .ends_with("with that filter. Most common: Staff unit (Stabsstelle) (12)."));
        assert!(models_chart_desc(Lang::En, None).ends_with("with that filter."));
        assert!(timeline_chart_desc(Lang::De, 2017, 2024).ends_with("Zeitraum: 2017–2024."));
        assert!(timeline_chart_desc(Lang::En, 2017, 2024).ends_with("Span: 2017–2024."));
        assert_eq!(
            timeline_mark(Lang::De, "Darmstadt", 2019, Headline::CdoFromAcademia),
            "Darmstadt, 2019 — CDO aus der Wissenschaft"
        );
        assert_eq!(
            timeline_mark(Lang::En, "Darmstadt", 2019, Headline::CdoFromAcademia),
            "Darmstadt, 2019 — CDO from academia"
        );
    }

    #[test]
    fn interviews() {
        assert_eq!(
            interview_with(Lang::De, "Jana Muster"),
            "Interview mit Jana Muster"
        );
        assert_eq!(
            interview_with(Lang::En, "Jana Muster"),
            "Interview with Jana Muster"
        );
        assert_eq!(
            interviewee(Lang::De, "Jana Muster"),
            "Gesprächspartner: Jana Muster"
        );
        assert_eq!(
            interviewee(Lang::En, "Jana Muster"),
            "Interviewee: Jana Muster"
        );
        assert_eq!(
            read_interview(Lang::De, "Digital"),
            "Interview lesen: Digital"
        );
        assert_eq!(
            read_interview(Lang::En, "Digital"),
            "Read the interview: Digital"
        );
    }

    #[test]
    fn document_titles() {
        assert_eq!(document_title("Köln"), "Köln – cdo-atlas");
        assert_eq!(document_title(""), "cdo-atlas");
    }
}
