//! One entity's profile: model, office, holders, reporting line, context, interview and sources.

use cdo_model::{Entity, Holder, PartialDate};
use cdo_text::{Lang, Strings};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::components::badge::ModelBadge;
use crate::components::cites::{source_anchor, Cites};
use crate::components::with_data::WithData;
use crate::i18n::{use_lang, use_strings};
use crate::paths::Page;
use crate::routes::NotFound;

#[component]
pub fn Profile() -> impl IntoView {
    let params = use_params_map();
    view! {
        <WithData render=move |loaded| {
            let id = params.read().get("id").unwrap_or_default();
            match loaded.dataset.entity(&id) {
                Some(entity) => view! { <ProfileView entity=entity.clone() /> }.into_any(),
                None => view! { <NotFound /> }.into_any(),
            }
        } />
    }
}

#[component]
fn ProfileView(entity: Entity) -> impl IntoView {
    let lang = use_lang();
    let s = use_strings();
    let e = StoredValue::new(entity);
    let name = e.with_value(|e| e.name.clone());
    view! {
        <Title text=name.clone() />
        <article class="page profile">
            <p class="breadcrumb"><A href=Page::Overview.path()>{move || s().profile_back}</A></p>
            <h1>{name}</h1>
            <p class="card-meta">
                {move || e.with_value(|e| format!("{} · {}", cdo_text::kind(lang.get(), e.kind), cdo_text::land(lang.get(), e.land)))}
            </p>
            {move || e.with_value(|e| facts(e, lang.get(), s()))}
        </article>
    }
}

/// Everything below the title; rebuilt when the language changes.
fn facts(e: &Entity, lang: Lang, s: &'static Strings) -> impl IntoView {
    let unknown = || view! { <span class="unknown">{s.unknown}</span> };
    let headline = e.office.headline();
    let cites = |ids: &[String]| view! { <Cites entity=e.clone() ids=ids.to_vec() /> };
    let origin = match e.office.origin {
        Some(o) => view! { <span>{cdo_text::origin(lang, o)}</span> }.into_any(),
        None => unknown().into_any(),
    };
    let established = match &e.established {
        Some(d) => view! { <span>{cdo_text::date(lang, d.date)}</span> {cites(&d.sources)} }.into_any(),
        None => unknown().into_any(),
    };
    let population = match &e.population {
        Some(p) => view! {
            <span>{cdo_text::number(lang, p.value)} " (" {s.profile_population_year} " " {p.year} ")"</span>
            {cites(&p.sources)}
        }
        .into_any(),
        None => unknown().into_any(),
    };
    let reporting = match &e.reporting_line {
        Some(t) => view! { <span>{localized(lang, &t.text)}</span> {cites(&t.sources)} }.into_any(),
        None => unknown().into_any(),
    };
    let holders = if e.holders.is_empty() {
        view! { <p>{s.profile_no_holders}</p> }.into_any()
    } else {
        let items = e.holders.iter().map(|h| holder(e, h, lang, s)).collect_view();
        view! { <ol class="timeline">{items}</ol> }.into_any()
    };
    let context = (!e.context.is_empty()).then(|| {
        let items = e
            .context
            .iter()
            .map(|t| view! { <li>{localized(lang, &t.text)} {cites(&t.sources)}</li> })
            .collect_view();
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
                <p>
                    <a href=i.url.as_str().to_owned() rel="noopener noreferrer">{s.profile_interview_link} ": " {title}</a>
                </p>
                {i.interviewee.clone().map(|who| view! { <p>{s.profile_interviewee} ": " {who}</p> })}
            </section>
        }
    });
    let sources = e
        .sources
        .iter()
        .map(|src| {
            let label = src.title.clone().unwrap_or_else(|| src.url.host().to_owned());
            view! {
                <li id=source_anchor(&src.id)>
                    <a href=src.url.as_str().to_owned() rel="noopener noreferrer">{label}</a>
                    {src.publisher.clone().map(|p| view! { <span>" – " {p}</span> })}
                    {src.date.map(|d| view! { <span>" (" {s.profile_source_date} ": " {date_view(lang, d)} ")"</span> })}
                </li>
            }
        })
        .collect_view();

    view! {
        <section aria-labelledby="model-title" class="model">
            <h2 id="model-title">{s.profile_model}</h2>
            <p><ModelBadge headline /></p>
            <p>{cdo_text::headline_explained(lang, headline)}</p>
            <dl class="facts">
                <dt>{s.profile_office}</dt>
                <dd>{e.office.title.clone()} {cites(&e.office.sources)}</dd>
                <dt>{s.profile_form}</dt>
                <dd>{cdo_text::form(lang, e.office.form)}</dd>
                <dt>{s.profile_origin}</dt>
                <dd>{origin}</dd>
                <dt>{s.profile_established}</dt>
                <dd>{established}</dd>
                <dt>{s.profile_reporting_line}</dt>
                <dd>{reporting}</dd>
                <dt>{s.profile_population}</dt>
                <dd>{population}</dd>
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
    }
}

fn holder(e: &Entity, h: &Holder, lang: Lang, s: &'static Strings) -> impl IntoView {
    let period = match (h.since, h.until) {
        (Some(a), Some(b)) => view! { {date_view(lang, a)} " – " {date_view(lang, b)} }.into_any(),
        (Some(a), None) => view! { {s.profile_since} " " {date_view(lang, a)} }.into_any(),
        (None, Some(b)) => view! { {s.profile_until} " " {date_view(lang, b)} }.into_any(),
        (None, None) => view! { <span class="unknown">{s.unknown}</span> }.into_any(),
    };
    view! {
        <li>
            <strong>{h.name.clone()}</strong>
            {h.role.as_ref().map(|r| view! { <span>", " {localized(lang, r)}</span> })}
            <br />
            <span class="period">{period}</span>
            {h.background.as_ref().map(|b| view! { <br /><span>{s.profile_background} ": " {localized(lang, b)}</span> })}
            " " <Cites entity=e.clone() ids=h.sources.clone() />
        </li>
    }
}

fn localized(lang: Lang, text: &cdo_model::Localized) -> String {
    match lang {
        Lang::De => text.de.clone(),
        Lang::En => text.en.clone(),
    }
}

fn date_view(lang: Lang, d: PartialDate) -> impl IntoView {
    view! { <time datetime=d.to_string().trim_start_matches('~').to_owned()>{cdo_text::date(lang, d)}</time> }
}
