//! Placeholder for views that later issues build (map, explorer, compare).

use leptos::prelude::*;

use crate::head::use_title;
use crate::i18n::{localized, use_strings};
use crate::paths::Page;

#[component]
pub fn Planned(page: Page) -> impl IntoView {
    let s = use_strings();
    use_title(move || page.label(s()).to_owned());
    localized(move |_, s| {
        view! {
            <section class="page">
                <h1>{page.label(s)}</h1>
                <p class="notice"><strong>{s.planned_title}</strong> " – " {s.planned_body}</p>
                <p><a href=Page::Overview.path()>{s.profile_back}</a></p>
            </section>
        }
    })
}
