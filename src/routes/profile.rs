//! One entity's profile: model, office, holders, earlier arrangements, reporting line, context,
//! interview and sources.
//! The wording comes ready-made from `cdo_text::present`; this view only places it.

use cdo_model::compare::{then_year, CompareState};
use cdo_model::geo;
use cdo_model::map::{MapState, View};
use cdo_model::search::name_order;
use cdo_model::time::At;
use cdo_model::{Entity, PartialDate, Summary};
use cdo_text::describe;
use cdo_text::present::{self, Cite, Line};
use cdo_text::{Lang, Strings};
use leptos::prelude::*;

use crate::components::badge::model_badge;
use crate::components::with_data::{with_data, with_details};
use crate::data::use_index;
use crate::head::use_head;
use crate::i18n::use_strings;
use crate::paths::{self, Page};
use crate::picks::pick_toggle;
use crate::routes::not_found;

#[component]
pub fn Profile(id: String) -> impl IntoView {
    let id = StoredValue::new(id);
    let id = move || id.get_value();
    let data = use_index();
    let s = use_strings();
    use_head(
        move || {
            let id = id();
            let name = data
                .loaded()
                .and_then(|l| Some(l.dataset.entity(&id)?.name.clone()));
            name.unwrap_or_else(|| s().not_found_title.to_owned())
        },
        move |lang| {
            untrack(|| match data.loaded()?.dataset.entity(&id()) {
                Some(e) => Some(describe::profile(lang, e)),
                None => Some(describe::not_found(lang)),
            })
        },
    );
    with_data(Box::new(move |loaded, lang, s| {
        match loaded.dataset.entity(&id()) {
            Some(entity) => profile(entity, &loaded.dataset, lang, s).into_any(),
            None => not_found(lang, s, &id()).into_any(),
        }
    }))
}

/// The heading and the model from the index, drawn at once; the rest from the dataset (the
/// model's facts with their sources first) once it is there, and the onward links with it, so
/// that nothing drawn earlier moves.
fn profile(
    summary: &Summary,
    index: &cdo_model::Dataset<Summary>,
    lang: Lang,
    s: &'static Strings,
) -> impl IntoView {
    let onward = Onward::of(&index.entities, summary, index.as_of);
    // The newest change of the data that added or changed this entry (the changelog is newest
    // first), for a link to "Was ist neu".
    let changed = index
        .changes
        .iter()
        .find(|c| c.concerns(&summary.id))
        .map(|c| (c.version, c.date));
    // The model and its explanation need only the index: drawn with the heading (the
    // explanation is the page's largest text, what LCP measures).
    let headline = summary.model().headline();
    let id = summary.id.clone();
    let details = with_details(Box::new(move |full, lang, s| {
        let as_of = full.dataset.as_of;
        let found = full
            .dataset
            .entity(&id)
            .map(|e| details(e, as_of, changed, lang, s));
        let found = found.map_or_else(
            || view! { <p class="notice" role="status">{s.profile_missing}</p> }.into_any(),
            IntoAny::into_any,
        );
        (found, onward.view(lang, s)).into_any()
    }));
    view! {
        <article class="page profile">
            <p class="breadcrumb"><a href=Page::Overview.href(lang)>{s.profile_back}</a></p>
            <h1>{summary.name.clone()}</h1>
            <p class="card-meta">{cdo_text::kind(lang, summary.kind)} " · " {cdo_text::land_of(lang, summary.land)}</p>
            <section aria-labelledby="model-title" class="model">
                <h2 id="model-title">{s.profile_model}</h2>
                <p>{model_badge(headline, lang)}</p>
                <p>{cdo_text::headline_explained(lang, headline)}</p>
            </section>
            {details}
        </article>
    }
}

