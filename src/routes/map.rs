//! The map: Länder outlines, one marker per entity (shape + colour by the chosen axis, size by
//! population), a legend that filters, zoom and pan by wheel, drag, pinch, buttons and keys, a
//! search, and a list alternative. Everything that can be computed without a browser (view
//! maths, URL state, layout, labels) lives in `cdo_model::map`; this module wires events to it.

use std::sync::Arc;

use cdo_model::geo::{self, Outlines, Point};
use cdo_model::map::{layout, Axis, MapState, Mark, View};
use cdo_model::num::{fixed, parse_decimal};
use cdo_model::search::Query;
use cdo_model::{Entity, Kind, Loaded};
use cdo_text::{Lang, Strings};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::with_data::with_data;
use crate::data::use_outlines;
use crate::head::use_title;
use crate::i18n::use_strings;
use crate::paths;

/// Marker styles: one shape per category index; colours are in `public/style.css` (`.c0`…).
const SHAPES: usize = 12;

#[component]
pub fn MapPage() -> impl IntoView {
    let s = use_strings();
    use_title(move || s().nav_map.to_owned());
    let query = use_query_map();
    let navigate = use_navigate();

    // The URL is the source of truth; `state` mirrors it so interactions feel immediate.
    let read_url = move || MapState::from_query(|k| query.read().get(k));
    let state = RwSignal::new(read_url().0);
    let bad_params = Memo::new(move |_| read_url().1);
    Effect::new(move |_| {
        let from_url = read_url().0;
        if state.get_untracked() != from_url {
            state.set(from_url);
        }
    });
    // Discrete changes (axis, legend) are history entries, through the router. Continuous ones
    // (zoom, pan) rewrite the current entry with `history.replaceState`, debounced: a router
    // navigation per wheel notch cost 5–20 ms and blew the 16 ms frame budget. Back, forward and
    // reload still see the exact view, because it is in the entry's URL.
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let commit = StoredValue::new(move |next: MapState, push: bool| {
        let next = next.canonical();
        let url = paths::with_query(paths::Page::Map, &next.to_query());
        state.set(next);
        if let Some(handle) = pending.try_update_value(Option::take).flatten() {
            handle.clear();
        }
        if push {
            navigate(
                &url,
                NavigateOptions {
                    scroll: false,
                    ..Default::default()
                },
            );
        } else {
            let write = move || {
                if let Ok(history) = window().history() {
                    // Failing to rewrite the address only loses shareability, never the view.
                    let _ = history.replace_state_with_url(
                        &wasm_bindgen::JsValue::NULL,
                        "",
                        Some(&url),
                    );
                }
            };
            pending.set_value(
                set_timeout_with_handle(write, std::time::Duration::from_millis(120)).ok(),
            );
        }
    });
    let outlines = use_outlines();
    // The entity the search found: labelled and ringed on the map.
    let selected = RwSignal::new(None::<String>);

    with_data(Box::new(move |loaded, lang, s| {
        let bad = bad_params.get();
        let notice = (!bad.is_empty()).then(|| view! { <p class="notice" role="status">{format!("{} {}", s.map_bad_params, bad.join(", "))}</p> });
        let data = Arc::new(prepare(loaded));
        let frame_data = data.clone();
        view! {
            <section class="page map-page">
                <h1>{s.map_title}</h1>
                <p class="lead">{s.map_intro}</p>
                {notice}
                <MapControls data=data.clone() state commit selected lang />
                {move || match outlines.get() {
                    None => view! { <p class="status" role="status">{s.map_loading}</p> }.into_any(),
                    Some(result) => match &*result {
                        Ok(o) => view! { <MapFrame data=frame_data.clone() outlines=o.clone() state commit selected lang /> }.into_any(),
                        Err(e) => view! { <p class="notice" role="alert">{e.message(lang)}</p> }.into_any(),
                    },
                }}
                <EntityList data=data.clone() lang s />
            </section>
        }
        .into_any()
    }))
}

/// Entities in reading order (north to south) with what every redraw needs, computed once:
/// projected positions and the category on each axis.
struct Prepared {
    entities: Vec<Entity>,
    points: Vec<Point>,
    /// `categories[axis][i]`: entity `i`'s category on `Axis::ALL[axis]`.
    categories: [Vec<usize>; 3],
}

