//! The map's state and layout, without any rendering: which axis colours the markers, which
//! categories are hidden, where the view is, and where each marker, cluster and label goes.
//!
//! Stages (as in OWID's grapher): entities → projected points ([`crate::geo::project`]) →
//! placed marks for the current view ([`layout`]) → SVG (the app).

use crate::domain::{Form, Headline, Kind, Origin, Standing, Summary};
use crate::geo::{self, Point};
use crate::num::{fixed, parse_decimal};
use std::f64::consts::FRAC_1_SQRT_2;

/// What colours and shapes the markers: the headline model or one of its two axes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Axis {
    #[default]
    Headline,
    Origin,
    Form,
}

impl Axis {
    pub const ALL: [Axis; 3] = [Axis::Headline, Axis::Origin, Axis::Form];

    pub fn wire(self) -> &'static str {
        match self {
            Axis::Headline => "model",
            Axis::Origin => "origin",
            Axis::Form => "form",
        }
    }

    pub fn from_wire(s: &str) -> Option<Axis> {
        Axis::ALL.into_iter().find(|a| a.wire() == s)
    }

    /// Number of categories on this axis (origin has one extra: unknown).
    pub fn category_count(self) -> usize {
        match self {
            Axis::Headline => Headline::ALL.len(),
            Axis::Origin => Origin::ALL.len() + 1,
            Axis::Form => Form::ALL.len(),
        }
    }

    /// Categories the legend can show: the axis's own, then "no post yet" ([`Axis::no_post`])
    /// and "abolished" ([`Axis::abolished`]), which are no model and never drawn in a model's
    /// colour.
    pub fn legend_count(self) -> usize {
        self.category_count() + 2
    }

    /// The category of an entity with no post yet at the date shown.
    pub fn no_post(self) -> usize {
        self.category_count()
    }

    /// The category of an entity whose post was abolished by the date shown.
    pub fn abolished(self) -> usize {
        self.category_count() + 1
    }

    /// The category index of an entity on this axis; indices also pick the marker style. An
    /// entity without a post in force ([`Summary::standing`]) is in [`Axis::no_post`] or
    /// [`Axis::abolished`].
    pub fn category(self, e: &Summary) -> usize {
        match e.standing() {
            Standing::Active => {}
            Standing::NoPost => return self.no_post(),
            Standing::Abolished => return self.abolished(),
        }
        match self {
            Axis::Headline => Headline::ALL
                .iter()
                .position(|h| *h == e.model().headline())
                .unwrap_or(0),
            Axis::Origin => match e.model().origin {
                Some(o) => Origin::ALL.iter().position(|x| *x == o).unwrap_or(0),
                None => Origin::ALL.len(),
            },
            Axis::Form => Form::ALL
                .iter()
                .position(|f| *f == e.model().form)
                .unwrap_or(0),
        }
    }

    /// [`category`](Self::category) of an entity in `state` (its [`crate::time::state_at`] a
    /// date), without the entity as a list shows it then.
    pub fn category_at(self, state: &crate::time::StateAt) -> usize {
        use crate::time::StateAt;
        let post = match state {
            StateAt::NoPost => return self.no_post(),
            StateAt::Abolished(_) => return self.abolished(),
            StateAt::In { period, .. } => &period.post,
        };
        match self {
            Axis::Headline => Headline::ALL
                .iter()
                .position(|h| *h == post.headline())
                .unwrap_or(0),
            Axis::Origin => match post.origin {
                Some(o) => Origin::ALL.iter().position(|x| *x == o).unwrap_or(0),
                None => Origin::ALL.len(),
            },
            Axis::Form => Form::ALL.iter().position(|f| *f == post.form).unwrap_or(0),
        }
    }

    /// A stable, URL-safe name for category `i` (`academia`, `unknown`, …).
    pub fn category_wire(self, i: usize) -> &'static str {
        const HEADLINE: [&str; 13] = [
            "cdo-academia",
            "cdo-internal",
            "cdo-private",
            "cdo-public",
            "cdo-politics",
            "cdo",
            "honorary",
            "agency",
            "department",
            "staff-unit",
            "state",
            "office",
            "other",
        ];
        if i == self.no_post() {
            return "no-post";
        }
        if i == self.abolished() {
            return "abolished";
        }
        match self {
            Axis::Headline => HEADLINE.get(i).copied().unwrap_or("other"),
            Axis::Origin => Origin::WIRE.get(i).copied().unwrap_or("unknown"),
            Axis::Form => Form::WIRE.get(i).copied().unwrap_or("other"),
        }
    }

    pub fn category_from_wire(self, s: &str) -> Option<usize> {
        (0..self.legend_count()).find(|&i| self.category_wire(i) == s)
    }
}

/// Zoom limits.
pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 16.0;

/// Where the map looks: zoom factor and the map point at the centre of the frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct View {
    pub zoom: f64,
    pub center: Point,
}

