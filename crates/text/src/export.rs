//! Downloads of the explorer's current view: CSV for spreadsheets (German Excel opens it as is:
//! UTF-8 with BOM, `;`-separated, quoted where needed), a table and nothing else; and JSON for
//! code, which also names the source, the licence, Destatis' notice, the data "Stand" and the
//! view it came from.

use cdo_model::csv::{record, BOM};
use cdo_model::explore::{headline_wire, Column};
use cdo_model::json_out::{int, obj, opt_text, pretty, text};
use cdo_model::{Dataset, Entity};
use serde_json::Value;

use crate::Lang;

/// Where a download comes from.
pub struct Origin<'a> {
    /// The explorer view's full address (with its filters, search and sort).
    pub view_url: &'a str,
    /// The site's origin, for profile links (`https://…`, no trailing slash).
    pub site: &'a str,
}

const COLUMNS: [Column; 11] = Column::ALL;

/// The explorer's CSV is for German spreadsheets, whose list separator is `;`.
pub const DELIMITER: char = ';';

fn cells(e: &Entity, lang: Lang, site: &str) -> Vec<String> {
    let text = |o: Option<String>| o.unwrap_or_default();
    COLUMNS
        .iter()
        .map(|c| match c {
            Column::Name => e.name.clone(),
            Column::Land => crate::land_of(lang, e.land).to_owned(),
            Column::Kind => crate::kind(lang, e.kind).to_owned(),
            Column::Model => crate::headline(lang, e.model().headline()).to_owned(),
            Column::Origin => text(e.model().origin.map(|o| crate::origin(lang, o).to_owned())),
            Column::Form => crate::form(lang, e.model().form).to_owned(),
            Column::Office => e.model().title.clone(),
            Column::Since => text(e.since().map(|d| d.to_string())),
            Column::Population => text(e.population.as_ref().map(|p| p.value.to_string())),
            Column::Holder => text(e.current_holder().map(|h| h.name.clone())),
            Column::Confirmed => text(e.confirmed().map(|d| d.to_string())),
        })
        .chain([e.id.clone(), format!("{site}/entity/{}", e.id)])
        .collect()
}

/// The CSV of `entities` (in view order): the header on the first line, then one line per
/// entity, nothing else, so that a spreadsheet or a tool reads it without options (UTF-8 with
/// a byte order mark, `;`-separated, quoted where needed, no formulas: `cdo_model::csv`). An
/// empty cell is unknown. Where the rows come from (source, licence, Destatis' notice, Stand,
/// the view's address) is in the JSON download and the data package (docs/DATA.md, "Files");
/// the file's name carries the Stand.
pub fn csv(lang: Lang, entities: &[&Entity], site: &str) -> String {
    let (id, profile) = match lang {
        Lang::De => ("ID", "Profil"),
        Lang::En => ("ID", "Profile"),
    };
    let mut out = String::from(BOM);
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|c| crate::column(lang, *c).to_owned())
        .chain([id.into(), profile.into()])
        .collect();
    out.push_str(&record(&header, DELIMITER));
    for e in entities {
        out.push_str(&record(&cells(e, lang, site), DELIMITER));
    }
    out
}

/// The JSON of `entities` (in view order): codes as in the dataset, labels in `lang`, `null`
/// where unknown.
pub fn json(lang: Lang, dataset: &Dataset, entities: &[&Entity], origin: &Origin) -> String {
    let rows: Vec<Value> = entities
        .iter()
        .map(|e| {
            let h = e.model().headline();
            obj([
                ("id", text(&e.id)),
                ("name", text(&e.name)),
                ("profile", text(&format!("{}/entity/{}", origin.site, e.id))),
                ("kind", text(e.kind.wire())),
                ("land", opt_text(e.land.map(|l| l.code()))),
                ("land_label", text(crate::land_of(lang, e.land))),
                ("model", text(headline_wire(h))),
                ("model_label", text(crate::headline(lang, h))),
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
                    opt_text(e.confirmed().map(|d| d.to_string()).as_deref()),
                ),
            ])
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
        let out = csv(Lang::De, &picked, "https://atlas.example");
        let body = out.strip_prefix('\u{feff}').expect("a byte order mark");
        let lines: Vec<&str> = body.strip_suffix("\r\n").unwrap().split("\r\n").collect();
        assert!(
            lines[0].starts_with("Name;Land;Art;"),
            "the header first: {}",
            lines[0]
        );
        assert!(lines[0].ends_with(";ID;Profil"));
        assert_eq!(
            lines.len(),
            3,
            "the header and one line per entity, nothing else"
        );
        assert!(lines[1].starts_with("Darmstadt;Hessen;Stadt;"));
        assert!(lines[1].ends_with(";darmstadt;https://atlas.example/entity/darmstadt"));
        assert!(lines.iter().all(|l| l.split(';').count() == 13));
        let en = csv(Lang::En, &picked, "https://s");
        assert!(en.starts_with("\u{feff}Name;Land;Kind;"), "{en}");
        assert_eq!(csv(Lang::En, &[], "https://s").matches("\r\n").count(), 1);
    }

    #[test]
    fn json_names_its_source_and_keeps_unknowns_null() {
        let d = data();
        let picked: Vec<&Entity> = d.entities.iter().filter(|e| e.id == "heidelberg").collect();
        let origin = Origin {
            view_url: "v",
            site: "https://s",
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
    }
}
