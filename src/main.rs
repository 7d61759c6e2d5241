//! Entry point: mount the app. Everything else lives in the library so tests can mount it too.

fn main() {
    console_error_panic_hook::set_once();
    cdo_atlas::remove_shell();
    leptos::mount::mount_to_body(cdo_atlas::App);
    cdo_atlas::settled::watch_first_page();
}
