//! Citation marks ("[1]") that link a fact to its entry in the profile's source list.

use cdo_model::Entity;
use cdo_text::Strings;
use leptos::prelude::*;

/// The DOM id of a source in the profile's list.
pub fn source_anchor(source_id: &str) -> String {
    format!("src-{source_id}")
}

/// The marks for the sources `ids` of `entity`, numbered as in its source list.
pub fn cites(entity: &Entity, ids: &[String], s: &'static Strings) -> impl IntoView {
    let marks = ids
        .iter()
        .filter_map(|id| {
            let n = entity.sources.iter().position(|src| &src.id == id)? + 1;
            Some(view! { <a class="cite" href=format!("#{}", source_anchor(id))>{format!("[{n}]")}</a> })
        })
        .collect_view();
    view! { <span class="cites"><span class="visually-hidden">{s.profile_cites}</span>{marks}</span> }
}
