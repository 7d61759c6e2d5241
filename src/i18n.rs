//! The UI language as app-wide context: the one the address names (`lang=en`), else the
//! reader's choice remembered in localStorage, else German. `<html lang>` and the address follow
//! it, so that an address passed on opens the page in the language it was read in.

use cdo_text::{Lang, Strings};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::paths;

const STORAGE_KEY: &str = "cdo-atlas.lang";

/// The current language; a newtype so it is unambiguous in context.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// Reads the language from the opening address or the remembered choice and provides it as
/// context.
pub fn provide_lang() -> RwSignal<Lang> {
    let search = window().location().search().unwrap_or_default();
    let initial = paths::lang_of(&search).or_else(|| {
        storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|c| Lang::from_code(&c))
    });
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

/// Keeps the language and the address in step (inside the router): an address that names a
/// language (a link followed, back, forward) switches to it; otherwise the address is rewritten
/// in place to name the language shown (`lang=en`, nothing for German), unless its `lang` is
/// unreadable (then the address notice names it). A switch of language is a preference, not a
/// step in the history: it rewrites the current entry.
pub fn keep_lang_in_address() {
    let lang = use_lang();
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |before: Option<String>| {
        let search = location.search.get();
        let shown = lang.get();
        if before.as_ref() != Some(&search) {
            if let Some(named) = paths::lang_of(&search).filter(|l| *l != shown) {
                lang.set(named);
            }
        }
        // Checked in the next task, against the address bar itself: by then a navigation to
        // another path has reached it (the router writes it once the page is ready; rewriting
        // before would replace the previous entry), and so has the map's own `replaceState`
        // (zoom, pan), which the router does not see.
        let navigate = navigate.clone();
        set_timeout(
            move || {
                let Some(lang) = lang.try_get_untracked() else {
                    return;
                };
                let address = window().location();
                let actual = address.search().unwrap_or_default();
                let wanted = paths::lang_query(&actual, lang);
                // A value the app cannot read stays, named in the address notice.
                if paths::unreadable_lang(&actual)
                    || wanted.trim_start_matches('?') == actual.trim_start_matches('?')
                {
                    return;
                }
                let path = address.pathname().unwrap_or_default();
                let hash = address.hash().unwrap_or_default();
                let replace = NavigateOptions {
                    replace: true,
                    scroll: false,
                    ..Default::default()
                };
                navigate(&format!("{path}{wanted}{hash}"), replace);
            },
            std::time::Duration::ZERO,
        );
        search
    });
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
