//! Downloads of the explorer's current view: CSV for spreadsheets (German Excel opens it as is:
//! UTF-8 with BOM, `;`-separated, quoted where needed) and JSON for code. Both name the source,
//! the licence, the data "Stand" and the view they came from.

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

/// One CSV field: quoted when it holds a separator, quote or line break; a leading `=`, `+`,
/// `-`, `@`, tab or carriage return is neutralised with `'` so a spreadsheet never evaluates
/// data as a formula (CSV injection).
fn field(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    if value.contains([';', '"', '\n', '\r']) || value.trim() != value {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

fn line(fields: &[String]) -> String {
    let mut out = fields
        .iter()
        .map(|f| field(f))
        .collect::<Vec<_>>()
        .join(";");
    out.push_str("\r\n");
    out
}

/// The CSV of `entities` (in view order).
pub fn csv(lang: Lang, dataset: &Dataset, entities: &[&Entity], origin: &Origin) -> String {
    let (source, licence, as_of, view, empty, id, profile) = match lang {
        Lang::De => (
            "Quelle",
            "Lizenz",
            "Stand",
            "Ansicht",
            "Leere Zelle: unbekannt",
            "ID",
            "Profil",
        ),
        Lang::En => (
            "Source",
            "Licence",
            "As of",
            "View",
            "Empty cell: unknown",
            "ID",
            "Profile",
        ),
    };
    let mut out = String::from('\u{feff}');
    out.push_str(&line(&[
        source.into(),
        "cdo-atlas".into(),
        origin.site.into(),
    ]));
    out.push_str(&line(&[licence.into(), dataset.licence.clone()]));
    out.push_str(&line(&[
        "Destatis".into(),
        lang.strings().notice_destatis.into(),
    ]));
    out.push_str(&line(&[as_of.into(), dataset.as_of.to_string()]));
    out.push_str(&line(&[view.into(), origin.view_url.into()]));
    out.push_str(&line(&[empty.into()]));
    out.push_str("\r\n");
    let header: Vec<String> = COLUMNS
        .iter()
        .map(|c| crate::column(lang, *c).to_owned())
        .chain([id.into(), profile.into()])
        .collect();
    out.push_str(&line(&header));
    for e in entities {
        out.push_str(&line(&cells(e, lang, origin.site)));
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
    fn fields_are_quoted_and_formulas_neutralised() {
        assert_eq!(field("Darmstadt"), "Darmstadt");
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("Er sagte \"ja\""), "\"Er sagte \"\"ja\"\"\"");
        assert_eq!(field("zwei\nZeilen"), "\"zwei\nZeilen\"");
        assert_eq!(field(" Rand"), "\" Rand\"");
        assert_eq!(field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(field("+49 6151"), "'+49 6151");
        assert_eq!(field("-5"), "'-5");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
    }

    #[test]
    fn csv_has_bom_preamble_header_and_one_line_per_entity() {
        let d = data();
        let picked: Vec<&Entity> = d
            .entities
            .iter()
            .filter(|e| e.id == "darmstadt" || e.id == "hamburg")
            .collect();
        let origin = Origin {
            view_url: "https://atlas.example/explore?q=x",
            site: "https://atlas.example",
        };
        let out = csv(Lang::De, &d, &picked, &origin);
        assert!(out.starts_with("\u{feff}Quelle;cdo-atlas;https://atlas.example\r\n"));
        assert!(out.contains(&format!("\r\nStand;{}\r\n", d.as_of)));
        assert!(out.contains("\r\nAnsicht;https://atlas.example/explore?q=x\r\n"));
        let lines: Vec<&str> = out.trim_end().split("\r\n").collect();
        let header = lines.iter().position(|l| l.starts_with("Name;")).unwrap();
        assert_eq!(lines.len() - header - 1, 2, "one line per entity");
        assert!(lines[header + 1].starts_with("Darmstadt;Hessen;Stadt;"));
        assert!(lines[header + 1].ends_with(";darmstadt;https://atlas.example/entity/darmstadt"));
        let columns = lines[header].split(';').count();
        assert_eq!(columns, 13);
        assert!(
            out.contains("\r\nDestatis;"),
            "Destatis' notice for the population"
        );
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
