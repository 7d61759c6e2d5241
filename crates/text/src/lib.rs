//! cdo-text: every UI string of cdo-atlas in German and English, and locale-aware formatting.
//!
//! A typed table instead of leptos_i18n: the [`Strings`] struct has one field per key and one
//! `const` value per language, so a key missing in either language is a compile error, lookups
//! cost nothing at run time and the wasm carries no locale parser. Strings that need arguments
//! (numbers, dates, validation messages) are functions here, so views only place text.

pub mod describe;
pub mod export;
mod messages;
pub mod phrase;
pub mod present;
pub mod report;
mod strings;

pub use messages::{dataset_error, issue, load_error, problem, LoadFailure};
pub use strings::{Strings, DE, EN};

use cdo_model::explore::{Column, SizeClass};
use cdo_model::map::Axis;
use cdo_model::{Form, Headline, Kind, Land, Origin, PartialDate, Post};

/// The UI language. German is the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// BCP 47 code, as used in `<html lang>` and the `lang` URL parameter.
    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::De => &DE,
            Lang::En => &EN,
        }
    }

    /// The other language (for the switch).
    pub fn other(self) -> Lang {
        match self {
            Lang::De => Lang::En,
            Lang::En => Lang::De,
        }
    }
}

/// "1.852.478" in German, "1,852,478" in English.
pub fn number(lang: Lang, n: u64) -> String {
    let sep = match lang {
        Lang::De => '.',
        Lang::En => ',',
    };
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

const MONTHS_DE: [&str; 12] = [
    "Januar",
    "Februar",
    "März",
    "April",
    "Mai",
    "Juni",
    "Juli",
    "August",
    "September",
    "Oktober",
    "November",
    "Dezember",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date at its own precision: "Mai 2017", "1. Mai 2017", "2017"; "ca. …" / "c. …" if approximate.
pub fn date(lang: Lang, d: PartialDate) -> String {
    let month = d.month.map(|m| match lang {
        Lang::De => MONTHS_DE[usize::from(m - 1)],
        Lang::En => MONTHS_EN[usize::from(m - 1)],
    });
    let body = match (month, d.day) {
        (Some(m), Some(day)) => match lang {
            Lang::De => format!("{day}. {m} {}", d.year),
            Lang::En => format!("{day} {m} {}", d.year),
        },
        (Some(m), None) => format!("{m} {}", d.year),
        _ => d.year.to_string(),
    };
    if d.approx {
        let about = match lang {
            Lang::De => "ca.",
            Lang::En => "c.",
        };
        format!("{about} {body}")
    } else {
        body
    }
}

/// "zuletzt belegt: Mai 2022" / "last confirmed: May 2022": the month and year of the newest
/// dated source, or "unbekannt" where no source is dated.
pub fn confirmed(lang: Lang, d: Option<PartialDate>) -> String {
    let s = lang.strings();
    let when = confirmed_date(lang, d).unwrap_or_else(|| s.unknown.to_owned());
    format!("{}: {when}", s.profile_confirmed)
}

/// The month and year of a "last confirmed" date (the day of a page says no more).
pub fn confirmed_date(lang: Lang, d: Option<PartialDate>) -> Option<String> {
    let d = d?;
    let month = PartialDate {
        day: None,
        approx: false,
        ..d
    };
    Some(date(lang, month))
}

/// How to cite the dataset, or one `entry` of it: the project, the year and day of its "Stand",
/// its licence, and the `address` of the site or of the entry's page.
pub fn citation(lang: Lang, as_of: PartialDate, entry: Option<&str>, address: &str) -> String {
    let s = lang.strings();
    let entry = entry
        .map(|name| format!("{name}. In: "))
        .unwrap_or_default();
    format!(
        "cdo-atlas ({}): {entry}{}. {} {}. {}. {address}",
        as_of.year,
        s.tagline,
        s.cite_as_of,
        date(lang, as_of),
        s.cite_licence
    )
}

/// What the about page calls a file published for reuse.
pub fn published(lang: Lang, file: cdo_model::published::Published) -> &'static str {
    use cdo_model::published::Published::*;
    let s = lang.strings();
    match file {
        Dataset => s.about_data_file,
        Csv => s.about_data_csv,
        SourcesCsv => s.about_data_sources,
        Package => s.about_data_package,
        Schema => s.about_data_schema,
        Changelog => s.about_data_changelog,
        Catalogue => s.about_data_catalogue,
    }
}

/// The link a "not found" page offers: a search of the explorer for what the address named.
pub fn search_for(lang: Lang, term: &str) -> String {
    match lang {
        Lang::De => format!("Im Explorer nach „{term}“ suchen"),
        Lang::En => format!("Search the explorer for “{term}”"),
    }
}

/// The editors' figures as the about page states them.
pub fn figures(lang: Lang, f: &cdo_model::check::Figures) -> String {
    let n = |v: usize| number(lang, v as u64);
    let year = cdo_model::STALE_BEFORE_YEAR;
    match lang {
        Lang::De => format!(
            "{} Einträge mit {} Angaben, davon {} mit Quelle; {} zuletzt vor {year} belegt, {} ohne datierte Quelle. {} Quellen, {} davon ohne Seitendatum, {} Websites von Parteien oder Fraktionen.",
            n(f.entities), n(f.facts), n(f.sourced), n(f.confirmed_before), n(f.undated_facts), n(f.sources), n(f.undated_sources), n(f.party_sources)
        ),
        Lang::En => format!(
            "{} entries with {} facts, {} of them with a source; {} last confirmed before {year}, {} without a dated source. {} sources, {} of them without a page date, {} websites of parties or parliamentary groups.",
            n(f.entities), n(f.facts), n(f.sourced), n(f.confirmed_before), n(f.undated_facts), n(f.sources), n(f.undated_sources), n(f.party_sources)
        ),
    }
}

/// How many names of a group [`cluster_label`] reads.
pub const CLUSTER_NAMES: usize = 8;

/// A group of `n` markers on the map, as a screen reader hears it: "3 Einträge: Essen, Bochum,
/// Herne – zum Vergrößern auswählen". `first` holds the first [`CLUSTER_NAMES`] names at most;
/// the rest are counted, not read.
pub fn cluster_label(lang: Lang, n: usize, first: &[&str]) -> String {
    let shown = first.join(", ");
    let more = n.saturating_sub(first.len());
    match (lang, more) {
        (Lang::De, 0) => format!("{n} Einträge: {shown} – zum Vergrößern auswählen"),
        (Lang::De, m) => {
            format!("{n} Einträge: {shown} und {m} weitere – zum Vergrößern auswählen")
        }
        (Lang::En, 0) => format!("{n} entries: {shown} – select to zoom in"),
        (Lang::En, m) => format!("{n} entries: {shown} and {m} more – select to zoom in"),
    }
}

/// The link that reports a city not covered yet: "Bottrop melden".
pub fn report_city(lang: Lang, name: &str) -> String {
    match lang {
        Lang::De => format!("{name} melden"),
        Lang::En => format!("Report {name}"),
    }
}

/// The headline model as the series names it.
pub fn headline(lang: Lang, h: Headline) -> &'static str {
    use Headline::*;
    match (lang, h) {
        (Lang::De, CdoFromAcademia) => "CDO aus der Wissenschaft",
        (Lang::De, CdoInternal) => "CDO intern besetzt",
        (Lang::De, CdoFromPrivateSector) => "CDO aus der Privatwirtschaft",
        (Lang::De, CdoFromPublicSector) => "CDO aus einer anderen Verwaltung",
        (Lang::De, CdoFromPolitics) => "CDO aus der Politik",
        (Lang::De, CdoOriginUnknown) => "CDO (Herkunft unbekannt)",
        (Lang::De, HonoraryCdo) => "CDO im Ehrenamt",
        (Lang::De, AgencyInsteadOfCdo) => "Digitalagentur statt CDO",
        (Lang::De, Department) => "Dezernat oder Referat",
        (Lang::De, StaffUnit) => "Stabsstelle",
        (Lang::De, StateGovernment) => "Regierung: Ministerium oder Staatssekretariat",
        (Lang::De, AdministrativeUnit) => "Amt oder Fachbereich",
        (Lang::De, Other) => "Anderes Modell",
        (Lang::En, CdoFromAcademia) => "CDO from academia",
        (Lang::En, CdoInternal) => "CDO filled internally",
        (Lang::En, CdoFromPrivateSector) => "CDO from the private sector",
        (Lang::En, CdoFromPublicSector) => "CDO from another administration",
        (Lang::En, CdoFromPolitics) => "CDO from politics",
        (Lang::En, CdoOriginUnknown) => "CDO (origin unknown)",
        (Lang::En, HonoraryCdo) => "Honorary CDO",
        (Lang::En, AgencyInsteadOfCdo) => "Digital agency instead of a CDO",
        (Lang::En, Department) => "Department (Dezernat or Referat)",
        (Lang::En, StaffUnit) => "Staff unit (Stabsstelle)",
        (Lang::En, StateGovernment) => "Government: ministry or state secretary",
        (Lang::En, AdministrativeUnit) => "Office or division (Amt, Fachbereich)",
        (Lang::En, Other) => "Other model",
    }
}