impl Default for View {
    fn default() -> Self {
        View {
            zoom: 1.0,
            center: Point {
                x: geo::WIDTH / 2.0,
                y: geo::HEIGHT / 2.0,
            },
        }
    }
}

impl View {
    /// Keeps zoom in range and the centre where the frame still shows part of Germany.
    /// (`max`/`min` rather than `f64::clamp`, which can panic and brings float `Debug`
    /// formatting for its message into the wasm: ~1 KB.)
    #[allow(clippy::manual_clamp)]
    pub fn clamped(self) -> View {
        let zoom = if self.zoom.is_finite() {
            self.zoom.max(MIN_ZOOM).min(MAX_ZOOM)
        } else {
            1.0
        };
        let (hw, hh) = (geo::WIDTH / 2.0 / zoom, geo::HEIGHT / 2.0 / zoom);
        let clamp = |v: f64, lo: f64, hi: f64, fallback: f64| {
            if v.is_finite() {
                v.max(lo).min(hi)
            } else {
                fallback
            }
        };
        let center = if zoom <= 1.0 {
            View::default().center
        } else {
            Point {
                x: clamp(self.center.x, hw, geo::WIDTH - hw, geo::WIDTH / 2.0),
                y: clamp(self.center.y, hh, geo::HEIGHT - hh, geo::HEIGHT / 2.0),
            }
        };
        View { zoom, center }
    }

    /// Zooms by `factor`, keeping the map point under `anchor` (a frame position in map units,
    /// i.e. in the 0..WIDTH × 0..HEIGHT frame) where it is. (`max`/`min`: see [`View::clamped`].)
    #[allow(clippy::manual_clamp)]
    pub fn zoom_at(self, factor: f64, anchor: Point) -> View {
        let before = self.to_map(anchor);
        let zoom = (self.zoom * factor).max(MIN_ZOOM).min(MAX_ZOOM);
        let z = View { zoom, ..self };
        let after = z.to_map(anchor);
        View {
            zoom,
            center: Point {
                x: self.center.x + before.x - after.x,
                y: self.center.y + before.y - after.y,
            },
        }
        .clamped()
    }

    /// Moves the view by a distance given in frame units (as a drag would).
    pub fn pan_frame(self, dx: f64, dy: f64) -> View {
        View {
            center: Point {
                x: self.center.x - dx / self.zoom,
                y: self.center.y - dy / self.zoom,
            },
            ..self
        }
        .clamped()
    }

    /// Frame position of a map point.
    pub fn to_frame(self, p: Point) -> Point {
        Point {
            x: geo::WIDTH / 2.0 + (p.x - self.center.x) * self.zoom,
            y: geo::HEIGHT / 2.0 + (p.y - self.center.y) * self.zoom,
        }
    }

    /// Map point at a frame position.
    pub fn to_map(self, f: Point) -> Point {
        Point {
            x: self.center.x + (f.x - geo::WIDTH / 2.0) / self.zoom,
            y: self.center.y + (f.y - geo::HEIGHT / 2.0) / self.zoom,
        }
    }

    /// SVG transform for content drawn in map units.
    pub fn transform(self) -> String {
        let t = self.to_frame(Point { x: 0.0, y: 0.0 });
        format!(
            "translate({} {}) scale({})",
            fixed(t.x, 1),
            fixed(t.y, 1),
            fixed(self.zoom, 4)
        )
    }

    /// One notch of the wheel over `at` (a frame position): in by 1.25 when the wheel turns
    /// away from the reader (`delta_y` below 0), else out by 0.8.
    pub fn wheeled(self, delta_y: f64, at: Point) -> View {
        self.zoom_at(if delta_y < 0.0 { 1.25 } else { 0.8 }, at)
    }

    /// What a key does to the view: the arrows pan by a tenth of the frame's height, `+` (and
    /// `=`, the same key unshifted) zooms in by 1.5 at the centre, `-` (and `_`) out. `None`
    /// for any other key, which the map leaves to the browser.
    pub fn keyed(self, key: &str) -> Option<View> {
        let step = geo::HEIGHT / 10.0;
        let centre = Point {
            x: geo::WIDTH / 2.0,
            y: geo::HEIGHT / 2.0,
        };
        Some(match key {
            "ArrowLeft" => self.pan_frame(step, 0.0),
            "ArrowRight" => self.pan_frame(-step, 0.0),
            "ArrowUp" => self.pan_frame(0.0, step),
            "ArrowDown" => self.pan_frame(0.0, -step),
            "+" | "=" => self.zoom_at(1.5, centre),
            "-" | "_" => self.zoom_at(1.0 / 1.5, centre),
            _ => return None,
        })
    }
}

/// Map units per screen pixel in a frame `width_px` wide; `None` while it has no width (not
/// laid out yet, or hidden).
pub fn units_per_px(width_px: i32) -> Option<f64> {
    (width_px > 0).then(|| geo::WIDTH / f64::from(width_px))
}

