//! The files published with the dataset for reuse, in `/data/` (docs/DATA.md, "Files for
//! reuse"): one list, for xtask, which writes them and carries their sizes in the index, and
//! for the about page, which offers them in this order.

/// A file published for reuse.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Published {
    /// The dataset, `cdo-atlas.json`.
    Dataset,
    /// The whole dataset flat, one row per entity and period.
    Csv,
    /// Every source, one row per entity and source.
    SourcesCsv,
    /// The Frictionless Data Package describing the files.
    Package,
    /// The dataset's JSON Schema.
    Schema,
    /// The data changelog.
    Changelog,
    /// The DCAT-AP.de catalogue record.
    Catalogue,
}

impl Published {
    pub const ALL: [Published; 7] = [
        Published::Dataset,
        Published::Csv,
        Published::SourcesCsv,
        Published::Package,
        Published::Schema,
        Published::Changelog,
        Published::Catalogue,
    ];

    /// Its name in `public/data/` (served as `/data/<name>`).
    pub const fn file_name(self) -> &'static str {
        match self {
            Published::Dataset => "cdo-atlas.json",
            Published::Csv => "cdo-atlas.csv",
            Published::SourcesCsv => "cdo-atlas.sources.csv",
            Published::Package => "datapackage.json",
            Published::Schema => "cdo-atlas.schema.json",
            Published::Changelog => "cdo-atlas.changelog.json",
            Published::Catalogue => "cdo-atlas.dcat.jsonld",
        }
    }

    /// Its format, as a reader knows it.
    pub fn format(self) -> &'static str {
        match self {
            Published::Csv | Published::SourcesCsv => "CSV",
            Published::Catalogue => "JSON-LD",
            _ => "JSON",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_in_data() {
        for (i, a) in Published::ALL.iter().enumerate() {
            assert!(Published::ALL[i + 1..]
                .iter()
                .all(|b| a.file_name() != b.file_name()));
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../public/data")
                .join(a.file_name());
            assert!(path.is_file(), "{}", path.display());
        }
    }
}
