//! The overview: every entity with its Land and headline model, each linking to its profile;
//! the charts, among them the models year by year with the year of `at` outlined (issue #23).

use cdo_model::charts::OverviewState;
use cdo_model::search::name_order;
use cdo_model::time::{At, Span};
use cdo_model::{Loaded, Summary};
use cdo_text::{describe, Lang, Strings};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::badge::model_badge;
use crate::components::charts;
use crate::components::with_data::{data_page, PageHead};
use crate::data::use_index;
use crate::head::use_head;
use crate::i18n::use_strings;
use crate::paths;

/// The overview's section class, heading and introduction.
pub const HEAD: PageHead = PageHead {
    class: "page",
    text: |s| [s.overview_title, s.overview_intro],
};

#[component]
pub fn Overview() -> impl IntoView {
    let s = use_strings();
    use_head(
        move || s().nav_overview.to_owned(),
        |lang| {
            untrack(|| {
                Some(describe::overview(
                    lang,
                    &use_index().loaded()?.dataset.entities,
                ))
            })
        },
    );
    // Read only: the overview never writes its address (a link or the address bar sets `at`),
    // so the query is read where it is drawn, without `use_url_state`'s machinery (a generic
    // instantiation of its own in the main module).
    let query = use_query_map();
    data_page(
        HEAD,
        Box::new(move |loaded, lang, s| {
            let (state, bad) = query.with(|q| OverviewState::from_query(|k| q.get(k)));
            overview(loaded, state, bad, lang, s).into_any()
        }),
    )
}

fn overview(
    loaded: &Loaded<Summary>,
    state: OverviewState,
    mut bad: Vec<&'static str>,
    lang: Lang,
    s: &'static Strings,
) -> impl IntoView {
    let list = &loaded.dataset.entities;
    // The data's Stand is "today": the pre-render and the app draw the same years.
    let today = loaded.dataset.as_of;
    let at: Option<At> = Span::of(list, today).admit(state.at, &mut bad);
    let notice = (!bad.is_empty()).then(|| {
        view! { <p class="notice" role="status">{cdo_text::phrase::bad_params(lang, &bad)}</p> }
    });
    let entities = name_order(list);
    let count = entities.len();
    let cards = entities.into_iter().map(|e| card(e, lang)).collect_view();
    view! {
        {notice}
        <div class="charts">
            {charts::models_chart(list, lang, s)}
            {charts::timeline_chart(list, lang, s)}
            {crate::on_demand::years_chart(at, lang, s)}
        </div>
        <p class="count">{cdo_text::phrase::entry_count(lang, count)}</p>
        <ul class="cards" data-testid="entity-list">{cards}</ul>
    }
}

fn card(e: &Summary, lang: Lang) -> impl IntoView {
    view! {
        <li class="card">
            <h2 class="card-title"><a href=paths::entity(lang, &e.id)>{e.name.clone()}</a></h2>
            <p class="card-meta">{cdo_text::kind(lang, e.kind)} " · " {cdo_text::land_of(lang, e.land)}</p>
            {model_badge(e.model().headline(), lang)}
            <p class="card-office">{e.model().title.clone()}</p>
        </li>
    }
}
