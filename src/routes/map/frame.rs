//! The map's SVG: outlines, the marks (each drawn by `marks`), tooltip, and the delegated
//! handlers of every mark; the frame's width (`use_frame_width`, here) and its gestures
//! (`gestures::use_map_gestures`) are hooks of their own.

use std::sync::Arc;

use cdo_model::geo::{self, Outlines, Point};
use cdo_model::map::{self, layout, MapState};
use cdo_model::num::{fixed, parse_decimal};
use cdo_model::{Standing, Summary};
use cdo_text::Lang;
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::gestures::use_map_gestures;
use super::marks::mark_view;
use super::Prepared;
use crate::components::shapes::shape_defs;
use crate::paths;

/// The SVG: outlines, markers, clusters, labels, the tooltip; its width from
/// [`use_frame_width`], its gestures from [`use_map_gestures`], and the delegated handlers of
/// every mark.
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
    let frame = NodeRef::<Div>::new();
    let units_per_px = use_frame_width(frame, width);
    let gestures = use_map_gestures(frame, units_per_px, state, commit);
    // Effects run once the view is in the DOM: the map is drawn.
    Effect::new(move |_| {
        if frame.get().is_some() {
            crate::perf::mark("cdo:map:drawn");
        }
    });
    // The entity under the pointer or focus, and how far its marker was moved off its place.
    let hover = RwSignal::new(None::<(usize, Point)>);

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
        let shown = data_for_marks.shown.get();
        let entities: Vec<(&Summary, Point)> = data_for_marks
            .entities
            .iter()
            .zip(data_for_marks.points.iter().copied())
            .collect();
        let visible = |i: usize| !st.hidden.contains(&shown.category(st.axis, i));
        let sel = selected.with(|id| {
            id.as_ref()
                .and_then(|id| data_for_marks.entities.iter().position(|e| &e.id == id))
        });
        let placed = layout(&entities, visible, st.view, k, sel);
        placed
            .into_iter()
            .map(|m| mark_view(m, &data_for_marks, &shown, &st, k, sel, lang))
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
            let view = st.view.zoom_at(2.0, at);
            commit.run((MapState { view, ..st }, false));
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
        let shown = data.shown.get();
        let e = shown.entities.get(i)?;
        // Above the marker, where it was moved to.
        let place = st.view.to_frame(data.points[i]);
        let at = Point {
            x: place.x + moved.x,
            y: place.y + moved.y,
        };
        let since = e.since.map(|d| cdo_text::phrase::since(lang, d));
        let ended = e.ended.map(|d| cdo_text::ended(lang, d));
        let state = cdo_text::category(
            lang,
            cdo_model::map::Axis::Headline,
            cdo_model::map::Axis::Headline.category(e),
        );
        // Set through the CSSOM (`style:`), which the CSP allows; a `style` attribute it does not.
        let left = format!("{}px", fixed(at.x / k, 0));
        let top = format!("{}px", fixed(at.y / k, 0));
        Some(view! {
            <div class="map-tooltip" role="tooltip" id="map-tooltip" style:left=left style:top=top>
                <strong>{e.name.clone()}</strong>
                <span>{state}</span>
                {(e.standing() != Standing::NoPost).then(|| view! { <span>{e.model().title.clone()}</span> })}
                {e.holder.clone().map(|h| view! { <span>{h}</span> })}
                <span>{since}</span>
                {ended.map(|t| view! { <span>{t}</span> })}
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
            on:wheel=move |ev| gestures.wheel(ev)
            on:pointerdown=move |ev| gestures.down(ev)
            on:pointermove=move |ev| gestures.moved(ev)
            on:pointerup=move |ev| gestures.up(ev)
            on:pointercancel=move |ev| gestures.up(ev)
            on:keydown=move |ev| gestures.key(ev)
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

/// Map units per screen pixel of `frame`, starting from `width` (pixels) where the page knows
/// it. The width is read when a ResizeObserver reports a change: after the browser's own layout
/// (the first report comes before the first paint), so reading it forces no layout of its own,
/// and every change of the frame's size is seen (the window, a scroll bar, the column).
fn use_frame_width(frame: NodeRef<Div>, width: Option<i32>) -> ReadSignal<f64> {
    let units_per_px = RwSignal::new(width.and_then(map::units_per_px).unwrap_or(10.0));
    let measure = move || {
        let k = frame
            .get_untracked()
            .and_then(|div| map::units_per_px(div.client_width()));
        if let Some(k) = k.filter(|k| *k != units_per_px.get_untracked()) {
            units_per_px.set(k);
        }
    };
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
    });
    on_cleanup(move || {
        if let Some(o) = observer.try_update_value(Option::take).flatten() {
            o.disconnect();
        }
    });
    units_per_px.read_only()
}

/// The marker or cluster an event happened in, if any.
fn mark_target(ev: &web_sys::Event) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest(".marker, .cluster").ok().flatten()
}
