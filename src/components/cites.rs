//! Citation marks ("[1]") that link a fact to its entry in the profile's source list.

use cdo_model::Entity;
use leptos::prelude::*;

use crate::i18n::use_strings;

/// The DOM id of a source in the profile's list.
pub fn source_anchor(source_id: &str) -> String {
    format!("src-{source_id}")
}

/// 1-based number of a source within its entity, as shown in the list.
pub fn source_number(entity: &Entity, source_id: &str) -> Option<usize> {
    entity.sources.iter().position(|s| s.id == source_id).map(|i| i + 1)
}

#[component]
pub fn Cites(entity: Entity, ids: Vec<String>) -> impl IntoView {
    let s = use_strings();
    let marks = ids
        .iter()
        .filter_map(|id| source_number(&entity, id).map(|n| (id.clone(), n)))
        .map(|(id, n)| {
            view! {
                <a class="cite" href=format!("#{}", source_anchor(&id))>
                    {format!("[{n}]")}
                </a>
            }
        })
        .collect_view();
    view! {
        <span class="cites">
            <span class="visually-hidden">{move || s().profile_cites}</span>
            {marks}
        </span>
    }
}
