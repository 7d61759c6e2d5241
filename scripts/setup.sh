#!/usr/bin/env bash
# Installs whatever cdo-atlas needs and is missing; quiet and quick when everything is there.
#   scripts/setup.sh          build tools: Rust as rust-toolchain.toml pins it (with the wasm32
#                             target, rustfmt, clippy), trunk, wasm-bindgen-cli, wasm-split-cli,
#                             npm packages (binaryen, Playwright), at the versions of scripts/tools.mjs
#   scripts/setup.sh --test   the above plus Debian's chromium + chromium-driver for browser tests,
#                             and the open-data validators from PyPI in .venv (Python jsonschema,
#                             frictionless, rdflib; scripts/requirements-opendata.txt)
# Nothing here downloads a prebuilt tool or browser: crates.io, npm, PyPI and Debian packages only, and
# rustup for a missing part of the pinned Rust toolchain.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*"; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  say "installing Debian packages: $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi

# The tools' pinned versions (scripts/tools.env, Cargo.toml, package.json), read by the module
# that scripts/wasm.mjs checks them with: TRUNK_VERSION, WASM_SPLIT_VERSION, WASM_BINDGEN_VERSION,
# BINARYEN_VERSION.
pins=$(node scripts/tools.mjs --env) || exit 1
eval "$pins"

command -v rustup >/dev/null || { echo "rustup is missing: install Rust with rustup first" >&2; exit 1; }

# The compiler rust-toolchain.toml pins, which rustup then runs for every cargo and rustc here.
# Installed here rather than left to rustup's install on first use, which depends on the machine
# (off with RUSTUP_AUTO_INSTALL=0 or `rustup set auto-install disable`, and rustup 1.28.0 never
# did it), and which a machine that reaches no toolchain server cannot do at all.
if ! RUSTUP_AUTO_INSTALL=0 rustup toolchain list | grep -q "^$RUST_TOOLCHAIN-"; then
  toolchains="$(rustup show home)/toolchains"
  host=$(RUSTUP_TOOLCHAIN=stable rustc -vV 2>/dev/null | sed -n 's/^host: //p' || true)
  if [ -n "$host" ] && [ -d "$toolchains/stable-$host" ] &&
    [ "$(RUSTUP_TOOLCHAIN=stable rustc --version | cut -d' ' -f2)" = "$RUST_TOOLCHAIN" ]; then
    # The pinned release is this machine's stable toolchain (so on the project's machines, which
    # come with one toolchain and fetch none): give it the name rustup installs that release
    # under. The check of rustc below catches the day stable is updated under that name.
    say "Rust $RUST_TOOLCHAIN is this machine's stable toolchain: linking it as $RUST_TOOLCHAIN-$host"
    ln -sn "$toolchains/stable-$host" "$toolchains/$RUST_TOOLCHAIN-$host"
  else
    say "installing Rust $RUST_TOOLCHAIN (rust-toolchain.toml)"
    rustup toolchain install "$RUST_TOOLCHAIN" --no-self-update || {
      echo "could not install Rust $RUST_TOOLCHAIN, which rust-toolchain.toml pins" \
        "(this machine's stable: $(RUSTUP_TOOLCHAIN=stable rustc --version 2>/dev/null || echo none))." \
        "Install it with rustup, or move the pin (rust-toolchain.toml says how)." >&2
      exit 1
    }
  fi
fi

# Its targets and components (rust-toolchain.toml), added to that toolchain whatever else is active.
for target in $RUST_TARGETS; do
  if ! rustup target list --installed --toolchain "$RUST_TOOLCHAIN" | grep -qx "$target"; then
    say "adding the $target target to Rust $RUST_TOOLCHAIN"
    rustup target add --toolchain "$RUST_TOOLCHAIN" "$target"
  fi
done
for component in $RUST_COMPONENTS; do
  if ! rustup component list --installed --toolchain "$RUST_TOOLCHAIN" | grep -qE "^$component(-|$)"; then
    say "adding the $component component to Rust $RUST_TOOLCHAIN"
    rustup component add --toolchain "$RUST_TOOLCHAIN" "$component"
  fi
done

# What cargo and rustc run here: RUSTUP_TOOLCHAIN or `cargo +toolchain` would build with another.
rustc_version=$(rustc --version)
if [ "$(echo "$rustc_version" | cut -d' ' -f2)" != "$RUST_TOOLCHAIN" ]; then
  echo "rustc here is ${rustc_version#rustc }, but rust-toolchain.toml pins $RUST_TOOLCHAIN" \
    "${RUSTUP_TOOLCHAIN:+(RUSTUP_TOOLCHAIN=$RUSTUP_TOOLCHAIN overrides it: unset it)}" >&2
  exit 1
fi

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

# npm ci when node_modules is missing or older than the lock file.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages (binaryen, playwright-core, axe-core)"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "${1:-}" = "--test" ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    apt_install chromium chromium-driver
  fi
  # Debian's Chromium is not pinned; playwright-core is. Prints both (recorded in
  # target/test-logs/browser.txt) and warns when Chromium is not the major the tests last passed
  # with (CHROMIUM_MAJOR, scripts/tools.env) or newer than the one playwright-core was made for.
  node scripts/tools.mjs --browser
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
