# Sourced, never run, by every script of the repository (scripts/*.sh, bench/run.sh,
# bench/budgets/without.sh): one place for the working directory, PATH, the pinned tool versions
# and the page's build settings.
#
# Facts behind the pins: trunk 0.22 needs a newer rustc than the machines' 1.95; wasm-bindgen-cli
# must equal the wasm-bindgen crate in Cargo.lock or the glue does not fit the module; only npm's
# binaryen (not Debian's, not the wasm-opt crate) reads wasm-bindgen 0.2.130's output. Trunk.toml
# names the same wasm-bindgen and wasm-opt versions, which scripts/setup.sh checks.

# The repository's root, as the working directory.
CERT_PREFLIGHT_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export CERT_PREFLIGHT_ROOT
cd "$CERT_PREFLIGHT_ROOT"
export PATH="$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CARGO_TERM_COLOR=never

TRUNK_VERSION=0.21.14
# npm's binaryen package; its major version is wasm-opt's version.
BINARYEN_VERSION=132.0.0
WASM_OPT_VERSION=${BINARYEN_VERSION%%.*}
# npm's esbuild: minifies the page's JavaScript and CSS after Trunk's build (scripts/write-sw.mjs).
ESBUILD_VERSION=0.25.12
export ESBUILD_VERSION
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

# The settings of the page's module build (scripts/build-page.sh; bench/run.sh builds its browser
# benchmark module the same way), for the calling shell:
# - the standard library compiled with the page (cargo -Z build-std, from rust-src) at the page
#   profile's opt-level "z" instead of the prebuilt one;
# - a panic traps at once (-C panic=immediate-abort): no message, location or hook code;
# - the standard library's own size-over-speed choices (its `optimize_for_size` feature: smaller
#   sorts, integer formatting and string searches with the same results; -5.3 KB brotli,
#   bench/README.md, "Web app budgets").
# Unstable options of the same stable compiler, allowed by RUSTC_BOOTSTRAP=1 for this build only.
page_build_env() {
  export RUSTC_BOOTSTRAP=1
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  # Added to .cargo/config.toml's wasm32 flags (cargo joins the two lists).
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
}

# The standard library's crates (its own lock file in rust-src), fetched for -Z build-std: Trunk
# runs cargo with --offline, and a fresh machine would lack them. Quick when they are there.
fetch_std_crates() {
  cargo fetch --locked --quiet --target wasm32-unknown-unknown \
    --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
}