/// A drag or pinch on the map: the pointers down (id and frame position) and whether the
/// gesture has moved the view. One pointer pans; two zoom around the other one by the change
/// of their distance; a third is ignored. The view is shown as it moves and written to the
/// address once the last pointer is up, and only if it moved: a tap may be a click on a marker
/// that leaves the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gesture {
    pointers: Vec<(i32, Point)>,
    moved: bool,
}

impl Gesture {
    /// Pointer `id` went down at `at`; the first pointer starts a new gesture.
    pub fn down(&mut self, id: i32, at: Point) {
        if self.pointers.is_empty() {
            self.moved = false;
        }
        self.pointers.retain(|(p, _)| *p != id);
        self.pointers.push((id, at));
    }

    /// Pointer `id` moved to `at`: the view after that move, if it changed. A pointer that is
    /// not down changes nothing.
    pub fn move_to(&mut self, id: i32, at: Point, view: View) -> Option<View> {
        let i = self.pointers.iter().position(|(p, _)| *p == id)?;
        let before = self.pointers[i].1;
        let next = match self.pointers.len() {
            1 => view.pan_frame(at.x - before.x, at.y - before.y),
            2 => {
                let other = self.pointers[1 - i].1;
                let (old, new) = (distance(before, other), distance(at, other));
                if old > 0.0 {
                    view.zoom_at(new / old, other)
                } else {
                    view
                }
            }
            _ => view,
        };
        self.pointers[i].1 = at;
        (next != view).then(|| {
            self.moved = true;
            next
        })
    }

    /// Pointer `id` was released or cancelled. `true` when that ends a gesture that moved the
    /// view: the view is then written to the address.
    pub fn up(&mut self, id: i32) -> bool {
        let was_down = self.pointers.iter().any(|(p, _)| *p == id);
        self.pointers.retain(|(p, _)| *p != id);
        was_down && self.pointers.is_empty() && self.moved
    }
}

fn distance(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// The map's shareable state: view, axis and hidden categories, as in the URL.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapState {
    pub view: View,
    pub axis: Axis,
    /// Category indices (of `axis`) switched off in the legend.
    pub hidden: Vec<usize>,
    /// The date shown (`at`); `None`: today.
    pub at: Option<crate::time::At>,
}

impl MapState {
    /// Reads `z`, `x`, `y`, `axis`, `hide`, `at` query values; anything unreadable falls back to
    /// the default and is reported in the returned list of parameter names.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> (MapState, Vec<&'static str>) {
        let mut bad = Vec::new();
        let mut num = |key: &'static str| -> Option<f64> {
            let v = get(key)?;
            match parse_decimal(&v) {
                Some(n) if v.len() <= 12 => Some(n),
                _ => {
                    bad.push(key);
                    None
                }
            }
        };
        let default = View::default();
        let view = View {
            zoom: num("z").unwrap_or(default.zoom),
            center: Point {
                x: num("x").unwrap_or(default.center.x),
                y: num("y").unwrap_or(default.center.y),
            },
        }
        .clamped();
        let axis = match get("axis") {
            None => Axis::default(),
            Some(a) => Axis::from_wire(&a).unwrap_or_else(|| {
                bad.push("axis");
                Axis::default()
            }),
        };
        let mut hidden = Vec::new();
        if let Some(h) = get("hide") {
            for name in h.split(',').filter(|s| !s.is_empty()).take(32) {
                match axis.category_from_wire(name) {
                    Some(i) if !hidden.contains(&i) => hidden.push(i),
                    Some(_) => {}
                    None => {
                        if !bad.contains(&"hide") {
                            bad.push("hide");
                        }
                    }
                }
            }
            crate::sort_short(&mut hidden);
        }
        let at = crate::time::from_query(&get, &mut bad);
        (
            MapState {
                view,
                axis,
                hidden,
                at,
            },
            bad,
        )
    }

    /// This state as the URL will restore it (rounded as `to_query` writes it): what the app
    /// shows is exactly what a reload shows.
    pub fn canonical(&self) -> MapState {
        let query = self.to_query();
        MapState::from_query(|k| query.iter().find(|(q, _)| *q == k).map(|(_, v)| v.clone())).0
    }

    /// The query pairs for this state; defaults are left out so the plain `/map` stays plain.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut q = Vec::new();
        if self.view != View::default() {
            q.push(("z", fixed(self.view.zoom, 3)));
            q.push(("x", fixed(self.view.center.x, 0)));
            q.push(("y", fixed(self.view.center.y, 0)));
        }
        if self.axis != Axis::default() {
            q.push(("axis", self.axis.wire().to_owned()));
        }
        if !self.hidden.is_empty() {
            let names: Vec<&str> = self
                .hidden
                .iter()
                .map(|&i| self.axis.category_wire(i))
                .collect();
            q.push(("hide", names.join(",")));
        }
        crate::time::to_query(self.at, &mut q);
        q
    }
}

/// Where a mark is drawn: an SVG `translate` to `at`, in whole frame units. A mark draws its
/// shapes around the origin, so one that only moves (a pan; a zoom that keeps it) changes this
/// one attribute, not the position of each of its shapes.
pub fn translate(at: Point) -> String {
    format!("translate({} {})", fixed(at.x, 0), fixed(at.y, 0))
}