/// One line on what a headline model means (profile and about page).
pub fn headline_explained(lang: Lang, h: Headline) -> &'static str {
    use Headline::*;
    match (lang, h) {
        (Lang::De, CdoFromAcademia) => "Eine eigene CDO-Stelle, besetzt mit jemandem aus Hochschule oder Forschung.",
        (Lang::De, CdoInternal) => "Eine eigene CDO-Stelle, besetzt aus der eigenen Verwaltung.",
        (Lang::De, CdoFromPrivateSector) => "Eine eigene CDO-Stelle, besetzt mit jemandem aus einem Unternehmen.",
        (Lang::De, CdoFromPublicSector) => "Eine eigene CDO-Stelle, besetzt aus einer anderen Behörde oder Stadt.",
        (Lang::De, CdoFromPolitics) => "Eine eigene CDO-Stelle, besetzt aus der gewählten Politik.",
        (Lang::De, CdoOriginUnknown) => "Eine eigene CDO-Stelle; woher die Person kommt, ist nicht belegt.",
        (Lang::De, HonoraryCdo) => "Ein CDO, der das Amt ehrenamtlich ausübt.",
        (Lang::De, AgencyInsteadOfCdo) => "Kein CDO: eine Digitalagentur oder -gesellschaft treibt die Digitalisierung.",
        (Lang::De, Department) => "Ein Dezernat oder Referat der Verwaltung ist zuständig, geführt von einer gewählten oder berufenen Spitze.",
        (Lang::De, StaffUnit) => "Eine Stabsstelle ohne CDO-Titel ist zuständig.",
        (Lang::De, StateGovernment) => "Auf Landes- oder Bundesebene: ein Ministerium, Staatssekretariat oder Regierungsbeauftragter.",
        (Lang::De, AdministrativeUnit) => "Ein Amt oder Fachbereich der Verwaltung ist zuständig, geleitet von einer Amtsleitung, nicht von einer gewählten Spitze.",
        (Lang::De, Other) => "Eine andere Organisationsform, etwa ein Innovationsbüro oder eine Geschäftsstelle.",
        (Lang::En, CdoFromAcademia) => "A dedicated CDO post, filled from a university or research institute.",
        (Lang::En, CdoInternal) => "A dedicated CDO post, filled from the city's own administration.",
        (Lang::En, CdoFromPrivateSector) => "A dedicated CDO post, filled from a company.",
        (Lang::En, CdoFromPublicSector) => "A dedicated CDO post, filled from another public body or city.",
        (Lang::En, CdoFromPolitics) => "A dedicated CDO post, filled from elected politics.",
        (Lang::En, CdoOriginUnknown) => "A dedicated CDO post; where its holder came from is not documented.",
        (Lang::En, HonoraryCdo) => "A CDO who serves in an honorary, unpaid capacity.",
        (Lang::En, AgencyInsteadOfCdo) => "No CDO: a digital agency or company drives digitalisation.",
        (Lang::En, Department) => "A department (Dezernat or Referat) is in charge, led by an elected or appointed head.",
        (Lang::En, StaffUnit) => "A staff unit (Stabsstelle) without a CDO title is in charge.",
        (Lang::En, StateGovernment) => "At Land or federal level: a ministry, state secretary or government commissioner.",
        (Lang::En, AdministrativeUnit) => "An office or division of the administration (Amt, Fachbereich) is in charge, led by a career official rather than an elected head.",
        (Lang::En, Other) => "Another form, such as an innovation office or a coordination office.",
    }
}

