#!/usr/bin/env bash
# Builds the npm package of the core into target/js/cert-preflight/ (issue 16): the library
# interface (src/api.rs, exported by src/js_api.rs) compiled for wasm32 WITHOUT the page (no Yew:
# `--no-default-features --features js-api`), wasm-bindgen's `web` glue, wasm-opt, and the files under js/ (the
# ES-module wrapper that initialises the wasm in Node and in browsers, its TypeScript types, the
# README), with a package.json whose version is the crate's.
#
# The module is built as the page's is (scripts/env.sh page_build_env: the standard library at
# opt-level "z", panics trap at once) with the page's profile, `web`. Usage: bash scripts/build-js.sh
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"

OUT=target/js/cert-preflight
# Cargo writes the package's module where the page's build put the page's (same target and
# profile, other features); the page's is kept aside and put back, as a new file (Cargo's copy is a
# hard link into deps/), for what reads it after a page build (bench/budgets/attribution.mjs).
BUILT=target/wasm32-unknown-unknown/web/cert-preflight.wasm
page_module=$(mktemp)
trap 'rm -f "$page_module"' EXIT
have_page_module=0
[ -f "$BUILT" ] && cp "$BUILT" "$page_module" && have_page_module=1

page_build_env
cargo fetch --locked --quiet
fetch_std_crates
cargo build --locked --quiet --target wasm32-unknown-unknown --profile web \
  --no-default-features --features js-api,encrypted-inputs --bin cert-preflight

rm -rf "$OUT" && mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" --out-name cert_preflight_core "$BUILT"
if [ "$have_page_module" = 1 ]; then
  rm -f "$BUILT" && cp "$page_module" "$BUILT"
fi
# The page's wasm-opt settings (index.html's data-wasm-opt="z" and data-wasm-opt-params).
read -r -a opt_params <<<"$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)"
wasm-opt -Oz "${opt_params[@]}" "$OUT/cert_preflight_core_bg.wasm" -o "$OUT/cert_preflight_core_bg.wasm"

cp js/index.js js/index.d.ts js/README.md "$OUT/"
version=$(awk -F'"' '/^version = / { print $2; exit }' Cargo.toml)
node --input-type=module - "$OUT/package.json" "$version" <<'JS'
import { writeFileSync } from 'node:fs';
const [file, version] = process.argv.slice(2);
const pkg = {
  name: 'cert-preflight',
  version,
  description: 'Check certificate bundles and build signed upload requests for cloud certificate APIs: the cert-preflight core as WebAssembly, offline, in Node and in browsers',
  license: 'MIT OR Apache-2.0',
  type: 'module',
  main: './index.js',
  module: './index.js',
  types: './index.d.ts',
  exports: {
    '.': { types: './index.d.ts', default: './index.js' },
    './cert_preflight_core_bg.wasm': './cert_preflight_core_bg.wasm',
    './package.json': './package.json',
  },
  files: ['index.js', 'index.d.ts', 'cert_preflight_core.js', 'cert_preflight_core_bg.wasm', 'README.md'],
  engines: { node: '>=20' },
  sideEffects: false,
};
writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
JS
ls -l "$OUT"
