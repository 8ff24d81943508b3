#!/usr/bin/env bash
# Runs every performance benchmark of cert-preflight and writes bench/results/latest.md
# (see bench/README.md). Usage:
#
#   bash bench/run.sh            inputs (if missing), native bench, pyca bench, release CLI vs pyca
#                                whole process, wasm build + browser bench, then the report
#   bash bench/run.sh STEP...    only these steps, in this order: inputs native pyca process browser report
#                                (and verify: issue 16's verification routes, wasm against WebCrypto,
#                                bench/results/verify-routes.json; not among the default steps;
#                                and mainthread: issue 16's main-thread blocks and paste → verdict on
#                                the built dist/, bench/results/mainthread.{json,md}; not default either)
#   bash bench/run.sh profile    wasm build with names kept (wasm-opt -Oz -g), then Chromium CPU profiles
#                                of the browser cases that miss their targets, and perf profiles of the
#                                native ones and of the release CLI's whole process when perf works
#                                (bench/results/browser-profile-*, bench/results/perf-*.txt)
#
# Timed work is bounded (about 2 minutes on 2 cores, builds excluded); each step has a timeout.
# Timings go to files only; nothing here asserts on them.
set -euo pipefail

bench=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$bench/.." && pwd)
cd "$repo"
export PATH="$HOME/.cargo/bin:$PATH"
export CARGO_TERM_COLOR=never
results="$bench/results"
# pyca/cryptography lives in the repository's .venv (scripts/setup.sh --python).
python="$repo/.venv/bin/python"
[ -x "$python" ] || bash "$repo/scripts/setup.sh" --python
mkdir -p "$results"

log() { printf '\n=== %s\n' "$*"; }

need() {
  command -v "$1" >/dev/null || { echo "bench/run.sh: $1 is not on PATH ($2)" >&2; exit 1; }
}

step_inputs() {
  log "inputs (bench/make_inputs.py)"
  timeout 300 "$python" "$bench/make_inputs.py"
}

step_native() {
  log "native benchmark (cargo bench --bench analysis; profile bench = release: opt-level 3, LTO, as the CLI ships)"
  timeout 1200 cargo bench --bench analysis --no-run
  timeout 300 cargo bench --bench analysis
}

step_pyca() {
  log "pyca/cryptography in-process benchmark"
  timeout 300 "$python" "$bench/pyca_bench.py"
}

step_process() {
  log "whole process: release CLI vs pyca on bundle1000.pem"
  timeout 1200 cargo build --release --bin cert-preflight
  timeout 300 "$python" "$bench/process_bench.py" --cli "$repo/target/release/cert-preflight"
}

# Builds bench/wasm and puts the wasm-bindgen module in bench/browser/pkg; $1 = extra wasm-opt flags.
build_wasm() {
  need wasm-bindgen "install wasm-bindgen-cli 0.2.130: see scripts/setup.sh"
  need wasm-opt "install npm binaryen@132.0.0: see scripts/setup.sh"
  local want have
  want=$(grep -A1 '^name = "wasm-bindgen"$' "$bench/wasm/Cargo.lock" | sed -n 's/^version = "\(.*\)"/\1/p')
  have=$(wasm-bindgen --version | awk '{print $2}')
  [ "$want" = "$have" ] || { echo "wasm-bindgen CLI $have does not match the crate $want in bench/wasm/Cargo.lock" >&2; exit 1; }
  # The app's own wasm-opt parameters (index.html, data-wasm-opt-params), so the module is built as the page's is.
  local app_params
  read -r -a app_params <<<"$(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' "$repo/index.html")"
  set -- "${app_params[@]}" "$@"
  log "wasm build (bench/wasm: opt-level \"z\", LTO, codegen-units 1, std from source, panics trap at once; wasm-opt -Oz $*)"
  # The page's build settings (page_build_env in scripts/env.sh, as scripts/build-page.sh uses them).
  (source "$repo/scripts/env.sh" && page_build_env && cd "$bench/wasm" && fetch_std_crates \
    && timeout 1800 cargo build --release --target wasm32-unknown-unknown --locked)
  rm -rf "$bench/browser/pkg"
  timeout 300 wasm-bindgen --target web --out-dir "$bench/browser/pkg" \
    "$bench/wasm/target/wasm32-unknown-unknown/release/cert_preflight_bench_wasm.wasm"
  local wasm="$bench/browser/pkg/cert_preflight_bench_wasm_bg.wasm"
  timeout 300 wasm-opt -Oz "$@" "$wasm" -o "$wasm.opt"
  mv "$wasm.opt" "$wasm"
  ls -l "$wasm"
}

