//! The reader's picks for a comparison (`cdo_model::compare::Picks`) as app-wide context: ticked
//! on the explorer, the map's list and profiles, shown in a tray with a "Vergleichen" link, kept
//! in `sessionStorage` so they survive page changes and reloads within the tab. The comparison
//! itself is shared through its URL (`/compare?ids=…`), the picks are just the basket.

use cdo_model::compare::Picks;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::components::needs_app::needs_app;
use crate::data::use_index;
use crate::i18n::{localized, use_lang, use_strings};
use crate::paths::{self, Page};

const STORAGE_KEY: &str = "cdo-atlas.picks";

#[derive(Clone, Copy)]
pub struct PicksContext {
    picks: RwSignal<Picks>,
    /// Set when a pick was refused (a fifth), shown by the tray; cleared by the next change.
    refused: RwSignal<bool>,
}

impl PicksContext {
    pub fn contains(&self, id: &str) -> bool {
        self.picks.with(|p| p.contains(id))
    }

    /// Toggles `id`; returns whether it is picked afterwards.
    pub fn toggle(&self, id: &str) -> bool {
        let mut refused = false;
        self.picks.update(|p| refused = p.toggle(id).is_err());
        self.refused.set(refused);
        self.contains(id)
    }
}

/// The picks as stored (`Start::picks`).
pub fn stored() -> Option<String> {
    storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
}

/// Provides the picks (`stored`, as `Start::picks` read them) as context, and stores every change.
pub fn provide_picks(stored: Option<&str>) {
    let picks = RwSignal::new(stored.map(Picks::parse).unwrap_or_default());
    Effect::new(move |_| {
        let value = picks.with(Picks::serialize);
        if let Some(s) = storage() {
            // A full or disabled storage only means the picks do not survive a reload.
            let _ = s.set_item(STORAGE_KEY, &value);
        }
    });
    // Picks from an older dataset that no longer has them are dropped once it has loaded.
    let data = use_index();
    Effect::new(move |_| {
        if let Some(Ok(loaded)) = data.get().as_deref() {
            let mut known = picks.get_untracked();
            known.retain_known(&loaded.dataset.entities);
            if known != picks.get_untracked() {
                picks.set(known);
            }
        }
    });
    provide_context(PicksContext {
        picks,
        refused: RwSignal::new(false),
    });
}

pub fn use_picks() -> PicksContext {
    expect_context::<PicksContext>()
}

/// A checkbox that picks or unpicks one entity. The visible label is optional (table rows show
/// only the box under a "Vergleich" column); the accessible name always says which entity. Its
/// start is also its `checked` attribute, so that the pre-render draws it (a property is not
/// HTML).
pub fn pick_toggle(id: String, name: String, visible: bool) -> impl IntoView {
    let picks = use_picks();
    let lang = use_lang();
    let checked = {
        let id = id.clone();
        move || picks.contains(&id)
    };
    let label = move || cdo_text::phrase::pick(lang.get(), &name);
    // The box inside its label: no id needed, so the same entity can have a box twice on a page
    // (the map's list and its search result).
    view! {
        <label class="pick">
            <input
                type="checkbox"
                {..needs_app()}
                checked=untrack(&checked)
                prop:checked=checked
                on:change=move |ev| {
                    let now = picks.toggle(&id);
                    // A refused pick leaves the box unticked (the signal did not change).
                    event_target::<web_sys::HtmlInputElement>(&ev).set_checked(now);
                }
            />
            <span class=if visible { "" } else { "visually-hidden" }>{label}</span>
        </label>
    }
}

/// The tray of picks: names with a remove button each, the link to compare them, a clear button.
/// Hidden when empty and on the compare page itself. The tray element stays in place while it
/// has picks, so its status line is announced when a fifth pick is refused.
#[component]
pub fn PicksTray() -> impl IntoView {
    let picks = use_picks();
    let data = use_index();
    let location = use_location();
    let s = use_strings();
    let lang = use_lang();
    // Shown once the names can be: with picks, the data loaded, and not on the compare page.
    let shown = Memo::new(move |_| {
        !picks.picks.with(|p| p.ids().is_empty())
            && location
                .pathname
                .with(|p| paths::Route::of(p) != paths::Route::Page(Page::Compare))
            && data.get().is_some_and(|r| r.is_ok())
    });
    let items = localized(move |lang, _| {
        let ids = picks.picks.with(|p| p.ids().to_vec());
        let loaded = data.loaded()?;
        let items = ids
            .iter()
            .filter_map(|id| loaded.dataset.entities.iter().find(|e| &e.id == id))
            .map(|e| {
                let id = e.id.clone();
                view! {
                    <li>
                        <a href=paths::entity(lang, &e.id)>{e.name.clone()}</a>
                        <button
                            type="button"
                            class="pick-remove"
                            aria-label=cdo_text::phrase::unpick(lang, &e.name)
                            on:click=move |_| {
                                picks.toggle(&id);
                            }
                        >
                            "×"
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(items)
    });
    let go = move || {
        let count = picks.picks.with(|p| p.ids().len());
        (count >= 2).then(|| {
            let href = paths::with_query(
                lang.get(),
                Page::Compare,
                &picks.picks.with(Picks::to_compare).to_query(),
            );
            view! { <a class="button" href=href>{cdo_text::phrase::counted(lang.get(), s().picks_go, count)}</a> }
        })
    };
    let hint = move || {
        if picks.refused.get() {
            s().picks_full
        } else if picks.picks.with(|p| p.ids().len()) < 2 {
            s().picks_need_more
        } else {
            ""
        }
    };
    view! {
        <aside class="picks-tray" aria-labelledby="picks-title" hidden=move || !shown.get()>
            <h2 id="picks-title">{move || s().picks_title}</h2>
            <ul>{items}</ul>
            <p class="picks-hint" role="status">{hint}</p>
            <div class="picks-actions">
                {go}
                <button type="button" class="button secondary" on:click=move |_| picks.picks.set(Picks::default())>{move || s().picks_clear}</button>
            </div>
        </aside>
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
