//! Loading the dataset: fetch with gloo-net, validate with `cdo_model::parse_dataset`, share the
//! result as context. The only place the app touches the network.
//!
//! A plain signal filled by a spawned task, rather than a `LocalResource`: the app loads one file
//! once (again only on "retry"), needs no Suspense, and the resource machinery cost ~10 KB gzip.

use std::sync::Arc;

use cdo_model::geo::{parse_outlines, Outlines};
use cdo_model::{parse_dataset, DatasetError, Loaded, PartialDate};
use cdo_text::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::paths::{DATASET_URL, OUTLINES_URL};

/// Why the dataset is not available.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No response at all (offline, server down).
    Network(String),
    /// The server answered with an error status.
    Http(u16),
    /// A response that is not a usable dataset.
    Dataset(DatasetError),
    /// The map outlines file is not readable.
    Outlines,
}

impl LoadError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadError::Network(m), Lang::De) => format!(
                "Keine Verbindung zum Server ({m}). Auf diesem Gerät sind noch keine Daten \
                 gespeichert: Nach einem ersten Besuch mit Verbindung funktioniert cdo-atlas \
                 auch offline."
            ),
            (LoadError::Network(m), Lang::En) => format!(
                "No connection to the server ({m}). No data is stored on this device yet: after \
                 one visit with a connection, cdo-atlas also works offline."
            ),
            (LoadError::Http(code), Lang::De) => {
                format!("Der Server antwortete mit dem Fehler HTTP {code}.")
            }
            (LoadError::Http(code), Lang::En) => {
                format!("The server answered with error HTTP {code}.")
            }
            (LoadError::Dataset(e), lang) => cdo_text::dataset_error(lang, e),
            (LoadError::Outlines, lang) => lang.strings().map_failed.to_owned(),
        }
    }
}

/// The outcome of one load, shared cheaply between views.
pub type DataResult = Arc<Result<Loaded, LoadError>>;

/// The dataset as app-wide context: `None` while loading.
#[derive(Clone, Copy)]
pub struct Dataset(RwSignal<Option<DataResult>>);

impl Dataset {
    /// A dataset that is already loaded (tests, fixtures).
    pub fn ready(result: Result<Loaded, LoadError>) -> Self {
        Dataset(RwSignal::new(Some(Arc::new(result))))
    }

    /// The current state, tracked: `None` while loading.
    pub fn get(&self) -> Option<DataResult> {
        self.0.get()
    }

    /// Fetches the dataset (again), showing the loading state meanwhile.
    pub fn load(&self) {
        let state = self.0;
        state.set(None);
        spawn_local(async move {
            let result = fetch().await;
            // Parsing and drawing the page were one long task that kept the page from answering
            // input; drawn in the next task, they are two (ARCHITECTURE.md, "Size").
            next_task().await;
            state.set(Some(Arc::new(result)))
        });
    }
}

/// Starts loading the dataset and provides it as context.
pub fn provide_dataset() {
    let dataset = Dataset(RwSignal::new(None));
    dataset.load();
    provide_context(dataset);
}

pub fn use_dataset() -> Dataset {
    expect_context::<Dataset>()
}

async fn fetch() -> Result<Loaded, LoadError> {
    let text = fetch_text(DATASET_URL).await?;
    crate::perf::mark("cdo:data:fetched");
    let loaded = parse_dataset(&text, today()).map_err(LoadError::Dataset);
    crate::perf::mark("cdo:data:validated");
    loaded
}

async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    // The body as bytes, copied into wasm memory once: `text()` would build a JS string first
    // and re-encode it (for a 20 MB file ~100 ms in Chromium, now ~10). Invalid UTF-8 is
    // replaced by U+FFFD, as `text()` does; the validator then sees what a reader would.
    let bytes = response
        .binary()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// The map's Länder outlines as app-wide context, fetched on the first visit to the map only.
#[derive(Clone, Copy)]
pub struct OutlinesState {
    result: RwSignal<Option<Arc<Result<Outlines, LoadError>>>>,
    asked: StoredValue<Asked>,
}

/// How far the outlines have been asked for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Asked {
    No,
    /// The browser downloads them (`preload`); nobody has read them yet.
    Preloaded,
    /// The map fetches (or has fetched) and parses them (`use_outlines`).
    Fetched,
}

impl OutlinesState {
    /// Outlines that are already loaded (tests, fixtures).
    pub fn ready(result: Result<Outlines, LoadError>) -> Self {
        OutlinesState {
            result: RwSignal::new(Some(Arc::new(result))),
            asked: StoredValue::new(Asked::Fetched),
        }
    }

    pub fn get(&self) -> Option<Arc<Result<Outlines, LoadError>>> {
        self.result.get()
    }

    /// Has the browser start downloading the outlines — a `<link rel=preload>`, which the map's
    /// own fetch takes over — so that they come with the map's code rather than after it. Only
    /// if nobody has asked for them yet: a preload that nobody takes is a console warning. The
    /// fetching and parsing stay with the map (`use_outlines`), and so in its module.
    pub fn preload(self) {
        if self.asked.try_get_value() != Some(Asked::No) {
            return;
        }
        self.asked.set_value(Asked::Preloaded);
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let (Ok(link), Ok(Some(head))) = (
            document.create_element("link"),
            document.query_selector("head"),
        ) else {
            return;
        };
        for (name, value) in [
            ("rel", "preload"),
            ("as", "fetch"),
            ("crossorigin", "anonymous"),
            ("href", OUTLINES_URL),
        ] {
            let _ = link.set_attribute(name, value);
        }
        let _ = head.append_child(&link);
    }
}

pub fn provide_outlines() {
    provide_context(OutlinesState {
        result: RwSignal::new(None),
        asked: StoredValue::new(Asked::No),
    });
}

/// The outlines, starting the fetch if nobody has yet.
pub fn use_outlines() -> OutlinesState {
    let state = expect_context::<OutlinesState>();
    if state.asked.get_value() != Asked::Fetched {
        state.asked.set_value(Asked::Fetched);
        let result = state.result;
        spawn_local(async move {
            let loaded = fetch_text(OUTLINES_URL)
                .await
                .and_then(|t| parse_outlines(&t).ok_or(LoadError::Outlines));
            let _ = result.try_set(Some(Arc::new(loaded)));
        });
    }
    state
}

/// Today's date in the reader's time zone; decides what counts as "in the future".
pub fn today() -> PartialDate {
    let now = js_sys::Date::new_0();
    PartialDate::ymd(
        now.get_full_year() as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
}

/// Resolves once the browser has painted what is on the page now: in the task after the next
/// animation frame. A background tab runs no animation frames, hence a timeout as well.
pub async fn after_paint() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.request_animation_frame(&resolve);
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 250);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    // The frame's callbacks run before its paint; a new task runs after it.
    next_task().await;
}

/// Resolves in a later task of the browser's event loop (`setTimeout(0)`): what comes after it
/// runs once the browser has had the chance to paint and to handle input.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