/// The place a [`translate`] names; `None` for anything else.
pub fn translated(transform: &str) -> Option<Point> {
    let (x, y) = transform
        .strip_prefix("translate(")?
        .strip_suffix(')')?
        .split_once(' ')?;
    Some(Point {
        x: parse_decimal(x)?,
        y: parse_decimal(y)?,
    })
}

/// Marker radius in screen pixels: area proportional to population (√), within 5..=22 px;
/// entities without a population figure get the smallest size.
pub fn radius_px(population: Option<u64>) -> f64 {
    match population {
        Some(p) => (5.0 + (p as f64 / 1_000_000.0).sqrt() * 11.0).min(22.0),
        None => 5.0,
    }
}

/// One mark on the map, in frame units.
#[derive(Clone, Debug, PartialEq)]
pub enum Mark {
    /// A single entity (index into the input), with its radius and the side of its label, if
    /// it gets one. `anchor`: where the entity really is, when its marker was moved off it so
    /// as not to hide (or be hidden by) another (drawn with a leader line).
    Entity {
        index: usize,
        at: Point,
        radius: f64,
        /// The radius of its tap target: at least [`MIN_HIT_PX`] where there is room.
        hit: f64,
        label: Option<Side>,
        anchor: Option<Point>,
    },
    /// Several entities too close to tell apart at this zoom; `members` index the input. A
    /// group of a few (not a grid cell of many) has its biggest member first, and may carry
    /// that member's label.
    Cluster {
        at: Point,
        radius: f64,
        members: Vec<usize>,
        label: Option<Side>,
    },
}

/// Where a label goes: right of its marker, or left of it where the right side has no room
/// (the frame's edge, or another label or marker).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
}

/// What a label of `name` beside a marker at `at` reserves, as `(left, top, right, bottom)` in
/// frame units: 13 px type, 0.6 em per character.
pub fn label_box(
    name: &str,
    at: Point,
    radius: f64,
    units_per_px: f64,
    side: Side,
) -> (f64, f64, f64, f64) {
    let font = 13.0 * units_per_px;
    let width = name.chars().count() as f64 * font * 0.6;
    let gap = radius + 2.0 * units_per_px;
    let (top, bottom) = (at.y - font * 0.6, at.y + font * 0.6);
    match side {
        Side::Right => (at.x + gap, top, at.x + gap + width, bottom),
        Side::Left => (at.x - gap - width, top, at.x - gap, bottom),
    }
}

/// Cities of at least this many people get a label where it fits.
const LABEL_FROM: u64 = 250_000;

/// A marker's tap target reaches at least this far from its centre (screen pixels), unless that
/// would cover another marker.
pub const MIN_HIT_PX: f64 = 12.0;

/// The least room between two markers, in screen pixels.
pub const MARKER_GAP_PX: f64 = 1.5;

/// Sixteen directions around a point (unit vectors, clockwise from east): where a marker may
/// move to get clear of others. A table rather than `sin`/`cos`, which would bring their code
/// into the wasm.
const DIRECTIONS: [(f64, f64); 16] = [
    (1.0, 0.0),
    (0.92388, 0.38268),
    (FRAC_1_SQRT_2, FRAC_1_SQRT_2),
    (0.38268, 0.92388),
    (0.0, 1.0),
    (-0.38268, 0.92388),
    (-FRAC_1_SQRT_2, FRAC_1_SQRT_2),
    (-0.92388, 0.38268),
    (-1.0, 0.0),
    (-0.92388, -0.38268),
    (-FRAC_1_SQRT_2, -FRAC_1_SQRT_2),
    (-0.38268, -0.92388),
    (0.0, -1.0),
    (0.38268, -0.92388),
    (FRAC_1_SQRT_2, -FRAC_1_SQRT_2),
    (0.92388, -0.38268),
];

/// How far a marker may move to get clear of others: rings from just clear of the nearest
/// marker to 1.7 times as far.
const SPREAD_RINGS: u32 = 3;

