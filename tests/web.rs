//! Component tests in headless Chromium (wasm-bindgen-test): mount real components, interact,
//! assert the DOM.

#![cfg(target_arch = "wasm32")]

use cdo_atlas::components::badge::model_badge;
use cdo_atlas::components::layout::{Frame, RejectedNotice};
use cdo_atlas::data::{provide_loaded, LoadError};
use cdo_atlas::i18n::{localized, provide_lang};
use cdo_atlas::offline::provide_freshness;
use cdo_atlas::picks::provide_picks;
use cdo_atlas::schedule::{after_paint, next_task};
use cdo_model::{parse_dataset, Headline, PartialDate};
use leptos::prelude::*;
use leptos_router::components::Router;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const ONE_GOOD_ONE_BAD: &str = r#"{"schema_version":"1.0","as_of":"2026-11-26","licence":"CC BY 4.0","entities":[
  {"id":"ok","name":"Gutstadt","kind":"city","land":"DE-HE","coordinates":{"lat":50,"lon":8},
   "office":{"title":"CDO","origin":"academia","form":"cdo_post","sources":["s1"]},
   "sources":[{"id":"s1","url":"https://example.org"}]},
  {"id":"broken","name":"Nirgendwo","kind":"city","land":"DE-XX","coordinates":{"lat":50,"lon":8},
   "office":{"title":"CDO","origin":null,"form":"cdo_post","sources":["s1"]},
   "sources":[{"id":"s1","url":"https://example.org"}]}]}"#;

fn container() -> web_sys::HtmlElement {
    let div = document()
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// Provides the dataset `text`, parsed as the app's loader would.
fn provide_fixed_dataset(text: &'static str) {
    let parsed = parse_dataset(text, PartialDate::ymd(2026, 12, 4)).map_err(LoadError::Dataset);
    provide_loaded(parsed);
}

/// How long [`until`] waits for what a test expects before it fails: far more than any of them
/// needs (a few tasks), so that only a condition that never comes fails.
const DEADLINE_MS: f64 = 5000.0;

/// Waits until `done` holds, a task at a time (Leptos' executor runs on microtasks, so effects,
/// resources and the DOM have run between two; frames too); fails naming `what` if it does not
/// within [`DEADLINE_MS`].
async fn until(what: &str, done: impl Fn() -> bool) {
    let deadline = js_sys::Date::now() + DEADLINE_MS;
    while !done() {
        assert!(
            js_sys::Date::now() < deadline,
            "waited {DEADLINE_MS} ms for {what}"
        );
        next_task().await;
    }
}

fn clear_storage() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

#[wasm_bindgen_test]
async fn language_switch_in_the_frame_relabels_content_and_html_lang() {
    clear_storage();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        provide_lang(cdo_text::Lang::De);
        provide_fixed_dataset(ONE_GOOD_ONE_BAD);
        provide_picks(None);
        provide_freshness();
        view! {
            <Router>
                <Frame>{localized(|lang, _| model_badge(Headline::HonoraryCdo, lang))}</Frame>
            </Router>
        }
    });
    until("the frame with its badge and footer", || {
        root.query_selector(".badge").unwrap().is_some()
            && root.query_selector(".site-footer").unwrap().is_some()
    })
    .await;
    let badge = || root.query_selector(".badge").unwrap().expect("a badge");
    assert_eq!(badge().text_content().unwrap().trim(), "CDO im Ehrenamt");
    assert!(
        badge().class_list().contains("m-honorary"),
        "shape/colour class"
    );
    assert!(
        badge()
            .query_selector(".badge-mark[aria-hidden='true']")
            .unwrap()
            .is_some(),
        "decorative mark"
    );
    let html_lang = || document().document_element().unwrap().get_attribute("lang");
    assert_eq!(html_lang().as_deref(), Some("de"));
    let footer = root
        .query_selector(".site-footer")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        footer.contains("Stand der Daten: 26. November 2026"),
        "{footer}"
    );

    let switch = root
        .query_selector(".lang-switch")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(switch.text_content().unwrap().trim(), "English");
    switch.click();
    until("the page in English", || {
        badge().text_content().unwrap().trim() == "Honorary CDO"
            && html_lang().as_deref() == Some("en")
    })
    .await;
    assert_eq!(badge().text_content().unwrap().trim(), "Honorary CDO");
    assert_eq!(html_lang().as_deref(), Some("en"));
    assert_eq!(
        switch.text_content().unwrap().trim(),
        "Deutsch",
        "the same button, relabelled"
    );
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("cdo-atlas.lang")
        .unwrap();
    assert_eq!(stored.as_deref(), Some("en"), "the choice is remembered");
    // The language is in the path now (`/en/…`): switched back, the next test starts in German.
    let path = || web_sys::window().unwrap().location().pathname().unwrap();
    assert!(path().starts_with("/en/"), "{}", path());
    switch.click();
    until("the page in German again", || {
        !path().starts_with("/en/") && html_lang().as_deref() == Some("de")
    })
    .await;
}

