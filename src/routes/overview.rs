//! The overview: every entity with its Land and headline model, each linking to its profile.

use cdo_model::search::fold;
use cdo_model::Entity;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::components::badge::ModelBadge;
use crate::components::with_data::WithData;
use crate::i18n::{use_lang, use_strings};
use crate::paths;

#[component]
pub fn Overview() -> impl IntoView {
    let s = use_strings();
    view! {
        <Title text=move || s().nav_overview />
        <section class="page">
            <h1>{move || s().overview_title}</h1>
            <p class="lead">{move || s().overview_intro}</p>
            <WithData render=move |loaded| {
                let mut entities: Vec<&Entity> = loaded.dataset.entities.iter().collect();
                // German collation for names: Ä with A, ß as ss.
                entities.sort_by_cached_key(|e| fold(&e.name));
                let count = entities.len();
                let cards = entities.into_iter().map(|e| view! { <EntityCard entity=e.clone() /> }).collect_view();
                view! {
                    <p class="count">{count} " " {s().overview_count}</p>
                    <ul class="cards" data-testid="entity-list">{cards}</ul>
                }
            } />
        </section>
    }
}

#[component]
fn EntityCard(entity: Entity) -> impl IntoView {
    let lang = use_lang();
    let headline = entity.office.headline();
    let (land, kind) = (entity.land, entity.kind);
    view! {
        <li class="card">
            <h2 class="card-title"><A href=paths::entity(&entity.id)>{entity.name.clone()}</A></h2>
            <p class="card-meta">
                {move || cdo_text::kind(lang.get(), kind)} " · " {move || cdo_text::land(lang.get(), land)}
            </p>
            <ModelBadge headline />
            <p class="card-office">{entity.office.title.clone()}</p>
        </li>
    }
}
