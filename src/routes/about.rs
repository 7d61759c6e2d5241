//! About: the model taxonomy (both axes with definitions, the headline models, the series' five
//! examples), the sourcing policy, data "Stand", licences, the files published for reuse (each
//! with its format, size and licence, from the index's header) and how to cite the dataset,
//! what changed in the data ("Was ist neu", the changelog the index carries), and how to report
//! a city.

use cdo_model::published::Published;
use cdo_model::{Form, Headline, Origin};
use cdo_text::describe;
use leptos::prelude::*;

use crate::components::badge::model_badge;
use crate::components::with_data::PageHead;
use crate::data::use_index;
use crate::head::use_head;
use crate::i18n::{localized, use_strings};
use crate::paths;

/// The five models the interview series presented, by entity id.
const EXAMPLES: [(&str, &str, Headline); 5] = [
    ("darmstadt", "Darmstadt", Headline::CdoFromAcademia),
    ("duesseldorf", "Düsseldorf", Headline::CdoInternal),
    ("kaiserslautern", "Kaiserslautern", Headline::HonoraryCdo),
    ("hamburg", "Hamburg", Headline::CdoFromPrivateSector),
    ("heidelberg", "Heidelberg", Headline::AgencyInsteadOfCdo),
];

/// The about page's section class, heading and introduction (also shown while its code loads).
pub const HEAD: PageHead = PageHead {
    class: "page about",
    text: |s| [s.about_title, s.about_intro],
};

#[component]
pub fn About() -> impl IntoView {
    let s = use_strings();
    let data = use_index();
    use_head(
        move || s().nav_about.to_owned(),
        move |lang| {
            untrack(|| {
                let d = &data.loaded()?.dataset;
                Some(describe::about(lang, d.as_of, &d.licence))
            })
        },
    );
    localized(move |lang, s| {
        let origins = Origin::ALL
            .iter()
            .map(|&o| view! { <dt>{cdo_text::origin(lang, o)}</dt><dd>{cdo_text::origin_explained(lang, o)}</dd> })
            .collect_view();
        let forms = Form::ALL
            .iter()
            .map(|&f| view! { <dt>{cdo_text::form(lang, f)}</dt><dd>{cdo_text::form_explained(lang, f)}</dd> })
            .collect_view();
        let headlines = Headline::ALL
            .iter()
            .map(|&h| view! { <dt>{model_badge(h, lang)}</dt><dd>{cdo_text::headline_explained(lang, h)}</dd> })
            .collect_view();
        let examples = EXAMPLES
            .iter()
            .map(|&(id, name, h)| view! { <li><a href=paths::entity(lang, id)>{name}</a> " — " {model_badge(h, lang)}</li> })
            .collect_view();
        let as_of = data.loaded().map(|l| l.dataset.as_of);
        let stand = as_of.map(|d| view! { <p>{cdo_text::phrase::data_as_of(lang, d)}</p> });
        // The editors' figures, from the index's header.
        let figures = data.loaded().and_then(|l| {
            let f = l.dataset.figures.clone()?;
            Some(view! {
                <h2>{s.about_figures_title}</h2>
                <p class="figures">{cdo_text::figures(lang, &f)}</p>
            })
        });
        // The large cities the sources found nothing for, each with the report form for it.
        let not_covered = data.loaded().and_then(|l| {
            let list = &l.dataset.not_covered;
            (!list.is_empty()).then(|| {
                let items = list
                    .iter()
                    .map(|u| view! { <li>{u.name.clone()} " — " <a href=paths::report_for(lang, &u.name)>{cdo_text::report_city(lang, &u.name)}</a></li> })
                    .collect_view();
                view! {
                    <h2>{s.about_not_covered_title}</h2>
                    <p>{s.about_not_covered}</p>
                    <ul class="not-covered">{items}</ul>
                }
            })
        });
        // The files for reuse, each with its format, size (written into the index by xtask; an
        // older index has none) and the licence.
        let header = data.get().and_then(|r| {
            let d = &r.as_ref().as_ref().ok()?.dataset;
            Some((d.licence.clone(), d.files.clone()))
        });
        let (licence, sizes) = header.unwrap_or_default();
        let files = Published::ALL
            .iter()
            .map(|&file| {
                let name = file.file_name();
                let bytes = sizes.iter().find(|f| f.name == name).map(|f| f.bytes);
                let meta = cdo_text::phrase::data_file_meta(lang, file.format(), bytes, &licence);
                view! {
                    <li>
                        <a href=paths::data_file(file) download=name>{cdo_text::published(lang, file)}</a>
                        " " <span class="file-meta">{meta}</span>
                    </li>
                }
            })
            .collect_view();
        // What changed in the data, newest first, with the entries each change added or changed
        // (named where they are few, else counted).
        let whats_new = data.get().and_then(|r| {
            let d = &r.as_ref().as_ref().ok()?.dataset;
            (!d.changes.is_empty()).then(|| {
                let names = |ids: &[String]| -> Vec<String> {
                    ids.iter()
                        .map(|id| d.entity(id).map_or_else(|| id.clone(), |e| e.name.clone()))
                        .collect()
                };
                let changes = d
                    .changes
                    .iter()
                    .map(|c| {
                        let entries = cdo_text::phrase::change_entries(
                            lang,
                            &names(&c.added),
                            &names(&c.changed),
                        );
                        view! {
                            <li class="change">
                                <h3>{cdo_text::phrase::change_heading(lang, c.version, c.date)}</h3>
                                <p>{cdo_text::present::text(lang, &c.text).to_owned()}</p>
                                <p class="change-entries">{entries}</p>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h2 id=paths::WHATS_NEW>{s.about_whats_new_title}</h2>
                    <p>{s.about_whats_new}</p>
                    <ol class="changes">{changes}</ol>
                }
            })
        });
        // The citation names the site's own address, in the language it is read in.
        let origin = crate::use_origin();
        let address = paths::absolute(&origin, &paths::Page::Overview.href(lang));
        let cite = as_of.map(|d| {
            view! {
                <p>{s.about_cite}</p>
                <p class="citation">{cdo_text::citation(lang, d, None, &address)}</p>
            }
        });
        view! {
            <section class=HEAD.class>
                <h1>{s.about_title}</h1>
                <p class="lead">{s.about_intro}</p>
                <h2>{s.about_axes_title}</h2>
                <div class="axes">
                    <section><h3>{s.about_origin_title}</h3><dl class="definitions">{origins}</dl></section>
                    <section><h3>{s.about_form_title}</h3><dl class="definitions">{forms}</dl></section>
                </div>
                <h2>{s.about_headline_title}</h2>
                <dl class="headlines">{headlines}</dl>
                <h2>{s.about_examples_title}</h2>
                <p>{s.about_examples}</p>
                <ul class="examples">{examples}</ul>
                <p><a href=paths::Page::Series.href(lang)>{s.series_across}</a></p>
                <h2>{s.about_sourcing_title}</h2>
                <p>{s.about_sourcing}</p>
                {stand}
                {figures}
                {not_covered}
                <h2>{s.about_licence_title}</h2>
                <p>{s.about_licence}</p>
                <p>{s.notice_destatis}</p>
                <h2>{s.about_data_title}</h2>
                <p>{s.about_data}</p>
                <ul class="data-files">{files}</ul>
                {cite}
                {whats_new}
                <h2>{s.about_report_title}</h2>
                <p>{s.about_report} " " <a href=paths::Page::Report.href(lang)>{s.report_title}</a></p>
            </section>
        }
    })
}
