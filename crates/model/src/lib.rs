//! cdo-model: the pure domain of cdo-atlas.
//!
//! Untrusted JSON is validated at one boundary ([`validate::parse_dataset`], and
//! [`validate::parse_index`] for the dataset's index) into domain types
//! ([`domain`]); `raw` (feature `schema`) describes the file's shape for the JSON Schema. Nothing here knows about leptos, the DOM or the network; it is
//! tested with plain `cargo test`.

pub mod charts;
pub mod compare;
pub mod date;
pub mod domain;
pub mod explore;
pub mod geo;
pub mod index;
pub mod json_out;
pub mod map;
pub mod num;
pub mod params;
#[cfg(feature = "schema")]
pub mod raw;
pub mod report;
pub mod search;
pub mod validate;

pub use date::{PartialDate, Precision};
pub use domain::*;
pub use validate::{
    parse_dataset, parse_index, DatasetError, Issue, JsonType, Loaded, Problem, Rejection,
};

/// Sorts a short list by insertion: for lists that hold each value of a small set at most once
/// (the explorer's filters, the map's hidden legend entries). `slice::sort` costs ~4 KB of wasm
/// for every element type it is used with; this costs a few dozen bytes. Quadratic: never for
/// a list whose length the data or the URL decides.
pub fn sort_short<T: Ord>(list: &mut [T]) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && list[j - 1] > list[j] {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// The JSON Schema of the dataset file, generated from [`raw::RawDataset`].
#[cfg(feature = "schema")]
pub fn dataset_schema() -> String {
    let schema = schemars::schema_for!(raw::RawDataset);
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    json.push('\n');
    json
}
