//! Placeholder for views that later issues build (map, explorer, compare).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::use_strings;
use crate::paths::Page;

#[component]
pub fn Planned(page: Page) -> impl IntoView {
    let s = use_strings();
    view! {
        <Title text=move || page.label(s()) />
        <section class="page">
            <h1>{move || page.label(s())}</h1>
            <p class="notice"><strong>{move || s().planned_title}</strong> " – " {move || s().planned_body}</p>
            <p><A href=Page::Overview.path()>{move || s().profile_back}</A></p>
        </section>
    }
}
