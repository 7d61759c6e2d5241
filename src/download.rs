//! Saving a text the app made (CSV, JSON, SVG) as a file: a Blob behind an object URL, clicked
//! as a download link, revoked afterwards. Nothing leaves the browser.

use wasm_bindgen::{JsCast, JsValue};

/// `text` as a Blob of type `mime`.
pub fn text_blob(text: &str, mime: &str) -> Option<web_sys::Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Offers `text` as the download `filename` of type `mime`; false if the browser refused.
pub fn save_text(filename: &str, mime: &str, text: &str) -> bool {
    text_blob(text, mime).is_some_and(|blob| save_blob(filename, &blob))
}

/// Offers `blob` as the download `filename`.
pub fn save_blob(filename: &str, blob: &web_sys::Blob) -> bool {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return false;
    };
    let document = leptos::prelude::document();
    let link = document
        .create_element("a")
        .ok()
        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(link) = &link {
        link.set_href(&url);
        link.set_download(filename);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
    link.is_some()
}
