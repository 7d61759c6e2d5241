//! Component tests in headless Chromium (wasm-bindgen-test): mount real components, change
//! state, assert the DOM.

#![cfg(target_arch = "wasm32")]

use std::sync::Arc;

use cdo_atlas::components::badge::ModelBadge;
use cdo_atlas::components::layout::RejectedNotice;
use cdo_atlas::data::DatasetResource;
use cdo_atlas::i18n::{provide_lang, use_lang};
use cdo_model::{parse_dataset, Headline, PartialDate};
use cdo_text::Lang;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn container() -> web_sys::HtmlElement {
    let document = document();
    let div = document.create_element("div").unwrap().unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&div).unwrap();
    div
}

/// Lets effects and resources run.
async fn settle() {
    for _ in 0..5 {
        leptos::task::tick().await;
        gloo_timers_sleep(10).await;
    }
}

async fn gloo_timers_sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn badge_shows_the_label_and_follows_the_language() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let root = container();
    let lang_handle = RwSignal::new(None::<RwSignal<Lang>>);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_lang();
        lang_handle.set(Some(use_lang()));
        view! { <ModelBadge headline=Headline::HonoraryCdo /> }
    });
    settle().await;
    let badge = root.query_selector(".badge").unwrap().expect("a badge");
    assert_eq!(badge.text_content().unwrap().trim(), "CDO im Ehrenamt");
    assert!(badge.class_list().contains("m-honorary"), "shape/colour class");
    assert!(badge.query_selector(".badge-mark[aria-hidden='true']").unwrap().is_some(), "decorative mark");

    lang_handle.get_untracked().unwrap().set(Lang::En);
    settle().await;
    assert_eq!(badge.text_content().unwrap().trim(), "Honorary CDO");
    let stored = web_sys::window().unwrap().local_storage().unwrap().unwrap().get_item("cdo-atlas.lang").unwrap();
    assert_eq!(stored.as_deref(), Some("en"), "the choice is remembered");
}

#[wasm_bindgen_test]
async fn rejected_entries_are_listed_with_field_and_reason() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    let text = r#"{"schema_version":"1.0","as_of":"2026-11-26","licence":"x","entities":[
        {"id":"broken","name":"Nirgendwo","kind":"city","land":"DE-XX","coordinates":{"lat":50,"lon":8},
         "population":null,"office":{"title":"CDO","origin":null,"form":"cdo_post","sources":["s1"]},
         "established":null,"holders":[],"reporting_line":null,"context":[],"interview":null,
         "sources":[{"id":"s1","url":"https://example.org","title":null,"publisher":null,"date":null}]}]}"#;
    let root = container();
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        provide_lang();
        let loaded = parse_dataset(text, PartialDate::ymd(2026, 11, 26));
        let resource = LocalResource::new(move || {
            let loaded = loaded.clone();
            async move { Arc::new(loaded.map_err(cdo_atlas::data::LoadError::Dataset)) }
        });
        provide_context(DatasetResource(resource));
        view! { <RejectedNotice /> }
    });
    settle().await;
    let notice = root.query_selector(".rejected").unwrap().expect("a rejected-entries notice");
    let text = notice.text_content().unwrap();
    assert!(text.contains("Nirgendwo"), "names the entry: {text}");
    assert!(text.contains("Feld „land“: „DE-XX“ ist kein Land-Code"), "names field and reason: {text}");
}
