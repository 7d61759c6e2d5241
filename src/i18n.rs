//! The UI language as app-wide context: German by default, the reader's choice remembered in
//! localStorage, `<html lang>` following it.

use cdo_text::{Lang, Strings};
use leptos::prelude::*;

const STORAGE_KEY: &str = "cdo-atlas.lang";

/// The current language; a newtype so it is unambiguous in context.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// Reads the remembered language and provides it as context.
pub fn provide_lang() -> RwSignal<Lang> {
    let initial = storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|c| Lang::from_code(&c));
    let lang = RwSignal::new(initial.unwrap_or_default());
    // Sync with the outside world: `<html lang>` and the remembered choice.
    Effect::new(move |_| {
        let code = lang.get().code();
        crate::head::set_html_lang(code);
        if let Some(s) = storage() {
            // A full or disabled storage only means the choice is not remembered.
            let _ = s.set_item(STORAGE_KEY, code);
        }
    });
    provide_context(UiLang(lang));
    lang
}

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<UiLang>().0
}

/// The current language's strings, as a reactive getter: `move || s().nav_map`.
pub fn use_strings() -> impl Fn() -> &'static Strings + Copy {
    let lang = use_lang();
    move || lang.get().strings()
}

/// Renders `page` with the current language, again whenever it changes: one reactive closure
/// per page, plain markup inside.
pub fn localized<V: IntoView + 'static>(
    page: impl Fn(Lang, &'static Strings) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let lang = use_lang();
    move || {
        let lang = lang.get();
        page(lang, lang.strings())
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}
