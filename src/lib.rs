//! cdo-atlas: the Leptos app. `App` wires context and routes; each routed view lives in
//! `routes/`, shared pieces in `components/`. Domain logic is in `cdo-model`, all text in
//! `cdo-text`; views here only place and format.

pub mod components;
pub mod data;
pub mod i18n;
pub mod paths;
pub mod routes;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Html};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use components::layout::Shell;
use routes::{about::About, overview::Overview, planned::Planned, profile::Profile, NotFound};

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let lang = i18n::provide_lang();
    data::provide_dataset();
    view! {
        <Html {..} lang=move || lang.get().code() />
        <Router>
            <Shell>
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Overview />
                    <Route path=path!("/map") view=|| view! { <Planned page=paths::Page::Map /> } />
                    <Route path=path!("/explore") view=|| view! { <Planned page=paths::Page::Explore /> } />
                    <Route path=path!("/compare") view=|| view! { <Planned page=paths::Page::Compare /> } />
                    <Route path=path!("/entity/:id") view=Profile />
                    <Route path=path!("/about") view=About />
                </Routes>
            </Shell>
        </Router>
    }
}