impl Prepared {
    fn category(&self, axis: Axis, i: usize) -> usize {
        self.categories[axis as usize][i]
    }

    /// Entities per category of `axis`.
    fn counts(&self, axis: Axis) -> Vec<usize> {
        let mut counts = vec![0; axis.category_count()];
        for &c in &self.categories[axis as usize] {
            counts[c] += 1;
        }
        counts
    }
}

fn prepare(loaded: &Loaded) -> Prepared {
    let mut entities = loaded.dataset.entities.clone();
    // Reading order for keyboard users: north to south, then west to east.
    entities.sort_by(|a, b| {
        b.coordinates
            .lat
            .total_cmp(&a.coordinates.lat)
            .then(a.coordinates.lon.total_cmp(&b.coordinates.lon))
    });
    let points = entities
        .iter()
        .map(|e| geo::project(e.coordinates))
        .collect();
    let categories = Axis::ALL.map(|axis| entities.iter().map(|e| axis.category(e)).collect());
    Prepared {
        entities,
        points,
        categories,
    }
}

fn commit_fn(
    commit: StoredValue<impl Fn(MapState, bool) + Send + Sync + 'static>,
) -> impl Fn(MapState, bool) + Copy {
    move |next, push| commit.with_value(|f| f(next, push))
}

/// Axis switch, legend-as-filter with counts, zoom buttons and the search field.
#[component]
fn MapControls(
    data: Arc<Prepared>,
    state: RwSignal<MapState>,
    commit: StoredValue<impl Fn(MapState, bool) + Send + Sync + 'static>,
    selected: RwSignal<Option<String>>,
    lang: Lang,
) -> impl IntoView {
    let s = lang.strings();
    let commit = commit_fn(commit);
    // Memos: zooming and panning change `state` often; these parts only care about the axis and
    // the hidden categories, so they are not touched by a zoom step.
    let current_axis = Memo::new(move |_| state.with(|st| st.axis));
    let hidden_set = Memo::new(move |_| state.with(|st| st.hidden.clone()));
    let axes = Axis::ALL
        .into_iter()
        .map(|axis| {
            view! {
                <label class="axis-option">
                    <input
                        type="radio"
                        name="map-axis"
                        prop:checked=move || current_axis.get() == axis
                        on:change=move |_| commit(MapState { axis, hidden: Vec::new(), ..state.get_untracked() }, true)
                    />
                    {cdo_text::axis(lang, axis)}
                </label>
            }
        })
        .collect_view();
    let data_for_legend = data.clone();
    let legend = move || {
        let axis = current_axis.get();
        let counts = data_for_legend.counts(axis);
        (0..axis.category_count())
            .filter(|&i| counts[i] > 0)
            .map(|i| {
                let hidden = move || hidden_set.with(|h| h.contains(&i));
                let toggle = move |_| {
                    let mut next = state.get_untracked();
                    if let Some(pos) = next.hidden.iter().position(|&h| h == i) {
                        next.hidden.remove(pos);
                    } else {
                        next.hidden.push(i);
                        next.hidden.sort_unstable();
                    }
                    commit(next, true);
                };
                view! {
                    <li>
                        <button type="button" class="legend-item" aria-pressed=move || (!hidden()).to_string() on:click=toggle>
                            <svg class="legend-swatch" viewBox="-12 -12 24 24" aria-hidden="true">
                                <use href=format!("#shape-{}", i % SHAPES) class=format!("mk c{}", i % SHAPES) x="-10" y="-10" width="20" height="20" />
                            </svg>
                            <span class="legend-label">{cdo_text::category(lang, axis, i)}</span>
                            <span class="legend-count">{counts[i]}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let zoom = move |factor: f64| {
        let st = state.get_untracked();
        let center = Point {
            x: geo::WIDTH / 2.0,
            y: geo::HEIGHT / 2.0,
        };
        commit(
            MapState {
                view: st.view.zoom_at(factor, center),
                ..st
            },
            false,
        );
    };
    let (status, set_status) = signal(String::new());
    let search = move |ev: ev::Event| {
        let q = Query::new(&event_target_value(&ev));
        if q.is_empty() {
            set_status.set(String::new());
            return;
        }
        let mut hits: Vec<&Entity> = data
            .entities
            .iter()
            .filter(|e| q.matches(&e.name))
            .collect();
        hits.sort_by_key(|e| e.name.len());
        match hits.first() {
            Some(e) => {
                let st = state.get_untracked();
                let view = View {
                    zoom: st.view.zoom.max(3.0),
                    center: geo::project(e.coordinates),
                }
                .clamped();
                set_status.set(format!("{} {}", s.map_search_found, e.name));
                selected.set(Some(e.id.clone()));
                commit(MapState { view, ..st }, false);
            }
            None => set_status.set(s.map_search_none.to_owned()),
        }
    };
    view! {
        <div class="map-controls">
            <fieldset class="axis">
                <legend>{s.map_axis}</legend>
                {axes}
            </fieldset>
            <div class="map-search">
                <label for="map-search">{s.map_search}</label>
                <input id="map-search" type="search" autocomplete="off" on:input=search />
                <p class="search-status" role="status" aria-live="polite">{status}</p>
            </div>
            <div class="zoom-buttons" role="group" aria-label=s.map_label>
                <button type="button" class="button" on:click=move |_| zoom(1.5) aria-label=s.map_zoom_in>"+"</button>
                <button type="button" class="button" on:click=move |_| zoom(1.0 / 1.5) aria-label=s.map_zoom_out>"−"</button>
                <button type="button" class="button" on:click=move |_| commit(MapState { view: View::default(), ..state.get_untracked() }, false)>
                    {s.map_zoom_reset}
                </button>
            </div>
            <section class="legend" aria-labelledby="legend-title">
                <h2 id="legend-title">{s.map_legend}</h2>
                <p class="legend-help">{s.map_legend_help}</p>
                <ul class="legend-list">{legend}</ul>
            </section>
        </div>
    }
}

/// The SVG: outlines, markers, clusters, labels; wheel, drag, pinch and keys.
#[component]
fn MapFrame(
    data: Arc<Prepared>,
    outlines: Outlines,
    state: RwSignal<MapState>,
    commit: StoredValue<impl Fn(MapState, bool) + Send + Sync + 'static>,
    selected: RwSignal<Option<String>>,
    lang: Lang,
) -> impl IntoView {
    let s = lang.strings();
    crate::perf::mark("cdo:map:start");
    let commit = commit_fn(commit);
    let frame = NodeRef::<leptos::html::Div>::new();
    // Map units per screen pixel; measured from the frame's width.
    let units_per_px = RwSignal::new(10.0);
    let measure = move || {
        if let Some(div) = frame.get_untracked() {
            let w = div.client_width();
            if w > 0 {
                units_per_px.set(geo::WIDTH / f64::from(w));
            }
        }
    };
    Effect::new(move |_| {
        frame.track();
        measure();
        // Effects run once the view is in the DOM: the map is drawn.
        crate::perf::mark("cdo:map:drawn");
    });
    let _resize = window_event_listener(ev::resize, move |_| measure());

    let hover = RwSignal::new(None::<usize>);
    // Active pointers (id, frame position) for drag and pinch.
    let pointers = StoredValue::new(Vec::<(i32, Point)>::new());
    let to_frame_units = move |client_x: i32, client_y: i32| -> Point {
        let rect = frame.get_untracked().map(|d| d.get_bounding_client_rect());
        let (left, top) = rect.map_or((0.0, 0.0), |r| (r.left(), r.top()));
        let k = units_per_px.get_untracked();
        Point {
            x: (f64::from(client_x) - left) * k,
            y: (f64::from(client_y) - top) * k,
        }
    };

    let on_wheel = move |ev: ev::WheelEvent| {
        ev.prevent_default();
        let at = to_frame_units(ev.client_x(), ev.client_y());
        let factor = if ev.delta_y() < 0.0 { 1.25 } else { 0.8 };
        let st = state.get_untracked();
        commit(
            MapState {
                view: st.view.zoom_at(factor, at),
                ..st
            },
            false,
        );
    };
    let on_down = move |ev: ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        let p = to_frame_units(ev.client_x(), ev.client_y());
        pointers.update_value(|ps| {
            ps.retain(|(id, _)| *id != ev.pointer_id());
            ps.push((ev.pointer_id(), p));
        });
    };
    let on_move = move |ev: ev::PointerEvent| {
        let p = to_frame_units(ev.client_x(), ev.client_y());
        let before = pointers.with_value(|ps| ps.clone());
        let Some(i) = before.iter().position(|(id, _)| *id == ev.pointer_id()) else {
            return;
        };
        let st = state.get_untracked();
        let view = match before.len() {
            1 => st.view.pan_frame(p.x - before[0].1.x, p.y - before[0].1.y),
            2 => {
                let other = before[1 - i].1;
                let old = dist(before[i].1, other);
                let new = dist(p, other);
                if old > 0.0 {
                    st.view.zoom_at(new / old, other)
                } else {
                    st.view
                }
            }
            _ => st.view,
        };
        pointers.update_value(|ps| ps[i].1 = p);
        if view != st.view {
            // Dragging only moves the view; the URL follows when the pointer is released.
            state.set(MapState { view, ..st });
        }
    };
    let on_up = move |ev: ev::PointerEvent| {
        let was_down = pointers.with_value(|ps| ps.iter().any(|(id, _)| *id == ev.pointer_id()));
        pointers.update_value(|ps| ps.retain(|(id, _)| *id != ev.pointer_id()));
        if was_down && pointers.with_value(Vec::is_empty) {
            commit(state.get_untracked(), false);
        }
    };
    let on_key = move |ev: ev::KeyboardEvent| {
        let st = state.get_untracked();
        let step = geo::HEIGHT / 10.0;
        let center = Point {
            x: geo::WIDTH / 2.0,
            y: geo::HEIGHT / 2.0,
        };
        let view = match ev.key().as_str() {
            "ArrowLeft" => st.view.pan_frame(step, 0.0),
            "ArrowRight" => st.view.pan_frame(-step, 0.0),
            "ArrowUp" => st.view.pan_frame(0.0, step),
            "ArrowDown" => st.view.pan_frame(0.0, -step),
            "+" | "=" => st.view.zoom_at(1.5, center),
            "-" | "_" => st.view.zoom_at(1.0 / 1.5, center),
            _ => return,
        };
        ev.prevent_default();
        commit(MapState { view, ..st }, false);
    };

    let lands = outlines
        .laender
        .iter()
        .map(|o| view! { <path class="land" d=o.path.clone() /> })
        .collect_view();
    let navigate = use_navigate();
    let data_for_marks = data.clone();
    let marks = move || {
        let st = state.get();
        let k = units_per_px.get();
        let entities: Vec<(&Entity, Point)> = data_for_marks
            .entities
            .iter()
            .zip(data_for_marks.points.iter().copied())
            .collect();
        let visible = |i: usize| !st.hidden.contains(&data_for_marks.category(st.axis, i));
        let sel = selected.with(|id| {
            id.as_ref()
                .and_then(|id| data_for_marks.entities.iter().position(|e| &e.id == id))
        });
        let placed = layout(&entities, visible, st.view, k, sel);
        placed
            .into_iter()
            .map(|m| mark_view(m, &data_for_marks, &st, k, sel, lang, s))
            .collect_view()
    };
    // Delegated handlers for every mark (see `mark_view`).
    let activate = move |el: &web_sys::Element| {
        if let Some(id) = el.get_attribute("data-id") {
            navigate(&paths::entity(&id), NavigateOptions::default());
        } else if let (Some(x), Some(y)) = (el.get_attribute("data-x"), el.get_attribute("data-y"))
        {
            let at = Point {
                x: parse_decimal(&x).unwrap_or(0.0),
                y: parse_decimal(&y).unwrap_or(0.0),
            };
            let st = state.get_untracked();
            commit(
                MapState {
                    view: st.view.zoom_at(2.0, at),
                    ..st
                },
                false,
            );
        }
    };
    let activate = StoredValue::new(activate);
    let on_mark_click = move |ev: ev::MouseEvent| {
        if let Some(el) = mark_target(&ev) {
            ev.prevent_default();
            activate.with_value(|f| f(&el));
        }
    };
    let on_mark_key = move |ev: ev::KeyboardEvent| {
        // Markers are links (Enter clicks them); clusters are buttons: Enter and Space.
        if let Some(el) = mark_target(&ev).filter(|el| el.class_list().contains("cluster")) {
            if ev.key() == "Enter" || ev.key() == " " {
                ev.prevent_default();
                activate.with_value(|f| f(&el));
            }
        }
    };
    let show = move |ev: &web_sys::Event| {
        let i = mark_target(ev)
            .and_then(|el| el.get_attribute("data-i"))
            .and_then(|i| i.parse().ok());
        hover.set(i);
    };
    let tooltip = move || {
        let i = hover.get()?;
        let st = state.get();
        let k = units_per_px.get();
        let e = data.entities.get(i)?;
        let at = st.view.to_frame(data.points[i]);
        let since = e
            .current_holder()
            .and_then(|h| h.since)
            .or(e.established.as_ref().map(|d| d.date))
            .map(|d| format!("{} {}", s.map_since, cdo_text::date(lang, d)));
        let style = format!("left:{}px;top:{}px", fixed(at.x / k, 0), fixed(at.y / k, 0));
        Some(view! {
            <div class="map-tooltip" role="tooltip" id="map-tooltip" style=style>
                <strong>{e.name.clone()}</strong>
                <span>{cdo_text::headline(lang, e.office.headline())}</span>
                <span>{e.office.title.clone()}</span>
                <span>{since}</span>
            </div>
        })
    };
    let attribution = outlines.attribution.clone();
    view! {
        <div
            class="map-frame"
            node_ref=frame
            tabindex="0"
            role="group"
            aria-label=s.map_label
            aria-describedby="map-keys"
            on:wheel=on_wheel
            on:pointerdown=on_down
            on:pointermove=on_move
            on:pointerup=on_up
            on:pointercancel=on_up
            on:keydown=on_key
        >
            <svg class="map" viewBox=format!("0 0 {} {}", fixed(geo::WIDTH, 0), fixed(geo::HEIGHT, 0)) data-testid="map">
                <defs>{shape_defs()}</defs>
                <g class="lands" transform=move || state.with(|st| st.view.transform()) aria-hidden="true">{lands}</g>
                // tabindex -1: Chrome would otherwise put a <g> with key listeners in the tab order.
                <g
                    class="marks"
                    tabindex="-1"
                    on:click=on_mark_click
                    on:keydown=on_mark_key
                    on:mouseover=move |ev| show(&ev)
                    on:mouseout=move |_| hover.set(None)
                    on:focusin=move |ev| show(&ev)
                    on:focusout=move |_| hover.set(None)
                >
                    {marks}
                </g>
            </svg>
            {tooltip}
        </div>
        <p id="map-keys" class="map-help">{s.map_keys}</p>
        <p class="attribution">{s.map_attribution} " " {attribution} " (VG250)"</p>
    }
}

fn dist(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// One mark as plain SVG. Markers and clusters carry no event handlers of their own: the
/// `.marks` group handles clicks, keys, hover and focus for all of them (see `MapFrame`), so a
/// redraw only touches attributes — with 10,000 entities that keeps a zoom step within a frame.
fn mark_view(
    mark: Mark,
    data: &Prepared,
    st: &MapState,
    k: f64,
    selected: Option<usize>,
    lang: Lang,
    s: &'static Strings,
) -> AnyView {
    match mark {
        Mark::Entity {
            index,
            at,
            radius,
            label,
        } => {
            let e = &data.entities[index];
            let category = data.category(st.axis, index);
            let class_n = category % SHAPES;
            let land_level = e.kind == Kind::Land;
            let mut name = format!(
                "{} — {}",
                e.name,
                cdo_text::category(lang, st.axis, category)
            );
            if land_level {
                name.push_str(&format!(" ({})", s.map_land_level));
            }
            let text = label.then(|| {
                view! { <text class="mk-label" x=fixed(at.x + radius + 3.0 * k, 0) y=fixed(at.y + 4.5 * k, 0) style=format!("font-size:{}px", fixed(13.0 * k, 0))>{e.name.clone()}</text> }
            });
            // Inside a <g> so the macro builds an SVG <a>, not an HTML one.
            view! {
                <g><a
                    href=paths::entity(&e.id)
                    class=match (land_level, Some(index) == selected) {
                        (false, false) => "marker",
                        (true, false) => "marker land-level",
                        (false, true) => "marker selected",
                        (true, true) => "marker land-level selected",
                    }
                    data-id=e.id.clone()
                    data-i=index
                    aria-label=name
                >
                    // An invisible disc of at least 12 px radius: a comfortable tap target.
                    <circle class="hit" cx=fixed(at.x, 0) cy=fixed(at.y, 0) r=fixed(radius.max(12.0 * k), 0) />
                    <use
                        href=format!("#shape-{class_n}")
                        class=format!("mk c{class_n}")
                        x=fixed(at.x - radius, 0)
                        y=fixed(at.y - radius, 0)
                        width=fixed(radius * 2.0, 0)
                        height=fixed(radius * 2.0, 0)
                    />
                    {text}
                </a></g>
            }
            .into_any()
        }
        Mark::Cluster {
            at,
            radius,
            members,
        } => {
            let n = members.len();
            view! {
                <g
                    class="cluster"
                    role="button"
                    tabindex="0"
                    data-x=fixed(at.x, 0)
                    data-y=fixed(at.y, 0)
                    aria-label=format!("{n} {}", s.map_cluster)
                >
                    <circle cx=fixed(at.x, 0) cy=fixed(at.y, 0) r=fixed(radius, 0) />
                    <text x=fixed(at.x, 0) y=fixed(at.y + 4.0 * k, 0) style=format!("font-size:{}px", fixed(12.0 * k, 0))>{n}</text>
                </g>
            }
            .into_any()
        }
    }
}

/// The marker or cluster an event happened in, if any.
fn mark_target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest(".marker, .cluster").ok().flatten()
}

/// Twelve marker shapes in a -10..10 box, white-edged so they read on any fill.
fn shape_defs() -> impl IntoView {
    const SHAPE_PATHS: [&str; SHAPES] = [
        "M0-9a9 9 0 1 0 0.01 0z",   // circle
        "M-8-8h16v16h-16z",         // square
        "M0-9l9 16h-18z",           // triangle
        "M0-10l10 10-10 10-10-10z", // diamond
        "M0-10l2.9 6 6.6 1-4.8 4.6 1.1 6.6-5.8-3.1-5.8 3.1 1.1-6.6-4.8-4.6 6.6-1z", // star
        "M0-9a9 9 0 1 0 0.01 0zm0 4a5 5 0 1 1-0.01 0z", // ring
        "M0-9.5l9 6.5-3.4 10.5h-11.2l-3.4-10.5z", // pentagon
        "M-5-9h10l5 9-5 9h-10l-5-9z", // hexagon
        "M-10-5h20v10h-20z",        // bar
        "M0 9l9-16h-18z",           // triangle down
        "M-9-9h18v6h-18zm0 12h18v6h-18z", // double bar
        "M-3-9h6v6h6v6h-6v6h-6v-6h-6v-6h6z", // plus
    ];
    SHAPE_PATHS
        .iter()
        .enumerate()
        .map(|(i, d)| view! { <symbol id=format!("shape-{i}") viewBox="-11 -11 22 22"><path d=*d /></symbol> })
        .collect_view()
}

/// The list alternative: every entity with its model, as links.
#[component]
fn EntityList(data: Arc<Prepared>, lang: Lang, s: &'static Strings) -> impl IntoView {
    let mut entities: Vec<&Entity> = data.entities.iter().collect();
    entities.sort_by_cached_key(|e| cdo_model::search::fold(&e.name));
    let items = entities
        .into_iter()
        .map(|e| {
            view! {
                <li><a href=paths::entity(&e.id)>{e.name.clone()}</a>{format!(" — {}", cdo_text::headline(lang, e.office.headline()))}</li>
            }
        })
        .collect_view();
    view! {
        <details class="map-list">
            <summary>{s.map_list}</summary>
            <ul>{items}</ul>
        </details>
    }
}
