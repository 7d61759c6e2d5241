//! The document's `<title>` and `<html lang>`: set from effects, since they live outside the
//! mounted tree. (A hand-written pair of setters instead of leptos_meta, which cost ~6 KB gzip
//! for these two attributes.)

use leptos::prelude::*;

/// Keeps `document.title` at "<page> – cdo-atlas" (`cdo_text::phrase::document_title`) while
/// the calling view is mounted.
pub fn use_title(page: impl Fn() -> String + 'static) {
    // A prerender writes the title into the page's `<head>` (no effect runs there).
    #[cfg(feature = "ssr")]
    if let Some(head) = use_context::<crate::prerender::Head>() {
        let title = cdo_text::phrase::document_title(&untrack(&page));
        if let Ok(mut t) = head.title.lock() {
            *t = Some(title);
        }
        return;
    }
    Effect::new(move |_| document().set_title(&cdo_text::phrase::document_title(&page())));
}

/// Sets `<html lang>`.
pub fn set_html_lang(code: &str) {
    if let Some(html) = document().document_element() {
        // Setting an attribute on <html> cannot fail for a valid name.
        let _ = html.set_attribute("lang", code);
    }
}
