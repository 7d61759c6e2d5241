#!/usr/bin/env bash
# Runs every test layer of cdo-atlas and prints one summary line per layer; exits non-zero if any
# layer fails. Installs whatever is missing first (scripts/setup.sh --test).
#   scripts/test.sh          lint, native, data check, open data (independent validators), wasm
#                            (headless Chromium), release build, end-to-end, size
#   scripts/test.sh size     release build + size report only
#   scripts/test.sh bench    release build + benchmarks (not part of the default run: timings)
#   scripts/test.sh gates    release build + the performance gates: sizes against their budgets
#                            (not just the regression limit), Lighthouse, first views on a
#                            slow line shaped at the test server, benchmarks
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --test || exit 1
export PATH="$PWD/node_modules/.bin:$PATH"
export CARGO_TERM_COLOR=never

LOGS=target/test-logs
mkdir -p "$LOGS"
summary=()
total_pass=0
total_fail=0
status=0

record() { # layer passed failed
  summary+=("$(printf '%-11s %s passed, %s failed' "$1:" "$2" "$3")")
  total_pass=$((total_pass + $2)); total_fail=$((total_fail + $3))
  [ "$3" -eq 0 ] || status=1
}

# Sum "N passed; M failed" over cargo's "test result:" lines in a log.
cargo_counts() {
  awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($i ~ /^passed;?$/) p += $(i-1); if ($i ~ /^failed;?$/) f += $(i-1) } }
       END { printf "%d %d", p, f }' "$1"
}

layer_native() {
  echo "== native: cargo test (model, text, xtask)"
  cargo test -p cdo-model -p cdo-text -p xtask 2>&1 | tee "$LOGS/native.log" | grep -E '^(test result|error|failures:|---- )' || true
  local rc=${PIPESTATUS[0]} counts
  counts=$(cargo_counts "$LOGS/native.log")
  set -- $counts
  [ "$rc" -eq 0 ] || [ "$2" -gt 0 ] || set -- "$1" 1   # a build failure counts as a failure
  record native "$1" "$2"
}

# Formatting, and clippy with warnings as errors for the host (model, text, xtask, the app's
# native build) and for wasm32 (the app as shipped, its wasm tests). One check, pass or fail.
layer_lint() {
  echo "== lint: cargo fmt --check, cargo clippy -D warnings (host and wasm32)"
  if cargo fmt --all --check >"$LOGS/lint.log" 2>&1 &&
    cargo clippy --workspace --all-targets -- -D warnings >>"$LOGS/lint.log" 2>&1 &&
    cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings >>"$LOGS/lint.log" 2>&1; then
    record lint 1 0
  else
    grep -E -A12 '^(warning|error)|^Diff in' "$LOGS/lint.log" | head -60
    record lint 0 1
  fi
}

# The editors' data check: the dataset's figures (entities, facts, sources, how old the evidence
# is); fails on any entry the validator rejects.
layer_data() {
  echo "== data: cargo run -p xtask -- check"
  if cargo run -q -p xtask -- check >"$LOGS/data.log" 2>&1; then
    cat "$LOGS/data.log"
    record data 1 0
  else
    tail -20 "$LOGS/data.log"
    record data 0 1
  fi
}

# The published files read by independent tools, as a reuser reads them (tests/opendata/): the
# JSON Schema with Python's jsonschema over the dataset and every fixture (the table of which
# faults the schema alone rejects), the data package with frictionless, every CSV read back.
layer_opendata() {
  echo "== opendata: jsonschema (draft 2020-12), frictionless, CSVs read back (Python, .venv)"
  .venv/bin/python tests/opendata/test_opendata.py >"$LOGS/opendata.log" 2>&1
  grep -E ' \.\.\. (FAIL|ERROR)|^(FAIL|ERROR):|rejected by the schema|^opendata:' "$LOGS/opendata.log"
  local pass fail
  pass=$(sed -nE 's/^opendata: ([0-9]+) passed, ([0-9]+) failed$/\1/p' "$LOGS/opendata.log")
  fail=$(sed -nE 's/^opendata: ([0-9]+) passed, ([0-9]+) failed$/\2/p' "$LOGS/opendata.log")
  record opendata "${pass:-0}" "${fail:-1}"
}

