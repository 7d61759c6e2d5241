//! Renders a page only once the dataset is loaded; shows the loading and error states otherwise.

use cdo_model::Loaded;
use cdo_text::{Lang, Strings};
use leptos::prelude::*;

use crate::data::{use_dataset, LoadError};
use crate::i18n::use_lang;

/// A page body drawn from the loaded dataset in one language. Boxed so that every page shares
/// one instantiation of the loading/error logic.
pub type Render = Box<dyn Fn(&Loaded, Lang, &'static Strings) -> AnyView + Send + Sync>;

/// Reruns `render` whenever the data or the language changes; while the data loads a status
/// line shows, and a failed load shows the reason with a retry button.
pub fn with_data(render: Render) -> impl IntoView {
    let data = use_dataset();
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let s = lang.strings();
        match data.get() {
            None => view! { <p class="status" role="status">{s.loading}</p> }.into_any(),
            Some(result) => match &*result {
                Ok(loaded) => render(loaded, lang, s),
                Err(error) => error_state(error, lang, s).into_any(),
            },
        }
    }
}

/// The dataset could not be loaded: say why and offer to try again.
fn error_state(error: &LoadError, lang: Lang, s: &'static Strings) -> impl IntoView {
    let data = use_dataset();
    view! {
        <section class="error-state" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{s.error_title}</h1>
            <p><strong>{s.error_intro}</strong> " " <span class="error-reason">{error.message(lang)}</span></p>
            <button type="button" class="button" on:click=move |_| data.load()>{s.retry}</button>
        </section>
    }
}