pub fn origin(lang: Lang, o: Origin) -> &'static str {
    use Origin::*;
    match (lang, o) {
        (Lang::De, Academia) => "Wissenschaft",
        (Lang::De, Internal) => "eigene Verwaltung",
        (Lang::De, PrivateSector) => "Privatwirtschaft",
        (Lang::De, PublicSector) => "andere Verwaltung",
        (Lang::De, Politics) => "Politik",
        (Lang::En, Academia) => "Academia",
        (Lang::En, Internal) => "Own administration",
        (Lang::En, PrivateSector) => "Private sector",
        (Lang::En, PublicSector) => "Another administration",
        (Lang::En, Politics) => "Politics",
    }
}

/// Definition of an origin value (about page, docs/DATA.md).
pub fn origin_explained(lang: Lang, o: Origin) -> &'static str {
    use Origin::*;
    match (lang, o) {
        (Lang::De, Academia) => "von einer Hochschule oder einem Forschungsinstitut",
        (Lang::De, Internal) => "aus der eigenen Verwaltung",
        (Lang::De, PrivateSector) => "aus einem Unternehmen",
        (Lang::De, PublicSector) => "aus einer anderen Behörde oder Stadt",
        (Lang::De, Politics) => "aus der gewählten Politik",
        (Lang::En, Academia) => "from a university or research institute",
        (Lang::En, Internal) => "from the entity's own administration",
        (Lang::En, PrivateSector) => "from a company",
        (Lang::En, PublicSector) => "from another public body or city",
        (Lang::En, Politics) => "from elected politics",
    }
}

