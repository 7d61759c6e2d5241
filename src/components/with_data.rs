//! Renders a view only once the dataset is loaded; shows the loading and error states otherwise.

use cdo_model::Loaded;
use leptos::prelude::*;

use crate::data::{use_dataset, LoadError};
use crate::i18n::{use_lang, use_strings};

/// `render` gets the loaded dataset; while it loads a status line shows, and a failed load shows
/// the reason with a retry button.
#[component]
pub fn WithData<F, V>(render: F) -> impl IntoView
where
    F: Fn(&Loaded) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let data = use_dataset();
    let s = use_strings();
    move || match data.get() {
        None => view! { <p class="status" role="status">{s().loading}</p> }.into_any(),
        Some(result) => match &*result {
            Ok(loaded) => render(loaded).into_any(),
            Err(error) => view! { <ErrorState error=error.clone() /> }.into_any(),
        },
    }
}

/// The dataset could not be loaded: say why and offer to try again.
#[component]
pub fn ErrorState(error: LoadError) -> impl IntoView {
    let data = use_dataset();
    let s = use_strings();
    let lang = use_lang();
    view! {
        <section class="error-state" role="alert" aria-labelledby="error-title">
            <h1 id="error-title">{move || s().error_title}</h1>
            <p>
                <strong>{move || s().error_intro}</strong>
                " "
                <span class="error-reason">{move || error.message(lang.get())}</span>
            </p>
            <button type="button" class="button" on:click=move |_| data.refetch()>
                {move || s().retry}
            </button>
        </section>
    }
}
