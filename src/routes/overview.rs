//! The overview: every entity with its Land and headline model, each linking to its profile.

use cdo_model::search::name_order;
use cdo_model::{Loaded, Summary};
use cdo_text::{describe, Lang, Strings};
use leptos::prelude::*;

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
    data_page(
        HEAD,
        Box::new(|loaded, lang, s| overview(loaded, lang, s).into_any()),
    )
}

fn overview(loaded: &Loaded<Summary>, lang: Lang, s: &'static Strings) -> impl IntoView {
    let entities = name_order(&loaded.dataset.entities);
    let count = entities.len();
    let cards = entities.into_iter().map(|e| card(e, lang)).collect_view();
    view! {
        <div class="charts">
            {charts::models_chart(&loaded.dataset.entities, lang, s)}
            {charts::timeline_chart(&loaded.dataset.entities, lang, s)}
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
