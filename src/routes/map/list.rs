//! The map's list alternative (every entity with its model at the date shown, as links, each
//! with a pick box) and, at a date, the changes of the year before it (`Changes`).

use std::sync::Arc;

use cdo_model::map::Axis;
use cdo_model::time::{self, At};
use cdo_model::Standing;
use cdo_text::{Lang, Strings};
use leptos::prelude::*;

use super::Prepared;
use crate::paths;
use crate::picks::pick_toggle;

/// The list alternative: every entity with its model, title and holder at the date shown.
#[component]
pub(super) fn EntityList(data: Arc<Prepared>, lang: Lang, s: &'static Strings) -> impl IntoView {
    let order: Vec<usize> = {
        let by_name = cdo_model::search::name_order(&data.entities);
        by_name
            .into_iter()
            .filter_map(|e| data.entities.iter().position(|x| x.id == e.id))
            .collect()
    };
    let items = move || {
        let shown = data.shown.get();
        order
            .iter()
            .map(|&i| {
                let e = &shown.entities[i];
                let state = cdo_text::category(lang, Axis::Headline, Axis::Headline.category(e));
                let office = (e.standing() != Standing::NoPost).then(|| {
                    let holder = e.holder.clone().map(|h| view! { ", " {h} });
                    view! { ", " {e.model().title.clone()} {holder} }
                });
                view! {
                    <li data-id=e.id.clone()>
                        <a href=paths::entity(lang, &e.id)>{e.name.clone()}</a>
                        " — " {state} {office} " "
                        {pick_toggle(e.id.clone(), e.name.clone(), false)}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <details class="map-list">
            <summary>{s.map_list}</summary>
            <ul>{items}</ul>
        </details>
    }
}

/// At a date, what changed in the year before it: each entity whose post began, changed or
/// ended, from what to what, with a link to its profile. Nothing today.
#[component]
pub(super) fn Changes(data: Arc<Prepared>, lang: Lang) -> impl IntoView {
    let at = Memo::new({
        let data = data.clone();
        move |_| data.shown.with(|sh| sh.at)
    });
    move || {
        let at: At = at.get()?;
        let changes = time::changes_before(&data.entities, at);
        let items = changes
            .iter()
            .filter(|t| t.model_changed())
            .map(|t| {
                let e = &data.entities[t.entity];
                let from = cdo_text::phrase::state_at(lang, &t.from);
                let to = cdo_text::phrase::state_at(lang, &t.to);
                let text = cdo_text::phrase::time_change(lang, &e.name, from, to, t.date);
                view! { <li><a href=paths::entity(lang, &e.id)>{text}</a></li> }
            })
            .collect::<Vec<_>>();
        let list = if items.is_empty() {
            view! { <p>{lang.strings().time_changes_none}</p> }.into_any()
        } else {
            view! { <ul>{items}</ul> }.into_any()
        };
        Some(view! {
            <section class="map-changes" aria-labelledby="map-changes-title">
                <h2 id="map-changes-title">{cdo_text::phrase::time_changes(lang, at.date())}</h2>
                {list}
            </section>
        })
    }
}
