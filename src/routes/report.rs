//! "Stadt melden": a form for a city or Land to report its model. The check is the dataset's own
//! validator (`cdo_model::report`), so a reported entry is valid exactly when the dataset would
//! accept it; each problem is shown at its field, and a summary links to them. A valid report
//! becomes JSON to copy and a prefilled e-mail. Nothing is sent by the app.

use cdo_model::report::{Checked, Field, Report};
use cdo_model::{Form, Kind, Land, Origin};
use cdo_text::{Lang, Strings};
use leptos::ev;
use leptos::prelude::*;

use crate::components::focus_by_id;
use crate::components::with_data::{page_head, PageHead};
use crate::data::today;
use crate::head::use_title;
use crate::i18n::{localized, use_strings};

/// The report form's section class, heading and introduction (also shown while its code loads).
pub const HEAD: PageHead = PageHead {
    class: "page report",
    text: |s| [s.report_title, s.report_intro],
};

#[component]
pub fn ReportPage() -> impl IntoView {
    let s = use_strings();
    use_title(move || s().nav_report.to_owned());
    // `?name=…` (from "Noch nicht erfasst" or a profile's "report an update") fills in the name.
    let mut initial = Report::default();
    if let Some(name) = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("name")) {
        initial.set(Field::Name, name.chars().take(200).collect::<String>());
    }
    let report = RwSignal::new(initial);
    let checked = RwSignal::new(None::<Checked>);
    localized(move |lang, s| report_form(lang, s, report, checked))
}

/// The problems of `field` in the last check, as text.
fn problems(checked: RwSignal<Option<Checked>>, field: Field, lang: Lang) -> Vec<String> {
    checked.with(|c| match c {
        Some(Checked::Invalid(list)) => list
            .iter()
            .filter(|(f, _)| *f == field)
            .map(|(_, i)| cdo_text::report::field_problem(lang, &i.problem))
            .collect(),
        _ => Vec::new(),
    })
}

/// Label, control, hint and the field's problems (the control points at hint and problems with
/// `aria-describedby`).
fn field_row(
    field: Field,
    lang: Lang,
    checked: RwSignal<Option<Checked>>,
    required: bool,
    control: impl IntoView,
) -> impl IntoView {
    let (label, hint) = cdo_text::report::label(lang, field);
    let id = field.id();
    let errors = move || {
        let list = problems(checked, field, lang);
        (!list.is_empty())
            .then(|| view! { <p class="field-error" id=format!("{id}-error")>{list.join(" ")}</p> })
    };
    view! {
        <div class="form-row">
            <label for=id>{label}{required.then_some(" *")}</label>
            {hint.map(|h| view! { <p class="hint" id=format!("{id}-hint")>{h}</p> })}
            {control}
            {errors}
        </div>
    }
    .into_any()
}

