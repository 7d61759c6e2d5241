//! Pages whose code is fetched the first time they are shown.
//!
//! In a release build (`--features split`, built by `scripts/wasm.mjs`) each `*_page` function
//! below is a split point: `wasm-split` moves it, and all code only it reaches, into a wasm module
//! of its own that `__wasm_split.js` fetches (with its integrity hash) on the first call. The main
//! module then carries only what every page needs. Without the feature — development builds and
//! `wasm-bindgen-test` — they are plain functions and everything is one module.
//!
//! Which pages: those with the most code of their own that a first visit to another page does
//! not need (map, compare, the series, report, about; sizes in docs/PERFORMANCE.md). While a
//! page's module loads, its heading, introduction and the loading status show at once (they
//! are main's strings), exactly as `data_page` draws them while the dataset loads: the first
//! paint says what the page is, and nothing moves when the page takes over. The module is asked
//! for once that paint is done, so that on a first visit the main module does not share the
//! line with it.

use std::future::Future;
use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
#[cfg(feature = "split")]
use wasm_split_helpers::{wasm_split, SplitLoaderError};

use cdo_model::time::{At, Span};
use cdo_model::{Entity, Loaded, PartialDate, Summary};
use cdo_text::export::Origin;
use cdo_text::{Lang, Strings};

use crate::components::charts;
use crate::components::time_control::TimeControl;
use crate::components::with_data::{page_head, PageHead};
use crate::data::MapOutlines;
use crate::i18n::localized;
use crate::routes::about::{self, About};
use crate::routes::compare::{self, ComparePage};
use crate::routes::explore::downloads::{self, Format};
use crate::routes::map::{self, MapPage};
use crate::routes::profile;
use crate::routes::report::{self, ReportPage};
use crate::routes::series::{self, SeriesPage};
use crate::schedule::after_paint;
use crate::settled::Loading;
use crate::url_state::Write;

/// Draws a page. A plain `fn`, so that it can be handed out of its split module and called later
/// under the page's reactive owner.
pub type Build = fn() -> AnyView;

/// The page's module could not be fetched (offline before it was ever cached, a new release
/// removed it, or its integrity check failed). Not cached: the next visit tries again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unavailable;

#[cfg(feature = "split")]
impl From<SplitLoaderError> for Unavailable {
    fn from(_: SplitLoaderError) -> Self {
        Unavailable
    }
}

#[cfg_attr(feature = "split", wasm_split(map, fallible))]
fn map_page() -> Result<Build, Unavailable> {
    Ok(|| view! { <MapPage /> }.into_any())
}

#[cfg_attr(feature = "split", wasm_split(compare, fallible))]
fn compare_page() -> Result<Build, Unavailable> {
    Ok(|| view! { <ComparePage /> }.into_any())
}

#[cfg_attr(feature = "split", wasm_split(series, fallible))]
fn series_page() -> Result<Build, Unavailable> {
    Ok(|| view! { <SeriesPage /> }.into_any())
}

#[cfg_attr(feature = "split", wasm_split(about, fallible))]
fn about_page() -> Result<Build, Unavailable> {
    Ok(|| view! { <About /> }.into_any())
}

#[cfg_attr(feature = "split", wasm_split(report, fallible))]
fn report_page() -> Result<Build, Unavailable> {
    Ok(|| view! { <ReportPage /> }.into_any())
}

