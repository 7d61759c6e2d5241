//! About: the model taxonomy (both axes), the sourcing policy, licences, how to report a city.

use cdo_model::{Form, Headline, Origin};
use leptos::prelude::*;

use crate::components::badge::model_badge;
use crate::head::use_title;
use crate::i18n::{localized, use_strings};

#[component]
pub fn About() -> impl IntoView {
    let s = use_strings();
    use_title(move || s().nav_about.to_owned());
    localized(|lang, s| {
        let origins = Origin::ALL
            .iter()
            .map(|&o| view! { <li>{cdo_text::origin(lang, o)}</li> })
            .collect_view();
        let forms = Form::ALL
            .iter()
            .map(|&f| view! { <li>{cdo_text::form(lang, f)}</li> })
            .collect_view();
        let headlines = Headline::ALL
            .iter()
            .map(|&h| view! { <dt>{model_badge(h, lang)}</dt><dd>{cdo_text::headline_explained(lang, h)}</dd> })
            .collect_view();
        view! {
            <article class="page about">
                <h1>{s.about_title}</h1>
                <p class="lead">{s.about_intro}</p>
                <h2>{s.about_axes_title}</h2>
                <div class="axes">
                    <section><h3>{s.about_origin_title}</h3><ul>{origins}</ul></section>
                    <section><h3>{s.about_form_title}</h3><ul>{forms}</ul></section>
                </div>
                <h2>{s.about_headline_title}</h2>
                <dl class="headlines">{headlines}</dl>
                <h2>{s.about_sourcing_title}</h2>
                <p>{s.about_sourcing}</p>
                <h2>{s.about_licence_title}</h2>
                <p>{s.about_licence}</p>
                <h2>{s.about_report_title}</h2>
                <p>{s.about_report}</p>
            </article>
        }
    })
}
