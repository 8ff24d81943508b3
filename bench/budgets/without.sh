#!/usr/bin/env bash
# The counterfactual behind the size budget's statement (bench/README.md, "Web app budgets"):
# the page built as scripts/build-page.sh builds it, without the default `encrypted-inputs`
# feature (Cargo.toml): PKCS#12, encrypted PKCS#8 and legacy encrypted PEM answer "not supported
# in this build", so that the compiler drops their crates (pkcs12, pkcs5, aes, des, rc2, scrypt,
# pbkdf2, cbc, md5) and their DER types. An experiment, never shipped.
# Writes bench/results/budgets-without-encrypted-inputs.{md,json} (bench/budgets/without.mjs):
# its dist/ beside the real one's; run.mjs reads the JSON to say, in budgets.md, what breaks the
# size budget.
#
#   bash scripts/build-page.sh && bash bench/budgets/without.sh
set -euo pipefail
# shellcheck source=../../scripts/env.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/env.sh"
[ -f dist/index.html ] || { echo "dist/ is not built: bash scripts/build-page.sh first" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Its own target directory (under target/, ignored): the page's build in target/ stays as it is.
CARGO_TARGET_DIR="$CERT_PREFLIGHT_ROOT/target/without" \
  bash scripts/build-page.sh --no-default-features --features page --dist "$work/dist" >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; exit 1; }
node bench/budgets/without.mjs "$CERT_PREFLIGHT_ROOT/dist" "$work/dist" "$(git rev-parse --short HEAD)"
