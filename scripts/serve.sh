#!/usr/bin/env bash
# Builds cdo-atlas and serves it at http://127.0.0.1:8080 (live reload). Installs what is missing.
#   scripts/serve.sh            development build
#   RELEASE=1 scripts/serve.sh  optimised build, as deployed
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"   # wasm-opt from npm binaryen
args=()
[ "${RELEASE:-}" = 1 ] && args+=(--release)
echo "cdo-atlas: http://127.0.0.1:8080"
exec trunk serve "${args[@]}"
