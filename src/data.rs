//! Loading the data: fetch with gloo-net, validate with `cdo_model::parse_index` (the lists'
//! index) or `parse_dataset` (every entity in full), share the result as context. The only place
//! the app fetches data: gloo-net is used nowhere else (`xtask/tests/source_rules.rs` fails if it
//! is), and the map's outlines are preloaded from here too. The other requests the app causes are
//! for its own code: a page's wasm module, fetched by `__wasm_split.js` when `on_demand.rs` asks.
//!
//! Plain signals filled by spawned tasks, rather than `LocalResource`s: the app loads each file
//! once (again only on "retry" or newer data), needs no Suspense, and the resource machinery
//! costs more wasm than a signal (measured: docs/PERFORMANCE.md, "Size").

use std::sync::Arc;

use cdo_model::geo::{parse_outlines, Outlines};
use cdo_model::{parse_dataset, parse_index, DatasetError, Loaded, PartialDate, Summary};
use cdo_text::{Lang, LoadFailure};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::schedule::{after_paint, next_task};

use crate::paths::{DATASET_URL, INDEX_URL, OUTLINES_URL};

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
    /// Why, in words (`cdo_text::load_error`).
    pub fn message(&self, lang: Lang) -> String {
        let failure = match self {
            LoadError::Network(m) => LoadFailure::Network(m),
            LoadError::Http(code) => LoadFailure::Http(*code),
            LoadError::Dataset(e) => LoadFailure::Dataset(e),
            LoadError::Outlines => LoadFailure::Outlines,
        };
        cdo_text::load_error(lang, failure)
    }
}

/// One file the app loads, as app-wide context: `None` while it loads (or before anybody asked
/// for it). The outcome is shared cheaply between views.
pub struct Data<T: Send + Sync + 'static> {
    state: RwSignal<Option<Arc<Result<T, LoadError>>>>,
    asked: StoredValue<Asked>,
}

/// How far a file has been asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Asked {
    No,
    /// The browser downloads it (`preload`); nobody has read it yet.
    Preloaded,
    /// It is fetched (or has been) and parsed.
    Fetched,
}

impl<T: Send + Sync + 'static> Clone for Data<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Data<T> {}

impl<T: Send + Sync + 'static> Data<T> {
    fn new() -> Self {
        Data {
            state: RwSignal::new(None),
            asked: StoredValue::new(Asked::No),
        }
    }

    /// Data that is already loaded (tests, fixtures).
    pub fn ready(result: Result<T, LoadError>) -> Self {
        Data {
            state: RwSignal::new(Some(Arc::new(result))),
            asked: StoredValue::new(Asked::Fetched),
        }
    }

    /// The current state, tracked: `None` while loading.
    pub fn get(&self) -> Option<Arc<Result<T, LoadError>>> {
        self.state.get()
    }

    /// The current state, untracked.
    pub fn get_untracked(&self) -> Option<Arc<Result<T, LoadError>>> {
        self.state.get_untracked()
    }

    /// The loaded file, tracked: `None` while it loads, or if it failed.
    pub fn loaded(&self) -> Option<Ready<T>> {
        self.state.get().filter(|r| r.is_ok()).map(Ready)
    }

    /// Whether the file has been asked for (it may still be loading).
    pub fn asked(&self) -> bool {
        self.asked.try_get_value() == Some(Asked::Fetched)
    }

    /// Shows the loading state, runs `fetch`, and shows its outcome in a later task: parsing
    /// and drawing the page were one long task that kept the page from answering input; drawn
    /// in the next task, they are two (docs/PERFORMANCE.md, "Size").
    fn load_with(self, fetch: impl std::future::Future<Output = Result<T, LoadError>> + 'static) {
        self.asked.set_value(Asked::Fetched);
        let state = self.state;
        state.set(None);
        spawn_local(async move {
            let result = fetch.await;
            next_task().await;
            let _ = state.try_set(Some(Arc::new(result)));
        });
    }
}

/// A file that loaded ([`Data::loaded`]): reads as the file itself.
pub struct Ready<T>(Arc<Result<T, LoadError>>);

impl<T> std::ops::Deref for Ready<T> {
    type Target = T;

    fn deref(&self) -> &T {
        match &*self.0 {
            Ok(t) => t,
            // `Data::loaded` wraps only a file that loaded.
            Err(_) => unreachable!(),
        }
    }
}

