//! The committed Länder asset against the projection and the dataset: 16 readable outlines,
//! every entity's projected position inside its own Land, and labels inside the frame.

use cdo_model::geo::{self, contains, decode_path, project, Point, Ring};
use cdo_model::map::{label_box, layout, Mark, Side, View, CLUSTER_ABOVE};
use cdo_model::{parse_dataset, Land, PartialDate, Summary};
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
    let data = parse_dataset(text, PartialDate::ymd(2026, 12, 4))
        .unwrap()
        .dataset;
    for e in &data.entities {
        let p = project(e.coordinates);
        let inside: Vec<Land> = outlines
            .iter()
            .filter(|(_, rings)| contains(rings, p))
            .map(|(l, _)| *l)
            .collect();
        // The federal level has no Land; its marker stands at the seat of government.
        let land = e.land.unwrap_or(Land::BE);
        assert_eq!(inside, vec![land], "{} at {:?}", e.name, p);
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

/// The committed dataset's summaries, each with its projected place.
fn shipped() -> Vec<(Summary, Point)> {
    let text = include_str!("../../../public/data/cdo-atlas.json");
    let data = parse_dataset(text, PartialDate::ymd(2026, 12, 4))
        .unwrap()
        .dataset
        .summaries();
    data.entities
        .into_iter()
        .map(|e| {
            let p = project(e.coordinates);
            (e, p)
        })
        .collect()
}

/// Labels as `layout` places them, for the committed dataset at a frame `px` pixels wide.
fn labels(px: f64) -> Vec<(String, Side, f64, f64)> {
    let owned = shipped();
    let entities: Vec<(&Summary, Point)> = owned.iter().map(|(e, p)| (e, *p)).collect();
    let k = geo::WIDTH / px;
    layout(&entities, |_| true, View::default(), k, None)
        .into_iter()
        .filter_map(|m| {
            // A group is named after its biggest member.
            let (index, at, radius, side) = match m {
                Mark::Entity {
                    index,
                    at,
                    radius,
                    label: Some(side),
                    ..
                } => (index, at, radius, side),
                Mark::Cluster {
                    members,
                    at,
                    radius,
                    label: Some(side),
                } => (members[0], at, radius, side),
                _ => return None,
            };
            let name = &entities[index].0.name;
            let (from, _, to, _) = label_box(name, at, radius, k, side);
            Some((name.clone(), side, from, to))
        })
        .collect()
}

#[test]
fn labels_stay_inside_the_frame_and_turn_left_at_its_edge() {
    for px in [320.0, 360.0, 520.0, 730.0] {
        let placed = labels(px);
        assert!(!placed.is_empty(), "no label at {px} px");
        for (name, _, from, to) in &placed {
            assert!(
                *from >= 0.0 && *to <= geo::WIDTH,
                "{name} leaves a {px} px frame"
            );
        }
    }
    // Berlin lies near the eastern edge: on a phone its label has no room on the right.
    let side = |px: f64| {
        labels(px)
            .into_iter()
            .find(|(name, ..)| name == "Berlin")
            .map(|(_, side, ..)| side)
    };
    assert_eq!(side(360.0), Some(Side::Left));
    assert_eq!(side(730.0), Some(Side::Right));
}

/// At the default view, on a phone and on a wide screen, no marker overlaps another: where the
/// places lie too close (the Ruhr, Rhine-Neckar), a smaller marker moves a short way and keeps
/// its true place as the anchor of a leader line, or joins a group (which opens by zooming in).
/// Every entity is drawn once, as a marker or in a group.
#[test]
fn no_marker_hides_another_at_the_default_view() {
    let owned = shipped();
    let entities: Vec<(&Summary, Point)> = owned.iter().map(|(e, p)| (e, *p)).collect();
    // The map's frame on a 360 px phone and on a 1280 px screen (beside its controls).
    for px in [340.0, 735.0] {
        let k = geo::WIDTH / px;
        let view = View::default();
        let marks = layout(&entities, |_| true, view, k, None);
        let mut seen: Vec<usize> = Vec::new();
        let mut discs: Vec<(String, Point, f64)> = Vec::new();
        for m in &marks {
            match m {
                Mark::Entity {
                    index,
                    at,
                    radius,
                    anchor,
                    ..
                } => {
                    seen.push(*index);
                    let name = entities[*index].0.name.clone();
                    let home = view.to_frame(entities[*index].1);
                    match anchor {
                        None => assert_eq!(*at, home),
                        Some(a) => {
                            assert_eq!(*a, home, "the anchor is the entity's place");
                            // A short way: at most 1.7 times what clears the biggest marker.
                            let d = ((at.x - a.x).powi(2) + (at.y - a.y).powi(2)).sqrt();
                            let most = 1.7 * (radius + 22.0 * k + 1.5 * k);
                            assert!(d <= most + 1e-6, "{name} moved {:.0} px", d / k);
                        }
                    }
                    discs.push((name, *at, *radius));
                }
                Mark::Cluster {
                    at,
                    radius,
                    members,
                    ..
                } => {
                    assert!(members.len() >= 2);
                    seen.extend(members);
                    discs.push((format!("group of {}", members.len()), *at, *radius));
                }
            }
        }
        seen.sort_unstable();
        assert_eq!(
            seen,
            (0..entities.len()).collect::<Vec<_>>(),
            "each entity once"
        );
        for (a, (n, p, r)) in discs.iter().enumerate() {
            let inside =
                p.x - r >= 0.0 && p.x + r <= geo::WIDTH && p.y - r >= 0.0 && p.y + r <= geo::HEIGHT;
            assert!(inside, "{n} outside the frame at {px} px");
            for (m, q, t) in &discs[a + 1..] {
                let d = ((p.x - q.x).powi(2) + (p.y - q.y).powi(2)).sqrt();
                assert!(d + 1e-6 >= r + t, "{n} and {m} overlap at {px} px");
            }
        }
    }
}

/// Above `CLUSTER_ABOVE` entities the map draws a grid of groups. Zoomed in, it draws only what
/// reaches into the frame (a disc wholly outside would be clipped, and costs a zoom step as
/// much as one inside), and every entity well inside the frame is in a mark.
#[test]
fn the_grid_draws_only_what_the_frame_shows() {
    let owned = shipped();
    // 10,000 places on a lattice over the whole map (30 px apart at this zoom), each with a
    // shipped entity's summary.
    let side = 100;
    let entities: Vec<(&Summary, Point)> = (0..side * side)
        .map(|i| {
            let p = Point {
                x: geo::WIDTH * ((i % side) as f64 + 0.5) / side as f64,
                y: geo::HEIGHT * ((i / side) as f64 + 0.5) / side as f64,
            };
            (&owned[i % owned.len()].0, p)
        })
        .collect();
    assert!(entities.len() > CLUSTER_ABOVE);
    let k = geo::WIDTH / 735.0;
    let centre = Point {
        x: geo::WIDTH / 2.0,
        y: geo::HEIGHT / 2.0,
    };
    let view = View::default().zoom_at(4.0, centre);
    let marks = layout(&entities, |_| true, view, k, None);
    let mut drawn: Vec<usize> = Vec::new();
    for m in &marks {
        let (at, radius) = match m {
            Mark::Entity {
                index, at, radius, ..
            } => {
                drawn.push(*index);
                (at, *radius)
            }
            Mark::Cluster {
                members,
                at,
                radius,
                ..
            } => {
                drawn.extend(members);
                (at, *radius)
            }
        };
        let reach = radius + 2.0 * k;
        assert!(
            at.x + reach > 0.0
                && at.y + reach > 0.0
                && at.x - reach < geo::WIDTH
                && at.y - reach < geo::HEIGHT,
            "a mark at {at:?} lies outside the frame"
        );
    }
    // Well inside: a cell (40 px) and the largest disc (24 px) away from the edges.
    let margin = 64.0 * k;
    for (i, (_, p)) in entities.iter().enumerate() {
        let f = view.to_frame(*p);
        let inside =
            f.x > margin && f.y > margin && f.x < geo::WIDTH - margin && f.y < geo::HEIGHT - margin;
        if inside {
            assert!(drawn.contains(&i), "entity {i} at {f:?} is on no mark");
        }
    }
}
