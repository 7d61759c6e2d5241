//! About: the model taxonomy (both axes), the sourcing policy, licences, how to report a city.

use cdo_model::{Form, Headline, Origin};
use leptos::prelude::*;
use leptos_meta::Title;

use crate::components::badge::ModelBadge;
use crate::i18n::{use_lang, use_strings};

#[component]
pub fn About() -> impl IntoView {
    let s = use_strings();
    let lang = use_lang();
    let origins = move || Origin::ALL.iter().map(|&o| view! { <li>{cdo_text::origin(lang.get(), o)}</li> }).collect_view();
    let forms = move || Form::ALL.iter().map(|&f| view! { <li>{cdo_text::form(lang.get(), f)}</li> }).collect_view();
    let headlines = move || {
        Headline::ALL
            .map(|h| view! { <dt><ModelBadge headline=h /></dt><dd>{cdo_text::headline_explained(lang.get(), h)}</dd> })
            .collect_view()
    };
    view! {
        <Title text=move || s().nav_about />
        <article class="page about">
            <h1>{move || s().about_title}</h1>
            <p class="lead">{move || s().about_intro}</p>
            <h2>{move || s().about_axes_title}</h2>
            <div class="axes">
                <section><h3>{move || s().about_origin_title}</h3><ul>{origins}</ul></section>
                <section><h3>{move || s().about_form_title}</h3><ul>{forms}</ul></section>
            </div>
            <h2>{move || s().about_headline_title}</h2>
            <dl class="headlines">{headlines}</dl>
            <h2>{move || s().about_sourcing_title}</h2>
            <p>{move || s().about_sourcing}</p>
            <h2>{move || s().about_licence_title}</h2>
            <p>{move || s().about_licence}</p>
            <h2>{move || s().about_report_title}</h2>
            <p>{move || s().about_report}</p>
        </article>
    }
}