/// What the lists show (overview, map, explorer, charts, the picks): the dataset's index, one
/// [`Summary`] per entity — or, where no usable index is served, the summaries of the dataset
/// itself. Loaded when the app starts.
pub type Index = Data<Loaded<Summary>>;

/// The dataset itself, every entity in full: for profile, compare and the explorer's downloads.
/// Loaded when first asked for ([`use_dataset`]).
pub type Dataset = Data<Loaded>;

/// The map's Länder outlines: fetched on the first visit to the map only ([`use_outlines`]).
pub type MapOutlines = Data<Outlines>;

/// Fetching a file (again), showing the loading state meanwhile.
pub trait Load {
    fn load(self);
}

impl Load for Index {
    fn load(self) {
        self.load_with(async {
            match fetch_index().await {
                Ok(index) => Ok(index),
                // No usable index (a deployment of the dataset alone, a proxy's error page, a
                // damaged file): the dataset holds the same entities, and its validation says
                // what is wrong with them, if anything.
                Err(_) => fetch_dataset().await.map(|full| full.summaries()),
            }
        });
    }
}

impl Load for Dataset {
    fn load(self) {
        self.load_with(fetch_dataset());
    }
}

impl Load for MapOutlines {
    fn load(self) {
        self.load_with(async {
            fetch_text(OUTLINES_URL)
                .await
                .and_then(|t| parse_outlines(&t).ok_or(LoadError::Outlines))
        });
    }
}

impl MapOutlines {
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

/// Provides the index, loading it, and the dataset, loaded once asked for.
pub fn provide_data() {
    // A prerender (`prerender::render`) has provided the data, loaded, before the app.
    #[cfg(feature = "ssr")]
    if use_context::<Index>().is_some() {
        return;
    }
    provide_context(Dataset::new());
    provide_context(MapOutlines::new());
    let index = Index::new();
    provide_context(index);
    index.load();
}

/// Provides `result` as the dataset and its summaries as the index (tests, fixtures).
pub fn provide_loaded(result: Result<Loaded, LoadError>) {
    let summaries = match &result {
        Ok(loaded) => Ok(loaded.summaries()),
        Err(e) => Err(e.clone()),
    };
    provide_context(Index::ready(summaries));
    provide_context(Dataset::ready(result));
}

/// The lists' data.
pub fn use_index() -> Index {
    expect_context::<Index>()
}

/// The dataset, asked for if nobody has yet — once the page has painted what it shows now (its
/// heading): Lighthouse counts every request that starts before the largest paint into that
/// paint's time (docs/PERFORMANCE.md, "Code splitting: measured"), and a profile's heading comes
/// from the index.
pub fn use_dataset() -> Dataset {
    let dataset = expect_context::<Dataset>();
    if !dataset.asked() {
        dataset.asked.set_value(Asked::Fetched);
        spawn_local(async move {
            after_paint().await;
            dataset.load();
        });
    }
    dataset
}

/// The dataset without asking for it: `get` is `None` until somebody has.
pub fn peek_dataset() -> Dataset {
    expect_context::<Dataset>()
}

/// Loads everything again that has been loaded (newer data was announced).
pub fn reload(index: Index, dataset: Dataset) {
    index.load();
    if dataset.asked() {
        dataset.load();
    }
}

async fn fetch_index() -> Result<Loaded<Summary>, LoadError> {
    let text = fetch_text(INDEX_URL).await?;
    crate::perf::mark("cdo:data:fetched");
    let loaded = parse_index(&text, today()).map_err(LoadError::Dataset);
    crate::perf::mark("cdo:data:validated");
    loaded
}

async fn fetch_dataset() -> Result<Loaded, LoadError> {
    let text = fetch_text(DATASET_URL).await?;
    crate::perf::mark("cdo:dataset:fetched");
    let loaded = parse_dataset(&text, today()).map_err(LoadError::Dataset);
    crate::perf::mark("cdo:dataset:validated");
    loaded
}

async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let _loading = crate::settled::Loading::begin();
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http(response.status()));
    }
    // The body as bytes, copied into wasm memory once: `text()` would build a JS string first
    // and re-encode it (measured on a 20 MB file: docs/PERFORMANCE.md, "Size"). Invalid UTF-8 is
    // replaced by U+FFFD, as `text()` does; the validator then sees what a reader would.
    let bytes = response
        .binary()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    Ok(String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()))
}

/// The outlines, starting the fetch if nobody has yet.
pub fn use_outlines() -> MapOutlines {
    let outlines = expect_context::<MapOutlines>();
    if !outlines.asked() {
        outlines.load();
    }
    outlines
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
