//! The map: Länder outlines, one marker per entity (shape + colour by the chosen axis, size by
//! population), a legend that filters, zoom and pan by wheel, drag, pinch, buttons and keys, a
//! search, and a list alternative. Everything that can be computed without a browser (view
//! maths, URL state, layout, labels) lives in `cdo_model::map`; this module wires events to it.
//!
//! `controls` (axis, search, zoom, legend filter and picture download, beside the map on a wide
//! screen and below it on a narrow one), `frame` (the SVG, its width and the marks' delegated
//! handlers), `gestures` (drag, pinch, wheel and keys), `marks` (one marker or cluster; the
//! marker shapes are `crate::components::shapes`) and `list` (the list alternative) are the
//! parts; this module holds the page and the shared state.

mod controls;
mod export;
mod frame;
mod gestures;
mod list;
mod marks;

use std::sync::Arc;

use cdo_model::geo::{self, Point};
use cdo_model::map::{Axis, MapState};
use cdo_model::{Loaded, Summary};
use cdo_text::describe;
use leptos::prelude::*;

use crate::components::with_data::{data_page, PageHead, Render};
use crate::data::{use_index, use_outlines};
use crate::head::use_head;
use crate::i18n::use_strings;
use crate::paths::Page;
use crate::url_state::{use_url_state, Write};
use controls::{MapAside, MapControls};
use frame::MapFrame;
use list::EntityList;

/// The map page's section class, heading and introduction (also shown while its code loads).
pub const HEAD: PageHead = PageHead {
    class: "page map-page",
    text: |s| [s.map_title, s.map_intro],
};

#[component]
pub fn MapPage() -> impl IntoView {
    let s = use_strings();
    use_head(
        move || s().nav_map.to_owned(),
        |lang| untrack(|| Some(describe::map(lang, &use_index().loaded()?.dataset.entities))),
    );
    // The URL is the source of truth; `state` mirrors it so interactions feel immediate.
    let url = use_url_state::<MapState>(Page::Map);
    let (state, bad_params) = (url.state, url.bad);
    // Discrete changes (axis, legend) are history entries; continuous ones (zoom, pan) rewrite
    // the current entry once the reader pauses (`Write::ReplaceLater`).
    let commit = Callback::new(move |(next, push): (MapState, bool)| {
        let how = if push {
            Write::Push
        } else {
            Write::ReplaceLater
        };
        url.set.run((next.canonical(), how));
    });
    let outlines = use_outlines();
    let placeholder = NodeRef::<leptos::html::Div>::new();
    // The entity the search found: labelled and ringed on the map.
    let selected = RwSignal::new(None::<String>);

    let render: Render = Box::new(move |loaded, lang, s| {
        let bad = bad_params.get();
        let notice = (!bad.is_empty()).then(|| view! { <p class="notice" role="status">{cdo_text::phrase::map_bad_params(lang, &bad)}</p> });
        let data = Arc::new(prepare(loaded));
        let frame_data = data.clone();
        view! {
                {notice}
                <div class="map-layout">
                    <div class="map-main">
                        {move || match outlines.get() {
                            // The map's place is kept while its outlines load: nothing below moves.
                            None => view! { <div class="map-pending" node_ref=placeholder><p class="status" role="status">{s.map_loading}</p></div> }.into_any(),
                            Some(result) => match &*result {
                                Ok(o) => {
                                    // The placeholder, still in place, has the frame's box.
                                    let width = placeholder.get_untracked().map(|p| p.client_width());
                                    view! { <MapFrame data=frame_data.clone() outlines=o.clone() state commit selected lang width /> }.into_any()
                                }
                                Err(e) => view! { <p class="notice" role="alert">{e.message(lang)}</p> }.into_any(),
                            },
                        }}
                    </div>
                    // After the map in reading order: beside it on a wide screen, below it on
                    // a narrow one, where the map is what the first screen shows.
                    <div class="map-aside">
                        <MapControls data=data.clone() state commit selected lang />
                        <MapAside data=data.clone() state commit lang />
                    </div>
                </div>
                <EntityList data=data.clone() lang s />
        }
        .into_any()
    });
    data_page(HEAD, render)
}

/// Entities in reading order (north to south) with what every redraw needs, computed once:
/// projected positions and the category on each axis.
pub(super) struct Prepared {
    entities: Vec<Summary>,
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

fn prepare(loaded: &Loaded<Summary>) -> Prepared {
    // Reading order for keyboard users: north to south, then west to east.
    let entities = cdo_model::sorted_by(loaded.dataset.entities.clone(), &|a, b| {
        let (a, b) = (a.coordinates, b.coordinates);
        b.lat.total_cmp(&a.lat).then(a.lon.total_cmp(&b.lon))
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
