//! The UI language as app-wide context. The address names it: German at the root (`/map`),
//! English under `/en/` (`paths::split_lang`). The path wins: every page is pre-rendered in the
//! language its path names (issue #24), and a shared link shows what its sender saw. Only the
//! site's root (`/`), which names no choice, opens in the reader's remembered language (and is
//! then rewritten to name it), as does the older form `?lang=en`. `<html lang>` and the
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

/// The language to start in: the older form's `lang` where the address has one, else the one
/// its path names; at the root (`/`), the remembered choice, else German. What `main` passes to
/// the app.
pub fn starting_lang(pathname: &str, search: &str, remembered: Option<&str>) -> Lang {
    match paths::split_lang(pathname) {
        _ if paths::lang_of(search).is_some() => paths::lang_of(search).unwrap_or_default(),
        (Lang::De, "/") => remembered.and_then(Lang::from_code).unwrap_or_default(),
        (named, _) => named,
    }
}

/// Whether the language an address shows is the one its path names: everywhere but at the root
/// in German's form (where the remembered choice may differ) and in the older form (`?lang=`).
fn path_decides(pathname: &str, search: &str) -> bool {
    paths::lang_of(search).is_none() && paths::split_lang(pathname) != (Lang::default(), "/")
}

/// The reader's remembered language, as stored.
pub fn remembered_lang() -> Option<String> {
    storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
}

/// Keeps the language and the address in step (inside the router). A path switches to the
/// language it names (`/en/map` English, `/map` German; a link followed, back, forward). The
/// root in German's form (`/`) keeps the language shown, its address rewritten in place to name
/// it, as is an address of the older form (`?lang=en` → `/en/…`).
pub fn keep_lang_in_address() {
    let lang = use_lang();
    let location = use_location();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let path = location.pathname.get();
        let search = location.search.get();
        let named = paths::split_lang(&path).0;
        if path_decides(&path, &search) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_path_names_the_language_and_only_the_root_remembers() {
        let en = Some("en");
        assert_eq!(starting_lang("/en/map", "", None), Lang::En);
        // The path wins…
        assert_eq!(starting_lang("/entity/darmstadt", "", en), Lang::De);
        assert_eq!(starting_lang("/map", "", en), Lang::De);
        // …but at the root, which names no choice.
        assert_eq!(starting_lang("/", "", en), Lang::En);
        assert_eq!(starting_lang("/", "", None), Lang::De);
        assert_eq!(starting_lang("/", "", Some("xx")), Lang::De);
        // The older form.
        assert_eq!(starting_lang("/map", "?lang=en", None), Lang::En);
        assert_eq!(starting_lang("/en/map", "?lang=de", None), Lang::De);
    }

    #[test]
    fn only_the_root_and_the_older_form_are_rewritten() {
        assert!(path_decides("/map", ""));
        assert!(path_decides("/en/", ""));
        assert!(path_decides("/en", ""));
        assert!(path_decides("/entity/x", "?embed=1"));
        assert!(!path_decides("/", ""));
        assert!(!path_decides("/map", "?lang=en"));
    }
}
