//! The map's SVG: outlines, markers, clusters, labels, tooltip; wheel, drag, pinch and keys.

use std::sync::Arc;

use cdo_model::geo::{self, Outlines, Point};
use cdo_model::map::{layout, MapState, Mark, Side};
use cdo_model::num::{fixed, parse_decimal};
use cdo_model::{Kind, Summary};
use cdo_text::{Lang, Strings};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::{commit_fn, Prepared};
use crate::paths;

/// Marker styles: one shape per category index; colours are in `public/style.css` (`.c0`…).
pub(super) const SHAPES: usize = 12;
/// The SVG: outlines, markers, clusters, labels; wheel, drag, pinch and keys.
#[component]
pub(super) fn MapFrame(
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
    // Whether the current gesture moved the view: a plain tap or click must not rewrite the URL
    // (it may be a click on a marker that navigates away).
    let moved = StoredValue::new(false);
    let on_down = move |ev: ev::PointerEvent| {
        if ev.button() != 0 {
            return;
        }
        if pointers.with_value(Vec::is_empty) {
            moved.set_value(false);
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
            moved.set_value(true);
            state.set(MapState { view, ..st });
        }
    };
    let on_up = move |ev: ev::PointerEvent| {
        let was_down = pointers.with_value(|ps| ps.iter().any(|(id, _)| *id == ev.pointer_id()));
        pointers.update_value(|ps| ps.retain(|(id, _)| *id != ev.pointer_id()));
        if was_down && pointers.with_value(Vec::is_empty) && moved.get_value() {
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
        let entities: Vec<(&Summary, Point)> = data_for_marks
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
            .since
            .map(|d| format!("{} {}", s.map_since, cdo_text::date(lang, d)));
        // Set through the CSSOM (`style:`), which the CSP allows; a `style` attribute it does not.
        let left = format!("{}px", fixed(at.x / k, 0));
        let top = format!("{}px", fixed(at.y / k, 0));
        Some(view! {
            <div class="map-tooltip" role="tooltip" id="map-tooltip" style:left=left style:top=top>
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
            let text = label.map(|side| {
                let (x, anchor) = match side {
                    Side::Right => (at.x + radius + 3.0 * k, "start"),
                    Side::Left => (at.x - radius - 3.0 * k, "end"),
                };
                view! { <text class="mk-label" x=fixed(x, 0) y=fixed(at.y + 4.5 * k, 0) font-size=fixed(13.0 * k, 0) text-anchor=anchor>{e.name.clone()}</text> }
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
                    <text x=fixed(at.x, 0) y=fixed(at.y + 4.0 * k, 0) font-size=fixed(12.0 * k, 0)>{n}</text>
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
pub(crate) fn shape_defs() -> impl IntoView {
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
