//! cdo-model: the pure domain of cdo-atlas.
//!
//! Raw JSON shapes ([`raw`]) are validated at one boundary ([`validate::parse_dataset`]) into
//! domain types ([`domain`]). Nothing here knows about leptos, the DOM or the network; it is
//! tested with plain `cargo test`.

pub mod date;
pub mod domain;
pub mod raw;
pub mod search;
pub mod validate;

pub use date::{PartialDate, Precision};
pub use domain::*;
pub use validate::{parse_dataset, DatasetError, Issue, Loaded, Problem, Rejection};

/// The JSON Schema of the dataset file, generated from [`raw::RawDataset`].
#[cfg(feature = "schema")]
pub fn dataset_schema() -> String {
    let schema = schemars::schema_for!(raw::RawDataset);
    let mut json = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    json.push('\n');
    json
}
