//! Downloads of the explorer's current view: CSV for spreadsheets (German Excel opens it as is:
//! UTF-8 with BOM, `;`-separated, quoted where needed), a table and nothing else; and JSON for
//! code, which also names the source, the licence, Destatis' notice, the data "Stand" and the
//! view it came from.

use cdo_model::csv::{record, BOM};
use cdo_model::explore::{headline_wire, Column};
use cdo_model::json_out::{int, obj, opt_text, pretty, text};
use std::borrow::Cow;

use cdo_model::{Dataset, Entity, ModelAt, PartialDate};
use serde_json::Value;

use crate::Lang;

/// Where a download comes from.
pub struct Origin<'a> {
    /// The explorer view's full address (with its filters, search and sort).
    pub view_url: &'a str,
    /// The site's origin, for profile links (`https://…`, no trailing slash).
    pub site: &'a str,
    /// The date the view shows (`at`, issue #23); `None`: today, the data's Stand.
    pub at: Option<PartialDate>,
}

/// An entity as a download shows it: as the data knew it at the view's date
/// ([`Entity::as_of`]; `None`: no post yet then), and its state then in a word where it had no
/// model ("noch keine Stelle", "abgeschafft").
struct Shown<'e> {
    entity: &'e Entity,
    then: Option<Cow<'e, Entity>>,
    /// The wire code and label of a state that is not a model.
    state: Option<(&'static str, &'static str)>,
    /// When the period shown was last confirmed, by the whole entry (a later end is evidence).
    confirmed: Option<PartialDate>,
}

fn shown(e: &Entity, lang: Lang, at: Option<PartialDate>) -> Shown<'_> {
    let s = lang.strings();
    let Some(d) = at else {
        return Shown {
            entity: e,
            then: Some(Cow::Borrowed(e)),
            state: None,
            confirmed: e.confirmed(),
        };
    };
    let state = match e.model_at(d) {
        ModelAt::NotYet => Some(("no_post", s.state_no_post)),
        ModelAt::Ended(_) => Some(("abolished", s.state_abolished)),
        ModelAt::In(_) => None,
    };
    let then = e.as_of(d);
    let confirmed = then
        .as_ref()
        .and_then(|t| e.periods.get(t.periods.len() - 1))
        .and_then(|p| e.period_confirmed(p));
    Shown {
        entity: e,
        then: then.map(Cow::Owned),
        state,
        confirmed,
    }
}

const COLUMNS: [Column; 11] = Column::ALL;

/// The explorer's CSV is for German spreadsheets, whose list separator is `;`.
pub const DELIMITER: char = ';';

fn cells(row: &Shown, lang: Lang, site: &str) -> Vec<String> {
    let text = |o: Option<String>| o.unwrap_or_default();
    let id = &row.entity.id;
    let Some(e) = row.then.as_deref() else {
        // No post yet: the name, where, the state; the rest empty.
        return COLUMNS
            .iter()
            .map(|c| match c {
                Column::Name => row.entity.name.clone(),
                Column::Land => crate::land_of(lang, row.entity.land).to_owned(),
                Column::Kind => crate::kind(lang, row.entity.kind).to_owned(),
                Column::Model => text(row.state.map(|s| s.1.to_owned())),
                Column::Population => {
                    text(row.entity.population.as_ref().map(|p| p.value.to_string()))
                }
                _ => String::new(),
            })
            .chain([id.clone(), format!("{site}/entity/{id}")])
            .collect();
    };
    COLUMNS
        .iter()
        .map(|c| match c {
            Column::Name => e.name.clone(),
            Column::Land => crate::land_of(lang, e.land).to_owned(),
            Column::Kind => crate::kind(lang, e.kind).to_owned(),
            Column::Model => match row.state {
                Some((_, label)) => label.to_owned(),
                None => crate::headline(lang, e.model().headline()).to_owned(),
            },
            Column::Origin => text(e.model().origin.map(|o| crate::origin(lang, o).to_owned())),
            Column::Form => crate::form(lang, e.model().form).to_owned(),
            Column::Office => e.model().title.to_string(),
            Column::Since => text(e.since().map(|d| d.to_string())),
            Column::Population => text(e.population.as_ref().map(|p| p.value.to_string())),
            Column::Holder => text(e.current_holder().map(|h| h.name.clone())),
            Column::Confirmed => text(row.confirmed.map(|d| d.to_string())),
        })
        .chain([id.clone(), format!("{site}/entity/{id}")])
        .collect()
}

