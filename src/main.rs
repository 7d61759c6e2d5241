//! Entry point: mount the app (beside the pre-rendered page, which it replaces once its first
//! page has settled: `takeover`). Everything else lives in the library so tests can mount it too.

fn main() {
    console_error_panic_hook::set_once();
    cdo_atlas::takeover::begin();
    let start = cdo_atlas::Start::from_browser();
    leptos::mount::mount_to_body(move || leptos::view! { <cdo_atlas::App start /> });
    cdo_atlas::settled::watch_first_page();
}
