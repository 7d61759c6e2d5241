//! The page frame: skip link, header with navigation and language switch, the notice of rejected
//! entries, and the footer with the data's "Stand" and licence.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};

use crate::components::needs_app;
use crate::data::use_index;
use crate::embed::{is_embedded, EmbedBar};
use crate::i18n::{localized, use_lang, use_strings};
use crate::offline::{FreshnessNotices, OfflineBadge, UpdateBanners};
use crate::paths::{self, Page};
use crate::picks::PicksTray;
use crate::theme::ThemeToggle;

/// Every page's frame. `web/shell.html` holds a copy of its first render (see ARCHITECTURE.md,
/// "The shell"): after a change here, `make shell`.
#[component]
pub fn Frame(children: Children) -> impl IntoView {
    crate::i18n::keep_lang_in_address();
    let s = use_strings();
    if is_embedded() {
        // Inside another site's iframe: the content and what qualifies it (freshness, address,
        // rejected entries), no site navigation, footer or picks.
        return view! {
            <EmbedBar />
            <main id="main" tabindex="-1" class="embedded">
                {needs_app::notice()}
                <FreshnessNotices />
                <AddressNotice />
                <RejectedNotice />
                {children()}
                <div class="dock"><UpdateBanners /></div>
            </main>
        }
        .into_any();
    }
    view! {
        <a class="skip-link" href="#main">{move || s().skip_to_content}</a>
        <Header />
        <main id="main" tabindex="-1">
            {needs_app::notice()}
            <FreshnessNotices />
            <AddressNotice />
            <RejectedNotice />
            {children()}
            // What comes while the page is read sits at the bottom of the screen, not above it.
            <div class="dock">
                <PicksTray />
                <UpdateBanners />
            </div>
        </main>
        <Footer />
    }
    .into_any()
}

/// Fine-grained (not re-rendered on a language switch) so the switch keeps focus.
#[component]
fn Header() -> impl IntoView {
    let s = use_strings();
    let lang = use_lang();
    let navigate = use_navigate();
    let location = use_location();
    // The language switch is a link to this page in the other language: it works without
    // JavaScript, and opens in a new tab. A plain click the app handles itself, before the
    // router would (the link's own listener comes before the router's on the window: events are
    // not delegated): the page is rewritten in place, not added to the history
    // (`i18n::switch_to`).
    let other = move || {
        paths::switch_lang(
            &location.pathname.get(),
            &location.search.get(),
            &location.hash.get(),
            lang.get().other(),
        )
    };
    let switch = move |ev: MouseEvent| {
        if ev.button() == 0 && !(ev.meta_key() || ev.ctrl_key() || ev.shift_key() || ev.alt_key()) {
            ev.prevent_default();
            crate::i18n::switch_to(lang, lang.get_untracked().other(), &navigate);
        }
    };
    let nav = Page::NAV
        .into_iter()
        .map(|page| {
            let href = move || page.href(lang.get());
            view! { <li><A href=href exact=true>{move || page.label(s())}</A></li> }
        })
        .collect_view();
    view! {
        <header class="site-header">
            <div class="brand">
                <a href=move || Page::Overview.href(lang.get())><span class="brand-name">"cdo-atlas"</span></a>
                <span class="tagline">{move || s().tagline}</span>
            </div>
            <nav aria-label=move || s().nav_label>
                <ul class="nav">{nav}</ul>
            </nav>
            // One group, so that a header too wide for one line wraps the switches together.
            <div class="header-tools">
                <OfflineBadge />
                <ThemeToggle />
                <a
                    class="lang-switch"
                    href=other
                    hreflang=move || lang.get().other().code()
                    lang=move || lang.get().other().code()
                    aria-label=move || s().switch_language_label
                    on:click=switch
                >
                    {move || s().switch_language}
                </a>
            </div>
        </header>
    }
}

/// Parameters in the address that the page does not read, or values too long to be meant: named,
/// so a mangled shared link is not silently "fixed". Bad values of known parameters are each
/// page's own notice.
#[component]
fn AddressNotice() -> impl IntoView {
    let location = use_location();
    let query = use_query_map();
    let audit = Memo::new(move |_| {
        let known = location.pathname.with(|p| paths::known_params(p));
        let mut audit = query
            .with(|q| cdo_model::params::audit(known, q.into_iter().map(|(k, v)| (k.as_ref(), v))));
        // The language is the app's own parameter: a value it cannot read is named here.
        if location.search.with(|s| paths::unreadable_lang(s)) {
            audit.unknown.push("lang".to_owned());
        }
        audit
    });
    localized(move |lang, _| {
        audit.with(|a| {
            (!a.is_clean()).then(|| {
                let text = cdo_text::phrase::address_notice(lang, &a.unknown, &a.oversized);
                view! { <p class="notice" role="status">{text}</p> }
            })
        })
    })
}

/// Entries the validator dropped, listed so nothing disappears silently.
#[component]
pub fn RejectedNotice() -> impl IntoView {
    let data = use_index();
    localized(move |lang, s| {
        let loaded = data.loaded()?;
        if loaded.rejected.is_empty() {
            return None;
        }
        let items = loaded
            .rejected
            .iter()
            .map(|r| {
                let who = cdo_text::phrase::rejected_entry(
                    lang,
                    r.index + 1,
                    r.name.as_deref(),
                    r.id.as_deref(),
                );
                let issues = r
                    .issues
                    .iter()
                    .map(|i| view! { <li>{cdo_text::issue(lang, i)}</li> })
                    .collect_view();
                view! { <li><strong>{who}</strong><ul>{issues}</ul></li> }
            })
            .collect_view();
        Some(view! {
            <section class="rejected" aria-labelledby="rejected-title">
                <h2 id="rejected-title">{s.rejected_title}</h2>
                <p>{cdo_text::phrase::rejected_intro(lang, loaded.rejected.len())}</p>
                <ul>{items}</ul>
            </section>
        })
    })
}

#[component]
fn Footer() -> impl IntoView {
    let data = use_index();
    localized(move |lang, s| {
        let stand = data.loaded().map(|loaded| {
            let dataset = &loaded.dataset;
            view! {
                <p>
                    {s.footer_as_of} " " <time datetime=dataset.as_of.to_string()>{cdo_text::date(lang, dataset.as_of)}</time>
                    " · " {cdo_text::phrase::licence(lang, &dataset.licence)}
                </p>
            }
        });
        view! {
            <footer class="site-footer">
                {stand}
                <p>{s.footer_sources} " " <a href=Page::About.href(lang)>{s.footer_sources_link}</a></p>
            </footer>
        }
    })
}