/// The CSV of `entities` (in view order): the header on the first line, then one line per
/// entity, nothing else, so that a spreadsheet or a tool reads it without options (UTF-8 with
/// a byte order mark, `;`-separated, quoted where needed, no formulas: `cdo_model::csv`). An
/// empty cell is unknown. Where the rows come from (source, licence, Destatis' notice, Stand,
/// the view's address) is in the JSON download and the data package (docs/DATA.md, "Files");
/// the last column, "Stand", is the date the rows show: the view's `at`, else the data's Stand.
pub fn csv(lang: Lang, entities: &[&Entity], origin: &Origin, as_of: PartialDate) -> String {
    let (id, profile) = match lang {
        Lang::De => ("ID", "Profil"),
        Lang::En => ("ID", "Profile"),
    };
    let shows = origin.at.unwrap_or(as_of).to_string();
    let mut out = String::from(BOM);
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|c| crate::column(lang, *c).to_owned())
        .chain([id.into(), profile.into(), lang.strings().col_as_of.into()])
        .collect();
    out.push_str(&record(&header, DELIMITER));
    for e in entities {
        let mut cells = cells(&shown(e, lang, origin.at), lang, origin.site);
        cells.push(shows.clone());
        out.push_str(&record(&cells, DELIMITER));
    }
    out
}

