//! The map's SVG: outlines, the marks (each drawn by `marks`), tooltip; wheel, drag, pinch and
//! keys, and the delegated handlers of every mark.

use std::sync::Arc;

use cdo_model::geo::{self, Outlines, Point};
use cdo_model::map::{self, layout, MapState};
use cdo_model::num::{fixed, parse_decimal};
use cdo_model::Summary;
use cdo_text::Lang;
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::marks::mark_view;
use super::Prepared;
use crate::components::shapes::shape_defs;
use crate::paths;

/// The SVG: outlines, markers, clusters, labels; wheel, drag, pinch and keys.
#[component]
pub(super) fn MapFrame(
    data: Arc<Prepared>,
    outlines: Outlines,
    state: RwSignal<MapState>,
    commit: Callback<(MapState, bool)>,
    selected: RwSignal<Option<String>>,
    lang: Lang,
    /// The frame's width in pixels where the page knows it already (the placeholder the map
    /// replaces has the frame's box): the first drawing is then at the right scale.
    width: Option<i32>,
) -> impl IntoView {
    let s = lang.strings();
    crate::perf::mark("cdo:map:start");
    let commit = move |next: MapState, push: bool| commit.run((next, push));
    let frame = NodeRef::<leptos::html::Div>::new();
    // Map units per screen pixel, from the frame's width.
    let scale = |w: i32| (w > 0).then(|| geo::WIDTH / f64::from(w));
    let units_per_px = RwSignal::new(width.and_then(scale).unwrap_or(10.0));
    let measure = move || {
        let k = frame
            .get_untracked()
            .and_then(|div| scale(div.client_width()));
        if let Some(k) = k.filter(|k| *k != units_per_px.get_untracked()) {
            units_per_px.set(k);
        }
    };
    // The width is read when a ResizeObserver reports a change: after the browser's own layout
    // (the first report comes before the first paint), so reading it forces no layout of its
    // own, and every change of the frame's size is seen (the window, a scroll bar, the column).
    let observer = StoredValue::new_local(None::<web_sys::ResizeObserver>);
    Effect::new(move |_| {
        let Some(div) = frame.get() else { return };
        let report = Closure::<dyn FnMut()>::new(measure).into_js_value();
        let next = web_sys::ResizeObserver::new(report.unchecked_ref()).ok();
        match &next {
            Some(o) => o.observe(&div),
            None => measure(),
        }
        if let Some(before) = observer
            .try_update_value(|o| std::mem::replace(o, next))
            .flatten()
        {
            before.disconnect();
        }
        // Effects run once the view is in the DOM: the map is drawn.
        crate::perf::mark("cdo:map:drawn");
    });
    on_cleanup(move || {
        if let Some(o) = observer.try_update_value(Option::take).flatten() {
            o.disconnect();
        }
    });

    // The entity under the pointer or focus, and how far its marker was moved off its place.
    let hover = RwSignal::new(None::<(usize, Point)>);
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
            .map(|m| mark_view(m, &data_for_marks, &st, k, sel, lang))
            .collect_view()
    };
    // Delegated handlers for every mark (see `mark_view`).
    let activate = move |el: &web_sys::Element| {
        if let Some(id) = el.get_attribute("data-id") {
            navigate(&paths::entity(lang, &id), NavigateOptions::default());
        } else if let Some(at) = el
            .get_attribute("transform")
            .and_then(|t| map::translated(&t))
        {
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
        let el = mark_target(ev);
        let i = el
            .as_ref()
            .and_then(|el| el.get_attribute("data-i"))
            .and_then(|i| i.parse().ok());
        let offset = |key: &str| {
            el.as_ref()
                .and_then(|el| el.get_attribute(key))
                .and_then(|v| parse_decimal(&v))
                .unwrap_or(0.0)
        };
        let moved = Point {
            x: offset("data-dx"),
            y: offset("data-dy"),
        };
        hover.set(i.map(|i| (i, moved)));
    };
    let tooltip = move || {
        let (i, moved) = hover.get()?;
        let st = state.get();
        let k = units_per_px.get();
        let e = data.entities.get(i)?;
        // Above the marker, where it was moved to.
        let place = st.view.to_frame(data.points[i]);
        let at = Point {
            x: place.x + moved.x,
            y: place.y + moved.y,
        };
        let since = e.since.map(|d| cdo_text::phrase::since(lang, d));
        // Set through the CSSOM (`style:`), which the CSP allows; a `style` attribute it does not.
        let left = format!("{}px", fixed(at.x / k, 0));
        let top = format!("{}px", fixed(at.y / k, 0));
        Some(view! {
            <div class="map-tooltip" role="tooltip" id="map-tooltip" style:left=left style:top=top>
                <strong>{e.name.clone()}</strong>
                <span>{cdo_text::headline(lang, e.model().headline())}</span>
                <span>{e.model().title.clone()}</span>
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
        <p class="attribution">{cdo_text::phrase::map_attribution(lang, &attribution)}</p>
    }
}

fn dist(a: Point, b: Point) -> f64 {
    ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt()
}

/// The marker or cluster an event happened in, if any.
fn mark_target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest(".marker, .cluster").ok().flatten()
}
