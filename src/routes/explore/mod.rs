//! The explorer: every entity in a sortable table, narrowed by facets with live counts and a
//! free-text search. All state is in the URL (`cdo_model::explore::ExploreState`, through
//! `use_url_state`); facet and sort changes are history entries, typing in the search rewrites
//! the current one.
//!
//! The parts: `table` (header, rows and pager), `facets` (the filter panel) and `downloads`;
//! this module holds the page, the shared [`Ctx`] and the layout.

pub(crate) mod downloads;
mod facets;
mod table;

use std::sync::Arc;

use cdo_model::explore::{index_with, notes_of, ExploreState, FacetCounts};
use cdo_model::time::{self, At, Span};
use cdo_model::{Loaded, Summary};
use cdo_text::{describe, Lang, Strings};
use leptos::ev;
use leptos::prelude::*;

use crate::components::needs_app::{needs_app, without_js};
use crate::components::with_data::{data_page, PageHead};
use crate::data::{peek_dataset, use_dataset, use_index};
use crate::head::use_head;
use crate::i18n::use_strings;
use crate::paths::Page;
use crate::url_state::{use_url_state, Write};

/// The explorer's section class, heading and introduction (also shown while its code loads).
pub const HEAD: PageHead = PageHead {
    class: "page explore",
    text: |s| [s.explore_title, s.explore_intro],
};

#[component]
pub fn ExplorePage() -> impl IntoView {
    let s = use_strings();
    use_head(
        move || s().nav_explore.to_owned(),
        |lang| {
            untrack(|| {
                Some(describe::explore(
                    lang,
                    &use_index().loaded()?.dataset.entities,
                ))
            })
        },
    );
    let url = use_url_state::<ExploreState>(Page::Explore);
    // Any change but the page's own starts at the first page (`ExploreState::then`).
    let go = Callback::new(move |(next, how): (ExploreState, Write)| {
        let next = url.state.with_untracked(|st| st.then(next));
        url.set.run((next, how));
    });
    data_page(
        HEAD,
        Box::new(move |loaded, lang, s| {
            explorer(loaded, lang, s, url.state, url.bad, go).into_any()
        }),
    )
}

/// The entities the index lists, and as they were at the date shown.
struct Prepared {
    /// As the index has them (today).
    entities: Arc<Vec<Summary>>,
    shown: Memo<Arc<Shown>>,
}

/// The entities at the date shown (`at`; `None`: today): model, office and holder then.
struct Shown {
    at: Option<At>,
    entities: Vec<Summary>,
}

/// Shown for the same date is the same.
impl PartialEq for Shown {
    fn eq(&self, other: &Shown) -> bool {
        self.at == other.at
    }
}

/// What the explorer's parts share.
#[derive(Clone, Copy)]
struct Ctx {
    state: RwSignal<ExploreState>,
    /// Leads to a new state (`ExploreState::then` applied).
    go: Callback<(ExploreState, Write)>,
    /// The hits, sorted, and the facet counts.
    evaluated: Memo<(Vec<usize>, FacetCounts)>,
    lang: Lang,
    s: &'static Strings,
}

impl Ctx {
    fn go(self, next: ExploreState, how: Write) {
        self.go.run((next, how));
    }

    fn current(self) -> ExploreState {
        self.state.get()
    }
}

