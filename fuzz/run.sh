#!/usr/bin/env bash
# The documented short fuzz run (fuzz/README.md): seeds the corpus with the vector inputs, builds the
# `analyze` target with cargo-fuzz (stable toolchain, RUSTC_BOOTSTRAP=1 for the sanitizer flags) and
# runs it for SECONDS seconds (default 300) on one core. Exits non-zero when libFuzzer finds a crash,
# whose input is then in fuzz/artifacts/analyze/. The run's last lines go to fuzz/last-run.txt.
#
#   bash fuzz/run.sh [SECONDS]
set -euo pipefail

fuzz=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$fuzz"
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1
seconds=${1:-300}

command -v cargo-fuzz >/dev/null || { echo "cargo-fuzz is missing: cargo install cargo-fuzz --locked" >&2; exit 1; }
# The project's lock file pins the dependencies (pre-releases among them), copied at every run: a
# lock left from an older tree would be re-resolved by cargo to newer releases (rsa 0.10.0 for the
# pinned 0.10.0-rc.20, which the core does not build with). Cargo adds libfuzzer-sys to it.
cp ../Cargo.lock Cargo.lock
# Seed: every vector input (with its case's passphrase after the target's separator, so that
# decryption with the right passphrase is explored) and fuzz/seeds/, each named by its SHA-1 as
# libFuzzer names what it adds (names repeat across vector cases: chain.pem, key.pem, ...).
mkdir -p corpus/analyze
seed() { local tmp; tmp=$(mktemp); cat > "$tmp"; mv "$tmp" "corpus/analyze/$(sha1sum < "$tmp" | cut -c1-40)"; }
for f in ../tests/vectors/inspect/*/input/*; do
  passphrase="$(dirname "$(dirname "$f")")/passphrase.txt"
  if [ -f "$passphrase" ]; then
    { cat "$f"; printf '\n#passphrase='; tr -d '\r\n' < "$passphrase"; } | seed
  else
    seed < "$f"
  fi
done
for f in seeds/*; do seed < "$f"; done

timeout 1800 cargo fuzz build analyze
log=$(mktemp)
status=0
timeout $((seconds + 300)) cargo fuzz run analyze corpus/analyze -- \
  -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 >"$log" 2>&1 || status=$?
{
  echo "fuzz run of $(date -u +%FT%TZ): cargo fuzz run analyze, -max_total_time=$seconds -max_len=65536, exit $status"
  grep -E '^#[0-9]+\s+INITED' "$log" || true
  grep -E 'cov: ' "$log" | tail -1 || true
  grep -E '^Done |^stat::|ERROR|panicked|SUMMARY|Test unit written' "$log" || true
} | tee last-run.txt
if [ "$status" -ne 0 ]; then
  tail -60 "$log"
  echo "fuzz/run.sh: the fuzzer stopped with exit $status; see fuzz/artifacts/analyze/" >&2
fi
rm -f "$log"
exit "$status"
