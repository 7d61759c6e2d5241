//! Component tests in headless Chromium (wasm-bindgen-test): mount real components, interact,
//! assert the DOM.

#![cfg(target_arch = "wasm32")]

use cdo_atlas::components::badge::model_badge;
use cdo_atlas::components::layout::{Frame, RejectedNotice};
use cdo_atlas::data::{provide_loaded, LoadError};
use cdo_atlas::i18n::{localized, provide_lang};
use cdo_atlas::offline::provide_freshness;
use cdo_atlas::picks::provide_picks;
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

/// Lets effects, resources and the DOM settle.
async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
        pause_ms(10).await;
    }
}

/// Waits `ms` (frames and tasks run meanwhile), without Leptos' executor.
async fn pause_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
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
        provide_lang();
        provide_fixed_dataset(ONE_GOOD_ONE_BAD);
        provide_picks();
        provide_freshness();
        view! {
            <Router>
                <Frame>{localized(|lang, _| model_badge(Headline::HonoraryCdo, lang))}</Frame>
            </Router>
        }
    });
    settle().await;
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
    settle().await;
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
}

#[wasm_bindgen_test]
async fn rejected_entries_are_listed_with_field_and_reason() {
    clear_storage();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        provide_lang();
        provide_fixed_dataset(ONE_GOOD_ONE_BAD);
        view! { <RejectedNotice /> }
    });
    settle().await;
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
    use cdo_atlas::data::OutlinesState;
    use cdo_atlas::routes::map::MapPage;
    clear_storage();
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        provide_lang();
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
        provide_context(OutlinesState::ready(outlines));
        provide_picks();
        view! { <Router><MapPage /></Router> }
    });
    settle().await;
    let markers = || root.query_selector_all(".marker").unwrap().length();
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
    settle().await;
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
    settle().await;
    assert_eq!(markers(), 25, "and shown again");
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
    settle().await;
    let link = root
        .query_selector(".en a[href^='/explore']")
        .unwrap()
        .expect("a search link");
    assert_eq!(
        link.text_content().unwrap(),
        "Search the explorer for “düsseldorf nord”"
    );
    assert_eq!(
        link.get_attribute("href").unwrap(),
        "/explore?q=d%C3%BCsseldorf%20nord&lang=en"
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
    let data = cdo_atlas::settled::Loading::begin();
    cdo_atlas::settled::watch_first_page();
    let module = cdo_atlas::settled::Loading::begin();
    drop(data);
    pause_ms(100).await;
    assert!(!said(), "a load is still in progress");
    assert_eq!(events.get(), 0);

    drop(module);
    pause_ms(100).await;
    assert!(said(), "<html data-settled> once nothing is loading");
    assert_eq!(events.get(), 1, "cdo:settled, once");

    // Loads of later pages say nothing more.
    drop(cdo_atlas::settled::Loading::begin());
    pause_ms(100).await;
    assert_eq!(events.get(), 1);
}
