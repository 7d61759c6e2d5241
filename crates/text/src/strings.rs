//! The fixed UI strings, one `const` per language. Adding a key to the macro call and forgetting it
//! in one language does not compile.

macro_rules! strings {
    ($($(#[$doc:meta])* $key:ident),* $(,)?) => {
        /// Every fixed UI string; one value per language ([`DE`], [`EN`]).
        pub struct Strings {
            $($(#[$doc])* pub $key: &'static str,)*
        }

        impl Strings {
            /// `(key, text)` for every key, for tests and tooling.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }
        }
    };
}

strings! {
    app_name,
    tagline,
    skip_to_content,
    nav_label,
    nav_overview,
    nav_map,
    nav_explore,
    nav_compare,
    nav_about,
    /// Label of the button that switches to the other language, written in that language.
    switch_language,
    switch_language_label,
    loading,
    error_title,
    error_intro,
    retry,
    rejected_title,
    /// Followed by the number of rejected entries.
    rejected_intro,
    rejected_entry,
    overview_title,
    overview_intro,
    overview_count,
    col_name,
    col_land,
    col_model,
    col_kind,
    unknown,
    not_stated,
    footer_as_of,
    footer_licence,
    footer_sources,
    footer_sources_link,
    profile_back,
    profile_model,
    profile_office,
    profile_origin,
    profile_form,
    profile_established,
    profile_holders,
    profile_since,
    profile_until,
    profile_period,
    profile_background,
    profile_reporting_line,
    profile_context,
    profile_population,
    profile_population_year,
    profile_location,
    profile_interview,
    profile_interview_link,
    profile_interviewee,
    profile_sources,
    profile_source_date,
    profile_cites,
    profile_no_holders,
    not_found_title,
    not_found_body,
    planned_title,
    planned_body,
    about_title,
    about_intro,
    about_axes_title,
    about_origin_title,
    about_form_title,
    about_headline_title,
    about_sourcing_title,
    about_sourcing,
    about_licence_title,
    about_licence,
    about_report_title,
    about_report,
}

pub const DE: Strings = Strings {
    app_name: "cdo-atlas",
    tagline: "Wer führt die Digitalisierung? Modelle deutscher Städte und Länder",
    skip_to_content: "Zum Inhalt springen",
    nav_label: "Hauptnavigation",
    nav_overview: "Übersicht",
    nav_map: "Karte",
    nav_explore: "Explorer",
    nav_compare: "Vergleich",
    nav_about: "Über",
    switch_language: "English",
    switch_language_label: "Switch to English",
    loading: "Daten werden geladen …",
    error_title: "Die Daten konnten nicht geladen werden",
    error_intro: "Grund:",
    retry: "Erneut versuchen",
    rejected_title: "Nicht übernommene Einträge",
    rejected_intro: "Diese Einträge des Datensatzes sind fehlerhaft und werden nicht angezeigt; alle übrigen schon. Anzahl:",
    rejected_entry: "Eintrag",
    overview_title: "Alle Städte und Länder",
    overview_intro: "Wie deutsche Städte und Länder die Führung ihrer Digitalisierung organisieren – mit Quelle für jede Angabe.",
    overview_count: "Einträge",
    col_name: "Name",
    col_land: "Land",
    col_model: "Modell",
    col_kind: "Art",
    unknown: "unbekannt",
    not_stated: "nicht angegeben",
    footer_as_of: "Stand der Daten:",
    footer_licence: "Lizenz:",
    footer_sources: "Jede Angabe mit Quelle.",
    footer_sources_link: "Über die Daten",
    profile_back: "Zur Übersicht",
    profile_model: "Modell",
    profile_office: "Amt oder Einheit",
    profile_origin: "Herkunft der Person",
    profile_form: "Organisationsform",
    profile_established: "Eingerichtet",
    profile_holders: "Amtsinhaber:innen",
    profile_since: "seit",
    profile_until: "bis",
    profile_period: "Zeitraum",
    profile_background: "Hintergrund",
    profile_reporting_line: "Anbindung",
    profile_context: "Kontext",
    profile_population: "Einwohnerzahl",
    profile_population_year: "Stand",
    profile_location: "Lage",
    profile_interview: "Interview der Reihe",
    profile_interview_link: "Interview lesen",
    profile_interviewee: "Gesprächspartner",
    profile_sources: "Quellen",
    profile_source_date: "Datum der Seite",
    profile_cites: "Quellen:",
    profile_no_holders: "Keine Person in den Quellen belegt.",
    not_found_title: "Nicht gefunden",
    not_found_body: "Diesen Eintrag gibt es im Datensatz nicht.",
    planned_title: "In Arbeit",
    planned_body: "Diese Ansicht entsteht gerade. Bis dahin finden Sie alle Einträge in der Übersicht.",
    about_title: "Über cdo-atlas",
    about_intro: "cdo-atlas zeigt, wie deutsche Städte und Länder die Führung ihrer Digitalisierung organisieren. Eine Interviewreihe fragt die Verantwortlichen – meist Oberbürgermeister:innen –, warum sie ihr Modell gewählt haben.",
    about_axes_title: "Zwei Achsen statt einer Liste",
    about_origin_title: "Herkunft: woher die Person kommt",
    about_form_title: "Form: wie die Führung organisiert ist",
    about_headline_title: "Die Modelle",
    about_sourcing_title: "Quellen",
    about_sourcing: "Jede Angabe verweist auf eine Quelle. Was keine Quelle belegt, steht als „unbekannt“ im Datensatz – nichts wird geschätzt oder ergänzt. Interviewinhalte sind in eigenen Worten zusammengefasst und verlinkt.",
    about_licence_title: "Lizenzen",
    about_licence: "Datensatz: CC BY 4.0 (cdo-atlas). Code: MIT oder Apache-2.0.",
    about_report_title: "Ihre Stadt fehlt?",
    about_report: "Melden Sie Ihr Modell mit Quelle an die Redaktion; ein Meldeformular folgt.",
};

pub const EN: Strings = Strings {
    app_name: "cdo-atlas",
    tagline: "Who leads digitalisation? Models of German cities and Länder",
    skip_to_content: "Skip to content",
    nav_label: "Main navigation",
    nav_overview: "Overview",
    nav_map: "Map",
    nav_explore: "Explorer",
    nav_compare: "Compare",
    nav_about: "About",
    switch_language: "Deutsch",
    switch_language_label: "Auf Deutsch umschalten",
    loading: "Loading data …",
    error_title: "The data could not be loaded",
    error_intro: "Reason:",
    retry: "Try again",
    rejected_title: "Entries not included",
    rejected_intro: "These dataset entries are malformed and are not shown; all others are. Count:",
    rejected_entry: "Entry",
    overview_title: "All cities and Länder",
    overview_intro: "How German cities and Länder organise the leadership of their digitalisation — with a source for every fact.",
    overview_count: "entries",
    col_name: "Name",
    col_land: "Land",
    col_model: "Model",
    col_kind: "Kind",
    unknown: "unknown",
    not_stated: "not stated",
    footer_as_of: "Data as of:",
    footer_licence: "Licence:",
    footer_sources: "Every fact with its source.",
    footer_sources_link: "About the data",
    profile_back: "Back to the overview",
    profile_model: "Model",
    profile_office: "Office or unit",
    profile_origin: "Where the person came from",
    profile_form: "Organisational form",
    profile_established: "Established",
    profile_holders: "Office holders",
    profile_since: "since",
    profile_until: "until",
    profile_period: "Period",
    profile_background: "Background",
    profile_reporting_line: "Reporting line",
    profile_context: "Context",
    profile_population: "Population",
    profile_population_year: "as of",
    profile_location: "Location",
    profile_interview: "Series interview",
    profile_interview_link: "Read the interview",
    profile_interviewee: "Interviewee",
    profile_sources: "Sources",
    profile_source_date: "Page date",
    profile_cites: "Sources:",
    profile_no_holders: "No person documented in the sources.",
    not_found_title: "Not found",
    not_found_body: "There is no such entry in the dataset.",
    planned_title: "In progress",
    planned_body: "This view is being built. Until then, every entry is in the overview.",
    about_title: "About cdo-atlas",
    about_intro: "cdo-atlas shows how German cities and Länder organise the leadership of their digitalisation. An interview series asks the decision makers — mostly mayors — why they chose their model.",
    about_axes_title: "Two axes instead of one list",
    about_origin_title: "Origin: where the person comes from",
    about_form_title: "Form: how leadership is organised",
    about_headline_title: "The models",
    about_sourcing_title: "Sources",
    about_sourcing: "Every fact points to a source. Whatever no source confirms is “unknown” in the dataset — nothing is estimated or filled in. Interview content is summarised in our own words and linked.",
    about_licence_title: "Licences",
    about_licence: "Dataset: CC BY 4.0 (cdo-atlas). Code: MIT or Apache-2.0.",
    about_report_title: "Your city is missing?",
    about_report: "Report your model with a source to the editors; a report form will follow.",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Both languages define every key (the compiler checks presence; this checks content).
    #[test]
    fn both_languages_define_every_key_with_text() {
        let (de, en) = (DE.entries(), EN.entries());
        assert_eq!(de.len(), en.len());
        for ((key, de_text), (en_key, en_text)) in de.iter().zip(&en) {
            assert_eq!(key, en_key);
            assert!(!de_text.trim().is_empty(), "DE `{key}` is empty");
            assert!(!en_text.trim().is_empty(), "EN `{key}` is empty");
        }
    }

    /// A key left untranslated is usually a copy-paste slip; the few that are the same in both
    /// languages are listed here on purpose.
    #[test]
    fn english_is_translated() {
        let same_on_purpose = ["app_name", "nav_explore", "col_name", "col_land"];
        for ((key, de_text), (_, en_text)) in DE.entries().iter().zip(EN.entries()) {
            if !same_on_purpose.contains(key) {
                assert_ne!(*de_text, en_text, "`{key}` is identical in DE and EN");
            }
        }
    }
}
