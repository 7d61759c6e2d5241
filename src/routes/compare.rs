//! Compare: two to four entities side by side, every dimension a row, differing rows marked
//! (colour and a "≠" sign), an "only differences" switch. The ids and the switch are in the URL
//! (`/compare?ids=darmstadt,hamburg&diff=1`); unknown ids and a fifth entity give a notice.
//! At a date (issue #23): `at` for every column, or a column's own (`ids=saarland@2019,saarland`,
//! the same entity then and today), each column the entity as the data knew it then.

use cdo_model::compare::{CompareState, AT_SEPARATOR, MAX_COMPARED};
use cdo_model::search::name_order;
use cdo_model::time::Span;
use cdo_model::{Entity, Loaded, PartialDate};
use cdo_text::{describe, present};
use cdo_text::{Lang, Strings};
use leptos::prelude::*;

use crate::components::needs_app::needs_app;
use crate::components::with_data::{details_page, PageHead};
use crate::data::{use_index, Index};
use crate::head::use_head;
use crate::i18n::use_strings;
use crate::paths::{self, Page};
use crate::url_state::{use_url_state, Write};

/// The comparison page's section class, heading and introduction (also shown while its code loads).
pub const HEAD: PageHead = PageHead {
    class: "page compare",
    text: |s| [s.compare_title, s.compare_intro],
};

#[component]
pub fn ComparePage() -> impl IntoView {
    let s = use_strings();
    use_head(
        move || s().compare_title.to_owned(),
        |lang| Some(describe::compare(lang)),
    );
    let url = use_url_state::<CompareState>(Page::Compare);
    let (state, bad) = (url.state, url.bad);
    let go = move |next: CompareState| url.set.run((next, Write::Push));
    let index = use_index();
    details_page(
        HEAD,
        Box::new(move |loaded, lang, s| {
            compare(loaded, index, &state.get(), bad.get(), lang, s, go).into_any()
        }),
    )
}

fn compare(
    loaded: &Loaded,
    index: Index,
    st: &CompareState,
    mut bad: Vec<&'static str>,
    lang: Lang,
    s: &'static Strings,
    go: impl Fn(CompareState) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let entities = &loaded.dataset.entities;
    // The index (loaded first) knows the data's years: a date outside them shows today.
    let listed = index.get();
    let summaries = match listed.as_deref() {
        Some(Ok(index)) => &index.dataset.entities[..],
        _ => &[],
    };
    let at = if summaries.is_empty() {
        st.at
    } else {
        Span::of(summaries, loaded.dataset.as_of).admit(st.at, &mut bad)
    };
    let st = &CompareState { at, ..st.clone() };
    let resolved = st.resolve(entities);
    let chosen: Vec<&Entity> = resolved.indices.iter().map(|&i| &entities[i]).collect();
    let columns: Vec<(&Entity, Option<PartialDate>)> = chosen
        .iter()
        .zip(&resolved.dates)
        .map(|(e, d)| (*e, d.map(|d| d.date())))
        .collect();
    let mut notices = Vec::new();
    if !bad.is_empty() {
        notices.push(cdo_text::phrase::bad_params(lang, &bad));
    }
    if !resolved.unknown.is_empty() {
        notices.push(cdo_text::phrase::compare_unknown(lang, &resolved.unknown));
    }
    if !resolved.trimmed.is_empty() {
        notices.push(cdo_text::phrase::compare_trimmed(lang, &resolved.trimmed));
    }
    let notices = notices
        .into_iter()
        .map(|n| view! { <p class="notice" role="status">{n}</p> })
        .collect_view();

    // The add control lists what is not compared yet, in overview order (from the index, which
    // has the names and loads first).
    let addable = name_order(summaries.iter().filter(|e| !st.ids.contains(&e.id)));
    let options = addable
        .iter()
        .map(|e| view! { <option value=e.id.clone()>{e.name.clone()}</option> })
        .collect_view();
    let picked = RwSignal::new(addable.first().map(|e| e.id.clone()).unwrap_or_default());
    let current = st.clone();
    let add = move |_| {
        let id = picked.get_untracked();
        if !id.is_empty() {
            go(current.with(&id));
        }
    };
    let current = st.clone();
    let toggle_diff = move |_| {
        go(CompareState {
            only_differences: !current.only_differences,
            ..current.clone()
        })
    };

    let table = (!chosen.is_empty()).then(|| {
        let head = columns
            .iter()
            .zip(&resolved.keys)
            .map(|((e, date), key)| {
                let without = st.without(key);
                // A column's own date, if not the page's.
                let own = date.filter(|_| key.contains(AT_SEPARATOR)).map(|d| {
                    view! { <span class="column-at">{cdo_text::phrase::as_of_date(lang, d)}</span> }
                });
                view! {
                    <th scope="col">
                        <a href=paths::entity(lang, &e.id)>{e.name.clone()}</a>
                        {own}
                        <button type="button" class="remove" aria-label=cdo_text::phrase::compare_remove(lang, &e.name) {..needs_app()} on:click=move |_| go(without.clone())>"×"</button>
                    </th>
                }
            })
            .collect_view();
        let rows = present::compare_at(&columns, lang)
            .into_iter()
            .filter(|r| !st.only_differences || r.differs)
            .map(|r| {
                let missing = if r.not_stated { s.not_stated } else { s.unknown };
                let cells = r
                    .values
                    .into_iter()
                    .map(|v| match v {
                        Some(t) => view! { <td>{t}</td> }.into_any(),
                        None => view! { <td class="unknown">{missing}</td> }.into_any(),
                    })
                    .collect_view();
                let marker = r.differs.then(|| view! { <span aria-hidden="true">" ≠"</span><span class="visually-hidden">" " {s.compare_differs}</span> });
                view! { <tr class=if r.differs { "differs" } else { "" }><th scope="row">{r.label}{marker}</th>{cells}</tr> }
            })
            .collect_view();
        view! {
            <div class="table-wrap" role="region" aria-labelledby="compare-caption" tabindex="0">
                <table class="compare-table">
                    <caption id="compare-caption">{cdo_text::phrase::compare_caption(lang, at.map(|a| a.date()))}</caption>
                    <thead><tr><th scope="col">{s.compare_dimension}</th>{head}</tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    let prompt = (chosen.len() < 2).then(|| view! { <p class="lead">{s.compare_empty}</p> });
    let can_add = chosen.len() < MAX_COMPARED && !addable.is_empty();

    view! {
            {notices}
            {prompt}
            <div class="compare-controls">
                <label class="toggle">
                    // Also the attribute, so that the pre-render draws it.
                    <input type="checkbox" checked=st.only_differences prop:checked=st.only_differences {..needs_app()} on:change=toggle_diff />
                    {s.compare_only_diff}
                </label>
                {can_add.then(|| view! {
                    <label for="compare-add">{s.compare_add}</label>
                    <select id="compare-add" {..needs_app()} on:change=move |ev| picked.set(event_target_value(&ev))>{options}</select>
                    <button type="button" class="button" {..needs_app()} on:click=add>{s.compare_add_button}</button>
                })}
            </div>
            {table}
    }
}
