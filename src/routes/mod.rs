//! One module per routed view.

pub mod about;
pub mod compare;
pub mod explore;
pub mod map;
pub mod overview;
pub mod profile;
pub mod report;
pub mod series;

use cdo_model::search::query_from_address;
use cdo_text::{Lang, Strings};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use leptos_router::location::Url;

use crate::head::use_head;
use crate::i18n::{localized, use_strings};
use crate::paths::{self, Page};

/// Unknown path. Its last segment may still name an entity (`/darmstadt`, `/stadt/koeln`).
#[component]
pub fn NotFound() -> impl IntoView {
    let s = use_strings();
    use_head(
        move || s().not_found_title.to_owned(),
        |lang| Some(cdo_text::describe::not_found(lang)),
    );
    let location = use_location();
    localized(move |lang, s| not_found(lang, s, paths::split_lang(&location.pathname.get()).1))
}

/// The "no such entry" body, for an unknown path or entity id. What the address named (its last
/// segment, `cdo_model::search::query_from_address`) is offered as a search of the explorer,
/// which folds spellings: `/entity/dusseldorf` finds Düsseldorf.
pub fn not_found(lang: Lang, s: &'static Strings, path: &str) -> impl IntoView {
    let decoded = Url::unescape(path);
    let search = query_from_address(&decoded).map(|q| {
        let href = paths::with_query(lang, Page::Explore, &[("q", q.clone())]);
        view! { <p><a href=href>{cdo_text::search_for(lang, &q)}</a></p> }
    });
    view! {
        <section class="page">
            <h1>{s.not_found_title}</h1>
            <p>{s.not_found_body}</p>
            {search}
            <p><a href=Page::Overview.href(lang)>{s.profile_back}</a></p>
        </section>
    }
}
