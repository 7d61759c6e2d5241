//! The map's controls: axis switch, search and zoom buttons (`MapControls`), then the
//! legend-as-filter with live counts and the picture download (`MapAside`). They come after
//! the map, beside it on a wide screen and below it on a narrow one, so that a phone's first
//! screen shows the map itself (pinch and drag move it there; the buttons do the same).

use std::sync::Arc;

use cdo_model::geo::{self, Point};
use cdo_model::map::{Axis, MapState, View};
use cdo_model::search::Query;
use cdo_text::Lang;
use leptos::ev;
use leptos::prelude::*;

use super::Prepared;
use crate::components::needs_app::needs_app;
use crate::components::shapes::style;
use crate::picks::pick_toggle;

/// Axis switch, search field and zoom buttons.
#[component]
pub(super) fn MapControls(
    data: Arc<Prepared>,
    state: RwSignal<MapState>,
    commit: Callback<(MapState, bool)>,
    selected: RwSignal<Option<String>>,
    lang: Lang,
) -> impl IntoView {
    let s = lang.strings();
    let commit = move |next: MapState, push: bool| commit.run((next, push));
    // A memo: zooming and panning change `state` often; the switch only cares about the axis.
    let current_axis = Memo::new(move |_| state.with(|st| st.axis));
    let axes = Axis::ALL
        .into_iter()
        .map(|axis| {
            view! {
                <label class="axis-option">
                    <input
                        type="radio"
                        name="map-axis"
                        {..needs_app()}
                        // Also the attribute, so that the pre-render draws the chosen axis.
                        checked=current_axis.get_untracked() == axis
                        prop:checked=move || current_axis.get() == axis
                        on:change=move |_| commit(MapState { axis, hidden: Vec::new(), ..state.get_untracked() }, true)
                    />
                    {cdo_text::axis(lang, axis)}
                </label>
            }
        })
        .collect_view();
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
    // The entity the search found can be picked for a comparison right here.
    let found_data = data.clone();
    let found = move || {
        let id = selected.get()?;
        let e = found_data.entities.iter().find(|e| e.id == id)?;
        Some(pick_toggle(e.id.clone(), e.name.clone(), true))
    };
    let search = move |ev: ev::Event| {
        let q = Query::new(&event_target_value(&ev));
        if q.is_empty() {
            set_status.set(String::new());
            return;
        }
        let names = data.entities.iter().map(|e| e.name.as_str());
        match cdo_model::search::closest(&q, names).map(|i| &data.entities[i]) {
            Some(e) => {
                let st = state.get_untracked();
                let view = View {
                    zoom: st.view.zoom.max(3.0),
                    center: geo::project(e.coordinates),
                }
                .clamped();
                set_status.set(cdo_text::phrase::found_on_map(lang, &e.name));
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
                <input id="map-search" type="search" autocomplete="off" {..needs_app()} on:input=search />
                <p class="search-status" role="status" aria-live="polite">{status}</p>
                {found}
            </div>
            <div class="zoom-buttons" role="group" aria-label=s.map_zoom>
                <button type="button" class="button" {..needs_app()} on:click=move |_| zoom(1.5) aria-label=s.map_zoom_in>"+"</button>
                <button type="button" class="button" {..needs_app()} on:click=move |_| zoom(1.0 / 1.5) aria-label=s.map_zoom_out>"−"</button>
                <button type="button" class="button" {..needs_app()} on:click=move |_| commit(MapState { view: View::default(), ..state.get_untracked() }, false)>
                    {s.map_zoom_reset}
                </button>
            </div>
        </div>
    }
}

/// The legend, which filters by category and counts each, and the picture of the current view.
#[component]
pub(super) fn MapAside(
    data: Arc<Prepared>,
    state: RwSignal<MapState>,
    commit: Callback<(MapState, bool)>,
    lang: Lang,
) -> impl IntoView {
    let s = lang.strings();
    let commit = move |next: MapState, push: bool| commit.run((next, push));
    // Memos: zooming and panning change `state` often; the legend only cares about the axis and
    // the hidden categories, so it is not touched by a zoom step.
    let current_axis = Memo::new(move |_| state.with(|st| st.axis));
    let hidden_set = Memo::new(move |_| state.with(|st| st.hidden.clone()));
    let data_for_legend = data.clone();
    let legend = move || {
        let axis = current_axis.get();
        let counts = data_for_legend.shown.with(|sh| sh.counts(axis));
        (0..axis.legend_count())
            .filter(|&i| counts[i] > 0)
            .map(|i| {
                let hidden = move || hidden_set.with(|h| h.contains(&i));
                let toggle = move |_| {
                    let mut next = state.get_untracked();
                    next.hidden = cdo_model::toggled(&next.hidden, &i);
                    commit(next, true);
                };
                view! {
                    <li>
                        <button type="button" class="legend-item" aria-pressed=move || (!hidden()).to_string() {..needs_app()} on:click=toggle>
                            <svg class="legend-swatch" viewBox="-12 -12 24 24" aria-hidden="true">
                                {let (shape, class) = style(axis, i); view! { <use href=shape class=format!("mk {class}") x="-10" y="-10" width="20" height="20" /> }}
                            </svg>
                            <span class="legend-label">{cdo_text::category(lang, axis, i)}</span>
                            <span class="legend-count">{counts[i]}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    let picture_data = data;
    // The picture of the current view, for articles.
    let dataset = crate::data::use_index();
    let picture = move |png: bool| {
        let stand = untrack(|| dataset.loaded()).map(|l| l.dataset.as_of);
        let st = state.get_untracked();
        let Some(svg) = super::export::map_svg(&picture_data, &st, stand, lang) else {
            return;
        };
        let file = |extension| cdo_text::phrase::map_picture_file(lang, st.axis, extension);
        if png {
            super::export::save_png(svg, file("png"));
        } else {
            super::export::save_svg(&svg, &file("svg"));
        }
    };
    let picture = StoredValue::new(picture);
    view! {
        <section class="legend" aria-labelledby="legend-title">
            <h2 id="legend-title">{s.map_legend}</h2>
            <p class="legend-help">{s.map_legend_help}</p>
            <ul class="legend-list">{legend}</ul>
        </section>
        <p class="map-download">
            {s.map_download} " "
            <button type="button" class="button secondary" {..needs_app()} on:click=move |_| picture.with_value(|f| f(false))>"SVG"</button>
            " "
            <button type="button" class="button secondary" {..needs_app()} on:click=move |_| picture.with_value(|f| f(true))>"PNG"</button>
        </p>
    }
}
