//! Entry point: mount the app. Everything else lives in the library so tests can mount it too.

fn main() {
    console_error_panic_hook::set_once();
    cdo_atlas::remove_shell();
    let start = cdo_atlas::Start::from_browser();
    #[cfg(not(feature = "hydrate"))]
    leptos::mount::mount_to_body(move || leptos::view! { <cdo_atlas::App start /> });
    #[cfg(feature = "hydrate")]
    leptos::mount::hydrate_body(move || leptos::view! { <cdo_atlas::App start /> });
    cdo_atlas::settled::watch_first_page();
}
