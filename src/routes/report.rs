//! "Stadt melden": a form for a city or Land to report its model. The check is the dataset's own
//! validator (`cdo_model::report`), so a reported entry is valid exactly when the dataset would
//! accept it; each problem is shown at its field, and a summary links to them. A valid report
//! becomes JSON to copy and a prefilled e-mail. Nothing is sent by the app.

use cdo_model::report::{mail_link, Checked, Field, Report};
use cdo_model::{Form, Kind, Land, Origin};
use cdo_text::{describe, Lang, Strings};
use leptos::ev;
use leptos::prelude::*;

use crate::components::focus_by_id;
use crate::components::needs_app::needs_app;
use crate::components::with_data::{page_head, PageHead};
use crate::data::today;
use crate::head::use_head;
use crate::i18n::{localized, use_strings};
use crate::paths::EDITORS_MAIL;

/// The report form's section class, heading and introduction (also shown while its code loads).
pub const HEAD: PageHead = PageHead {
    class: "page report",
    text: |s| [s.report_title, s.report_intro],
};

#[component]
pub fn ReportPage() -> impl IntoView {
    let s = use_strings();
    use_head(
        move || s().nav_report.to_owned(),
        |lang| Some(describe::report(lang)),
    );
    // `?name=…` (from "Noch nicht erfasst" or a profile's "report an update") fills in the name.
    let mut initial = Report::default();
    if let Some(name) = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("name")) {
        initial.set(Field::Name, name.chars().take(200).collect::<String>());
    }
    let report = RwSignal::new(initial);
    let checked = RwSignal::new(None::<Checked>);
    localized(move |lang, s| report_form(lang, s, report, checked))
}

/// What the form's parts share: the language, the report being written and its last check.
#[derive(Clone, Copy)]
struct ReportCtx {
    lang: Lang,
    s: &'static Strings,
    report: RwSignal<Report>,
    checked: RwSignal<Option<Checked>>,
}

impl ReportCtx {
    /// The problems of `field` in the last check, as text.
    fn problems(self, field: Field) -> Vec<String> {
        self.checked.with(|c| match c {
            Some(Checked::Invalid(list)) => list
                .iter()
                .filter(|(f, _)| *f == field)
                .map(|(_, i)| cdo_text::report::field_problem(self.lang, &i.problem))
                .collect(),
            _ => Vec::new(),
        })
    }

    /// What the control of `field` says about itself: invalid or not, and the ids of its hint
    /// and problems (`aria-describedby`).
    fn invalid(self, field: Field) -> impl Fn() -> String + Send + Sync + 'static {
        move || (!self.problems(field).is_empty()).to_string()
    }

    fn described(self, field: Field) -> String {
        let (_, hint) = cdo_text::report::label(self.lang, field);
        let id = field.id();
        match hint {
            Some(_) => [format!("{id}-hint"), format!("{id}-error")].join(" "),
            None => format!("{id}-error"),
        }
    }

    fn set(self, field: Field) -> impl Fn(ev::Event) + 'static {
        move |ev: ev::Event| {
            self.report
                .update(|r| r.set(field, event_target_value(&ev)))
        }
    }
}