npm_deps() {
  if [ ! -d "$bench/browser/node_modules/@peculiar/x509" ] || [ ! -d "$bench/browser/node_modules/reflect-metadata" ]; then
    log "npm ci (bench/browser: @peculiar/x509, reflect-metadata)"
    (cd "$bench/browser" && timeout 300 npm ci --no-audit --no-fund)
  fi
  [ -d "$repo/tests/e2e/node_modules/playwright-core" ] || {
    echo "tests/e2e/node_modules/playwright-core is missing: run scripts/setup.sh (or npm ci in tests/e2e)" >&2; exit 1; }
  [ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium is missing: apt-get install chromium" >&2; exit 1; }
}

step_browser() {
  build_wasm
  npm_deps
  log "browser benchmark (headless Chromium)"
  timeout 900 node "$bench/browser/run.mjs"
}

# Issue 16's verification routes: the core's verifier in wasm against WebCrypto, in a Worker.
step_verify() {
  log "verification routes (bench/browser/verify.html: wasm against WebCrypto, in a module Worker)"
  timeout 600 "$python" "$bench/verify/make_links.py"
  npm_deps
  build_wasm
  timeout 900 node "$bench/browser/verify-run.mjs"
}

step_report() {
  log "report"
  timeout 120 python3 "$bench/report.py"
}

step_profile() {
  build_wasm -g
  npm_deps
  for case in ours_parse_fingerprint_bundle1000 ours_parse_fingerprint_chain3 ours_full_bundle1000; do
    log "Chromium CPU profile: $case"
    timeout 600 node "$bench/browser/run.mjs" --profile "$case" --iterations "$([ "$case" = ours_parse_fingerprint_chain3 ] && echo 2000 || echo 8)"
  done
  if perf record -e cpu-clock -o /dev/null true >/dev/null 2>&1; then
    log "perf profiles of the native bench (cpu-clock, DWARF call graphs)"
    CARGO_PROFILE_BENCH_DEBUG=true timeout 1200 cargo bench --bench analysis --no-run
    local exe
    exe=$(CARGO_PROFILE_BENCH_DEBUG=true cargo bench --bench analysis --no-run --message-format=json 2>/dev/null \
      | python3 -c 'import json,sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m["target"]["name"] == "analysis" and m.get("executable"): print(m["executable"])')
    for case in parse_fingerprint_bundle1000 full_bundle1000; do
      rm -f "$results/perf-$case.data" "$results/perf-$case.data.old"
      timeout 300 perf record -q -e cpu-clock -F 500 --call-graph dwarf,65528 -o "$results/perf-$case.data" "$exe" --bench "$case" >/dev/null
      # awk, not head: head would end the pipe early, and pipefail would end this script.
      perf report -i "$results/perf-$case.data" --no-children --sort symbol --stdio -g none --percent-limit 0.5 2>/dev/null \
        | awk '/%/ && n < 60 { gsub(/  +/, " "); print; n++ }' > "$results/perf-$case.txt"
      perf report -i "$results/perf-$case.data" --children --sort symbol --stdio -g none --percent-limit 1 2>/dev/null \
        | awk '/%/ && !/\(inlined\)/ && n < 60 { gsub(/  +/, " "); print; n++ }' > "$results/perf-$case-inclusive.txt"
      rm -f "$results/perf-$case.data" "$results/perf-$case.data.old"
      echo "wrote bench/results/perf-$case.txt (self time) and perf-$case-inclusive.txt"
    done
    log "perf profile of the release CLI, whole process (inspect --json on bundle1000.pem)"
    # Its own target directory: the release profile with debug info, not the binary the process step times.
    CARGO_PROFILE_RELEASE_DEBUG=true timeout 1200 cargo build --release --bin cert-preflight --target-dir target/profile
    local case=cli_bundle1000
    rm -f "$results/perf-$case.data" "$results/perf-$case.data.old"
    timeout 300 perf record -q -e cpu-clock -F 4000 --call-graph dwarf,65528 -o "$results/perf-$case.data" \
      target/profile/release/cert-preflight inspect --json --now 2026-11-22T00:00:00Z bench/data/bundle1000.pem >/dev/null || true
    perf report -i "$results/perf-$case.data" --no-children --sort symbol --stdio -g none --percent-limit 0.5 2>/dev/null \
      | awk '/%/ && n < 60 { gsub(/  +/, " "); print; n++ }' > "$results/perf-$case.txt"
    perf report -i "$results/perf-$case.data" --children --sort symbol --stdio -g none --percent-limit 1 2>/dev/null \
      | awk '/%/ && !/\(inlined\)/ && n < 60 { gsub(/  +/, " "); print; n++ }' > "$results/perf-$case-inclusive.txt"
    rm -f "$results/perf-$case.data" "$results/perf-$case.data.old"
    echo "wrote bench/results/perf-$case.txt (self time) and perf-$case-inclusive.txt"
  else
    echo "perf cannot sample here: skipped the native profiles (valgrind --tool=callgrind is an alternative)"
  fi
}

step_mainthread() {
  log "the page's main thread while it analyses (bench/browser/mainthread.mjs, on the built dist/)"
  [ -f "$bench/data/bundle1000.pem" ] || step_inputs
  [ -f "$repo/dist/index.html" ] || timeout 1800 bash "$repo/scripts/build-page.sh"
  timeout 900 node "$bench/browser/mainthread.mjs"
}

steps=("$@")
if [ ${#steps[@]} -eq 0 ]; then
  steps=(inputs native pyca process browser report)
  : > "$results/load.log"
fi
# The machine may be shared: each step's load averages go beside the figures (report.py shows them).
load() { printf '%s %-8s %-5s load %s\n' "$(date -u +%FT%TZ)" "$1" "$2" "$(cut -d' ' -f1-3 /proc/loadavg)" >> "$results/load.log"; }
started=$SECONDS
for s in "${steps[@]}"; do
  [ "$s" = report ] || load "$s" start
  case "$s" in
    inputs) step_inputs ;;
    native) step_native ;;
    pyca) step_pyca ;;
    process) step_process ;;
    verify) step_verify ;;
    mainthread) step_mainthread ;;
    browser) step_browser ;;
    report) step_report ;;
    profile) step_profile ;;
    *) echo "bench/run.sh: unknown step $s (inputs native pyca process browser verify mainthread report profile)" >&2; exit 2 ;;
  esac
  [ "$s" = report ] || load "$s" end
done
log "done in $((SECONDS - started)) s"