/// Definition of an organisational form (about page, docs/DATA.md).
pub fn form_explained(lang: Lang, f: Form) -> &'static str {
    use Form::*;
    match (lang, f) {
        (Lang::De, CdoPost) => "eine CDO-Stelle oder eine gleichwertige Einzelstelle (etwa Digitalisierungsbeauftragte:r)",
        (Lang::De, HonoraryCdo) => "ein CDO im Ehrenamt",
        (Lang::De, Agency) => "eine Digitalagentur oder -gesellschaft statt eines CDO",
        (Lang::De, Department) => "ein Dezernat oder Referat mit gewählter oder berufener Spitze",
        (Lang::De, StaffUnit) => "eine Stabsstelle ohne CDO-Titel",
        (Lang::De, AdministrativeUnit) => "ein Amt, Fachbereich oder Fachdienst der Verwaltung, geleitet von einer Amtsleitung statt von einer gewählten Spitze (auch wenn sie einen CDO- oder CIO-Titel trägt)",
        (Lang::De, StateGovernment) => "ein Landes- oder Bundesministerium, Staatssekretariat oder Regierungsbeauftragter",
        (Lang::De, Other) => "eine andere Form, etwa ein Innovationsbüro oder eine Geschäftsstelle",
        (Lang::En, CdoPost) => "a CDO post or an equivalent single post (e.g. a digitalisation commissioner)",
        (Lang::En, HonoraryCdo) => "a CDO serving in an honorary capacity",
        (Lang::En, Agency) => "a digital agency or company instead of a CDO",
        (Lang::En, Department) => "a department (Dezernat or Referat) led by an elected or appointed head",
        (Lang::En, StaffUnit) => "a staff unit (Stabsstelle) without a CDO title",
        (Lang::En, AdministrativeUnit) => "an office or division of the administration (Amt, Fachbereich, Fachdienst), led by a career official rather than an elected head (even where that official carries a CDO or CIO title)",
        (Lang::En, StateGovernment) => "a Land or federal ministry, state secretary or government commissioner",
        (Lang::En, Other) => "another form, such as an innovation office or a coordination office",
    }
}

