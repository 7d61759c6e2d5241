//! The document's `<title>`, description and `<html lang>`: what lives outside the mounted tree.
//! (Hand-written setters instead of leptos_meta, which cost ~6 KB gzip for these.)
//!
//! Every page says what it is through one seam, [`use_head`]. In the browser the title follows
//! the page from an effect; a prerender (`ssr`, `xtask prerender`) collects title and
//! description into [`crate::prerender::Head`], and xtask writes them with the canonical
//! address, the language alternates, the link-preview cards and JSON-LD into the page's head.

use cdo_text::Lang;
use leptos::prelude::*;

/// The page's title, "<page> – cdo-atlas" (`cdo_text::phrase::document_title`) while the calling
/// view is mounted, and its description (`cdo_text::describe`).
///
/// The description is written only by a prerender: in the browser `description` is never
/// called, so its wording and counting are not in the wasm. Nothing reads a description from
/// a live page: search engines and link previews read the page as served (each address its own
/// pre-rendered file, whose head the app leaves alone as it mounts), and an in-app navigation
/// is seen by the reader only, who sees the page itself. The title is what a reader does see
/// (tab, history, bookmarks), so it follows the page.
pub fn use_head(
    title: impl Fn() -> String + 'static,
    description: impl FnOnce(Lang) -> Option<String> + 'static,
) {
    // A prerender writes into the page's `<head>` (no effect runs there).
    #[cfg(feature = "ssr")]
    if let Some(head) = use_context::<crate::prerender::Head>() {
        let lang = crate::i18n::use_lang().get_untracked();
        head.set(
            cdo_text::phrase::document_title(&untrack(&title)),
            description(lang),
        );
        return;
    }
    drop(description);
    Effect::new(move |_| document().set_title(&cdo_text::phrase::document_title(&title())));
}

/// Sets `<html lang>`.
pub fn set_html_lang(code: &str) {
    if let Some(html) = document().document_element() {
        // Setting an attribute on <html> cannot fail for a valid name.
        let _ = html.set_attribute("lang", code);
    }
}
