#!/usr/bin/env bash
# Installs whatever cdo-atlas needs and is missing; quiet and quick when everything is there.
#   scripts/setup.sh          build tools: wasm32 target, trunk, wasm-bindgen-cli, npm packages
#   scripts/setup.sh --test   the above plus Debian's chromium + chromium-driver for browser tests,
#                             and the open-data validators from PyPI in .venv (Python jsonschema,
#                             frictionless; scripts/requirements-opendata.txt)
# Nothing here downloads a prebuilt tool or browser: crates.io, npm, PyPI and Debian packages only.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must match the crate pinned with `=` in Cargo.toml exactly.
# wasm-split-cli (crate wasm_split_cli_support) matches the split-point runtime, wasm_split_helpers.
WASM_SPLIT_VERSION=0.2.4
WASM_BINDGEN_VERSION=$(sed -nE 's/^wasm-bindgen = "=([0-9.]+)"/\1/p' Cargo.toml)

say() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  say "installing Debian packages: $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

command -v cargo >/dev/null || { echo "cargo is missing: install Rust with rustup first" >&2; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The lint layer of scripts/test.sh (formatting and clippy).
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (locked dependencies)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --no-default-features --features rustls
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

# Splits the release wasm at the split points of src/on_demand.rs (scripts/wasm.mjs).
# (It has no --version; cargo's list of installed crates says which one is there.)
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  say "installing wasm-split-cli $WASM_SPLIT_VERSION"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --force
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt_install chromium chromium-driver
  fi
  # A project-local virtual environment, (re)made when the pinned list changed since it was
  # installed (.venv/requirements-opendata.txt is the list it was made from).
  REQUIREMENTS=scripts/requirements-opendata.txt
  if ! cmp -s "$REQUIREMENTS" .venv/requirements-opendata.txt 2>/dev/null; then
    command -v python3 >/dev/null || apt_install python3
    # Debian's python3 makes a venv only with python3-venv (ensurepip) installed.
    if ! python3 -m venv .venv >/dev/null 2>&1; then
      rm -rf .venv
      apt_install python3-venv
      python3 -m venv .venv
    fi
    say "installing the open-data validators into .venv ($(grep -v '^#' "$REQUIREMENTS" | xargs))"
    .venv/bin/pip install --quiet --disable-pip-version-check -r "$REQUIREMENTS"
    cp "$REQUIREMENTS" .venv/requirements-opendata.txt
  fi
fi
