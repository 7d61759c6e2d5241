//! What the app tells the reader about freshness and the network: an offline badge, a notice
//! when the shown data is a stored copy (with its "Stand"), and the banners for a new version
//! and for newer data. The service worker (`web/sw.js`) and its registration (`web/register.js`)
//! report through window events and flags on `<html>`; this module only listens and renders.

use leptos::prelude::*;

use crate::data::use_index;
use crate::i18n::localized;

/// What the service worker last said about the dataset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataNote {
    /// Nothing to say: the data is as fresh as the network allows.
    Fresh,
    /// A stored copy is shown; the refresh failed for lack of a connection.
    StoredOffline,
    /// A stored copy is shown; the server answered with an error.
    StoredFailed,
    /// A newer dataset is in the cache.
    Newer,
}

#[derive(Clone, Copy)]
pub struct Freshness {
    online: RwSignal<bool>,
    data: RwSignal<DataNote>,
    update_ready: RwSignal<bool>,
}

impl Freshness {
    /// No network as far as the reader is concerned: the browser says so, or the last refresh
    /// of the data could not reach the server.
    pub fn offline(&self) -> bool {
        !self.online.get() || self.data.get() == DataNote::StoredOffline
    }
}

fn flag(name: &str) -> Option<String> {
    document().document_element()?.get_attribute(name)
}

fn data_note() -> DataNote {
    match flag("data-data").as_deref() {
        Some("offline") => DataNote::StoredOffline,
        Some("failed") => DataNote::StoredFailed,
        Some("updated") => DataNote::Newer,
        _ => DataNote::Fresh,
    }
}

fn navigator_online() -> bool {
    window().navigator().on_line()
}

/// Provides [`Freshness`] as context: online and fresh until the browser, read once the app
/// runs (an effect, not while it is built), says otherwise; then its events are followed.
pub fn provide_freshness() {
    let f = Freshness {
        online: RwSignal::new(true),
        data: RwSignal::new(DataNote::Fresh),
        update_ready: RwSignal::new(false),
    };
    Effect::new(move |_| {
        f.online.set(navigator_online());
        f.data.set(data_note());
        f.update_ready
            .set(flag("data-update").as_deref() == Some("ready"));
        // The listeners live as long as the app (they are never removed).
        for name in ["online", "offline"] {
            let _ = window_event_listener_untyped(name, move |_| f.online.set(navigator_online()));
        }
        for name in ["cdo:data-stale", "cdo:data-updated"] {
            let _ = window_event_listener_untyped(name, move |_| f.data.set(data_note()));
        }
        let _ =
            window_event_listener_untyped("cdo:update-ready", move |_| f.update_ready.set(true));
    });
    provide_context(f);
}

pub fn use_freshness() -> Freshness {
    expect_context::<Freshness>()
}

/// "Offline" in the header while there is no network.
#[component]
pub fn OfflineBadge() -> impl IntoView {
    let f = use_freshness();
    localized(move |_, s| {
        f.offline()
            .then(|| view! { <span class="offline-badge" role="status">{s.offline_badge}</span> })
    })
}

/// The notice at the top of every page when the data shown is a stored copy, with its "Stand".
#[component]
pub fn FreshnessNotices() -> impl IntoView {
    let f = use_freshness();
    let data = use_index();
    localized(move |lang, s| {
        let text = match f.data.get() {
            DataNote::StoredOffline => s.data_stored_offline,
            DataNote::StoredFailed => s.data_stored_failed,
            DataNote::Fresh if !f.online.get() => s.data_stored_offline,
            _ => return None,
        };
        let loaded = data.loaded()?;
        let as_of = loaded.dataset.as_of;
        Some(view! {
            <p class="notice freshness" role="status">
                {text} " " <time datetime=as_of.to_string()>{cdo_text::date(lang, as_of)}</time> "."
            </p>
        })
    })
}

/// The banners for newer data and a new version. They come while the page is being read, so
/// the frame places them at the bottom of the screen (`.dock`): at the top they would push down
/// what the reader is reading (a layout shift).
#[component]
pub fn UpdateBanners() -> impl IntoView {
    let f = use_freshness();
    let data = use_index();
    let dataset = crate::data::peek_dataset();
    let newer = localized(move |_, s| {
        (f.data.get() == DataNote::Newer).then(|| {
            let show = move |_| {
                if let Some(root) = document().document_element() {
                    let _ = root.remove_attribute("data-data");
                }
                f.data.set(DataNote::Fresh);
                crate::data::reload(data, dataset);
            };
            view! {
                <p class="banner" role="status">
                    {s.data_newer} " " <button type="button" class="button" on:click=show>{s.data_newer_show}</button>
                </p>
            }
        })
    });
    let update = localized(move |_, s| {
        f.update_ready.get().then(|| {
            let apply = move |_| {
                // `web/register.js` activates the waiting worker and reloads once.
                if let Ok(event) = web_sys::Event::new("cdo:update-apply") {
                    let _ = window().dispatch_event(&event);
                }
            };
            view! {
                <p class="banner" role="status">
                    {s.update_ready} " — " <button type="button" class="button" on:click=apply>{s.update_reload}</button>
                </p>
            }
        })
    });
    view! { {update} {newer} }
}
