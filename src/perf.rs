//! Performance marks for the benchmark script (`make bench`): named points on the browser's
//! performance timeline, read back with `performance.getEntriesByName`. Cost nothing when unused.

/// Records `performance.mark(name)`; silently nothing where the API is missing.
pub fn mark(name: &str) {
    // Called while the map is built: natively (a prerender) there is no timeline, and any call
    // into web-sys panics there.
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = name;
        return;
    }
    #[allow(unreachable_code)]
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}