/// The nearest spot to `at` where a marker of `radius` keeps `gap` from every marker in
/// `placed`: `at` itself if it is free, else the first free one on the [`SPREAD_RINGS`] rings
/// around it that also stays inside the frame and out of the `reserved` label boxes; `None`
/// where there is none so near.
fn free_spot(
    at: Point,
    radius: f64,
    gap: f64,
    placed: &[(usize, Point, f64)],
    reserved: &[(f64, f64, f64, f64)],
) -> Option<Point> {
    let apart = |p: Point| {
        placed.iter().all(|&(_, q, r)| {
            let (dx, dy) = (p.x - q.x, p.y - q.y);
            let least = radius + r + gap;
            dx * dx + dy * dy >= least * least
        })
    };
    let off_labels = |p: Point| {
        reserved.iter().all(|&(l, t, r, b)| {
            let (dx, dy) = (p.x - p.x.clamp(l, r), p.y - p.y.clamp(t, b));
            dx * dx + dy * dy >= (radius + gap) * (radius + gap)
        })
    };
    if apart(at) {
        return Some(at);
    }
    // A moved marker stays inside the frame.
    let inside = |p: Point| {
        p.x - radius >= 0.0
            && p.x + radius <= geo::WIDTH
            && p.y - radius >= 0.0
            && p.y + radius <= geo::HEIGHT
    };
    let clear = |p: Point| inside(p) && apart(p) && off_labels(p);
    // Away from the nearest marker in the way first (straight down where both share a place,
    // which leaves the label slots left and right free), then the directions next to that.
    let nearest = placed
        .iter()
        .map(|&(_, q, r)| (q, r, (at.x - q.x).powi(2) + (at.y - q.y).powi(2)))
        .min_by(|a, b| a.2.total_cmp(&b.2));
    let away = match nearest {
        Some((q, ..)) if q != at => (at.x - q.x, at.y - q.y),
        _ => (0.0, 1.0),
    };
    let toward = |k: usize| -(DIRECTIONS[k].0 * away.0 + DIRECTIONS[k].1 * away.1);
    let mut order: Vec<usize> = (0..DIRECTIONS.len()).collect();
    crate::sort_indices(&mut order, &|a, b| toward(a).total_cmp(&toward(b)));
    // The first ring just clears the nearest marker; the next ones a little further out.
    let clearing = radius + nearest.map_or(radius, |(_, r, _)| r) + gap;
    for ring in 0..SPREAD_RINGS {
        let d = clearing * (1.0 + 0.35 * f64::from(ring));
        for &(dx, dy) in order.iter().map(|&k| &DIRECTIONS[k]) {
            let p = Point {
                x: at.x + dx * d,
                y: at.y + dy * d,
            };
            if clear(p) {
                return Some(p);
            }
        }
    }
    None
}

/// Above this many visible entities, nearby ones are drawn as clusters.
pub const CLUSTER_ABOVE: usize = 400;

