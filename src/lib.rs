//! cdo-atlas: the Leptos app. `App` wires context and routes; each routed view lives in
//! `routes/`, shared pieces in `components/`. Domain logic is in `cdo-model`, all text in
//! `cdo-text`; views here only place and format.
//!
//! Views are built for a small wasm: a page is one reactive closure that reads the language and
//! the data and renders plain, non-reactive markup (see ARCHITECTURE.md, "Size").

pub mod components;
pub mod data;
pub mod download;
pub mod embed;
pub mod head;
pub mod i18n;
pub mod offline;
pub mod paths;
pub mod perf;
pub mod picks;
pub mod routes;
pub mod theme;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::layout::Shell;
use routes::compare::ComparePage;
use routes::explore::ExplorePage;
use routes::{about::About, map::MapPage, overview::Overview, profile::Profile, NotFound};

#[component]
pub fn App() -> impl IntoView {
    i18n::provide_lang();
    embed::provide_embed();
    data::provide_dataset();
    data::provide_outlines();
    picks::provide_picks();
    offline::provide_freshness();
    view! {
        <Router>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Overview />
                    <Route path=path!("/map") view=MapPage />
                    <Route path=path!("/explore") view=ExplorePage />
                    <Route path=path!("/compare") view=ComparePage />
                    <Route path=path!("/entity/:id") view=Profile />
                    <Route path=path!("/about") view=About />
                </Routes>
            </Shell>
        </Router>
    }
}
