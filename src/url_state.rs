//! A page's state kept in its address: `use_url_state` reads it from the query, and writes a new
//! state back as a history entry, a rewrite of the current entry, or a rewrite that waits until
//! the reader pauses. The map, the explorer and the comparison share it; the states themselves
//! (`MapState`, `ExploreState`, `CompareState`) and their query spelling live in `cdo_model`.

use std::time::Duration;

use cdo_model::compare::CompareState;
use cdo_model::explore::ExploreState;
use cdo_model::map::MapState;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::i18n::use_lang;
use crate::paths::{self, Page};

/// A state that stands in a page's query: read leniently (unreadable values skipped and named),
/// written with its defaults left out.
pub trait QueryState: Clone + PartialEq + Send + Sync + 'static {
    fn read(get: &dyn Fn(&str) -> Option<String>) -> (Self, Vec<&'static str>);
    fn write(&self) -> Vec<(&'static str, String)>;
}

/// How a new state reaches the address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Write {
    /// A new history entry (a filter, an axis, a page of the table): back undoes it.
    Push,
    /// The current entry rewritten at once (typing in a search).
    Replace,
    /// The current entry rewritten once the reader pauses, without the router: for continuous
    /// changes (zoom, pan, a slider), where a router navigation per event cost 5–20 ms
    /// (docs/PERFORMANCE.md). Back, forward and reload still see the exact view, because it is
    /// in the entry's address by then.
    ReplaceLater,
}

/// Pause after the last continuous change before the address is rewritten.
const LATER: Duration = Duration::from_millis(120);

/// What [`use_url_state`] gives a page.
pub struct UrlState<S: QueryState> {
    /// The state shown: the address's, or the one just set (before a later write reached it).
    pub state: RwSignal<S>,
    /// The query keys the address holds but the page could not read (for a notice).
    pub bad: Memo<Vec<&'static str>>,
    /// Shows a new state and writes it to the address.
    pub set: Callback<(S, Write)>,
}

impl<S: QueryState> Clone for UrlState<S> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<S: QueryState> Copy for UrlState<S> {}

/// The state of `page` in its address, kept in step both ways (reload, back and forward restore
/// the exact view).
pub fn use_url_state<S: QueryState>(page: Page) -> UrlState<S> {
    let query = use_query_map();
    let read = move || query.with(|q| S::read(&|k| q.get(k)));
    let state = RwSignal::new(untrack(read).0);
    let bad = Memo::new(move |_| read().1);
    // Back, forward and links change the address: the state follows.
    Effect::new(move |_| {
        let from_url = read().0;
        if state.get_untracked() != from_url {
            state.set(from_url);
        }
    });
    let pending = StoredValue::new(None::<TimeoutHandle>);
    // Leaving the page cancels a write still waiting (it would land on another page's entry).
    on_cleanup(move || cancel(pending));
    let navigate = use_navigate();
    let lang = use_lang();
    let set = Callback::new(move |(next, how): (S, Write)| {
        let url = paths::with_query(lang.get_untracked(), page, &next.write());
        state.set(next);
        cancel(pending);
        match how {
            Write::Push | Write::Replace => navigate(
                &url,
                NavigateOptions {
                    replace: how == Write::Replace,
                    scroll: false,
                    ..Default::default()
                },
            ),
            Write::ReplaceLater => {
                let write = move || {
                    // Only while the page is still the one shown.
                    let here = window()
                        .location()
                        .pathname()
                        .is_ok_and(|p| paths::Route::of(&p) == paths::Route::Page(page));
                    if let Some(history) = window().history().ok().filter(|_| here) {
                        // Failing to rewrite the address only loses shareability, never the view.
                        let _ = history.replace_state_with_url(
                            &wasm_bindgen::JsValue::NULL,
                            "",
                            Some(&url),
                        );
                    }
                };
                pending.set_value(set_timeout_with_handle(write, LATER).ok());
            }
        }
    });
    UrlState { state, bad, set }
}

fn cancel(pending: StoredValue<Option<TimeoutHandle>>) {
    if let Some(handle) = pending.try_update_value(Option::take).flatten() {
        handle.clear();
    }
}

impl QueryState for ExploreState {
    fn read(get: &dyn Fn(&str) -> Option<String>) -> (Self, Vec<&'static str>) {
        ExploreState::from_query(get)
    }
    fn write(&self) -> Vec<(&'static str, String)> {
        self.to_query()
    }
}

impl QueryState for MapState {
    fn read(get: &dyn Fn(&str) -> Option<String>) -> (Self, Vec<&'static str>) {
        MapState::from_query(get)
    }
    fn write(&self) -> Vec<(&'static str, String)> {
        self.to_query()
    }
}

impl QueryState for CompareState {
    fn read(get: &dyn Fn(&str) -> Option<String>) -> (Self, Vec<&'static str>) {
        CompareState::from_query(get)
    }
    fn write(&self) -> Vec<(&'static str, String)> {
        self.to_query()
    }
}
