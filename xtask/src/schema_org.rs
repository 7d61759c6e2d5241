//! The about page's JSON-LD (issue #24): the dataset as a schema.org `Dataset`, which search
//! engines read for their dataset search. Its facts are the open-data writer's
//! (`opendata.rs`: title, description, licence, keywords, the published files), so the page,
//! the DCAT-AP.de record and the data package cannot disagree.

use cdo_model::published::Published;
use cdo_model::{Dataset, PartialDate};
use cdo_text::Lang;
use serde_json::{json, Value};

use crate::opendata;

/// The files offered as the dataset's distributions: the JSON and each CSV.
pub const DISTRIBUTIONS: [Published; 3] =
    [Published::Dataset, Published::Csv, Published::SourcesCsv];

/// The earliest day a period of the data is known to have been in force.
fn earliest(d: &Dataset) -> Option<PartialDate> {
    d.entities
        .iter()
        .flat_map(|e| &e.periods)
        .filter_map(|p| p.start())
        .min_by(|a, b| a.chronological(b))
}

/// A date as ISO 8601 at its own precision ("2017", "2017-05", "2017-05-01"), an approximate
/// one as the date it approximates.
fn iso(d: PartialDate) -> String {
    PartialDate { approx: false, ..d }.to_string()
}

/// The `Dataset` for the about page in `lang`: `page` its absolute address, `url_of` a published
/// file's.
pub fn dataset(
    d: &Dataset,
    lang: Lang,
    page: &str,
    url_of: impl Fn(Published) -> String,
) -> Result<Value, String> {
    let licence = opendata::licence(d)?;
    let temporal = match earliest(d) {
        Some(from) => format!("{}/{}", iso(from), iso(d.as_of)),
        None => iso(d.as_of),
    };
    let distribution: Vec<Value> = DISTRIBUTIONS
        .iter()
        .map(|&file| {
            let name = file.file_name();
            let format = if name.ends_with(".csv") {
                "text/csv"
            } else {
                "application/json"
            };
            json!({
                "@type": "DataDownload",
                "name": cdo_text::published(lang, file),
                "contentUrl": url_of(file),
                "encodingFormat": format,
            })
        })
        .collect();
    let mut value = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": opendata::title(lang),
        "description": opendata::description(lang, d),
        "url": page,
        "keywords": opendata::KEYWORDS,
        "license": licence.url,
        "creator": { "@type": "Organization", "name": "cdo-atlas" },
        "temporalCoverage": temporal,
        "dateModified": iso(d.as_of),
        "inLanguage": Lang::ALL.map(Lang::code),
        "spatialCoverage": {
            "@type": "Country",
            "name": match lang { Lang::De => "Deutschland", Lang::En => "Germany" },
            "identifier": "DE",
        },
        "isAccessibleForFree": true,
        "distribution": distribution,
    });
    if let Some(version) = d.data_version {
        value["version"] = json!(version.to_string());
    }
    Ok(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn committed() -> Dataset {
        let text = std::fs::read_to_string(crate::dataset_path()).unwrap();
        cdo_model::parse_dataset(&text, crate::today())
            .unwrap()
            .dataset
    }

    #[test]
    fn the_dataset_names_its_facts_and_every_file() {
        let d = committed();
        let url_of = |f: Published| format!("https://example.org/data/{}", f.file_name());
        for lang in Lang::ALL {
            let v = dataset(&d, lang, "https://example.org/about", url_of).unwrap();
            // What a page carries: it reads back as JSON, and as what it says.
            let text = crate::head::json_ld(&v);
            let v: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(v["@type"], "Dataset");
            assert_eq!(v["license"], "https://creativecommons.org/licenses/by/4.0/");
            assert_eq!(v["dateModified"], d.as_of.to_string());
            assert_eq!(v["version"], d.data_version.unwrap().to_string());
            assert_eq!(v["url"], "https://example.org/about");
            let temporal = v["temporalCoverage"].as_str().unwrap();
            assert!(temporal.ends_with(&format!("/{}", d.as_of)), "{temporal}");
            assert!(
                temporal.starts_with("20") || temporal.starts_with("19"),
                "{temporal}"
            );
            let names: Vec<&str> = v["distribution"]
                .as_array()
                .unwrap()
                .iter()
                .map(|f| f["contentUrl"].as_str().unwrap())
                .collect();
            assert_eq!(names.len(), 3, "the JSON and each CSV");
            for url in names {
                let file = url.strip_prefix("https://example.org/data/").unwrap();
                assert!(
                    crate::root().join("public/data").join(file).is_file(),
                    "{file} is not published"
                );
            }
        }
    }

    #[test]
    fn the_coverage_starts_with_the_earliest_period() {
        let mut d = committed();
        d.entities[0].periods[0].since = Some(cdo_model::Dated {
            date: PartialDate::parse("~1999-03").unwrap(),
            sources: vec![],
        });
        let v = dataset(&d, Lang::De, "x", |f| f.file_name().into()).unwrap();
        assert_eq!(v["temporalCoverage"], format!("1999-03/{}", d.as_of));
    }
}
