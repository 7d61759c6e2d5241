//! The explorer: every entity in a sortable table, narrowed by facets with live counts and a
//! free-text search. All state is in the URL (`cdo_model::explore::ExploreState`); facet and sort
//! changes are history entries, typing in the search rewrites the current one.

mod facets;

use std::sync::Arc;

use cdo_model::explore::{index, Column, ExploreState, Row};
use cdo_model::{Entity, Loaded, Summary};
use cdo_text::{Lang, Strings};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::badge::model_badge;
use crate::components::with_data::{data_page, PageHead};
use crate::data::{peek_dataset, Load};
use crate::head::use_title;
use crate::i18n::{use_lang, use_strings};
use crate::paths::{self, Page};
use crate::picks::pick_toggle;
use facets::facets;

/// The explorer's section class, heading and introduction (also shown while its code loads).
pub const HEAD: PageHead = PageHead {
    class: "page explore",
    text: |s| [s.explore_title, s.explore_intro],
};

#[component]
pub fn ExplorePage() -> impl IntoView {
    let s = use_strings();
    use_title(move || s().nav_explore.to_owned());
    let query = use_query_map();
    let state = Memo::new(move |_| ExploreState::from_query(|k| query.read().get(k)));
    let navigate = use_navigate();
    let lang = use_lang();
    let go = StoredValue::new(move |next: ExploreState, push: bool| {
        let url = paths::with_query(lang.get_untracked(), Page::Explore, &next.to_query());
        navigate(
            &url,
            NavigateOptions {
                replace: !push,
                scroll: false,
                ..Default::default()
            },
        );
    });
    // Any change but the page's own starts at the first page (`ExploreState::then`).
    let go = move |next: ExploreState, push: bool| {
        let next = state.with_untracked(|(st, _)| st.then(next));
        go.with_value(|f| f(next, push))
    };
    data_page(
        HEAD,
        Box::new(move |loaded, lang, s| explorer(loaded, lang, s, state, go).into_any()),
    )
}

struct Prepared {
    entities: Vec<Summary>,
    rows: Vec<Row>,
}

