//! Controls that need the app, in a page read without JavaScript (issue #24). The pre-rendered
//! page (`ssr`, `xtask prerender`) reads in full without JavaScript, but a button, box or field
//! that the app drives would do nothing there. So the pre-render draws each one `disabled`
//! ([`needs_app`]; what cannot be disabled, `aria-disabled`), described by one notice that shows
//! only without JavaScript ([`without_js`], a `<noscript>`; the frame draws it on every page).
//!
//! With JavaScript the page looks as the app draws it, before and after the app takes over: the
//! notice is a `<noscript>`, and only `@media (scripting: none)` gives the disabled controls a
//! look of their own (`public/style.css`). Until the app has taken over they are disabled, which
//! is true: they do nothing before it has. The app's own render has neither.

use leptos::prelude::*;
use leptos::tachys::html::attribute::Attribute;

/// Whether this render is the pre-render, which is read without JavaScript (`xtask prerender`).
pub const PRERENDER: bool = cfg!(feature = "ssr");

/// The id of the notice that describes every control that needs the app.
pub const NOTE_ID: &str = "needs-app";

/// `aria-describedby` of a control that needs the app: the notice, in the pre-render only.
pub fn note() -> Option<&'static str> {
    PRERENDER.then_some(NOTE_ID)
}

/// Spread on a control that needs the app (`<button {..needs_app()} …>`): disabled and described
/// by the notice in the pre-render; nothing in the app. For a control with a `disabled` or
/// `aria-describedby` of its own, combine them with [`PRERENDER`] and [`note`] instead.
#[cfg(feature = "ssr")]
pub fn needs_app() -> impl Attribute {
    view! { <{..} disabled=PRERENDER aria-describedby=note() /> }
}

/// In the app: no attribute at all (two that said "not disabled, not described" cost the main
/// module ~1 KB over the 29 controls).
#[cfg(not(feature = "ssr"))]
pub fn needs_app() -> impl Attribute {}

/// `content` inside a `<noscript>`, in the pre-render only: what a reader without JavaScript
/// needs to know. It takes no room with JavaScript, so nothing moves when the app takes over.
#[cfg(feature = "ssr")]
pub fn without_js<V: IntoView + 'static>(content: impl FnOnce() -> V) -> impl IntoView {
    view! { <noscript>{content()}</noscript> }
}

/// In the app: nothing (see the pre-render's `without_js`).
#[cfg(not(feature = "ssr"))]
pub fn without_js<V: IntoView + 'static>(_: impl FnOnce() -> V) -> impl IntoView {}

/// The notice every control that needs the app points at (its id is [`NOTE_ID`]).
pub fn notice() -> impl IntoView {
    without_js(|| {
        crate::i18n::localized(|_, s| {
            view! { <p class="notice needs-app" id=NOTE_ID>{s.needs_app}</p> }
        })
    })
}
