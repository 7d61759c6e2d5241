//! The colour scheme toggle. `web/theme.js` (inlined into `<head>`) sets `data-theme` on `<html>` before the first
//! paint (the remembered choice, else the system's); this toggle flips it and remembers the
//! choice in localStorage under the same key. The palettes are in `public/style.css`.

use leptos::prelude::*;

use crate::i18n::use_strings;

const STORAGE_KEY: &str = "cdo-atlas.theme";

/// Whether the dark scheme is on (`Start::dark`).
pub fn is_dark() -> bool {
    document()
        .document_element()
        .and_then(|r| r.get_attribute("data-theme"))
        .is_some_and(|t| t == "dark")
}

/// "Dunkel" in the header: a toggle button (`aria-pressed`), remembered.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let s = use_strings();
    let dark = RwSignal::new(use_context::<crate::Start>().is_some_and(|s| s.dark));
    let toggle = move |_| {
        let next = !dark.get_untracked();
        let value = if next { "dark" } else { "light" };
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("data-theme", value);
        }
        if let Ok(Some(storage)) = window().local_storage() {
            // A disabled storage only means the choice is not remembered.
            let _ = storage.set_item(STORAGE_KEY, value);
        }
        dark.set(next);
    };
    view! {
        <button
            type="button"
            class="theme-switch"
            {..crate::components::needs_app::needs_app()}
            aria-pressed=move || dark.get().to_string()
            title=move || s().theme_dark_label
            on:click=toggle
        >
            {move || s().theme_dark}
        </button>
    }
}
