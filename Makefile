# The two commands of the README. Both install what is missing first.
.PHONY: serve test size schema data index bench fuzz gates

serve:   ## build and serve the app at http://127.0.0.1:8080
	@scripts/serve.sh

test:    ## run every test layer: native, wasm in Chromium, end-to-end, size budget
	@scripts/test.sh

size:    ## release build + gzip size report with budgets
	@scripts/test.sh size

schema:  ## regenerate public/data/cdo-atlas.schema.json from the Rust types
	@cargo run -q -p xtask -- schema

data:    ## regenerate every file derived from the dataset (index, schema, …) in public/data/
	@cargo run -q -p xtask -- data

index:   ## the same as `make data` (the index carries the other files' sizes)
	@cargo run -q -p xtask -- data

bench:   ## benchmarks with budgets: 10,000 synthetic entities in headless Chromium
	@scripts/test.sh bench

fuzz:    ## property-based fuzzing of parse + validate + filter: 1,000,000 cases per property
	@PROPTEST_CASES=$${PROPTEST_CASES:-1000000} cargo test --release -p cdo-model --test fuzz -- --nocapture

gates:   ## performance gates in one table: sizes against budgets, Lighthouse, benchmarks
	@scripts/test.sh gates
