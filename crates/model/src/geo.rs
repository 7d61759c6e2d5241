//! Map geometry shared by the prep tool (`xtask geodata`) and the app: the one projection, the
//! compact path format of the committed Länder asset, and point-in-polygon.
//!
//! Projection: equirectangular with the standard parallel at Germany's middle latitude
//! (51.15° N), scaled so the bounding box of [`Coordinates`] spans `0..HEIGHT` vertically.
//! Over Germany's 8° of latitude its area distortion stays within ±6 %, it is trivially
//! invertible, and the prep tool and the app compute identical integers from it.

use crate::domain::{Coordinates, Land};

const LON_MIN: f64 = 5.8;
const LAT_MAX: f64 = 55.1;
const LAT_MIN: f64 = 47.2;
/// cos(51.15°): shrinks longitude degrees to the length of latitude degrees mid-Germany.
const K: f64 = 0.627_283_673_358_801_6;
/// Projected units per degree of latitude.
const SCALE: f64 = HEIGHT / (LAT_MAX - LAT_MIN);

/// Height of the projected plane (north at 0, south at `HEIGHT`).
pub const HEIGHT: f64 = 10_000.0;
/// Width of the projected plane (west at 0).
pub const WIDTH: f64 = (15.1 - LON_MIN) * K * SCALE;

/// A point in the projected plane, in map units (y grows southwards, as in SVG).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// WGS84 → map units.
pub fn project(c: Coordinates) -> Point {
    Point {
        x: (c.lon - LON_MIN) * K * SCALE,
        y: (LAT_MAX - c.lat) * SCALE,
    }
}

/// Map units → WGS84 (for tests and for reading positions back).
pub fn unproject(p: Point) -> Coordinates {
    Coordinates {
        lat: LAT_MAX - p.y / SCALE,
        lon: LON_MIN + p.x / (K * SCALE),
    }
}

/// A ring as integer map units, closed implicitly (the last point connects to the first).
pub type Ring = Vec<(i32, i32)>;

/// Encodes rings as an SVG path with relative moves: `M12 34l5-6 7 8z m…`. Compact and directly
/// usable as `<path d>`.
pub fn encode_path(rings: &[Ring]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    let mut pen = (0, 0);
    for (i, ring) in rings.iter().enumerate() {
        let Some(&first) = ring.first() else { continue };
        if i == 0 {
            let _ = write!(out, "M{} {}", first.0, first.1);
        } else {
            let _ = write!(out, "m{} {}", first.0 - pen.0, first.1 - pen.1);
        }
        pen = first;
        let mut sep = 'l';
        for &(x, y) in &ring[1..] {
            let (dx, dy) = (x - pen.0, y - pen.1);
            if sep == 'l' {
                out.push('l');
            } else if dx >= 0 {
                out.push(' ');
            }
            let _ = write!(out, "{dx}");
            if dy >= 0 {
                out.push(' ');
            }
            let _ = write!(out, "{dy}");
            sep = ' ';
            pen = (x, y);
        }
        out.push('z');
        // After `z` the pen returns to the ring's first point.
        pen = first;
    }
    out
}

/// Decodes what [`encode_path`] writes; `None` for anything else (the app never renders a path
/// it cannot read back).
pub fn decode_path(d: &str) -> Option<Vec<Ring>> {
    let mut rings: Vec<Ring> = Vec::new();
    let mut pen = (0i32, 0i32);
    let mut start = (0i32, 0i32);
    let mut cmd = ' ';
    let mut nums = Numbers {
        s: d.as_bytes(),
        i: 0,
    };
    loop {
        nums.skip_space();
        let Some(&c) = nums.s.get(nums.i) else { break };
        if c.is_ascii_alphabetic() {
            nums.i += 1;
            cmd = c as char;
            if cmd == 'z' || cmd == 'Z' {
                pen = start;
                continue;
            }
        }
        let x = nums.int()?;
        let y = nums.int()?;
        match cmd {
            'M' => {
                pen = (x, y);
                start = pen;
                rings.push(vec![pen]);
                cmd = 'l';
            }
            'm' => {
                pen = (pen.0 + x, pen.1 + y);
                start = pen;
                rings.push(vec![pen]);
                cmd = 'l';
            }
            'l' => {
                pen = (pen.0 + x, pen.1 + y);
                rings.last_mut()?.push(pen);
            }
            _ => return None,
        }
    }
    Some(rings)
}

struct Numbers<'a> {
    s: &'a [u8],
    i: usize,
}

impl Numbers<'_> {
    fn skip_space(&mut self) {
        while matches!(self.s.get(self.i), Some(b' ' | b',' | b'\n')) {
            self.i += 1;
        }
    }

    fn int(&mut self) -> Option<i32> {
        self.skip_space();
        let start = self.i;
        if self.s.get(self.i) == Some(&b'-') {
            self.i += 1;
        }
        while self.s.get(self.i).is_some_and(u8::is_ascii_digit) {
            self.i += 1;
        }
        std::str::from_utf8(&self.s[start..self.i])
            .ok()?
            .parse()
            .ok()
    }
}

