#!/usr/bin/env bash
# Builds the web page into dist/: `trunk build --release`, with the two settings that keep the
# module small (issue 5's size budget; figures in bench/README.md, "Web app budgets"):
#
# - the standard library is compiled with the page (cargo -Z build-std, from the toolchain's
#   rust-src component) at the page profile's opt-level "z", instead of the prebuilt one;
# - a panic traps at once (-C panic=immediate-abort): no panic message, location or hook code in
#   the module. Every panic already ended the page's module (the profile aborts); the loader
#   (www/loader.js) turns the trap into the error banner either way, naming the trapping function;
# - the standard library's `optimize_for_size` feature (its smaller sorts and integer formatting,
#   same results): -5.3 KB brotli.
#
# Both are unstable options of the same stable compiler, allowed here by RUSTC_BOOTSTRAP=1 for
# this build only (tests, clippy and the CLI use plain stable). Together: -27 KB brotli. The
# settings themselves are page_build_env in scripts/env.sh.
# Every place that builds the page (scripts/test.sh, scripts/serve.sh, the budget benchmark's
# instructions) goes through this script; a plain `trunk build --release` still works, bigger.
set -euo pipefail
# shellcheck source=env.sh
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
page_build_env
# Trunk runs cargo with --offline (Trunk.toml: offline, so that it never downloads tools): fetch
# what the build reads first, the project's crates and the standard library's, or a fresh machine
# fails with "no matching package".
cargo fetch --locked --quiet
fetch_std_crates
exec trunk build --release "$@"