layer_wasm() {
  echo "== wasm: wasm-bindgen-test in headless Chromium"
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  CHROMEDRIVER=$(command -v chromedriver) \
  WASM_BINDGEN_TEST_WEBDRIVER_JSON="$PWD/tests/webdriver.json" \
  WASM_BINDGEN_TEST_TIMEOUT=120 \
    cargo test --target wasm32-unknown-unknown --test web 2>&1 | tee "$LOGS/wasm.log" | grep -E '^(test |test result|error|failures:)' || true
  local rc=${PIPESTATUS[0]} counts
  counts=$(cargo_counts "$LOGS/wasm.log")
  set -- $counts
  [ "$rc" -eq 0 ] || [ "$2" -gt 0 ] || set -- "$1" 1
  record wasm "$1" "$2"
}

build_release() {
  echo "== build: trunk build --release"
  if trunk build --release >"$LOGS/build.log" 2>&1; then
    record build 1 0
  else
    tail -30 "$LOGS/build.log"
    record build 0 1
    return 1
  fi
}

layer_e2e() {
  echo "== e2e: Playwright against dist/ on 127.0.0.1"
  node --test --test-reporter=spec --test-reporter-destination=stdout tests/e2e/ 2>&1 | tee "$LOGS/e2e.log" | grep -vE '^\s*$' | grep -E '✔|✖|ℹ (pass|fail)|Error|assert' || true
  local pass fail
  pass=$(sed -nE 's/.*ℹ pass ([0-9]+).*/\1/p' "$LOGS/e2e.log" | tail -1)
  fail=$(sed -nE 's/.*ℹ fail ([0-9]+).*/\1/p' "$LOGS/e2e.log" | tail -1)
  [ -n "$pass" ] || { pass=0; fail=1; }
  record e2e "$pass" "${fail:-1}"
}

# A layer that is one node script printing "<name>: N passed, M failed" as its last line.
layer_script() { # name script heading
  echo "== $1: $3"
  node "$2" | tee "$LOGS/$1.log"
  local pass fail
  pass=$(sed -nE "s/^$1: ([0-9]+) passed, ([0-9]+) failed.*$/\1/p" "$LOGS/$1.log")
  fail=$(sed -nE "s/^$1: ([0-9]+) passed, ([0-9]+) failed.*$/\2/p" "$LOGS/$1.log")
  record "$1" "${pass:-0}" "${fail:-1}"
}

layer_size() { layer_script size scripts/size-report.mjs "gzip sizes of dist/ against budgets"; }
layer_bench() { layer_script bench scripts/bench.mjs "10,000 synthetic entities in headless Chromium"; }
layer_lighthouse() {
  layer_script lighthouse scripts/lighthouse.mjs "12.2.3, mobile, simulated throttling, against dist/ on 127.0.0.1"
}
layer_slow_line() { layer_script slow-line scripts/slow-line.mjs "first views on a slow line shaped at the server, real browser"; }

if [ "${1:-}" = size ]; then
  build_release && layer_size
elif [ "${1:-}" = bench ]; then
  build_release && layer_bench
elif [ "${1:-}" = gates ]; then
  if build_release; then
    SIZE_STRICT=1 layer_size
    layer_lighthouse
    layer_slow_line
    layer_bench
  fi
else
  layer_lint
  layer_native
  layer_data
  layer_opendata
  layer_wasm
  if build_release; then
    layer_e2e
    layer_size
  fi
fi

echo
echo "== summary"
printf '%s\n' "${summary[@]}"
echo "$total_pass passed, $total_fail failed"
exit $status
