//! Performance marks for the benchmark script (`make bench`): named points on the browser's
//! performance timeline, read back with `performance.getEntriesByName`. Cost nothing when unused.

/// Records `performance.mark(name)`; silently nothing where the API is missing.
pub fn mark(name: &str) {
    if let Some(perf) = web_sys::window().and_then(|w| w.performance()) {
        let _ = perf.mark(name);
    }
}
