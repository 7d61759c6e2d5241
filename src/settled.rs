//! When the first page has everything it asked for.
//!
//! A first visit registers the service worker (`web/register.js`), whose install downloads
//! every file of the build for offline use. Registered at the `load` event, that came while
//! the page's own wasm was still on its way (`load` does not wait for a `fetch`), and on a slow
//! line the two shared it: the page's content came later (measured: docs/PERFORMANCE.md,
//! "The service worker's first install"). So the app counts what its first page loads — the
//! data files (`data::fetch_text`) and a page's module (`on_demand`) — and once they are all
//! in, says so: `cdo:settled` on `window` and `data-settled` on `<html>`. `register.js`
//! registers the worker then.

use std::cell::Cell;

use wasm_bindgen_futures::spawn_local;

use crate::schedule::{after_paint, next_task};

#[derive(Clone, Copy, PartialEq, Eq)]
enum Watch {
    /// The first page may still ask for something.
    Waiting,
    /// The first page has been painted: everything it loads has been asked for.
    Armed,
    /// Said; never again.
    Said,
}

thread_local! {
    static PENDING: Cell<usize> = const { Cell::new(0) };
    static WATCH: Cell<Watch> = const { Cell::new(Watch::Waiting) };
}

/// A load in progress, from [`Loading::begin`] until dropped.
#[must_use = "the load counts as finished when this is dropped"]
pub struct Loading(());

impl Loading {
    pub fn begin() -> Self {
        PENDING.with(|p| p.set(p.get() + 1));
        Loading(())
    }
}

impl Drop for Loading {
    fn drop(&mut self) {
        let left = PENDING.with(|p| {
            let left = p.get().saturating_sub(1);
            p.set(left);
            left
        });
        if left == 0 && WATCH.with(Cell::get) != Watch::Said {
            spawn_local(check());
        }
    }
}

/// Watches the first page. Called once it has been built (`main`, after mounting): every page
/// asks for its module and its data once its first paint is done (`after_paint`), so after
/// that paint nothing it needs is left unasked.
pub fn watch_first_page() {
    spawn_local(async {
        after_paint().await;
        WATCH.with(|w| w.set(Watch::Armed));
        check().await;
    });
}

/// Says "settled" if nothing is loading at the start of the next task — what one load's end
/// sets off (the map's outlines after its module, say) has been asked for by then.
async fn check() {
    next_task().await;
    let idle = PENDING.with(Cell::get) == 0;
    if idle && WATCH.with(Cell::get) == Watch::Armed {
        WATCH.with(|w| w.set(Watch::Said));
        say();
    }
}

/// For the component tests (`tests/web.rs`), which all run in one page and so share this
/// module's state: whether the first page's paint has been seen ([`watch_first_page`] armed),
/// and a fresh start, as a page begins (not said, `data-settled` gone). Loads in progress still
/// count. Never called by the app: the release build's linker leaves these out.
#[doc(hidden)]
pub mod testing {
    use super::{Watch, WATCH};
    use std::cell::Cell;

    pub fn armed() -> bool {
        WATCH.with(Cell::get) != Watch::Waiting
    }

    pub fn reset() {
        WATCH.with(|w| w.set(Watch::Waiting));
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.remove_attribute("data-settled");
        }
    }
}

fn say() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // The app's first page is complete: it takes the pre-rendered page's place.
    crate::takeover::finish();
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-settled", "");
    }
    if let Ok(event) = web_sys::Event::new("cdo:settled") {
        let _ = window.dispatch_event(&event);
    }
}