/// Places the visible entities for `view`. `units_per_px` converts screen pixels to frame units
/// (the SVG's width in units over its width in pixels). Labels go to the largest entities and to
/// `selected`, greedily, skipping any that would overlap a label or marker already placed.
pub fn layout(
    entities: &[(&Summary, Point)],
    visible: impl Fn(usize) -> bool,
    view: View,
    units_per_px: f64,
    selected: Option<usize>,
) -> Vec<Mark> {
    let shown: Vec<usize> = (0..entities.len()).filter(|&i| visible(i)).collect();
    let frame = |i: usize| view.to_frame(entities[i].1);
    let on_screen = |p: Point| {
        p.x >= -500.0 && p.y >= -500.0 && p.x <= geo::WIDTH + 500.0 && p.y <= geo::HEIGHT + 500.0
    };

    if shown.len() > CLUSTER_ABOVE {
        // Grid clustering in frame space: one mark per 40 px cell (a cluster disc is at most
        // 48 px across, so neighbours may overlap; fewer marks keep a zoom step in a frame).
        // A mark whose disc (and its 2 px outline) lies wholly outside the frame is left out:
        // it would be clipped, and each mark drawn costs a zoom step its share of the work.
        let cell = 40.0 * units_per_px;
        let seen = |at: Point, radius: f64| {
            let reach = radius + 2.0 * units_per_px;
            at.x + reach > 0.0
                && at.y + reach > 0.0
                && at.x - reach < geo::WIDTH
                && at.y - reach < geo::HEIGHT
        };
        let mut cells: std::collections::BTreeMap<(i64, i64), Vec<usize>> =
            std::collections::BTreeMap::new();
        for &i in &shown {
            let p = frame(i);
            if on_screen(p) {
                cells
                    .entry(((p.x / cell).floor() as i64, (p.y / cell).floor() as i64))
                    .or_default()
                    .push(i);
            }
        }
        return cells
            .into_values()
            .filter_map(|members| {
                let n = members.len() as f64;
                let (sx, sy) = members.iter().fold((0.0, 0.0), |(x, y), &i| {
                    let p = frame(i);
                    (x + p.x, y + p.y)
                });
                let at = Point {
                    x: sx / n,
                    y: sy / n,
                };
                let radius = if members.len() == 1 {
                    radius_px(entities[members[0]].0.population)
                } else {
                    (8.0 + n.log2() * 3.0).min(24.0)
                } * units_per_px;
                if !seen(at, radius) {
                    return None;
                }
                Some(if members.len() == 1 {
                    Mark::Entity {
                        index: members[0],
                        at,
                        radius,
                        hit: radius.max(MIN_HIT_PX * units_per_px),
                        label: None,
                        anchor: None,
                    }
                } else {
                    Mark::Cluster {
                        at,
                        radius,
                        members,
                        label: None,
                    }
                })
            })
            .collect();
    }

    // Few enough to draw each. The biggest markers (and the selected one) keep their place; one
    // that would overlap a marker already placed moves a short way to the nearest free spot,
    // with a leader line back to its place; where no spot is near (the Ruhr on a phone), it
    // joins the nearest marker in its way as a group, which opens by zooming in.
    let radius_of = |i: usize| radius_px(entities[i].0.population) * units_per_px;
    let mut by_size: Vec<usize> = shown.clone();
    crate::sort_indices(&mut by_size, &|a, b| {
        let key = |i: usize| (Some(i) == selected, entities[i].0.population.unwrap_or(0));
        key(b).cmp(&key(a))
    });
    let gap = MARKER_GAP_PX * units_per_px;
    let labelled =
        |i: usize| Some(i) == selected || entities[i].0.population.is_some_and(|p| p >= LABEL_FROM);
    let mut placed: Vec<(usize, Point, f64)> = Vec::with_capacity(shown.len());
    // The entities grouped with each placed one (same positions as `placed`).
    let mut grouped: Vec<Vec<usize>> = Vec::with_capacity(shown.len());
    // Where the labels of the big cities will go: no smaller marker is moved into them.
    let mut reserved: Vec<(f64, f64, f64, f64)> = Vec::new();
    for &i in &by_size {
        let (at, radius) = (frame(i), radius_of(i));
        let spot = if on_screen(at) {
            free_spot(at, radius, gap, &placed, &reserved)
        } else {
            Some(at)
        };
        let Some(spot) = spot else {
            // With the placed marker nearest to it (the one most in its way).
            let nearest = placed
                .iter()
                .enumerate()
                .map(|(k, &(_, q, r))| (k, (at.x - q.x).powi(2) + (at.y - q.y).powi(2) - r * r))
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(k, _)| k);
            if let Some(k) = nearest {
                grouped[k].push(i);
            }
            continue;
        };
        placed.push((i, spot, radius));
        grouped.push(Vec::new());
        if labelled(i) && on_screen(spot) {
            let name = &entities[i].0.name;
            let right = label_box(name, spot, radius, units_per_px, Side::Right);
            reserved.push(if right.2 <= geo::WIDTH {
                right
            } else {
                label_box(name, spot, radius, units_per_px, Side::Left)
            });
        }
    }
    // In this order, biggest first: the smaller markers are drawn later, on top, so that every
    // marker stays in reach of a pointer.
    let min_hit = MIN_HIT_PX * units_per_px;
    let mut marks: Vec<Mark> = placed
        .iter()
        .zip(grouped)
        .map(|(&(i, at, radius), group)| {
            if !group.is_empty() {
                // A group keeps the place and size of its biggest member.
                let mut members = vec![i];
                members.extend(group);
                return Mark::Cluster {
                    at,
                    radius,
                    members,
                    label: None,
                };
            }
            let anchor = frame(i);
            // A tap target of at least MIN_HIT_PX, but never over another marker's shape.
            let room = placed
                .iter()
                .filter(|&&(j, ..)| j != i)
                .map(|&(_, q, r)| ((at.x - q.x).powi(2) + (at.y - q.y).powi(2)).sqrt() - r)
                .fold(f64::INFINITY, f64::min);
            Mark::Entity {
                index: i,
                at,
                radius,
                hit: min_hit.min(room).max(radius),
                label: None,
                anchor: (at != anchor).then_some(anchor),
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..marks.len()).collect();
    let priority = |m: &Mark| match m {
        Mark::Entity { index, .. } => {
            let e = entities[*index].0;
            let sel = Some(*index) == selected;
            (sel, e.kind == Kind::City, e.population.unwrap_or(0))
        }
        Mark::Cluster { members, .. } => {
            let e = entities[members[0]].0;
            (false, e.kind == Kind::City, e.population.unwrap_or(0))
        }
    };
    // Highest priority first, ties in their order.
    crate::sort_indices(&mut order, &|a, b| {
        priority(&marks[b]).cmp(&priority(&marks[a]))
    });
    let mut taken: Vec<(f64, f64, f64, f64)> = marks
        .iter()
        .map(|m| match m {
            Mark::Entity { at, radius, .. } | Mark::Cluster { at, radius, .. } => {
                (at.x - radius, at.y - radius, at.x + radius, at.y + radius)
            }
        })
        .collect();
    for k in order {
        // A group is named after its biggest member.
        let (index, at, radius) = match &marks[k] {
            Mark::Entity {
                index, at, radius, ..
            } => (*index, *at, *radius),
            Mark::Cluster {
                members,
                at,
                radius,
                ..
            } => (members[0], *at, *radius),
        };
        let e = entities[index].0;
        let big = e.population.is_some_and(|p| p >= LABEL_FROM);
        if !(big || Some(index) == selected) || !on_screen(at) {
            continue;
        }
        let right = label_box(&e.name, at, radius, units_per_px, Side::Right);
        let left = label_box(&e.name, at, radius, units_per_px, Side::Left);
        let free = |b: &(f64, f64, f64, f64)| {
            b.0 >= 0.0
                && b.2 <= geo::WIDTH
                && !taken
                    .iter()
                    .enumerate()
                    .any(|(j, t)| j != k && b.0 < t.2 && t.0 < b.2 && b.1 < t.3 && t.1 < b.3)
        };
        let side = if free(&right) {
            Some((Side::Right, right))
        } else if free(&left) {
            Some((Side::Left, left))
        } else {
            None
        };
        if let Some((side, bx)) = side {
            taken.push(bx);
            let (Mark::Entity { label, .. } | Mark::Cluster { label, .. }) = &mut marks[k];
            *label = Some(side);
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(query: &[(&str, &str)]) -> (MapState, Vec<&'static str>) {
        MapState::from_query(|k| {
            query
                .iter()
                .find(|(q, _)| *q == k)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn url_state_round_trips() {
        let original = MapState {
            view: View {
                zoom: 2.5,
                center: Point {
                    x: 3000.0,
                    y: 4000.0,
                },
            },
            axis: Axis::Origin,
            hidden: vec![0, 5],
            at: crate::time::At::year(2019),
        };
        let query = original.to_query();
        let pairs: Vec<(&str, &str)> = query.iter().map(|(k, v)| (*k, v.as_str())).collect();
        assert_eq!(
            pairs,
            [
                ("z", "2.5"),
                ("x", "3000"),
                ("y", "4000"),
                ("axis", "origin"),
                ("hide", "academia,unknown"),
                ("at", "2019")
            ]
        );
        assert_eq!(state(&pairs), (original, vec![]));
    }

    #[test]
    fn canonical_is_what_the_url_restores() {
        let s = MapState {
            view: View {
                zoom: 2.25,
                center: Point {
                    x: 3691.98,
                    y: 5000.4,
                },
            },
            ..MapState::default()
        };
        let c = s.canonical();
        assert_eq!(
            c.view.center,
            Point {
                x: 3692.0,
                y: 5000.0
            }
        );
        assert_eq!(c.canonical(), c);
    }

    #[test]
    fn the_default_state_has_an_empty_query() {
        assert!(MapState::default().to_query().is_empty());
        assert_eq!(state(&[]), (MapState::default(), vec![]));
    }

    #[test]
    fn garbage_parameters_fall_back_and_are_named() {
        let (s, bad) = state(&[
            ("z", "NaN"),
            ("x", "<script>"),
            ("axis", "colour"),
            ("hide", "nope,cdo-academia"),
        ]);
        assert_eq!(s.view, View::default());
        assert_eq!(s.axis, Axis::Headline);
        assert_eq!(s.hidden, vec![0]);
        assert_eq!(bad, vec!["z", "x", "axis", "hide"]);
        let (s, bad) = state(&[("z", "1e999")]);
        assert_eq!(
            (s.view.zoom, bad),
            (MIN_ZOOM, vec!["z"]),
            "exponents are not accepted"
        );
        let (s, bad) = state(&[("z", "4"), ("x", "1".repeat(40).as_str())]);
        assert_eq!((s.view.zoom, bad), (4.0, vec!["x"]), "oversized");
        let (s, _) = state(&[("z", "99")]);
        assert_eq!(s.view.zoom, MAX_ZOOM);
    }

    #[test]
    fn zooming_keeps_the_anchor_fixed_and_clamps() {
        let v = View::default();
        let anchor = Point {
            x: 2000.0,
            y: 3000.0,
        };
        let before = v.to_map(anchor);
        let z = v.zoom_at(2.0, anchor);
        let after = z.to_map(anchor);
        assert!((before.x - after.x).abs() < 1e-6 && (before.y - after.y).abs() < 1e-6);
        assert_eq!(z.zoom, 2.0);
        assert_eq!(
            v.zoom_at(0.5, anchor),
            View::default(),
            "cannot zoom out past the whole map"
        );
        assert_eq!(v.zoom_at(1000.0, anchor).zoom, MAX_ZOOM);
    }

    #[test]
    fn the_wheel_zooms_at_the_pointer() {
        let v = View::default();
        let at = Point {
            x: 2000.0,
            y: 3000.0,
        };
        assert_eq!(v.wheeled(-120.0, at), v.zoom_at(1.25, at));
        let zoomed = v.zoom_at(4.0, at);
        assert_eq!(zoomed.wheeled(3.0, at), zoomed.zoom_at(0.8, at));
    }

    #[test]
    fn keys_pan_and_zoom_and_leave_the_others_alone() {
        let v = View::default().zoom_at(4.0, View::default().center);
        let step = geo::HEIGHT / 10.0;
        assert_eq!(v.keyed("ArrowLeft"), Some(v.pan_frame(step, 0.0)));
        assert_eq!(v.keyed("ArrowRight"), Some(v.pan_frame(-step, 0.0)));
        assert_eq!(v.keyed("ArrowUp"), Some(v.pan_frame(0.0, step)));
        assert_eq!(v.keyed("ArrowDown"), Some(v.pan_frame(0.0, -step)));
        assert!(
            v.keyed("ArrowLeft").unwrap().center.x < v.center.x,
            "left shows the west"
        );
        assert_eq!(v.keyed("+").unwrap().zoom, 6.0);
        assert_eq!(v.keyed("="), v.keyed("+"));
        assert_eq!(v.keyed("-").unwrap().zoom, 4.0 / 1.5);
        assert_eq!(v.keyed("_"), v.keyed("-"));
        for other in ["Tab", "Enter", " ", "a"] {
            assert_eq!(v.keyed(other), None, "{other:?}");
        }
    }

    #[test]
    fn a_frame_without_width_has_no_scale() {
        assert_eq!(units_per_px(0), None);
        assert_eq!(units_per_px(-3), None);
        assert_eq!(units_per_px(2), Some(geo::WIDTH / 2.0));
    }

    fn pt(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    #[test]
    fn a_drag_pans_and_is_written_once_released() {
        let v = View::default().zoom_at(4.0, View::default().center);
        let mut g = Gesture::default();
        g.down(1, pt(100.0, 100.0));
        let moved = g.move_to(1, pt(160.0, 80.0), v).expect("the view moves");
        assert_eq!(moved, v.pan_frame(60.0, -20.0));
        // Each move pans from the last position, not from where the pointer went down.
        assert_eq!(
            g.move_to(1, pt(170.0, 80.0), moved),
            Some(moved.pan_frame(10.0, 0.0))
        );
        assert!(g.up(1), "released after moving: written");
        assert!(!g.up(1), "and only once");
    }

    #[test]
    fn a_tap_is_not_written() {
        let v = View::default().zoom_at(4.0, View::default().center);
        let mut g = Gesture::default();
        g.down(1, pt(100.0, 100.0));
        assert_eq!(g.move_to(1, pt(100.0, 100.0), v), None);
        assert!(!g.up(1));
        // A new gesture forgets that the one before moved.
        g.down(2, pt(0.0, 0.0));
        g.move_to(2, pt(50.0, 0.0), v).unwrap();
        assert!(g.up(2));
        g.down(3, pt(0.0, 0.0));
        assert!(!g.up(3));
    }

    #[test]
    fn a_pinch_zooms_around_the_other_finger() {
        let v = View::default();
        let mut g = Gesture::default();
        g.down(1, pt(1000.0, 1000.0));
        g.down(2, pt(2000.0, 1000.0));
        // The second finger moves away: twice the distance, twice the zoom, around the first.
        let zoomed = g.move_to(2, pt(3000.0, 1000.0), v).unwrap();
        assert_eq!(zoomed, v.zoom_at(2.0, pt(1000.0, 1000.0)));
        // The first finger lifts: nothing is written while the other is down.
        assert!(!g.up(1));
        // The one left pans.
        assert_eq!(
            g.move_to(2, pt(3100.0, 1000.0), zoomed),
            Some(zoomed.pan_frame(100.0, 0.0))
        );
        assert!(g.up(2));
        // Two fingers on one spot zoom nowhere; a third finger and an unknown pointer do nothing.
        g.down(1, pt(5.0, 5.0));
        g.down(2, pt(5.0, 5.0));
        assert_eq!(g.move_to(2, pt(50.0, 5.0), v), None);
        g.down(3, pt(9.0, 9.0));
        assert_eq!(g.move_to(3, pt(90.0, 90.0), v), None);
        assert_eq!(g.move_to(7, pt(90.0, 90.0), v), None);
    }

    #[test]
    fn frame_and_map_coordinates_are_inverse() {
        let v = View {
            zoom: 3.0,
            center: Point {
                x: 4000.0,
                y: 5000.0,
            },
        };
        let p = Point {
            x: 4100.0,
            y: 4900.0,
        };
        let back = v.to_map(v.to_frame(p));
        assert!((back.x - p.x).abs() < 1e-9 && (back.y - p.y).abs() < 1e-9);
    }

    #[test]
    fn a_marks_place_round_trips_through_its_transform() {
        let at = Point {
            x: 1234.4,
            y: -56.6,
        };
        assert_eq!(translate(at), "translate(1234 -57)");
        assert_eq!(
            translated(&translate(at)),
            Some(Point {
                x: 1234.0,
                y: -57.0
            })
        );
        for other in [
            "",
            "translate(1 2",
            "scale(2)",
            "translate(1,2)",
            "translate(a b)",
        ] {
            assert_eq!(translated(other), None, "{other}");
        }
    }

    #[test]
    fn radius_grows_with_the_square_root_of_population() {
        assert_eq!(radius_px(None), 5.0);
        let small = radius_px(Some(100_000));
        let big = radius_px(Some(1_600_000));
        assert!(big > small);
        assert!(
            ((big - 5.0) / (small - 5.0) - 4.0).abs() < 1e-9,
            "16× people, 4× the radius growth"
        );
        assert_eq!(radius_px(Some(50_000_000)), 22.0);
    }
}
