//! The UI language as app-wide context. The address names it: German at the root (`/map`),
//! English under `/en/` (`paths::split_lang`). An address that names no other language opens
//! in the reader's remembered choice, and is then rewritten to name it; `<html lang>` and the
//! remembered choice follow the language shown.

use cdo_text::{Lang, Strings};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;

use crate::paths;

pub const STORAGE_KEY: &str = "cdo-atlas.lang";

/// The current language; a newtype so it is unambiguous in context.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// Provides the language the app starts in (`Start::lang`) as context, and keeps `<html lang>`
/// and the remembered choice in step with it.
pub fn provide_lang(initial: Lang) -> RwSignal<Lang> {
    let lang = RwSignal::new(initial);
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

/// The language to start in: the one the opening address names (its path, or the older form's
/// `lang`), else the remembered choice, else German. What `main` passes to the app.
pub fn starting_lang(pathname: &str, search: &str, remembered: Option<&str>) -> Lang {
    match paths::split_lang(pathname).0 {
        Lang::De => paths::lang_of(search)
            .or_else(|| remembered.and_then(Lang::from_code))
            .unwrap_or_default(),
        named => named,
    }
}

/// The reader's remembered language, as stored.
pub fn remembered_lang() -> Option<String> {
    storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
}

/// Keeps the language and the address in step (inside the router). A path that names a
/// language (`/en/…`; a link followed, back, forward) switches to it. A path that names none
/// (German's, `/map`) is German for a reader who has not chosen otherwise; for one reading in
/// another language, its address is rewritten in place to name that language, as is an address
/// of the older form (`?lang=en` → `/en/…`).
pub fn keep_lang_in_address() {
    let lang = use_lang();
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let path = location.pathname.get();
        let search = location.search.get();
        let named = paths::split_lang(&path).0;
        if named != Lang::default() && paths::lang_of(&search).is_none() {
            if named != lang.get_untracked() {
                lang.set(named);
            }
            return;
        }
        // Checked in the next task, against the address bar itself: by then a navigation to
        // another path has reached it (the router writes it once the page is ready; rewriting
        // before would replace the previous entry), and so has the map's own `replaceState`.
        let navigate = navigate.clone();
        set_timeout(
            move || {
                let Some(shown) = lang.try_get_untracked() else {
                    return;
                };
                let (path, search, hash) = address_bar();
                let to = match paths::moved_lang(&path, &search, &hash) {
                    Some(to) => to,
                    None if paths::split_lang(&path).0 != shown => {
                        paths::switch_lang(&path, &search, &hash, shown)
                    }
                    None => return,
                };
                navigate(&to, in_place());
            },
            std::time::Duration::ZERO,
        );
    });
}

/// Shows the page in `to`: the language switch. The current entry is rewritten, since a language
/// is a preference, not a step in the history. The address is read from the address bar, which
/// the map rewrites without the router (`url_state`, `Write::ReplaceLater`).
pub fn switch_to(lang: RwSignal<Lang>, to: Lang, navigate: impl Fn(&str, NavigateOptions)) {
    lang.set(to);
    let (path, search, hash) = address_bar();
    navigate(&paths::switch_lang(&path, &search, &hash, to), in_place());
}

/// The address bar's path, query and fragment (which the map rewrites without the router).
fn address_bar() -> (String, String, String) {
    let address = window().location();
    let part = |r: Result<String, _>| r.unwrap_or_default();
    (
        part(address.pathname()),
        part(address.search()),
        part(address.hash()),
    )
}

/// A navigation that rewrites the current entry and keeps the scroll position.
fn in_place() -> NavigateOptions {
    NavigateOptions {
        replace: true,
        scroll: false,
        ..Default::default()
    }
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