#[wasm_bindgen_test]
async fn rejected_entries_are_listed_with_field_and_reason() {
    clear_storage();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        provide_lang(cdo_text::Lang::De);
        provide_fixed_dataset(ONE_GOOD_ONE_BAD);
        view! { <RejectedNotice /> }
    });
    until("the rejected-entries notice", || {
        root.query_selector(".rejected").unwrap().is_some()
    })
    .await;
    let notice = root
        .query_selector(".rejected")
        .unwrap()
        .expect("a rejected-entries notice");
    let text = notice.text_content().unwrap();
    assert!(
        text.contains("Eintrag 2 (Nirgendwo, id: broken)"),
        "names the entry: {text}"
    );
    assert!(
        text.contains("Feld „land“: „DE-XX“ ist kein Land-Code"),
        "names field and reason: {text}"
    );
    assert!(
        !text.contains("Gutstadt"),
        "the good entry is not reported: {text}"
    );
}

#[wasm_bindgen_test]
async fn legend_toggles_hide_and_show_their_markers() {
    use cdo_atlas::data::MapOutlines;
    use cdo_atlas::routes::map::MapPage;
    clear_storage();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        provide_lang(cdo_text::Lang::De);
        // The frozen 25-entry copy the model's tests use: counts that do not move with the data.
        provide_loaded(
            parse_dataset(
                include_str!("../crates/model/tests/data-25.json"),
                PartialDate::ymd(2026, 12, 4),
            )
            .map_err(LoadError::Dataset),
        );
        let outlines = cdo_model::geo::parse_outlines(include_str!("../public/data/laender.json"))
            .ok_or(LoadError::Outlines);
        provide_context(MapOutlines::ready(outlines));
        provide_picks(None);
        view! { <Router><MapPage /></Router> }
    });
    let markers = || root.query_selector_all(".marker").unwrap().length();
    until("the map with its markers and legend", || {
        markers() > 0 && root.query_selector(".legend-item").unwrap().is_some()
    })
    .await;
    assert_eq!(markers(), 25, "one marker per entity");
    assert_eq!(root.query_selector_all("path.land").unwrap().length(), 16);
    let departments = root.query_selector_all(".legend-item").unwrap();
    let button = (0..departments.length())
        .map(|i| {
            departments
                .item(i)
                .unwrap()
                .unchecked_into::<web_sys::HtmlElement>()
        })
        .find(|b| b.text_content().unwrap().contains("Dezernat oder Referat"))
        .expect("a legend entry for departments");
    assert!(
        button.text_content().unwrap().contains('6'),
        "shows its count"
    );
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
    button.click();
    until("the departments hidden", || markers() != 25).await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(markers(), 19, "the six departments are hidden");
    assert!(root
        .query_selector(".marker[data-id=\"koeln\"]")
        .unwrap()
        .is_none());
    button.click();
    until("the departments shown again", || markers() == 25).await;
    assert_eq!(
        button.get_attribute("aria-pressed").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn a_not_found_page_offers_a_search_for_what_the_address_named() {
    use cdo_atlas::routes::not_found;
    use cdo_text::Lang;

    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        view! {
            // Percent-encoded, as the address bar has it.
            <div class="en">{not_found(Lang::En, Lang::En.strings(), "/stadt/d%C3%BCsseldorf-nord/")}</div>
            <div class="de">{not_found(Lang::De, Lang::De.strings(), "/entity/x")}</div>
        }
    });
    until("the two pages", || {
        root.query_selector(".en a").unwrap().is_some()
            && root.query_selector(".de").unwrap().is_some()
    })
    .await;
    let link = root
        .query_selector(".en a[href^='/en/explore']")
        .unwrap()
        .expect("a search link");
    assert_eq!(
        link.text_content().unwrap(),
        "Search the explorer for “düsseldorf nord”"
    );
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "/en/explore?q=d%C3%BCsseldorf%20nord"
    );
    let de = root.query_selector(".de").unwrap().unwrap();
    assert!(
        de.query_selector("a[href^='/explore']").unwrap().is_none(),
        "one letter is no search"
    );
    assert!(de.text_content().unwrap().contains("Nicht gefunden"));
}

#[wasm_bindgen_test]
async fn the_first_page_is_settled_once_its_loads_are_in_and_only_then() {
    use cdo_atlas::settled::{testing, watch_first_page, Loading};

    // The tests share one page: start as a page does, whatever ran before (the app's own
    // `watch_first_page` runs once per page; a test before this one may have had it say).
    testing::reset();
    let root = document().document_element().unwrap();
    let said = || root.has_attribute("data-settled");
    let events = std::rc::Rc::new(std::cell::Cell::new(0));
    let count = events.clone();
    let listener =
        wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || count.set(count.get() + 1));
    web_sys::window()
        .unwrap()
        .add_event_listener_with_callback("cdo:settled", listener.as_ref().unchecked_ref())
        .unwrap();

    // The page asks for its data, then a module; the first load ends before the second starts.
    let data = Loading::begin();
    watch_first_page();
    let module = Loading::begin();
    drop(data);
    // The watcher has seen the first paint and looks at the next task: nothing, since the
    // module is still loading. One task of ours after the one it looks in.
    until("the first paint seen", testing::armed).await;
    next_task().await;
    assert!(!said(), "a load is still in progress");
    assert_eq!(events.get(), 0);

    drop(module);
    until("cdo:settled", || events.get() > 0).await;
    assert!(said(), "<html data-settled> once nothing is loading");

    // Loads of later pages say nothing more: many tasks and frames later (a check would take
    // one task), still the one event.
    drop(Loading::begin());
    after_paint().await;
    assert_eq!(events.get(), 1, "cdo:settled, once");

    web_sys::window()
        .unwrap()
        .remove_event_listener_with_callback("cdo:settled", listener.as_ref().unchecked_ref())
        .unwrap();
    testing::reset();
}
