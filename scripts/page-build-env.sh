# Sourced, not run: the settings of the page's module build (scripts/build-page.sh; bench/run.sh
# builds its browser benchmark module the same way). See build-page.sh for what they do and cost.
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
# Added to .cargo/config.toml's wasm32 flags (cargo joins the two lists).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort"
# The standard library's crates (its own lock file in rust-src), fetched for -Z build-std: Trunk
# runs cargo with --offline, and a fresh machine would lack them. Quick when they are there.
fetch_std_crates() {
  cargo fetch --locked --quiet --target wasm32-unknown-unknown \
    --manifest-path "$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"
}
