//! The map's list alternative: every entity with its model, as links, each with a pick box.

use std::sync::Arc;

use cdo_text::{Lang, Strings};
use leptos::prelude::*;

use super::Prepared;
use crate::paths;
use crate::picks::pick_toggle;

/// The list alternative: every entity with its model, as links.
#[component]
pub(super) fn EntityList(data: Arc<Prepared>, lang: Lang, s: &'static Strings) -> impl IntoView {
    let entities = cdo_model::search::name_order(&data.entities);
    let items = entities
        .into_iter()
        .map(|e| {
            view! {
                <li>
                    <a href=paths::entity(lang, &e.id)>{e.name.clone()}</a>
                    " — " {cdo_text::headline(lang, e.model().headline())} " "
                    {pick_toggle(e.id.clone(), e.name.clone(), false)}
                </li>
            }
        })
        .collect_view();
    view! {
        <details class="map-list">
            <summary>{s.map_list}</summary>
            <ul>{items}</ul>
        </details>
    }
}