/// One Land's outline as an SVG path in map units.
#[derive(Clone, Debug, PartialEq)]
pub struct Outline {
    pub land: Land,
    pub path: String,
}

/// The committed Länder asset (`public/data/laender.json`), read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct Outlines {
    /// E.g. "© GeoBasis-DE / BKG 2017"; shown on the map.
    pub attribution: String,
    pub laender: Vec<Outline>,
}

/// Reads the Länder asset; `None` unless it has an attribution and 16 known Länder whose paths
/// decode (so nothing unexpected ever reaches a `d` attribute).
pub fn parse_outlines(text: &str) -> Option<Outlines> {
    let value: serde_json_borrow::Value = serde_json::from_str(text).ok()?;
    let value = value.as_object()?;
    let attribution = value.get("attribution")?.as_str()?.to_owned();
    let laender = value
        .get("laender")?
        .as_array()?
        .iter()
        .map(|l| {
            let l = l.as_object()?;
            let land = Land::from_code(l.get("code")?.as_str()?)?;
            let path = l.get("path")?.as_str()?;
            decode_path(path)?;
            Some(Outline {
                land,
                path: path.to_owned(),
            })
        })
        .collect::<Option<Vec<_>>>()?;
    (laender.len() == Land::ALL.len()).then_some(Outlines {
        attribution,
        laender,
    })
}

/// Even-odd point-in-polygon over all rings of a shape (holes included).
pub fn contains(rings: &[Ring], p: Point) -> bool {
    let mut inside = false;
    for ring in rings {
        let n = ring.len();
        for i in 0..n {
            let (a, b) = (ring[i], ring[(i + 1) % n]);
            let (ax, ay, bx, by) = (
                f64::from(a.0),
                f64::from(a.1),
                f64::from(b.0),
                f64::from(b.1),
            );
            if (ay > p.y) != (by > p.y) && p.x < ax + (p.y - ay) / (by - ay) * (bx - ax) {
                inside = !inside;
            }
        }
    }
    inside
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn projection_maps_the_bounding_box_corners_and_round_trips() {
        let nw = project(Coordinates {
            lat: 55.1,
            lon: 5.8,
        });
        assert!(nw.x.abs() < 1e-9 && nw.y.abs() < 1e-9);
        let se = project(Coordinates {
            lat: 47.2,
            lon: 15.1,
        });
        assert!((se.y - HEIGHT).abs() < 1e-9);
        assert!((se.x - WIDTH).abs() < 1e-9);
        let darmstadt = Coordinates {
            lat: 49.873,
            lon: 8.651,
        };
        let back = unproject(project(darmstadt));
        assert!(
            (back.lat - darmstadt.lat).abs() < 1e-12 && (back.lon - darmstadt.lon).abs() < 1e-12
        );
    }

    #[test]
    fn north_is_up_and_east_is_right() {
        let hamburg = project(Coordinates {
            lat: 53.551,
            lon: 9.994,
        });
        let munich = project(Coordinates {
            lat: 48.137,
            lon: 11.576,
        });
        assert!(hamburg.y < munich.y, "Hamburg lies north of Munich");
        assert!(hamburg.x < munich.x, "Hamburg lies west of Munich");
    }

    #[test]
    fn one_degree_of_latitude_is_about_as_long_as_one_of_longitude_times_cos_lat() {
        let a = project(Coordinates {
            lat: 51.15,
            lon: 10.0,
        });
        let b = project(Coordinates {
            lat: 52.15,
            lon: 10.0,
        });
        let c = project(Coordinates {
            lat: 51.15,
            lon: 11.0,
        });
        let ratio = (c.x - a.x) / (a.y - b.y);
        assert!((ratio - 51.15f64.to_radians().cos()).abs() < 1e-6);
    }

    #[test]
    fn paths_round_trip() {
        let rings = vec![
            vec![(10, 20), (15, 20), (15, 30), (10, 30)],
            vec![(100, 100), (90, 110), (110, 105)],
        ];
        let d = encode_path(&rings);
        assert_eq!(d, "M10 20l5 0 0 10-5 0zm90 80l-10 10 20-5z");
        assert_eq!(decode_path(&d), Some(rings));
    }

    #[test]
    fn garbage_paths_are_refused() {
        assert_eq!(decode_path("M10 20l5"), None);
        assert_eq!(decode_path("M10 20C1 2 3 4 5 6z"), None);
        assert_eq!(decode_path("javascript:alert(1)"), None);
    }

    #[test]
    fn point_in_polygon_with_a_hole() {
        let outer = vec![(0, 0), (100, 0), (100, 100), (0, 100)];
        let hole = vec![(40, 40), (60, 40), (60, 60), (40, 60)];
        let shape = vec![outer, hole];
        assert!(contains(&shape, Point { x: 10.0, y: 10.0 }));
        assert!(
            !contains(&shape, Point { x: 50.0, y: 50.0 }),
            "inside the hole"
        );
        assert!(!contains(&shape, Point { x: 150.0, y: 50.0 }));
    }
}
