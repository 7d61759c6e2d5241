//! The committed Länder asset against the projection and the dataset: 16 readable outlines, and
//! every entity's projected position inside its own Land.

use cdo_model::geo::{contains, decode_path, project, Ring};
use cdo_model::{parse_dataset, Land, PartialDate};
use serde_json::Value;

fn outlines() -> Vec<(Land, Vec<Ring>)> {
    let asset: Value =
        serde_json::from_str(include_str!("../../../public/data/laender.json")).unwrap();
    asset["laender"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            let land = Land::from_code(l["code"].as_str().unwrap()).unwrap();
            (
                land,
                decode_path(l["path"].as_str().unwrap()).expect("decodable path"),
            )
        })
        .collect()
}

#[test]
fn the_asset_has_all_16_laender_once() {
    let mut codes: Vec<Land> = outlines()
        .into_iter()
        .map(|(l, rings)| {
            assert!(!rings.is_empty(), "{l:?} has no outline");
            l
        })
        .collect();
    codes.sort();
    let mut all = Land::ALL.to_vec();
    all.sort();
    assert_eq!(codes, all);
}

#[test]
fn every_entity_lies_inside_its_own_land_and_no_other() {
    let outlines = outlines();
    let text = include_str!("../../../public/data/cdo-atlas.json");
    let data = parse_dataset(text, PartialDate::ymd(2026, 11, 26))
        .unwrap()
        .dataset;
    for e in &data.entities {
        let p = project(e.coordinates);
        let inside: Vec<Land> = outlines
            .iter()
            .filter(|(_, rings)| contains(rings, p))
            .map(|(l, _)| *l)
            .collect();
        assert_eq!(inside, vec![e.land], "{} at {:?}", e.name, p);
    }
}

#[test]
fn the_app_reads_the_asset() {
    let outlines =
        cdo_model::geo::parse_outlines(include_str!("../../../public/data/laender.json"))
            .expect("readable");
    assert_eq!(outlines.laender.len(), 16);
    assert_eq!(outlines.attribution, "© GeoBasis-DE / BKG 2017");
    assert!(cdo_model::geo::parse_outlines(
        r#"{"attribution":"x","laender":[{"code":"DE-HE","path":"<script>"}]}"#
    )
    .is_none());
}

#[test]
fn a_point_outside_germany_is_in_no_land() {
    let outlines = outlines();
    let paris_ish = project(cdo_model::Coordinates {
        lat: 48.0,
        lon: 6.0,
    });
    assert!(outlines
        .iter()
        .all(|(_, rings)| !contains(rings, paris_ish)));
}
