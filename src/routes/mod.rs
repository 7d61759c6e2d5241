//! One module per routed view.

pub mod about;
pub mod compare;
pub mod explore;
pub mod map;
pub mod overview;
pub mod profile;
pub mod report;
pub mod series;

use cdo_text::{Lang, Strings};
use leptos::prelude::*;

use crate::head::use_title;
use crate::i18n::{localized, use_strings};
use crate::paths::Page;

/// Unknown path.
#[component]
pub fn NotFound() -> impl IntoView {
    let s = use_strings();
    use_title(move || s().not_found_title.to_owned());
    localized(not_found)
}

/// The "no such entry" body, also used for an unknown entity id.
pub fn not_found(lang: Lang, s: &'static Strings) -> impl IntoView {
    view! {
        <section class="page">
            <h1>{s.not_found_title}</h1>
            <p>{s.not_found_body}</p>
            <p><a href=Page::Overview.href(lang)>{s.profile_back}</a></p>
        </section>
    }
}