/// Everything the profile shows of `e` below its model, and how to cite it (`as_of` is the
/// dataset's "Stand"; `changed`, the version and day of the newest change of the data to this
/// entry, if the changelog names one).
fn details(
    e: &Entity,
    as_of: PartialDate,
    changed: Option<(Option<cdo_model::DataVersion>, PartialDate)>,
    lang: Lang,
    s: &'static Strings,
) -> impl IntoView {
    let p = present::profile(e, lang);
    let facts = p
        .facts
        .iter()
        .map(|l| view! { <dt>{l.label}</dt><dd>{line(l, s.unknown, s)}</dd> })
        .collect_view();
    let holders = if p.holders.is_empty() {
        vec![view! { <li>{s.profile_no_holders}</li> }.into_any()]
    } else {
        p.holders
            .iter()
            .map(|l| view! { <li>{line(l, s.unknown, s)}</li> }.into_any())
            .collect()
    };
    // Its code is fetched on demand: a profile reads without it first (`on_demand::part`).
    let timeline = crate::on_demand::timeline(e.id.clone(), lang, s);
    let context = (!p.context.is_empty()).then(|| {
        view! {
            <section aria-labelledby="context-title">
                <h2 id="context-title">{s.profile_context}</h2>
                <ul>{p.context.iter().map(|l| view! { <li>{line(l, s.unknown, s)}</li> }).collect_view()}</ul>
            </section>
        }
    });
    let series = present::series(e, lang);
    let interview = e.interview.as_ref().map(|i| {
        let title = i.title.clone().unwrap_or_else(|| i.url.host().to_owned());
        let who = i.interviewee.as_ref().map(|who| cdo_text::phrase::interviewee(lang, who));
        let answers = series
            .iter()
            .map(|l| view! { <dt>{l.label}</dt><dd>{line(l, s.not_stated, s)}</dd> })
            .collect_view();
        view! {
            <section aria-labelledby="interview-title" class="series">
                <h2 id="interview-title">{s.profile_series}</h2>
                <p>{who}</p>
                <dl class="facts">{answers}</dl>
                <p class="series-note">
                    {s.profile_series_note} " "
                    <a href=i.url.as_str().to_owned() rel="noopener noreferrer">{cdo_text::phrase::read_interview(lang, &title)}</a>
                </p>
                <p><a href=Page::Series.href(lang)>{s.series_across}</a></p>
            </section>
        }
    });
    // The page's own address, in the language it is read in.
    let origin = crate::use_origin();
    let address = paths::absolute(&origin, &paths::entity(lang, &e.id));
    let sources = p
        .sources
        .into_iter()
        .map(|src| view! { <li id=src.anchor><a href=src.url rel="noopener noreferrer">{src.label}</a>{src.detail}</li> })
        .collect_view();

    view! {
            <dl class="facts" aria-label=s.profile_model>{facts}</dl>
            <section aria-labelledby="holders-title">
                <h2 id="holders-title">{s.profile_holders}</h2>
                <ol class="timeline">{holders}</ol>
                {p.stale.then(|| view! { <p><a href=paths::report_for(lang, &e.name)>{s.profile_report_update}</a></p> })}
            </section>
            {timeline}
            {context}
            {interview}
            <section aria-labelledby="sources-title">
                <h2 id="sources-title">{s.profile_sources}</h2>
                <ol class="sources">{sources}</ol>
            </section>
            <section aria-labelledby="cite-title">
                <h2 id="cite-title">{s.profile_cite_title}</h2>
                <p>{s.profile_cite}</p>
                <p class="citation">{cdo_text::citation(lang, as_of, Some(&e.name), &address)}</p>
                {changed.map(|(version, date)| view! {
                    <p class="entry-changed">
                        {cdo_text::phrase::entry_changed(lang, version, date)} " "
                        <a href=paths::whats_new(lang)>{s.about_whats_new_title}</a>
                    </p>
                })}
            </section>
    }
}

/// Onward links: the entity on the map, comparing and picking it, and the previous and next
/// entity in overview order.
struct Onward {
    entity: Summary,
    /// The year to compare the entity with, beside today (issue #23).
    then: Option<At>,
    prev: (String, String),
    next: (String, String),
}

