//! When work runs relative to what the reader sees: after the browser has painted
//! (`after_paint`), or in a later task (`next_task`). The data loads and the page modules are
//! scheduled with these, and the settled signal waits on them.

/// Resolves once the browser has painted what is on the page now and shown it: at the start of
/// the second frame after the one that paints it. A background tab runs no animation frames,
/// hence a timeout as well.
pub async fn after_paint() {
    // The next frame's callbacks run before its paint; the paint reaches the screen later (the
    // time LCP records), and a request started in between still counts into Lighthouse's LCP.
    // Measured on a profile, whose dataset is asked for here: after two frames the request
    // mostly still came before the LCP, after three rarely (docs/PERFORMANCE.md, "The profile's
    // dataset and the map's first drawing"). The third frame costs ~16 ms on the reader's clock.
    for _ in 0..3 {
        let frame = js_sys::Promise::new(&mut |resolve, _| {
            if let Some(window) = web_sys::window() {
                let _ = window.request_animation_frame(&resolve);
                let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 250);
            }
        });
        let _ = wasm_bindgen_futures::JsFuture::from(frame).await;
    }
    next_task().await;
}

/// Resolves in a later task of the browser's event loop (`setTimeout(0)`): what comes after it
/// runs once the browser has had the chance to paint and to handle input.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
