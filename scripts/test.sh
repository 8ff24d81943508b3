#!/usr/bin/env bash
# Sets up what is missing (scripts/setup.sh) and runs every test of cert-preflight:
# formatting, clippy (native and wasm32), one RustCrypto generation, the vector facts against
# pyca/cryptography, native cargo tests, browser component tests (wasm-bindgen-test in headless
# Chromium), the release build, the end-to-end tests (Playwright driving Debian's Chromium), and
# the npm package against the CLI (tests/js, Node's test runner).
# Exit status 0 only if every step passed. CI (.ci/run) runs exactly this.
set -uo pipefail

# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_WEBDRIVER_JSON="$CERT_PREFLIGHT_ROOT/tests/webdriver.json"
export WASM_BINDGEN_TEST_TIMEOUT=120

bash scripts/setup.sh || { echo "setup failed"; exit 1; }

passed=0 failed=0 failures=()
step() {
  local name=$1; shift
  local started=$SECONDS
  printf '\n=== %s\n' "$name"
  if "$@"; then
    passed=$((passed + 1)); printf '=== %s: ok (%ss)\n' "$name" $((SECONDS - started))
  else
    failed=$((failed + 1)); failures+=("$name"); printf '=== %s: FAILED (%ss)\n' "$name" $((SECONDS - started))
  fi
}

# The RustCrypto crates must come in one generation: a second version of any of them is a failure.
one_crypto_generation() {
  local dups
  dups=$(cargo tree -d --depth 0 --target all -e normal --prefix none --format '{p}' 2>/dev/null \
    | grep -E '^(der|spki|pkcs[0-9]+|sec1|x509-cert|cms|pem-rfc7468|const-oid|base64ct|base16ct|digest|sha1|sha2|sm3|hmac|crypto-common|block-buffer|hybrid-array|signature|rsa|p256|p384|p521|sm2|elliptic-curve|ecdsa|ed25519|ed25519-dalek|crypto-bigint|rand_core|zeroize) v' \
    | sort -u)
  if [ -n "$dups" ]; then echo "RustCrypto crates in two versions:"; echo "$dups"; return 1; fi
  echo "one generation of RustCrypto crates"
}

# The fuzz target (fuzz/, its own workspace) compiles against the core as it is: nothing else
# builds it, and it once stayed broken for sessions. Its lock starts from the project's, as
# fuzz/run.sh does (pinned pre-releases; a lock of its own would re-resolve them to releases the
# core does not build with); clippy's warnings there are the core's, already checked above.
fuzz_target_compiles() {
  cp Cargo.lock fuzz/Cargo.lock && cargo check --quiet --manifest-path fuzz/Cargo.toml
}

e2e() {
  (cd tests/e2e && timeout 600 npm test --silent)
}

# The npm package (scripts/build-js.sh) against the CLI (its debug build) in Node and in Chromium.
npm_package() {
  bash scripts/build-js.sh >/dev/null && cargo build --locked --quiet \
    && (cd tests/js && timeout 900 npm test --silent)
}

step "cargo fmt --check" cargo fmt --check
step "clippy (native)" cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy (wasm32)" cargo clippy --workspace --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
step "clippy (wasm32, npm package)" cargo clippy --locked --lib --bins --target wasm32-unknown-unknown --no-default-features --features js-api,encrypted-inputs -- -D warnings
step "RustCrypto generation" one_crypto_generation
step "vector facts agree with pyca/cryptography" .venv/bin/python tests/vectors/generate.py --check
step "key corpus facts agree with pyca/cryptography" .venv/bin/python tests/vectors/keys/pyca_keys.py --check
step "fuzz target compiles" fuzz_target_compiles
step "cargo test (native)" cargo test --locked
step "cargo test (wasm32, headless Chromium)" cargo test --locked --target wasm32-unknown-unknown
step "page build (scripts/build-page.sh)" bash scripts/build-page.sh
step "end-to-end (Playwright, Chromium)" e2e
step "npm package (Node)" npm_package

printf '\n'
[ "$failed" -gt 0 ] && printf 'failed steps: %s\n' "${failures[*]}"
printf 'test steps: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