pub fn form(lang: Lang, f: Form) -> &'static str {
    use Form::*;
    match (lang, f) {
        (Lang::De, CdoPost) => "CDO-Stelle",
        (Lang::De, HonoraryCdo) => "CDO im Ehrenamt",
        (Lang::De, Agency) => "Agentur oder Gesellschaft",
        (Lang::De, Department) => "Dezernat oder Referat",
        (Lang::De, StaffUnit) => "Stabsstelle",
        (Lang::De, AdministrativeUnit) => "Amt oder Fachbereich",
        (Lang::De, StateGovernment) => "Regierung",
        (Lang::De, Other) => "Andere Form",
        (Lang::En, CdoPost) => "CDO post",
        (Lang::En, HonoraryCdo) => "Honorary CDO",
        (Lang::En, Agency) => "Agency or company",
        (Lang::En, Department) => "Department",
        (Lang::En, StaffUnit) => "Staff unit",
        (Lang::En, AdministrativeUnit) => "Office or division",
        (Lang::En, StateGovernment) => "Government",
        (Lang::En, Other) => "Other form",
    }
}

/// The label of category `i` of a map axis (see `cdo_model::map::Axis::category`).
pub fn category(lang: Lang, axis: Axis, i: usize) -> &'static str {
    if i == axis.no_post() {
        return lang.strings().state_no_post;
    }
    if i == axis.abolished() {
        return lang.strings().state_abolished;
    }
    match axis {
        Axis::Headline => Headline::ALL.get(i).map_or("", |h| headline(lang, *h)),
        Axis::Origin => Origin::ALL
            .get(i)
            .map_or(lang.strings().map_origin_unknown, |o| origin(lang, *o)),
        Axis::Form => Form::ALL.get(i).map_or("", |f| form(lang, *f)),
    }
}

pub fn size_class(lang: Lang, c: SizeClass) -> &'static str {
    let s = lang.strings();
    match c {
        SizeClass::Under100k => s.size_lt100k,
        SizeClass::From100kTo500k => s.size_mid,
        SizeClass::Over500k => s.size_gt500k,
        SizeClass::LandLevel => s.size_land,
        SizeClass::Unknown => s.size_unknown,
    }
}

/// The explorer's column headings.
pub fn column(lang: Lang, c: Column) -> &'static str {
    let s = lang.strings();
    match c {
        Column::Name => s.col_name,
        Column::Land => s.col_land,
        Column::Kind => s.col_kind,
        Column::Model => s.col_model,
        Column::Origin => s.col_origin,
        Column::Form => s.col_form,
        Column::Office => s.col_office,
        Column::Since => s.col_since,
        Column::Population => s.col_population,
        Column::Holder => s.col_holder,
        Column::Confirmed => s.profile_last_confirmed,
    }
}

/// Under an entity's name in a list: "Stadt · Bayern" for a city; "Land" or "Bund" alone for a
/// Land or the federal level (a Land's own name is its name).
pub fn place(lang: Lang, k: Kind, l: Option<Land>) -> String {
    match (k, l) {
        (Kind::City, Some(l)) => format!("{} · {}", kind(lang, k), land(lang, l)),
        _ => kind(lang, k).to_owned(),
    }
}

/// Beside a model's headline in a list, the origin of the person who leads, where the headline
/// does not name it already ("Herkunft: Politik" beside "Regierung: …"; nothing beside "CDO aus
/// der Wissenschaft").
pub fn origin_note(lang: Lang, post: &Post) -> Option<String> {
    let s = lang.strings();
    (!post.headline().states_origin()).then(|| {
        let o = post.origin.map_or(s.unknown, |o| origin(lang, o));
        format!("{}: {o}", s.col_origin)
    })
}

