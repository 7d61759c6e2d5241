//! Issue #24 (spike): the app's own views rendered to HTML natively, with the committed dataset
//! provided through the same contexts the app reads (`data::provide_loaded`). Built only with the
//! `ssr` feature, by `xtask prerender`; never part of the wasm.
//!
//! What makes it work without a browser:
//! - an executor that runs no task: effects (which read and write browser state) and data loads
//!   (`spawn_local`) are never run, so only what the views draw while constructed is rendered;
//! - the router reads a `RequestUrl` (leptos_router's `ssr`) instead of `window.location`;
//! - `Start` carries what the browser would tell the app (language from the path, the origin);
//! - the data is ready before the views are built, so no page draws its loading state;
//! - the split pages draw their page at once (`on_demand`, under `ssr`).

use std::sync::{Arc, Mutex};

use cdo_model::geo::Outlines;
use cdo_model::{Loaded, Summary};
use leptos::prelude::*;
use leptos_router::location::RequestUrl;

use crate::data::{Dataset, Index, MapOutlines};
use crate::{App, Start};

/// What a page puts into the document's `<head>` while it is rendered (`head::use_head`).
#[derive(Clone, Default)]
pub struct Head(Arc<Mutex<Meta>>);

/// A page's own part of its head: what `head::use_head` was given. xtask adds what follows from
/// the address (canonical, alternates, cards).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    /// The document's title ("Darmstadt – cdo-atlas").
    pub title: Option<String>,
    /// `<meta name="description">` (`cdo_text::describe`).
    pub description: Option<String>,
}

impl Head {
    /// Called by `head::use_head`: the last page drawn wins (a page inside a page cannot be).
    pub fn set(&self, title: String, description: Option<String>) {
        if let Ok(mut meta) = self.0.lock() {
            *meta = Meta {
                title: Some(title),
                description,
            };
        }
    }

    fn meta(&self) -> Meta {
        self.0.lock().map(|m| m.clone()).unwrap_or_default()
    }
}

/// One rendered page: what goes into `<body>` and `<head>`.
pub struct Page {
    pub body: String,
    pub head: Meta,
}

/// An executor that drops every task: a prerender draws what the views build synchronously.
struct NoTasks;

impl any_spawner::CustomExecutor for NoTasks {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// Sets up the executor; call once per process before rendering.
pub fn init() {
    let _ = any_spawner::Executor::init_custom_executor(NoTasks);
}

/// Renders the app at `path` (with the language the path names) over `data` and its `index` (the
/// served index file: it carries what the dataset does not, the files' sizes and the changelog).
pub fn render(
    path: &str,
    start: Start,
    data: &Loaded,
    index: &Loaded<Summary>,
    outlines: Option<&Outlines>,
) -> Page {
    let owner = Owner::new();
    let page = owner.with(|| {
        provide_context(RequestUrl::new(path));
        let head = Head::default();
        provide_context(head.clone());
        // Provided before `App`, whose `provide_data` then leaves them be.
        provide_context(Index::ready(Ok(index.clone())));
        provide_context(Dataset::ready(Ok(data.clone())));
        provide_context(match outlines {
            Some(o) => MapOutlines::ready(Ok(o.clone())),
            None => MapOutlines::ready(Err(crate::data::LoadError::Outlines)),
        });
        let body = view! { <App start /> }.to_html();
        Page {
            body,
            head: head.meta(),
        }
    });
    drop(owner);
    page
}
