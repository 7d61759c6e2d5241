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

use leptos::prelude::*;
use leptos::task::spawn_local;
#[cfg(feature = "split")]
use wasm_split_helpers::{wasm_split, SplitLoaderError};

use crate::components::with_data::{page_head, PageHead};
use crate::data::MapOutlines;
use crate::i18n::localized;
use crate::routes::about::{self, About};
use crate::routes::compare::{self, ComparePage};
use crate::routes::map::{self, MapPage};
use crate::routes::report::{self, ReportPage};
use crate::routes::series::{self, SeriesPage};
use crate::schedule::after_paint;
use crate::settled::Loading;

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
