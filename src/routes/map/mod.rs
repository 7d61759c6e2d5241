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
use cdo_model::time::{self, At, Span};
use cdo_model::{Loaded, PartialDate, Summary};
use cdo_text::describe;
use leptos::prelude::*;

use crate::components::time_control::TimeControl;
use crate::components::with_data::{data_page, PageHead, Render};
use crate::data::{use_index, use_outlines};
use crate::head::use_head;
use crate::i18n::use_strings;
use crate::paths::Page;
use crate::url_state::{use_url_state, Write};
use controls::{MapAside, MapControls};
use frame::MapFrame;
use list::{Changes, EntityList};

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
        let span = Span::of(&loaded.dataset.entities, loaded.dataset.as_of);
        let mut bad = bad_params.get();
        // A date outside the data's years is ignored (today shown) and named, as a bad value.
        let at = Memo::new(move |_| span.admit(state.with(|st| st.at), &mut Vec::new()));
        span.admit(state.with_untracked(|st| st.at), &mut bad);
        let notice = (!bad.is_empty()).then(|| view! { <p class="notice" role="status">{cdo_text::phrase::map_bad_params(lang, &bad)}</p> });
        let data = Arc::new(prepare(loaded, at));
        let frame_data = data.clone();
        let set_at = Callback::new(move |(at, how): (Option<At>, Write)| {
            url.set.run((
                MapState {
                    at,
                    ..state.get_untracked()
                }
                .canonical(),
                how,
            ));
        });
        // The entities drawn at the date: no second pass over them.
        let shown = data.shown;
        let counts = Signal::derive(move || {
            shown.with(|sh| (time::with_post(&sh.entities), sh.entities.len()))
        });
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
                        <TimeControl at=at.into() set=set_at span counts lang />
                        <MapControls data=data.clone() state commit selected lang />
                        <MapAside data=data.clone() state commit lang />
                    </div>
                </div>
                <Changes data=data.clone() lang />
                <EntityList data=data.clone() lang s />
        }
        .into_any()
    });
    data_page(HEAD, render)
}

/// Entities in reading order (north to south) with what every redraw needs, computed once:
/// projected positions; and what they were at the date shown ([`Shown`], once per date).
pub(super) struct Prepared {
    /// As the index has them (today): names, places, sizes.
    entities: Arc<Vec<Summary>>,
    points: Vec<Point>,
    shown: Memo<Arc<Shown>>,
}

/// The entities at the date shown: model, title and holder then, the category on each axis
/// (with "no post yet" and "abolished" of their own), and whose model changed in the year before.
pub(super) struct Shown {
    /// `None`: today.
    at: Option<At>,
    entities: Vec<Summary>,
    /// `categories[axis][i]`: entity `i`'s category on `Axis::ALL[axis]`.
    categories: [Vec<usize>; 3],
    changed: Vec<bool>,
    /// At a date, the changes of model in the year before it, oldest first.
    changes: Vec<Change>,
}

/// A change of an entity's model (`Axis::Headline` categories, with no post yet and abolished).
pub(super) struct Change {
    entity: usize,
    date: PartialDate,
    from: usize,
    to: usize,
}

/// Shown for the same date is the same.
impl PartialEq for Shown {
    fn eq(&self, other: &Shown) -> bool {
        self.at == other.at
    }
}

impl Shown {
    fn category(&self, axis: Axis, i: usize) -> usize {
        self.categories[axis as usize][i]
    }

    /// Entities per category of `axis` (the axis's own, then no post yet and abolished).
    fn counts(&self, axis: Axis) -> Vec<usize> {
        let mut counts = vec![0; axis.legend_count()];
        for &c in &self.categories[axis as usize] {
            counts[c] += 1;
        }
        counts
    }
}

fn prepare(loaded: &Loaded<Summary>, at: Memo<Option<At>>) -> Prepared {
    // Reading order for keyboard users: north to south, then west to east.
    let entities = Arc::new(cdo_model::sorted_by(
        loaded.dataset.entities.clone(),
        &|a, b| {
            let (a, b) = (a.coordinates, b.coordinates);
            b.lat.total_cmp(&a.lat).then(a.lon.total_cmp(&b.lon))
        },
    ));
    let points = entities
        .iter()
        .map(|e| geo::project(e.coordinates))
        .collect();
    let as_of = loaded.dataset.as_of;
    let base = entities.clone();
    let shown = Memo::new(move |_| {
        let at = at.get();
        crate::perf::mark("cdo:time:start");
        let entities = time::summaries_at(&base, at.map_or(as_of, At::date));
        let categories = Axis::ALL.map(|axis| entities.iter().map(|e| axis.category(e)).collect());
        // The year's changes of model, once for the rings and the list under the map.
        let changes: Vec<Change> = at.map_or_else(Vec::new, |at| {
            time::changes_before(&base, at)
                .iter()
                .filter(|t| t.model_changed())
                .map(|t| Change {
                    entity: t.entity,
                    date: t.date,
                    from: Axis::Headline.category_at(&t.from),
                    to: Axis::Headline.category_at(&t.to),
                })
                .collect()
        });
        let mut changed = vec![false; base.len()];
        for c in &changes {
            changed[c.entity] = true;
        }
        Arc::new(Shown {
            at,
            entities,
            categories,
            changed,
            changes,
        })
    });
    Prepared {
        entities,
        points,
        shown,
    }
}
