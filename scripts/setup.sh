#!/usr/bin/env bash
# Installs what building, serving and testing cert-preflight needs, and only what is missing:
# the wasm32 target and rust-src, trunk, wasm-bindgen-cli (equal to the wasm-bindgen crate pinned in Cargo.lock),
# wasm-opt (npm binaryen), Debian's chromium + chromium-driver, the end-to-end npm packages and the
# PyPI packages the tests use. Every step checks the exact version already on PATH and skips if it fits.
# Facts behind each route: ../shared/toolchain.md (trunk 0.22 needs a newer rustc; wasm-bindgen-cli's
# own lock file pins a webpki-roots patch the registry lacks; Debian's binaryen cannot read our wasm).
#
# Usage: scripts/setup.sh [--build] [--browser] [--e2e] [--python]
#   no flag: everything; --build: only the build tools (always installed); the others add their part.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$here"

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
WASM_OPT_VERSION=132
# The CLI must equal the wasm-bindgen crate in Cargo.lock, or the generated glue does not fit the wasm.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '[setup] %s\n' "$*"; }

want_all=1 want_browser=0 want_e2e=0 want_python=0
for arg in "$@"; do
  case "$arg" in
    --build) want_all=0 ;;
    --browser) want_all=0 want_browser=1 ;;
    --e2e) want_all=0 want_e2e=1 ;;
    --python) want_all=0 want_python=1 ;;
    *) echo "usage: scripts/setup.sh [--build] [--browser] [--e2e] [--python]" >&2; exit 2 ;;
  esac
done
[ "$want_all" = 1 ] && want_browser=1 want_e2e=1 want_python=1

# --- Rust: the wasm32 target -------------------------------------------------------------------
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "wasm32-unknown-unknown target: present"
else
  log "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
# The page's build compiles std from source (scripts/build-page.sh).
rustup component list --installed 2>/dev/null | grep -q '^rust-src' || rustup component add rust-src
rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt

# --- trunk ---------------------------------------------------------------------------------------
if command -v trunk >/dev/null && trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  log "trunk $TRUNK_VERSION: present"
else
  log "installing trunk $TRUNK_VERSION (about 6 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# --- wasm-bindgen-cli ----------------------------------------------------------------------------
if command -v wasm-bindgen >/dev/null && wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION\b" \
   && command -v wasm-bindgen-test-runner >/dev/null; then
  log "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from its crate source"
  # `cargo install --locked` of the published crate fails here: its lock file pins a webpki-roots patch
  # that the registry lacks. Fetch the source through cargo, pin the patch the registry has, install.
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  mkdir -p "$work/fetch/src"
  cat > "$work/fetch/Cargo.toml" <<TOML
[package]
name = "fetch-wasm-bindgen-cli"
version = "0.0.0"
edition = "2021"
[dependencies]
wasm-bindgen-cli = "=$WASM_BINDGEN_VERSION"
TOML
  echo 'fn main() {}' > "$work/fetch/src/main.rs"
  # Resolving and fetching (not building) unpacks the crate into the registry's source folder.
  cargo fetch --manifest-path "$work/fetch/Cargo.toml" >/dev/null 2>&1 || true
  src=$(ls -d "$HOME"/.cargo/registry/src/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION" 2>/dev/null | head -n 1 || true)
  if [ -z "$src" ]; then
    # Fall back to the published crate file, which cargo downloads even when its resolution fails.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --root "$work/none" >/dev/null 2>&1 || true
    crate=$(ls "$HOME"/.cargo/registry/cache/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION".crate 2>/dev/null | head -n 1 || true)
    [ -n "$crate" ] || { echo "wasm-bindgen-cli $WASM_BINDGEN_VERSION could not be fetched from crates.io" >&2; exit 1; }
    tar -xzf "$crate" -C "$work"
    src="$work/wasm-bindgen-cli-$WASM_BINDGEN_VERSION"
  fi
  cp -r "$src" "$work/cli"
  chmod -R u+w "$work/cli"
  if grep -q 'name = "webpki-roots"' "$work/cli/Cargo.lock" 2>/dev/null; then
    (cd "$work/cli" && cargo update -p webpki-roots --precise 1.0.10 >/dev/null 2>&1) \
      || (cd "$work/cli" && cargo update -p webpki-roots >/dev/null 2>&1) || true
  fi
  cargo install --path "$work/cli" --locked
  rm -rf "$work"
  trap - EXIT
fi

# --- wasm-opt (npm binaryen; Debian's binaryen and the wasm-opt crate cannot read our output) -----
npm_prefix=$(npm config get prefix)
if command -v wasm-opt >/dev/null && wasm-opt --version 2>/dev/null | grep -q "version $WASM_OPT_VERSION\b"; then
  log "wasm-opt $WASM_OPT_VERSION: present"
else
  log "installing binaryen@$BINARYEN_VERSION from npm (wasm-opt)"
  npm install -g --no-fund --no-audit "binaryen@$BINARYEN_VERSION" >/dev/null
  hash -r
  wasm-opt --version | grep -q "version $WASM_OPT_VERSION\b" || {
    echo "wasm-opt on PATH is not version $WASM_OPT_VERSION (is Debian's binaryen in front of $npm_prefix/bin?)" >&2; exit 1; }
fi

# --- Chromium and its driver ---------------------------------------------------------------------
if [ "$want_browser" = 1 ]; then
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    log "chromium + chromium-driver: present"
  else
    log "installing Debian's chromium and chromium-driver"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

# --- End-to-end npm packages (lock file committed) ---------------------------------------------
if [ "$want_e2e" = 1 ]; then
  if [ -d tests/e2e/node_modules ] && (cd tests/e2e && npm ls --depth=0 >/dev/null 2>&1); then
    log "end-to-end npm packages: present"
  else
    log "installing end-to-end npm packages (npm ci)"
    (cd tests/e2e && npm ci --no-fund --no-audit >/dev/null)
  fi
fi

# --- PyPI packages: the independent implementation for test vectors and the vendors' SDKs ------
# They go into the repository's own virtual environment (.venv, ignored by git), so the pins in
# tests/requirements.txt hold whatever the system Python has. A stamp records what was installed.
if [ "$want_python" = 1 ]; then
  stamp=.venv/.requirements.sha256
  want_sum=$(sha256sum tests/requirements.txt | cut -d' ' -f1)
  if [ -x .venv/bin/python ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want_sum" ]; then
    log "python packages (.venv): present"
  else
    log "installing python packages into .venv (tests/requirements.txt)"
    [ -x .venv/bin/python ] || python3 -m venv .venv
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r tests/requirements.txt
    echo "$want_sum" > "$stamp"
  fi
fi

log "done"
