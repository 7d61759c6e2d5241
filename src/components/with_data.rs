//! Renders a page only once its data is loaded — the index for the lists, the dataset for
//! details; shows the loading and error states otherwise.

use cdo_model::{Loaded, Summary};
use cdo_text::{Lang, Strings};
use leptos::prelude::*;

use crate::data::{use_dataset, use_index, Data, Load, LoadError};
use crate::i18n::{localized, use_lang};

/// A page body drawn from loaded data (by default the index) in one language. Boxed so that
/// every page shares one instantiation of the loading/error logic per kind of data.
pub type Render<T = Loaded<Summary>> =
    Box<dyn Fn(&T, Lang, &'static Strings) -> AnyView + Send + Sync>;

/// Reruns `render` whenever the index or the language changes; while the index loads a status
/// line shows, and a failed load shows the reason with a retry button (under an `<h1>`: the
/// page has no heading of its own until the data is there).
pub fn with_data(render: Render) -> impl IntoView {
    body(use_index(), render, Heading::Page)
}

/// Like [`with_data`], from the dataset itself (every entity in full), under a heading the page
/// has already drawn; asks for the dataset.
pub fn with_details(render: Render<Loaded>) -> impl IntoView {
    body(use_dataset(), render, Heading::Section)
}

/// A page whose heading and introduction need no data (`head` picks them from the strings):
/// they are drawn at once, so the first paint already says what the page is while the dataset
/// loads — usually the page's largest text, which is what LCP measures. The rest is `render`'s,
/// as in [`with_data`]; a failed load is then a section under the page's heading.
pub fn data_page(head: PageHead, render: Render) -> impl IntoView {
    let body = body(use_index(), render, Heading::Section);
    view! { <section class=head.class>{page_head(head)} {body}</section> }
}

/// [`data_page`] for a page that shows entities in full: drawn from the dataset.
pub fn details_page(head: PageHead, render: Render<Loaded>) -> impl IntoView {
    let body = body(use_dataset(), render, Heading::Section);
    view! { <section class=head.class>{page_head(head)} {body}</section> }
}

/// What a page shows before anything else: the class of its `<section>`, and its heading and
/// introduction from the strings. One constant per page, used by the page and by what shows while
/// its code loads (`on_demand.rs`), so the two cannot differ; `make shell` copies what they draw
/// into `web/shell.html`, which a first visit shows before the wasm has arrived.
#[derive(Clone, Copy)]
pub struct PageHead {
    pub class: &'static str,
    pub text: fn(&'static Strings) -> [&'static str; 2],
}

/// A page's `<h1>` and introduction, in the current language.
pub fn page_head(head: PageHead) -> impl IntoView {
    localized(move |_, s| {
        let [title, intro] = (head.text)(s);
        view! { <h1>{title}</h1><p class="lead">{intro}</p> }
    })
}

#[derive(Clone, Copy)]
enum Heading {
    /// The error state is the page: `<h1>`.
    Page,
    /// Under the page's own `<h1>`: `<h2>`.
    Section,
}

fn body<T: Send + Sync + 'static>(
    data: Data<T>,
    render: Render<T>,
    heading: Heading,
) -> impl IntoView
where
    Data<T>: Load,
{
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let s = lang.strings();
        match data.get() {
            None => view! { <p class="status" role="status">{s.loading}</p> }.into_any(),
            Some(result) => match &*result {
                Ok(loaded) => render(loaded, lang, s),
                Err(error) => error_state(error, lang, s, heading, move || data.load()).into_any(),
            },
        }
    }
}

/// The dataset could not be loaded: say why and offer to try again.
fn error_state(
    error: &LoadError,
    lang: Lang,
    s: &'static Strings,
    heading: Heading,
    retry: impl Fn() + Send + Sync + 'static,
) -> impl IntoView {
    let title = match heading {
        Heading::Page => view! { <h1 id="error-title">{s.error_title}</h1> }.into_any(),
        Heading::Section => view! { <h2 id="error-title">{s.error_title}</h2> }.into_any(),
    };
    view! {
        <section class="error-state" role="alert" aria-labelledby="error-title">
            {title}
            <p><strong>{s.error_intro}</strong> " " <span class="error-reason">{error.message(lang)}</span></p>
            <button type="button" class="button" on:click=move |_| retry()>{s.retry}</button>
        </section>
    }
}