/// Under an office in a list: the holder's name, or that it is not known.
pub fn holder_note(lang: Lang, holder: Option<&str>) -> String {
    let s = lang.strings();
    match holder {
        Some(name) => name.to_owned(),
        None => format!("{}: {}", s.col_holder, s.unknown),
    }
}

/// "Beendet: 2022" / "Ended: 2022".
pub fn ended(lang: Lang, d: PartialDate) -> String {
    format!("{}: {}", lang.strings().profile_ended, date(lang, d))
}

pub fn axis(lang: Lang, axis: Axis) -> &'static str {
    let s = lang.strings();
    match axis {
        Axis::Headline => s.map_axis_model,
        Axis::Origin => s.map_axis_origin,
        Axis::Form => s.map_axis_form,
    }
}

pub fn kind(lang: Lang, k: Kind) -> &'static str {
    match (lang, k) {
        (Lang::De, Kind::City) => "Stadt",
        (Lang::De, Kind::Land) => "Land",
        (Lang::En, Kind::City) => "City",
        (Lang::En, Kind::Land) => "Land (state)",
        (Lang::De, Kind::Federal) => "Bund",
        (Lang::En, Kind::Federal) => "Federal level",
    }
}

/// An entity's Land, or for the federal level (which has none) "Bund".
pub fn land_of(lang: Lang, l: Option<Land>) -> &'static str {
    match l {
        Some(l) => land(lang, l),
        None => kind(lang, Kind::Federal),
    }
}

