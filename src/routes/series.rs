//! The interview series, question by question: for each of the series' four questions, the
//! paraphrased answer of every interviewed entity side by side, with its model and a link to its
//! interview. A profile reads one interview whole; this page reads them across. Last, "Was ist
//! daraus geworden?": each interviewed entity's model then and today, with the changes between
//! and their sources (issue #23).

use cdo_model::{Entity, Loaded};
use cdo_text::present::{self, Question};
use cdo_text::{describe, Lang, Strings};
use leptos::prelude::*;

use crate::components::badge::model_badge;
use crate::components::focus_by_id;
use crate::components::with_data::{details_page, PageHead};
use crate::data::peek_dataset;
use crate::head::use_head;
use crate::i18n::use_strings;
use crate::paths;

/// The series page's section class, heading and introduction (also shown while its code loads).
pub const HEAD: PageHead = PageHead {
    class: "page interviews",
    text: |s| [s.series_title, s.series_intro],
};

#[component]
pub fn SeriesPage() -> impl IntoView {
    let s = use_strings();
    use_head(
        move || s().nav_series.to_owned(),
        |lang| {
            untrack(|| {
                Some(describe::series(
                    lang,
                    &peek_dataset().loaded()?.dataset.entities,
                ))
            })
        },
    );
    details_page(HEAD, Box::new(questions))
}

/// The questions with a list of links to them first: each has an address of its own
/// (`/series#question-4`), so that one question across all interviews can be passed on.
fn questions(loaded: &Loaded, lang: Lang, s: &'static Strings) -> AnyView {
    let questions = present::series_by_question(&loaded.dataset.entities, lang);
    if questions.is_empty() {
        // No entity with an interview (or none that validated): said, not an empty page.
        return view! { <p class="status" role="status">{s.series_none}</p> }.into_any();
    }
    let became = became(questions.len(), loaded, lang, s);
    let toc = questions
        .iter()
        .map(|q| q.label)
        .chain([s.then_title])
        .enumerate()
        .map(|(k, label)| {
            let id = anchor(k);
            // The router follows the link (address, scroll); the heading takes the focus, so
            // that the keyboard goes on from there.
            let focus = {
                let id = id.clone();
                move |_| focus_by_id(&id)
            };
            view! { <li><a href=format!("#{id}") on:click=focus>{label}</a></li> }
        })
        .collect_view();
    let sections = questions
        .into_iter()
        .enumerate()
        .map(|(k, q)| question(k, q, lang, s))
        .collect_view();
    // An address naming a question is followed once the questions are there: the router's own
    // scroll came before the interviews had loaded.
    Effect::new(|_| {
        let hash = window().location().hash().unwrap_or_default();
        if let Some(el) = hash
            .strip_prefix('#')
            .and_then(|id| document().get_element_by_id(id))
        {
            el.scroll_into_view();
        }
    });
    view! {
        <nav class="toc" aria-label=s.series_toc><ol>{toc}</ol></nav>
        {sections}
        {became}
    }
    .into_any()
}

/// "Was ist daraus geworden?": per interviewed entity, the model at the interview's date (or,
/// the date unknown, at first) and today's (the data's Stand), the changes in between with
/// their sources, which the entity's profile lists (the marks link there).
fn became(k: usize, loaded: &Loaded, lang: Lang, s: &'static Strings) -> impl IntoView {
    let today = loaded.dataset.as_of;
    let id = anchor(k);
    let labelled_by = id.clone();
    let items = loaded
        .dataset
        .entities
        .iter()
        .filter(|e| e.interview.is_some())
        .map(|e| {
            let t = present::then_now(e, today, lang);
            let profile = paths::entity(lang, &e.id);
            let steps = t
                .steps
                .iter()
                .map(|step| {
                    let marks = step
                        .cites
                        .iter()
                        .map(|c| view! { <a class="cite" href=format!("{profile}{}", c.href)>{c.label.clone()}</a> })
                        .collect_view();
                    view! { <li>{step.text.clone()}<span class="cites"><span class="visually-hidden">{s.profile_cites}</span>{marks}</span></li> }
                })
                .collect_view();
            let no_change = (t.steps.is_empty()).then(|| view! { <li>{s.then_no_change}</li> });
            view! {
                <li class="answer became" data-testid="became">
                    <h3><a href=profile.clone()>{e.name.clone()}</a></h3>
                    {t.date_unknown.then(|| view! { <p class="not-stated">{s.then_unknown_date}</p> })}
                    {t.then.map(|(label, model)| view! { <dl class="facts"><dt>{label}</dt><dd>{model}</dd></dl> })}
                    <ol class="timeline">{steps}{no_change}</ol>
                    <dl class="facts"><dt>{s.then_now}</dt><dd>{t.now}</dd></dl>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="then-now" aria-labelledby=labelled_by>
            <h2 id=id tabindex="-1">{s.then_title}</h2>
            <p>{s.then_intro}</p>
            <ul class="answers">{items}</ul>
        </section>
    }
}

fn anchor(k: usize) -> String {
    format!("question-{}", k + 1)
}

fn question(k: usize, q: Question, lang: Lang, s: &'static Strings) -> impl IntoView {
    let id = anchor(k);
    let labelled_by = id.clone();
    let answers = q
        .answers
        .into_iter()
        .map(|(e, text)| answer(e, text, lang, s))
        .collect_view();
    view! {
        <section class="question" aria-labelledby=labelled_by>
            <h2 id=id tabindex="-1">{q.label}</h2>
            <ul class="answers">{answers}</ul>
        </section>
    }
}

fn answer(e: &Entity, text: Option<String>, lang: Lang, s: &'static Strings) -> impl IntoView {
    let said = match text {
        Some(text) => view! { <p>{text}</p> }.into_any(),
        None => view! { <p class="not-stated">{s.not_stated}</p> }.into_any(),
    };
    // Only entities with an interview are asked (`series_by_question`).
    let interview = e.interview.as_ref().map(|i| {
        let name = match &i.interviewee {
            Some(who) => cdo_text::phrase::interview_with(lang, who),
            None => s.profile_interview_link.to_owned(),
        };
        view! { <p class="source"><a href=i.url.as_str().to_owned() rel="noopener noreferrer">{name}</a></p> }
    });
    view! {
        <li class="answer">
            <h3><a href=paths::entity(lang, &e.id)>{e.name.clone()}</a></h3>
            {model_badge(e.model().headline(), lang)}
            {said}
            {interview}
        </li>
    }
}