/// Draws the overview's chart of the models year by year (issue #23).
pub type YearsChart =
    fn(&[Summary], PartialDate, Option<At>, Lang, &'static Strings, &str) -> AnyView;

#[cfg_attr(feature = "split", wasm_split(years_chart, fallible))]
fn years_chart_part() -> Result<YearsChart, Unavailable> {
    Ok(|list, today, at, lang, s, key| {
        charts::years_chart(list, today, at, lang, s, key).into_any()
    })
}

/// Draws the explorer's time control (issue #23; the map's module has its own).
pub type TimeControlPart = fn(
    Signal<Option<At>>,
    Callback<(Option<At>, Write)>,
    Span,
    Signal<(usize, usize)>,
    Lang,
) -> AnyView;

#[cfg_attr(feature = "split", wasm_split(time_control, fallible))]
fn time_control_part() -> Result<TimeControlPart, Unavailable> {
    Ok(|at, set, span, counts, lang| view! { <TimeControl at set span counts lang /> }.into_any())
}

/// Draws the profile's timeline of periods (issue #23).
pub type Timeline = fn(&Entity, Lang, &'static Strings) -> AnyView;

#[cfg_attr(feature = "split", wasm_split(timeline, fallible))]
fn timeline_part() -> Result<Timeline, Unavailable> {
    Ok(|e, lang, s| profile::timeline(e, lang, s).into_any())
}

/// Writes the explorer's download (`routes::explore::downloads::write`).
pub type WriteFile = fn(
    Format,
    Lang,
    &[usize],
    &[Summary],
    &Loaded,
    &Origin,
) -> (String, &'static str, &'static str);

#[cfg_attr(feature = "split", wasm_split(download, fallible))]
fn download_part() -> Result<WriteFile, Unavailable> {
    Ok(downloads::write)
}

/// Calls a split point: a future with `split`, an immediate result without.
macro_rules! load {
    ($page:ident) => {{
        #[cfg(feature = "split")]
        let built = $page().await;
        #[cfg(not(feature = "split"))]
        let built = $page();
        built
    }};
}

/// The map page (`/map`). Its Länder outlines download together with its code.
pub fn map() -> AnyView {
    let outlines = expect_context::<MapOutlines>();
    on_demand(map::HEAD, async move {
        outlines.preload();
        load!(map_page)
    })
}

/// The comparison page (`/compare`).
pub fn compare() -> AnyView {
    on_demand(compare::HEAD, async { load!(compare_page) })
}

/// The interview series, question by question (`/series`).
pub fn series() -> AnyView {
    on_demand(series::HEAD, async { load!(series_page) })
}

/// The about page (`/about`): the taxonomy, sources, licences, the published files and what
/// changed, read by few visits.
pub fn about() -> AnyView {
    on_demand(about::HEAD, async { load!(about_page) })
}

/// The report form (`/report`).
pub fn report() -> AnyView {
    on_demand(report::HEAD, async { load!(report_page) })
}

/// The overview's chart of the models year by year, its code fetched on demand ([`part`]) —
/// except on a first visit that lands on the overview: the pre-rendered chart is static and,
/// drawn from the same index, date and language, the same as the app would draw
/// ([`crate::takeover::adoptable`]), so the app shows it as it is (docs/PERFORMANCE.md, "The first
/// load after the atlas at a date").
pub fn years_chart(at: Option<At>, lang: Lang, s: &'static Strings) -> AnyView {
    // The index as loaded (shared, not a copy of its list); drawn only with it, as the overview is.
    let index = crate::data::use_index().get_untracked();
    let key = match index.as_deref() {
        Some(Ok(l)) => years_chart_key(l, at, lang),
        _ => return ().into_any(),
    };
    #[cfg(not(feature = "ssr"))]
    if crate::takeover::adoptable(YEARS_CHART, &key) {
        // Not a grid item itself (`display: contents`): the chart moved into it is.
        return view! { <div class="adopted" data-adopt=YEARS_CHART></div> }.into_any();
    }
    part(
        "chart-wide",
        async { load!(years_chart_part) },
        move |draw: YearsChart| match index.as_deref() {
            Some(Ok(l)) => draw(&l.dataset.entities, l.dataset.as_of, at, lang, s, &key),
            _ => ().into_any(),
        },
    )
}

/// The year chart's `data-part`, which its box in the app names (`data-adopt`).
pub const YEARS_CHART: &str = "years-chart";

/// What the year chart is drawn from, as its `data-key` says: the index (its Stand and
/// version), the date shown and the language.
fn years_chart_key(index: &Loaded<Summary>, at: Option<At>, lang: Lang) -> String {
    let d = &index.dataset;
    let version = d.data_version.map(|v| v.to_string()).unwrap_or_default();
    let at = at.map(|a| a.to_string()).unwrap_or_default();
    format!("{} {} {version} {at}", lang.code(), d.as_of)
}

/// The profile's timeline of periods of the entity `id`, its code fetched on demand ([`part`]).
/// Drawn only with the dataset loaded, as the profile's details are.
pub fn timeline(id: String, lang: Lang, s: &'static Strings) -> AnyView {
    // The dataset as loaded (shared, not a copy of the entity).
    let data = crate::data::peek_dataset().get_untracked();
    part(
        "timeline-part",
        async { load!(timeline_part) },
        move |draw: Timeline| match data.as_deref() {
            Some(Ok(full)) => full
                .dataset
                .entity(&id)
                .map(|e| draw(e, lang, s))
                .into_any(),
            _ => ().into_any(),
        },
    )
}

/// The explorer's download writer, fetched with the first download.
pub async fn download_writer() -> Result<WriteFile, Unavailable> {
    load!(download_part)
}

/// The explorer's time control, its code fetched on demand ([`part`]).
pub fn time_control(
    at: Signal<Option<At>>,
    set: Callback<(Option<At>, Write)>,
    span: Span,
    counts: Signal<(usize, usize)>,
    lang: Lang,
) -> AnyView {
    part(
        "time-control",
        async { load!(time_control_part) },
        move |draw: TimeControlPart| draw(at, set, span, counts, lang),
    )
}

/// A part of a page in the main module whose code is fetched the first time it is shown, as a
/// page's is: the parts of the atlas at a date (issue #23) that a first view of the overview and
/// the explorer does not need before the reader can read (the pre-rendered page shows them, and
/// the app takes over once they are in: the load counts as the first page's, from now). Until
/// then an empty box of the part's class holds its place; a part that cannot be fetched is left
/// out (the page reads without it).
fn part<F: Copy + Send + Sync + 'static>(
    class: &'static str,
    load: impl Future<Output = Result<F, Unavailable>> + 'static,
    draw: impl Fn(F) -> AnyView + Send + Sync + 'static,
) -> AnyView {
    #[cfg(feature = "ssr")]
    {
        use std::task::{Context, Poll, Waker};
        let _ = class;
        let mut load = std::pin::pin!(load);
        return match load.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(Ok(f)) => draw(f),
            _ => ().into_any(),
        };
    }
    #[allow(unreachable_code)]
    let drawn = async move {
        let f = load.await?;
        Ok(Arc::new(move || draw(f)) as Drawn)
    };
    part_slot(class, Box::pin(drawn))
}

