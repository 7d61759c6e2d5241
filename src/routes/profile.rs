//! One entity's profile: model, office, holders, reporting line, context, interview and sources.

use cdo_model::{Entity, Holder, Localized, PartialDate};
use cdo_text::{Lang, Strings};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::badge::model_badge;
use crate::components::cites::{cites, source_anchor};
use crate::components::with_data::with_data;
use crate::data::use_dataset;
use crate::head::use_title;
use crate::i18n::use_strings;
use crate::paths::Page;
use crate::routes::not_found;

#[component]
pub fn Profile() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let data = use_dataset();
    let s = use_strings();
    use_title(move || {
        let id = id();
        let name = data.get().and_then(|r| Some(r.as_ref().as_ref().ok()?.dataset.entity(&id)?.name.clone()));
        name.unwrap_or_else(|| s().not_found_title.to_owned())
    });
    with_data(Box::new(move |loaded, lang, s| match loaded.dataset.entity(&id()) {
        Some(entity) => profile(entity, lang, s).into_any(),
        None => not_found(s).into_any(),
    }))
}

fn profile(e: &Entity, lang: Lang, s: &'static Strings) -> impl IntoView {
    let headline = e.office.headline();
    let unknown = move || view! { <span class="unknown">{s.unknown}</span> };
    let or_unknown = move |v: Option<AnyView>| match v {
        Some(v) => Either::Left(v),
        None => Either::Right(unknown()),
    };
    let origin = e.office.origin.map(|o| cdo_text::origin(lang, o).into_any());
    let established = e.established.as_ref().map(|d| (date(lang, d.date), cites(e, &d.sources, s)).into_any());
    let population = e.population.as_ref().map(|p| {
        let text = format!("{} ({} {})", cdo_text::number(lang, p.value), s.profile_population_year, p.year);
        (text, cites(e, &p.sources, s)).into_any()
    });
    let reporting = e.reporting_line.as_ref().map(|t| (text(lang, &t.text), cites(e, &t.sources, s)).into_any());
    let holders = if e.holders.is_empty() {
        Either::Left(view! { <p>{s.profile_no_holders}</p> })
    } else {
        Either::Right(view! { <ol class="timeline">{e.holders.iter().map(|h| holder(e, h, lang, s)).collect_view()}</ol> })
    };
    let context = (!e.context.is_empty()).then(|| {
        let items = e.context.iter().map(|t| view! { <li>{text(lang, &t.text)} {cites(e, &t.sources, s)}</li> }).collect_view();
        view! {
            <section aria-labelledby="context-title">
                <h2 id="context-title">{s.profile_context}</h2>
                <ul>{items}</ul>
            </section>
        }
    });
    let interview = e.interview.as_ref().map(|i| {
        let title = i.title.clone().unwrap_or_else(|| i.url.host().to_owned());
        view! {
            <section aria-labelledby="interview-title">
                <h2 id="interview-title">{s.profile_interview}</h2>
                <p><a href=i.url.as_str().to_owned() rel="noopener noreferrer">{s.profile_interview_link} ": " {title}</a></p>
                {i.interviewee.clone().map(|who| view! { <p>{s.profile_interviewee} ": " {who}</p> })}
            </section>
        }
    });
    let sources = e
        .sources
        .iter()
        .map(|src| {
            // Link text: the page title, else the publisher, else the host.
            let label = src.title.clone().or_else(|| src.publisher.clone()).unwrap_or_else(|| src.url.host().to_owned());
            let publisher = src.title.as_ref().and(src.publisher.clone()).map(|p| format!(" – {p}"));
            let page_date = src.date.map(|d| format!(" ({}: {})", s.profile_source_date, cdo_text::date(lang, d)));
            view! {
                <li id=source_anchor(&src.id)>
                    <a href=src.url.as_str().to_owned() rel="noopener noreferrer">{label}</a>
                    {publisher} {page_date}
                </li>
            }
        })
        .collect_view();

    view! {
        <article class="page profile">
            <p class="breadcrumb"><a href=Page::Overview.path()>{s.profile_back}</a></p>
            <h1>{e.name.clone()}</h1>
            <p class="card-meta">{cdo_text::kind(lang, e.kind)} " · " {cdo_text::land(lang, e.land)}</p>
            <section aria-labelledby="model-title" class="model">
                <h2 id="model-title">{s.profile_model}</h2>
                <p>{model_badge(headline, lang)}</p>
                <p>{cdo_text::headline_explained(lang, headline)}</p>
                <dl class="facts">
                    <dt>{s.profile_office}</dt>
                    <dd>{e.office.title.clone()} {cites(e, &e.office.sources, s)}</dd>
                    <dt>{s.profile_form}</dt>
                    <dd>{cdo_text::form(lang, e.office.form)}</dd>
                    <dt>{s.profile_origin}</dt>
                    <dd>{or_unknown(origin)}</dd>
                    <dt>{s.profile_established}</dt>
                    <dd>{or_unknown(established)}</dd>
                    <dt>{s.profile_reporting_line}</dt>
                    <dd>{or_unknown(reporting)}</dd>
                    <dt>{s.profile_population}</dt>
                    <dd>{or_unknown(population)}</dd>
                </dl>
            </section>
            <section aria-labelledby="holders-title">
                <h2 id="holders-title">{s.profile_holders}</h2>
                {holders}
            </section>
            {context}
            {interview}
            <section aria-labelledby="sources-title">
                <h2 id="sources-title">{s.profile_sources}</h2>
                <ol class="sources">{sources}</ol>
            </section>
        </article>
    }
}

fn holder(e: &Entity, h: &Holder, lang: Lang, s: &'static Strings) -> impl IntoView {
    let period = match (h.since, h.until) {
        (Some(a), Some(b)) => Some((date(lang, a), " – ", date(lang, b)).into_any()),
        (Some(a), None) => Some((s.profile_since, " ", date(lang, a)).into_any()),
        (None, Some(b)) => Some((s.profile_until, " ", date(lang, b)).into_any()),
        (None, None) => None,
    };
    let period = match period {
        Some(p) => Either::Left(p),
        None => Either::Right(view! { <span class="unknown">{s.unknown}</span> }),
    };
    view! {
        <li>
            <strong>{h.name.clone()}</strong>
            {h.role.as_ref().map(|r| format!(", {}", text(lang, r)))}
            <br />
            <span class="period">{period}</span>
            {h.background.as_ref().map(|b| view! { <br /><span>{format!("{}: {}", s.profile_background, text(lang, b))}</span> })}
            " " {cites(e, &h.sources, s)}
        </li>
    }
}

fn text(lang: Lang, t: &Localized) -> String {
    match lang {
        Lang::De => t.de.clone(),
        Lang::En => t.en.clone(),
    }
}

fn date(lang: Lang, d: PartialDate) -> impl IntoView {
    view! { <time datetime=d.to_string().trim_start_matches('~').to_owned()>{cdo_text::date(lang, d)}</time> }
}