fn report_form(
    lang: Lang,
    s: &'static Strings,
    report: RwSignal<Report>,
    checked: RwSignal<Option<Checked>>,
) -> impl IntoView {
    let invalid =
        move |field: Field| move || (!problems(checked, field, lang).is_empty()).to_string();
    let described = move |field: Field| {
        let (_, hint) = cdo_text::report::label(lang, field);
        let mut ids = Vec::new();
        if hint.is_some() {
            ids.push(format!("{}-hint", field.id()));
        }
        ids.push(format!("{}-error", field.id()));
        ids.join(" ")
    };
    let set = move |field: Field| {
        move |ev: ev::Event| report.update(|r| r.set(field, event_target_value(&ev)))
    };
    let text = move |field: Field, required: bool, kind: &'static str| {
        let control = view! {
            <input
                id=field.id()
                name=field.id()
                type=kind
                required=required
                aria-invalid=invalid(field)
                aria-describedby=described(field)
                prop:value=move || report.with(|r| r.get(field).to_owned())
                on:input=set(field)
            />
        };
        field_row(field, lang, checked, required, control)
    };
    let select = move |field: Field, required: bool, options: Vec<(String, String)>| {
        let options = options
            .into_iter()
            .map(|(value, label)| {
                let v = value.clone();
                view! { <option value=value selected=move || report.with(|r| r.get(field) == v)>{label}</option> }
            })
            .collect_view();
        let control = view! {
            <select
                id=field.id()
                name=field.id()
                required=required
                aria-invalid=invalid(field)
                aria-describedby=described(field)
                on:change=set(field)
            >
                <option value="">{s.report_choose}</option>
                {options}
            </select>
        };
        field_row(field, lang, checked, required, control)
    };

    // A reader reports a city or a Land; the federal level is one entry, already in the data.
    let kinds = [Kind::City, Kind::Land]
        .iter()
        .map(|k| (k.wire().to_owned(), cdo_text::kind(lang, *k).to_owned()))
        .collect();
    let laender = Land::ALL
        .iter()
        .map(|l| (l.code().to_owned(), cdo_text::land(lang, *l).to_owned()))
        .collect();
    let forms = Form::ALL
        .iter()
        .map(|f| (f.wire().to_owned(), cdo_text::form(lang, *f).to_owned()))
        .collect();
    let origins = Origin::ALL
        .iter()
        .map(|o| (o.wire().to_owned(), cdo_text::origin(lang, *o).to_owned()))
        .collect();

    let submit = move |ev: ev::SubmitEvent| {
        ev.prevent_default();
        let outcome = report.with_untracked(|r| r.check(today()));
        let ok = matches!(outcome, Checked::Entry(_));
        checked.set(Some(outcome));
        // Move focus to what the reader needs next: the summary of problems, or the entry.
        let target = if ok { "report-result" } else { "report-errors" };
        request_animation_frame(move || focus_by_id(target));
    };

    let summary = move || {
        checked.with(|c| match c {
            Some(Checked::Invalid(list)) => {
                let items = list
                    .iter()
                    .map(|(f, i)| {
                        let text = cdo_text::report::summary_item(lang, *f, &i.problem);
                        let id = f.id();
                        // Focus the field itself (the router would only rewrite the address).
                        let focus = move |ev: ev::MouseEvent| {
                            ev.prevent_default();
                            focus_by_id(id);
                        };
                        view! { <li><a href=format!("#{id}") on:click=focus>{text}</a></li> }
                    })
                    .collect_view();
                Some(
                    view! {
                        <div class="error-summary" id="report-errors" tabindex="-1" role="alert">
                            <h2>{s.report_errors}</h2>
                            <ul>{items}</ul>
                        </div>
                    }
                    .into_any(),
                )
            }
            Some(Checked::Entry(json)) => {
                let name = report.with_untracked(|r| r.get(Field::Name).to_owned());
                let subject = cdo_text::report::mail_subject(lang, &name);
                let mail = format!(
                    "mailto:{}?subject={}&body={}",
                    crate::paths::EDITORS_MAIL.unwrap_or_default(),
                    String::from(js_sys::encode_uri_component(&subject)),
                    String::from(js_sys::encode_uri_component(json)),
                );
                let copy_text = json.clone();
                let copied = RwSignal::new(false);
                let copy = move |_| {
                    let clipboard = window().navigator().clipboard();
                    let _ = clipboard.write_text(&copy_text);
                    copied.set(true);
                };
                Some(
                    view! {
                        <section class="report-result" id="report-result" tabindex="-1" aria-labelledby="report-result-title">
                            <h2 id="report-result-title">{s.report_ok}</h2>
                            <pre class="entry-json" data-testid="report-json">{json.clone()}</pre>
                            <p class="report-actions">
                                <button type="button" class="button" on:click=copy>{s.report_copy}</button>
                                " "
                                <a class="button secondary" href=mail>{s.report_mail}</a>
                                <span role="status">{move || copied.get().then_some(s.report_copied)}</span>
                            </p>
                            <p class="hint">{s.report_mail_hint}</p>
                        </section>
                    }
                    .into_any(),
                )
            }
            None => None,
        })
    };

    view! {
        <section class=HEAD.class>
            {page_head(HEAD)}
            {summary}
            <form class="report-form" novalidate=true on:submit=submit>
                <fieldset>
                    <legend>{s.report_group_place}</legend>
                    {text(Field::Name, true, "text")}
                    {select(Field::Kind, true, kinds)}
                    {select(Field::Land, true, laender)}
                    {text(Field::Lat, true, "text")}
                    {text(Field::Lon, true, "text")}
                    {text(Field::Population, false, "text")}
                    {text(Field::PopulationYear, false, "text")}
                </fieldset>
                <fieldset>
                    <legend>{s.report_group_model}</legend>
                    {select(Field::Form, true, forms)}
                    {select(Field::Origin, false, origins)}
                    {text(Field::OfficeTitle, true, "text")}
                    {text(Field::Established, false, "text")}
                </fieldset>
                <fieldset>
                    <legend>{s.report_group_person}</legend>
                    {text(Field::HolderName, false, "text")}
                    {text(Field::HolderSince, false, "text")}
                    {text(Field::ReportingDe, false, "text")}
                    {text(Field::ReportingEn, false, "text")}
                </fieldset>
                <fieldset>
                    <legend>{s.report_group_source}</legend>
                    {text(Field::SourceUrl, true, "url")}
                    {text(Field::SourceTitle, false, "text")}
                </fieldset>
                <p class="hint">{s.report_required}</p>
                <button type="submit" class="button">{s.report_check}</button>
            </form>
        </section>
    }
}