impl Onward {
    fn of(entities: &[Summary], e: &Summary, today: PartialDate) -> Onward {
        let order = name_order(entities);
        let at = order.iter().position(|x| x.id == e.id).unwrap_or(0);
        let link = |x: &Summary| (x.id.clone(), x.name.clone());
        Onward {
            entity: e.clone(),
            then: then_year(e, today),
            prev: link(order[(at + order.len() - 1) % order.len()]),
            next: link(order[(at + 1) % order.len()]),
        }
    }

    fn view(&self, lang: Lang, s: &'static Strings) -> impl IntoView {
        let e = &self.entity;
        let view = MapState {
            view: View {
                zoom: 4.0,
                center: geo::project(e.coordinates),
            }
            .clamped(),
            ..MapState::default()
        };
        let map = paths::with_query(lang, Page::Map, &view.canonical().to_query());
        let (prev, next) = (&self.prev, &self.next);
        view! {
            <nav class="page more" aria-label=s.profile_more>
                <ul>
                    <li><a href=map>{s.profile_on_map}</a></li>
                    <li><a href=paths::with_query(lang, Page::Compare, &[("ids", e.id.clone())])>{s.compare_with}</a></li>
                    {self.then.map(|then| {
                        let st = CompareState::then_and_now(&e.id, then);
                        view! { <li><a href=paths::with_query(lang, Page::Compare, &st.to_query())>{cdo_text::phrase::compare_with_year(lang, then.year_of())}</a></li> }
                    })}
                    <li>{pick_toggle(e.id.clone(), e.name.clone(), true)}</li>
                    <li>{s.profile_prev} " " <a href=paths::entity(lang, &prev.0) rel="prev">{prev.1.clone()}</a></li>
                    <li>{s.profile_next} " " <a href=paths::entity(lang, &next.0) rel="next">{next.1.clone()}</a></li>
                </ul>
            </nav>
        }
    }
}

/// Every period, oldest first (issue #23): model, title, from – to, holders with their dates,
/// "zuletzt belegt", each with its citations; a list that reads as one, not a picture.
pub(crate) fn timeline(e: &Entity, lang: Lang, s: &'static Strings) -> impl IntoView {
    let periods = present::timeline(e, lang)
        .into_iter()
        .map(|p| {
            let holders = (!p.holders.is_empty()).then(|| {
                view! { <ul class="timeline-holders">{p.holders.iter().map(|l| view! { <li>{line(l, s.unknown, s)}</li> }).collect_view()}</ul> }
            });
            view! {
                <li class="timeline-period">
                    <p class="timeline-when">{line(&p.when, s.unknown, s)}</p>
                    <p>{model_badge(p.headline, lang)}</p>
                    <p class="timeline-title">{line(&p.title, s.unknown, s)}</p>
                    {holders}
                    <p class="timeline-confirmed">{p.confirmed.clone()}</p>
                    {p.abolished.then(|| view! { <p class="timeline-ended">{s.state_abolished}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="timeline-title">
            <h2 id="timeline-title">{s.profile_timeline}</h2>
            <ol class="timeline periods" data-testid="timeline">{periods}</ol>
        </section>
    }
}

/// A fact's text (`missing`, e.g. "unbekannt", when unknown) followed by its citation marks.
fn line(l: &Line, missing: &'static str, s: &'static Strings) -> impl IntoView {
    let (class, text) = match &l.text {
        Some(t) => ("", t.clone()),
        None => ("unknown", missing.to_owned()),
    };
    view! { <span class=class>{text}</span>{cites(&l.cites, s)} }
}

fn cites(cites: &[Cite], s: &'static Strings) -> impl IntoView {
    (!cites.is_empty()).then(|| {
        let marks = cites.iter().map(|c| view! { <a class="cite" href=c.href.clone()>{c.label.clone()}</a> }).collect_view();
        view! { <span class="cites"><span class="visually-hidden">{s.profile_cites}</span>{marks}</span> }
    })
}