fn explorer(
    loaded: &Loaded<Summary>,
    lang: Lang,
    s: &'static Strings,
    state: Memo<(ExploreState, Vec<&'static str>)>,
    go: impl Fn(ExploreState, bool) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let entities = loaded.dataset.entities.clone();
    let rows = index(&entities);
    let data = Arc::new(Prepared { entities, rows });
    let current = move || state.with(|(st, _)| st.clone());

    let notice = move || {
        state.with(|(_, bad)| {
            (!bad.is_empty()).then(|| {
                view! { <p class="notice" role="status">{format!("{} {}", s.map_bad_params, bad.join(", "))}</p> }
            })
        })
    };

    let search = move |ev: ev::Event| {
        go(
            ExploreState {
                query: event_target_value(&ev),
                ..current()
            },
            false,
        );
    };

    let d = data.clone();
    // Filtering and the facet counts in one pass per state change.
    // The sort order only changes with the sort, so a keystroke filters a sorted list.
    let sort = Memo::new(move |_| state.with(|(st, _)| (st.sort, st.descending)));
    let order = Memo::new(move |_| {
        // `.get()`, not `.track()`: in leptos 0.8.23 a memo's `track()` inside another memo did
        // not subscribe it (the table ignored sort clicks; caught by the e2e sort test).
        let _sort = sort.get();
        state.with_untracked(|(st, _)| Arc::new(st.order(&d.entities, &d.rows)))
    });
    let d = data.clone();
    let evaluated = Memo::new(move |_| {
        order.with(|order| state.with(|(st, _)| st.evaluate_in(order, &d.entities, &d.rows)))
    });

    let facets = move || evaluated.with(|(_, counts)| facets(&current(), counts, lang, s, go));

    // The header only changes with the sort; the rows are keyed by entity, so a keystroke that
    // narrows the search keeps the rows still shown instead of rebuilding all of them.
    let header = move || {
        let st = current();
        let mut cells = Column::ALL
            .iter()
            .map(|&c| {
                let sorted = st.sort == c;
                let aria = match (sorted, st.descending) {
                    (false, _) => "none",
                    (true, false) => "ascending",
                    (true, true) => "descending",
                };
                let next = ExploreState {
                    sort: c,
                    descending: sorted && !st.descending,
                    ..st.clone()
                };
                let arrow = match aria {
                    "ascending" => " ▲",
                    "descending" => " ▼",
                    _ => "",
                };
                view! {
                    <th scope="col" aria-sort=aria>
                        <button type="button" class="sort" on:click=move |_| go(next.clone(), true)>
                            {cdo_text::column(lang, c)}{arrow}
                        </button>
                    </th>
                }
                .into_any()
            })
            .collect::<Vec<_>>();
        cells.push(view! { <th scope="col">{s.nav_compare}</th> }.into_any());
        cells
    };
    let page = Memo::new(move |_| {
        let total = evaluated.with(|(hits, _)| hits.len());
        state.with(|(st, _)| st.page_of(total))
    });
    let shown = move || {
        let range = page.with(|p| p.range.clone());
        evaluated.with(|(hits, _)| hits[range].to_vec())
    };
    let d = data.clone();
    let rows = move || {
        shown()
            .into_iter()
            .map(|i| row(&d.entities[i], lang, s))
            .collect_view()
    };
    let pager = move || {
        let p = page.get();
        (p.count > 1).then(|| {
            let to = move |index: usize| {
                go(ExploreState { page: index, ..current() }, true);
                // The new page's rows start at the table, not where the pager was.
                if let Some(table) = document().get_element_by_id("explore-caption") {
                    table.scroll_into_view();
                }
            };
            view! {
                <nav class="pager" aria-label=s.explore_pages>
                    <button type="button" class="button secondary" disabled=p.index == 0 on:click=move |_| to(p.index - 1)>{s.explore_prev}</button>
                    <span aria-current="page">{format!("{} {} {} {}", s.explore_page, p.index + 1, s.explore_of, p.count)}</span>
                    <button type="button" class="button secondary" disabled=p.index + 1 == p.count on:click=move |_| to(p.index + 1)>{s.explore_next}</button>
                </nav>
            }
        })
    };
    let empty = move || evaluated.with(|(hits, _)| hits.is_empty());
    let table = view! {
        <div class="empty-state" role="status" hidden=move || !empty()>
            <p>{s.explore_empty}</p>
            <button type="button" class="button" on:click=move |_| go(ExploreState::default(), true)>{s.explore_reset}</button>
        </div>
        <div class="table-wrap" role="region" aria-labelledby="explore-caption" tabindex="0" hidden=empty>
            <table class="explore-table">
                <caption id="explore-caption"><span>{s.explore_table} " — " {s.explore_sort_hint}</span></caption>
                <thead><tr>{header}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {pager}
    };

    // Downloads: every hit of the current view (all pages), in its order, in full — from the
    // dataset, which the explorer asks for only when a download does.
    let dataset = peek_dataset();
    let d = data.clone();
    let export = move |format: Format, full: &Loaded| {
        let location = window().location();
        let origin = cdo_text::export::Origin {
            view_url: &location.href().unwrap_or_default(),
            site: &location.origin().unwrap_or_default(),
        };
        // The index is written from the dataset, entity for entity: the same position holds the
        // same entity, unless the two files come from different versions.
        let all = &full.dataset.entities;
        let find = |s: &Summary, i: usize| {
            all.get(i)
                .filter(|e| e.id == s.id)
                .or_else(|| all.iter().find(|e| e.id == s.id))
        };
        let picked: Vec<&Entity> = evaluated.with_untracked(|(hits, _)| {
            hits.iter()
                .filter_map(|&i| find(&d.entities[i], i))
                .collect()
        });
        let meta = &full.dataset;
        let (text, mime, ext) = match format {
            Format::Csv => (
                cdo_text::export::csv(lang, meta, &picked, &origin),
                "text/csv;charset=utf-8",
                "csv",
            ),
            Format::Json => (
                cdo_text::export::json(lang, meta, &picked, &origin),
                "application/json",
                "json",
            ),
        };
        crate::download::save_text(&format!("cdo-atlas-{}.{ext}", meta.as_of), mime, &text);
    };
    let export = Arc::new(export);
    // A download asked for while the dataset loads; done once it has.
    let pending = RwSignal::new(None::<Format>);
    let failed = RwSignal::new(None::<String>);
    let when_loaded = export.clone();
    Effect::new(move |_| {
        let Some(format) = pending.get() else { return };
        match dataset.get().as_deref() {
            None => {}
            Some(Ok(full)) => {
                pending.set(None);
                failed.set(None);
                when_loaded(format, full);
            }
            Some(Err(e)) => {
                pending.set(None);
                failed.set(Some(e.message(lang)));
            }
        }
    });
    let download = move |format: Format| match dataset.get_untracked().as_deref() {
        // Loaded: saved at once, still within the click.
        Some(Ok(full)) => export(format, full),
        // Loading: saved once it is there. Never asked for, or failed: asked for (again).
        loading => {
            if loading.is_some() || !dataset.asked() {
                dataset.load();
            }
            pending.set(Some(format));
        }
    };
    let status = move || {
        let text = match (pending.get(), failed.get()) {
            (Some(_), _) => s.loading.to_owned(),
            (None, Some(reason)) => reason,
            (None, None) => return None,
        };
        Some(view! { <span class="download-status">" " {text}</span> })
    };
    let download = StoredValue::new(download);
    let downloads = view! {
        <p class="downloads">
            {s.download_view} " "
            <button type="button" class="button secondary" on:click=move |_| download.with_value(|f| f(Format::Csv))>{s.download_csv}</button>
            " "
            <button type="button" class="button secondary" on:click=move |_| download.with_value(|f| f(Format::Json))>{s.download_json}</button>
            <span role="status">{status}</span>
        </p>
    };

    let active = move || {
        let n = state.with(|(st, _)| st.active_filters());
        (n > 0).then(|| format!("{n} {}", s.explore_filters_active))
    };
    view! {
            {notice}
            <div class="explore-layout">
                <aside class="facets" aria-labelledby="facets-title">
                    // Open beside the table; folded on a phone, where it would stand between
                    // the reader and the search and table. The count says what it hides.
                    <details class="facets-panel" open=!narrow_screen()>
                        <summary>
                            <h2 id="facets-title">{s.explore_filters}</h2>
                            <span class="facets-active">{active}</span>
                        </summary>
                        {facets}
                        <button type="button" class="button secondary" on:click=move |_| go(ExploreState::default(), true)>{s.explore_reset}</button>
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
                        prop:value=move || state.with(|(st, _)| st.query.clone())
                        on:input=search
                    />
                    <p class="count" role="status" aria-live="polite">{move || evaluated.with(|(hits, _)| hits.len())} " " {s.explore_results}</p>
                    {downloads}
                    {table}
                </div>
            </div>
    }
}

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Json,
}

fn row(e: &Summary, lang: Lang, s: &'static Strings) -> impl IntoView {
    let unknown = || s.unknown.to_owned();
    view! {
        <tr>
            <th scope="row"><a href=paths::entity(lang, &e.id)>{e.name.clone()}</a></th>
            <td>{cdo_text::land_of(lang, e.land)}</td>
            <td>{cdo_text::kind(lang, e.kind)}</td>
            <td>{model_badge(e.model().headline(), lang)}</td>
            <td>{e.model().origin.map_or_else(unknown, |o| cdo_text::origin(lang, o).to_owned())}</td>
            <td>{cdo_text::form(lang, e.model().form)}</td>
            <td>{e.model().title.clone()}</td>
            <td>{e.since.map_or_else(unknown, |d| cdo_text::date(lang, d))}</td>
            <td class="num">{e.population.map_or_else(unknown, |p| cdo_text::number(lang, p))}</td>
            <td>{e.holder.clone().unwrap_or_else(unknown)}</td>
            <td class="pick-cell">{pick_toggle(e.id.clone(), e.name.clone(), false)}</td>
        </tr>
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
