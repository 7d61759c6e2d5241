//! Embed mode: `?embed=1` on any route renders the page for another site's iframe — no site
//! header or footer, a compact "cdo-atlas ↗" link to the full page instead. The mode is read
//! once from the address the page was opened with and kept while the page lives, so links
//! inside the embed stay embedded. `web/register.js` posts the page's height to the host.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[derive(Clone, Copy)]
pub struct Embedded(pub bool);

/// Whether an address's query (`search`) asks for embed mode (`embed=1`).
pub fn asked_for(search: &str) -> bool {
    cdo_model::params::value(search, "embed") == Some("1")
}

/// Provides embed mode (read from the opening address, `Start::embedded`) as context.
pub fn provide_embed(on: bool) {
    provide_context(Embedded(on));
}

pub fn is_embedded() -> bool {
    use_context::<Embedded>().is_some_and(|e| e.0)
}

/// The compact bar of an embedded page: the site's name linking to this page in full, in a new
/// tab (the host page stays).
#[component]
pub fn EmbedBar() -> impl IntoView {
    let location = use_location();
    let href = move || {
        let path = location.pathname.get();
        let query: Vec<String> = location
            .search
            .get()
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty() && !p.starts_with("embed="))
            .map(str::to_owned)
            .collect();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{}", query.join("&"))
        }
    };
    view! {
        <div class="embed-bar">
            <a href=href target="_blank" rel="noopener noreferrer">"cdo-atlas ↗"</a>
        </div>
    }
}
