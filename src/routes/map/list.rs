//! The map's list alternative (every entity with its model at the date shown, as links, each
//! with a pick box) and, at a date, the changes of the year before it (`Changes`).

use std::sync::Arc;

use cdo_model::map::Axis;
use cdo_model::time::At;
use cdo_model::Standing;
use cdo_text::{Lang, Strings};
use leptos::prelude::*;

use super::{Prepared, Shown};

/// The changes of a year shown before the rest is folded.
const CHANGES_SHOWN: usize = 12;

/// Whether the `<details>` a `toggle` event comes from is open now.
fn is_open(ev: &leptos::ev::Event) -> bool {
    event_target::<web_sys::HtmlDetailsElement>(ev).open()
}
use crate::paths;
use crate::picks::pick_toggle;

/// The list alternative: every entity with its model, title and holder at the date shown.
#[component]
pub(super) fn EntityList(data: Arc<Prepared>, lang: Lang, s: &'static Strings) -> impl IntoView {
    let order: Vec<usize> = {
        let by_name = cdo_model::search::name_order(data.entities.iter());
        by_name
            .into_iter()
            .filter_map(|e| data.entities.iter().position(|x| x.id == e.id))
            .collect()
    };
    // Drawn while open only: a date's change then redraws nothing no one sees (10,000 entities
    // are 10,000 items); the pre-render draws it, for a reader without JavaScript to open.
    let open = RwSignal::new(cfg!(feature = "ssr"));
    let items = move || {
        if !open.get() {
            return None;
        }
        let shown = data.shown.get();
        let items = order
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
            .collect_view();
        Some(items)
    };
    view! {
        <details class="map-list" on:toggle=move |ev| open.set(is_open(&ev))>
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
        let shown = data.shown.get();
        let entities = data.clone();
        let list_of = move |shown: &Shown, range: std::ops::Range<usize>| {
            shown.changes[range]
                .iter()
                .map(|c| {
                    let e = &entities.entities[c.entity];
                    let label = |c| cdo_text::category(lang, Axis::Headline, c);
                    let text = cdo_text::phrase::time_change(
                        lang,
                        &e.name,
                        label(c.from),
                        label(c.to),
                        c.date,
                    );
                    view! { <li><a href=paths::entity(lang, &e.id)>{text}</a></li> }
                })
                .collect_view()
        };
        // A long list (many entities, or a year of many changes) shows its first items; the
        // rest is folded and drawn once opened.
        let total = shown.changes.len();
        let list = if total == 0 {
            view! { <p>{lang.strings().time_changes_none}</p> }.into_any()
        } else {
            let first = list_of(&shown, 0..total.min(CHANGES_SHOWN));
            let more = (total > CHANGES_SHOWN).then(|| {
                let open = RwSignal::new(cfg!(feature = "ssr"));
                let summary = cdo_text::phrase::more_changes(lang, total - CHANGES_SHOWN);
                let list_of = list_of.clone();
                let rest = move || open.get().then(|| list_of(&shown, CHANGES_SHOWN..total));
                view! {
                    <details class="map-changes-more" on:toggle=move |ev| open.set(is_open(&ev))>
                        <summary>{summary}</summary>
                        <ul>{rest}</ul>
                    </details>
                }
            });
            view! { <ul>{first}</ul> {more} }.into_any()
        };
        Some(view! {
            <section class="map-changes" aria-labelledby="map-changes-title">
                <h2 id="map-changes-title">{cdo_text::phrase::time_changes(lang, at.date())}</h2>
                {list}
            </section>
        })
    }
}
