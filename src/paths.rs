//! Every route of the app in one place: the pages, their paths and how to link to them.
//! Views never build route strings themselves.
//!
//! A path names the language it is shown in: German at the root (`/map`), every other language
//! under its code (`/en/map`), so that an address passed on opens the page as it was read and a
//! static host can serve each language its own file. Addresses of the older form (`?lang=en`)
//! are redirected (`i18n::keep_lang_in_address`).
//!
//! Everything here is a pure function of its arguments: no browser is read, so the same links
//! are built in a browser, a test or a prerender.

use cdo_text::Lang;

/// The top-level pages, in navigation order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Map,
    Explore,
    Compare,
    Series,
    Report,
    About,
}

impl Page {
    pub const NAV: [Page; 7] = [
        Page::Overview,
        Page::Map,
        Page::Explore,
        Page::Compare,
        Page::Series,
        Page::Report,
        Page::About,
    ];

    pub fn path(self) -> &'static str {
        match self {
            Page::Overview => "/",
            Page::Map => "/map",
            Page::Explore => "/explore",
            Page::Compare => "/compare",
            Page::Series => "/series",
            Page::Report => "/report",
            Page::About => "/about",
        }
    }

    /// A link to the page, in `lang`.
    pub fn href(self, lang: Lang) -> String {
        in_lang(self.path().to_owned(), lang)
    }

    pub fn label(self, s: &cdo_text::Strings) -> &'static str {
        match self {
            Page::Overview => s.nav_overview,
            Page::Map => s.nav_map,
            Page::Explore => s.nav_explore,
            Page::Compare => s.nav_compare,
            Page::Series => s.nav_series,
            Page::Report => s.nav_report,
            Page::About => s.nav_about,
        }
    }
}

/// What a path shows. The app matches paths itself (see `lib.rs`, `Pages`) instead of with
/// leptos_router's `<Routes>`: every route added there grows a nested generic `EitherOfN` and
/// instantiates its matching and rendering code once more (what that cost, measured:
/// docs/PERFORMANCE.md, "Size"), while this match costs next to nothing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    Page(Page),
    Entity(String),
    NotFound,
}

impl Route {
    /// The route of a path in any language.
    pub fn of(pathname: &str) -> Route {
        let pathname = split_lang(pathname).1;
        let path = if pathname.len() > 1 {
            pathname.strip_suffix('/').unwrap_or(pathname)
        } else {
            pathname
        };
        if let Some(page) = Page::NAV.into_iter().find(|p| p.path() == path) {
            return Route::Page(page);
        }
        match path.strip_prefix("/entity/") {
            Some(id) if !id.is_empty() && !id.contains('/') => Route::Entity(id.to_owned()),
            _ => Route::NotFound,
        }
    }
}

/// The query parameters the page at `pathname` reads (`cdo_model::params`); every other route
/// reads none.
pub fn known_params(pathname: &str) -> &'static [cdo_model::params::Known] {
    use cdo_model::params;
    match Route::of(pathname) {
        Route::Page(Page::Map) => params::MAP,
        Route::Page(Page::Explore) => params::EXPLORE,
        Route::Page(Page::Compare) => params::COMPARE,
        Route::Page(Page::Report) => params::REPORT,
        Route::Page(Page::Overview) => params::OVERVIEW,
        _ => &[],
    }
}

/// A link to the profile of one entity, in `lang`. Ids are validated slugs, so they need no
/// escaping.
pub fn entity(lang: Lang, id: &str) -> String {
    in_lang(format!("/entity/{id}"), lang)
}

/// The report form with the name of the city or Land filled in ("Stadt melden" for a city not
/// covered yet, or an update of an entry).
pub fn report_for(lang: Lang, name: &str) -> String {
    with_query(lang, Page::Report, &[("name", name.to_owned())])
}

/// `path` (a link built here) as a full address on the site at `origin` (`https://…`), for
/// texts that leave the site, such as a citation.
pub fn absolute(origin: &str, path: &str) -> String {
    format!("{origin}{path}")
}

