//! The explorer's facets: a checkbox per value with its live count, and the year range. Each
//! control leads to the state its change makes (`ExploreState`), the page navigates to it.

use cdo_model::explore::{ExploreState, FacetCounts, SizeClass};
use cdo_model::{Form, Headline, Land, Origin};
use leptos::prelude::*;

use super::Ctx;
use crate::components::needs_app::needs_app;
use crate::url_state::Write;

/// The facet checkboxes with live counts (each facet counts as if only it were unrestricted).
pub(super) fn facets(st: &ExploreState, counts: &FacetCounts, cx: Ctx) -> impl IntoView {
    let Ctx { lang, s, .. } = cx;
    let mut groups = Vec::new();
    let mut group = |title: &'static str, options: Vec<(String, usize, bool, ExploreState)>| {
        let items = options
            .into_iter()
            .filter(|(_, count, checked, _)| *count > 0 || *checked)
            .map(|(label, count, checked, next)| {
                view! {
                    <li>
                        <label>
                            <input type="checkbox" {..needs_app()} checked=checked prop:checked=checked on:change=move |_| cx.go(next.clone(), Write::Push) />
                            <span>{label}</span>
                            <span class="legend-count">{count}</span>
                        </label>
                    </li>
                }
            })
            .collect_view();
        groups.push(
            view! { <fieldset class="facet"><legend>{title}</legend><ul>{items}</ul></fieldset> },
        );
    };
    /// The options of one facet: label, live count, ticked, and the state its toggle leads to.
    fn options<T: PartialEq + Ord + Clone>(
        st: &ExploreState,
        values: &[T],
        counts: &[usize],
        label: impl Fn(&T) -> String,
        field: fn(&mut ExploreState) -> &mut Vec<T>,
    ) -> Vec<(String, usize, bool, ExploreState)> {
        values
            .iter()
            .zip(counts)
            .map(|(v, &count)| {
                let mut next = st.clone();
                let list = field(&mut next);
                let ticked = list.contains(v);
                *list = cdo_model::toggled(list, v);
                (label(v), count, ticked, next)
            })
            .collect()
    }
    let origins: Vec<Option<Origin>> = Origin::ALL
        .iter()
        .copied()
        .map(Some)
        .chain([None])
        .collect();
    group(
        s.facet_model,
        options(
            st,
            &Headline::ALL,
            &counts.headline,
            |h| cdo_text::headline(lang, *h).to_owned(),
            |st| &mut st.headlines,
        ),
    );
    group(
        s.facet_origin,
        options(
            st,
            &origins,
            &counts.origin,
            |o| {
                o.map_or(s.map_origin_unknown, |o| cdo_text::origin(lang, o))
                    .to_owned()
            },
            |st| &mut st.origins,
        ),
    );
    group(
        s.facet_form,
        options(
            st,
            Form::ALL,
            &counts.form,
            |f| cdo_text::form(lang, *f).to_owned(),
            |st| &mut st.forms,
        ),
    );
    group(
        s.facet_land,
        options(
            st,
            &Land::ALL,
            &counts.land,
            |l| cdo_text::land(lang, *l).to_owned(),
            |st| &mut st.laender,
        ),
    );
    group(
        s.facet_size,
        options(
            st,
            &SizeClass::ALL,
            &counts.size,
            |c| cdo_text::size_class(lang, *c).to_owned(),
            |st| &mut st.sizes,
        ),
    );

    // Values are also attributes (`checked`, `value`), so that the pre-render draws them.
    let year_input = move |id: &'static str,
                           label: &'static str,
                           value: Option<u16>,
                           set: fn(&mut ExploreState, Option<u16>),
                           st: ExploreState| {
        view! {
            <label class="year" for=id>{label}</label>
            <input
                id=id
                type="number"
                inputmode="numeric"
                min="1990"
                max="2100"
                value=value.map(|v| v.to_string()).unwrap_or_default()
                prop:value=value.map(|v| v.to_string()).unwrap_or_default()
                {..needs_app()}
                on:change=move |ev| {
                    let mut next = st.clone();
                    set(&mut next, event_target_value(&ev).trim().parse().ok());
                    cx.go(next, Write::Push);
                }
            />
        }
    };
    let years = view! {
        <fieldset class="facet">
            <legend>{s.facet_year}</legend>
            {year_input("year-from", s.facet_year_from, st.from_year, |st, v| st.from_year = v, st.clone())}
            {year_input("year-to", s.facet_year_to, st.to_year, |st, v| st.to_year = v, st.clone())}
        </fieldset>
    };
    (groups, years)
}