/// The Land's name; English uses the established exonyms.
pub fn land(lang: Lang, l: Land) -> &'static str {
    use Land::*;
    match (lang, l) {
        (_, BW) => "Baden-Württemberg",
        (Lang::De, BY) => "Bayern",
        (Lang::En, BY) => "Bavaria",
        (_, BE) => "Berlin",
        (_, BB) => "Brandenburg",
        (_, HB) => "Bremen",
        (_, HH) => "Hamburg",
        (Lang::De, HE) => "Hessen",
        (Lang::En, HE) => "Hesse",
        (_, MV) => "Mecklenburg-Vorpommern",
        (Lang::De, NI) => "Niedersachsen",
        (Lang::En, NI) => "Lower Saxony",
        (Lang::De, NW) => "Nordrhein-Westfalen",
        (Lang::En, NW) => "North Rhine-Westphalia",
        (Lang::De, RP) => "Rheinland-Pfalz",
        (Lang::En, RP) => "Rhineland-Palatinate",
        (_, SL) => "Saarland",
        (Lang::De, SN) => "Sachsen",
        (Lang::En, SN) => "Saxony",
        (Lang::De, ST) => "Sachsen-Anhalt",
        (Lang::En, ST) => "Saxony-Anhalt",
        (_, SH) => "Schleswig-Holstein",
        (Lang::De, TH) => "Thüringen",
        (Lang::En, TH) => "Thuringia",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_use_the_local_thousands_separator() {
        assert_eq!(number(Lang::De, 1_852_478), "1.852.478");
        assert_eq!(number(Lang::En, 1_852_478), "1,852,478");
        assert_eq!(number(Lang::De, 999), "999");
        assert_eq!(number(Lang::De, 1000), "1.000");
        assert_eq!(number(Lang::En, 0), "0");
    }

    #[test]
    fn dates_keep_their_precision() {
        let p = |s| PartialDate::parse(s).unwrap();
        assert_eq!(date(Lang::De, p("2017-05")), "Mai 2017");
        assert_eq!(date(Lang::En, p("2017-05")), "May 2017");
        assert_eq!(date(Lang::De, p("2017-05-01")), "1. Mai 2017");
        assert_eq!(date(Lang::En, p("2017-05-01")), "1 May 2017");
        assert_eq!(date(Lang::De, p("2018")), "2018");
        assert_eq!(date(Lang::De, p("~2019-01")), "ca. Januar 2019");
        assert_eq!(date(Lang::En, p("~2019-01")), "c. January 2019");
    }

    #[test]
    fn a_list_row_says_where_an_entity_is_and_what_its_headline_leaves_out() {
        assert_eq!(
            place(Lang::De, Kind::City, Some(Land::BY)),
            "Stadt · Bayern"
        );
        assert_eq!(
            place(Lang::En, Kind::City, Some(Land::BY)),
            "City · Bavaria"
        );
        assert_eq!(place(Lang::De, Kind::Land, Some(Land::BY)), "Land");
        assert_eq!(place(Lang::En, Kind::Federal, None), "Federal level");
        let post = |origin, form| Post {
            title: "x".into(),
            origin,
            form,
        };
        let government = post(Some(Origin::Politics), Form::StateGovernment);
        assert_eq!(
            origin_note(Lang::De, &government).as_deref(),
            Some("Herkunft: Politik")
        );
        assert_eq!(
            origin_note(Lang::En, &government).as_deref(),
            Some("Origin: Politics")
        );
        assert_eq!(
            origin_note(Lang::De, &post(None, Form::Department)).as_deref(),
            Some("Herkunft: unbekannt")
        );
        assert_eq!(
            origin_note(Lang::De, &post(Some(Origin::Academia), Form::CdoPost)),
            None
        );
        assert_eq!(
            origin_note(Lang::De, &post(None, Form::CdoPost)),
            None,
            "“CDO (Herkunft unbekannt)”"
        );
        assert_eq!(holder_note(Lang::De, Some("Ada")), "Ada");
        assert_eq!(holder_note(Lang::De, None), "Amtsinhaber:in: unbekannt");
        assert_eq!(holder_note(Lang::En, None), "Office holder: unknown");
        let d = PartialDate::parse("2022-03").unwrap();
        assert_eq!(ended(Lang::De, d), "Beendet: März 2022");
        assert_eq!(ended(Lang::En, d), "Ended: March 2022");
    }

    #[test]
    fn a_citation_names_the_project_its_stand_licence_and_address() {
        let as_of = PartialDate::parse("2026-11-26").unwrap();
        assert_eq!(
            citation(Lang::De, as_of, None, "https://atlas.example/"),
            "cdo-atlas (2026): Wer führt die Digitalisierung? Modelle deutscher Städte und Länder. \
             Datensatz, Stand 26. November 2026. Lizenz: CC BY 4.0. https://atlas.example/"
        );
        assert_eq!(
            citation(Lang::En, as_of, None, "https://atlas.example/?lang=en"),
            "cdo-atlas (2026): Who leads digitalisation? Models of German cities and Länder. \
             Dataset, as of 26 November 2026. Licence: CC BY 4.0. https://atlas.example/?lang=en"
        );
        // One entry: its name first, the page's own address last.
        assert_eq!(
            citation(Lang::De, as_of, Some("Köln"), "https://atlas.example/entity/koeln"),
            "cdo-atlas (2026): Köln. In: Wer führt die Digitalisierung? Modelle deutscher Städte und \
             Länder. Datensatz, Stand 26. November 2026. Lizenz: CC BY 4.0. \
             https://atlas.example/entity/koeln"
        );
    }

    #[test]
    fn every_headline_has_a_distinct_label_and_explanation_in_each_language() {
        for lang in Lang::ALL {
            let labels: std::collections::HashSet<_> =
                Headline::ALL.iter().map(|h| headline(lang, *h)).collect();
            assert_eq!(labels.len(), Headline::ALL.len(), "{lang:?}");
            for h in Headline::ALL {
                assert!(!headline_explained(lang, h).is_empty());
            }
        }
    }

    #[test]
    fn every_map_category_has_a_label() {
        for lang in Lang::ALL {
            for axis in Axis::ALL {
                for i in 0..axis.category_count() {
                    assert!(!category(lang, axis, i).is_empty(), "{axis:?} {i}");
                }
            }
        }
    }

    #[test]
    fn every_axis_value_has_a_definition() {
        for lang in Lang::ALL {
            for o in Origin::ALL {
                assert!(!origin_explained(lang, *o).is_empty());
            }
            for f in Form::ALL {
                assert!(!form_explained(lang, *f).is_empty());
            }
        }
    }

    #[test]
    fn lang_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr"), None);
    }
}