/// Label, control, hint and the field's problems (the control points at hint and problems with
/// `aria-describedby`).
fn field_row(cx: ReportCtx, field: Field, required: bool, control: impl IntoView) -> AnyView {
    let (label, hint) = cdo_text::report::label(cx.lang, field);
    let id = field.id();
    let errors = move || {
        let list = cx.problems(field);
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

/// A text field (`kind`: the input's type).
fn text_field(cx: ReportCtx, field: Field, required: bool, kind: &'static str) -> AnyView {
    let control = view! {
        <input
            id=field.id()
            name=field.id()
            type=kind
            required=required
            aria-invalid=cx.invalid(field)
            aria-describedby=cx.described(field)
            // Also the attribute, so that the pre-render draws a name given in the address.
            value=cx.report.with_untracked(|r| r.get(field).to_owned())
            prop:value=move || cx.report.with(|r| r.get(field).to_owned())
            on:input=cx.set(field)
        />
    };
    field_row(cx, field, required, control)
}

/// A choice among `options` (`(value, label)`), "choose" first.
fn select_field(
    cx: ReportCtx,
    field: Field,
    required: bool,
    options: Vec<(&'static str, &'static str)>,
) -> AnyView {
    let options = options
        .into_iter()
        .map(|(value, label)| {
            view! { <option value=value selected=move || cx.report.with(|r| r.get(field) == value)>{label}</option> }
        })
        .collect_view();
    let control = view! {
        <select
            id=field.id()
            name=field.id()
            required=required
            aria-invalid=cx.invalid(field)
            aria-describedby=cx.described(field)
            on:change=cx.set(field)
        >
            <option value="">{cx.s.report_choose}</option>
            {options}
        </select>
    };
    field_row(cx, field, required, control)
}

/// After a check: the problems, each linking to its field, or the entry to copy or mail.
fn outcome(cx: ReportCtx) -> impl IntoView {
    let ReportCtx { lang, s, .. } = cx;
    move || {
        cx.checked.with(|c| match c {
            Some(Checked::Invalid(list)) => Some(problem_summary(cx, list).into_any()),
            Some(Checked::Entry(json)) => {
                let name = cx.report.with_untracked(|r| r.get(Field::Name).to_owned());
                let subject = cdo_text::report::mail_subject(lang, &name);
                let mail = mail_link(EDITORS_MAIL.unwrap_or_default(), &subject, json);
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
    }
}

/// The problems of a check, each a link that focuses its field.
fn problem_summary(cx: ReportCtx, list: &[(Field, cdo_model::Issue)]) -> impl IntoView {
    let items = list
        .iter()
        .map(|(f, i)| {
            let text = cdo_text::report::summary_item(cx.lang, *f, &i.problem);
            let id = f.id();
            // Focus the field itself (the router would only rewrite the address).
            let focus = move |ev: ev::MouseEvent| {
                ev.prevent_default();
                focus_by_id(id);
            };
            view! { <li><a href=format!("#{id}") on:click=focus>{text}</a></li> }
        })
        .collect_view();
    view! {
        <div class="error-summary" id="report-errors" tabindex="-1" role="alert">
            <h2>{cx.s.report_errors}</h2>
            <ul>{items}</ul>
        </div>
    }
}

fn report_form(
    lang: Lang,
    s: &'static Strings,
    report: RwSignal<Report>,
    checked: RwSignal<Option<Checked>>,
) -> impl IntoView {
    let cx = ReportCtx {
        lang,
        s,
        report,
        checked,
    };
    let text = move |field: Field, required: bool| text_field(cx, field, required, "text");
    let select =
        move |field: Field, required: bool, options| select_field(cx, field, required, options);
    // A reader reports a city or a Land; the federal level is one entry, already in the data.
    let kinds = [Kind::City, Kind::Land]
        .iter()
        .map(|k| (k.wire(), cdo_text::kind(lang, *k)))
        .collect();
    let laender = Land::ALL
        .iter()
        .map(|l| (l.code(), cdo_text::land(lang, *l)))
        .collect();
    let forms = Form::ALL
        .iter()
        .map(|f| (f.wire(), cdo_text::form(lang, *f)))
        .collect();
    let origins = Origin::ALL
        .iter()
        .map(|o| (o.wire(), cdo_text::origin(lang, *o)))
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

    // Without JavaScript nothing checks the report: its fields are disabled (`needs_app`), so
    // that nothing is typed in vain.
    view! {
        <section class=HEAD.class>
            {page_head(HEAD)}
            {outcome(cx)}
            <form class="report-form" novalidate=true on:submit=submit>
                <fieldset {..needs_app()}>
                    <legend>{s.report_group_place}</legend>
                    {text(Field::Name, true)}
                    {select(Field::Kind, true, kinds)}
                    {select(Field::Land, true, laender)}
                    {text(Field::Lat, true)}
                    {text(Field::Lon, true)}
                    {text(Field::Population, false)}
                    {text(Field::PopulationYear, false)}
                </fieldset>
                <fieldset {..needs_app()}>
                    <legend>{s.report_group_model}</legend>
                    {select(Field::Form, true, forms)}
                    {select(Field::Origin, false, origins)}
                    {text(Field::OfficeTitle, true)}
                    {text(Field::Established, false)}
                </fieldset>
                <fieldset {..needs_app()}>
                    <legend>{s.report_group_person}</legend>
                    {text(Field::HolderName, false)}
                    {text(Field::HolderSince, false)}
                    {text(Field::ReportingDe, false)}
                    {text(Field::ReportingEn, false)}
                </fieldset>
                <fieldset {..needs_app()}>
                    <legend>{s.report_group_source}</legend>
                    {text_field(cx, Field::SourceUrl, true, "url")}
                    {text(Field::SourceTitle, false)}
                </fieldset>
                <p class="hint">{s.report_required}</p>
                <button type="submit" class="button" {..needs_app()}>{s.report_check}</button>
            </form>
        </section>
    }
}