fn explorer(
    loaded: &Loaded<Summary>,
    lang: Lang,
    s: &'static Strings,
    state: RwSignal<ExploreState>,
    bad: Memo<Vec<&'static str>>,
    go: Callback<(ExploreState, Write)>,
) -> impl IntoView {
    let entities = Arc::new(loaded.dataset.entities.clone());
    let as_of = loaded.dataset.as_of;
    let span = Span::of(&entities, as_of);
    // A date outside the data's years is ignored (today shown) and named, as a bad value.
    let at = Memo::new(move |_| span.admit(state.with(|st| st.at), &mut Vec::new()));
    let base = entities.clone();
    let shown = Memo::new(move |_| {
        let at = at.get();
        crate::perf::mark("cdo:time:start");
        let entities = time::summaries_at(&base, at.map_or(as_of, At::date));
        Arc::new(Shown { at, entities })
    });
    let data = Arc::new(Prepared { entities, shown });

    // The search rows: names, offices and holders from the index; the context notes join them
    // once the dataset is there, which a search asks for (the index does not carry the notes,
    // four fifths of its text, so that a first visit does not).
    let dataset = peek_dataset();
    Effect::new(move |_| {
        if state.with(|st| !st.query.trim().is_empty()) {
            // Asks for it once, after the page's paint, as every page does (`use_dataset`).
            use_dataset();
        }
    });
    let d = data.clone();
    let rows = Memo::new(move |_| {
        let notes = dataset
            .loaded()
            .map(|full| notes_of(&d.entities, &full.dataset.entities))
            .unwrap_or_default();
        // Today's: the rows are the same at every date (`index_with`).
        Arc::new(index_with(&d.entities, &notes))
    });
    // Filtering and the facet counts in one pass per state change.
    // The sort order only changes with the sort, so a keystroke filters a sorted list.
    let sort = Memo::new(move |_| state.with(|st| (st.sort, st.descending)));
    let d = data.clone();
    let order = Memo::new(move |_| {
        // `.get()`, not `.track()`: in leptos 0.8.23 a memo's `track()` inside another memo did
        // not subscribe it (the table ignored sort clicks; caught by the e2e sort test).
        let (column, _) = sort.get();
        // A date changes the models, offices and holders sorted by; not the names.
        if column.follows_date() {
            let _at = at.get();
        }
        let shown = d.shown.get_untracked();
        rows.with_untracked(|rows| {
            state.with_untracked(|st| Arc::new(st.order(&shown.entities, rows)))
        })
    });
    let d = data.clone();
    let evaluated = Memo::new(move |_| {
        let shown = d.shown.get();
        order.with(|order| {
            rows.with(|rows| state.with(|st| st.evaluate_in(order, &shown.entities, rows)))
        })
    });
    let cx = Ctx {
        state,
        go,
        evaluated,
        lang,
        s,
    };

    let notice = move || {
        let mut bad = bad.get();
        span.admit(state.with(|st| st.at), &mut bad);
        (!bad.is_empty()).then(|| {
            view! { <p class="notice" role="status">{cdo_text::phrase::explore_bad_params(lang, &bad)}</p> }
        })
    };
    let set_at = Callback::new(move |(at, how): (Option<At>, Write)| {
        cx.go(ExploreState { at, ..cx.current() }, how);
    });
    // The entities listed at the date: no second pass over them.
    let counts =
        Signal::derive(move || shown.with(|sh| (time::with_post(&sh.entities), sh.entities.len())));
    let search = move |ev: ev::Event| {
        let next = ExploreState {
            query: event_target_value(&ev),
            ..cx.current()
        };
        cx.go(next, Write::Replace);
    };
    let facets = move || evaluated.with(|(_, counts)| facets::facets(&cx.current(), counts, cx));
    // Open beside the table; folded on a phone (a media query, asked once the page is built).
    let panel = NodeRef::<leptos::html::Details>::new();
    Effect::new(move |_| {
        if let Some(details) = panel.get() {
            details.set_open(!narrow_screen());
        }
    });
    let active = move || {
        let n = state.with(ExploreState::active_filters);
        (n > 0).then(|| cdo_text::phrase::filters_active(lang, n))
    };
    view! {
            {notice}
            <div class="explore-layout">
                <aside class="facets" aria-labelledby="facets-title">
                    // Open beside the table; folded on a phone, where it would stand between
                    // the reader and the search and table. The count says what it hides.
                    <details class="facets-panel" open node_ref=panel>
                        <summary>
                            <h2 id="facets-title">{s.explore_filters}</h2>
                            <span class="facets-active">{active}</span>
                        </summary>
                        {facets}
                        <button type="button" class="button secondary" {..needs_app()} on:click=move |_| cx.go(ExploreState::default(), Write::Push)>{s.explore_reset}</button>
                    </details>
                </aside>
                <div class="explore-main">
                    <label for="explore-search" class="search-label">{s.explore_search}</label>
                    <input
                        id="explore-search"
                        type="search"
                        autocomplete="off"
                        // Blank, so that `:placeholder-shown` tells print an empty search.
                        placeholder=" "
                        value=state.with_untracked(|st| st.query.clone())
                        prop:value=move || state.with(|st| st.query.clone())
                        {..needs_app()}
                        on:input=search
                    />
                    <p class="count" role="status" aria-live="polite">{move || evaluated.with(|(hits, _)| cdo_text::phrase::results(lang, hits.len()))}</p>
                    // After the search, which a phone's first screen must show.
                    {crate::on_demand::time_control(at.into(), set_at, span, counts, lang)}
                    {downloads::downloads(cx, data.clone())}
                    // Without JavaScript the pager does not turn: where every entry is instead.
                    {without_js(move || view! {
                        <p class="notice">{s.needs_app_rows} " " <a href=Page::Overview.href(lang)>{s.needs_app_rows_link}</a></p>
                    })}
                    {table::table(cx, data)}
                </div>
            </div>
    }
}

/// True where the explorer's columns stack (style.css: `.explore-layout`, 48rem).
fn narrow_screen() -> bool {
    window()
        .match_media("(max-width: 48rem)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}
