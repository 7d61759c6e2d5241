//! Native timing of `parse_dataset` on a file, for profiling the validator with `perf`
//! (the budgeted figure is the browser's, from `make bench`; see docs/PERFORMANCE.md, "Benchmarks"):
//!
//! ```sh
//! BENCH_WRITE=/tmp/10k.json node scripts/bench.mjs   # or any dataset file
//! cargo run --release -p cdo-model --example parse_time /tmp/10k.json
//! cargo run -p xtask -- index /tmp/10k.json /tmp/10k.index.json
//! cargo run --release -p cdo-model --example parse_time /tmp/10k.index.json   # the index
//! ```
use std::time::{Duration, Instant};

use cdo_model::{parse_dataset, parse_index, PartialDate};

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: parse_time <dataset.json>");
    let text = std::fs::read_to_string(&path).expect("a readable file");
    let today = PartialDate::ymd(2026, 12, 4);
    // An index file is read as the app reads one.
    let index = path.ends_with(".index.json");
    let mut times: Vec<Duration> = (0..15)
        .map(|_| {
            let start = Instant::now();
            let kept = if index {
                parse_index(&text, today).map(|l| l.dataset.entities.len())
            } else {
                parse_dataset(&text, today).map(|l| l.dataset.entities.len())
            };
            let elapsed = start.elapsed();
            assert!(kept.expect("a dataset") > 0);
            elapsed
        })
        .collect();
    times.sort();
    println!(
        "{path}: {:.1} MB, min {:?}, median {:?} over {} runs",
        text.len() as f64 / 1e6,
        times[0],
        times[times.len() / 2],
        times.len()
    );
}
