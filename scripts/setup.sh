#!/usr/bin/env bash
# Installs what building, serving and testing cert-preflight needs, and only what is missing:
# the wasm32 target and rust-src, trunk, wasm-bindgen-cli (equal to the wasm-bindgen crate pinned in Cargo.lock),
# wasm-opt (npm binaryen), Debian's chromium + chromium-driver, the end-to-end npm packages and the
# PyPI packages the tests use. Every step checks the exact version already on PATH and skips if it fits.
# The versions and the facts behind them are in scripts/env.sh; wasm-bindgen-cli's own lock file
# pins a webpki-roots patch the registry lacks (see install_wasm_bindgen_cli below).
#
# Usage: scripts/setup.sh [--build] [--browser] [--e2e] [--python]
#   no flag: everything; --build: only the build tools (always installed); the others add their part.
set -euo pipefail

# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
log() { printf '[setup] %s\n' "$*"; }

# Trunk.toml pins the same tools for Trunk, which refuses any other version.
grep -q "^wasm_bindgen = \"$WASM_BINDGEN_VERSION\"$" Trunk.toml && grep -q "^wasm_opt = \"version_$WASM_OPT_VERSION\"$" Trunk.toml || {
  echo "Trunk.toml's [tools] must name wasm_bindgen = \"$WASM_BINDGEN_VERSION\" (Cargo.lock) and wasm_opt = \"version_$WASM_OPT_VERSION\" (scripts/env.sh)" >&2
  exit 1
}

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
# `cargo install wasm-bindgen-cli --locked` fails here: the crate's own lock file pins a webpki-roots
# patch that the registry lacks. So: get the crate's source (cargo fetch of a throwaway manifest
# unpacks it into the registry's source folder; failing that, the .crate file that an install
# attempt leaves in the registry cache), pin the webpki-roots the registry has, install that.
# Every step says why it failed; its output is kept in a log that is shown on failure.
install_wasm_bindgen_cli() {
  local work src crate
  work=$(mktemp -d)
  trap 'rm -rf "$work"' RETURN
  fail() { echo "wasm-bindgen-cli $WASM_BINDGEN_VERSION: $*; the last commands said:" >&2; tail -20 "$work/log" >&2; exit 1; }
  mkdir -p "$work/fetch/src"
  printf '[package]\nname = "fetch-wasm-bindgen-cli"\nversion = "0.0.0"\nedition = "2021"\n[dependencies]\nwasm-bindgen-cli = "=%s"\n' \
    "$WASM_BINDGEN_VERSION" > "$work/fetch/Cargo.toml"
  echo 'fn main() {}' > "$work/fetch/src/main.rs"
  # Resolution may fail on the missing webpki-roots; the source may be unpacked all the same.
  cargo fetch --manifest-path "$work/fetch/Cargo.toml" >>"$work/log" 2>&1 || log "cargo fetch failed; trying the .crate file"
  src=$(ls -d "$HOME"/.cargo/registry/src/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION" 2>/dev/null | head -n 1 || true)
  if [ -z "$src" ]; then
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --locked --root "$work/none" >>"$work/log" 2>&1 \
      || log "the direct install failed, as expected; unpacking the .crate it downloaded"
    crate=$(ls "$HOME"/.cargo/registry/cache/*/wasm-bindgen-cli-"$WASM_BINDGEN_VERSION".crate 2>/dev/null | head -n 1 || true)
    [ -n "$crate" ] || fail "the crate could not be fetched from crates.io"
    tar -xzf "$crate" -C "$work" || fail "the .crate file did not unpack"
    src="$work/wasm-bindgen-cli-$WASM_BINDGEN_VERSION"
  fi
  cp -r "$src" "$work/cli" && chmod -R u+w "$work/cli"
  if grep -q 'name = "webpki-roots"' "$work/cli/Cargo.lock"; then
    (cd "$work/cli" && cargo update -p webpki-roots --precise 1.0.10) >>"$work/log" 2>&1 \
      || (cd "$work/cli" && cargo update -p webpki-roots) >>"$work/log" 2>&1 \
      || fail "no webpki-roots version of the registry fits its lock file"
  fi
  cargo install --path "$work/cli" --locked || fail "cargo install of the patched source failed"
}
if command -v wasm-bindgen >/dev/null && wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION\b" \
   && command -v wasm-bindgen-test-runner >/dev/null; then
  log "wasm-bindgen-cli $WASM_BINDGEN_VERSION: present"
else
  log "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from its crate source"
  install_wasm_bindgen_cli
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

# --- esbuild (npm): minifies the page's JavaScript and CSS after each build (scripts/write-sw.mjs) --
if command -v esbuild >/dev/null && [ "$(esbuild --version 2>/dev/null)" = "$ESBUILD_VERSION" ]; then
  log "esbuild $ESBUILD_VERSION: present"
else
  log "installing esbuild@$ESBUILD_VERSION from npm"
  npm install -g --no-fund --no-audit "esbuild@$ESBUILD_VERSION" >/dev/null
  hash -r
  [ "$(esbuild --version)" = "$ESBUILD_VERSION" ] || {
    echo "esbuild on PATH is not version $ESBUILD_VERSION (is another one in front of $npm_prefix/bin?)" >&2; exit 1; }
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
  # A CJK font for the page's Chinese in headless Chromium (screenshots, and glyphs instead of
  # boxes in what the zh-CN tests render); the page itself ships none (system font stack).
  if fc-list :lang=zh 2>/dev/null | grep -q .; then
    log "a CJK font: present"
  else
    log "installing Debian's fonts-wqy-microhei (a CJK font, 4 MB)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq fonts-wqy-microhei >/dev/null \
      || { apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei >/dev/null; }
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
  # The npm package's tests (tests/js: playwright-core, typescript).
  if [ -d tests/js/node_modules ] && (cd tests/js && npm ls --depth=0 >/dev/null 2>&1); then
    log "npm package test packages: present"
  else
    log "installing the npm package's test packages (npm ci in tests/js)"
    (cd tests/js && npm ci --no-fund --no-audit >/dev/null)
  fi
fi

# --- zsh: the generated commands run in zsh too (macOS's shell; tests/it/requests.rs) ---------------
if [ "$want_python" = 1 ]; then
  if command -v zsh >/dev/null; then
    log "zsh: present"
  else
    log "installing Debian's zsh"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq zsh >/dev/null || { apt-get update -qq && apt-get install -y -qq zsh >/dev/null; }
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
