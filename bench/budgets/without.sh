#!/usr/bin/env bash
# The counterfactual behind the size budget's statement (bench/README.md, "Web app budgets"):
# the page built as scripts/build-page.sh builds it, from the committed HEAD, with
# without-encrypted-inputs.patch applied. The patch makes PKCS#12, PKCS#8 decryption and legacy
# encrypted PEM return at once, so that the compiler drops their crates (pkcs12, pkcs5, aes, des,
# rc2, scrypt, pbkdf2, cbc, md5) and their DER types. An experiment, never shipped.
# Writes bench/results/budgets-without-encrypted-inputs.{md,json}: its dist/ beside the real one's;
# run.mjs reads the JSON to say, in budgets.md, what breaks the size budget.
#
#   bash scripts/build-page.sh && bash bench/budgets/without.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$here"
[ -f dist/index.html ] || { echo "dist/ is not built: bash scripts/build-page.sh first" >&2; exit 2; }
work=$(mktemp -d)
trap 'git worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --detach -q "$work/tree" HEAD
if ! git -C "$work/tree" apply "$here/bench/budgets/without-encrypted-inputs.patch"; then
  echo "without-encrypted-inputs.patch no longer applies to HEAD: remake it (three early returns)" >&2
  exit 1
fi
# Its own target directory (under target/, ignored): the page's build in target/ stays as it is.
CARGO_TARGET_DIR="$here/target/without" bash "$work/tree/scripts/build-page.sh" --dist "$work/dist" >"$work/build.log" 2>&1 \
  || { tail -30 "$work/build.log" >&2; exit 1; }
node --input-type=module - "$here/dist" "$work/dist" "$(git rev-parse --short HEAD)" <<'JS'
import { writeFileSync } from 'node:fs';
import { distSizes } from './bench/budgets/size.mjs';
const [real, without, head] = process.argv.slice(2);
const a = distSizes(real); const b = distSizes(without);
const kb = (n) => (n / 1000).toFixed(1);
const rows = a.files.map((f, i) => `| ${f.file} | ${f.brotli} | ${b.files[i]?.brotli ?? '–'} | ${f.brotli - (b.files[i]?.brotli ?? 0)} |`);
const text = `# dist/ without PKCS#12 and encrypted keys

Measured ${new Date().toISOString()} by \`bash bench/budgets/without.sh\` at ${head}: the page's build
(scripts/build-page.sh) with bench/budgets/without-encrypted-inputs.patch applied, beside dist/.
Brotli q11 bytes (KB = 1000 bytes); budget 300 KB.

| file | dist/ | without | difference |
|---|---:|---:|---:|
${rows.join('\n')}
| **total** | **${a.total.brotli}** (${kb(a.total.brotli)} KB) | **${b.total.brotli}** (${kb(b.total.brotli)} KB) | ${a.total.brotli - b.total.brotli} |

PKCS#12 and encrypted keys cost ${kb(a.total.brotli - b.total.brotli)} KB; without them dist/ would be ${kb(b.total.brotli)} KB, ${b.total.brotli <= 300000 ? 'within' : 'over'} the budget.
`;
writeFileSync('bench/results/budgets-without-encrypted-inputs.md', text);
// Read by run.mjs, which names the budget's breaker in budgets.md when dist/ is still this one.
writeFileSync('bench/results/budgets-without-encrypted-inputs.json', `${JSON.stringify({
  measured_at: new Date().toISOString(), head, dist_brotli: a.total.brotli, without_brotli: b.total.brotli,
}, null, 2)}\n`);
console.log(text);
JS