/// The JSON of `entities` (in view order): codes as in the dataset, labels in `lang`, `null`
/// where unknown.
pub fn json(lang: Lang, dataset: &Dataset, entities: &[&Entity], origin: &Origin) -> String {
    let rows: Vec<Value> = entities
        .iter()
        .map(|e| {
            let row = shown(e, lang, origin.at);
            let who = row.entity;
            // The model at the date; with no post then, "no post yet" or "abolished".
            let (model, model_label) = match (row.state, row.then.as_deref()) {
                (Some(state), _) => state,
                (None, Some(then)) => {
                    let h = then.model().headline();
                    (headline_wire(h), crate::headline(lang, h))
                }
                (None, None) => Default::default(),
            };
            let mut fields = vec![
                ("id", text(&who.id)),
                ("name", text(&who.name)),
                (
                    "profile",
                    text(&format!("{}/entity/{}", origin.site, who.id)),
                ),
                ("kind", text(who.kind.wire())),
                ("land", opt_text(who.land.map(|l| l.code()))),
                ("land_label", text(crate::land_of(lang, who.land))),
                ("model", text(model)),
                ("model_label", text(model_label)),
            ];
            // The post's facts, where there was one at the date.
            let Some(e) = row.then.as_deref() else {
                return obj(fields);
            };
            fields.extend([
                ("origin", opt_text(e.model().origin.map(|o| o.wire()))),
                ("form", text(e.model().form.wire())),
                ("office", text(&e.model().title)),
                (
                    "since",
                    opt_text(e.since().map(|d| d.to_string()).as_deref()),
                ),
                (
                    "population",
                    e.population.as_ref().map_or(Value::Null, |p| {
                        int(i64::try_from(p.value).unwrap_or(i64::MAX))
                    }),
                ),
                (
                    "holder",
                    opt_text(e.current_holder().map(|h| h.name.as_str())),
                ),
                (
                    "confirmed",
                    opt_text(row.confirmed.map(|d| d.to_string()).as_deref()),
                ),
            ]);
            obj(fields)
        })
        .collect();
    let count = i64::try_from(rows.len()).unwrap_or(i64::MAX);
    pretty(&obj([
        ("source", text("cdo-atlas")),
        ("site", text(origin.site)),
        ("view", text(origin.view_url)),
        ("licence", text(&dataset.licence)),
        ("notice", text(lang.strings().notice_destatis)),
        ("as_of", text(&dataset.as_of.to_string())),
        ("at", opt_text(origin.at.map(|d| d.to_string()).as_deref())),
        ("language", text(lang.code())),
        ("count", int(count)),
        ("entities", Value::Array(rows)),
    ]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use cdo_model::{parse_dataset, PartialDate};

    fn data() -> Dataset {
        let text = include_str!("../../../public/data/cdo-atlas.json");
        parse_dataset(text, PartialDate::ymd(2026, 12, 4))
            .unwrap()
            .dataset
    }

    #[test]
    fn csv_is_a_header_and_one_line_per_entity() {
        let d = data();
        let picked: Vec<&Entity> = d
            .entities
            .iter()
            .filter(|e| e.id == "darmstadt" || e.id == "hamburg")
            .collect();
        let o = |site| Origin {
            view_url: "v",
            site,
            at: None,
        };
        let out = csv(Lang::De, &picked, &o("https://atlas.example"), d.as_of);
        let body = out.strip_prefix('\u{feff}').expect("a byte order mark");
        let lines: Vec<&str> = body.strip_suffix("\r\n").unwrap().split("\r\n").collect();
        assert!(
            lines[0].starts_with("Name;Land;Art;"),
            "the header first: {}",
            lines[0]
        );
        assert!(lines[0].ends_with(";ID;Profil;Stand"));
        assert_eq!(
            lines.len(),
            3,
            "the header and one line per entity, nothing else"
        );
        assert!(lines[1].starts_with("Darmstadt;Hessen;Stadt;"));
        assert!(lines[1].ends_with(";darmstadt;https://atlas.example/entity/darmstadt;2026-12-04"));
        assert!(lines.iter().all(|l| l.split(';').count() == 14));
        let en = csv(Lang::En, &picked, &o("https://s"), d.as_of);
        assert!(en.starts_with("\u{feff}Name;Land;Kind;"), "{en}");
        assert_eq!(
            csv(Lang::En, &[], &o("https://s"), d.as_of)
                .matches("\r\n")
                .count(),
            1
        );
    }

    #[test]
    fn json_names_its_source_and_keeps_unknowns_null() {
        let d = data();
        let picked: Vec<&Entity> = d.entities.iter().filter(|e| e.id == "heidelberg").collect();
        let origin = Origin {
            view_url: "v",
            site: "https://s",
            at: None,
        };
        let v: Value = serde_json::from_str(&json(Lang::En, &d, &picked, &origin)).unwrap();
        assert_eq!(v["source"], "cdo-atlas");
        assert_eq!(v["as_of"], d.as_of.to_string());
        assert_eq!(v["count"], 1);
        let e = &v["entities"][0];
        assert_eq!(e["id"], "heidelberg");
        assert_eq!(e["form"], "agency");
        assert_eq!(e["origin"], Value::Null, "unknown stays null");
        assert_eq!(e["profile"], "https://s/entity/heidelberg");
        assert!(v["notice"].as_str().unwrap().contains("Destatis"));
        assert!(
            e["confirmed"].is_string(),
            "when the model was last confirmed"
        );
        assert_eq!(v["at"], Value::Null, "today");
    }

    /// Issue #23: a download at `at=2019` says so and holds the Saarland's model then; one at
    /// 2010, that it had no post yet.
    #[test]
    fn a_download_at_a_date_holds_the_states_then() {
        let d = data();
        let picked: Vec<&Entity> = d.entities.iter().filter(|e| e.id == "saarland").collect();
        let at = |y: &str| Origin {
            view_url: "v",
            site: "https://s",
            at: Some(PartialDate::parse(y).unwrap()),
        };
        let out = csv(Lang::De, &picked, &at("2019"), d.as_of);
        let line = out.split("\r\n").nth(1).unwrap();
        assert!(line.contains(";Privatwirtschaft;"), "{line}");
        assert!(line.contains("Ammar Alkassar"), "{line}");
        assert!(line.ends_with(";2019"), "{line}");
        assert!(
            line.contains(";2022-05;"),
            "last confirmed as the entry has it: {line}"
        );
        let today = csv(Lang::De, &picked, &at("2026-12"), d.as_of);
        assert!(today.contains(";abgeschafft;"), "{today}");
        let v: Value = serde_json::from_str(&json(Lang::En, &d, &picked, &at("2010"))).unwrap();
        assert_eq!(v["at"], "2010");
        assert_eq!(v["entities"][0]["model"], "no_post");
        assert_eq!(v["entities"][0]["model_label"], "no post yet");
        let v: Value = serde_json::from_str(&json(Lang::En, &d, &picked, &at("2019"))).unwrap();
        assert_eq!(v["entities"][0]["origin"], "private_sector");
        assert_eq!(v["entities"][0]["holder"], "Ammar Alkassar");
    }
}
