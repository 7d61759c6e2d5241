//! The explorer's table: a header of sort buttons, one row per hit on the current page, and the
//! pager. On a wide screen each row is a table row; on a phone each is a card (style.css), and
//! each cell then shows its column's name (`data-label`).

use std::sync::Arc;

use cdo_model::explore::{Column, ExploreState};
use cdo_model::{Standing, Summary};
use cdo_text::{Lang, Strings};
use leptos::prelude::*;

use super::{Ctx, Prepared};
use crate::components::badge::standing_badge;
use crate::components::needs_app::{needs_app, note, PRERENDER};
use crate::paths;
use crate::picks::pick_toggle;
use crate::url_state::Write;

pub(super) fn table(cx: Ctx, data: Arc<Prepared>) -> impl IntoView {
    let Ctx {
        state,
        evaluated,
        lang,
        s,
        ..
    } = cx;
    let header = move || state.with(|st| header(cx, st));
    let page = Memo::new(move |_| {
        let total = evaluated.with(|(hits, _)| hits.len());
        state.with(|st| st.page_of(total))
    });
    // The rows are rebuilt for each change of the page's hits (not keyed: measured, a keyed
    // list cost more code than it saved; docs/PERFORMANCE.md).
    let rows = move || {
        let range = page.with(|p| p.range.clone());
        evaluated.with(|(hits, _)| {
            hits[range]
                .iter()
                .map(|&i| data.shown.with(|sh| row(&sh.entities[i], lang, s)))
                .collect_view()
        })
    };
    let pager = move || {
        let p = page.get();
        (p.count > 1).then(|| {
            let to = move |index: usize| {
                cx.go(ExploreState { page: index, ..cx.current() }, Write::Push);
                // The new page's rows start at the table, not where the pager was.
                if let Some(table) = document().get_element_by_id("explore-caption") {
                    table.scroll_into_view();
                }
            };
            view! {
                <nav class="pager" aria-label=s.explore_pages>
                    <button type="button" class="button secondary" disabled=p.index == 0 || PRERENDER aria-describedby=note() on:click=move |_| to(p.index - 1)>{s.explore_prev}</button>
                    <span aria-current="page">{cdo_text::phrase::page_of(lang, p.index, p.count)}</span>
                    <button type="button" class="button secondary" disabled=p.index + 1 == p.count || PRERENDER aria-describedby=note() on:click=move |_| to(p.index + 1)>{s.explore_next}</button>
                </nav>
            }
        })
    };
    let empty = move || evaluated.with(|(hits, _)| hits.is_empty());
    view! {
        <div class="empty-state" role="status" hidden=move || !empty()>
            <p>{s.explore_empty}</p>
            <button type="button" class="button" {..needs_app()} on:click=move |_| cx.go(ExploreState::default(), Write::Push)>{s.explore_reset}</button>
        </div>
        <div class="table-wrap" role="region" aria-labelledby="explore-caption" tabindex="0" hidden=empty>
            <table class="explore-table">
                <caption id="explore-caption"><span>{s.explore_table} " — " {s.explore_sort_hint}</span></caption>
                <thead><tr>{header}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {pager}
    }
}

/// One header cell per group of columns (`Column::GROUPS`), a sort button per column.
fn header(cx: Ctx, st: &ExploreState) -> Vec<AnyView> {
    let Ctx { lang, s, .. } = cx;
    let mut cells = Column::GROUPS
        .iter()
        .map(|group| {
            let aria = match (group.contains(&st.sort), st.descending) {
                (false, _) => "none",
                (true, false) => "ascending",
                (true, true) => "descending",
            };
            let buttons = group
                .iter()
                .enumerate()
                .map(|(i, &c)| {
                    let next = st.sorted_by(c);
                    let arrow = match (st.sort == c, st.descending) {
                        (false, _) => "",
                        (true, false) => " ▲",
                        (true, true) => " ▼",
                    };
                    view! {
                        <button type="button" class="sort" class:minor={i > 0} {..needs_app()} on:click=move |_| cx.go(next.clone(), Write::Push)>
                            {cdo_text::column(lang, c)}{arrow}
                        </button>
                    }
                })
                .collect_view();
            view! { <th scope="col" aria-sort=aria><span class="sorts">{buttons}</span></th> }
                .into_any()
        })
        .collect::<Vec<_>>();
    cells.push(view! { <th scope="col" class="pick-head">{s.nav_compare}</th> }.into_any());
    cells
}

fn row(e: &Summary, lang: Lang, s: &'static Strings) -> impl IntoView {
    let unknown = || s.unknown.to_owned();
    let model = e.model();
    let active = e.standing() == Standing::Active;
    let label = |c: Column| cdo_text::column(lang, c);
    let confirmed = cdo_text::confirmed_date(lang, e.confirmed).unwrap_or_else(unknown);
    view! {
        <tr>
            <th scope="row">
                <a href=paths::entity(lang, &e.id)>{e.name.clone()}</a>
                <span class="sub">{cdo_text::place(lang, e.kind, e.land)}</span>
            </th>
            <td data-label=label(Column::Model)>
                {standing_badge(e, lang)}
                {active.then(|| cdo_text::origin_note(lang, model).map(|o| view! { <span class="sub">{o}</span> }))}
            </td>
            <td class="office" data-label=label(Column::Office)>
                // With no post yet there is no office to name.
                {(e.standing() != Standing::NoPost).then(|| model.title.clone())}
                {active.then(|| view! { <span class="sub">{cdo_text::holder_note(lang, e.holder.as_deref())}</span> })}
                {e.ended.map(|d| view! { <span class="sub">{cdo_text::ended(lang, d)}</span> })}
            </td>
            <td data-label=label(Column::Since)>{e.since.map_or_else(unknown, |d| cdo_text::date(lang, d))}</td>
            <td data-label=label(Column::Population) class="num">{e.population.map_or_else(unknown, |p| cdo_text::number(lang, p))}</td>
            <td data-label=label(Column::Confirmed)>
                {confirmed}
                {e.may_be_stale().then(|| view! { <span class="sub stale">{s.profile_stale}</span> })}
            </td>
            <td class="pick-cell">{pick_toggle(e.id.clone(), e.name.clone(), false)}</td>
        </tr>
    }
}