/// The editors' address for reports ("Stadt melden"). None of our sources names one, and we do
/// not invent it: until it is set here, the prepared mail has no recipient and the form says so.
pub const EDITORS_MAIL: Option<&str> = None;

/// Where the dataset is served from (absolute, so deep links load it too).
pub const DATASET_URL: &str = "/data/cdo-atlas.json";

/// Where a file published for reuse is served (`cdo_model::published`; written by
/// `cargo run -p xtask -- data`, but for the dataset and its changelog).
pub fn data_file(file: cdo_model::published::Published) -> String {
    format!("/data/{}", file.file_name())
}

/// The id of the about page's "Was ist neu" (the data changelog).
pub const WHATS_NEW: &str = "whats-new";

/// The about page's "Was ist neu", in `lang`: where a profile whose entry changed links to.
pub fn whats_new(lang: Lang) -> String {
    format!("{}#{WHATS_NEW}", Page::About.href(lang))
}

/// The dataset's index, what the lists read (`cdo_model::index`; written by
/// `cargo run -p xtask -- index`).
pub const INDEX_URL: &str = "/data/cdo-atlas.index.json";

/// The map's Länder outlines (generated by `cargo run -p xtask -- geodata`).
pub const OUTLINES_URL: &str = "/data/laender.json";

/// A page's URL with query pairs (values are URL-encoded), in `lang`.
pub fn with_query(lang: Lang, page: Page, query: &[(&str, String)]) -> String {
    let mut url = String::from(page.path());
    for (i, (k, v)) in query.iter().enumerate() {
        url.push(if i == 0 { '?' } else { '&' });
        url.push_str(k);
        url.push('=');
        url.push_str(&cdo_model::params::encode(v));
    }
    in_lang(url, lang)
}

/// `url` (a path of the app, perhaps with a query, in no language) in `lang`: German as it is,
/// another language under its code (`/` → `/en/`, `/map?axis=form` → `/en/map?axis=form`).
pub fn in_lang(url: String, lang: Lang) -> String {
    if lang == Lang::default() {
        url
    } else {
        format!("/{}{url}", lang.code())
    }
}

/// The language a path is in, and the path without its language (`/en/map` → English, `/map`;
/// `/en` → English, `/`).
pub fn split_lang(pathname: &str) -> (Lang, &str) {
    for lang in Lang::ALL {
        if lang == Lang::default() {
            continue;
        }
        let rest = pathname
            .strip_prefix('/')
            .and_then(|p| p.strip_prefix(lang.code()));
        match rest {
            Some("") => return (lang, "/"),
            Some(rest) if rest.starts_with('/') => return (lang, rest),
            _ => {}
        }
    }
    (Lang::default(), pathname)
}

/// The address of the page at `pathname` (with its `search` and `hash`) in `lang`: what the
/// language switch leads to. A `lang` parameter of the older form is left out.
pub fn switch_lang(pathname: &str, search: &str, hash: &str, lang: Lang) -> String {
    let path = split_lang(pathname).1;
    let search = cdo_model::params::with_param(search, "lang", None);
    format!("{}{search}{hash}", in_lang(path.to_owned(), lang))
}

/// Where an address of the older form (`/map?lang=en`) now lives (`/en/map`), if it is one: the
/// language its `lang` names, the rest of its query kept. `None` when it names none, or one the
/// app does not have (that value is named in the address notice instead).
pub fn moved_lang(pathname: &str, search: &str, hash: &str) -> Option<String> {
    let lang = lang_of(search)?;
    Some(switch_lang(pathname, search, hash, lang))
}

/// The language an address's query names (`lang=de|en`, the older form), if it names one.
pub fn lang_of(search: &str) -> Option<Lang> {
    cdo_model::params::value(search, "lang").and_then(Lang::from_code)
}

/// Whether an address's query has a `lang` that names no language the app has.
pub fn unreadable_lang(search: &str) -> bool {
    cdo_model::params::value(search, "lang").is_some() && lang_of(search).is_none()
}
