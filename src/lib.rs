//! cdo-atlas: the Leptos app. `App` wires context and routes; each routed view lives in
//! `routes/`, shared pieces in `components/`. Domain logic is in `cdo-model`, all text in
//! `cdo-text`; views here only place and format.
//!
//! Views are built for a small wasm: a page is one reactive closure that reads the language and
//! the data and renders plain, non-reactive markup (see ARCHITECTURE.md, "Decisions").

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
pub mod routes;
pub mod settled;
pub mod theme;
pub mod url_state;

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use leptos_router::location::{BrowserUrl, LocationProvider};

use components::layout::Frame;
use paths::{Page, Route};
use routes::explore::ExplorePage;
use routes::{about::About, overview::Overview, profile::Profile, NotFound};

/// Removes the shell: the frame and heading `web/shell.js` showed from `index.html` while the
/// wasm was on its way (ARCHITECTURE.md, "The shell"). Called just before the app mounts, in the
/// same task, so the page is never painted without either.
pub fn remove_shell() {
    let Ok(shell) = document().query_selector_all("[data-shell]") else {
        return;
    };
    for i in 0..shell.length() {
        if let Some(node) = shell.item(i) {
            if let Some(parent) = node.parent_node() {
                let _ = parent.remove_child(&node);
            }
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    i18n::provide_lang();
    embed::provide_embed();
    data::provide_data();
    data::provide_outlines();
    picks::provide_picks();
    offline::provide_freshness();
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
        Route::Page(Page::About) => view! { <About /> }.into_any(),
        Route::Entity(id) => view! { <Profile id /> }.into_any(),
        Route::NotFound => view! { <NotFound /> }.into_any(),
    }
}
