//! Pieces shared by several views.

pub mod badge;
pub mod charts;
pub mod layout;
pub mod needs_app;
pub mod shapes;
pub mod time_control;
pub mod with_data;

/// Scrolls to the element with `id` and gives it the focus (a link to a place on the page: the
/// keyboard goes on from there). The element needs `tabindex="-1"` unless it is focusable.
pub fn focus_by_id(id: &str) {
    use leptos::prelude::document;
    let el = document()
        .get_element_by_id(id)
        .and_then(|el| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el).ok());
    if let Some(el) = el {
        el.scroll_into_view();
        let _ = el.focus();
    }
}
