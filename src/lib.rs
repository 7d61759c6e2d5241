//! cdo-atlas: the Leptos app. `App` wires context and routes; each routed view lives in
//! `routes/`, shared pieces in `components/`. Domain logic is in `cdo-model`, all text in
//! `cdo-text`; views here only place and format.
//!
//! Views are built for a small wasm: a page is one reactive closure that reads the language and
//! the data and renders plain, non-reactive markup (see ARCHITECTURE.md, "Decisions").

#![cfg_attr(feature = "ssr", recursion_limit = "512")]

pub mod components;
pub mod data;
pub mod download;
pub mod embed;
pub mod head;
pub mod i18n;
pub mod offline;
pub mod on_demand;
pub mod paths;
pub mod perf;
pub mod picks;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;
pub mod schedule;
pub mod settled;
pub mod takeover;
pub mod theme;
pub mod url_state;

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

use components::layout::Frame;
use paths::{Page, Route};
use routes::explore::ExplorePage;
use routes::{overview::Overview, profile::Profile, NotFound};

/// What the app starts with, read from the browser once by `main` (`Start::from_browser`), or
/// given by a test: components read no browser state while they are constructed, so that the
/// same views can be built without one.
#[derive(Clone, Debug, Default)]
pub struct Start {
    /// The language the opening address names; at the root, the remembered one
    /// (`i18n::starting_lang`).
    pub lang: cdo_text::Lang,
    /// The site's origin (`https://…`), for the addresses a citation gives.
    pub origin: String,
    /// The page is embedded in another site (`embed=1` in the opening address).
    pub embedded: bool,
    /// The compare picks as stored (`picks::Picks::parse` reads them).
    pub picks: Option<String>,
    /// The dark colour scheme is on (`web/theme.js` has set it before the first paint).
    pub dark: bool,
}

/// The site's origin the app started on (`Start::origin`).
pub fn use_origin() -> String {
    use_context::<Start>().map(|s| s.origin).unwrap_or_default()
}

impl Start {
    pub fn from_browser() -> Start {
        let location = window().location();
        let path = location.pathname().unwrap_or_default();
        let search = location.search().unwrap_or_default();
        Start {
            lang: i18n::starting_lang(&path, &search, i18n::remembered_lang().as_deref()),
            origin: location.origin().unwrap_or_default(),
            embedded: embed::asked_for(&search),
            picks: picks::stored(),
            dark: theme::is_dark(),
        }
    }
}

#[component]
pub fn App(start: Start) -> impl IntoView {
    i18n::provide_lang(start.lang);
    embed::provide_embed(start.embedded);
    data::provide_data();
    picks::provide_picks(start.picks.as_deref());
    offline::provide_freshness();
    provide_context(start);
    view! {
        <Router>
            <Frame>
                <Pages />
            </Frame>
        </Router>
    }
}

/// The page for the current path (`paths::Route`); re-rendered when the path changes, not when
/// only the query does (pages follow their own query).
#[component]
fn Pages() -> impl IntoView {
    let location = use_location();
    let route = Memo::new(move |_| location.pathname.with(|p| Route::of(p)));
    // The router writes a new path to the address bar only once the routes say they are ready
    // (`<Routes>` would); a change of query alone completes by itself.
    let browser = use_context::<BrowserUrl>();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(url) = &browser {
            url.ready_to_complete();
        }
    });
    move || match route.get() {
        Route::Page(Page::Overview) => view! { <Overview /> }.into_any(),
        Route::Page(Page::Map) => on_demand::map(),
        Route::Page(Page::Explore) => view! { <ExplorePage /> }.into_any(),
        Route::Page(Page::Compare) => {
            // The compare view shows entities in full: asked for alongside its module.
            data::use_dataset();
            on_demand::compare()
        }
        Route::Page(Page::Series) => {
            // The series page reads the interviews, which only the dataset holds.
            data::use_dataset();
            on_demand::series()
        }
        Route::Page(Page::Report) => on_demand::report(),
        Route::Page(Page::About) => on_demand::about(),
        Route::Entity(id) => {
            // A profile shows its entity in full: asked for as the page is built, not once the
            // index has drawn its heading, so that the first page's loads are all asked for by
            // its first paint (`settled`, which the hand-over waits for).
            data::use_dataset();
            view! { <Profile id /> }.into_any()
        }
        Route::NotFound => view! { <NotFound /> }.into_any(),
    }
}
