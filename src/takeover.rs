//! The hand-over from the pre-rendered page to the app (issue #24; ARCHITECTURE.md,
//! "Pre-rendering").
//!
//! Every address is served as HTML that `xtask prerender` rendered at build time from these same
//! views: a reader reads it before the wasm has arrived, or without JavaScript. Its top-level
//! elements carry `data-prerendered`. The app does not hydrate them (that costs the main module
//! ~150 KB gzip, and the first render would have to match the HTML exactly, which the reader's own
//! state — picks, colour scheme, offline notices, a filtered address — rules out). Instead:
//!
//! 1. [`begin`] (`main`, before mounting) marks `<html data-taking-over>`: the app mounts beside
//!    the pre-rendered page, laid out at full width but not shown (`public/style.css`), so that
//!    what it measures (the map's width) is what it will show;
//! 2. [`finish`] (`settled`, once the first page has everything it asked for: its data, its
//!    module) removes the pre-rendered elements and the mark in one task: the next frame shows the
//!    app's page, complete — never its loading states — in the place the pre-rendered one was.
//!
//! Without pre-rendered elements (a development build) both do nothing and the app shows at once.

use leptos::prelude::document;

/// The attribute on the pre-rendered page's top-level elements (written by `xtask prerender`).
pub const PRERENDERED: &str = "data-prerendered";
/// The mark on `<html>` while the app is drawn beside the pre-rendered page.
pub const TAKING_OVER: &str = "data-taking-over";

/// Marks `<html>` where a pre-rendered page is showing: the app is then drawn hidden until
/// [`finish`].
pub fn begin() {
    let shown = document()
        .query_selector(&format!("[{PRERENDERED}]"))
        .ok()
        .flatten()
        .is_some();
    if shown {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute(TAKING_OVER, "");
        }
    }
}

/// Removes the pre-rendered page and shows the app's: called once, when the first page has
/// settled.
pub fn finish() {
    if let Ok(prerendered) = document().query_selector_all(&format!("[{PRERENDERED}]")) {
        for i in 0..prerendered.length() {
            if let Some(node) = prerendered.item(i) {
                if let Some(parent) = node.parent_node() {
                    let _ = parent.remove_child(&node);
                }
            }
        }
    }
    if let Some(html) = document().document_element() {
        let _ = html.remove_attribute(TAKING_OVER);
    }
}
