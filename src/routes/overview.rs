//! The overview: every entity with its Land and headline model, each linking to its profile.

use cdo_model::search::name_order;
use cdo_model::{Loaded, Summary};
use cdo_text::{describe, Lang, Strings};
use leptos::prelude::*;

use crate::components::badge::model_badge;
use crate::components::charts;
use crate::components::with_data::{data_page, PageHead};
use crate::data::use_index;
use crate::head::use_head;
use crate::i18n::use_strings;
use crate::paths;
use crate::schedule::next_task;
use crate::settled::Loading;

/// The overview's section class, heading and introduction.
pub const HEAD: PageHead = PageHead {
    class: "page",
    text: |s| [s.overview_title, s.overview_intro],
};

#[component]
pub fn Overview() -> impl IntoView {
    let s = use_strings();
    use_head(
        move || s().nav_overview.to_owned(),
        |lang| {
            untrack(|| {
                Some(describe::overview(
                    lang,
                    &use_index().loaded()?.dataset.entities,
                ))
            })
        },
    );
    data_page(
        HEAD,
        Box::new(|loaded, lang, s| overview(loaded, lang, s).into_any()),
    )
}

fn overview(loaded: &Loaded<Summary>, lang: Lang, s: &'static Strings) -> impl IntoView {
    let entities = name_order(&loaded.dataset.entities);
    let count = entities.len();
    let batches: Vec<Vec<Summary>> = entities
        .chunks(CARDS_PER_TASK)
        .map(|batch| batch.iter().map(|&e| e.clone()).collect())
        .collect();
    // Step 1 draws the charts, step 2 the first batch of cards, and so on.
    let drawn = in_steps(1 + batches.len());
    let all = loaded.dataset.entities.clone();
    let charts = Memo::new(move |_| drawn.get() >= 1);
    let charts = move || {
        charts.get().then(|| {
            view! {
                {charts::models_chart(&all, lang, s)}
                {charts::timeline_chart(&all, lang, s)}
            }
        })
    };
    let cards = batches
        .into_iter()
        .enumerate()
        .map(|(i, batch)| {
            let shown = Memo::new(move |_| drawn.get() >= i + 2);
            move || {
                shown
                    .get()
                    .then(|| batch.iter().map(|e| card(e, lang)).collect_view())
            }
        })
        .collect_view();
    view! {
        <div class="charts">{charts}</div>
        <p class="count">{cdo_text::phrase::entry_count(lang, count)}</p>
        <ul class="cards" data-testid="entity-list">{cards}</ul>
    }
}

/// Cards drawn per task. The app draws the page hidden behind the pre-rendered one
/// (`takeover`), so drawing it over a few tasks changes nothing a reader sees: the hand-over
/// waits for the last step (`settled::Loading`). Lighthouse's mobile run, with the off-screen
/// cards not laid out (`content-visibility`, style.css): blocking time 133 ms drawn at once,
/// 64 ms in steps (docs/PERFORMANCE.md, "Pre-rendering: measured").
const CARDS_PER_TASK: usize = 24;

/// A count of the steps drawn so far, which goes up by one per task until `steps`, each step
/// in a task of its own; the first page's hand-over waits for the last. The pre-render, which
/// runs no task, draws every step at once.
fn in_steps(steps: usize) -> RwSignal<usize> {
    if cfg!(feature = "ssr") {
        return RwSignal::new(steps);
    }
    let drawn = RwSignal::new(0);
    let loading = Loading::begin();
    leptos::task::spawn_local(async move {
        for step in 1..=steps {
            next_task().await;
            if drawn.try_set(step).is_some() {
                // The page is gone (another language or page).
                break;
            }
        }
        drop(loading);
    });
    drawn
}

fn card(e: &Summary, lang: Lang) -> impl IntoView {
    view! {
        <li class="card">
            <h2 class="card-title"><a href=paths::entity(lang, &e.id)>{e.name.clone()}</a></h2>
            <p class="card-meta">{cdo_text::kind(lang, e.kind)} " · " {cdo_text::land_of(lang, e.land)}</p>
            {model_badge(e.model().headline(), lang)}
            <p class="card-office">{e.model().title.clone()}</p>
        </li>
    }
}