/// A part, ready to draw.
type Drawn = Arc<dyn Fn() -> AnyView + Send + Sync>;

/// [`part`]'s reactive slot, once for all parts (each generic instance costs the main module).
fn part_slot(
    class: &'static str,
    load: std::pin::Pin<Box<dyn Future<Output = Result<Drawn, Unavailable>>>>,
) -> AnyView {
    let slot = RwSignal::new(None::<Result<Drawn, Unavailable>>);
    // Counted from now, not from the paint: the first page is not settled without it.
    let loading = Loading::begin();
    spawn_local(async move {
        after_paint().await;
        let built = load.await;
        let _ = slot.try_set(Some(built));
        drop(loading);
    });
    (move || match slot.get() {
        None => view! { <div class=format!("{class} waiting") aria-busy="true"></div> }.into_any(),
        Some(Ok(draw)) => draw(),
        Some(Err(Unavailable)) => ().into_any(),
    })
    .into_any()
}

#[derive(Clone, Copy)]
enum Slot {
    Loading,
    Ready(Build),
    Failed,
}

/// Shows the head of the page and a loading status until `load` yields the page, then the
/// page; a failed load is said in words, with a button that reloads. `load` starts once the
/// head has been painted: on a first visit the main module, which draws the head, has the line
/// to itself until then.
fn on_demand(
    head: PageHead,
    load: impl Future<Output = Result<Build, Unavailable>> + 'static,
) -> AnyView {
    // A prerender draws the page itself: without `split` the page's code is already here, and
    // `load` is ready when first polled.
    #[cfg(feature = "ssr")]
    {
        use std::task::{Context, Poll, Waker};
        let mut load = std::pin::pin!(load);
        return match load.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(Ok(build)) => build(),
            _ => loading(head).into_any(),
        };
    }
    #[allow(unreachable_code)]
    let slot = RwSignal::new(Slot::Loading);
    spawn_local(async move {
        after_paint().await;
        let _loading = Loading::begin();
        let next = match load.await {
            Ok(build) => Slot::Ready(build),
            Err(Unavailable) => Slot::Failed,
        };
        // The reader may have left the page meanwhile.
        let _ = slot.try_set(next);
    });
    (move || match slot.get() {
        Slot::Loading => loading(head).into_any(),
        Slot::Ready(build) => build(),
        Slot::Failed => unavailable(head).into_any(),
    })
    .into_any()
}

/// What `data_page` shows while the data loads: to the reader, the page's code is part of it.
fn loading(head: PageHead) -> impl IntoView {
    let status = localized(|_, s| view! { <p class="status" role="status">{s.loading}</p> });
    view! { <section class=head.class>{page_head(head)} {status}</section> }
}

fn unavailable(head: PageHead) -> impl IntoView {
    let notice = localized(|_, s| {
        view! {
            <section class="error-state" role="alert" aria-labelledby="unavailable-title">
                <h2 id="unavailable-title">{s.page_unavailable_title}</h2>
                <p>{s.page_unavailable_body}</p>
                <button type="button" class="button" on:click=|_| { let _ = window().location().reload(); }>
                    {s.reload}
                </button>
            </section>
        }
    });
    view! { <section class=head.class>{page_head(head)} {notice}</section> }
}
