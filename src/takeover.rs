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
//!
//! A static part of the first page (no handlers: the overview's year chart) can instead be taken
//! from the pre-rendered page as it is ([`adoptable`]): the app then shows it without fetching
//! its code or drawing it, if it says it was drawn from what the app would draw it from.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

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
    adopt_parts();
    for node in all(&format!("[{PRERENDERED}]")) {
        if let Some(parent) = node.parent_node() {
            let _ = parent.remove_child(&node);
        }
    }
    if let Some(html) = document().document_element() {
        let _ = html.remove_attribute(TAKING_OVER);
    }
}

/// The mark of a box the app drew for a part of the pre-rendered page ([`adoptable`]):
/// [`finish`] moves the part into it.
pub const ADOPT: &str = "data-adopt";

/// Whether the pre-rendered page has the part `name` (`data-part`) drawn from `key` (its
/// `data-key`: the same data, date and language as the app would draw it from), while the app
/// takes over from it (before [`finish`]). If so the app draws an empty box marked
/// [`ADOPT`]`=name` instead, and [`finish`] moves the part into it: the part shows as
/// pre-rendered, without the app fetching its code or drawing it.
pub fn adoptable(name: &str, key: &str) -> bool {
    let taking_over = document()
        .document_element()
        .is_some_and(|html| html.has_attribute(TAKING_OVER));
    taking_over
        && prerendered_part(name)
            .is_some_and(|part| part.get_attribute("data-key").as_deref() == Some(key))
}

fn prerendered_part(name: &str) -> Option<web_sys::Element> {
    let part = format!("[data-part={name}]");
    all(&format!("[{PRERENDERED}]")).find_map(|top| top.query_selector(&part).ok().flatten())
}

/// Moves each adopted part from the pre-rendered page into the app's box for it ([`adoptable`]).
fn adopt_parts() {
    for holder in all(&format!("[{ADOPT}]")) {
        let part = holder
            .get_attribute(ADOPT)
            .and_then(|name| prerendered_part(&name));
        if let Some(part) = part {
            let _ = holder.append_child(&part);
        }
    }
}

/// The document's elements that `selector` matches, in document order (none if it is invalid).
fn all(selector: &str) -> impl Iterator<Item = web_sys::Element> {
    let found = document().query_selector_all(selector).ok();
    let n = found.as_ref().map_or(0, |f| f.length());
    (0..n).filter_map(move |i| found.as_ref()?.item(i)?.dyn_into().ok())
}
