//! One module per routed view.

pub mod about;
pub mod overview;
pub mod planned;
pub mod profile;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use crate::i18n::use_strings;
use crate::paths::Page;

/// Unknown path or unknown entity id.
#[component]
pub fn NotFound() -> impl IntoView {
    let s = use_strings();
    view! {
        <Title text=move || s().not_found_title />
        <section class="page">
            <h1>{move || s().not_found_title}</h1>
            <p>{move || s().not_found_body}</p>
            <p><A href=Page::Overview.path()>{move || s().profile_back}</A></p>
        </section>
    }
}
